"""Bench the figures store the cross-check reads: lookups per second on a million figures.

    python bench/bench_check_store.py                         # 1,000,000 figures, 10,000 cells, 1,000 series
    python bench/bench_check_store.py --figures 200000 --json

Store half (this file): builds a SQLite store of synthetic figures (many reporter/partner
pairs × months × flows × commodities) in a temporary directory, then times
``store.cell(...)`` and ``store.months(...)`` and prints their query plans, which must
show the indexes (``ix_figures_cell``, ``ix_figures_series``). The target for the whole
check is ≥ 5,000 claims/s, so a cell lookup has to be well above that.
The claim-checking half will import :func:`build_synthetic_store` from here.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert  # noqa: E402

from extractor.pipeline.calendar_spans import month_end  # noqa: E402
from extractor.verify.schema import ALL_GOODS, figure_id, figures, period_label  # noqa: E402
from extractor.verify.store import Store  # noqa: E402

REPORTERS = ["CHN", "KOR", "JPN", "USA", "RUS", "DEU", "IND", "VNM", "SGP", "THA"]
PARTNERS = REPORTERS + ["PRK", "WLD"]
FLOWS = ["export", "import", "total"]
COMMODITIES = [None, "2709", "2710", "2701", "1507", "6704", "6703", "1006", "7208", "8542"]
FIRST_YEAR = 1990
INSERT_CHUNK = 20_000


def synthetic_cells():
    """Every (reporter, partner, flow, commodity, month) in a fixed order, months outermost."""
    pairs = [(r, p) for r in REPORTERS for p in PARTNERS if r != p]
    month = 0
    while True:
        start = date(FIRST_YEAR + month // 12, month % 12 + 1, 1)
        for reporter, partner in pairs:
            for flow in FLOWS:
                for commodity in COMMODITIES:
                    yield reporter, partner, flow, commodity, start
        month += 1


def build_synthetic_store(path: str | os.PathLike, n_figures: int, *, seed: int = 7) -> Store:
    """A SQLite store at ``path`` holding ``n_figures`` made-up monthly USD figures.

    Rows are built as plain dicts (ids by the store's own :func:`figure_id`) and written with
    executemany in chunks inside one transaction; no seed figures.
    """
    rng = random.Random(seed)
    store = Store(f"sqlite:///{Path(path)}", seed=False)
    cells = synthetic_cells()
    with store.engine.begin() as conn:
        chunk: list[dict] = []
        for _ in range(n_figures):
            reporter, partner, flow, commodity, start = next(cells)
            end = month_end(start)
            value = float(rng.randrange(1_000, 500_000_000))
            key = commodity or ALL_GOODS
            chunk.append({
                "id": figure_id(reporter, partner, flow, start, end, "USD", key, 1, value, None),
                "reporter": reporter, "partner": partner, "flow": flow, "currency": "USD",
                "commodity_key": key, "from_date": start, "to_date": end, "granularity": "month",
                "period": period_label(start, end), "value": value, "precision": 0.5, "qualifier": None,
                "revision": 1, "commodity": commodity, "commodity_name": None, "quantity": None,
                "source_name": "synthetic", "source_outlet": None, "source_url": None, "published": None,
                "note": None,
            })
            if len(chunk) >= INSERT_CHUNK:
                conn.execute(insert(figures), chunk)
                chunk = []
        if chunk:
            conn.execute(insert(figures), chunk)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")        # planner statistics, as a long-lived store would have
    return store


def bench_lookups(store: Store, n_figures: int, n_cells: int, n_series: int, *, seed: int = 11) -> dict:
    rng = random.Random(seed)
    months_built = n_figures // (len(REPORTERS) * (len(PARTNERS) - 1) * len(FLOWS) * len(COMMODITIES)) or 1

    def random_cell():
        reporter = rng.choice(REPORTERS)
        partner = rng.choice([p for p in PARTNERS if p != reporter])
        month = rng.randrange(months_built)
        start = date(FIRST_YEAR + month // 12, month % 12 + 1, 1)
        return reporter, partner, rng.choice(FLOWS), rng.choice(COMMODITIES), start

    # One lookup in ten asks for a currency nothing is stored in: a checker's "unverifiable" path.
    cells = [(*random_cell(), "CNY" if i % 10 == 0 else "USD") for i in range(n_cells)]
    store.cell("CHN", "PRK", "total", date(2000, 1, 1), date(2000, 1, 31))   # connect outside the timing
    t0 = time.perf_counter()
    found = 0
    for reporter, partner, flow, commodity, start, currency in cells:
        found += store.cell(reporter, partner, flow, start, month_end(start), currency=currency,
                            commodity=commodity) is not None
    cell_seconds = time.perf_counter() - t0

    series = [random_cell() for _ in range(n_series)]
    t0 = time.perf_counter()
    months_found = 0
    for reporter, partner, flow, commodity, start in series:
        last = date(start.year + (start.month + 10) // 12, (start.month + 10) % 12 + 1, 1)   # 11 months on
        months_found += len(store.months(reporter, partner, flow, start, month_end(last), commodity=commodity))
    months_seconds = time.perf_counter() - t0
    return {
        "cell_lookups": n_cells, "cell_found": found, "cell_seconds": round(cell_seconds, 3),
        "cell_lookups_per_s": round(n_cells / cell_seconds),
        "months_lookups": n_series, "months_figures_returned": months_found,
        "months_seconds": round(months_seconds, 3), "months_lookups_per_s": round(n_series / months_seconds),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--figures", type=int, default=1_000_000, help="synthetic figures to store (default 1,000,000)")
    parser.add_argument("--cells", type=int, default=10_000, help="store.cell() lookups to time")
    parser.add_argument("--series", type=int, default=1_000, help="store.months() 12-month lookups to time")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of text")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="newsclaims-bench-") as tmp:
        path = Path(tmp) / "figures.db"
        t0 = time.perf_counter()
        store = build_synthetic_store(path, args.figures)
        build_seconds = time.perf_counter() - t0
        result = {"figures": args.figures, "build_seconds": round(build_seconds, 1),
                  "db_mb": round(path.stat().st_size / 1e6, 1),
                  **bench_lookups(store, args.figures, args.cells, args.series),
                  "plans": store.explain_lookups(), "load_average": os.getloadavg()}
        store.close()

    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"store: {result['figures']:,} figures built in {result['build_seconds']} s ({result['db_mb']} MB SQLite)")
    print(f"cell():   {result['cell_lookups']:,} lookups in {result['cell_seconds']} s = "
          f"{result['cell_lookups_per_s']:,} lookups/s ({result['cell_found']:,} found)")
    print(f"months(): {result['months_lookups']:,} 12-month series in {result['months_seconds']} s = "
          f"{result['months_lookups_per_s']:,} lookups/s ({result['months_figures_returned']:,} figures)")
    print_plans_and_load(result)
    return 0


def print_plans_and_load(result: dict) -> None:
    """The lookups' query plans (they must name the indexes) and the machine's load."""
    for name, plan in result["plans"].items():
        print(f"EXPLAIN QUERY PLAN {name}: " + " | ".join(plan))
    print(f"load average: {' '.join(f'{x:.2f}' for x in result['load_average'])}")


if __name__ == "__main__":
    sys.exit(main())
