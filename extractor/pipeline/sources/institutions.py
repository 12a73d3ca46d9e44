"""Institutions a story names by what they do: "the Finance Ministry", "customs", "the Commerce
Department", "Beijing's foreign ministry", "new customs data".

Such a phrase is a definite description of the country's own institution (every state has
one finance ministry): the country is the one the phrase itself names (a demonym, a possessor,
a capital: "Japanese", "Beijing's", "Russian"), else the one the story names most often among
those the table knows an institution of that kind for, unless the story names another state at
least twice as often: that state's own institution, which the table lacks, is meant (a state
that publishes no trade figures, ``publish_no_trade_figures``, is never meant). The name is then the institution's
canonical name in ``organizations.json`` ("Ministry of Finance of Japan"), which is what a
fact-checker looks up and what the same source is called on another page.

The table (``organizations.json`` ``institutions_by_function``) gives, per function, the
phrases that name it (compared on their last words, lower case, after determiners, possessors
and country words are dropped, and a data noun at the end: "customs figures") and the
institution per country (ISO code).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache

from spacy.tokens import Span, Token

from models import Actor

from ..lexicon import load_table
from .cues import _is_data_noun

_DROPPED_DEPS = {"det", "case", "punct", "predet"}
# words that qualify the phrase without naming the institution ("new customs data", "the latest figures")
_QUALIFIERS = {"new", "latest", "official", "preliminary", "provisional", "revised", "monthly", "annual",
               "quarterly", "weekly", "recent", "final", "updated", "released", "national", "state", "central"}


@cache
def _functions() -> tuple[tuple[tuple[str, ...], dict[str, str]], ...]:
    """((phrase words, {ISO code: canonical name}), ...), longest phrases first."""
    table = load_table("organizations.json")["institutions_by_function"]
    out = []
    for row in table.values():
        by_country = dict(row["by_country"])
        if row.get("named_country_only"):
            by_country[_NAMED_ONLY] = ""
        for form in row["forms"]:
            out.append((tuple(form.lower().split()), by_country))
    return tuple(sorted(out, key=lambda f: -len(f[0])))


#: states that publish no trade figures of their own: a story about them cites their partners' customs
_PUBLISH_NO_TRADE_FIGURES = frozenset(load_table("organizations.json")["publish_no_trade_figures"]["states"])

_NAMED_ONLY = "named country only"  # a by_country key no ISO code can be


@cache
def _country_words() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(lower-case words, ISO code) of every country's names, demonyms and capital, longest first."""
    out = []
    for code, row in load_table("countries.json")["countries"].items():
        for form in [*row["aliases"], *row.get("demonyms", ()), *([row["capital"]] if row.get("capital") else [])]:
            out.append((tuple(form.lower().replace("’", "'").split()), code))
    return tuple(sorted(out, key=lambda f: -len(f[0])))


def _words(tokens: list[Token]) -> list[str]:
    return [t.lower_.replace("’", "'") for t in tokens]


