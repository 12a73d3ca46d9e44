"""One document's view for the assembly: sentences, the countries and partners at each token
(blocs, regions and 'inter-Korean' included), the spans of amounts and periods, the article's
most named countries, and the role of each period (a comparison's 'since', a change's base).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from spacy.attrs import IS_ALPHA, IS_UPPER, LEMMA, LOWER, ORTH, TAG
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from models import Actor, Amount, Period, Source

from ..actors import _country_patterns, _country_surface_forms
from ..extensions import doc_text, tokens_whose
from ..lexicon import phrase_matcher
from ..periods.anchors import change_over_figure_base
from ..periods.patterns import JANUARY_ON_ITS_OWN, MONTHS, START_OF_THE_YEAR
from .words import WORLD, _change_verbs, _is_change_word, _lexicon, _lexicon_words, _partner_patterns, _trade_kind


#: region names too common in other senses to be a partner unless a preposition makes them one
_PREPOSITION_ONLY = frozenset({"Asia"})


def _an_epithet(owner: Token) -> bool:
    """A region in the possessive names a state by an epithet ("Asia's fourth-largest economy"),
    not the region's own trade ("Africa's largest export destination")."""
    return owner.head.lemma_.lower() in {"economy", "nation", "country", "state", "power", "democracy"}


