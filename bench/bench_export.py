#!/usr/bin/env python3
"""Peak memory of ``newsclaims export --table`` on 100,000 claims: flat, not growing with the corpus.

The results are made at run time, in a temporary folder (nothing is written to the repository):
the pipeline extracts and checks the project's own articles (``corpus/articles/*.json``) against
a store seeded from ``corpus/customs/``, and those results are repeated with variations — a new
article and claim id each time, the publication date moved month by month over ten years, one of
six outlets, every amount and verdict value scaled by a small factor — until the file holds
``--claims`` claims (JSON lines, as ``newsclaims batch`` writes them, the article text included).

Then, each in a fresh process, measured by ``os.wait4`` (the child's peak resident set; a child
starts from its parent's, so the pipeline runs in a process of its own and this one stays small):

1. **imports**: the interpreter with the export command and pyarrow imported, nothing read;
2. **parquet** and **csv**: ``python -m extractor.cli export --table OUT INPUT`` — streaming, a
   row group per 10,000 rows;
3. **all in memory** (``--naive``): every row built first, then one ``pyarrow.Table`` written —
   what the streaming writer avoids, for scale.

Each size (``--sizes 10000,100000``) is measured so that growth with the corpus shows. The bench
line is the largest streaming peak at the largest size against ``--ceiling-mb`` (exit 1 over it).

    python bench/bench_export.py                           # 10,000 and 100,000 claims
    python bench/bench_export.py --sizes 100000,1000000 --naive
    python bench/bench_export.py --json bench/out/export.json
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUTLETS = ["Example Daily", "Example Wire", "Example Weekly", "Example Times", "Example Herald", "Example Post"]
DEFAULT_CEILING_MB = 150

NAIVE = """
import sys
import pyarrow as pa, pyarrow.parquet as pq
from extractor.batch.tables import arrow_schema, read_results, table_rows
rows = [row for result in read_results(sys.argv[1]) for row in table_rows(result, "claims")]
pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema("claims")), sys.argv[2])
"""
IMPORTS = "import extractor.cli.main, extractor.cli.export, extractor.batch.tables, pyarrow.parquet"


def base_results(path: Path) -> list[dict]:
    """The pipeline's checked results on the project's own sample articles, made in a child process."""
    subprocess.run([sys.executable, __file__, "--base-results", str(path)], cwd=ROOT, check=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    return json.loads(path.read_text(encoding="utf-8"))


def make_base_results() -> list[dict]:
    from extractor import Pipeline
    from extractor.verify.check import check
    from extractor.verify.store import Store

    pipeline = Pipeline()
    results = []
    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{tmp}/store.db") as store:
        for path in sorted((ROOT / "corpus" / "articles").glob("*.json")):
            article = json.loads(path.read_text(encoding="utf-8"))
            article.setdefault("id", path.stem)
            results.append(check(pipeline.extract(**article), store).model_dump(mode="json"))
    return results


def shift_months(day: str, months: int) -> str:
    d = date.fromisoformat(day)
    m = d.year * 12 + d.month - 1 + months
    return date(m // 12, m % 12 + 1, min(d.day, 28)).isoformat()


def variant(result: dict, k: int) -> dict:
    """The k-th copy: new ids, another outlet and month, values scaled by up to ±5 %."""
    r = json.loads(json.dumps(result))
    factor = 1 + ((k * 37) % 101 - 50) / 1000
    a = r["article"]
    a["id"], a["outlet"] = f"{a['id']}-{k:06d}", OUTLETS[k % len(OUTLETS)]
    if a.get("published"):
        a["published"] = shift_months(a["published"], -(k % 120))
    for amount in r["amounts"]:
        for key in ("value", "low", "high"):
            if amount.get(key) is not None:
                amount[key] = round(amount[key] * factor, 2)
    ids = {}
    for claim in r["claims"]:
        ids[claim["id"]] = claim["id"] = f"{claim['id']}-{k:06d}"
    for verdict in r["verdicts"]:
        verdict["claim"] = ids.get(verdict["claim"], verdict["claim"])
        for key in ("claimed", "expected"):
            if verdict.get(key) is not None:
                verdict[key] = round(verdict[key] * factor, 2)
    return r


def generate(results: list[dict], claims: int, path: Path) -> tuple[int, int]:
    """Write variants until the file holds at least ``claims`` claims; (articles, claims) written."""
    articles = total = k = 0
    with path.open("w", encoding="utf-8") as fh:
        while total < claims:
            for result in results:
                if total >= claims:
                    break
                fh.write(json.dumps(variant(result, k), ensure_ascii=False) + "\n")
                articles += 1
                total += len(result["claims"])
            k += 1
    return articles, total


def measure(cmd: list[str]) -> dict:
    """Run ``cmd``; its wall time and peak RSS (ru_maxrss of the child, in MB)."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - started
    stderr = proc.stderr.read().decode()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {stderr}")
    return {"peak_mb": round(usage.ru_maxrss / 1024, 1), "seconds": round(seconds, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="claims per run, comma-separated")
    parser.add_argument("--ceiling-mb", type=float, default=DEFAULT_CEILING_MB,
                        help="peak RSS the streaming export must stay under at the largest size")
    parser.add_argument("--naive", action="store_true", help="also measure building every row in memory first")
    parser.add_argument("--json", help="write the measurements to this file")
    parser.add_argument("--base-results", help=argparse.SUPPRESS)   # the child that runs the pipeline
    args = parser.parse_args()
    if args.base_results:
        Path(args.base_results).write_text(json.dumps(make_base_results()), encoding="utf-8")
        return
    sizes = sorted(int(s) for s in args.sizes.split(","))

    with tempfile.TemporaryDirectory() as tmp:
        results = base_results(Path(tmp) / "base.json")
    per_article = sum(len(r["claims"]) for r in results) / len(results)
    print(f"{len(results)} corpus articles, {sum(len(r['claims']) for r in results)} claims "
          f"({per_article:.1f} per article)", flush=True)
    runs = {"imports": measure([sys.executable, "-c", IMPORTS])}
    print(f"imports only: {runs['imports']['peak_mb']} MB", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for size in sizes:
            source = tmp / f"results-{size}.jsonl"
            articles, claims = generate(results, size, source)
            mb = source.stat().st_size / 2**20
            row = {"articles": articles, "claims": claims, "input_mb": round(mb, 1)}
            for fmt in ("parquet", "csv"):
                out = tmp / f"claims-{size}.{fmt}"
                row[fmt] = measure([sys.executable, "-m", "extractor.cli", "export", "--table", str(out), str(source)])
                row[fmt]["output_mb"] = round(out.stat().st_size / 2**20, 1)
                out.unlink()
            if args.naive:
                out = tmp / f"naive-{size}.parquet"
                row["all_in_memory"] = measure([sys.executable, "-c", NAIVE, str(source), str(out)])
                out.unlink()
            source.unlink()
            runs[str(size)] = row
            print(f"{claims:>9,} claims, {articles:,} articles, {mb:.0f} MB of JSON lines: "
                  f"parquet {row['parquet']['peak_mb']} MB peak in {row['parquet']['seconds']} s, "
                  f"csv {row['csv']['peak_mb']} MB peak in {row['csv']['seconds']} s"
                  + (f", all in memory {row['all_in_memory']['peak_mb']} MB" if args.naive else ""), flush=True)
    largest = runs[str(sizes[-1])]
    peak = max(largest["parquet"]["peak_mb"], largest["csv"]["peak_mb"])
    ok = peak <= args.ceiling_mb
    print(f"bench: exporting {largest['claims']:,} claims peaks at {peak} MB "
          f"({'under' if ok else 'OVER'} the {args.ceiling_mb:g} MB ceiling)")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps({"ceiling_mb": args.ceiling_mb, "load": os.getloadavg(),
                                               "runs": runs}, indent=2), encoding="utf-8")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
