"""MEANTIME (NewsReader, English): dates, money, percents, person /
organization / place mentions, and the speakers of "said"-type events.

Format from shared/benchmarks/meantime_en/README.md (CAT XML; Minard et al.,
"MEANTIME, the NewsReader Multilingual Event and Time Corpus", LREC 2016):

* the text is rebuilt from ``<token>`` elements (sentence 0 is the title, the
  date line follows), joined with the usual English spacing, one sentence per
  line; every markable's span is the characters of its first to last token;
* date = TIMEX3 ``type="DATE"`` (the DCT is a normal markable on the date line
  and counts); money / percent = ``VALUE`` of type MONEY / PERCENT;
* person / organization / place = ``ENTITY_MENTION`` whose ``REFERS_TO`` entity
  has ``ent_type`` PER / ORG / LOC. Only named mentions (``syntactic_type``
  NAM or PRE.NAM) count: our actors and the NER baseline find names, not "he"
  or "the company";
* source = an ``Arg0`` participant (``HAS_PARTICIPANT``) of an event whose
  ``EVENT`` class is SPEECH_COGNITIVE and whose predicate is a "said"-type verb
  (``data/reporting_verbs.json``) — all syntactic types, pronouns included.

Only the first sentences of each article carry the document-level annotation
(sentence 0 = title, 1 = date line, 2-5 = the first four sentences of the body:
no TIMEX3, VALUE or typed named mention of the corpus lies beyond sentence 5;
mentions further down exist only as cross-document instance links). So
predictions after sentence 5 are left out of the count — they can be neither
right nor wrong.

Scores are span-overlap F1 per category with one-to-one matching; dates also
get a value F1 (overlap + same TIMEX3 value).
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Optional, Sequence

from .baselines import reporting_lemmas
from .matching import Score, match_one_to_one, span_distance, spans_overlap, unmatched

CATEGORIES = ("date", "money", "percent", "person", "organization", "place", "source")
ENT_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}
LAST_ANNOTATED_SENTENCE = 5
NAMED = {"NAM", "PRE.NAM"}

_NO_SPACE_BEFORE = {",", ".", ";", ":", "%", ")", "]", "}", "?", "!", "'s", "'", "''", "n't", "'re", "'ve",
                    "'ll", "'d", "'m", "...", "”", "’"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "US$", "CA$", "AU$", "``", "“", "#", "‘"}


@dataclass
class Mention:
    category: str
    start: int
    end: int
    text: str
    value: Optional[str] = None      # TIMEX3 value for dates
    kind: str = ""                   # syntactic_type, for miss reports


@dataclass
class MeantimeDocument:
    id: str
    text: str
    dct: Optional[date]
    mentions: list[Mention] = field(default_factory=list)
    annotated_end: Optional[int] = None   # end of the last annotated sentence; None = whole text


def _sentence_ends(tokens: list[tuple[str, str, str]], offsets: dict[str, tuple[int, int]]) -> dict[str, int]:
    ends: dict[str, int] = {}
    for t_id, sentence, _ in tokens:
        ends[sentence] = max(ends.get(sentence, 0), offsets[t_id][1])
    return ends


def _detokenize(tokens: list[tuple[str, str, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Text and ``t_id -> (start, end)`` from ``(t_id, sentence, text)`` tokens."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length, prev_sentence, prev_text = 0, None, None
    for t_id, sentence, text in tokens:
        shown = {"``": '"', "''": '"'}.get(text, text)
        if prev_sentence is not None:
            sep = "\n" if sentence != prev_sentence else (
                "" if text in _NO_SPACE_BEFORE or prev_text in _NO_SPACE_AFTER else " ")
            parts.append(sep)
            length += len(sep)
        offsets[t_id] = (length, length + len(shown))
        parts.append(shown)
        length += len(shown)
        prev_sentence, prev_text = sentence, text
    return "".join(parts), offsets


def parse_meantime(path: str | Path) -> MeantimeDocument:
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id"), t.get("sentence"), t.text or "") for t in root.iter("token")]
    text, offsets = _detokenize(tokens)
    markables = root.find("Markables")
    by_id: dict[str, ET.Element] = {}
    spans: dict[str, tuple[int, int]] = {}
    for el in (markables if markables is not None else []):
        m_id = el.get("m_id")
        by_id[m_id] = el
        anchors = [offsets[a.get("t_id")] for a in el.findall("token_anchor") if a.get("t_id") in offsets]
        if anchors:
            spans[m_id] = (min(a[0] for a in anchors), max(a[1] for a in anchors))
    ends = _sentence_ends(tokens, offsets)
    annotated = [end for sentence, end in ends.items()
                 if sentence.isdigit() and int(sentence) <= LAST_ANNOTATED_SENTENCE]
    annotated_end = max(annotated) if annotated else None
    refers: dict[str, str] = {}
    participants: dict[str, list[tuple[str, str]]] = defaultdict(list)
    relations = root.find("Relations")
    for rel in (relations if relations is not None else []):
        source, target = rel.find("source"), rel.find("target")
        if source is None or target is None:
            continue
        if rel.tag == "REFERS_TO":
            for s in rel.findall("source"):
                refers[s.get("m_id")] = target.get("m_id")
        elif rel.tag == "HAS_PARTICIPANT":
            participants[source.get("m_id")].append((rel.get("sem_role"), target.get("m_id")))

    dct = None
    mentions: list[Mention] = []
    lemmas = reporting_lemmas()
    for m_id, el in by_id.items():
        if m_id not in spans:
            continue
        start, end = spans[m_id]
        if el.tag == "TIMEX3":
            if el.get("functionInDocument") == "CREATION_TIME" and el.get("value"):
                try:
                    dct = date.fromisoformat(el.get("value")[:10])
                except ValueError:
                    pass
            if el.get("type") == "DATE":
                mentions.append(Mention("date", start, end, text[start:end], el.get("value")))
        elif el.tag == "VALUE" and el.get("type") in ("MONEY", "PERCENT"):
            mentions.append(Mention(el.get("type").lower(), start, end, text[start:end]))
        elif el.tag == "ENTITY_MENTION":
            entity = by_id.get(refers.get(m_id, ""))
            category = ENT_TYPES.get(entity.get("ent_type")) if entity is not None else None
            if category and el.get("syntactic_type") in NAMED:
                mentions.append(Mention(category, start, end, text[start:end], kind=el.get("syntactic_type")))
        elif el.tag == "EVENT_MENTION":
            event = by_id.get(refers.get(m_id, ""))
            if event is None or event.get("class") != "SPEECH_COGNITIVE":
                continue
            if (el.get("pred") or "").lower() not in lemmas:
                continue
            for role, target in participants.get(m_id, []):
                if role == "Arg0" and target in spans:
                    s, e = spans[target]
                    mentions.append(Mention("source", s, e, text[s:e],
                                            kind=by_id[target].get("syntactic_type", "") if target in by_id else ""))
    seen, unique = set(), []
    for m in sorted(mentions, key=lambda m: (m.start, m.end, m.category)):
        key = (m.category, m.start, m.end)
        if key not in seen:
            seen.add(key)
            unique.append(m)
    return MeantimeDocument(root.get("doc_id") or Path(path).stem, text, dct, unique, annotated_end)


def load_meantime_dir(path: str | Path) -> list[MeantimeDocument]:
    path = Path(path)
    root = path / "intra_cross-doc_annotation" if (path / "intra_cross-doc_annotation").is_dir() else path
    return [parse_meantime(p) for p in sorted(root.rglob("*.xml"))]


# --------------------------------------------------------------------------- our output

_PERCENT_UNITS = {"percent", "percentage_point"}


def mentions_from_result(result: dict) -> list[Mention]:
    from .tempeval import timexes_from_result

    out = []
    for t in timexes_from_result({"periods": result.get("periods", [])}):  # ranges as two ends, as TimeML
        if t.type != "DURATION":
            out.append(Mention("date", t.start, t.end, t.text, t.value))
    for a in result.get("amounts", []):
        unit = a.get("unit") or ""
        if unit in _PERCENT_UNITS:
            out.append(Mention("percent", a["start"], a["end"], a.get("text", "")))
        elif len(unit) == 3 and unit.isupper():
            out.append(Mention("money", a["start"], a["end"], a.get("text", "")))
    actor_category = {"person": "person", "organization": "organization", "group": "organization",
                      "country": "place"}
    for a in result.get("actors", []):
        category = actor_category.get(a.get("type"))
        if category:
            out.append(Mention(category, a["start"], a["end"], a.get("text", "")))
    seen = set()
    for s in result.get("attributions") or result.get("sources", []):
        if (s["start"], s["end"]) not in seen:   # one mention, whatever the number of its cues
            seen.add((s["start"], s["end"]))
            out.append(Mention("source", s["start"], s["end"], s.get("text", "")))
    return out


# --------------------------------------------------------------------------- scoring

@dataclass
class MeantimeScores:
    scores: dict[str, Score] = field(default_factory=dict)
    misses: dict[str, Counter] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)


def score_mentions(docs: Sequence[MeantimeDocument], predicted: Sequence[Sequence[Mention]],
                   categories: Sequence[str] = CATEGORIES, with_date_values: bool = True) -> MeantimeScores:
    out = MeantimeScores(scores={f"{c} overlap": Score() for c in categories})
    if with_date_values and "date" in categories:
        out.scores["date value"] = Score()
    missed, false_hits, source_misses = Counter(), Counter(), Counter()
    for doc, preds in zip(docs, predicted):
        if doc.annotated_end is not None:
            preds = [m for m in preds if m.start < doc.annotated_end]
        for category in categories:
            gold = [m for m in doc.mentions if m.category == category]
            ours = [m for m in preds if m.category == category]
            pairs = match_one_to_one(gold, ours, lambda g, p: spans_overlap((g.start, g.end), (p.start, p.end)),
                                     preference=lambda g, p: span_distance((g.start, g.end), (p.start, p.end)))
            out.scores[f"{category} overlap"].add(len(pairs), len(ours), len(gold))
            missed[category] += len(gold) - len(pairs)
            false_hits[category] += len(ours) - len(pairs)
            if category == "source":
                for gi in unmatched(gold, pairs, 0):
                    source_misses[gold[gi].kind or "?"] += 1
            if category == "date" and with_date_values:
                same = [1 for gi, pi in pairs if gold[gi].value and gold[gi].value == ours[pi].value]
                out.scores["date value"].add(len(same), len(ours), len(gold))
            for gi in unmatched(gold, pairs, 0):
                out.details.append(f"{doc.id}: missed {category} {gold[gi].text!r}")
            for pi in unmatched(ours, pairs, 1):
                out.details.append(f"{doc.id}: false {category} {ours[pi].text!r}")
    out.misses = {"misses by category": missed, "false hits by category": false_hits}
    if "source" in categories:
        out.misses["source misses by syntactic type"] = source_misses
    return out
