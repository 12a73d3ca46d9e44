"""The evaluation report: one table (benchmark, metric, ours, baselines,
published reference, target) plus, per benchmark, what costs points.

Three renderings of the same :class:`Report`: :func:`render_rich` (terminal),
:func:`report_to_dict` (``--json``) and :func:`render_markdown` (README
"Accuracy" section).
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .matching import Score

DATA = Path(__file__).with_name("data")


@dataclass
class Row:
    """One metric of one benchmark.

    ``headline`` says which number the row is read by: ``"f1"`` (most rows),
    ``"recall"`` (a share of the gold items found, such as reference verdicts
    reproduced: "101 of 403"), or ``"count"`` (a false-alarm count over
    ``documents`` documents, lower is better; ``ours`` is then None).
    """

    benchmark: str
    metric: str
    ours: Optional[Score]
    baselines: dict[str, Optional[Score]] = field(default_factory=dict)
    note: str = ""
    headline: str = "f1"
    count: Optional[int] = None
    documents: Optional[int] = None
    # ``--folds``: the same metric on each fold (Rows without baselines), in fold order
    folds: list["Row"] = field(default_factory=list)

    @property
    def reference(self) -> Optional[dict]:
        return reference_for(self.benchmark, self.metric)

    @property
    def target(self) -> Optional[float]:
        entry = target_entry(self.benchmark, self.metric)
        return None if entry is None else entry.get("f1", entry.get("max"))

    @property
    def value(self) -> Optional[float]:
        """The headline number: F1, the recall of a share, or the count."""
        if self.headline == "count":
            return None if self.count is None else float(self.count)
        if self.ours is None:
            return None
        return self.ours.recall if self.headline == "recall" else self.ours.f1

    def target_met(self) -> Optional[bool]:
        """None without a target. A count target is a maximum per ``per`` documents
        ("at most 1 per 40 articles"); the others a minimum of the headline number."""
        entry = target_entry(self.benchmark, self.metric)
        if entry is None or self.value is None:
            return None if entry is None else False
        if "max" in entry:
            per = entry.get("per")
            rate = self.value * per / self.documents if per and self.documents else self.value
            return rate <= entry["max"]
        value = self.ours.recall if entry.get("on") == "recall" and self.ours is not None else self.value
        return value >= entry["f1"]

    @property
    def gap(self) -> Optional[float]:
        """Largest minus smallest headline number over the folds (None without folds)."""
        values = [f.value for f in self.folds]
        if len(values) < 2 or any(v is None for v in values):
            return None
        return max(values) - min(values)


@dataclass
class BenchmarkResult:
    name: str
    description: str = ""
    rows: list[Row] = field(default_factory=list)
    # title -> Counter of category -> count (e.g. "value misses by gold unit")
    miss_categories: dict[str, Counter] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # human-readable per-document lines (gold articles: misses and false hits)
    details: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # gold-article benchmarks: the gold.ArticleScore of every article
    articles: list = field(default_factory=list)

    def row(self, metric: str) -> Optional[Row]:
        return next((r for r in self.rows if r.metric == metric), None)


@dataclass
class Report:
    benchmarks: list[BenchmarkResult] = field(default_factory=list)
    baselines: list[str] = field(default_factory=list)
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    folds: int = 0          # ``--folds N``: rows carry N fold rows, tables show them and the gap

    @property
    def rows(self) -> list[Row]:
        return [row for b in self.benchmarks for row in b.rows]


def scored(score: Optional[Score]) -> Optional[Score]:
    """None for a score with nothing on either side (a fold without a gold item of that kind
    and no prediction): no number, rather than an F1 of 0."""
    return None if score is None or (score.gold == 0 and score.predicted == 0) else score


# --------------------------------------------------------------------------- data tables

@lru_cache(maxsize=None)
def _references() -> dict:
    return json.loads((DATA / "reference_scores.json").read_text(encoding="utf-8"))


def reference_for(benchmark: str, metric: str) -> Optional[dict]:
    """Published figure for this benchmark/metric (``reference_scores.json``), or None."""
    for entry in _references()["references"]:
        if entry["benchmark"] == benchmark and entry["metric"] == metric:
            return entry
    return None


def target_entry(benchmark: str, metric: str) -> Optional[dict]:
    """The project's target for this benchmark/metric: ``{"f1": minimum}`` (of the row's
    headline number, or of its recall with ``"on": "recall"``) or ``{"max": n, "per": documents}``
    for a false-alarm count."""
    for entry in _references()["targets"]:
        if entry["benchmark"] == benchmark and entry["metric"] == metric:
            return entry
    return None


def target_for(benchmark: str, metric: str) -> Optional[float]:
    entry = target_entry(benchmark, metric)
    return None if entry is None else entry.get("f1", entry.get("max"))


# --------------------------------------------------------------------------- formatting

def _f1(score: Optional[Score]) -> str:
    return "–" if score is None else f"{score.f1:.3f}"


def _prf(score: Optional[Score]) -> str:
    if score is None:
        return "–"
    return f"{score.f1:.3f}  P {score.precision:.3f} R {score.recall:.3f}  {score.tp}/{score.predicted}/{score.gold}"


def _terminal_cell(row: Row) -> str:
    if row.headline == "count":
        return "–" if row.count is None else f"{row.count} over {row.documents} articles"
    if row.headline == "recall" and row.ours is not None:
        return f"{row.ours.recall:.3f}  {row.ours.tp} of {row.ours.gold}"
    return _prf(row.ours)


def _baselines(row: Row) -> str:
    parts = [f"{name} {_f1(s)}" for name, s in row.baselines.items() if s is not None]
    return " · ".join(parts) if parts else "–"


def _reference(row: Row) -> str:
    ref = row.reference
    if not ref:
        return "–"
    return f"{ref['f1']:.3f} {ref['system']} ({ref['scope']})"


def _target(row: Row, folds: int = 0) -> str:
    """"≥0.93 met"; with folds, met only when every fold meets it ("NOT met (fold 2)")."""
    entry = target_entry(row.benchmark, row.metric)
    if entry is None:
        return ""
    if folds and row.folds:
        failing = [str(k) for k, f in enumerate(row.folds, 1) if not f.target_met()]
        met = f"NOT met (fold {', '.join(failing)})" if failing else "met in every fold"
    else:
        met = "met" if row.target_met() else "NOT met"
    if "max" in entry:
        per = f" per {entry['per']} articles" if entry.get("per") else ""
        return f"≤{entry['max']:g}{per} {met}"
    on = f" {entry['on']}" if entry.get("on") else ""
    return f"≥{entry['f1']:.2f}{on} {met}"


def _headline(row: Row, bold: bool = False) -> str:
    """The row's number for the Markdown table: F1 (P / R), a share "(101 of 403)", or a count."""
    b = "**" if bold else ""
    if row.headline == "count":
        if row.count is None:
            return "–"
        per = f" ({row.documents} articles)" if row.documents else ""
        return f"{b}{row.count}{b}{per}"
    if row.ours is None:
        return "–"
    if row.headline == "recall":
        return f"{b}{row.ours.recall:.3f}{b} ({row.ours.tp} of {row.ours.gold})"
    return f"{b}{row.ours.f1:.3f}{b} ({row.ours.precision:.3f} / {row.ours.recall:.3f})"


