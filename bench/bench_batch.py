#!/usr/bin/env python3
"""Throughput and memory of ``newsclaims batch`` against bare spaCy, at several corpus sizes.

The corpus is generated at run time into a temporary folder (nothing is written to the
repository): each article is 3–6 sentences built from rows of the GACC China–North
Korea customs figures (``../shared/data/customs/china_prk_gacc.csv``), in the way trade
stories state them ("China's exports to North Korea rose to $12.3 million in May,
according to ..."), each article with an id and a publication date after its figures.

For each size (``--sizes 1000,4000``) and round (``--rounds 2``), alternating so that
each configuration sees the same machine load, it runs in a fresh process each:

1. **bare**: ``list(nlp.pipe(texts, batch_size=32))`` with the same spaCy model, no
   newsclaims code, model loaded before the clock starts;
2. **batch w=1** and **batch w=2**: ``python -m extractor.cli.batch corpus.jsonl --out ...
   --workers N`` — the whole command: reading, cleaning, de-duplication, extraction,
   JSON lines with fsync per chunk. Timed twice: the wall clock of the command (model
   loading included) and the run's own summary seconds (workers' model loading
   included, interpreter start not).

Peak RSS is the largest ``VmHWM`` (peak resident set) of any one process of the run (the
parent, the forkserver or a worker), read from ``/proc`` by a wrapper process every 0.2 s
while the run lives (workers forked by a forkserver are not the wrapper's children, so
``getrusage(RUSAGE_CHILDREN)`` alone would miss them).
The fastest round of each configuration counts; every round and the load average
(before and after each run) are printed and in ``--json``.

    python bench/bench_batch.py                      # sizes 1000,4000; 2 rounds
    python bench/bench_batch.py --sizes 200 --rounds 1
    python bench/bench_batch.py --json bench/out/batch.json
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CUSTOMS = ROOT.parent / "shared" / "data" / "customs" / "china_prk_gacc.csv"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
NAMES = {"CHN": "China", "PRK": "North Korea"}
SOURCES = ["according to the General Administration of Customs", "customs data showed",
           "according to figures released by Beijing's customs agency", "the customs office said"]
# Filler sentences are templates with slots, so that, as in real news, sentences rarely
# repeat verbatim across articles. (Four fixed filler sentences made 70% of all sentences
# repeats; per-process caches then favoured one worker, which sees every repeat, over two.)
FILLER = [
    "Trade between the two neighbors has been closely watched since sanctions were tightened in {year}, {person} said.",
    "Analysts at {firm} said the figures reflected seasonal demand for {goods}.",
    "Officials in Pyongyang did not comment on the {goods} figures, {n} days after their release.",
    "About {trucks} trucks a day cross the border through the city of {city}, traders said.",
    "{person}, an economist at {firm}, said shipments of {goods} had picked up since {month}.",
    "A trader in {city} said prices of {goods} had risen by about {pct}% over the past {n} weeks.",
]
SLOTS = {
    "firm": ["the Korea Development Institute", "a Seoul brokerage", "the Hyundai Research Institute",
             "a Beijing consultancy", "the Asan Institute", "a Dandong logistics firm", "a Tokyo bank"],
    "goods": ["fertilizer", "food", "wigs", "rice", "textiles", "soybean oil", "flour", "sugar", "steel", "fuel"],
    "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "city": ["Dandong", "Hunchun", "Tumen", "Ji'an", "Sinuiju"],
    "person": ["Kim Min-jun", "Lee Ji-eun", "Park Sung-ho", "Zhang Wei", "Li Na", "Choi Young-soo", "Wang Fang"],
    "month": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"],
}


def filler(rnd: random.Random) -> str:
    values = {k: rnd.choice(v) for k, v in SLOTS.items()}
    values.update(year=rnd.randint(2016, 2024), trucks=rnd.randint(40, 400), pct=rnd.randint(2, 40),
                  n=rnd.randint(2, 12))
    return rnd.choice(FILLER).format(**values)


def money(value: float) -> str:
    return f"${value / 1e9:.2f} billion" if value >= 1e9 else f"${value / 1e6:.1f} million"


def period_words(row: dict) -> str:
    start, end = date.fromisoformat(row["from"]), date.fromisoformat(row["to"])
    if row["granularity"] == "month":
        return f"{MONTHS[start.month - 1]} {start.year}"
    if row["granularity"] == "year":
        return str(start.year)
    return f"the {end.month - start.month + 1} months from {MONTHS[start.month - 1]} to {MONTHS[end.month - 1]} {end.year}"


FIGURE_TEMPLATES = {
    "export": ["{rep}'s exports to {par} were {value} in {when}, {src}{released}.",
               "{rep} shipped {value} worth of goods to {par} in {when}, {src}{released}.",
               "In {when}, {rep} sold {value} of goods to {par}, {src}{released}."],
    "import": ["{rep} imported {value} worth of goods from {par} in {when}, {src}{released}.",
               "{rep}'s imports from {par} came to {value} in {when}, {src}{released}.",
               "In {when}, {rep} bought {value} of goods from {par}, {src}{released}."],
    "total": ["Trade between {rep} and {par} totaled {value} in {when}, {src}{released}.",
              "{rep}'s trade with {par} reached {value} in {when}, {src}{released}.",
              "In {when}, trade between {rep} and {par} came to {value}, {src}{released}."],
}
RELEASED = ["", " on {weekday}", " in data released on {weekday}", " in a report published on {weekday}"]


def sentence(row: dict, rnd: random.Random) -> str:
    rep, par = NAMES.get(row["reporter"], row["reporter"]), NAMES.get(row["partner"], row["partner"])
    released = rnd.choice(RELEASED).format(weekday=rnd.choice(SLOTS["weekday"]))
    template = rnd.choice(FIGURE_TEMPLATES.get(row["flow"], FIGURE_TEMPLATES["total"]))
    return template.format(rep=rep, par=par, value=money(float(row["value"])), when=period_words(row),
                           src=rnd.choice(SOURCES), released=released)


def generate(n: int, path: Path, seed: int = 7, customs: Path = CUSTOMS) -> int:
    """Write n articles as JSON lines; return the number of words.

    Each sentence of a figure comes from a customs row (195 of them), phrased in one of a few
    ways; with the slotted filler, about four sentences in five are distinct at 1,000 articles
    (``main`` prints the share)."""
    rows = list(csv.DictReader(customs.open(encoding="utf-8")))
    rnd = random.Random(seed)
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            picked = rnd.sample(rows, rnd.randint(2, 4))
            body = [sentence(r, rnd) for r in picked] + [filler(rnd), filler(rnd)]
            rnd.shuffle(body)
            latest = max(date.fromisoformat(r["to"]) for r in picked)
            published = date(latest.year + (latest.month == 12), latest.month % 12 + 1, 15)
            text = " ".join(body[:3]) + "\n\n" + " ".join(body[3:]) + f" (story {i})"
            words += len(text.split())
            fh.write(json.dumps({"id": f"bench-{i:05d}", "published": published.isoformat(), "text": text}) + "\n")
    return words


# ------------------------------------------------------------------ the measured runs

WRAPPER = r"""
import json, os, resource, subprocess, sys, tempfile, time

