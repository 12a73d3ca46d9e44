"""Actors: countries, people, organizations and groups named in an article.

Rules, in the order they apply:

* **Names and official names** of states (``countries.json``): "North Korea",
  "DPRK", "Democratic People's Republic of Korea", "PRC".
* **Demonyms** stand for their state ("North Korean leader" -> PRK); a demonym
  shared by two states ("Korean") names neither.
* **Capital-for-state metonymy** ("Pyongyang closed its borders", "Beijing
  said"): a capital names its government unless it is used as a place -
  governed by a locative preposition ("in Beijing") or followed by its
  country ("Beijing, China") (Markert & Nissim 2007, SemEval metonymy task).
* **Contextual short forms**: "the North" names North Korea only in an
  article that names North Korea or its counterpart, South Korea. **Default forms** name a country unless the
  article names another it could mean: "Korea" is South Korea in a story that
  does not name North Korea (Korea Customs Service, Yonhap copy), nobody otherwise.
* **Definite descriptions** ("the regime", "the reclusive country") refer
  back to the most salient state of the two preceding sentences (salience =
  mentions so far, then recency; Grosz, Joshi & Weinstein 1995, centering).
  "its neighbor" names another state than the possessor (the nearest subject
  state before it in its sentence, else the nearest state, else the salient
  one), preferring one that borders it. With no candidate, nothing is guessed.
* **People** come from spaCy's PERSON entities; a later partial name ("Kim",
  "Kim's") joins the full name the article introduced that starts or ends
  with it (the most mentioned when two do).
* **Organizations** come from the alias table first (one canonical name for
  GAC / GACC / "Chinese customs"), then from spaCy's ORG entities; an
  acronym in parentheses after a name ("Foo Institute (FI)") becomes an alias
  of that name for the rest of the article. Photo credits ("[EPA/YONHAP]")
  are not actors, nor is the state a currency is named after ("$20 billion US
  dollars", "5 million Hong Kong dollars": a unit, not a party).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from models import Actor

from .extensions import doc_text, isolated  # (importing it registers Doc._.actors)
from .lexicon import load_table, phrase_matcher, trade_flow_words

_POSSESSIVE = {"'s", "’s", "'", "’"}
_LOCATIVE_PREPOSITIONS = {"in", "at", "near", "around", "outside", "inside", "across", "into", "within"}
_TITLES = {"Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "President", "Premier", "Leader", "Chairman",
           "Minister", "Prime", "General", "Gen.", "Sen.", "Senator", "Rep.", "Gov.", "Governor", "Secretary"}


@dataclass(frozen=True)
class CountryEntry:
    code: str
    name: str
    neighbors: tuple[str, ...]


@cache
def _countries() -> dict[str, CountryEntry]:
    table = load_table("countries.json")["countries"]
    return {code: CountryEntry(code, row["name"], tuple(row.get("neighbors", ()))) for code, row in table.items()}


@cache
def _country_patterns() -> tuple[tuple[str, str], ...]:
    """(label, phrase) where label is 'KIND:CODE'."""
    table = load_table("countries.json")
    out = []
    for code, row in table["countries"].items():
        out += [(f"name:{code}", a) for a in row["aliases"]]
        out += [(f"demonym:{code}", d) for d in row["demonyms"]]
        if row.get("capital"):
            out.append((f"capital:{code}", row["capital"]))
        for form in row.get("short_forms", ()):
            out += [(f"short:{code}", form), (f"short:{code}", form[0].upper() + form[1:])]
        out += [(f"default:{code}", form) for form in row.get("default_forms", {}).get("forms", ())]
    return tuple(out)


# "exports to the US", "imports from China", "trade with Japan": the state is a partner
_AS_A_PARTNER_BEFORE = re.compile(r"\b(?:to|from|with|into|for|vs\.?|versus)\s+(?:the\s+)?$", re.IGNORECASE)
# "to China and Japan", "from Peru, Chile": a later state of a partners' list
_IN_A_LIST_BEFORE = re.compile(r"^\s*(?:,|and|&)\s+(?:the\s+)?$", re.IGNORECASE)


@cache
def _headline_forms() -> re.Pattern:
    """The names, aliases and demonyms of every state as written, and in capitals (a headline
    may be set in them); longest first."""
    forms = {(label.split(":", 1)[1], form) for label, phrase in _country_patterns()
             if label.startswith(("name:", "demonym:", "default:"))
             for form in (phrase, phrase.upper() if len(phrase) > 3 else phrase)}
    ordered = sorted(forms, key=lambda f: -len(f[1]))
    pattern = "|".join(f"(?P<{code}_{i}>{re.escape(form)})" for i, (code, form) in enumerate(ordered))
    # ("US$ 100 Billion", "US dollars": a currency, not the state)
    return re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)(?!\s*(?:\$|dollars?\b))")


def headline_state(title: str | None) -> str | None:
    """The one state a headline names, other than as a partner ("Irish exports climb 11%": Ireland;
    "Sales to the US rise": none; "US-China trade": a pair, none); None when it names none
    or several. A story often names its own state only there and writes "the country", "the
    Republic" or "the State" in the body, as news style does once the headline has named it."""
    if not title:
        return None
    states, partner, end = set(), False, 0
    for m in _headline_forms().finditer(title):
        partner = _AS_A_PARTNER_BEFORE.search(title, max(0, m.start() - 12), m.start()) is not None or (
            partner and _IN_A_LIST_BEFORE.match(title[end:m.start()]) is not None)
        # ("China-North Korea trade": a pair, neither state alone, nor the "Korea" inside it)
        paired = title[m.start() - 1: m.start()] in {"-", "–"} or title[m.end(): m.end() + 1] in {"-", "–"}
        if not partner and not paired:
            states.add(m.lastgroup.split("_")[0])
        end = m.end()
    return next(iter(states)) if len(states) == 1 else None


