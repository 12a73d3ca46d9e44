"""PolNeAR attribution: Source and Cue span overlap F1.

Format from shared/benchmarks/polnear/README.md (brat standoff; Newell,
Margolin & Ruths, "An attribution relations corpus for political news",
LREC 2018): ``T`` lines ``Source``/``Cue`` with character offsets into the
matching ``.txt`` (discontinuous spans ``a b;c d``). One annotator per article:
the first ``.ann`` file in sort order. The published date comes from
``metadata.tsv`` (``publication_date``).

Our side: every ``attributions[*]`` (else ``sources[*]``) span is a Source, once per
mention: a mention that is the source of two attributions ("X said ..., adding ...") is one
Source span with two Cues, as PolNeAR links them. The contract carries the cue as
a string only, so a cue span is ``cue_start``/``cue_end`` when the sources
component provides them, else the occurrence of the cue string nearest to the
source mention (within 200 characters). Overlap = at least one shared
character with any fragment; one-to-one matching.

``write_misses`` (``newsclaims eval polnear --misses``) writes one JSON line per article
with the gold spans we missed (and the other role of the same attribution) and our
spans gold does not have, each with its context; it quotes the articles, so its default
place is the git-ignored ``out/``.
"""
from __future__ import annotations

import csv
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Optional, Sequence

from .matching import Score, match_one_to_one, unmatched

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MISSES = REPO_ROOT / "out" / "polnear.misses.jsonl"
CUE_WINDOW = 200
CONTEXT = 120
ROLES = ("Source", "Cue")
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "him", "her", "them", "who", "his", "their"}


@dataclass
class Span:
    role: str
    fragments: list[tuple[int, int]]
    text: str = ""
    attribution: str = ""   # the ``E`` line the span takes part in (gold only)

    @property
    def start(self) -> int:
        return min(f[0] for f in self.fragments)

    @property
    def end(self) -> int:
        return max(f[1] for f in self.fragments)


@dataclass
class PolnearArticle:
    id: str
    text: str
    published: Optional[date]
    spans: list[Span] = field(default_factory=list)
    annotator: str = ""


def parse_ann(content: str) -> list[Span]:
    """Source and Cue ``T`` lines of a brat ``.ann`` file."""
    spans, by_id, roles_of = [], {}, {}
    for line in content.splitlines():
        if line.startswith("E"):
            parts = line.split("\t")
            if len(parts) > 1:
                for arg in parts[1].split():
                    role, _, tid = arg.partition(":")
                    if role in ROLES:
                        roles_of[tid] = parts[0]
            continue
        if not line.startswith("T"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        label, _, offsets = parts[1].partition(" ")
        if label not in ROLES:
            continue
        fragments = []
        for piece in offsets.split(";"):
            a, b = piece.split()
            fragments.append((int(a), int(b)))
        spans.append(Span(label, fragments, parts[2] if len(parts) > 2 else ""))
        by_id[parts[0]] = spans[-1]
    for tid, relation in roles_of.items():
        if tid in by_id:
            by_id[tid].attribution = relation
    return spans


def _published_dates(path: Path) -> dict[str, date]:
    out = {}
    for candidate in (path / "metadata.tsv", path.parent / "metadata.tsv"):
        if candidate.exists():
            with candidate.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh, delimiter="\t"):
                    try:
                        out[row["filename"]] = date.fromisoformat(row["publication_date"][:10])
                    except (KeyError, ValueError, TypeError):
                        continue
            break
    return out


def load_polnear_dir(path: str | Path) -> list[PolnearArticle]:
    """Articles of a PolNeAR split folder (``text/``, ``attributions/``), or of
    the benchmark folder holding ``dev/``."""
    path = Path(path)
    if not (path / "text").is_dir() and (path / "dev").is_dir():
        path = path / "dev"
    published = _published_dates(path)
    ann_files = sorted((path / "attributions").glob("*.ann"))
    articles = []
    for txt in sorted((path / "text").glob("*.txt")):
        anns = [a for a in ann_files if a.name.startswith(txt.stem + "_")]
        if not anns:
            continue
        ann = anns[0]
        articles.append(PolnearArticle(
            txt.stem, txt.read_text(encoding="utf-8"), published.get(txt.stem),
            parse_ann(ann.read_text(encoding="utf-8")), ann.stem[len(txt.stem) + 1:]))
    return articles


# --------------------------------------------------------------------------- our output

def locate_cue(text: str, cue: str, start: int, end: int, window: int = CUE_WINDOW) -> Optional[tuple[int, int]]:
    """The occurrence of ``cue`` (whole words, any case) nearest to ``[start, end)``."""
    if not cue:
        return None
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, cue.split())) + r"(?!\w)", re.IGNORECASE)
    lo = max(0, start - window)
    best = None
    for m in pattern.finditer(text, lo, min(len(text), end + window)):
        distance = 0 if (m.start() < end and start < m.end()) else min(abs(m.start() - end), abs(start - m.end()))
        if best is None or distance < best[0]:
            best = (distance, m.start(), m.end())
    return (best[1], best[2]) if best else None


