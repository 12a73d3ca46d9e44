#!/usr/bin/env python3
"""Throughput of newsclaims extraction against the bare spaCy model, side by side.

Both halves run in the same process over the same texts:

1. bare:       ``list(nlp.pipe(texts, batch_size=B))`` with the model from
               ``extractor.nlp.load_model`` (no newsclaims components);
2. newsclaims: ``list(Pipeline().extract_many(dicts, batch_size=B))``.

Each half is warmed up once on a few texts, then timed twice over the whole
set, the two halves alternating (bare, newsclaims, bare, newsclaims) so that
both see the same machine load; the faster run of each counts. The ratio
newsclaims / bare (in words/s) is the number to watch; the target is >= 0.6.

Texts are real news read at run time from ``../shared/benchmarks`` (PolNeAR
dev, MEANTIME dev, TempEval-3 platinum) plus ``corpus/articles``; nothing is
copied into the repository. The pool interleaves the sources; ``--limit N``
takes the first N of it and cycles through it again (with distinct ids) when N
is larger than the pool (163 distinct articles).

    python bench/bench_extract.py                 # 300 articles, batch size 32
    python bench/bench_extract.py --limit 50 --batch-size 16 --json
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import xml.etree.ElementTree as ET
from itertools import cycle, islice, zip_longest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "benchmarks"
sys.path.insert(0, str(ROOT))  # run from a checkout without installing


# --------------------------------------------------------------------- loaders
# Each loader yields dicts with the keys extract_many takes:
# text, published (YYYY-MM-DD or None), id, url, title, outlet.

def _article(id, text, published=None, url=None, title=None, outlet=None) -> dict:
    return {"id": id, "text": text, "published": published, "url": url, "title": title, "outlet": outlet}


def _iso(d) -> str | None:
    return d.isoformat() if d else None


# The shared benchmarks are read with the evaluation package's own parsers, so
# the bench sees the same texts and dates as `newsclaims eval`.

def load_polnear(base: Path = SHARED / "polnear") -> list[dict]:
    """PolNeAR dev: raw article texts, dates from ``metadata.tsv``."""
    from extractor.evaluation.polnear import load_polnear_dir

    return [_article(f"polnear/{a.id}", a.text, _iso(a.published)) for a in load_polnear_dir(base)]


def load_meantime(base: Path = SHARED / "meantime_en") -> list[dict]:
    """MEANTIME dev: each document's tokens detokenized; the DCT as the date."""
    from extractor.evaluation.meantime import load_meantime_dir

    return [_article(f"meantime/{d.id}", d.text, _iso(d.dct), outlet="Wikinews") for d in load_meantime_dir(base)]


def load_tempeval(base: Path = SHARED / "tempeval3_platinum") -> list[dict]:
    """TempEval-3 platinum: the ``<TEXT>`` of each TimeML file; the DCT as the date."""
    from extractor.evaluation.tempeval import load_tempeval_dir

    return [_article(f"tempeval3/{d.id}", d.text, _iso(d.dct)) for d in load_tempeval_dir(base)]