@cache
def _default_forms_yield_to(code: str) -> tuple[str, ...]:
    """The countries whose naming in an article makes ``code``'s default forms ambiguous."""
    return tuple(load_table("countries.json")["countries"][code].get("default_forms", {}).get("unless_named", ()))


@cache
def _short_forms_also_with(code: str) -> tuple[str, ...]:
    """The countries whose naming licenses ``code``'s short forms too ("the North" in a story that
    names South Korea)."""
    return tuple(load_table("countries.json")["countries"][code].get("short_forms_also_with", ()))


@cache
def _conventional_referents() -> dict[str, str]:
    table = load_table("countries.json")["descriptive_references"]["conventional_referents"]
    return {phrase.lower(): code for code, phrases in table.items() for phrase in phrases}


def _conventional_referent(text: str) -> str | None:
    """The state a description is reserved for ('the hermit kingdom': North Korea), if any."""
    return _conventional_referents().get(text.lower())


@cache
def _kingdoms() -> frozenset[str]:
    """The states 'the Kingdom' may refer to (countries.json descriptive_references.kingdoms)."""
    return frozenset(load_table("countries.json")["descriptive_references"]["kingdoms"])


@cache
def _reference_patterns() -> tuple[tuple[str, str], ...]:
    refs = load_table("countries.json")["descriptive_references"]
    return tuple([("ref:", p) for p in refs["phrases"]] + [("neighbor:", p) for p in refs["neighbor_phrases"]]
                 + [("kingdom:", p) for p in refs["kingdom_phrases"]]
                 + [("order:latter", "the latter"), ("order:former", "the former")]
                 # ("Inner Mongolia": a place, its longer name winning over the state inside it)
                 + [("place:", p) for p in load_table("countries.json")["places_named_after_states"]])


@cache
def _organizations() -> dict:
    return load_table("organizations.json")


@cache
def _org_patterns() -> tuple[tuple[str, str], ...]:
    out = []
    for canonical, row in _organizations()["organizations"].items():
        out += [(f"org:{canonical}", alias) for alias in row["aliases"]]
    return tuple(out)