@cache
def _country_words_by_first() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The country forms by their first word, longest first: each position of a phrase is tried
    against the forms that can start there only."""
    out: dict[str, list] = {}
    for form, code in _country_words():
        out.setdefault(form[0], []).append((form, code))
    return {first: tuple(forms) for first, forms in out.items()}


def _strip_countries(words: list[str]) -> tuple[list[str], list[str]]:
    """The words without country names, and the codes of the countries named."""
    codes, kept, i = [], [], 0
    by_first = _country_words_by_first()
    while i < len(words):
        for form, code in by_first.get(words[i], ()):
            if tuple(words[i:i + len(form)]) == form:
                codes.append(code)
                i += len(form)
                if i < len(words) and words[i] in ("'s", "'"):
                    i += 1
                break
        else:
            kept.append(words[i])
            i += 1
    return kept, codes


def _phrase_tokens(head: Token) -> list[Token]:
    """The head, its pre-modifiers and possessor, and an 'of' complement ('Ministry of Finance')."""
    out, stack = [], [head]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.i < head.i and c.dep_ in {"compound", "amod", "poss", "nmod", "det", "case", "punct", "npadvmod"}:
                stack.append(c)
            elif c.i > head.i and t is head and c.dep_ == "prep" and c.lower_ == "of":
                stack.append(c)
                stack.extend(p for p in c.children if p.dep_ == "pobj")
            elif c.i > head.i and t.dep_ == "pobj" and c.dep_ in {"compound", "conj", "cc", "punct"}:
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _function_of(words: list[str]) -> dict[str, str] | None:
    """The institutions of the function the words end with, or None."""
    if not words:
        return None
    for form, by_country in _functions():
        if len(words) >= len(form) and tuple(words[-len(form):]) == form \
                and all(w in _QUALIFIERS for w in words[:-len(form)] if w not in form):
            return by_country
    return None


@cache
def _issued_nouns() -> frozenset[str]:
    cues = load_table("attribution_cues.json")
    return frozenset(cues["statement_nouns"]) | frozenset(cues["document_nouns"]) | {"press", "news"}


@cache
def _aliases() -> dict[str, str]:
    """Every alias of the organizations table -> its canonical name."""
    out = {}
    for canonical, row in load_table("organizations.json")["organizations"].items():
        for alias in row["aliases"]:
            out.setdefault(alias, canonical)
    return out


def canonical_name(name: str) -> str:
    """The organizations table's name for ``name`` ('Choson Ilbo' -> 'Chosun Ilbo'), stray
    punctuation and line breaks at its ends dropped ('Yonhap:' as a label); else ``name`` trimmed."""
    trimmed = name.strip().strip(":;,-–—").strip()
    trimmed = re.sub(r"^(?:the|The)\s+", "", trimmed) if trimmed not in _aliases() else trimmed
    return _aliases().get(trimmed, trimmed or name)


def is_known_organization(name: str) -> bool:
    return name in _aliases().values()


class Institutions:
    """Canonical names of institutions named by their function, for one document."""

    def __init__(self, actors: list[Actor], site_state: str | None = None):
        counts = Counter(a.id for a in actors if a.type == "country" and a.id)
        first = {}
        for a in actors:
            if a.type == "country" and a.id:
                first.setdefault(a.id, a.start)
        # the story's countries, most named first (the first named on a tie)
        self.salient = sorted(counts, key=lambda c: (-counts[c], first[c]))
        self.counts = counts
        self.site_state = site_state

    def _pick(self, by_country: dict[str, str], named: list[str]) -> str | None:
        for code in named:
            if code in by_country:
                return by_country[code]
        if named or _NAMED_ONLY in by_country:
            return None   # "the Indian customs agency": a country the table has none for
        for code in self.salient:
            if code in by_country:
                # "customs data showed" in a story about Japan that names China once is Japan's
                # customs, which the table has no entry for: a state the story names at least twice
                # as often as this one is the story's own
                home = self.salient[0]
                if home != code and home not in _PUBLISH_NO_TRADE_FIGURES \
                        and self.counts[home] >= 2 * self.counts[code]:
                    return None
                # ("the Central Statistics Office" on an Irish site naming Ireland and China once each:
                # the site's own state's office, which the table has none for)
                site = self.site_state
                if site is not None and site != code and site not in by_country and site not in _PUBLISH_NO_TRADE_FIGURES \
                        and self.counts.get(site, 0) >= self.counts[code]:
                    return None
                return by_country[code]
        return None

    def of_phrase(self, head: Token) -> str | None:
        """Canonical name of the institution the phrase headed by ``head`` names by its function."""
        tokens = [t for t in _phrase_tokens(head) if t.dep_ not in _DROPPED_DEPS]
        # "customs figures", "new customs data", "a foreign ministry press briefing": whose they are
        while tokens and (_is_data_noun(tokens[-1]) or tokens[-1].lemma_.lower() in _issued_nouns()) \
                and tokens[-1].i >= head.i - 2:
            tokens = tokens[:-1]
        if not tokens or any(t.pos_ == "PRON" for t in tokens):
            return None
        words, named = _strip_countries(_words(tokens))
        by_country = _function_of(words)
        return self._pick(by_country, named) if by_country else None

    def of_name(self, name: str) -> str | None:
        """Canonical name for a name that only says what the institution does ("Finance Ministry")."""
        words, named = _strip_countries(re.sub(r"['’]s\b", " 's", name.lower()).split())
        words = [w for w in words if w not in ("the", "'s")]
        by_country = _function_of(words)
        return self._pick(by_country, named) if by_country else None

    def of_span(self, span: Span) -> str | None:
        return self.of_name(span.text)
