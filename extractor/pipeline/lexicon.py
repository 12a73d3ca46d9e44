"""Loading the data tables in ``extractor/data`` and matching them on a Doc.

Alias tables are matched with spaCy's ``PhraseMatcher``; patterns are
tokenized with the blank English tokenizer, whose rules are the ones
en_core_web_* use, so "Kim Jong-un's" and "U.S.-based" split the same way.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Iterable

import spacy
from spacy.matcher import PhraseMatcher
from spacy.vocab import Vocab

DATA = Path(__file__).parent / "data"


@cache
def load_table(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@cache
def _blank_english():
    return spacy.blank("en")


@cache
def trade_flow_words() -> dict[str, str]:
    """The trade words of ``trade_lexicon.json`` by the flow they name ('exports': 'export',
    'imports': 'import', 'trade': 'total')."""
    table = load_table("trade_lexicon.json")
    return {w: kind for kind in ("import", "export", "total") for w in table[kind]}


_MATCHERS: dict[tuple[int, str], PhraseMatcher] = {}


def phrase_matcher(vocab: Vocab, key: str, patterns: Iterable[tuple[str, str]], attr: str = "ORTH") -> PhraseMatcher:
    """A PhraseMatcher for ``(label, phrase)`` pairs, built once per vocab and key."""
    cache_key = (id(vocab), key)
    matcher = _MATCHERS.get(cache_key)
    if matcher is None:
        matcher = PhraseMatcher(vocab, attr=attr)
        tokenizer = _blank_english().tokenizer
        by_label: dict[str, list] = {}
        for label, phrase in patterns:
            by_label.setdefault(label, []).append(tokenizer(phrase))
        for label, docs in by_label.items():
            matcher.add(label, docs)
        _MATCHERS[cache_key] = matcher
    return matcher