def _fold_cell(row: Row) -> str:
    """One fold's number: F1, a share with its counts, or a count."""
    if row.headline == "count":
        return "–" if row.count is None else str(row.count)
    if row.ours is None:
        return "–"
    if row.headline == "recall":
        return f"{row.ours.recall:.3f} ({row.ours.tp} of {row.ours.gold})"
    return f"{row.ours.f1:.3f}"


def _gap(row: Row) -> str:
    gap = row.gap
    if gap is None:
        return "–"
    return f"{gap:.0f}" if row.headline == "count" else f"{gap:.3f}"


def top_categories(counter: Counter, n: int = 6) -> str:
    nonzero = [(k, v) for k, v in counter.most_common() if v]
    return ", ".join(f"{k} {v}" for k, v in nonzero[:n]) or "none"


def render_rich(report: Report, console=None, details: bool = True) -> None:
    from rich.console import Console
    from rich.table import Table

    if console is None:
        console = Console()
        if not console.is_terminal:
            console = Console(width=180)
    table = Table(title="newsclaims evaluation (F1; ours shows P/R and tp/predicted/gold)", show_lines=False)
    fold_columns = [f"fold {k}" for k in range(1, report.folds + 1)] + (["gap"] if report.folds else [])
    for column in ("benchmark", "metric", "ours", *fold_columns, "baselines", "published reference", "target"):
        table.add_column(column, overflow="fold")
    for row in report.rows:
        target = _target(row, report.folds)
        style = "red" if "NOT" in target else ("green" if target else None)
        folds = ([_fold_cell(f) for f in row.folds] or ["–"] * report.folds) + [_gap(row)] if report.folds else []
        table.add_row(row.benchmark, row.metric, _terminal_cell(row), *folds, _baselines(row), _reference(row),
                      target, style=style)
    console.print(table)
    for bench in report.benchmarks:
        console.rule(f"{bench.name}  [dim]{bench.description} · {bench.seconds:.1f}s[/dim]")
        for title, counter in bench.miss_categories.items():
            if not any(counter.values()):
                continue
            console.print(f"[bold]{title}[/bold]: {top_categories(counter)}")
        for note in bench.notes:
            console.print(f"[yellow]note[/yellow] {note}")
        if details or bench.articles:
            for line in bench.details:
                console.print(line, markup=False, highlight=False)
    for note in report.notes:
        console.print(f"[yellow]note[/yellow] {note}")
    console.print(f"[dim]{report.seconds:.1f}s in total[/dim]")


