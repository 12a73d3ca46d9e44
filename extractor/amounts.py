"""Amounts: money, percentages, changes, counts and measured quantities.

Rules in the style of textacy's ``extract/`` modules: pure functions over a
parsed :class:`spacy.tokens.Doc`, each named after the bit of news-writing
convention it encodes. All word lists (currencies, magnitudes, number words,
bound cues, change verbs ...) live in ``data/amounts.json``.

The scan is token-level and left to right: find a number *core* (digits such as
"271.2", "$1.5bn", "20.9%" or number words such as "two", "nine-point-42",
"half a million"), grow it with magnitudes and a unit (currency, percent,
quantulum3 unit, counted noun), then look left for a bound cue and for
what marks it as a change. spaCy's NER labels are hints only.

Decisions (see the contract, ``shared/claims-schema.md``):

* ranges ("$1-2 billion", "between 1.5 and 2 percent") have ``bound="range"``,
  ``low``/``high`` filled and ``value`` = the midpoint, so that a consumer that
  ignores ranges still gets a central figure;
* ``precision`` is half a unit of the last stated digit times the magnitude;
  for number words the last word's place counts ("two billion" -> 5e8,
  "three hundred" -> 50), for fractions half the fraction ("half a million" -> 2.5e5);
  "doubled"/"tripled" carry no precision (None);
* vague plurals ("tens of thousands of tourists", "millions of dollars") are
  not amounts: there is no definite value to check;
* "a million" is an amount only with a currency or a counted noun after it;
* bare numbers with no unit and no counted noun after them are not amounts
  (they are mostly scores, ages, identifiers and list markers in news);
* the three exclusions above, and ages and 'one X' counts, hold in the default scope
  "claims"; scope "all" (``find_amounts(doc, "all")``, the component's ``scope`` config)
  reports them too, as quantity-extraction benchmarks count every quantity (the section
  'scope all' below);
* durations ("six years") are periods and are left to the period extractor;
* ``¥`` is CNY when the document mentions China/yuan/RMB, else JPY.
"""
from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

import extractor.extensions  # noqa: F401  (registers Doc._.amounts)
from extractor.articles import AMOUNT_SCOPES as SCOPES
from models import Amount

DATA_DIR = Path(__file__).parent / "data"


class AmountDataError(ValueError):
    """The amounts data table is missing or malformed."""


# --------------------------------------------------------------------------- data

@cache
def _tables() -> dict:
    path = DATA_DIR / "amounts.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise AmountDataError(f"amount tables not found at {path}") from exc
    except json.JSONDecodeError as exc:
        raise AmountDataError(f"{path} is not valid JSON: {exc}") from exc
    required = ("currency_symbols", "currency_words", "magnitudes", "number_words", "bound_cues_before",
                "change_verbs_up", "change_verbs_down", "percent_units", "time_units")
    missing = [k for k in required if k not in raw]
    if missing:
        raise AmountDataError(f"{path} lacks the table(s): {', '.join(missing)}")
    t = dict(raw)
    # multi-word cues are matched as token tuples, longest first
    t["bound_before"] = {tuple(k.split()): v for k, v in raw["bound_cues_before"].items()}
    t["bound_after"] = {tuple(k.split()): v for k, v in raw["bound_cues_after"].items()}
    t["currency_word_seqs"] = {tuple(k.split()): v for k, v in raw["currency_words"].items()}
    t["currency_single_words"] = frozenset(k for k in raw["currency_words"] if " " not in k)
    t["percent_seqs"] = {tuple(k.split()): v for k, v in raw["percent_units"].items()}
    t["codes"] = {c: raw["currency_code_aliases"].get(c, c) for c in raw["currency_codes"]}
    t["up_verbs"] = frozenset(raw["change_verbs_up"])
    t["down_verbs"] = frozenset(raw["change_verbs_down"])
    t["transitive_verbs"] = frozenset(raw.get("change_verbs_transitive", []))
    t["up_nouns"] = frozenset(raw["change_nouns_up"])
    t["down_nouns"] = frozenset(raw["change_nouns_down"])
    t["time_set"] = frozenset(raw["time_units"])
    t["counted_time_set"] = frozenset(raw.get("time_units_counted", []))
    t["ident_set"] = frozenset(raw["identifier_cues_before"])
    t["ident_after"] = {tuple(k.split()): True for k in raw.get("identifier_cues_after", [])}
    t["vague_set"] = frozenset(raw["vague_plural_magnitudes"])
    t["sterling_cues"] = frozenset(raw["pound_sterling_cues"])
    t["transliterated"] = raw.get("transliterated_currency_signs", {})
    t["code_magnitudes"] = raw.get("currency_code_magnitude_prefixes", {})
    t["rate_nouns"] = frozenset(raw.get("rate_nouns_after_a", []))
    t["rate_not_after"] = frozenset(raw.get("rate_not_after", []))
    prefixes = sorted(list(raw["currency_symbols"]) + list(raw["currency_codes"]) + list(t["transliterated"]),
                      key=len, reverse=True)
    pre_re = "|".join(re.escape(s) for s in prefixes)
    # one token, e.g. "271.2", "1,000", "US$271.2m", "HK$5bn", "+0.2", "20.9%", "USD10m", "155mph", "115USD"
    t["numeric_re"] = re.compile(
        rf"^(?P<sign>[+\-−~]?)(?P<cur>{pre_re})?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
        rf"(?P<suf>[^\d\s,.][^\s]*)?$",
        re.IGNORECASE,
    )
    return t


# ------------------------------------------------------------------ value parsing

@dataclass
class _Core:
    """A number before its unit: tokens [start, end), value, precision (base units)."""

    start: int
    end: int
    value: float
    precision: float
    currency: Optional[str] = None
    percent: bool = False
    sign: str = ""
    has_magnitude: bool = False
    is_words: bool = False
    year_like: bool = False
    mult: float = 1.0
    unit: Optional[str] = None       # a measure glued to the digits ('155mph')
    glued_unit_end: bool = False
    approx: bool = False
    below: bool = False              # 'sub-7': less than the number
    split_prefix: bool = False       # the currency symbol is the token before
    transliterated: bool = False     # 'PS2.7m': an ASCII-transliterated sign, needs a scale to be money


@dataclass
class _Found:
    start: int          # first token, bound cue included
    end: int            # token after the last one
    value: float
    unit: str
    precision: Optional[float]
    bound: str = "exact"
    low: Optional[float] = None
    high: Optional[float] = None
    change: Optional[str] = None
    of: Optional[str] = None
    per: Optional[str] = None
    core: Optional[_Core] = field(default=None, repr=False)


def _digit_precision(num: str) -> float:
    """Half a unit of the last stated digit: '271.2' -> 0.05, '3,000' -> 0.5."""
    if "." in num:
        return 0.5 * 10 ** -len(num.split(".", 1)[1])
    return 0.5


def _numeric_core(doc: Doc, i: int) -> Optional[_Core]:
    """Digits in one token, with a glued currency ('US$271.2m', '115USD'), magnitude, '%' or unit ('155mph')."""
    t = _tables()
    text = doc[i].text
    if text.lower().startswith("minus-"):  # 'minus-130 degrees'
        text = "-" + text[6:]
    below = text.lower().startswith("sub-") and text[4:5].isdigit()
    if below:  # 'sub-7 nanometer chips': under the number
        text = text[4:]
    dollar_split = i > 0 and doc[i - 1].text == "$" and not doc[i - 1].whitespace_ and text[:1].isalpha()
    if dollar_split:  # Australian style '$US55,931,000' is tokenized '$' + 'US55,931,000'
        text = "$" + text
    m = t["numeric_re"].match(text)
    if not m or (dollar_split and not m["cur"]):
        return None
    num = m["num"]
    value = float(num.replace(",", ""))
    prec = _digit_precision(num)
    core = _Core(i, i + 1, value, prec, sign=m["sign"].replace("−", "-"), split_prefix=dollar_split)
    if m["cur"]:
        cur = m["cur"]
        core.currency = t["currency_symbols"].get(cur.lower()) or t["codes"].get(cur.upper())
        if core.currency is None and cur.lower() in t["transliterated"]:
            # 'PS2.7m', 'Y=28,030': '£' and '¥' as ASCII feeds write them (data: transliterated_currency_signs)
            core.currency = t["transliterated"][cur.lower()]
            core.transliterated = cur.lower() == "ps" and "," not in num and "." not in num
    suf = m["suf"] or ""
    if suf:
        if not _glued_suffix(doc, core, suf):
            return None
    if core.sign == "~":  # '~45g': a hedge, read as bound 'approx'
        core.sign = ""
        core.approx = True
    core.below = below
    if core.sign == "-" and not core.percent:
        core.value = -core.value
    core.year_like = (not m["cur"] and not suf and not m["sign"]
                      and re.fullmatch(r"1\d\d\d|2[01]\d\d", num) is not None)
    return core


def _glued_suffix(doc: Doc, core: _Core, suf: str) -> bool:
    """Read what is glued after the digits: '%', 'bn', 'm' (money only), 'M', 'USD', 'mph'; False = not an amount."""
    t = _tables()
    low = suf.lower()
    if suf == "%" or low in t["percent_units"] and t["percent_units"][low] == "percent":
        core.percent = True  # '20.9%', and British '5pc'
        return True
    if low in t["time_set"] or low in ("st", "nd", "rd", "th", "s"):
        return False  # '1.56pm', '80th', '1990s'
    mult = t["magnitudes"].get(low)
    money = bool(core.currency or _currency_before(doc, core.start)[0] or _currency_after(doc, core.start + 1)[0])
    if mult is None and low in t["money_only_magnitudes"] and (money or suf == "M" or suf == "B"):
        # news headlines write '4.3M sales'; a lower-case 'm' without money is a metre
        mult = t["money_only_magnitudes"][low]
    if mult is not None:
        core.value *= mult
        core.precision *= mult
        core.has_magnitude = True
        core.mult = mult
        return True
    if suf.upper() in t["codes"] and core.currency is None:
        core.currency = t["codes"][suf.upper()]
        core.glued_unit_end = True
        return True
    if low in t["subunits"]:
        # '118.5p', '4p': pence written onto the number, as British share prices are
        # (quantulum3 reads 'p' as pints)
        core.unit = t["subunits"][low]
        return True
    unit = _quantulum_unit_name(suf)
    if unit:
        core.unit = unit
        return True
    return False