def spans_from_result(result: dict) -> list[Span]:
    text = (result.get("article") or {}).get("text", "")
    out, seen = [], set()
    for s in result.get("attributions") or result.get("sources", []):
        # one Source span per mention, one Cue per attribution ('X said ..., adding ...')
        if (s["start"], s["end"]) not in seen:
            seen.add((s["start"], s["end"]))
            out.append(Span("Source", [(s["start"], s["end"])], s.get("text", "")))
        if s.get("cue_start") is not None and s.get("cue_end") is not None:
            cue = (s["cue_start"], s["cue_end"])
        else:
            cue = locate_cue(text, s.get("cue") or "", s["start"], s["end"])
        if cue:
            out.append(Span("Cue", [cue], text[cue[0]:cue[1]]))
    return out


def spans_from_baseline(found: list[dict]) -> list[Span]:
    out = []
    for s in found:
        out.append(Span("Source", [(s["start"], s["end"])], s.get("text", "")))
        out.append(Span("Cue", [(s["cue_start"], s["cue_end"])]))
    return out


# --------------------------------------------------------------------------- scoring

def fragments_overlap(a: Span, b: Span) -> bool:
    return any(x0 < y1 and y0 < x1 for x0, x1 in a.fragments for y0, y1 in b.fragments)


def source_kind(text: str) -> str:
    """pronoun / name / description — a coarse category for miss reports."""
    words = text.split()
    if not words:
        return "empty"
    if len(words) == 1 and words[0].lower().strip(",.") in PRONOUNS:
        return "pronoun"
    if any(w[:1].isupper() for w in words if w.lower() not in ("the", "a", "an")):
        return "name" if len(words) <= 4 else "long name/description"
    return "description"


@dataclass
class AttributionScores:
    scores: dict[str, Score] = field(default_factory=dict)
    misses: dict[str, Counter] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)


def score_attributions(articles: Sequence[PolnearArticle], predicted: Sequence[Sequence[Span]]) -> AttributionScores:
    out = AttributionScores(scores={f"{r.lower()} overlap": Score() for r in ROLES})
    source_misses, false_sources, cue_misses = Counter(), Counter(), Counter()
    for art, preds in zip(articles, predicted):
        for role in ROLES:
            gold = [s for s in art.spans if s.role == role]
            ours = [s for s in preds if s.role == role]
            pairs = match_one_to_one(gold, ours, fragments_overlap,
                                     preference=lambda g, p: abs(g.start - p.start) + abs(g.end - p.end))
            out.scores[f"{role.lower()} overlap"].add(len(pairs), len(ours), len(gold))
            for gi in unmatched(gold, pairs, 0):
                if role == "Source":
                    source_misses[source_kind(gold[gi].text)] += 1
                else:
                    cue_misses[gold[gi].text.lower()] += 1
                out.details.append(f"{art.id}: missed {role} {gold[gi].text!r}")
            for pi in unmatched(ours, pairs, 1):
                if role == "Source":
                    false_sources[source_kind(ours[pi].text)] += 1
                out.details.append(f"{art.id}: false {role} {ours[pi].text!r}")
    out.misses = {"source misses by kind": source_misses, "false sources by kind": false_sources,
                  "missed cues": cue_misses}
    return out


# --------------------------------------------------------------------------- misses file

def _context(text: str, span: Span) -> str:
    lo, hi = max(0, span.start - CONTEXT), min(len(text), span.end + CONTEXT)
    return " ".join((text[lo:span.start] + "[[" + text[span.start:span.end] + "]]" + text[span.end:hi]).split())


def misses_record(article: PolnearArticle, predicted: Sequence[Span], fold: int = 0) -> dict:
    """One line of the misses file: the article's gold Source/Cue spans no span of ours
    matched (with the other role of their attribution and whether that one was matched), and
    our spans matching no gold span, each with its context (the span in ``[[...]]``)."""
    record: dict = {"id": article.id, "fold": fold, "missed": [], "false": []}
    matched_gold: set[int] = set()
    unmatched_ours: list[Span] = []
    for role in ROLES:
        gold = [s for s in article.spans if s.role == role]
        ours = [s for s in predicted if s.role == role]
        pairs = match_one_to_one(gold, ours, fragments_overlap,
                                 preference=lambda g, p: abs(g.start - p.start) + abs(g.end - p.end))
        matched_gold.update(id(gold[g]) for g, _ in pairs)
        unmatched_ours.extend(ours[i] for i in unmatched(ours, pairs, 1))
    for span in article.spans:
        if id(span) in matched_gold:
            continue
        partner = next((s for s in article.spans if s.attribution and s.attribution == span.attribution
                        and s.role != span.role), None)
        record["missed"].append({
            "role": span.role, "text": span.text, "start": span.start, "end": span.end,
            "partner": partner.text if partner else None,
            "partner_found": (id(partner) in matched_gold) if partner else None,
            "context": _context(article.text, span)})
    for span in unmatched_ours:
        record["false"].append({"role": span.role, "text": article.text[span.start:span.end], "start": span.start,
                                "end": span.end, "context": _context(article.text, span)})
    return record


def write_misses(path: str | Path, articles: Sequence[PolnearArticle], predicted: Sequence[Sequence[Span]],
                 folds: int = 0) -> Path:
    """One :func:`misses_record` line per article (``fold`` 1..N as in ``--folds N``, 0 unsplit)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for i, (article, preds) in enumerate(zip(articles, predicted)):
            record = misses_record(article, preds, i % folds + 1 if folds >= 2 else 0)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