def render_markdown(report: Report) -> str:
    """The table as GitHub Markdown, for the README's "Accuracy" section."""
    fold_columns = [f"fold {k}" for k in range(1, report.folds + 1)] + (["gap"] if report.folds else [])
    head = ["benchmark", "metric", "ours F1 (P / R)", *fold_columns, "baselines F1", "published reference F1", "target"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in report.rows:
        cells = [row.benchmark, row.metric, _headline(row, bold=True)]
        if report.folds:
            cells += ([_fold_cell(f) for f in row.folds] or ["–"] * report.folds) + [_gap(row)]
        cells += [_baselines(row), _reference(row), _target(row, report.folds)]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("Where points are lost (top miss categories):")
    lines.append("")
    for bench in report.benchmarks:
        for title, counter in bench.miss_categories.items():
            if not any(counter.values()):
                continue
            lines.append(f"- {bench.name}, {title}: {top_categories(counter)}")
    notes = [f"{b.name}: {n}" for b in report.benchmarks for n in b.notes] + report.notes
    if notes:
        lines.append("")
        lines.extend(f"- Note — {n}" for n in notes)
    lines.append("")
    if report.folds:
        lines.append(f"Folds: each dev set split in {report.folds} by a fixed rule (item i in fold i mod "
                     f"{report.folds}: documents, or sentences for NewsQuant and Recognizers-Text; real_articles "
                     "alternates article ids); gap = largest minus smallest fold. A target is met when every "
                     "fold meets it.")
        lines.append("")
    regenerate = f"newsclaims eval all --folds {report.folds} --markdown" if report.folds else "newsclaims eval all --markdown"
    lines.append("Reference figures are whole-set numbers from each benchmark's README (see "
                 "`extractor/evaluation/data/reference_scores.json` for the exact source); ours are on the dev half. "
                 f"Regenerate with `{regenerate}`.")
    return "\n".join(lines) + "\n"


def report_to_dict(report: Report) -> dict:
    def score(s: Optional[Score]):
        return None if s is None else s.as_dict()

    def fold(r: Row) -> dict:
        return {"ours": score(r.ours), "value": r.value, "count": r.count, "documents": r.documents,
                "target_met": r.target_met()}

    return {
        "seconds": round(report.seconds, 2),
        "folds": report.folds,
        "baselines": report.baselines,
        "notes": report.notes,
        "benchmarks": [
            {
                "name": b.name, "description": b.description, "seconds": round(b.seconds, 2),
                "rows": [
                    {"metric": r.metric, "ours": score(r.ours), "headline": r.headline, "value": r.value,
                     "count": r.count, "documents": r.documents,
                     "baselines": {k: score(v) for k, v in r.baselines.items()},
                     "reference": r.reference, "target": r.target, "note": r.note,
                     **({"folds": [fold(f) for f in r.folds], "gap": r.gap} if report.folds else {})}
                    for r in b.rows
                ],
                "miss_categories": {t: dict(c.most_common()) for t, c in b.miss_categories.items()},
                "notes": b.notes,
                "details": b.details,
            }
            for b in report.benchmarks
        ],
    }