@dataclass
class _Context:
    doc: Doc
    amounts: list[Amount]
    periods: list[Period]
    actors: list[Actor]
    sources: list[Source]
    sents: list[Span] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)
    country_at: dict[int, str] = field(default_factory=dict)      # token index -> ISO code
    period_spans: list[Span | None] = field(default_factory=list)
    amount_spans: list[Span | None] = field(default_factory=list)
    main_countries: list[str] = field(default_factory=list)
    country_counts: dict[str, int] = field(default_factory=dict)
    period_tokens: set[int] = field(default_factory=set)
    amount_tokens: set[int] = field(default_factory=set)
    amount_at_start: dict[int, Amount] = field(default_factory=dict)   # first token of a figure -> its amount
    # the words of a dateline's city in capitals ("ANKARA - Exports rose"), read once a doc
    dateline_words: set[int] = field(default_factory=set)
    # the state whose capital a dateline names ("KATHMANDU: Imports rose"), read once a doc
    dateline_state: str | None = None
    pair_at: dict[int, list[str]] = field(default_factory=dict)   # "inter-Korean": both parties
    # The lead's trade is one state's with all partners ("Peru's exports slipped in May as
    # shipments to Chile slumped"): a later flow that names its reporter but no partner is with
    # the world too, not with the partner of the line before (set by the assembly)
    world_story: bool = False
    # places inside states the text names as traders ("Guangdong", "the province of Liaoning")
    places: set[str] = field(default_factory=set)
    place_counts: dict[str, int] = field(default_factory=dict)
    # places the text writes with their kind ("Zhejiang Province"), which its other mentions name too
    places_with_their_noun: set[str] = field(default_factory=set)
    # the state a home-country story reports on (parties._home_state), read once a doc
    home_state: str | None = None
    home_reason: str = ""   # how it was found (said by the claims that take it)
    # the states every mention of which is a partner ('exports to Japan'; parties._named_only_as_partners),
    # read once a doc before the home state
    partners_only: set[str] = field(default_factory=set)
    # the periods that frame a superlative (periods._superlative_frames), read once a doc
    superlative_frames: set[int] | None = None
    # per sentence start: the clauses giving one partner's part of a figure, with that partner's
    # tokens (parties.py, asked for claim after claim)
    share_clauses: dict[int, dict[int, set[int]]] = field(default_factory=dict)

    def _regions_by_adjective(self) -> None:
        """'African shipments to China', 'Asian imports': a region's adjective right before a trade
        word names the region as the trader (not in 'African swine fever')."""
        table = {k: v for k, v in _lexicon()["region_adjectives"].items() if not k.startswith("_")}
        matcher = phrase_matcher(self.doc.vocab, "region_adjectives",
                                 [(label, phrase) for label, phrases in table.items() for phrase in phrases], attr="LOWER")
        for match_id, start, end in matcher(self.doc):
            if end >= len(self.doc) or not _trade_kind(self.doc[end]) or any(t in self.country_at for t in range(start, end)):
                continue
            label = self.doc.vocab.strings[match_id]
            if start >= 2 and self.doc[start - 1].text in {"-", "–"}:
                if self.doc[start - 2].lower_ == "sino":   # "Sino-Latin American trade": China and the region
                    for t in range(start - 2, end):
                        self.pair_at[t] = sorted(["CHN", label])
                continue
            for t in range(start, end):
                self.country_at[t] = label

    def _groups_by_exclusion(self) -> None:
        """'countries other than the United States', 'markets outside the EU', 'nations excluding
        China and Japan': a group of partners set apart from the states it names is a partner as
        written (the contract's rule for groups), never those states, nor the world."""
        doc = self.doc
        nouns = _lexicon_words("partner_group_nouns")
        exclusions = sorted((tuple(w.split()) for w in _lexicon_words("exclusion_words")), key=len, reverse=True)
        # (the plural nouns from the Doc's arrays: building every token to ask is the cost)
        tags = doc.to_array(TAG)
        plurals = (tags == doc.vocab.strings["NNS"]) | (tags == doc.vocab.strings["NNPS"])
        for i in plurals.nonzero()[0].tolist():
            noun = doc[i]
            if noun.lemma_.lower() not in nouns or noun.i in self.country_at:
                continue
            at = noun.i + 1
            words = next((w for w in exclusions if tuple(t.lower_ for t in doc[at: at + len(w)]) == w), None)
            if words is None:
                continue
            at += len(words)
            if at < len(doc) and doc[at].lower_ == "the":
                at += 1
            end = at
            while end < len(doc):   # the states set apart, "Japan, China and the US" too
                following = end
                while following < len(doc) and doc[following].lower_ in {",", "and", "or", "the"}:
                    following += 1
                if end in self.country_at:
                    end += 1
                elif end > at and following > end and following in self.country_at:
                    end = following
                else:
                    break
            if end == at or any(self.country_at[t] == WORLD for t in range(at, end) if t in self.country_at):
                continue   # ("other than the world" names no group; a state must follow)
            start = noun.i
            while start > 0 and doc[start - 1].lower_ in {"other", "all"}:   # "all markets outside Asia"
                start -= 1
            label = doc[start: end].text
            for t in range(start, end):
                self.country_at[t] = label
        # "non-EU exports", "exports to non-OECD countries": the partners outside a state or bloc, as
        # written (the partner noun after it, if any, is part of the name)
        for t in doc[:-2] if "non" in self.text.lower() else ():   # (the text first: the tokens only if it has one)
            if t.lower_ != "non" or doc[t.i + 1].text not in {"-", "–"} or (t.i + 2) not in self.country_at:
                continue
            code, end = self.country_at[t.i + 2], t.i + 3
            while end < len(doc) and self.country_at.get(end) == code:
                end += 1
            if code == WORLD:
                continue
            if end < len(doc) and doc[end].lemma_.lower() in nouns and doc[end].tag_ in {"NNS", "NNPS"}:
                end += 1
            label = doc[t.i: end].text
            for k in range(t.i, end):
                self.country_at[k] = label

    def __post_init__(self):
        self.text = doc_text(self.doc)
        self.sents = list(self.doc.sents)
        self.sent_starts = [s.start_char for s in self.sents]
        for actor in self.actors:
            if actor.type == "country" and actor.id:
                span = self.span(actor)
                if span is not None:
                    for t in range(span.start, span.end):
                        self.country_at[t] = actor.id
        # Blocs, regions, groups and the world as trade partners ("the European Union", "Southeast
        # Asia", "countries along the Belt and Road"): a longer name wins over a country inside it.
        matcher = phrase_matcher(self.doc.vocab, "trade_partners", _partner_patterns(), attr="LOWER")
        spans = [Span(self.doc, start, end, label=match_id) for match_id, start, end in matcher(self.doc)
                 # "the world's largest exporter", "Asia's fourth-largest economy" say who, not
                 # with whom; a continent is a partner only after 'to', 'from', 'with' ("exports to
                 # Asia"), not inside another name ("West Asia", "Asia Pacific")
                 if not (end < len(self.doc) and self.doc[end].lower_ in {"'s", "’s"}
                         and (self.doc.vocab.strings[match_id] == WORLD or _an_epithet(self.doc[end - 1])))
                 and not (self.doc.vocab.strings[match_id] in _PREPOSITION_ONLY
                          and (start == 0 or self.doc[start - 1].lower_ not in {"to", "from", "with", "into"}))]
        named_states = {(self.span(a).start, self.span(a).end) for a in self.actors
                        if a.type == "country" and a.id and self.span(a) is not None}
        for span in filter_spans(spans):
            if any(start <= span.start and span.end <= end and (start, end) != (span.start, span.end)
                   for start, end in named_states):
                continue   # "South Africa": a state's name, not the continent inside it
            for t in range(span.start, span.end):
                self.country_at[t] = span.label_
        self._groups_by_exclusion()
        self._regions_by_adjective()
        # "Imports from the bloc slipped": the latest bloc named before the description
        # ... and "exports to those countries": the latest group of states (a bloc or a region) named before
        references = _lexicon()["bloc_references"]
        groups = set(references["blocs"]) | {label for label, _ in _partner_patterns() if label != WORLD}
        self._refer_back("bloc_references", references["phrases"], set(references["blocs"]))
        self._refer_back("group_references", references["group_phrases"], groups)
        self._refer_back("continent_references", references["continent_phrases"], set(references["continents"]))
        pairs = _lexicon()["pair_adjectives"]["words"]
        matcher = phrase_matcher(self.doc.vocab, "trade_pair_adjectives", [(w, w) for w in pairs], attr="LOWER")
        for match_id, start, end in matcher(self.doc):
            for t in range(start, end):
                self.pair_at[t] = pairs[self.doc.vocab.strings[match_id]]
        # "Sino-Mexican trade", "Sino-Brazilian", "Sino-India": China and the state the demonym or
        # name after it names
        for t in self.doc[:-2] if "sino" in self.text.lower() else ():   # (the text first: the tokens only if it has one)
            if t.lower_ != "sino" or self.doc[t.i + 1].text not in {"-", "–"} or t.i in self.pair_at:
                continue
            other = _demonyms_and_names().get(self.doc[t.i + 2].lower_)
            if other not in (None, "CHN"):
                for k in range(t.i, t.i + 3):
                    self.pair_at[k] = sorted(["CHN", other])
        for ent in self.doc.ents:
            # "Guangdong's exports", "shipments from Liaoning province": a place inside a state
            # trades as itself, a region named as written (the contract's rule for partners that
            # are not states); never the state's trade, nor the story's pair
            if ent.label_ == "GPE" and not any(t in self.country_at or t in self.pair_at for t in range(ent.start, ent.end)) \
                    and not _a_state_name(ent.text) and not _a_dateline(ent, self.text) \
                    and any(t.pos_ == "PROPN" or t.is_upper for t in ent) \
                    and not any(t.text == "," for t in ent):   # "Chinese", "in Beijing": the state's
                # (nor a list the model took for one place: "exported to USA, Germany, India and Japan")
                # (and not a common noun the model took for a place: "Logs, sawn timber and wood products rose";
                # a dateline's city in capitals, "SYDNEY", is tagged a noun and is a place)
                name = " ".join(t.text for t in ent if t.lower_ not in {"the", "'s", "’s"})
                # "Shandong province" and "Shandong's exports": one place, one name (not "Mexico City")
                bare = _KIND_AFTER_A_PLACE.sub("", name)
                if bare != name and not _a_state_name(bare):
                    name = bare
                self.places.add(name)
                self.place_counts[name] = self.place_counts.get(name, 0) + 1
                for t in range(ent.start, ent.end):
                    self.country_at[t] = name
        self._places_named_with_their_noun()
        self._places_named_again()
        self._places_by_description()
        self.period_spans = [self.span(p) for p in self.periods]
        # "China's January exports": a period modifying a trade word is no kind of goods
        self.period_tokens = {t for span in self.period_spans if span is not None for t in range(span.start, span.end)}
        self.amount_spans = [self.span(a) for a in self.amounts]
        # "17-point-six million U.S. dollars worth of products": the figure's words are no goods
        self.amount_tokens = {t for span, amount in zip(self.amount_spans, self.amounts)
                              if span is not None and amount.unit != "count" for t in range(span.start, span.end)}
        for span, amount in zip(self.amount_spans, self.amounts):
            if span is not None:
                self.amount_at_start.setdefault(span.start, amount)
        self.dateline_words = _dateline_words(self.doc, self.text)
        self.dateline_state = _dateline_state(self.doc, self.dateline_words)
        counts = Counter(a.id for a in self.actors if a.type == "country" and a.id)
        self.main_countries = [code for code, _ in counts.most_common()]
        self.country_counts = counts
        # Read once per doc: the assembly asks for them sentence after sentence.
        # the periods inside a clause that 'since' opens ("since exports peaked in 2019 at $4.2 billion"):
        # read before the roles, whose 'since' they are; they date the clause's own figure and no other
        self.since_clauses = {i for i, span in enumerate(self.period_spans)
                              if span is not None and _in_a_since_clause(span, self.text)}
        self.roles = [_reference_role(i, self) for i in range(len(self.periods))]
        # where the previous record a 'record' period dates is written (its figure's phrase starts there)
        self.record_starts = {i: _previous_record_start(self.period_spans[i], self.text)
                              for i, role in enumerate(self.roles) if role == "record"}
        self.paragraph_breaks = [m.start() for m in re.finditer("\n\n", self.text)]

    def _places_named_with_their_noun(self) -> None:
        """'Zhejiang Province', 'Jiangsu province': proper names before 'province', 'prefecture' or
        'municipality' name a place inside a state, whatever the model tagged them (it often tags
        none in a headline or a lead that starts with them)."""
        written = self.places_with_their_noun
        for i in tokens_whose(self.doc, LOWER, _PLACE_KIND_NOUNS.__contains__).nonzero()[0].tolist():
            k = i
            while k > 0 and self.doc[k - 1].tag_ == "NNP" and self.doc[k - 1].dep_ == "compound" \
                    and self.doc[k - 1].head.i == i and k - 1 not in self.country_at and k - 1 not in self.pair_at:
                k -= 1
            if self.country_at.get(i) in self.places:
                written.add(self.country_at[i])   # (the model's own "Zhejiang Province")
            if k == i or i in self.country_at:
                continue
            name = " ".join(t.text for t in self.doc[k:i])
            if _a_state_name(name):
                continue
            self.places.add(name)
            written.add(name)
            for t in range(k, i + 1):
                self.country_at[t] = name
        # "Shandong province's Qingdao", "Zhejiang's Yiwu": a proper name a place owns is a place in it
        for i in tokens_whose(self.doc, LOWER, {"'s", "’s"}.__contains__).nonzero()[0].tolist():
            if not 0 < i < len(self.doc) - 1 or self.country_at.get(i - 1) not in self.places:
                continue
            end = i + 1
            while end < len(self.doc) and self.doc[end].tag_ == "NNP" and end not in self.country_at \
                    and self.doc[end].ent_type_ not in {"ORG", "NORP", *_FIGURE_ENTITIES} \
                    and self.doc[end].lower_ not in MONTHS:   # (it tags many a city a person, or a date)
                end += 1
            # (the name heads its phrase: "Scotland's Scotch whisky" names whisky, no place)
            if end > i + 1 and (end == len(self.doc) or self.doc[end].tag_ != "POS") \
                    and self.doc[end - 1].dep_ not in {"compound", "amod", "nmod"}:
                name = " ".join(t.text for t in self.doc[i + 1: end])
                if not _a_state_name(name):
                    self.places.add(name)
                    for t in range(i + 1, end):
                        self.country_at[t] = name

    def _places_named_again(self) -> None:
        """'Zhejiang H1 foreign trade hits ...' in a headline where the model tagged no place: a
        place's name written again is the same place wherever the model tagged it, when the text
        writes it once with its kind ('Zhejiang Province'; not a word the model once took for a
        place, "For Scotch, ..." beside "Scotch whisky")."""
        firsts: dict[str, list[tuple[list[str], str]]] = {}
        for name in self.places_with_their_noun:
            words = name.split()
            firsts.setdefault(words[0], []).append((words, name))
        if not firsts:
            return
        for i in tokens_whose(self.doc, ORTH, firsts.__contains__).nonzero()[0].tolist():
            for words, name in firsts[self.doc[i].text]:
                end = i + len(words)
                # (not a word the model read as a figure or a time: "H1" is a half-year where a
                # lead's "Dubai H1" was taken for a place)
                if end <= len(self.doc) and [t.text for t in self.doc[i:end]] == words \
                        and self.doc[i].ent_type_ not in _NOT_A_PLACE_ENTITIES \
                        and not any(k in self.country_at or k in self.pair_at for k in range(i, end)):
                    for k in range(i, end):
                        self.country_at[k] = name

    def _places_by_description(self) -> None:
        """'the province of Guizhou', 'China's southwestern province of Guizhou': the noun is the place
        named after it; 'the province', 'the coastal province', 'the city's exports': the latest place
        named with that noun before ('Shandong province', 'the city of Yiwu'), else the latest place
        named before (lexicon: place_nouns). Such a description, not the state it is in, trades."""
        nouns = _lexicon_words("place_nouns")
        typed: dict[str, list[tuple[int, str]]] = {}   # noun -> (token, place) written with it, in order
        # (only the places' words and the nouns, in text order: building every token to ask is the cost)
        at = {i for i, name in self.country_at.items() if name in self.places} \
            | set(tokens_whose(self.doc, LEMMA, lambda s: s.lower() in nouns).nonzero()[0].tolist())
        for t in (self.doc[i] for i in sorted(at)):
            name, lemma = self.country_at.get(t.i), t.lemma_.lower()
            if name in self.places:
                # "Shandong province", "Zhejiang Province" (the noun inside the place's name or after it)
                after = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
                written = lemma if lemma in nouns else after.lemma_.lower() if after is not None \
                    and after.lemma_.lower() in nouns and after.i not in self.country_at else None
                if written:
                    typed.setdefault(written, []).append((t.i, name))
            if t.tag_ != "NN" or lemma not in nouns or t.i in self.country_at:
                continue
            named = [self.country_at[o.i] for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj" and self.country_at.get(o.i) in self.places]
            if named:
                typed.setdefault(lemma, []).append((t.i, named[0]))
            elif any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) \
                    and not any(c.dep_ in {"poss", "prep", "relcl", "acl"} for c in t.children):
                # (not "the city where ...", "the province's neighbour China": a description of its own)
                # (else the latest place not written as another kind: "Hangzhou, Zhejiang province
                # ... the city's imports" are Hangzhou's)
                other_kinds = {place for noun, written in typed.items() if noun != lemma for _, place in written}
                before = [self.country_at[k] for k in range(t.i - 1, -1, -1) if self.country_at.get(k) in self.places]
                named = [place for _, place in typed.get(lemma, [])][-1:] or [
                    place for place in before if place not in other_kinds][:1] or before[:1]
            if named:
                self.country_at[t.i] = named[0]

    def _refer_back(self, key: str, phrases: list[str], labels: set[str]) -> None:
        """Each of ``phrases`` in the text names the latest partner of ``labels`` named before it
        (none named: nothing)."""
        matcher = phrase_matcher(self.doc.vocab, key, [(p, p) for p in phrases], attr="LOWER")
        for _, start, end in matcher(self.doc):
            named = [self.country_at[t] for t in range(start) if self.country_at.get(t) in labels]
            if named and start not in self.country_at:
                for t in range(start, end):
                    self.country_at[t] = named[-1]

    def paragraph_of(self, char: int) -> int:
        return bisect_right(self.paragraph_breaks, char - 2)   # breaks ending at or before char

    def span(self, mention) -> Span | None:
        return self.doc.char_span(mention.start, mention.end, alignment_mode="expand")

    def sentence_of(self, char: int) -> int:
        return max(0, bisect_right(self.sent_starts, char) - 1)

    def sent_of(self, token: Token) -> Span:
        """The sentence of ``token`` (``Token.sent`` walks the doc on every call)."""
        return self.sents[self.sentence_of(token.idx)]

    def countries_in(self, token: Token) -> list[str]:
        """States named in a phrase, conjuncts included ("North Korea and China"); "inter-Korean"
        names two."""
        out = []
        # (an apposition to a phrase that names its state describes it: "the province, China's largest
        # exporter," is the province's; "Vietnam, a member of ASEAN," Vietnam's)
        described = {t.i for a in token.subtree if a.dep_ == "appos" and a.head.i in self.country_at
                     and a.i not in self.country_at for t in a.subtree}
        for t in token.subtree:
            if t.i in described:
                continue
            for code in self.pair_at.get(t.i, [self.country_at.get(t.i)]):
                if code and code not in out:
                    out.append(code)
        return out


