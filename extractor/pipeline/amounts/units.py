"""Units named by words: currency symbols, codes and names before or after a number, percent
words, and quantulum3's unit entities (its unit names, surfaces and dimensions, loaded once).
Reads tokens only; which unit a given number takes is decided in :mod:`.measures`.
"""
from __future__ import annotations

import re
import warnings
from functools import cache, lru_cache
from typing import Optional

from spacy.tokens import Doc, Token

from ..extensions import doc_text
from .tables import _match_seq, _scaled_code, _tables


# the rupee sign as written ('RS 232' is no currency): whose rupee, the text says (currency_names_by_state)
RUPEE_AS_WRITTEN = frozenset({"Rs", "Rs."})


def _currency_before(doc: Doc, i: int) -> tuple[Optional[str], int]:
    """'$', 'US$', 'US $', '€', 'USD', 'RMB' right before the number -> (ISO code, first token)."""
    t = _tables()
    if i >= 2 and doc[i - 1].is_space and "\n" not in doc[i - 1].text:
        code, start = _currency_before(doc, i - 1)   # "US$  6.31 billion": a second space typed after the sign
        return (code, start) if code else (None, i)
    if i == 0:
        return None, i
    prev = doc[i - 1]
    if prev.text == "." and i >= 2 and doc[i - 2].text == "Rs" and not doc[i - 2].whitespace_:
        return _currency_of_the_state_named_most(doc, "rupee"), i - 2   # 'Rs. 27.4 billion', the full stop split off
    if prev.text in t["written_symbols"]:
        return t["written_symbols"][prev.text], i - 1   # 'SR 51.2 billion', 'Tk 3,200 crore'
    code = t["currency_symbols"].get(prev.lower_)
    if code and prev.lower_ in ("rs", "rs."):
        # 'Rs 1,250 crore' as written only ('RS 232' is no currency); whose rupee, by the text
        return (_currency_of_the_state_named_most(doc, "rupee"), i - 1) if prev.text in RUPEE_AS_WRITTEN else (None, i)
    if code:
        start = i - 1
        # 'US $58.24', 'C $16.4 million': a country prefix split off the symbol
        if prev.text == "$" and i >= 2 and doc[i - 2].whitespace_ in ("", " "):
            pre = doc[i - 2].lower_ + "$"
            # ('a $3,500 mortgage': the article is no Australian 'A$')
            if pre in t["currency_symbols"] and doc[i - 2].text[:1].isalpha() and doc[i - 2].pos_ != "DET":
                return t["currency_symbols"][pre], i - 2
        return code, start
    if prev.text in t["codes"]:
        return t["codes"][prev.text], i - 1
    code, _ = _scaled_code(prev.text)
    if code:
        return code, i - 1
    return None, i


