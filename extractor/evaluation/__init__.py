"""Evaluation harness: ``newsclaims eval``.

One module per benchmark, each with a loader, a converter of our contract JSON
to the benchmark's items, and a pure scoring function:

- :mod:`.gold` — gold articles in the contract format (claims-schema.md, "Scoring");
- :mod:`.real_articles` — real trade-news pages (texts materialized locally): claims, verdicts, false alarms;
- :mod:`.newsquant` — NewsQuant and Recognizers-Text in CQE format (value, value+unit, value+change);
- :mod:`.tempeval` — TempEval-3 Platinum TIMEX3 extents and values (and :func:`timex_value`); the same
  scoring for ``tbaq`` (TimeBank + AQUAINT); both also without PRESENT_REF timexes;
- :mod:`.meantime` — MEANTIME dates, money, percents, entities and speakers;
- :mod:`.polnear` — PolNeAR attribution Source and Cue spans;
- :mod:`.baselines` — quantulum3, dateparser and spaCy NER on the same texts;
- :mod:`.report` — the table (rich, JSON, Markdown); :mod:`.suite` runs it all (``--folds N`` too);
  :mod:`.running` keeps one document the pipeline raises on from stopping a run.

Command line (``newsclaims eval`` or ``python -m extractor.evaluation``)::

    newsclaims eval all                      # corpus/ + every benchmark in ../shared/benchmarks
    newsclaims eval corpus --baseline none   # the project's own gold, misses per article
    newsclaims eval all --markdown           # the README "Accuracy" table
    newsclaims eval all --json               # everything, for machines
    newsclaims eval all --folds 2            # every metric on two halves, and the gap
    newsclaims eval real_articles --misses   # what each real article misses, into corpus/real/out/

Library::

    >>> from extractor.evaluation import score_gold_article
    >>> score = score_gold_article(result_dict, gold_dict)
    >>> score.scores["amounts"].recall, score.misses["amounts"]
"""
from __future__ import annotations

from .gold import ArticleScore, score_gold_article, score_gold_dir
from .matching import Score, match_one_to_one
from .report import Report, render_markdown, report_to_dict
from .tempeval import timex_value


def evaluate(*args, **kwargs):
    """See :func:`extractor.evaluation.suite.evaluate`."""
    from .suite import evaluate as _evaluate

    return _evaluate(*args, **kwargs)


__all__ = ["ArticleScore", "Report", "Score", "evaluate", "match_one_to_one", "render_markdown",
           "report_to_dict", "score_gold_article", "score_gold_dir", "timex_value"]