# entity types of figures, and of words that are never a place's name written again (a figure or a
# time: "Dubai H1"); a month after a place's possessive ("Guangdong's July") is none either (MONTHS)
_FIGURE_ENTITIES = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
_NOT_A_PLACE_ENTITIES = _FIGURE_ENTITIES | {"DATE", "TIME"}

# the nouns written after a place's proper name that say it is a place inside a state
_PLACE_KIND_NOUNS = frozenset({"province", "prefecture", "municipality"})
# ("Shandong province" and "Shandong" are one place, one name)
_KIND_AFTER_A_PLACE = re.compile(r"\s+(?:" + "|".join(sorted(_PLACE_KIND_NOUNS)) + r")$", re.IGNORECASE)


def _a_state_name(name: str) -> bool:
    """Whether ``name`` is a state's own name ("U.S.", "Mexico"), not a place inside one."""
    return name.lower().replace(".", "") in _state_names()


@cache
def _demonyms_and_names() -> dict[str, str]:
    """Lower-case demonym or one-word name -> ISO code ('mexican', 'india': 'IND')."""
    return {phrase.lower(): label.split(":")[1] for label, phrase in _country_patterns()
            if label.startswith(("demonym:", "name:"))}


@cache
def _state_names() -> frozenset[str]:
    """Every way the countries table writes a state (names, demonyms, capitals), lower-cased."""
    # ("U.S" as a typo writes it: forms compared without their dots)
    return frozenset(form.lower().replace(".", "") for form in _country_surface_forms())