def _currency_after(doc: Doc, j: int) -> tuple[Optional[str], int]:
    """'dollars', 'yuan', 'won', 'U.S. dollars', 'USD' after the number -> (ISO code, end)."""
    t = _tables()
    if j >= len(doc):
        return None, j
    if doc[j].text in t["codes"]:
        return t["codes"][doc[j].text], j + 1
    if doc[j].text.endswith("=") and doc[j].text[:-1] in t["codes"]:
        return t["codes"][doc[j].text[:-1]], j + 1  # '108.79 JPY=': a Reuters quote code
    code, _ = _scaled_code(doc[j].text)
    if code:
        return code, j + 1
    # '10 $', '100,000 ₭': a symbol after the number, unless it opens the next amount
    if doc[j].text in t["currency_symbols"] and (j + 1 >= len(doc) or not doc[j + 1].like_num):
        return t["currency_symbols"][doc[j].text], j + 1
    # '120.5 billion RM', '3,200 crore Tk': a lettered sign after a magnitude, as Asian agencies
    # write it, in capitals or as the abbreviation is spelt ('5 billion rs' is no rupee)
    if j > 0 and doc[j - 1].lower_ in t["magnitudes"] and (j + 1 >= len(doc) or not doc[j + 1].like_num):
        lettered = t["written_symbols"].get(doc[j].text) or (
            t["currency_symbols"].get(doc[j].lower_) if doc[j].text.isupper() and doc[j].text.isalpha() else None)
        if lettered is not None:
            return lettered, j + 1
    # 'a one-yen bid', 'a 12-dollar ticket': the currency hyphenated to the number
    if doc[j].text == "-" and not doc[j].whitespace_ and not doc[j - 1].whitespace_ and j + 1 < len(doc):
        code, end = _match_seq(doc, j + 1, t["currency_word_seqs"], max_len=1)
        if code is None and doc[j + 1].lower_ in t["subunits"]:  # 'a 12-cent dividend'
            code, end = t["subunits"][doc[j + 1].lower_], j + 2
        return (code, end) if code else (None, j)
    code, end = _match_seq(doc, j, t["currency_word_seqs"])
    if code is None:
        return None, j
    if end < len(doc) and doc[end].lower_ in t["currency_area_nouns"]:
        return None, j   # "September 2019 Euro area exports": the currency's area, not a sum in it
    family = t["currency_family_of_word"].get(doc[j].lower_) if end == j + 1 else None
    if family is not None:
        # '9.6 billion rupees' in a Nepali story, '12 billion riyals' in a Qatari one: that state's
        code = _currency_of_the_state_named_most(doc, family)
        if code is None:
            return None, j   # 'dinars' in a text naming none of the dinar states: whose, nothing says
    if end == j + 1 and doc[j].lower_ in t["pound_words"] and not _pound_is_sterling(doc, j):
        return None, j  # '208 pounds' of body weight: left to the measured units
    # 'won' is also the verb: '3 won' as in 'the team won' never follows a number here,
    # but a tagged past-tense verb means the parser saw a clause boundary
    if doc[j].lower_ == "won" and end < len(doc) and doc[end].pos_ in ("DET", "PRON", "NUM"):
        return None, j
    return code, end


def _pound_is_sterling(doc: Doc, j: int) -> bool:
    """Is the word 'pound(s)' at ``j`` money? Yes after a magnitude ('5 million pounds', '5m pounds')
    and in a British context (data: _pound_rule); '208 pounds' in a story about a diet is weight."""
    t = _tables()
    prev = doc[j - 1] if j > 0 else None
    if prev is not None and (prev.lower_ in t["magnitudes"] or _scaled_code(prev.text)[1] != 1
                             or re.search(r"\d(?:m|bn|k)$", prev.lower_)):
        return True
    return any(tok.lower_ in t["sterling_cues"] for tok in doc)


def _yen_code(doc: Doc, i: int) -> str:
    """¥ is both yen and yuan: the page's site decides (a ".jp" domain writes the yen, a ".cn" one the
    yuan: yen_sites), else the sentence does ('In Japan ...' -> JPY, 'Chinese ...' -> CNY), else
    the document does, by which country's cues it names more often: a Tokyo report on Japan's trade
    with China names Japan more than China (data: _yen_rule). A state named as a partner ('to
    China', 'with Japan') is no cue. CNY on a tie."""
    t = _tables()
    cny, jpy = set(t["yen_cny_cues"]), set(t["yen_jpy_cues"])
    site = _tables()["yen_sites"].get(doc._.site_state or "")
    if site is not None:
        return site   # a Japanese site's "¥" (the Japan Times, Nikkei), whatever partner it names; a Chinese site's
    sent = {tok.lower_ for tok in doc[i].sent if not _named_as_a_partner(tok)}
    if sent & jpy and not sent & cny:
        return "JPY"
    if sent & cny and not sent & jpy:
        return "CNY"
    # ... and the state whose trade the story tells is its possessor ("Japan's goods trade"): twice
    n_cny = n_jpy = 0
    for tok in doc:
        low = tok.lower_
        if (low in cny or low in jpy) and not _named_as_a_partner(tok):
            weight = 2 if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in {"'s", "’s"} else 1
            n_cny += weight * (low in cny)
            n_jpy += weight * (low in jpy)
    return "JPY" if n_jpy > n_cny else "CNY"