def descendants(root):
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out

def hwm_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

out, err = tempfile.TemporaryFile("w+"), tempfile.TemporaryFile("w+")
t = time.perf_counter()
p = subprocess.Popen(sys.argv[1:], stdout=out, stderr=err, text=True)
peak = {}
while p.poll() is None:
    # Peak resident set of each process of the run, read while it lives: the workers of a
    # forkserver are not this wrapper's children, so RUSAGE_CHILDREN would miss them.
    for pid in descendants(p.pid):
        peak[pid] = max(peak.get(pid, 0), hwm_kb(pid))
    time.sleep(0.2)
wall = time.perf_counter() - t
out.seek(0); err.seek(0)
print(json.dumps({"rc": p.returncode, "wall": wall, "stdout": out.read(), "stderr": err.read(),
                  "maxrss_kb": max([resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, *peak.values()]),
                  "processes": len(peak)}))
"""

BARE = r"""
import json, sys, time
sys.path.insert(0, sys.argv[2])
from extractor.pipeline.nlp import load_model
nlp = load_model()
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
list(nlp.pipe(texts[:16]))
t = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=32):
    pass
print(json.dumps({"seconds": time.perf_counter() - t}))
"""


def distinct_sentence_share(corpus: Path) -> float:
    """Share of distinct sentences: repeats let one process's caches answer what two workers
    each compute once, so the corpus should repeat about as little as news does."""
    import re

    sentences = [s for line in corpus.open(encoding="utf-8")
                 for s in re.split(r"(?<=\.)\s+", json.loads(line)["text"])]
    return len(set(sentences)) / max(1, len(sentences))


def wrapped(cmd: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def run_bare(corpus: Path) -> dict:
    r = wrapped([sys.executable, "-c", BARE, str(corpus), str(ROOT)])
    if r["rc"] != 0:
        raise SystemExit("bare spaCy run failed:\n" + r["stderr"])
    return {"seconds": json.loads(r["stdout"])["seconds"], "wall": r["wall"], "maxrss_mb": r["maxrss_kb"] / 1024}


def run_batch(corpus: Path, workers: int, tmp: Path) -> dict:
    out = tmp / f"out-w{workers}.jsonl"
    r = wrapped([sys.executable, "-m", "extractor.cli.batch", str(corpus), "--out", str(out), "--overwrite",
                 "--workers", str(workers), "--no-progress", "--errors", str(tmp / "errors.jsonl")])
    if r["rc"] != 0:
        raise SystemExit(f"batch --workers {workers} failed:\n" + r["stderr"])
    line = r["stderr"].strip().splitlines()[-1]
    seconds = float(line.split(" in ")[1].split(" s ")[0])
    written = int(line.split(": ")[1].split(" written")[0])
    return {"seconds": seconds, "wall": r["wall"], "written": written, "maxrss_mb": r["maxrss_kb"] / 1024}


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,4000", help="corpus sizes, comma-separated (default 1000,4000)")
    ap.add_argument("--rounds", type=int, default=2, help="rounds per size, configurations alternating")
    ap.add_argument("--workers", default="1,2", help="worker counts to time (default 1,2)")
    ap.add_argument("--customs", type=Path, default=CUSTOMS, help="the customs figures CSV the sentences are built from")
    ap.add_argument("--json", dest="json_out", help="also write all runs as JSON to this file")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    worker_counts = [int(w) for w in args.workers.split(",")]
    report = {"cpus": os.cpu_count(), "sizes": {}}
    print(f"{os.cpu_count()} CPUs; load average {load()} at start", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmpdir:
        tmp = Path(tmpdir)
        for size in sizes:
            corpus = tmp / f"corpus-{size}.jsonl"
            words = generate(size, corpus, customs=args.customs)
            distinct = distinct_sentence_share(corpus)
            runs: dict[str, list] = {"bare": [], **{f"w{w}": [] for w in worker_counts}}
            for rnd in range(args.rounds):
                for name in runs:
                    before = load()
                    r = run_bare(corpus) if name == "bare" else run_batch(corpus, int(name[1:]), tmp)
                    r.update(load_before=before, load_after=load())
                    runs[name].append(r)
                    print(f"  size {size} round {rnd + 1} {name:>4}: {r['seconds']:7.2f} s "
                          f"({size / r['seconds']:6.1f} art/s, {words / r['seconds']:7.0f} words/s; "
                          f"wall {r['wall']:.1f} s) peak RSS {r['maxrss_mb']:.0f} MB  load {before} -> {r['load_after']}",
                          flush=True)
            best = {name: min(rs, key=lambda r: r["seconds"]) for name, rs in runs.items()}
            summary = {name: {"seconds": b["seconds"], "wall": b["wall"], "articles_per_s": size / b["seconds"],
                              "words_per_s": words / b["seconds"], "peak_rss_mb": b["maxrss_mb"]}
                       for name, b in best.items()}
            w1 = summary.get("w1")
            if w1:
                summary["ratio_w1_vs_bare"] = w1["words_per_s"] / summary["bare"]["words_per_s"]
            if w1 and "w2" in summary:
                summary["speedup_w2_vs_w1"] = summary["w2"]["words_per_s"] / w1["words_per_s"]
            report["sizes"][size] = {"words": words, "distinct_sentences": distinct, "best": summary, "runs": runs}
            print(f"size {size} ({words} words, {distinct:.0%} of sentences distinct), best of {args.rounds}:")
            for name, s in summary.items():
                if isinstance(s, dict):
                    print(f"  {name:>4}: {s['articles_per_s']:7.1f} articles/s {s['words_per_s']:8.0f} words/s "
                          f"peak RSS/process {s['peak_rss_mb']:.0f} MB")
            if "ratio_w1_vs_bare" in summary:
                print(f"  batch w=1 / bare spaCy: {summary['ratio_w1_vs_bare']:.2f} (target >= 0.6)")
            if "speedup_w2_vs_w1" in summary:
                print(f"  w=2 / w=1: {summary['speedup_w2_vs_w1']:.2f} (target >= 1.7)")
            print(flush=True)
    print(f"load average {load()} at end")
    if args.json_out:
        Path(args.json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json_out).write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