# -- periods ----------------------------------------------------------------------

#: Prepositions that introduce what a change is measured against ("up 8% on June", "6% less than
#: in 2018", "rose 9 percent from the year prior").
BASE_PREPOSITIONS = frozenset({"from", "than", "on", "over", "against"})
# "on figures for March", "against the level of 2019", "compared with the data for May": a period named as
# the time of the figures a change is measured against
_ON_THE_FIGURES_FOR = re.compile(r"\b(?:on|over|against|from|than|compared\s+(?:with|to))\s+(?:the\s+)?"
                                 r"(?:figures?|levels?|data|numbers?|totals?|values?)\s+(?:for|of|in)\s+$", re.IGNORECASE)

# "up 28% over the same three months of 2023", "against the corresponding quarter of 2021": a change's
# base named as the same span of another year, right after the change's own preposition
_ON_THE_SAME_PERIOD = re.compile(r"\b(?:on|over|against|versus|vs\.?|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to))\s+"
                                 r"the\s+(?:same|corresponding|comparable)\s+(?:[\w-]+\s+){0,2}?(?:period|months?|quarter|half|"
                                 r"weeks?)\s+(?:in|of)\s+(?:the\s+)?$", re.IGNORECASE)
# "decreased by 6.2% compared to June last year": the period right after a comparison's own words
_COMPARED_WITH = re.compile(r"\b(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|as\s+against)\s+(?:the\s+)?$",
                            re.IGNORECASE)