_PARTNER_PREPOSITIONS = frozenset({"to", "from", "with", "into", "against", "including"})


def _named_as_a_partner(tok: Token) -> bool:
    """'exports to China', 'trade with Japan': a state named as a partner says nothing of whose
    money the figures are (a Japanese story on its exports to China names China most, as the
    market)."""
    return tok.i > 0 and tok.doc[tok.i - 1].lower_ in _PARTNER_PREPOSITIONS


def _per_document(doc: Doc, key: str, read) -> Optional[str]:
    """``read(doc.text)``, computed once per document."""
    if key not in doc.user_data:
        doc.user_data[key] = read(doc_text(doc))
    return doc.user_data[key]


def _currencies_cued(text: str, table: str) -> list[str]:
    """The currencies of a table of state cues (``local_dollar_cues``) whose cues
    ``text`` names."""
    return [code for code, cues in _tables()[table].items() if any(cue in text for cue in cues)]


def _currency_of_the_state_named_most(doc: Doc, family: str) -> Optional[str]:
    """The currency a name several states use is in a text ('rupees', 'Rs', 'riyals', 'shillings';
    data: currency_names_by_state): that of the state among its users the text names most, the
    family's default on a tie or when the text names none (None for a family without one)."""
    def read(text: str) -> Optional[str]:
        entry = _tables()["currency_names_by_state"][family]
        default = entry["default"]
        counts = {code: sum(text.count(cue) for cue in cues) for code, cues in entry["states"].items()}
        best = max(counts, key=lambda code: (counts[code], code == default))
        return best if counts[best] else default
    return _per_document(doc, "currency:" + family, read)


def _local_dollar(doc: Doc) -> Optional[str]:
    """The dollar a bare '$' is in a release of a dollar state's statistics office, or on a page of
    an Australian, New Zealand or Canadian site (data: local_dollar_cues, local_dollar_sites); None
    for the US dollar, and whenever the text writes a dollar sign of its own ('US$', 'NZ$')."""
    def read(text: str) -> Optional[str]:
        states = _currencies_cued(text, "local_dollar_cues")
        site = _tables()["local_dollar_sites"].get(doc._.site_state or "")
        if not states and site is not None:
            states = [site]   # "$" in the New Zealand Herald
        marked = any(mark in text for mark in _tables()["local_dollar_marks"])
        return states[0] if len(states) == 1 and not marked else None
    return _per_document(doc, "local_dollar", read)


def _percent_after(doc: Doc, j: int) -> tuple[Optional[str], int]:
    """AP style writes 'percent', British 'per cent', Reuters 'pct'; '%' elsewhere. As a compound
    modifier the word is hyphenated to the number ('a 14-percent increase', 'a 5-per-cent rise')."""
    table = _tables()["percent_seqs"]
    if j < len(doc) and doc[j].text == "-" and j > 0 and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
        return _hyphenated_seq(doc, j + 1, table)
    return _match_seq(doc, j, table)


def _hyphenated_seq(doc: Doc, j: int, table: dict) -> tuple[Optional[str], int]:
    """The longest entry of ``table`` at token ``j``, its words joined by spaces or by hyphens
    glued to them ('per-cent', 'per cent')."""
    words, ends, k = [], [], j
    while k < len(doc) and len(words) < 3:
        if doc[k].text != "-":
            words.append(doc[k].lower_)
            ends.append(k + 1)
        elif doc[k - 1].whitespace_ or doc[k].whitespace_:
            break
        k += 1
    for n in range(len(words), 0, -1):
        if tuple(words[:n]) in table:
            return table[tuple(words[:n])], ends[n - 1]
    return None, j


def _glued_seq(doc: Doc, i: int, first: str, table: dict) -> tuple[Optional[str], int]:
    """'5.3per cent', '3.2percentage points': a multi-word entry of ``table`` whose first word the
    digits at ``i`` carry (a space lost in copy); (value, token after the entry) or (None, i + 1)."""
    for n in (3, 2):
        if i + n <= len(doc):
            key = (first,) + tuple(doc[k].lower_ for k in range(i + 1, i + n))
            if key in table:
                return table[key], i + n
    return None, i + 1