def _hyphen_parts(doc: Doc, i: int, limit: int = 5) -> tuple[list[str], int]:
    """Words joined by hyphens without spaces ('nine-point-42', 'twenty-five'), split on '-'."""
    j, text = i, ""
    while j < len(doc) and j - i < limit:
        text += doc[j].text
        if doc[j].whitespace_ or j + 1 >= len(doc):
            j += 1
            break
        nxt = doc[j + 1].text
        if not (doc[j].text == "-" or nxt == "-" or nxt.startswith("-") or doc[j].text.endswith("-")):
            j += 1
            break
        j += 1
    parts = [p for p in text.lower().split("-") if p]
    return parts, j


def _words_core(doc: Doc, i: int) -> Optional[_Core]:
    """Spelled-out numbers: 'two billion', 'twenty-five', 'nine-point-42 million', 'half a million'."""
    t = _tables()
    words, mags, fracs = t["number_words"], t["magnitudes"], t["fraction_words"]
    first = doc[i].lower_
    if first not in words and first not in ("a", "an") and first not in fracs:
        return None
    fraction_of = _fraction_of_a_magnitude(doc, i)
    if fraction_of is not None:
        return fraction_of
    total = current = 0.0
    last_place = 1.0
    seen = False
    j = i
    decimals = None  # digits after 'point'
    half = 0.0
    while j < len(doc):
        parts, nxt = _hyphen_parts(doc, j)
        if not parts:
            break
        ok = True
        for k, p in enumerate(parts):
            if decimals is not None and (p.isdigit() or (p in words and words[p] < 10)):
                decimals += p if p.isdigit() else str(int(words[p]))
                continue
            if p == "dozen" and decimals is None:
                current = (current or 1.0) * 12  # 'a dozen', 'two dozen'
                last_place = 12.0
                seen = True
                continue
            if p in words and decimals is None:
                current += words[p]
                last_place = 12.0 if p == "dozen" else 1.0
                seen = True
            elif p == "point" and seen and decimals is None:
                decimals = ""
            elif p in ("a", "an") and not seen and k == 0:
                # 'a million', 'a hundred', 'a dozen'; 'a five per cent rise' is an article
                if nxt >= len(doc) or doc[nxt].lower_ not in mags and doc[nxt].lower_ != "dozen":
                    ok = False
                    break
                current = 1.0
                last_place = 1.0
            elif p in fracs and p != "third" and not seen and j == i:
                half = fracs[p]  # 'half a million', 'a quarter million'
                if nxt < len(doc) and doc[nxt].lower_ in mags:
                    current = 1.0
            elif p == "and" and seen and decimals is None:
                pass
            elif p in mags and p.isalpha() and len(p) > 3 and (seen or current):
                if decimals:
                    current += float("0." + decimals)
                    last_place = 10 ** -len(decimals)
                    decimals = None
                if p == "hundred":
                    current *= 100
                    last_place = 100.0
                else:
                    total += current * mags[p]
                    last_place *= mags[p]
                    current = 0.0
                seen = True
            else:
                ok = False
                if k > 0 and seen and _hyphenated_money_word(doc, j, k, p):
                    j += 2 * k - 1  # 'a one-yen bid': the number ends before '-yen'
                break
        if not ok:
            break
        j = nxt
    # trailing 'and' or 'a' is not part of the number
    while j > i and (doc[j - 1].lower_ in ("and", "a", "an", "point", "-") or doc[j - 1].lower_ in fracs):
        j -= 1
    if j == i or not seen:
        return None
    if decimals:
        current += float("0." + decimals)
        last_place = 10 ** -len(decimals)
    value = total + current
    if half:
        value *= half
        last_place *= half
    if value == 0 and doc[i].lower_ != "zero":
        return None
    mult = _round_pow10(last_place) if last_place >= 100 else 1.0
    return _Core(i, j, value, 0.5 * last_place, is_words=True, has_magnitude=last_place >= 100, mult=mult)


def _hyphenated_money_word(doc: Doc, j: int, k: int, word: str) -> bool:
    """Is part ``k`` of the hyphen group at token ``j`` a currency ('one-yen', 'ten-dollar'), with
    every part its own token (word, '-', word), so that the number can end before it?"""
    t = _tables()
    if word not in t["currency_single_words"] and word not in t["subunits"]:
        return False
    return all(doc[j + 2 * m + 1].text == "-" for m in range(k) if j + 2 * m + 1 < len(doc))


def _fraction_word_value(tok: Token) -> Optional[float]:
    """'third' and 'thirds' -> 1/3, 'half' -> 0.5 (data: fraction_words)."""
    fracs = _tables()["fraction_words"]
    return fracs.get(tok.lemma_.lower()) or fracs.get(tok.lower_)


def _fraction_of_a_magnitude(doc: Doc, i: int) -> Optional[_Core]:
    """'a quarter of a million', 'three quarters of a billion', 'three-quarters billion', 'half of a million'."""
    t = _tables()
    n = len(doc)
    k, count = i, 1.0
    if doc[k].lower_ in t["number_words"]:
        count, k = t["number_words"][doc[k].lower_], k + 1
        if k < n and doc[k].text == "-" and not doc[k - 1].whitespace_:  # 'three-quarters'
            k += 1
    elif doc[k].lower_ in ("a", "an"):
        k += 1
    if k + 1 >= n:
        return None
    frac = _fraction_word_value(doc[k])
    if not frac:
        return None
    k += 1
    if k + 1 < n and doc[k].lower_ == "of" and doc[k + 1].lower_ in ("a", "an"):
        k += 2  # 'of a' is optional: 'three quarters billion dollars'
    mag = t["magnitudes"].get(doc[k].lower_) if k < n else None
    if not mag or mag < 1000:
        return None
    value = count * frac * mag
    return _Core(i, k + 1, value, 0.5 * frac * mag, is_words=True, has_magnitude=True, mult=_round_pow10(mag))


def _extend_with_magnitude(doc: Doc, core: _Core) -> None:
    """'271.2 million', '1.5 bn', '$5 m' (the bare 'm' only after a currency)."""
    t = _tables()
    j = core.end
    money = bool(core.currency or _currency_before(doc, core.start)[0])
    while j < len(doc):
        low = doc[j].lower_
        if low.endswith(".") and len(low) > 1 and doc[j].is_sent_end:
            low = low[:-1]  # the tokenizer keeps the full stop on 'm.' at the end of a sentence
        mult = t["magnitudes"].get(low)
        glued_capital = doc[j].text in ("M", "B") and not doc[j - 1].whitespace_  # headline '4.3M sales'
        if mult is None and low in t["money_only_magnitudes"] and (money or glued_capital or _currency_after(doc, j + 1)[0]):
            mult = t["money_only_magnitudes"][low]
        if mult is None or (low == "hundred" and core.has_magnitude):
            break
        # 'a million' style words already consumed their magnitude
        core.value *= mult
        core.precision *= mult
        core.has_magnitude = True
        core.mult *= mult
        core.year_like = False
        j += 1
    core.end = j


def _core_at(doc: Doc, i: int) -> Optional[_Core]:
    if i >= len(doc):  # a range joiner at the end of the text ('5 to')
        return None
    core = _numeric_core(doc, i) or _words_core(doc, i)
    if core is not None:
        _extend_with_magnitude(doc, core)
        if core.transliterated and not core.has_magnitude:
            return None  # 'PS5' is a games console, 'PS5m' five million pounds
    return core


# ----------------------------------------------------------------------- units

def _match_seq(doc: Doc, j: int, table: dict, max_len: int = 3) -> tuple[Optional[str], int]:
    """Longest token sequence of ``table`` starting at token j -> (value, end)."""
    for n in range(max_len, 0, -1):
        if j + n <= len(doc):
            key = tuple(doc[k].lower_ for k in range(j, j + n))
            if key in table:
                return table[key], j + n
    return None, j


def _scaled_code(text: str) -> tuple[Optional[str], float]:
    """'MEUR' -> ('EUR', 1e6), 'kUSD' -> ('USD', 1e3): a magnitude prefix on an ISO code, as finance
    tables write them (data: currency_code_magnitude_prefixes); (None, 1) for anything else."""
    t = _tables()
    for pre, mult in t["code_magnitudes"].items():
        if text.startswith(pre) and text[len(pre):] in t["codes"] and len(text) == len(pre) + 3:
            return t["codes"][text[len(pre):]], float(mult)
    return None, 1.0


def _apply_scale(core: _Core, mult: float) -> None:
    if mult != 1.0 and not core.has_magnitude:
        core.value *= mult
        core.precision *= mult
        core.has_magnitude = True
        core.mult = mult
        core.year_like = False