# "over the first nine months", "over the past year", "over the first half": a span a change took
_OVER_A_SPAN = re.compile(r"(?:the\s+)?(?:first|past|last|latest|opening)\b", re.IGNORECASE)


_COMPARATIVES = frozenset({"more", "less", "fewer", "higher", "lower", "greater", "smaller", "bigger", "larger"})


def _bracket_opening(span: Span, ctx: _Context, inside) -> int | None:
    """The index of the '(' a figure's bracket opens with, when only tokens ``inside`` accepts stand
    between it and the figure (at most eight, in the figure's sentence); else None."""
    doc = ctx.doc
    sent_start = ctx.sent_of(span[0]).start
    k = span.start - 1
    while k > sent_start and doc[k].text != "(" and span.start - k <= 8:
        if not inside(k):
            return None
        k -= 1
    return k if k > sent_start and doc[k].text == "(" else None


# "March 1-20", "Sept. 1-10": the first days of one month, written by their numbers
_DAYS_OF_A_MONTH = re.compile(r"[A-Z][a-z]{2,8}\.? 1\s?[-–]\s?(?:10|20|2[0-9]|3[01]|1[0-9])")


# "the previous record of $8.9 billion set in March", "its prior peak of 120,000 tonnes in 2019": the
# time of the record a figure beats, which dates that record and no other figure of the story
_PREVIOUS_RECORD = re.compile(r"\b(?:previous|prior|former|old|earlier)\s+(?:all-time\s+|monthly\s+|annual\s+|record\s+)?"
                              r"(?:record|high|peak|low|best)\s+(?:of\s+)?(?:[^.;,()]|[.,](?=\d)){1,40}?\s+"
                              r"(?:(?:set|seen|reached|recorded|posted|hit|marked|logged)\s+)?(?:in|on|during)\s+$", re.I)


