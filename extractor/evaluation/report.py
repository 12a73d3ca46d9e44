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
    benchmark: str
    metric: str
    ours: Optional[Score]
    baselines: dict[str, Optional[Score]] = field(default_factory=dict)
    note: str = ""

    @property
    def reference(self) -> Optional[dict]:
        return reference_for(self.benchmark, self.metric)

    @property
    def target(self) -> Optional[float]:
        return target_for(self.benchmark, self.metric)


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

    @property
    def rows(self) -> list[Row]:
        return [row for b in self.benchmarks for row in b.rows]


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


def target_for(benchmark: str, metric: str) -> Optional[float]:
    for entry in _references()["targets"]:
        if entry["benchmark"] == benchmark and entry["metric"] == metric:
            return entry["f1"]
    return None


# --------------------------------------------------------------------------- formatting

def _f1(score: Optional[Score]) -> str:
    return "–" if score is None else f"{score.f1:.3f}"


def _prf(score: Optional[Score]) -> str:
    if score is None:
        return "–"
    return f"{score.f1:.3f}  P {score.precision:.3f} R {score.recall:.3f}  {score.tp}/{score.predicted}/{score.gold}"


def _baselines(row: Row) -> str:
    parts = [f"{name} {_f1(s)}" for name, s in row.baselines.items() if s is not None]
    return " · ".join(parts) if parts else "–"


def _reference(row: Row) -> str:
    ref = row.reference
    if not ref:
        return "–"
    return f"{ref['f1']:.3f} {ref['system']} ({ref['scope']})"


def _target(row: Row) -> str:
    target = row.target
    if target is None:
        return ""
    met = row.ours is not None and row.ours.f1 >= target
    return f"≥{target:.2f} {'met' if met else 'NOT met'}"


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
    for column in ("benchmark", "metric", "ours", "baselines", "published reference", "target"):
        table.add_column(column, overflow="fold")
    for row in report.rows:
        target = _target(row)
        style = "red" if "NOT" in target else ("green" if target else None)
        table.add_row(row.benchmark, row.metric, _prf(row.ours), _baselines(row), _reference(row),
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
    lines = [
        "| benchmark | metric | ours F1 (P / R) | baselines F1 | published reference F1 | target |",
        "|---|---|---|---|---|---|",
    ]
    for row in report.rows:
        ours = "–" if row.ours is None else (
            f"**{row.ours.f1:.3f}** ({row.ours.precision:.3f} / {row.ours.recall:.3f})")
        lines.append(f"| {row.benchmark} | {row.metric} | {ours} | {_baselines(row)} | {_reference(row)} | {_target(row)} |")
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
    lines.append("Reference figures are whole-set numbers from each benchmark's README (see "
                 "`extractor/evaluation/data/reference_scores.json` for the exact source); ours are on the dev half. "
                 "Regenerate with `newsclaims eval all --markdown`.")
    return "\n".join(lines) + "\n"


def report_to_dict(report: Report) -> dict:
    def score(s: Optional[Score]):
        return None if s is None else s.as_dict()

    return {
        "seconds": round(report.seconds, 2),
        "baselines": report.baselines,
        "notes": report.notes,
        "benchmarks": [
            {
                "name": b.name, "description": b.description, "seconds": round(b.seconds, 2),
                "rows": [
                    {"metric": r.metric, "ours": score(r.ours),
                     "baselines": {k: score(v) for k, v in r.baselines.items()},
                     "reference": r.reference, "target": r.target, "note": r.note}
                    for r in b.rows
                ],
                "miss_categories": {t: dict(c.most_common()) for t, c in b.miss_categories.items()},
                "notes": b.notes,
                "details": b.details,
            }
            for b in report.benchmarks
        ],
    }