def _currency_before(doc: Doc, i: int) -> tuple[Optional[str], int]:
    """'$', 'US$', 'US $', '€', 'USD', 'RMB' right before the number -> (ISO code, first token)."""
    t = _tables()
    if i == 0:
        return None, i
    prev = doc[i - 1]
    code = t["currency_symbols"].get(prev.lower_)
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
    # 'a one-yen bid', 'a 12-dollar ticket': the currency hyphenated to the number
    if doc[j].text == "-" and not doc[j].whitespace_ and not doc[j - 1].whitespace_ and j + 1 < len(doc):
        code, end = _match_seq(doc, j + 1, t["currency_word_seqs"], max_len=1)
        if code is None and doc[j + 1].lower_ in t["subunits"]:  # 'a 12-cent dividend'
            code, end = t["subunits"][doc[j + 1].lower_], j + 2
        return (code, end) if code else (None, j)
    code, end = _match_seq(doc, j, t["currency_word_seqs"])
    if code is None:
        return None, j
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
    """¥ is both yen and yuan: the sentence decides ('In Japan ...' -> JPY, 'Chinese ...' -> CNY),
    else a Chinese context anywhere in the document (China, yuan, RMB ...) picks CNY, else JPY."""
    t = _tables()
    cny, jpy = set(t["yen_cny_cues"]), set(t["yen_jpy_cues"])
    sent = {tok.lower_ for tok in doc[i].sent}
    if sent & jpy and not sent & cny:
        return "JPY"
    if sent & cny and not sent & jpy:
        return "CNY"
    return "CNY" if any(tok.lower_ in cny for tok in doc) else "JPY"


def _percent_after(doc: Doc, j: int) -> tuple[Optional[str], int]:
    """AP style writes 'percent', British 'per cent', Reuters 'pct'; '%' elsewhere."""
    unit, end = _match_seq(doc, j, _tables()["percent_seqs"])
    return unit, end


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


def _counted_head(doc: Doc, core: _Core) -> Optional[Token]:
    """The parser's noun for a cardinal ('14 first-team players', 'eight straight World Cups')."""
    last = doc[core.end - 1]
    head = last.head
    if last.dep_ != "nummod" or not (core.end <= head.i < core.end + 6):
        return None
    if head.pos_ == "NOUN" or head.tag_ == "NNPS":
        return head
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
            keep = [u for u in us if u.entity.name not in excluded]
            key = surface.lower() if fold else surface
            if keep and key.lower() not in time_set and key not in out:
                out[key] = keep[0].name.replace(" ", "_")
    # symbols quantulum3 lacks or files under an excluded entity ('ppb', 'GWh', 'mpg'): data table extra_units
    for surface, name in _tables().get("extra_units", {}).items():
        surfaces[surface.lower()] = name
    return symbols, surfaces


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
    if unit in ("degree", "degree_angle") and j < n and doc[j].lower_ in _tables()["degree_scales"]:
        return _tables()["degree_scales"][doc[j].lower_], j + 1
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
    """A unit of unit_overrides at token ``j``, alone ('12 C') or hyphenated ('275 pound-feet')."""
    table = _tables()["unit_overrides"]
    if j + 2 < len(doc) and doc[j + 1].text == "-" and not doc[j].whitespace_ and not doc[j + 1].whitespace_:
        name = table.get(f"{doc[j].lower_}-{doc[j + 2].lower_}")
        if name:
            return name, j + 3
    name = table.get(doc[j].text)
    return (name, j + 1) if name else None


def _without_trailing_hyphen(text: str) -> str:
    return text[:-1] if len(text) > 2 and text.endswith("-") and text[-2].isalpha() else text