@cache
def _country_surface_forms() -> frozenset[str]:
    return frozenset(p for _, p in _country_patterns()) | frozenset(load_table("countries.json")["ambiguous_demonyms"])


def organization_source_type(name: str) -> str | None:
    """The contract's source type of a known organization, else None."""
    row = _organizations()["organizations"].get(name)
    return row["source_type"] if row else None


def _an_opening_bracket(token: Token) -> bool:
    return len(token.text) == 1 and unicodedata.category(token.text) == "Ps"   # "(", "[", "（", "【"


def _trim(span: Span) -> Span:
    """Drop a possessive ending, leading determiners and a title from a mention."""
    start, end = span.start, span.end
    doc = span.doc
    while end > start + 1 and (doc[end - 1].text in _POSSESSIVE or _an_opening_bracket(doc[end - 1])):
        end -= 1   # (and an opening bracket the tagger took in: "Tsai （蔡美娜）")
    while start < end - 1 and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    return doc[start:end]


@cache
def _nouns_an_agency_speaks_through() -> frozenset[str]:
    cues = load_table("attribution_cues.json")
    return frozenset(cues["data_nouns"]) | frozenset(cues["document_nouns"])


def _modified_head(span: Span) -> Token | None:
    """The noun a mention modifies, right after it ('China's customs rules' -> rules, 'the
    Sino-Korean Friendship Bridge' -> Bridge): the phrase is then about that noun."""
    last = span[-1]
    head = last.head
    if last.dep_ not in {"compound", "amod"} or head.i <= last.i or head.i - last.i > 3:
        return None
    return head


def _part_of_a_longer_name(span: Span) -> bool:
    """'Sino-Korean Friendship Bridge', 'American Airlines': no group of people."""
    head = _modified_head(span)
    return head is not None and head.pos_ == "PROPN" and head.text[:1].isupper()


def _customs_as_a_modifier(span: Span) -> bool:
    """'China's customs rules' are rules, not the customs agency; its data and documents
    ('Chinese customs data showed') still name it: the data are its word."""
    head = _modified_head(span)
    if span[-1].lower_ != "customs" or head is None:
        return False
    agency_nouns = _nouns_an_agency_speaks_through()
    return (_part_of_a_longer_name(span) or head.pos_ == "NOUN"
            and head.lemma_.lower() not in agency_nouns and head.lower_ not in agency_nouns)


def _photo_credit_spans(doc: Doc) -> list[tuple[int, int]]:
    pattern = re.compile(_organizations()["photo_credit_pattern"])
    return [m.span() for m in pattern.finditer(doc_text(doc))]


def _inside(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= span.start_char and span.end_char <= e for s, e in ranges)


@cache
def _trade_words() -> frozenset[str]:
    lex = load_table("trade_lexicon.json")
    return frozenset(w for kind in ("import", "export", "total") for w in lex[kind])


def _headline_not_a_name(ent: Span) -> bool:
    """'Laos Exports Fall 8%': a title-case headline the tagger reads as a name. An entity with a
    trade word and no institution's head noun ('the Trade Ministry', 'Korea International Trade
    Association' keep theirs) is the headline's words, not an organization."""
    heads = set(load_table("trade_lexicon.json")["institution_heads"]["words"])
    words = {t.lower_ for t in ent}
    return bool(words & _trade_words()) and not words & heads