def load_corpus(base: Path = ROOT / "corpus" / "articles") -> list[dict]:
    """The project's own sample articles (``corpus/articles/*.json``)."""
    out = []
    for path in sorted(base.glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        out.append(_article(d["id"], d["text"], d.get("published"), d.get("url"), d.get("title"), d.get("outlet")))
    return out


LOADERS = {"polnear": load_polnear, "meantime": load_meantime, "tempeval3": load_tempeval, "corpus": load_corpus}


def load_articles(limit: int | None, sources=tuple(LOADERS)) -> list[dict]:
    per_source: list[list[dict]] = []
    for name in sources:
        try:
            per_source.append([a for a in LOADERS[name]() if a["text"].strip()])
        except (OSError, ET.ParseError) as exc:  # a missing benchmark is not fatal
            print(f"warning: skipping {name}: {exc}", file=sys.stderr)
    # round-robin over the sources, so that a small --limit is still a mix
    pool = [a for group in zip_longest(*per_source) for a in group if a is not None]
    if not pool:
        raise SystemExit("no articles found (is ../shared/benchmarks there?)")
    if not limit:  # None or 0: the distinct pool, once
        return pool
    out = []
    for i, art in enumerate(islice(cycle(pool), limit)):
        rnd = i // len(pool)
        out.append(art if rnd == 0 else {**art, "id": f"{art['id']}#{rnd + 1}"})
    return out


# --------------------------------------------------------------------- timing

def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def rates(seconds: float, n_articles: int, n_words: int) -> dict:
    return {
        "seconds": round(seconds, 3),
        "articles_per_s": round(n_articles / seconds, 2),
        "words_per_s": round(n_words / seconds, 1),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=300, help="number of articles (cycles the pool if larger; 0 = each distinct article once; default 300)")
    ap.add_argument("--batch-size", type=int, default=32, help="batch size for nlp.pipe and extract_many (default 32)")
    ap.add_argument("--runs", type=int, default=2, help="timed runs per half, alternating; the best counts (default 2)")
    ap.add_argument("--model", default=None, help="spaCy model name (default: extractor.nlp's preference)")
    ap.add_argument("--sources", default=",".join(LOADERS), help=f"comma-separated subset of {','.join(LOADERS)}")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = ap.parse_args(argv)

    articles = load_articles(args.limit, [s for s in args.sources.split(",") if s])
    texts = [a["text"] for a in articles]
    n_words = sum(len(t.split()) for t in texts)
    warm = articles[: min(8, len(articles))]
    bs = args.batch_size

    from extractor.pipeline.nlp import load_model

    nlp = load_model(args.model)
    try:
        from extractor import Pipeline

        pipe = Pipeline(model=args.model) if args.model else Pipeline()
        error = None
    except (ImportError, AttributeError) as exc:
        pipe, error = None, f"newsclaims Pipeline unavailable: {exc}"

    def bare():
        list(nlp.pipe(texts, batch_size=bs))

    def newsclaims():
        list(pipe.extract_many(articles, batch_size=bs))

    # warm up both once, then alternate the timed runs so that both halves see
    # the same machine load (a shared box drifts over minutes); the best run counts
    list(nlp.pipe([a["text"] for a in warm], batch_size=bs))
    if pipe is not None:
        list(pipe.extract_many(warm, batch_size=bs))
    bare_runs, nc_runs = [], []
    for _ in range(args.runs):
        bare_runs.append(timed(bare))
        if pipe is not None:
            nc_runs.append(timed(newsclaims))

    result = {
        "articles": len(articles),
        "words": n_words,
        "batch_size": bs,
        "runs": args.runs,
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        "bare": {**rates(min(bare_runs), len(articles), n_words), "all_runs_s": [round(t, 3) for t in bare_runs]},
        "newsclaims": None,
        "ratio": None,
        "target": 0.6,
    }
    if pipe is None:
        result["error"] = error
    else:
        result["newsclaims"] = {**rates(min(nc_runs), len(articles), n_words),
                                "all_runs_s": [round(t, 3) for t in nc_runs]}
        result["ratio"] = round(min(bare_runs) / min(nc_runs), 3)
        result["pipeline_components"] = list(pipe.nlp.pipe_names)

    if args.json:
        print(json.dumps(result, indent=2))
        return 0

    print(f"{result['articles']} articles, {n_words} words, batch size {bs}, best of {args.runs}, "
          f"model {result['model']}, {result['cpus']} CPUs, load average {result['load_average']}")
    print(f"{'':12} {'seconds':>9} {'articles/s':>11} {'words/s':>10}")
    for name in ("bare", "newsclaims"):
        r = result[name]
        if r:
            print(f"{name:12} {r['seconds']:9.3f} {r['articles_per_s']:11.2f} {r['words_per_s']:10.1f}")
    if result["ratio"] is not None:
        verdict = "meets" if result["ratio"] >= result["target"] else "below"
        print(f"ratio newsclaims/bare: {result['ratio']:.3f} ({verdict} target {result['target']})")
    else:
        print(result.get("error", "newsclaims not timed"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
