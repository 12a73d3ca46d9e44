"""``newsclaims eval``: the typer command. The lead mounts it with
``app.command("eval")(eval_command)`` in extractor/cli.py."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer


def eval_command(
    gold: str = typer.Argument(
        "all", metavar="GOLD", help="A gold-article folder (texts/ + gold/), a benchmark folder, 'all' "
                    "(every benchmark under ../shared/benchmarks, or --benchmarks DIR), or 'robustness' (the "
                    "pipeline over every text in every configuration: reports exceptions, must report none)."),
    baseline: str = typer.Option(
        "all", "--baseline", "-b", help="Baselines to run too: quantulum3, dateparser, spacy, all or none "
                                        "(comma-separated list allowed)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    markdown: bool = typer.Option(False, "--markdown", help="Print the table as Markdown (README 'Accuracy')."),
    benchmarks: Optional[Path] = typer.Option(None, "--benchmarks", help="Folder holding the benchmarks for 'all'."),
    details: bool = typer.Option(False, "--details", help="Also list every miss and false hit per document."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name (default: the installed English model)."),
    readme: Optional[Path] = typer.Option(None, "--readme", help="Write the Markdown table into this file between "
                                          "<!-- accuracy:start --> and <!-- accuracy:end -->."),
    generated: int = typer.Option(2000, "--generated", help="robustness: how many generated texts to add."),
    folds: int = typer.Option(
        0, "--folds", metavar="N", help="Also score each benchmark on N folds (item i in fold i mod N: documents, "
                                        "or sentences for NewsQuant/Recognizers-Text) and show the gap between them."),
    real_texts: Optional[Path] = typer.Option(
        None, "--real-texts", metavar="DIR", help="The materialized real_articles texts (NNN.json; default "
                                                  "corpus/real/texts). Absent or empty: the benchmark is skipped."),
    misses: bool = typer.Option(
        False, "--misses", help="real_articles and polnear: write what each article misses, one JSON line per "
                                "article, to corpus/real/out/real_articles.misses.jsonl and out/polnear.misses.jsonl "
                                "(git-ignored: they quote the texts)."),
    misses_file: Optional[Path] = typer.Option(
        None, "--misses-file", metavar="FILE", help="Like --misses, into FILE (keep it out of git: third-party text); "
                                                    "with 'all', PolNeAR's go to FILE with '.polnear' before the suffix."),
) -> None:
    """Score the extractor against gold articles and public benchmarks.

    Prints one table: benchmark, metric, our precision/recall/F1, the
    baselines' F1, the published reference figure and the project's target,
    then the top miss categories of each benchmark.

    Examples:

        newsclaims eval all

        newsclaims eval ../shared/benchmarks/articles --baseline none

        newsclaims eval ../shared/benchmarks/newsquant --baseline quantulum3 --json > eval.json

        newsclaims eval all --markdown > accuracy.md

        newsclaims eval all --readme README.md

        newsclaims eval robustness --generated 5000

        newsclaims eval all --folds 2 --readme README.md

        newsclaims eval real_articles --misses

        newsclaims eval ../shared/benchmarks/polnear --folds 2 --misses
    """
    if gold == "robustness":   # not a score: every text in every configuration, and no exception
        from .robustness import run_robustness

        raise typer.Exit(run_robustness(benchmarks, model=model, generated=generated, as_json=as_json))
    from . import baselines as bl
    from .report import render_markdown, render_rich, report_to_dict
    from .polnear import DEFAULT_MISSES as POLNEAR_MISSES
    from .real_articles import DEFAULT_MISSES
    from .suite import EvalOptions, evaluate

    if folds == 1 or folds < 0:
        raise typer.BadParameter("needs at least 2 folds (0 = no split)", param_hint="--folds")
    try:
        names = bl.selected(baseline)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--baseline")
    progress = None
    if not (as_json or markdown):
        progress = lambda msg: print(f"evaluating {msg}", file=sys.stderr)  # noqa: E731
    try:
        polnear_misses = POLNEAR_MISSES if misses else None
        if misses_file is not None:
            polnear_misses = misses_file.with_name(misses_file.stem + ".polnear" + misses_file.suffix) \
                if gold == "all" else misses_file
        options = EvalOptions(folds=folds, real_texts=real_texts,
                              misses=misses_file or (DEFAULT_MISSES if misses else None), polnear_misses=polnear_misses)
        report = evaluate(gold, baselines=names, benchmarks_dir=benchmarks, model=model, progress=progress,
                          options=options)
    except (FileNotFoundError, ValueError) as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(2)
    for written in {options.misses, options.polnear_misses} - {None}:
        if written.exists() and not git_ignores(written):
            typer.echo(f"warning: {written} quotes third-party pages and git does not ignore it: "
                       "keep it out of commits", err=True)
    if readme is not None:
        write_accuracy_section(readme, render_markdown(report))
        typer.echo(f"wrote the accuracy table into {readme}", err=True)
    elif as_json:
        typer.echo(json.dumps(report_to_dict(report), indent=2, ensure_ascii=False))
    elif markdown:
        typer.echo(render_markdown(report), nl=False)
    else:
        render_rich(report, details=details)


def git_ignores(path: Path) -> bool:
    """True unless ``path`` lies in a git work tree that does not ignore it (outside any
    repository, or without git, nothing can commit it by mistake)."""
    import subprocess

    try:
        done = subprocess.run(["git", "check-ignore", "-q", str(Path(path).resolve())],
                              cwd=Path(path).resolve().parent, capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return True
    return done.returncode != 1   # 0 ignored, 1 not ignored, 128 not a repository


START, END = "<!-- accuracy:start -->", "<!-- accuracy:end -->"


def write_accuracy_section(path: Path, table: str) -> None:
    """Replace what stands between the accuracy markers of ``path`` with ``table``."""
    text = path.read_text(encoding="utf-8")
    if START not in text or END not in text:
        typer.echo(f"Error: {path} has no {START} ... {END} markers", err=True)
        raise typer.Exit(2)
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{START}\n{table.rstrip()}\n{END}{tail}", encoding="utf-8")