# "the steepest since shipments slumped in March 2020 to ...", "not seen since comparable records began
# in January 1995": a time inside a clause that 'since' opens is the time of the earlier event a
# figure is measured from (the parser hangs these clauses anywhere, so they are read on the words)
_IN_A_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:[^.;,:()\d]|\d(?![\d.,]*\s*(?:%|per|billion|million|trillion)))"
                                r"{1,60}?\s+(?:in|on|during|at)\s+$", re.I)


# what follows a dateline's city: a date, a wire's name in brackets, then a dash ("BEIJING, May 9
# (Reuters) -", "MOSCOW. Oct 8 (Interfax) -", "Johannesburg –")
# (a month abbreviated with its point may come before the day: "LIMA, Sept. 8 (Reuters) --")
_AFTER_A_DATELINE = re.compile(r"[ \t]*(?:[.,](?:[^.\n()–—-]|\.(?=[ \t]?\d)){0,30}?)?[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:[-–—:]|$)")


def _a_dateline(ent: Span, text: str) -> bool:
    """A city opening a paragraph as its dateline, where the story was filed: no party to its
    trade."""
    before = text[:ent.start_char].rstrip(" \t")
    return (not before or before.endswith("\n")) and _AFTER_A_DATELINE.match(text, ent.end_char) is not None