def _measured_unit(doc: Doc, core: _Core) -> tuple[Optional[str], int]:
    """'22.5 million tonnes', '12 km': ask quantulum3 only when a unit-looking word follows."""
    j = core.end
    if j >= len(doc):
        return None, j
    # '6.1-inch screen': the unit hyphenated to the number
    if doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ and j + 1 < len(doc):
        unit = _quantulum_unit_name(doc[j + 1].text)
        return (unit, j + 2) if unit else (None, j)
    if doc[j].pos_ in ("ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "PART", "VERB", "ADV"):
        return None, j  # 'in', 'a', 'at' are unit symbols to quantulum3, function words to us
    override = _unit_override_at(doc, j)
    if override:
        return override
    if doc[j].text.isupper() and doc[j].text not in _quantulum_units()[0] and j + 1 < len(doc) \
            and doc[j + 1].text.istitle() and doc[j + 1].pos_ == "PROPN":
        return None, j  # 'four FA Cup finals': capitals that only match a symbol ('fA') ignoring case start a name
    unit_words = _quantulum_unit_words()
    word = _without_trailing_hyphen(doc[j].text)
    if word != doc[j].text:  # '287 miles- and': a dash glued to the unit word
        unit = _quantulum_unit_name(word)
        return (unit, j + 1) if unit else (None, j)
    if doc[j].lower_ not in unit_words and doc[j].text not in _quantulum_units()[0] and not (
        j + 1 < len(doc) and f"{doc[j].lower_} {doc[j + 1].lower_}" in unit_words
    ):
        unit = _quantulum_unit_name(doc[j].text)  # a length to a power: '45 m3', '12 cm2'
        return (unit, j + 1) if unit else (None, j)
    sent = doc[core.start].sent
    base = sent.start_char
    num_start = doc[core.start].idx - base
    num_end = doc[core.end - 1].idx + len(doc[core.end - 1].text) - base
    excluded = set(_tables()["quantulum_excluded_entities"])
    for qs, qe, unit, entity in _quantulum_parse(sent.text):
        if entity in excluded or qs > num_start or qe <= num_end:
            continue
        # accept only quantulum spans that end on one of our token boundaries
        span = doc.char_span(base + num_start, base + qe, alignment_mode="strict")
        if span is None or span.end - core.end > 5:
            continue
        end = span.end - (span[-1].text in ("/", "-") and span.end - 1 > core.end)  # '224 kW / 300 PS'
        return unit.replace(" ", "_"), end
    # quantulum3 found nothing it could align: fall back to its unit table for the one word
    unit = _quantulum_unit_name(doc[j].text)
    return (unit, j + 1) if unit else (None, j)


# ------------------------------------------------------------------ not amounts

def _is_identifier_number(doc: Doc, core: _Core, measured: bool = False) -> bool:
    """'Resolution 2397', 'Article 37', 'No. 5', 'Boeing 737', 'F-35': a label, not a quantity.

    A product name before a number followed by a unit of measure is no label: 'the MacBook Pro
    16 inch', 'Tylenol 500mg' state a size and a dose (``measured``).
    """
    t = _tables()
    i = core.start
    if _match_seq(doc, core.end, t["ident_after"], max_len=2)[0]:
        return True  # 'the 90049 ZIP code'
    if i == 0:
        return False
    prev = doc[i - 1]
    if prev.lower_ in t["ident_set"] or prev.text in ("#", "No.", "no."):
        return True
    # a hyphen glued to a word before the digits: 'F-35', 'Covid-19', 'G-7'
    if prev.text == "-" and not prev.whitespace_ and i >= 2 and doc[i - 2].text[-1:].isalpha() and not doc[i - 2].whitespace_:
        return True
    if measured:
        return False
    # 'iPhone 11', 'Boeing 737', 'COVID -19 tests': a product or a name with a number
    if prev.pos_ == "PROPN" and any(c.isupper() for c in prev.text) and prev.ent_type_ not in ("MONEY", "PERCENT"):
        return True
    if prev.text[:1].isupper() and not prev.is_sent_start and prev.is_alpha:
        return True
    return False


def _is_date_time_or_ordinal(doc: Doc, core: _Core) -> bool:
    """spaCy's DATE/TIME/ORDINAL labels on the digits, a year-like integer, or 'p.m.' after."""
    tok = doc[core.start]
    if tok.ent_type_ == "ORDINAL" and "." not in tok.text:  # '96.088 .DXY' is no ordinal, whatever the tagger says
        return True
    # spaCy-sm calls many long numbers DATE ('1385710 lightning strikes'): trust it for
    # day numbers, years and clock times only
    if tok.ent_type_ in ("DATE", "TIME") and (core.year_like or core.value <= 31 or ":" in tok.text):
        return True
    nxt = doc[core.end].lower_ if core.end < len(doc) else ""
    return nxt in _tables()["time_set"]


def _is_age(doc: Doc, core: _Core) -> bool:
    """'aged 45', '45-year-old'."""
    i = core.start
    if i > 0 and doc[i - 1].lower_ in _tables()["age_cues_before"]:
        return True
    return core.end + 2 < len(doc) and doc[core.end].text == "-" and doc[core.end + 1].lower_.startswith("year")


def _is_tally(doc: Doc, core: _Core) -> bool:
    """'an 80-19 vote', 'won 3-1', '2-2': numbers glued by a hyphen that are not a rising range.

    Seen from either number: the second of '15-22 miles per hour' closes a rising range, so it
    is no tally (the pair 'an 80-19 vote' falls; a score's second number is at most the first).
    """
    i, j = core.start, core.end
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_ \
            and doc[i - 2].like_num:
        try:
            return float(doc[i - 2].text.replace(",", "")) >= abs(core.value)
        except ValueError:
            return True
    if j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
            and doc[j + 1].like_num:
        try:
            return float(doc[j + 1].text.replace(",", "")) <= core.value
        except ValueError:
            return False
    return False


def _is_list_marker_or_fraction(doc: Doc, core: _Core) -> bool:
    """'1.' opening a line, '(2)', '0/250' character counters."""
    j = core.end
    if j < len(doc) and doc[j].text in ("/", ")") and not doc[core.end - 1].whitespace_:
        return True
    if core.start > 0 and doc[core.start - 1].text == "/" and not doc[core.start - 1].whitespace_:
        return True
    return doc[core.start].is_sent_start and j < len(doc) and doc[j].text in (".", ")")


# ------------------------------------------------------------------------ bounds

def _bound_from_preceding_quantifier(doc: Doc, i: int, lower: int) -> tuple[str, int]:
    """'more than $228 million', 'nearly 3,000', 'up to 12%': the cue before the number."""
    table = _tables()["bound_before"]
    for n in (3, 2, 1):
        s = i - n
        if s >= lower:
            key = tuple(doc[k].lower_ for k in range(s, i))
            if key in table:
                if key == ("up", "to") and s > 0 and doc[s - 1].lower_ == "back":
                    return "exact", i  # 'climbed back up to 5%': a return to a level, not a ceiling
                # 'some' is a quantifier only right before the number ('some 3,000 workers')
                return table[key], s
    return "exact", i


def _bound_from_following_phrase(doc: Doc, j: int) -> tuple[Optional[str], int]:
    """'3,000 or more', '$5 million or so', '100-plus'."""
    if j < len(doc) and doc[j].text == "-" and j + 1 < len(doc) and doc[j + 1].lower_ == "plus":
        return "at_least", j + 2
    return _match_seq(doc, j, _tables()["bound_after"], max_len=2)


# ----------------------------------------------------------------------- changes

def _verb_direction(tok: Token) -> Optional[str]:
    t = _tables()
    lemma = tok.lemma_.lower()
    if lemma in t["up_verbs"]:
        return "up"
    if lemma in t["down_verbs"]:
        return "down"
    return None


def _noun_direction(tok: Token) -> Optional[str]:
    t = _tables()
    lemma = tok.lemma_.lower()
    if lemma in t["up_nouns"]:
        return "up"
    if lemma in t["down_nouns"]:
        return "down"
    return None


def _change_from_sign(core: _Core, unit: str) -> Optional[str]:
    """Market tables write '+0.2%' and '-0.3%' for moves."""
    if core.sign == "+":
        return "up"
    if core.sign == "-" and unit in ("percent", "percentage_point", "basis_point"):
        return "down"
    return None


def _change_from_adverb(doc: Doc, s: int) -> Optional[str]:
    """'up 12 percent from a month earlier', 'down 80 pct', 'edged up 0.2%', 'revised upward 2%'."""
    return _adverb_direction(doc[s - 1]) if s > 0 else None


def _adverb_direction(adv: Token) -> Optional[str]:
    """'up', 'downward' (data: direction_adverbs) as an adverb or particle of direction."""
    direction = _tables()["direction_adverbs"].get(adv.lower_)
    if direction is None or (adv.pos_ not in ("ADV", "ADP", "PART") and adv.dep_ != "advmod"):  # 'downwards' NOUN
        return None
    # the particle or adverb of another verb is no direction: 'make up about 80 percent'
    if adv.dep_ == "prt" and adv.head.lemma_.lower() not in _directional_heads():
        return None
    return direction


@cache
def _directional_heads() -> frozenset:
    t = _tables()
    return frozenset(t["change_verbs_up"] + t["change_verbs_down"] + t["change_verbs_neutral"])


def _change_from_comparative(doc: Doc, e: int) -> Optional[str]:
    """'closed 0.68 percent lower', 'shares ended 3% higher', '27% more than a year earlier'.

    'more'/'less' need their 'than': the difference to a reference is a change;
    a bare 'more' ('3,000 more troops') is not a comparison with an earlier level.
    """
    if e >= len(doc):
        return None
    word = doc[e].lower_
    if word in ("more", "less", "fewer", "bigger", "smaller", "larger"):
        return _tables()["change_comparatives"].get(word) if e + 1 < len(doc) and doc[e + 1].lower_ == "than" else None
    return _tables()["change_comparatives"].get(word) if word in ("higher", "lower", "stronger", "weaker") else None


def _change_from_governing_verb(doc: Doc, s: int, unit: str) -> Optional[str]:
    """'rose 20.9%', 'increased by 3 billion yuan'; 'rose to $300 million' is a level.

    Reads leftwards over adverbs ('rose sharply 20%'); 'by' marks the size of a
    change, 'to'/'from'/'at' the new or old level. Money and counts after a
    transitive verb ('lost $5 billion', 'cut 3,000 jobs', 'raised $2 million')
    are amounts lost or raised, not a change of the subject, so they need 'by'.
    """
    t = _tables()
    k = s - 1
    while k >= 0 and doc[k].pos_ in ("ADV",) and doc[k].lower_ not in ("up", "down") and s - k < 4:
        k -= 1
    if k < 0:
        return None
    tok = doc[k]
    if tok.lower_ == t["change_preposition"]:
        v = k - 1
        while v >= 0 and k - v < 5 and doc[v].pos_ in ("ADV", "PART", "ADP", "NOUN", "PRON", "DET", "ADJ") and not _verb_direction(doc[v]):
            if direction := _adverb_direction(doc[v]):
                return direction  # 'was revised upward by 40 billion yen'
            v -= 1
        if v >= 0 and doc[v].pos_ in ("VERB", "NOUN", "AUX"):
            return _verb_direction(doc[v]) if doc[v].pos_ != "NOUN" else _noun_direction(doc[v])
        return None
    if tok.lower_ in t["level_prepositions"]:
        return None
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        if unit not in ("percent", "percentage_point", "basis_point", "times") and tok.lemma_.lower() in t["transitive_verbs"]:
            return None
        return _verb_direction(tok)
    return None


def _change_verb_before(doc: Doc, s: int) -> Optional[str]:
    """The direction of a change verb right before token ``s`` (over adverbs), transitive or not."""
    k = s - 1
    while k >= 0 and doc[k].pos_ == "ADV" and s - k < 4:
        k -= 1
    return _verb_direction(doc[k]) if k >= 0 and doc[k].pos_ == "VERB" else None


def _moves_to_a_level(doc: Doc, f: _Found, s: int) -> Optional[str]:
    """'Hextar added 15 sen to RM2.70', 'shed $3 to $40': an amount between a change verb and 'to'
    plus a new level is the size of the move, even after a verb whose object is usually what was
    added or lost ('lost $5 billion'): the level after 'to' shows the subject itself moved."""
    j = f.end
    if j + 1 >= len(doc) or doc[j].lower_ != "to":
        return None
    nxt = doc[j + 1]
    if not (nxt.like_num or nxt.text[:1].isdigit() or _currency_before(doc, j + 2)[0]
            or _numeric_core(doc, j + 1) is not None):
        return None
    return _change_verb_before(doc, s)


def _change_from_modified_noun(doc: Doc, e: int, root: Token) -> Optional[str]:
    """'a 86% drop', 'a 15% increase', 'an increase of 15%'."""
    if e < len(doc) and doc[e].pos_ == "NOUN":
        d = _noun_direction(doc[e])
        if d:
            return d
    head = root.head
    if root.dep_ in ("nummod", "compound", "amod", "npadvmod", "quantmod") and head.i >= e and head.pos_ == "NOUN":
        d = _noun_direction(head)
        if d:
            return d
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return _noun_direction(head.head)
    return None


def _span_root(doc: Doc, s: int, e: int) -> Token:
    return doc[s:e].root


# --------------------------------------------------------------------- assembly

def _unit_for_core(doc: Doc, core: _Core, yen: list) -> tuple[Optional[str], int, Optional[str]]:
    """-> (unit, end token, counted noun lemma); unit None means 'not an amount'."""
    t = _tables()
    j = core.end
    cur = core.currency
    if cur is None:
        cur_b, cur_start = _currency_before(doc, core.start)
        cur = cur_b
        if cur_b:
            _apply_scale(core, _scaled_code(doc[cur_start].text)[1])  # 'MAUD 60'
    yen_sign = doc[core.start].text.lstrip("+-−~").startswith("¥") or (core.start > 0 and doc[core.start - 1].text == "¥")
    if cur == "JPY" and yen_sign:  # only the sign is ambiguous; 'JPY' and 'yen' are not
        cur = _yen_code(doc, core.start)
    after, end = _currency_after(doc, j)
    if after and end == j + 1:
        _apply_scale(core, _scaled_code(doc[j].text)[1])  # '120 MEUR'
    if after and (cur is None or cur == after or after == "USD"):
        end = _magnitude_after_currency(doc, core, end)
        end = _subunits_after_currency(doc, core, end)
        return (cur or after), end, None
    if cur:
        return cur, j, None
    if core.unit:
        unit, end = _compound_unit(doc, j, core.unit)
        return unit, end, None
    if core.percent:
        return "percent", j, None
    pct, end = _percent_after(doc, j)
    if pct:
        return pct, end, None
    if j < len(doc) and doc[j].lower_ in t["subunits"] and doc[j].lower_ != "p":
        return t["subunits"][doc[j].lower_], j + 1, None
    if j < len(doc) and doc[j].text in ("p", "p.") and (doc[j].text == "p" or doc[j].is_sent_end) \
            and not core.is_words and (j + 1 >= len(doc) or not doc[j + 1].text[:1].isdigit()):
        # 'down 68 p at 1112 p': London share prices in pence, set apart; a page is 'p. 68', before
        return "penny", j + 1, None
    if j < len(doc) and doc[j].lower_ in t["point_words"] and not (core.is_words and core.value == 1):
        # 'at one point' is an idiom of time, '50 points' a score or an index move
        return ("percentage_point" if _sentence_has_percent(doc, j) else "point"), j + 1, None
    # '3.2-fold'
    if j + 1 < len(doc) and doc[j].text == "-" and doc[j + 1].lower_ == "fold":
        return "times", j + 2, None
    if j < len(doc) and doc[j].lower_ == "fold":
        return "times", j + 1, None
    return None, j, None


def _magnitude_after_currency(doc: Doc, core: _Core, end: int) -> int:
    """'75 USD million': the magnitude after the currency code (tables and wire copy)."""
    mult = _tables()["magnitudes"].get(doc[end].lower_) if end < len(doc) else None
    if mult and not core.has_magnitude and mult >= 1000:
        core.value *= mult
        core.precision *= mult
        core.has_magnitude = True
        core.mult = mult
        return end + 1
    return end


def _subunits_after_currency(doc: Doc, core: _Core, end: int) -> int:
    """'thirteen dollars and forty-five cents', '15 dollars 50': cents after the main unit."""
    if core.has_magnitude or core.value != int(core.value) or end >= len(doc):
        return end
    k = end + (doc[end].lower_ == "and")
    if k >= len(doc):
        return end
    sub = _numeric_core(doc, k) or _words_core(doc, k)
    if sub is None or sub.has_magnitude or sub.value != int(sub.value) or not 0 < sub.value < 100:
        return end
    nxt = doc[sub.end] if sub.end < len(doc) else None
    named = nxt is not None and nxt.lower_ in ("cents", "cent", "pence", "p")
    # without 'cents' only a number that closes the clause can be the cents ('15 dollars 50.')
    if not named and nxt is not None and not nxt.is_punct:
        return end
    core.value += sub.value / 100
    core.precision = 0.005
    return sub.end + named


def _non_money_unit(doc: Doc, core: _Core, every: bool = False) -> tuple[Optional[str], int, Optional[str]]:
    """Measured quantities (quantulum3) and counts, after the not-an-amount filters; ``every``
    (scope 'all') also reads ages, anaphoric and indefinite counts and 'one of the N'."""
    t = _tables()
    if every:
        age = _age(doc, core)
        if age is not None:
            return age[0], age[1], None
    if _is_age(doc, core) or _is_list_marker_or_fraction(doc, core):
        return None, core.end, None
    unit, end = _measured_unit(doc, core)
    # spaCy calls '1520' in 'a 1520 sq m centre' a DATE; a unit of measure written after it says otherwise
    measure_after_year = unit is not None and core.year_like and end > core.end and doc[core.end].text[:1].islower()
    counted_time = every and _counts_time_units(doc, core)  # spaCy tags 'five seasons' DATE all the same
    if _is_date_time_or_ordinal(doc, core) and not measure_after_year and not counted_time:
        return None, core.end, None
    # a unit written as a word or a lower-case symbol ('16 inch', '500mg'), not a lone capital ('PA 23456 F')
    spelled = core.unit is not None or (end > core.end and doc[core.end].text.islower())
    if _is_tally(doc, core) or _is_identifier_number(doc, core, measured=unit is not None and spelled):
        return None, core.end, None
    if unit:
        unit, end = _compound_unit(doc, end, unit)
        return unit, end, None
    _, after_bound = _bound_from_following_phrase(doc, core.end)  # '3,000 or more inspectors'
    noun = _counted_noun(doc, after_bound) or _counted_head(doc, core)
    if noun is None and every:
        noun = _partitive_noun(doc, core.end) or _abbreviated_unit(doc, core.end)
    if noun is None:
        return None, core.end, None
    if (noun.lower_ in t["time_set"] or noun.lemma_.lower() in t["time_set"]) and not counted_time:
        return None, core.end, None  # periods measure years and hours
    if core.end + 1 < len(doc) and doc[core.end + 1].text[:1].isdigit() and (
            doc[core.end].text in ("-", "–")
            or doc[core.end].lower_ == "and" and core.start > 0 and doc[core.start - 1].lower_ == "between"):
        # '14-18 mpg', '5-10W laser', 'between 5 and 10 workers': the first number of a range; the
        # range takes the unit of the second number (_bare_range), not the parser's noun beyond it
        return None, core.end, None
    if (noun.ent_type_ in ("DATE", "TIME") and not counted_time) or noun.lower_ in t["vague_set"]:
        return None, core.end, None
    # '2,000 workers' has a comma; '2000 workers' may still be a count, but 'of 2023 Chinese exports' is a year
    # ... unless a bound cue makes it a quantity: years take no 'more than' ('more than 1000 customers')
    if core.year_like and (noun.tag_ != "NNS" or (core.start > 0 and doc[core.start - 1].pos_ == "ADP")) \
            and _bound_from_preceding_quantifier(doc, core.start, 0)[0] == "exact":
        return None, core.end, None
    # 'one of ...', 'a million' with no noun were rejected above; 'one' before a noun is a count
    if not every and _is_anaphoric_or_indefinite_count(doc, core):
        return None, core.end, None
    # the span runs to the counted noun: '1,200 people', '12 new oil tankers'
    end = noun.i + 1 if core.end <= noun.i < core.end + 6 else core.end
    return "count", end, _noun_lemma(noun)


# ------------------------------------------------- scope 'all': every quantity, checkable or not

def _counts_time_units(doc: Doc, core: _Core) -> bool:
    """'five seasons', 'three nights': time words that are counted, not measured as a span
    (the period finder reads years and hours; spaCy tags these DATE or TIME all the same)."""
    noun = _counted_noun(doc, core.end)
    return noun is not None and _noun_lemma(noun) in _tables()["counted_time_set"]


def _age(doc: Doc, core: _Core) -> Optional[tuple[str, int]]:
    """'a 50-year-old man', 'an 18-month-old', '400 million-year-old bedrock', 'aged 45', and the
    appositive age of news style after a name ('Maddon, 66, said'): (unit, end token)."""
    t = _tables()
    j, n = core.end, len(doc)
    k = j + (j < n and doc[j].text == "-")
    if k < n and doc[k].lower_.rstrip("s") in t["age_units"]:
        unit = t["age_units"][doc[k].lower_.rstrip("s")]
        m = k + 1 + (k + 1 < n and doc[k + 1].text == "-")
        if m < n and doc[m].lower_ == "old":
            return unit, m + 1
        return None
    if core.start > 0 and doc[core.start - 1].lower_ in t["age_cues_before"]:
        return t["age_units"]["year"], j
    if core.start > 1 and doc[core.start - 1].lower_ == "of" and doc[core.start - 2].lower_ == "age":
        return t["age_units"]["year"], j  # 'over the age of 21'
    # 'Maddon, 66,': a whole number between commas right after a person's name
    if (core.start >= 2 and doc[core.start - 1].text == "," and j < n and doc[j].text in (",", ")")
            and (doc[core.start - 2].ent_type_ == "PERSON" or doc[core.start - 2].pos_ == "PROPN"
                 and doc[core.start - 2].text[:1].isupper())
            and core.value == int(core.value) and 0 < core.value < 120
            and not core.has_magnitude):
        return t["age_units"]["year"], j
    return None


def _partitive_noun(doc: Doc, j: int) -> Optional[Token]:
    """'one of the best screens', 'thousands of COVID-19 tests': the noun of the 'of' phrase after a
    number (the parser's object of 'of'), unless another quantity stands in between ('280 million of
    the 1.5 billion shekels' has its own unit, later)."""
    if j >= len(doc) or doc[j].lower_ != "of":
        return None
    objects = [c for c in doc[j].children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") and c.i - j <= 6]
    if not objects:
        return None
    noun = objects[0]
    if any(t.like_num and t.dep_ != "punct" or t.lower_ in _tables()["magnitudes"] for t in doc[j + 1:noun.i]):
        return None
    return noun if noun.pos_ == "NOUN" or noun.tag_ == "NNPS" else None


def _proportion(doc: Doc, i: int) -> Optional[_Found]:
    """'a third of the population', 'half of which', 'two-thirds of sales', 'one out of three
    Germans', 'one in five adults': a part of a whole, as a fraction (unit 'fraction', scope 'all')."""
    t = _tables()
    words = t["number_words"]
    n = len(doc)
    low = doc[i].lower_
    if low not in ("a", "half") and low not in words and not low.isdigit():
        return None   # runs on every token in scope 'all': the cheap test first
    if any(doc[k].lower_ == "of" and k + 2 < n and doc[k + 1].lower_ in ("a", "an") and doc[k + 2].lower_ in t["magnitudes"]
           for k in range(i + 1, min(n, i + 4))):
        return None  # 'a quarter of a million people' is a number, not a share (_fraction_of_a_magnitude)

    def fraction_at(k: int) -> Optional[float]:
        return _fraction_word_value(doc[k]) if k < n else None

    # 'a third of', 'one quarter of', 'half of' (not 'the first half of')
    if low in ("a", "one") and i + 2 < n and fraction_at(i + 1) and doc[i + 2].lower_ == "of":
        return _Found(i, i + 2, fraction_at(i + 1), "fraction", None)
    if low == "half" and i + 1 < n and doc[i + 1].lower_ == "of" and not (i > 0 and doc[i - 1].lower_ in ("the", "first", "second")):
        return _Found(i, i + 1, 0.5, "fraction", None)
    # 'two-thirds of'
    if low in words and i + 3 < n and doc[i + 1].text == "-" and fraction_at(i + 2) and doc[i + 3].lower_ == "of":
        return _Found(i, i + 3, words[low] * fraction_at(i + 2), "fraction", None)
    # 'one out of three', 'one in five' before a noun
    if low in words or low.isdigit():
        part = words.get(low) or float(low)
        k = i + 1
        if k + 1 < n and doc[k].lower_ == "out" and doc[k + 1].lower_ == "of":
            k += 2
        elif k < n and doc[k].lower_ == "in":
            k += 1
        else:
            return None
        whole = words.get(doc[k].lower_) if k < n else None
        if whole is None and k < n and doc[k].text.isdigit():
            whole = float(doc[k].text)
        if whole and part < whole and k + 1 < n and doc[k + 1].pos_ in ("NOUN", "PROPN", "ADJ"):
            return _Found(i, k + 1, part / whole, "fraction", None)
    return None


def _hyphenated_count(doc: Doc, i: int) -> Optional[_Found]:
    """'a six-cylinder engine', and the suspended hyphens of 'four-, five- and six-cylinder
    engines': a number hyphenated to a noun counts that noun (scope 'all'; to a reader of claims
    it describes the thing modified). Time words are left to the periods ('a six-year high')."""
    t = _tables()
    tok, n = doc[i], len(doc)
    word = tok.lower_.rstrip("-")
    value = t["number_words"].get(word)
    if value is None and word.isdigit():
        value = float(word)
    if value is None:
        return None

    def noun_after_hyphen(k: int) -> Optional[Token]:
        if k + 2 < n and doc[k + 1].text == "-" and not doc[k].whitespace_ and not doc[k + 1].whitespace_ \
                and doc[k + 2].pos_ == "NOUN" and doc[k + 2].lower_ not in t["time_set"] \
                and doc[k + 2].lemma_.lower() not in t["time_set"] and not _quantulum_unit_name(doc[k + 2].text) \
                and not _currency_after(doc, k + 1)[0] \
                and not doc[k + 2].text[:1].isdigit() and doc[k + 2].lemma_.lower() not in t["fraction_words"]:
            # not money ('a 12-cent dividend'), a range ('5-10W') nor a fraction ('two-thirds')
            return doc[k + 2]
        return None

    noun, end = noun_after_hyphen(i), i + 3
    if noun is None and tok.text.endswith("-") and len(tok.text) > 1:   # 'four-,' waits for the last member
        for k in range(i + 1, min(n, i + 8)):
            if doc[k].lower_.rstrip("-") in t["number_words"] or doc[k].text.rstrip("-").isdigit():
                noun = noun_after_hyphen(k)
                if noun is not None or not doc[k].text.endswith("-"):
                    break
            elif not (doc[k].is_punct or doc[k].lower_ in ("and", "or")):
                break
        end = i + 1
    if noun is None:
        return None
    return _Found(i, end, float(value), "count", None, of=_noun_lemma(noun))


def _abbreviated_unit(doc: Doc, j: int) -> Optional[Token]:
    """'(0.5 WAR)', '12 RBI,': an all-capital abbreviation right after a number and closing its
    phrase names what is counted (a statistic), as a unit symbol would."""
    if j + 1 >= len(doc) or not (doc[j].is_alpha and doc[j].is_upper and 2 <= len(doc[j].text) <= 5):
        return None
    return doc[j] if doc[j + 1].is_punct else None


def _bare_number_range(doc: Doc, i: int, lower: int) -> Optional[_Found]:
    """'jumped from 240 to 273', 'between 12 and 15': a range of two bare numbers (scope 'all')."""
    a = _core_at(doc, i)
    j = a.end if a else i
    if a is None or a.is_words or a.year_like or j + 1 >= len(doc) or doc[j].lower_ not in ("to", "and", "-", "–"):
        return None
    opener = doc[i - 1].lower_ if i > lower else ""
    if opener not in ("from", "between") or (doc[j].lower_ == "and") != (opener == "between"):
        return None
    b = _core_at(doc, j + 1)
    if b is None or b.is_words or b.year_like or not _is_bare_quantity(doc, b) or _is_date_time_or_ordinal(doc, a):
        return None
    if opener == "from" and _levels_after_change(doc, i - 1, "dimensionless"):
        # 'jumped from 240 to 273': two levels, as with units (_bare_range); the second follows
        return _Found(i, a.end, a.value, "dimensionless", a.precision, core=a)
    return _Found(i - 1, b.end, (a.value + b.value) / 2, "dimensionless", max(a.precision, b.precision), "range",
                  a.value, b.value, core=b)


def _is_bare_quantity(doc: Doc, core: _Core) -> bool:
    """A number with no unit that still states a quantity: 'estimates of 64,900', 'rose 8% to 3.65'.
    Not a year, date, clock time, ordinal, label ('iPhone 12'), list marker, score or age."""
    if core.year_like or core.is_words:
        return False  # a number word with no noun is a pronoun or an idiom ('a baker's dozen', 'at one')
    n = len(doc)
    j = core.end
    if j + 1 < n and doc[j].lower_ in _tables()["range_joiners"] and (doc[j + 1].like_num or doc[j + 1].text[:1].isdigit()):
        return False  # the first number of a range whose unit did not follow: '1 to 1.5 degrees'
    if j < n and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and not doc[j].text.isupper():
        return False  # part of a name: 'iPhone 11 Pro', '787 Dreamliner', '49 Zorro Ranch Road'
    return not (_is_date_time_or_ordinal(doc, core) or _is_identifier_number(doc, core)
                or _is_list_marker_or_fraction(doc, core) or _is_tally(doc, core) or _is_age(doc, core))


def _vague_plural(doc: Doc, i: int) -> Optional[_Found]:
    """'dozens of people', 'hundreds of miles', 'tens of thousands of tourists', 'millions of
    dollars': a plural magnitude word M states a quantity between M and ten times M (data:
    vague_plural_values). It needs 'of' and what is counted or measured after it."""
    t = _tables()
    values = t["vague_plural_values"]
    k, mult = i, 1.0
    while k < len(doc) and doc[k].lower_ in values and k + 1 < len(doc) and doc[k + 1].lower_ == "of":
        mult *= values[doc[k].lower_]
        k += 2
    if k == i or k >= len(doc):
        return None
    low, high = mult, mult * 10
    code, end = _match_seq(doc, k, t["currency_word_seqs"])
    if code:
        return _Found(i, end, (low + high) / 2, code, None, "range", low, high)
    unit = _quantulum_unit_name(doc[k].text) if doc[k].pos_ == "NOUN" else None
    if unit:
        return _Found(i, k + 1, (low + high) / 2, unit, None, "range", low, high)
    noun = _counted_noun(doc, k) or _partitive_noun(doc, k - 1)  # 'thousands of COVID-19 tests'
    if noun is None:
        return None
    return _Found(i, noun.i + 1, (low + high) / 2, "count", None, "range", low, high, of=_noun_lemma(noun))


def _noun_lemma(tok: Token) -> str:
    """The counted noun's lemma; spaCy leaves plural proper nouns as written ('Americans',
    'World Cups'), so their plural '-s' is dropped here: 'american', 'cup'."""
    lemma = tok.lemma_.lower()
    if tok.tag_ == "NNPS" and lemma == tok.lower_ and len(lemma) > 3 and lemma.endswith("s") and not lemma.endswith("ss"):
        lemma = lemma[:-3] + "y" if lemma.endswith("ies") else lemma[:-1]
    return lemma


def _is_anaphoric_or_indefinite_count(doc: Doc, core: _Core) -> bool:
    """'the two countries' points back at a known set and 'one trader said' is an indefinite
    article in disguise: neither states a quantity a reader could check."""
    if core.is_words and core.value == 1 and doc[core.start].lower_ == "one":
        # a focus particle makes it a real count again: 'in just one area', 'only one ship'
        return not (core.start > 0 and doc[core.start - 1].lower_ in ("just", "only", "exactly", "merely"))
    if core.start > 0:
        prev = doc[core.start - 1]
        if prev.lower_ in ("the", "these", "those", "its", "their", "his", "her", "our", "both") or prev.tag_ == "POS":
            return True
    return False


def _build(doc: Doc, i: int, yen: list, allow_bare: bool = False, every: bool = False,
           bare_quantity: bool = False) -> Optional[_Found]:
    core = _core_at(doc, i)
    if core is None:
        return None
    if core.end < len(doc) and doc[core.end].lower_ in _tables()["vague_set"]:
        return None
    cur_b, cur_start = _currency_before(doc, core.start)
    unit, end, of = _unit_for_core(doc, core, yen)
    if unit is None:
        unit, end, of = _non_money_unit(doc, core, every)
    if unit is None and bare_quantity and _is_bare_quantity(doc, core):
        unit, end = "dimensionless", core.end
    if unit is None and not allow_bare:
        return None
    start = cur_start if (cur_b and core.currency is None) else core.start - core.split_prefix
    if start > 0 and doc[start - 1].lower_ == "minus" and core.value > 0:  # 'minus 233 Celsius'
        start -= 1
        core.value = -core.value
    return _Found(start, end, core.value, unit or "", core.precision, of=of, core=core)


def _range_with_next(doc: Doc, a: _Found, opener: Optional[str], yen: list,
                     dash_only: bool = False, ordered: bool = True) -> Optional[_Found]:
    """'$1-2 billion', '1.5 to 2 percent', 'between $1 billion and $2 billion'.

    ``ordered=False`` also pairs a falling 'from 4.8 to 4.7 percent' (two levels, not a range)."""
    t = _tables()
    j = a.end
    if j >= len(doc) or doc[j].lower_ not in t["range_joiners"]:
        return None
    joiner = doc[j].lower_
    if joiner == "and" and opener != "between" or dash_only and joiner in ("to", "and"):
        return None
    if joiner in ("-", "–", "—") and (doc[j - 1].whitespace_ and not doc[j].whitespace_):
        return None  # '5 -3' is a minus sign, not a dash
    k = j + 1
    cur, cstart = _currency_before(doc, k + 1) if k + 1 < len(doc) else (None, k)
    bi = k + 1 if (cur and cstart == k) else k
    if cur and cstart < k:  # 'US $' two tokens
        bi = k + 2
    b = _build(doc, bi, yen, allow_bare=True)
    if b is None:
        return None
    ac, bc = a.core, b.core
    a_unit = a.unit
    if a_unit == "count" and b.unit != "count":
        if a.of and joiner not in ("-", "–", "—"):
            return None  # 'trade between the two countries to $216 million': a count, then a level
        a_unit = ""  # '5-10W laser': the noun after the range is not what the first number measures
    unit = a_unit or b.unit
    if a_unit and b.unit and a_unit != b.unit:
        return None
    if not unit:
        return None
    a_value = a.value
    a_prec = a.precision
    if not ac.has_magnitude and bc.has_magnitude and ac.value < bc.value / _magnitude_of(bc):
        m = _magnitude_of(bc)
        a_value, a_prec = ac.value * m, ac.precision * m
    low, high = a_value, b.value
    if low > high and ordered:
        return None
    return _Found(a.start, b.end, (low + high) / 2, unit, max(a_prec, b.precision), "range", low, high,
                  of=a.of or b.of, core=bc)


def _round_pow10(x: float) -> float:
    """Largest power of ten not above x (the place of a number word: 'billion' -> 1e9)."""
    p = 1.0
    while p * 10 <= x * 1.0000001:
        p *= 10
    return p


def _magnitude_of(core: _Core) -> float:
    """The multiplier a core's magnitude word applied ('2 billion' -> 1e9)."""
    return core.mult


def _multiplier_verb(doc: Doc, i: int) -> Optional[_Found]:
    """'doubled', 'more than tripled', 'halved': a ratio stated by the verb itself."""
    tok = doc[i]
    # 'doubled', and the predeterminer in 'more than double the total of a year earlier'
    if tok.pos_ != "VERB" and not (tok.tag_ == "PDT" or (tok.pos_ in ("ADJ", "ADV") and i > 0 and doc[i - 1].lower_ == "than")):
        return None
    entry = _tables()["multiplier_verbs"].get(tok.lemma_.lower()) or _tables()["multiplier_verbs"].get(tok.lower_)
    if entry is None or (i + 1 < len(doc) and doc[i + 1].lower_ == "down"):
        return None  # 'doubled down' is an idiom
    value, change = entry
    return _Found(i, i + 1, float(value), "times", None, change=change)


def _fold_word(doc: Doc, i: int) -> Optional[_Found]:
    """'a threefold increase'."""
    value = _tables()["fold_words"].get(doc[i].lower_)
    if value is None:
        return None
    return _Found(i, i + 1, float(value), "times", 0.5)


_FRACTION = re.compile(r"^(\d+)[/⁄](\d+)$")


def _fraction_of_unit(doc: Doc, i: int) -> Optional[_Found]:
    """'1/16 of a US pint', '1⁄128 of a gallon': a written fraction of one unit of measure."""
    m = _FRACTION.match(doc[i].text)
    if not m or int(m[2]) == 0 or i + 2 >= len(doc) or doc[i + 1].lower_ != "of" or doc[i + 2].lower_ not in ("a", "an"):
        return None
    for k in range(i + 3, min(len(doc), i + 6)):
        unit = None
        if doc[k].pos_ == "NOUN":  # the longer name first: 'fluid ounce' before 'ounce'
            unit = _quantulum_unit_words().get(f"{doc[k - 1].lower_} {doc[k].lower_}") or _quantulum_unit_name(doc[k].text)
        if unit:
            value = int(m[1]) / int(m[2])
            return _Found(i, k + 1, value, unit, None)
        if doc[k].pos_ not in ("PROPN", "ADJ", "NOUN"):
            return None
    return None


def _may_start_amount(tok: Token, t: dict) -> bool:
    """Cheap pre-filter: digits, a spelled-out number, 'a'/'half', a '-fold' word or a multiplying verb."""
    if not tok.is_alpha:
        return any(c.isdigit() for c in tok.text)
    low = tok.lower_
    return (low in t["number_words"] or low in ("a", "an") or low in t["fraction_words"] or low in t["fold_words"]
            or tok.lemma_.lower() in t["multiplier_verbs"] or low in t["multiplier_verbs"])


def find_amounts(doc: Doc, scope: str = "claims") -> list[Amount]:
    """All amounts in ``doc``, sorted by start, non-overlapping, offsets into ``doc.text``.

    ``scope="claims"`` (the default) keeps the quantities a claim can be checked on; ``"all"``
    reports every quantity, as quantity-extraction benchmarks count them: also ages ('a 50-year-old'),
    vague plurals as ranges ('dozens of people' = 12 to 120), 'one' and anaphoric counts ('one
    solution', 'the two sides') and bare numbers with no unit (``dimensionless``).
    """
    if scope not in SCOPES:
        raise ValueError(f"amount scope must be one of {', '.join(SCOPES)}, not {scope!r}")
    every = scope == "all"
    t = _tables()
    found: list[_Found] = []
    yen: list = []
    n = len(doc)
    i = 0
    last_end = 0
    while i < n:
        tok = doc[i]
        vague = None
        if every:
            vague = (_vague_plural(doc, i) if tok.lower_ in t["vague_plural_values"]
                     else _hyphenated_count(doc, i) or _proportion(doc, i))
        if vague is None and not _may_start_amount(tok, t):
            i += 1
            continue
        core = None if vague else _core_at(doc, i)
        if vague:
            f = vague
        elif core is not None:
            f = (_build(doc, i, yen, every=every) or _bare_range(doc, i, last_end, yen)
                 or _level_with_elided_unit(doc, i, found, yen) or _unit_from_parallel_clause(doc, i, found, yen)
                 or (_bare_number_range(doc, i, last_end) or _build(doc, i, yen, every=True, bare_quantity=True)
                     if every else None))
        else:
            f = _multiplier_verb(doc, i) or _fold_word(doc, i) or _fraction_of_unit(doc, i)
        if f is None:
            i = max(i + 1, core.end if core is not None else 0)
            continue
        _complete(doc, f, last_end, yen)
        if f.start < last_end or not f.unit:  # overlaps the previous amount, or no unit was found
            i += 1
            continue
        found.append(f)
        last_end = f.end
        i = f.end
    _carry_into_restatements(doc, found)
    _carry_into_gapped_clauses(doc, found)
    text = doc.text  # built once: Doc.text joins every token
    return [_to_model(doc, f, text) for f in found]


def _carry_into_restatements(doc: Doc, found: list[_Found]) -> None:
    """'more than 7.5 million crowns (US$1.1 million)', 'just under 296 hp (224 kW / 300 PS)',
    'dropped by 1 to 1.5 degrees Celsius (1.8 to 2.7 Fahrenheit)': an amount in brackets right
    after another one restates it in another unit, so it shares its bound and its change (the
    writer states them once, before the first figure)."""
    for a, b in zip(found, found[1:]):
        between = [t.text for t in doc[a.end:b.start]]
        if between not in (["("], ["/"], ["("] + ["about"], ["("] + ["or"]):
            continue
        if between == ["/"] and not (a.start > 0 and doc[a.start - 1].text == "("):
            continue  # '224 kW / 300 PS' inside brackets; '5/10' elsewhere is no restatement
        if b.bound == "exact" and a.bound not in ("exact", "range"):
            b.bound = a.bound
        if b.change is None and a.change is not None:
            b.change = a.change


def _carry_into_gapped_clauses(doc: Doc, found: list[_Found]) -> None:
    """'Acme was down 2.3%, Corvo by 2.6% and ...': a clause that leaves out the verb of the one
    before (gapping) keeps its change; 'by' right after the new subject marks the gap."""
    for a, b in zip(found, found[1:]):
        if b.change is not None or a.change is None or b.start < 2 or doc[b.start - 1].lower_ != "by":
            continue
        if doc[b.start - 2].pos_ not in ("PROPN", "NOUN") or doc[a.start].sent.start != doc[b.start].sent.start:
            continue
        between = doc[a.end:b.start - 1]
        if any(t.text in (",", ";") or t.lower_ in ("and", "while") for t in between) and not any(
                t.pos_ in ("VERB", "AUX") for t in between):
            b.change = a.change


def _bare_range(doc: Doc, i: int, lower: int, yen: list) -> Optional[_Found]:
    """'1.5 to 2 percent', '15-22 miles': the first number takes the second one's unit."""
    a = _build(doc, i, yen, allow_bare=True)
    if a is None or a.end >= len(doc) or doc[a.end].lower_ not in _tables()["range_joiners"]:
        return None
    if a.core.year_like or _is_date_time_or_ordinal(doc, a.core):
        return None
    opener = doc[i - 1].lower_ if i > lower and doc[i - 1].lower_ in _tables()["range_openers"] else None
    r = _range_with_next(doc, a, opener, yen, ordered=False)
    if r is None:
        return None
    if opener == "from" and _levels_after_change(doc, i - 1, r.unit):
        # 'fell from 4.8 to 4.7 percent': two levels, and the unit said once serves both
        # (right-node raising); the second number is found on its own next
        a.unit, a.of = r.unit, r.of
        return a
    if r.low > r.high:
        return None
    return a if _adopt_range(a, r) else None


def _level_with_elided_unit(doc: Doc, i: int, found: list[_Found], yen: list) -> Optional[_Found]:
    """'dropping from 208 pounds to 193', 'climbed from 21 mpg combined to 23': the second level of
    a 'from A to B' pair leaves out the unit the first one stated (gapping of the repeated noun; the
    mirror of 'from 4.8 to 4.7 percent', see _bare_range). A bare number right after 'to' takes the
    unit of the amount that follows 'from' in the same clause, at most four words back."""
    if not found or i < 2 or doc[i - 1].lower_ != "to":
        return None
    prev = found[-1]
    if prev.change is not None or not (0 <= i - 1 - prev.end <= 4):
        return None
    # what may stand between: the first level's time or a qualifier ('in 2019', 'combined'), no
    # clause break, no finite verb and no other quantity
    for tok in doc[prev.end:i - 1]:
        if tok.is_punct or tok.tag_ in ("VBD", "VBZ", "VBP", "MD") or tok.like_num and tok.ent_type_ not in ("DATE", "TIME"):
            return None
    k = prev.start
    while k > 0 and doc[k - 1].lower_ in ("about", "around", "roughly", "some", "nearly", "almost", "up", "to"):
        k -= 1  # 'from up to 252 miles to 287'
    if k == 0 or doc[k - 1].lower_ != "from":
        return None
    b = _bare_number_with_unit_of(doc, i, yen, prev)
    if b is not None and prev.core is not None and prev.core.has_magnitude and not b.core.has_magnitude:
        return None  # 'from $2 billion to 3': too unsure which scale the bare number has
    return b


def _bare_number_with_unit_of(doc: Doc, i: int, yen: list, stated: _Found) -> Optional[_Found]:
    """The bare number at ``i`` with the unit ``stated`` gave (gapping, see the two rules above and
    below); None when it has a unit of its own or is a year, a date or a time."""
    b = _build(doc, i, yen, allow_bare=True)
    if b is None or b.unit or b.core.year_like or _is_date_time_or_ordinal(doc, b.core):
        return None
    b.unit, b.of = stated.unit, stated.of
    return b


def _unit_from_parallel_clause(doc: Doc, i: int, found: list[_Found], yen: list) -> Optional[_Found]:
    """'The DAX rose by 2 percent but the Nasdaq fell by 1', 'ended at 1,463.78 points, while the
    TA-125 ended at 1,334.20': in a second clause built like the first, the number after the same
    preposition leaves out the unit the first clause stated (gapping, Ross 1970)."""
    if i < 2 or doc[i - 1].lower_ not in ("by", "at") or not found:
        return None
    prep = doc[i - 1].lower_
    sent_start = doc[i].sent.start
    for a in reversed(found):
        if a.start < sent_start:
            return None
        if a.bound == "range" or a.unit in ("count", "dimensionless", "times"):
            continue
        k = a.start
        if k == 0 or doc[k - 1].lower_ != prep:
            continue
        # another clause: a conjunction or a comma stands between the two
        if not any(t.lower_ in ("but", "while", "and", "whereas", ",", ";") for t in doc[a.end:i - 1]):
            return None
        return _bare_number_with_unit_of(doc, i, yen, a)
    return None


def _levels_after_change(doc: Doc, from_index: int, unit: str) -> bool:
    """'rose from A to B', 'fell from A to B': after a change verb, 'from … to …' gives the old
    and the new level, not a range ('ranged from A to B' is a range)."""
    v = from_index - 1
    return v >= 0 and bool(_verb_direction(doc[v]) or _change_from_governing_verb(doc, from_index, unit))


def _adopt_range(f: _Found, r: _Found) -> bool:
    f.end, f.value, f.unit, f.precision = r.end, r.value, r.unit, r.precision
    f.bound, f.low, f.high, f.of = "range", r.low, r.high, r.of
    return True


def _complete(doc: Doc, f: _Found, lower: int, yen: list) -> None:
    """Range, bounds and change for one amount, in place."""
    t = _tables()
    core = f.core
    # range opener ('between', 'from') just before the number
    opener = None
    if f.start > lower and doc[f.start - 1].lower_ in t["range_openers"]:
        opener = doc[f.start - 1].lower_
    change = None
    if core is not None:
        change = _change_from_sign(core, f.unit)
    num_start = f.start
    bound, bstart = _bound_from_preceding_quantifier(doc, f.start, lower)
    if core is not None and change is None:
        change = _change_from_adverb(doc, bstart)
    if core is not None and change is None:
        change = _change_from_governing_verb(doc, bstart, f.unit)
    if core is not None and change is None and f.bound != "range":
        change = _moves_to_a_level(doc, f, bstart)
    if opener == "from" and change is None and _levels_after_change(doc, f.start - 1, f.unit):
        opener = "levels"   # 'rose from $2 billion to $3 billion' lists two levels, not a range
    if core is not None and opener != "levels" and f.bound != "range":
        # after a change, 'to' introduces the new level ('rose 5% to $7 million'); a dash is still a range
        # ... and after any change verb, even a transitive one whose object is not read as a change
        # ('lost 42p to 871p')
        r = _range_with_next(doc, f, opener, yen, dash_only=change is not None or _change_verb_before(doc, bstart) is not None)
        if r is not None:
            _adopt_range(f, r)
    if f.bound == "range" and opener in ("between", "from") and f.start == num_start:
        f.start -= 1
        bstart = f.start
    if core is not None and core.approx and bound == "exact":
        bound = "approx"
    if core is not None and core.below and bound == "exact":
        bound = "less_than"
    if f.bound != "range":
        f.bound = bound
        f.start = bstart
        # '3,000 or more inspectors': the phrase may sit between the number and its noun
        after, aend = _bound_from_following_phrase(doc, core.end if core is not None and f.unit == "count" else f.end)
        if after and f.bound == "exact":
            f.bound, f.end = after, max(f.end, aend)
    if change is None:
        change = _change_from_comparative(doc, f.end)
    if change is None and f.end > num_start:
        root = _span_root(doc, num_start, f.end)
        change = _change_from_modified_noun(doc, f.end, root)
    if f.unit == "times" and f.change is not None:
        change = f.change
    if change is not None and f.unit == "count" and f.bound != "range":
        # counts change only with 'by' ('cut jobs by 3,000'): see _change_from_governing_verb
        if not (bstart > 0 and doc[bstart - 1].lower_ == "by"):
            change = None
    if change is None and f.unit == "percentage_point" and _bare_points_word(doc, f):
        # a bare 'points' next to a percentage is a percentage-point difference only when it is a
        # change ('rose 2 points', 'a gain of 2 points'); a level ('closed at 1,478 points') or a
        # tally ('averaged 7.3 points') counts index or game points
        f.unit = "point"
    f.change = change
    f.per = _rate_denominator(doc, f)


def _bare_points_word(doc: Doc, f: _Found) -> bool:
    core = f.core
    return core is not None and core.end < len(doc) and doc[core.end].lower_ in _tables()["point_words"]


_NOT_RATES = frozenset(("count", "percent", "percentage_point", "basis_point", "times", "point"))


def _rate_denominator(doc: Doc, f: _Found) -> Optional[str]:
    """'$58.24 per barrel' -> 'barrel', '$98 a share' -> 'share', '12-cent-a-share' -> 'share',
    '$80 per sq m' -> 'square_metre': what a price or a flow is stated per (data: _rates).

    Only money and measured quantities are rates here; counts and percentages are not read.
    """
    if f.unit in _NOT_RATES or f.bound == "range" and f.core is None:
        return None
    t = _tables()
    j = f.end
    n = len(doc)
    hyphenated = j < n and doc[j].text == "-" and (
        not doc[j - 1].whitespace_ or j + 2 < n and doc[j + 1].lower_ in ("a", "an") and doc[j + 2].text == "-")
    if hyphenated:  # '12-cent-a-share', '$ 70 - a - share', 'barrel-a-day'
        j += 1
    if j < n and doc[j].text in ("U.S.", "US") and f.unit == "USD":
        j += 1  # '$75 U.S. per barrel': the country names the dollar, the rate follows
    if j + 1 >= n:
        return None
    word = doc[j].lower_
    k = j + 1
    if hyphenated and k < n and doc[k].text == "-":
        k += 1
    if k >= n:
        return None
    if word == "per":
        # the tokenizer keeps a full stop on a sentence's last word ('per sq m.')
        two = f"{doc[k].lower_} {doc[k + 1].lower_.rstrip('.') if doc[k + 1].is_sent_end else doc[k + 1].lower_}" \
            if k + 1 < n else ""
        if two in _quantulum_unit_words():  # 'per sq m', 'per square foot'
            return _quantulum_unit_words()[two]
        if doc[k].pos_ in ("NOUN", "PROPN") or doc[k].lower_ in t["rate_nouns"]:
            return _quantulum_unit_words().get(doc[k].lower_) if doc[k].lower_ in ("sq", "ft") else doc[k].lemma_.lower()
        return None
    if word in ("a", "an") and doc[k].lemma_.lower() in t["rate_nouns"]:
        if k + 1 < n and doc[k + 1].lower_ in t["rate_not_after"]:
            return None  # '$5 million a year earlier'
        return doc[k].lemma_.lower()
    return None


def _to_model(doc: Doc, f: _Found, text: str) -> Amount:
    start = doc[f.start].idx
    last = doc[f.end - 1]
    end = last.idx + len(last.text)
    if last.text.endswith(".") and (last.lower_[:-1] in _tables()["money_only_magnitudes"] or last.lower_ == "p."):
        end -= 1  # '$5.4m.' ends a sentence: the full stop is not part of the amount
    return Amount(text=text[start:end], start=start, end=end, value=_tidy(f.value), unit=f.unit, bound=f.bound,
                  low=_tidy(f.low), high=_tidy(f.high), precision=_tidy(f.precision), change=f.change, of=f.of,
                  per=f.per)


def _tidy(x: Optional[float]) -> Optional[float]:
    """Drop binary noise from scaling: 4.03 * 1e9 is 4030000000.0000005 in floating point."""
    return None if x is None else float(f"{x:.12g}")


# -------------------------------------------------------------------- component

class AmountRecognizer:
    """Sets ``doc._.amounts`` to :func:`find_amounts` of the doc, in the configured ``scope``."""

    def __init__(self, nlp: Language, name: str = "newsclaims_amounts", scope: str = "claims") -> None:
        if scope not in SCOPES:
            raise ValueError(f"newsclaims_amounts: scope must be one of {', '.join(SCOPES)}, not {scope!r}")
        self.name = name
        self.scope = scope
        _tables()  # fail at pipeline construction, not on the first doc, if the data is broken

    def __call__(self, doc: Doc) -> Doc:
        doc._.amounts = find_amounts(doc, self.scope)
        return doc


@Language.factory("newsclaims_amounts", default_config={"scope": "claims"})
def make_amount_recognizer(nlp: Language, name: str, scope: str) -> AmountRecognizer:
    return AmountRecognizer(nlp, name, scope)