def _sentence_has_percent(doc: Doc, i: int) -> bool:
    sent = doc[i].sent
    pct = _tables()["percent_units"]
    return any(tok.lower_ in pct or tok.text.endswith("%") for tok in sent)


def _counted_noun(doc: Doc, j: int) -> Optional[Token]:
    """The noun a cardinal counts: '3,000 workers', '12 new oil tankers'."""
    k = j
    while k < len(doc) and k - j < 4:
        tok = doc[k]
        # common nouns count; a singular proper noun after a number is a name ('575 Wilbraham Road')
        if (tok.pos_ == "NOUN" or tok.tag_ == "NNPS" or (tok.pos_ == "PROPN" and tok.text.islower())) and not tok.is_punct:
            # a compound noun counts through to its head ('12 oil tankers')
            if tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.i - j < 5:
                k += 1
                continue
            return tok
        if tok.pos_ in ("ADJ", "VERB") and tok.tag_ in ("JJ", "VBN", "VBG", "JJR") and tok.dep_ in ("amod", "compound"):
            k += 1
            continue
        # coordinated modifiers: '4.3M digital and physical sales'
        if tok.lower_ in ("and", "or") and k > j and doc[k - 1].pos_ == "ADJ" and k + 1 < len(doc) and doc[k + 1].pos_ == "ADJ":
            k += 1
            continue
        return None
    return None


# ------------------------------------------------------------ quantulum3 units

@cache
def _import_quantulum() -> None:
    """Import quantulum3 without paying for inflect's run-time type checks.

    quantulum3 imports inflect (to pluralize unit names); inflect 7 wraps each of its
    methods with typeguard's ``@typechecked`` at import, which re-parses and recompiles
    them: 3.2 s of every process's first article on this machine, more than loading the
    spaCy model. quantulum3 calls inflect with plain strings, so the checks guard nothing
    here; inflect is imported with ``typechecked`` as the identity (when this process has
    not imported it already), and typeguard is restored at once.
    """
    import sys

    if "inflect" not in sys.modules:
        try:
            import typeguard
        except ImportError:     # an inflect without typeguard: nothing to skip
            typeguard = None
        if typeguard is not None:
            original = typeguard.typechecked

            def unchecked(target=None, **_options):
                return target if target is not None else (lambda inner: inner)

            typeguard.typechecked = unchecked
            try:
                import inflect  # noqa: F401
            finally:
                typeguard.typechecked = original
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import load, parser  # noqa: F401


@cache
def _quantulum_unit_table():
    """quantulum3's English unit table, or None when quantulum3 is missing or broken (measured
    units are then simply not found)."""
    try:
        _import_quantulum()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import load
            return load.units("en_US")
    except Exception:
        return None


@cache
def _quantulum_units() -> tuple[dict, dict]:
    """quantulum3's units of measure (not money, time or bare counts): (symbol -> name, lower surface -> name)."""
    units = _quantulum_unit_table()
    if units is None:
        return {}, {}
    excluded = set(_tables()["quantulum_excluded_entities"])
    time_set = _tables()["time_set"]
    symbols, surfaces = {}, {}
    for table, out, fold in ((units.symbols, symbols, False), (units.surfaces_lower, surfaces, True),
                             (units.symbols_lower, surfaces, True)):
        for surface, us in table.items():
            key = surface.lower() if fold else surface
            name = _first_unit(us, excluded)
            if name and key.lower() not in time_set and key not in out:
                out[key] = name
    # symbols quantulum3 lacks or files under an excluded entity ('ppb', 'GWh', 'mpg'): data table extra_units
    for surface, name in _tables().get("extra_units", {}).items():
        surfaces[surface.lower()] = name
    return symbols, surfaces


def _first_unit(units, excluded: set) -> Optional[str]:
    """The name of the unit a surface reads as, among quantulum3's units for it (those of an excluded
    entity left out): the first by name. quantulum3 keeps them in a set of objects hashed by address,
    whose order changes from one process to the next ("F" was degrees Fahrenheit in one run and farads
    in another); a batch must read the same text the same way every time."""
    kept = sorted(u.name for u in units if u.entity.name not in excluded)
    return kept[0].replace(" ", "_") if kept else None


