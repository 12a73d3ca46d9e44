"""Bench the cross-check: 10,000 claims against a store of 1,000,000 synthetic figures.

    python bench/bench_check.py                   # 1,000,000 figures, 10,000 claims
    python bench/bench_check.py --figures 200000 --claims 2000

Builds the synthetic SQLite store of ``bench_check_store.py``, makes ``--claims``
trade claims about cells of that store (levels stated with the figure's digits,
some off by a few percent, some about cells that do not exist, a tenth of them
changes year on year), packs them into articles of 100 claims, and times
``verdicts_for`` (the verdict rules, figure lookups included; no spaCy). Prints
claims/s (target ≥ 5,000) and the query plans of the lookups it used.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check_store import (FIRST_YEAR, PARTNERS, REPORTERS, build_synthetic_store,  # noqa: E402
                               print_plans_and_load)

from extractor.verify.check import verdicts_for  # noqa: E402
from extractor.pipeline.calendar_spans import month_end  # noqa: E402
from models import Amount, Article, Claim, Extraction, Period, Trade  # noqa: E402

CLAIMS_PER_ARTICLE = 100


def synthetic_articles(store, n_claims: int, n_figures: int, *, seed: int = 5) -> list[Extraction]:
    """Articles whose claims name real cells of the store (and a few missing ones)."""
    rng = random.Random(seed)
    pairs = [(r, p) for r in REPORTERS for p in PARTNERS if r != p and p != "WLD"]
    months_built = max(2, n_figures // (len(REPORTERS) * (len(PARTNERS) - 1) * 3 * 10))
    articles, claims, amounts, periods = [], [], [], []

    def flush():
        text = "x" * 10
        articles.append(Extraction(article=Article(id=f"bench-{len(articles)}", published=date(2100, 1, 1), text=text),
                                   amounts=list(amounts), periods=list(periods), claims=list(claims)))
        claims.clear(), amounts.clear(), periods.clear()

    for i in range(n_claims):
        exporter, importer = rng.choice(pairs)
        # a year in, so that year-on-year changes have their base (when the store is that deep)
        month = rng.randrange(12 if months_built > 12 else 0, months_built)
        start = date(FIRST_YEAR + month // 12, month % 12 + 1, 1)
        periods.append(Period(text="m", start=0, end=1, from_=start, to=month_end(start), granularity="month"))
        if i % 10 == 0:
            amounts.append(Amount(text="a", start=0, end=1, value=round(rng.uniform(1, 40), 1), unit="percent",
                                  precision=0.05, change=rng.choice(["up", "down"])))
            trade = Trade(flow="directional", basis="year_on_year", **{"from": exporter, "to": importer})
            kind = "trade_change"
        else:
            fig = store.cell(exporter, importer, "export", start, month_end(start))
            value = fig.value if fig is not None else 1e8
            value *= rng.choice([1.0, 1.0, 1.0, 1.01, 1.08])
            amounts.append(Amount(text="a", start=0, end=1, value=round(value, -5), unit="USD", precision=50_000))
            trade = Trade(flow="directional", **{"from": exporter, "to": importer})
            kind = "trade_value"
        claims.append(Claim(id=f"c{i}", kind=kind, sentence="s", start=0, end=1, amount=len(amounts) - 1,
                            period=len(periods) - 1, trade=trade))
        if len(claims) == CLAIMS_PER_ARTICLE:
            flush()
    if claims:
        flush()
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--figures", type=int, default=1_000_000)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsclaims-bench-") as tmp:
        path = Path(tmp) / "figures.db"
        t0 = time.perf_counter()
        store = build_synthetic_store(path, args.figures)
        build = time.perf_counter() - t0
        articles = synthetic_articles(store, args.claims, args.figures)
        verdicts_for(articles[0], store)   # warm: connection, statement cache
        t0 = time.perf_counter()
        statuses = Counter(v.status for a in articles for v in verdicts_for(a, store))
        seconds = time.perf_counter() - t0
        result = {"figures": args.figures, "claims": args.claims, "build_seconds": round(build, 1),
                  "check_seconds": round(seconds, 3), "claims_per_s": round(args.claims / seconds),
                  "statuses": dict(statuses), "plans": store.explain_lookups(), "load_average": os.getloadavg()}
        store.close()
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"store: {args.figures:,} synthetic figures (built in {result['build_seconds']} s)")
    print(f"check: {args.claims:,} claims in {result['check_seconds']} s = {result['claims_per_s']:,} claims/s "
          f"(target 5,000); verdicts {dict(statuses)}")
    print_plans_and_load(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