def _money_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the money amounts (an ISO currency unit) of ``doc``."""
    return [(a.start, a.end) for a in (doc._.amounts or []) if a.is_money]


def _inside_chars(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= span.start_char and span.end_char <= end for start, end in ranges)


def _location_compound(span: Span) -> bool:
    """'a U.S.-based outlet', 'a Seoul-based researcher': the place of a person or an
    organization, written as the first half of a hyphenated adjective (countries.json
    ``location_compounds``), names no actor."""
    doc = span.doc
    return (span.end + 1 < len(doc) and doc[span.end].text in {"-", "–"} and not doc[span.end].whitespace_
            and doc[span.end + 1].lower_ in _location_compound_words())


@cache
def _location_compound_words() -> frozenset[str]:
    return frozenset(load_table("countries.json")["location_compounds"])


def _capital_used_as_place(span: Span) -> bool:
    """'in Beijing', 'Beijing, China': the city, not the government."""
    head = span.root.head
    if span.root.dep_ == "pobj" and head.lower_ in _LOCATIVE_PREPOSITIONS:
        return True
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        nxt = doc[span.end + 1: span.end + 4].text
        return any(nxt.startswith(c.name) for c in _countries().values())
    return False


def _salient_country(history: list[tuple[str, int]], counts: dict[str, int], sent_index: int,
                     exclude: str | None = None, subjects: frozenset[int] | set[int] = frozenset()) -> str | None:
    """The most mentioned state among those named in this and the two preceding sentences; one named
    as (or in) a clause's subject first ("North Korea's trade with China fell ... The North bought
    Chinese flour ... The reclusive state's exports": the North, not the flour's origin): centering
    ranks the previous utterance's subject above its objects and modifiers (Grosz, Joshi & Weinstein
    1995)."""
    window = [(code, i) for i, (code, s) in enumerate(history) if sent_index - 2 <= s <= sent_index and code != exclude]
    if not window:
        return None
    # (the subjects of the sentences before: within its own sentence a description rarely means the
    # subject of its clause, "Peru's imports from the reclusive country")
    return max(window, key=lambda item: (any(i in subjects and history[i][1] < sent_index for c, i in window if c == item[0]),
                                         counts[item[0]], item[1]))[0]


def _a_partner_phrase(span: Span) -> bool:
    """The mention is the object of 'to', 'from', 'with' on a word whose own modifier or subject names
    a state ('Chinese shipments to the hermit state', 'China shipped ... to the reclusive country')."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ not in {"to", "from", "with", "into"}:
        return False
    head = root.head.head
    return any(c.dep_ in {"amod", "poss", "compound", "nsubj"} and c.ent_type_ in {"GPE", "NORP"} for c in head.children)


def _in_a_subject(span: Span) -> bool:
    """The mention is a clause's subject or part of it ('North Korea's trade ... fell', 'The North
    brought in')."""
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") or (
        root.dep_ in ("poss", "compound", "amod") and root.head.dep_ in ("nsubj", "nsubjpass"))


@cache
def _ranking_words() -> tuple[frozenset[str], dict[str, str], dict[str, str]]:
    """Ranking verbs; ranked nouns by role ('destinations', 'sources', 'partners'); flow words
    ('exports': 'export') of the trade lexicon."""
    lexicon = load_table("trade_lexicon.json")
    roles = {w: role for role, words in lexicon["ranked_trade_nouns"].items() if role != "_about" for w in words}
    return frozenset(lexicon["ranking_verbs"]["words"]), roles, {**trade_flow_words(), **lexicon["verb_only"]["words"]}