def _quantulum_unit_words() -> dict:
    return _quantulum_units()[1]


def _quantulum_unit_name(surface: str) -> Optional[str]:
    """'mph' -> 'mile_per_hour', 'kW' -> 'kilowatt' (symbols are case-sensitive: 'mW' is not 'MW');
    news readings that differ from quantulum3's come first (data: unit_overrides)."""
    override = _tables()["unit_overrides"].get(surface)
    if override:
        return override
    symbols, surfaces = _quantulum_units()
    name = symbols.get(surface) or surfaces.get(surface.lower())
    power = None if name else re.fullmatch(r"([A-Za-zµ]{1,3})([23²³])", surface)
    if power:  # 'cm2', 'mm³': a length symbol raised to a power, which quantulum3 lists only for some
        base = symbols.get(power[1]) or surfaces.get(power[1].lower())
        if base in _length_units():
            return ("square_" if power[2] in "2²" else "cubic_") + base
    return name


@cache
def _length_units() -> frozenset:
    """quantulum3's units of length ('centimetre', 'foot'), the ones a power makes an area or volume."""
    units = _quantulum_unit_table()
    if units is None:
        return frozenset()
    return frozenset(n.replace(" ", "_") for n, u in units.names.items() if u.entity.name == "length")


def _compound_unit(doc: Doc, j: int, unit: str) -> tuple[str, int]:
    """Extend a unit ending before token ``j``: '100km/hr' (a unit over a unit: quantulum3's
    'X per Y' name) and '130 degrees Fahrenheit' (the scale after 'degrees')."""
    n = len(doc)
    if j + 1 < n and doc[j].text == "/" and not doc[j].whitespace_ and not doc[j - 1].whitespace_:
        denominator = _quantulum_unit_name(doc[j + 1].text)
        whole = _quantulum_unit_name(doc[j - 1].text.lstrip("0123456789.,") + "/" + doc[j + 1].text)
        if whole:
            return whole, j + 2
        if denominator:
            return f"{unit}_per_{denominator}", j + 2
    if unit in ("degree", "degree_angle") and j < n:
        scales = _tables()["degree_scales"]
        # the tokenizer keeps the full stop on a sentence's last word ('101 degrees F.')
        scale = doc[j].lower_[:-1] if doc[j].lower_.endswith(".") and doc[j].is_sent_end else doc[j].lower_
        if scale in scales:
            return scales[scale], j + 1
    return unit, j


@lru_cache(maxsize=4096)
def _quantulum_parse(sentence: str) -> tuple:
    """quantulum3 over one sentence (slow: cached by text) -> ((start, end, unit, entity), ...)."""
    try:
        _import_quantulum()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*[Cc]lassifier.*")
            warnings.simplefilter("ignore", UserWarning)
            from quantulum3 import parser
            quants = parser.parse(sentence)
    except Exception:
        return ()
    return tuple((q.span[0], q.span[1], q.unit.name, q.unit.entity.name) for q in quants)


def _unit_override_at(doc: Doc, j: int) -> Optional[tuple[str, int]]:
    """A unit of unit_overrides at token ``j``, alone ('12 C'), of two words ('metric tons') or
    hyphenated ('275 pound-feet')."""
    table = _tables()["unit_overrides"]
    if j + 2 < len(doc) and doc[j + 1].text == "-" and not doc[j].whitespace_ and not doc[j + 1].whitespace_:
        name = table.get(f"{doc[j].lower_}-{doc[j + 2].lower_}")
        if name:
            return name, j + 3
    if j + 1 < len(doc):   # 'metric tons', two words
        name = table.get(f"{doc[j].lower_} {doc[j + 1].lower_}")
        if name:
            return name, j + 2
    name = table.get(doc[j].text)
    return (name, j + 1) if name else None


def _without_trailing_hyphen(text: str) -> str:
    return text[:-1] if len(text) > 2 and text.endswith("-") and text[-2].isalpha() else text