_CAPITALS_RUN = re.compile(r"(?:[A-Z][A-Z'’.]+[ \t]?)+")


def _dateline_words(doc: Doc, text: str) -> set[int]:
    """'ANKARA - Exports rose ...': the words of a city in capitals opening a paragraph as its
    dateline (the tagger often takes them for modifiers of the first noun)."""
    out: set[int] = set()
    # (the words in capitals from the Doc's arrays: building every token to ask is the cost)
    for i in (doc.to_array(IS_UPPER) & doc.to_array(IS_ALPHA)).nonzero()[0].tolist():
        token = doc[i]
        line_start = text.rfind("\n", 0, token.idx) + 1
        run = _CAPITALS_RUN.match(text, line_start)
        if run is not None and line_start <= token.idx < run.end() \
                and _AFTER_A_DATELINE.match(text, line_start + len(run.group().rstrip())) is not None:
            out.add(token.i)
    return out


@cache
def _capitals() -> dict[str, str]:
    """A capital in capitals -> its state ('SEOUL' -> 'KOR')."""
    return {phrase.upper(): label.split(":", 1)[1] for label, phrase in _country_patterns() if label.startswith("capital:")}


def _dateline_state(doc: Doc, dateline_words: set[int]) -> str | None:
    """The state whose capital the story's first dateline names ('NAIROBI, March 3 -'): where a
    domestic story was filed, so the state whose figures it reports when it names none."""
    words = sorted(dateline_words)
    if not words:
        return None
    run = [words[0]]
    for i in words[1:]:
        if i != run[-1] + 1:
            break
        run.append(i)
    return _capitals().get(" ".join(doc[i].text for i in run).strip(" .,"))


def _in_a_since_clause(span: Span, text: str) -> bool:
    return _IN_A_SINCE_CLAUSE.search(text, max(0, span.start_char - 90), span.start_char) is not None


def _previous_record_start(span: Span, text: str) -> int | None:
    """Where 'the previous record of <figure> (set) in' is written right before the period ``span``."""
    found = _PREVIOUS_RECORD.search(text, max(0, span.start_char - 90), span.start_char)
    return found.start() if found is not None else None


def _the_year_so_far(period: Period) -> bool:
    """A period from 1 January to a month's end of the same year, written as the year's start
    ("since the beginning of this year")."""
    return period.granularity == "range" and period.from_ is not None and period.to is not None \
        and (period.from_.month, period.from_.day) == (1, 1) and period.to.year == period.from_.year \
        and period.to.month < 12 and START_OF_THE_YEAR.fullmatch(period.text) is not None


def _the_year_so_far_of_a_figure(index: int, ctx: "_Context") -> bool:
    """'exports since January have fallen 25% to $32 billion': January to the latest month, the
    period of the figures its sentence gives (not 'growth continued for five months since January',
    which counts months and dates no figure)."""
    period, span = ctx.periods[index], ctx.period_spans[index]
    if period.granularity != "range" or period.from_ is None or period.to is None \
            or JANUARY_ON_ITS_OWN.fullmatch(period.text) is None:
        return False
    sent = span.sent
    return any(a is not None and sent.start <= a.start < sent.end and amount.unit != "count"
               for a, amount in zip(ctx.amount_spans, ctx.amounts))