def ranked_noun(verb: Token) -> Token | None:
    """The noun a ranking verb ranks a trading partner by ('X was Y's largest market', 'X came in
    as Y's No. 3 buyer', 'X ranked as the sixth biggest supplier of Y'), or None."""
    verbs, roles, _ = _ranking_words()
    if verb.lemma_.lower() not in verbs:
        return None
    ranked = [c for c in verb.children if c.dep_ in {"attr", "oprd"}] + [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children if o.dep_ == "pobj"]
    heading = load_table("trade_lexicon.json")["ranking_verbs"]
    if verb.lemma_.lower() in heading["heading"]:
        # "Vietnam topped the list of the country's export markets", "China headed its suppliers"
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        ranked += objects + [o for c in objects if c.lemma_.lower() in heading["lists"] for p in c.children
                             if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return next((c for c in ranked if c.lemma_.lower() in roles), None)


def _side_in_a_ranking(span: Span) -> tuple[str, str] | None:
    """A mention's side in a ranking of trading partners and the ranking's kind: ('owner',
    'destinations') for Australia in 'China was Australia's second-largest customer' or Vietnam in
    'the US was the largest buyer of Vietnamese goods'; ('ranked', ...) for its subject."""
    _, roles, _ = _ranking_words()
    for token in [span.root, *span.root.ancestors]:
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        noun = ranked_noun(token)
        if noun is None:
            return None
        if span.root in noun.subtree and span.root is not noun:
            return "owner", roles[noun.lemma_.lower()]
        if any(c.dep_ in {"nsubj", "nsubjpass"} and span.root in c.subtree for c in token.children):
            return "ranked", roles[noun.lemma_.lower()]
        return None
    return None


def _flow_role(span: Span) -> str | None:
    """'export', 'import' or 'total': what a mention does in its own clause, as the possessor or
    modifier of a flow noun ('the nation's overall exports') or the subject of a flow verb
    ('the country bought 2 million tonnes')."""
    _, _, flows = _ranking_words()
    root = span.root
    word = root.head if root.dep_ in {"poss", "compound", "amod", "nsubj"} else None
    while word is not None and word.dep_ == "compound" and word.head is not word:
        if word.lower_ in flows or word.lemma_.lower() in flows:
            break
        word = word.head
    if word is None:
        return None
    kind = flows.get(word.lower_) or flows.get(word.lemma_.lower())
    if kind is None and root.dep_ != "nsubj":
        kind = next((flows.get(c.lower_) for c in word.children if c.dep_ == "compound" and flows.get(c.lower_)), None)
    return kind


def _centred_by_role(subjects: set[int], rankings: dict[int, tuple[str, str]], role: str | None) -> set[int]:
    """The subjects centering ranks first, with each ranking's parties re-ranked for a description
    of a trading state: a ranking of partners is about its owner's trade, so the owner is the
    centre ('the nation's overall exports' after 'Malaysia was Thailand's fourth-largest
    market': Thailand's), unless the description plays the ranked state's part: a market or
    buyer imports, a supplier exports ('the country bought' after 'India was Indonesia's
    second-largest customer': India). Centering ranks by subject alone (Grosz, Joshi & Weinstein
    1995); a predicate nominal of ranking gives its possessor the topic."""
    if role is None:
        return subjects
    centred = set(subjects)
    for index, (side, kind) in rankings.items():
        ranked_role = {"destinations": "import", "sources": "export"}.get(kind)
        plays_the_ranked_part = ranked_role == role
        (centred.add if (side == "ranked") == plays_the_ranked_part else centred.discard)(index)
    return centred


def _neighbor_of(possessor: str, history: list[tuple[str, int]], sent_index: int,
                 counts: dict[str, int] | None = None) -> str | None:
    """'its neighbor': another state of the recent sentences, one that borders the possessor first;
    the one the article names most among those ('Seoul-based researchers said North Korea's imports
    from its neighboring country fell' in a story about China: China)."""
    recent = [code for code, s in reversed(history) if sent_index - 2 <= s <= sent_index and code != possessor]
    borders = _countries()[possessor].neighbors if possessor in _countries() else ()
    counts = counts or {}
    for candidates in ([code for code in recent if code in borders], recent):
        if candidates:
            return max(candidates, key=lambda code: (counts.get(code, 0), -candidates.index(code)))
    # No other state nearby: a bordering state named earlier in the article.
    earlier = [code for code, _ in reversed(history) if code in borders]
    return earlier[0] if earlier else None


def _person_name(span: Span) -> str:
    words = span.text.split()
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    return " ".join(words)


def _canonical_people(names: list[str]) -> dict[str, str]:
    """Map each person name to the full name it abbreviates ('Kim' -> 'Kim Jong-un')."""
    counts: dict[str, int] = {}
    for n in names:
        counts[n] = counts.get(n, 0) + 1
    full = [n for n in dict.fromkeys(names) if len(n.split()) > 1]
    mapping = {}
    for n in dict.fromkeys(names):
        if len(n.split()) > 1:
            mapping[n] = n
            continue
        matches = [f for f in full if f.split()[0] == n or f.split()[-1] == n]
        mapping[n] = max(matches, key=lambda f: (counts[f], -full.index(f))) if matches else n
    return mapping


@cache
def _one_word_names() -> dict[str, str]:
    """One-word names of states ('China', 'India') by their possessive written without its
    apostrophe ('Chinas', 'Indias'); not names whose plural is a name of its own ('the two Koreas',
    'the Americas')."""
    plurals = set(load_table("countries.json")["possessives_without_apostrophe"]["not"])
    return {name + "s": label.split(":", 1)[1] for label, name in _country_patterns()
            if label.startswith("name:") and name.isalpha() and name[0].isupper() and len(name) > 3
            and not name.endswith("s") and name + "s" not in plurals}


@cache
def _longer_names() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """States' names of several words by their possessive written without its apostrophe, word by
    word, by their first word ('North': [(('North', 'Koreas'), 'PRK'), ...])."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for label, name in _country_patterns():
        words = name.split()
        if label.startswith("name:") and len(words) > 1 and all(w[:1].isupper() and w.isalpha() for w in words) \
                and not name.endswith("s"):
            out.setdefault(words[0], []).append((tuple(words[:-1]) + (words[-1] + "s",), label.split(":", 1)[1]))
    return out


def _possessives_without_apostrophe(doc: Doc) -> list[Span]:
    """'Chinas exports rose 7%', 'North Koreas exports': a state's possessive typed without its
    apostrophe, before the noun it possesses."""
    names, longer = _one_word_names(), _longer_names()
    out = []
    for t in doc[:-1]:
        nxt = doc[t.i + 1]
        if t.text in names and nxt.pos_ in {"NOUN", "ADJ"} and nxt.is_lower:
            out.append(Span(doc, t.i, t.i + 1, label=f"name:{names[t.text]}"))
        for words, code in longer.get(t.text, ()):
            end = t.i + len(words)
            if end < len(doc) and tuple(x.text for x in doc[t.i:end]) == words and doc[end].is_lower \
                    and doc[end].pos_ in {"NOUN", "ADJ"}:
                out.append(Span(doc, t.i, end, label=f"name:{code}"))
    return out


def find_actors(doc: Doc) -> list[Actor]:
    """All actor mentions of ``doc``, sorted by position (see the module docstring)."""
    countries = _countries()
    credits = _photo_credit_spans(doc)
    candidates: list[Span] = []
    for key, patterns, attr in (("countries", _country_patterns(), "ORTH"),
                                ("orgs", _org_patterns(), "ORTH"),
                                ("refs", _reference_patterns(), "LOWER")):
        matcher = phrase_matcher(doc.vocab, key, patterns, attr=attr)
        for match_id, start, end in matcher(doc):
            candidates.append(Span(doc, start, end, label=doc.vocab.strings[match_id]))
    candidates += _possessives_without_apostrophe(doc)
    # spaCy's entities join where no table entry covers them.
    country_tokens = {t for c in candidates if c.label_.startswith(("name:", "demonym:", "capital:"))
                      for t in range(c.start, c.end)}
    for ent in doc.ents:
        if ent.label_ in {"ORG", "PERSON"} and _headline_not_a_name(ent):
            continue
        if all(t.i in country_tokens or t.is_punct or t.lower_ == "and" for t in ent):
            continue   # "N. Korea-China": two countries the tagger joined into one name
        if ent.label_ in {"PERSON", "ORG", "NORP"}:
            # Trimmed first, so that "the UN Security Council" does not outgrow the table's name.
            trimmed = _trim(ent)
            candidates.append(Span(doc, trimmed.start, trimmed.end, label=f"ent:{ent.label_}"))
    # the country inside 'China's customs rules' stays
    candidates = [c for c in candidates if not (c.label_.startswith("org:") and _customs_as_a_modifier(c))]
    # Longest first; a table match wins over an entity of the same length.
    candidates.sort(key=lambda s: (s.start, -(s.end - s.start), s.label_.startswith("ent:")))
    spans = filter_spans(candidates)

    sent_of = {}
    for i, sent in enumerate(doc.sents):
        for t in range(sent.start, sent.end):
            sent_of[t] = i
    named_countries = {s.label_.split(":", 1)[1] for s in spans if s.label_.startswith(("name:", "demonym:", "capital:"))}
    surface_forms = _country_surface_forms()
    org_aliases: dict[str, str] = {}
    history: list[tuple[str, int]] = []
    subjects: set[int] = set()   # indexes of history named in a subject
    rankings: dict[int, tuple[str, str]] = {}   # indexes of history in a ranking of partners: side, kind
    traders: set[int] = set()    # indexes of history that own a flow ("India's exports", "Peru shipped")
    counts: dict[str, int] = {}
    raw: list[tuple[Span, str, str | None, str]] = []   # span, name, id, type
    person_spans: list[tuple[Span, str]] = []

    def add_country(span: Span, code: str):
        if _in_a_subject(span):
            subjects.add(len(history))
        side = _side_in_a_ranking(span)
        if side is not None:
            rankings[len(history)] = side
        if _flow_role(span) is not None:
            traders.add(len(history))
        history.append((code, sent_of[span.start]))
        counts[code] = counts.get(code, 0) + 1
        raw.append((span, countries[code].name, code, "country"))

    # "The United States was the leading market for the country's goods, the Philippine Statistics
    # Authority said": a story that names its own state only through the statistics office it cites
    # means that state by "the country"
    office_states = {_organizations()["organizations"][s.label_[4:]].get("state") for s in spans
                     if s.label_.startswith("org:")} - {None, "EUU"}
    office_state = next(iter(office_states)) if len(office_states) == 1 and not office_states & named_countries else None
    home_phrases = set(load_table("countries.json")["descriptive_references"]["home_phrases"])
    money = _money_spans(doc)
    for span in sorted(spans, key=lambda s: s.start):
        if _inside(span, credits):
            continue
        if span.label_.startswith(("name:", "demonym:", "short:", "default:")) and _inside_chars(span, money):
            continue
        if span.label_.startswith(("name:", "capital:", "short:", "default:")) and _location_compound(span):
            continue
        kind, _, value = span.label_.partition(":")
        trimmed = _trim(span) if kind in {"name", "org", "ent"} else span
        if kind in {"name", "demonym"}:
            add_country(trimmed, value)
        elif kind == "capital":
            if not _capital_used_as_place(span):
                add_country(span, value)
        elif kind == "short":
            if value in named_countries or named_countries & set(_short_forms_also_with(value)):
                add_country(span, value)
        elif kind == "default":
            if not named_countries & set(_default_forms_yield_to(value)):
                add_country(span, value)
        elif kind == "order":
            # "Japan's imports were higher than China's as the latter's fell": of the last two states
            # named, the second or the first
            sent_index = sent_of[span.start]
            recent = list(dict.fromkeys(c for c, s in reversed(history) if sent_index - 1 <= s <= sent_index))
            if len(recent) >= 2:
                add_country(span, recent[0] if value == "latter" else recent[1])
        elif kind == "kingdom":
            # "the Kingdom's exports to China": the kingdom the text names most ("the kingdom" in
            # lower case is any kingdom, a description of no state)
            # (the states named before it, else those named anywhere)
            named = [c for c in (counts or named_countries) if c in _kingdoms()]
            if span[-1].text == "Kingdom" and named:
                add_country(span, max(named, key=lambda c: counts.get(c, 0)))
        elif kind == "ref" and office_state is not None and span.text.lower() in home_phrases:
            add_country(span, office_state)
        elif kind == "ref" and _conventional_referent(span.text) in {c for c, _ in history}:
            add_country(span, _conventional_referent(span.text))   # "the hermit nation" in a story that named North Korea
        elif kind in {"ref", "neighbor"}:
            sent_index = sent_of[span.start]
            role = _flow_role(span)   # ("the nation's exports": the description owns a flow)
            # a description in a subject continues the previous subjects (parallelism, Kameyama 1986);
            # one in an object ("exported $2 billion to the pariah state") goes by mentions
            # and one in an object is not the state its own clause already names ("Chinese
            # shipments to the hermit state": not China)
            before = [c for c, s in history if s == sent_index]
            # ("Vietnam topped the list of the country's export markets": the owner of a ranking is
            # not the state it ranks)
            ranked = [c for i, (c, s) in enumerate(history) if s == sent_index and i in subjects] \
                if kind == "ref" and (_side_in_a_ranking(span) or ("",))[0] == "owner" else []
            salient = _salient_country(history, counts, sent_index,
                                       exclude=ranked[-1] if ranked else before[-1] if before and kind == "ref"
                                       and _a_partner_phrase(span) else None,
                                       subjects=_centred_by_role(subjects, rankings, role)
                                       if _in_a_subject(span) else frozenset())
            if kind == "ref" and role is not None and not ranked and not office_state:
                # "The country's exports to China fell" after a sentence whose subject did something
                # else ("The US has raised tariffs"): the state that owned the story's last flow,
                # not the last subject (a flow's owner is the topic of trade copy)
                owner = next((c for i, (c, s) in reversed(list(enumerate(history)))
                              if i in traders and sent_index - 6 <= s < sent_index), None)
                salient = owner or salient
            if salient is None:
                continue
            if kind == "ref":
                code = salient
            else:
                # "its" is bound by the nearest state before it in its own sentence
                # ("North Korea imported ... from its neighbor"), else the salient one.
                same_sentence = [c for c, s in history if s == sent_index]
                # a subject before it binds it first ("North Korea bought soybeans from China even
                # though imports from its neighbor slumped": North Korea's neighbor)
                same_subjects = [c for i, (c, s) in enumerate(history) if s == sent_index and i in subjects]
                # with no state before it in its sentence, "its" is the topic: the previous subject
                # ("China's exports rose ... It also shipped $2 million of tea to its neighbour")
                topic = _salient_country(history, counts, sent_index, subjects=subjects)
                possessor = same_subjects[-1] if same_subjects else same_sentence[-1] if same_sentence else topic
                code = _neighbor_of(possessor, history, sent_index, counts)
            if code:
                add_country(span, code)
        elif kind == "org":
            raw.append((trimmed, value, None, "organization"))
            _learn_acronym(doc, span, value, org_aliases)
        elif kind == "ent":
            text = trimmed.text
            if not text[:1].isupper() or text in surface_forms:
                continue
            if value == "PERSON":
                if any(ch.isdigit() for ch in text) or text.isupper():
                    continue
                person_spans.append((trimmed, _person_name(trimmed)))
            elif value == "ORG":
                name = org_aliases.get(text, text)
                raw.append((trimmed, name, None, "organization"))
                _learn_acronym(doc, span, name, org_aliases)
            elif value == "NORP":
                if _part_of_a_longer_name(trimmed):
                    continue
                raw.append((trimmed, text, None, "group"))

    people = _canonical_people([name for _, name in person_spans])
    raw += [(span, people[name], None, "person") for span, name in person_spans]
    raw.sort(key=lambda r: r[0].start_char)
    return [Actor(text=s.text, start=s.start_char, end=s.end_char, name=name, id=code, type=typ)
            for s, name, code, typ in raw]


def _learn_acronym(doc: Doc, span: Span, name: str, aliases: dict[str, str]) -> None:
    """'Korea Institute for National Unification (KINU)': KINU names it from here on."""
    end = span.end
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and doc[end + 1].is_upper:
        aliases[doc[end + 1].text] = name


class ActorRecognizer:
    """Sets ``doc._.actors``."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        with isolated(doc, self.name, "actors"):
            doc._.actors = find_actors(doc)
        return doc


@Language.factory("newsclaims_actors")
def make_actor_recognizer(nlp: Language, name: str) -> ActorRecognizer:
    return ActorRecognizer(nlp, name)