def _reference_role(index: int, ctx: _Context) -> str | None:
    """'since' for a comparison's reference, 'basis' for a change's base period, 'boundary' for a
    time a figure is before or after, 'record' for the time of a previous record (its figure's
    own, written right after it, and no other figure's), else None
    (computed once per period into ``ctx.roles``)."""
    span = ctx.period_spans[index]
    if span is None:
        return None
    lex = _lexicon()
    if (span.start > 0 and ctx.doc[span.start - 1].lower_ == "since" or span.root.head.lower_ == "since"
            or index in ctx.since_clauses) and not _the_year_so_far(ctx.periods[index]) \
            and not _the_year_so_far_of_a_figure(index, ctx):
        return "since"   # (not "since the beginning of this year": the year so far, the figure's own)
    if _previous_record_start(span, ctx.text) is not None:
        return "record"   # "topping the previous high of $8.9 billion set in March": the old record's time
    before = ctx.doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in {"before", "after", "until", "till"} or (
            before == "to" and span.start > 1 and ctx.doc[span.start - 2].lower_ == "prior"):
        return "boundary"   # "traded before 2017": a time the figure is before or after, not its own
    if before == "from" and _DAYS_OF_A_MONTH.fullmatch(span.text):
        return None   # "jumped 46% from March 1-20": Korean customs' ten- and twenty-day counts, the span itself
    # "a year earlier", "the same period last year": the basis phrase reaches into the period itself
    # ("fell 9 percent year on year in June" names June as the figure's month, not a base)
    sent_start = ctx.sents[ctx.sentence_of(span.start_char)].start   # Span.sent walks the doc each time
    start = ctx.doc[max(sent_start, span.start - 3)].idx
    window = ctx.text[start: span.end_char].lower()
    cut = span.start_char - start
    for phrase in lex["year_on_year"] + lex["period_on_period"]:
        at = window.find(phrase)
        if at != -1 and at + len(phrase) > cut:
            return "basis"
    if ctx.periods[index].granularity == "year" \
            and _ON_THE_SAME_PERIOD.search(ctx.text, max(0, span.start_char - 70), span.start_char):
        return "basis"   # "28% over the same three months of 2023": the year of the base, not the figure's
    if _COMPARED_WITH.search(ctx.text, max(0, span.start_char - 30), span.start_char) \
            or change_over_figure_base().search(ctx.text, max(0, span.start_char - 90), span.start_char):
        return "basis"   # "fell 6.2% compared to June last year", "a 9% rise over $8 million in May": the base
    if before == "over" and _OVER_A_SPAN.match(span.text):
        return None   # "Over the first seven months, trade rose 9%": the span, no base
    if span.start >= 2 and ctx.doc[span.start - 1].lower_ == "in" and ctx.doc[span.start - 2].lower_ == "than":
        return "basis"   # "6.5 per cent more than in March last year", however the parser hung it
    # ("rose 4% over a year earlier and 2% over August": 'over', 'on' and 'against' the same way)
    if span.start >= 2 and ctx.doc[span.start - 1].lower_ in BASE_PREPOSITIONS - {"than"} and span.start - 2 in ctx.amount_tokens \
            and any(a.change for a, s in zip(ctx.amounts, ctx.amount_spans)
                    if s is not None and s.start <= span.start - 2 < s.end or a.unit == "percent"
                    and s is not None and s.start <= span.start - 2 < s.end):
        return "basis"   # "up 16% from a year ago and 11% from November": a figure's own base
    head = span.root.head
    if head.lower_ == "in" and head.head.lower_ in {"than", "from", "with", "to"}:
        head = head.head   # "6% less than in the previous year", "compared to in 2018"
    if head.lower_ in BASE_PREPOSITIONS and (_is_change_word(head.head) or head.head.lower_ in _COMPARATIVES):
        return "basis"   # "up 8% on June", "6% less than in 2018", "7.5 per cent more than in March"
    before = ctx.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in BASE_PREPOSITIONS \
            and before.head.i != span.root.i and _is_change_word(before.head):
        return "basis"   # "rose 9 percent from the year prior": the parser hangs "prior" elsewhere
    if before is not None and before.lower_ in {"above", "below"} and before.i > 0 \
            and ctx.doc[before.i - 1].lower_ in {"%", "percent", "pct", "cent", "times"}:
        return "basis"   # "22% above 2021": the level a percentage is measured against
    if before is not None and before.lower_ == "from" and before.head.i != span.root.i and any(
            _is_change_word(a) or a.pos_ == "VERB" and a.lemma_.lower() in _change_verbs()
            for a in [before.head, *list(before.head.ancestors)[:2]]):
        return "basis"   # "shrank 3 percent last year from 2012": hung on "year", still the change's base
    if _ON_THE_FIGURES_FOR.search(ctx.text, max(0, span.start_char - 40), span.start_char):
        return "basis"   # "up EUR41 million (1%) on the figures for March", "against the level of 2019": the base
    if before is not None and before.lower_ in {"and", "or"} and before.i > sent_start:
        # "up sharply from a year earlier and from March": coordinated with a base, a base too
        left = ctx.text[ctx.doc[sent_start].idx: before.idx].rstrip().lower()
        if any(left.endswith(phrase) for phrase in lex["year_on_year"] + lex["period_on_period"]):
            return "basis"
        earlier = next((k for k in range(index - 1, -1, -1) if ctx.period_spans[k] is not None
                        and ctx.period_spans[k].end == before.i), None)
        if earlier is not None and _reference_role(earlier, ctx) == "basis":
            return "basis"
    return None
