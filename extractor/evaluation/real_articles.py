"""``real_articles``: real trade-news pages with gold in the contract (issue 12).

The gold is shared (``../shared/benchmarks/real_articles/gold/NNN.json``); the texts are
third-party pages, materialized locally into ``corpus/real/texts/NNN.json`` (fields id,
url, outlet, title, published, text; git-ignored) as the benchmark's README says. Without
that folder the benchmark is skipped with a one-line note (CI has no texts).

The pipeline runs as a user runs it: boilerplate cleaning on (these are page texts),
``published`` from the text file (null for a quarter of the pages), then the cross-check
(:func:`extractor.verify.check.check`) against a temporary store seeded with the
project's customs seed, as for the gold articles (:func:`.gold.checked_results`).

Scores (the contract's Scoring section and the benchmark's README):

- amounts, periods, countries (actors by ISO id), sources: as :mod:`.gold` scores them;
- trade claims: one-to-one, on the kind-independent trade fields — flow, from/to/between,
  commodity, basis, the claim period's from/to, and the amount's value (within 0.5 %),
  unit and bound (a field the gold claim leaves null, such as a period nobody can date,
  is not compared). ``kind`` is not compared: "fell 2.4 percent" is the same fact
  whether called a change or a level; the amount's unit tells them apart anyway;
- trade claims split by parties: ``{CHN, PRK}`` and every other pair;
- verdicts reproduced: gold verdicts whose claim is matched by one of ours carrying the
  same status, out of all gold verdicts (a share, "101 of 403");
- false "contradicted": our verdicts ``contradicted`` whose claim is not matched to a
  gold claim that gold contradicts (unmatched claims and comparisons included: an
  accusation is one whatever the claim's kind); a claim the article states twice
  (headline and body) is one gold claim, so a second statement agreeing in every field
  with a contradicted gold claim is no false alarm;
- consistency flags. Our claim *corresponds* to a gold claim when the two are matched
  as trade claims or, failing that, when its amount matches the gold claim's amount
  (value within 0.5 %, unit, bound): a flag is about numbers of the text, and a flag
  on the right numbers with one field of a claim misread still points the reader to
  the right sentences. A flag of ours matches a gold flag when at least two of its
  claims (all, if it has one) correspond to distinct claims of the gold flag.
  "inconsistent beyond gold" counts our ``inconsistent`` flags matching no gold flag;
  "inconsistencies found" is the share of gold flags matched by at least one of ours
  (two flags of ours may split one gold flag of five claims: both count as right).

``--misses FILE`` writes one JSON line per article with what the scores count against
us (see :func:`misses_record`); it holds third-party sentences, so its default place is
the git-ignored ``corpus/real/out/``.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from . import gold as gold_mod
from .matching import Score, match_one_to_one, unmatched
from .report import BenchmarkResult, Row, scored
from .running import extract_all, failure_notes

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_TEXTS = REPO_ROOT / "corpus" / "real" / "texts"
DEFAULT_MISSES = REPO_ROOT / "corpus" / "real" / "out" / "real_articles.misses.jsonl"
NAME = "real_articles"
CHN_PRK = frozenset({"CHN", "PRK"})
PART_FIELDS = ("amounts", "periods", "countries", "sources")
# (metric, headline): the order of the rows in the report
METRICS = (
    ("amounts", "f1"), ("periods", "f1"), ("countries", "f1"), ("sources", "f1"),
    ("trade claims", "f1"), ("trade claims CHN–PRK", "f1"), ("trade claims other pairs", "f1"),
    ("verdicts reproduced", "recall"), ("false contradicted", "count"),
    ("inconsistent beyond gold", "count"), ("inconsistencies found", "recall"),
)
COUNTS = ("false contradicted", "inconsistent beyond gold")


@dataclass
class RealArticleScore:
    id: str
    scores: dict[str, Score] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    record: dict = field(default_factory=dict)   # the --misses line (see misses_record)


# --------------------------------------------------------------------------- loading

def is_real_articles_dir(path: str | Path) -> bool:
    """The shared layout: ``gold/`` and ``SOURCES.tsv``, texts kept elsewhere."""
    path = Path(path)
    return (path / "gold").is_dir() and (path / "SOURCES.tsv").is_file()


def load_texts(texts_dir: str | Path) -> dict[str, dict]:
    """``id -> article`` for every ``*.json`` with a ``text`` in ``texts_dir`` ({} when absent),
    read by the reader every command uses (:mod:`extractor.pipeline.inputs`)."""
    from ..pipeline.inputs import iter_articles

    texts_dir = Path(texts_dir)
    if not texts_dir.is_dir():
        return {}
    out = {}
    for file in sorted(texts_dir.glob("*.json")):
        for article in iter_articles([file]):
            if isinstance(article, dict) and article.get("text"):
                out[str(article.get("id") or file.stem)] = article
    return out


def load_pairs(path: str | Path, texts_dir: str | Path) -> list[tuple[dict, dict]]:
    """``(article, gold)`` for every gold file whose text is materialized."""
    texts = load_texts(texts_dir)
    pairs = []
    for gold_file in sorted((Path(path) / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        article = texts.get(str((gold.get("article") or {}).get("id") or gold_file.stem))
        if article is not None:
            pairs.append((article, gold))
    return pairs


def fold_of(article_id: str, position: int, folds: int) -> int:
    """Alternate article ids: 001, 003, ... are fold 0; 002, 004, ... fold 1 (position if not numeric)."""
    return (int(article_id) - 1) % folds if str(article_id).isdigit() else position % folds


# --------------------------------------------------------------------------- claims

def _item(items: list, index) -> Optional[dict]:
    return items[index] if isinstance(index, int) and 0 <= index < len(items) else None


def parties(trade: Optional[dict]) -> frozenset:
    if not trade:
        return frozenset()
    if trade.get("flow") == "total":
        return frozenset(trade.get("between") or ())
    return frozenset(x for x in (trade.get("from"), trade.get("to")) if x)


def _commodity(value) -> str:
    return gold_mod.normalize_name(str(value)) if value is not None else ""


def _period_span(p: Optional[dict]) -> Optional[str]:
    return None if p is None else f"{p.get('from')}..{p.get('to')}"


def _amount_words(a: Optional[dict]) -> Optional[str]:
    return None if a is None else f"{a.get('value')} {a.get('unit')} {a.get('bound') or 'exact'}"


def claim_differences(gold_claim: dict, gold_doc: dict, our_claim: dict, our_doc: dict) -> dict[str, dict]:
    """The trade fields in which ``our_claim`` differs from ``gold_claim``: ``{field: {gold, ours}}``
    ({} = a match). Fields: flow, parties, commodity, basis, period, amount."""
    gt, ot = gold_claim.get("trade") or {}, our_claim.get("trade") or {}
    out: dict[str, dict] = {}
    if gt.get("flow") != ot.get("flow"):
        out["flow"] = {"gold": gt.get("flow"), "ours": ot.get("flow")}
    if gt.get("flow") == "total" or ot.get("flow") == "total":
        if parties(gt) != parties(ot):
            out["parties"] = {"gold": sorted(parties(gt)), "ours": sorted(parties(ot))}
    elif (gt.get("from"), gt.get("to")) != (ot.get("from"), ot.get("to")):
        out["parties"] = {"gold": f"{gt.get('from')}→{gt.get('to')}", "ours": f"{ot.get('from')}→{ot.get('to')}"}
    if _commodity(gt.get("commodity")) != _commodity(ot.get("commodity")):
        out["commodity"] = {"gold": gt.get("commodity"), "ours": ot.get("commodity")}
    if gt.get("basis") != ot.get("basis"):
        out["basis"] = {"gold": gt.get("basis"), "ours": ot.get("basis")}
    gp = _item(gold_doc.get("periods", []), gold_claim.get("period"))
    op = _item(our_doc.get("periods", []), our_claim.get("period"))
    if gp is not None and (op is None or not (gold_mod._same_if_present(gp, op, "from", gold_mod._date_eq)
                                              and gold_mod._same_if_present(gp, op, "to", gold_mod._date_eq))):
        out["period"] = {"gold": _period_span(gp), "ours": _period_span(op)}
    ga = _item(gold_doc.get("amounts", []), gold_claim.get("amount"))
    oa = _item(our_doc.get("amounts", []), our_claim.get("amount"))
    if ga is not None and (oa is None or not gold_mod.amount_matches(ga, oa)):
        out["amount"] = {"gold": _amount_words(ga), "ours": _amount_words(oa)}
    return out


def _amounts_agree(gold_claim: dict, gold_doc: dict, our_claim: dict, our_doc: dict) -> bool:
    ga = _item(gold_doc.get("amounts", []), gold_claim.get("amount"))
    oa = _item(our_doc.get("amounts", []), our_claim.get("amount"))
    return ga is not None and oa is not None and gold_mod.amount_matches(ga, oa)


def _gold_text(claim: dict) -> str:
    return (claim.get("text") or "").split("...")[0].strip()


def describe_gold_claim(claim: dict, doc: dict, verdict: Optional[dict] = None) -> dict:
    return _describe_claim(claim, doc, verdict, text="text", why="why")


def describe_our_claim(claim: dict, doc: dict, verdict: Optional[dict] = None) -> dict:
    return _describe_claim(claim, doc, verdict, text="sentence", why="explanation")


def _describe_claim(claim: dict, doc: dict, verdict: Optional[dict], *, text: str, why: str) -> dict:
    """A claim with its amount and period written out; ``text``/``why`` name the gold's or our
    field for the claim's words and the verdict's reason."""
    a = _item(doc.get("amounts", []), claim.get("amount"))
    p = _item(doc.get("periods", []), claim.get("period"))
    out = {"id": claim.get("id"), "kind": claim.get("kind"), text: claim.get(text),
           "amount": None if a is None else f"{a.get('text')!r} = {_amount_words(a)}",
           "period": None if p is None else f"{p.get('text')!r} = {_period_span(p)}",
           "trade": claim.get("trade")}
    if verdict is not None:
        out["verdict"] = {"status": verdict.get("status"), why: verdict.get(why)}
    return out


def _nearest(claim: dict, doc: dict, others: Sequence[dict], other_doc: dict, gold_side: bool) -> Optional[dict]:
    """The claim of ``others`` closest to ``claim``: one with the same amount first, then the fewest
    differing trade fields. None when nothing shares the amount and every field differs."""
    best = None
    for other in others:
        diff = (claim_differences(claim, doc, other, other_doc) if gold_side
                else claim_differences(other, other_doc, claim, doc))
        key = ("amount" in diff, len(diff))
        if best is None or key < best[0]:
            best = (key, other, diff)
    if best is None or (best[0][0] and best[0][1] >= 5):
        return None
    return {"id": best[1].get("id"), "differs": best[2]}


# --------------------------------------------------------------------------- scoring

def score_real_article(result: dict, gold: dict, article: Optional[dict] = None) -> RealArticleScore:
    """Score one checked contract dict against one gold article (see the module docstring)."""
    if hasattr(result, "model_dump"):
        result = result.model_dump(mode="json")
    art_id = str((gold.get("article") or {}).get("id") or (result.get("article") or {}).get("id") or "?")
    out = RealArticleScore(art_id)
    record: dict = {"id": art_id}
    if article:
        record.update({k: article.get(k) for k in ("url", "published")})

    # the parts, as the gold articles score them (claims left to the rules below)
    parts_gold = {k: gold[k] for k in ("article", "amounts", "periods", "actors", "sources") if k in gold}
    parts = gold_mod.score_gold_article(result, parts_gold)
    for name in PART_FIELDS:
        if name in parts.scores:
            out.scores[name] = parts.scores[name]
            record[f"{name}_missed"] = parts.misses.get(name, [])
            record[f"{name}_extra"] = parts.false_hits.get(name, [])
    # A source missed by name but found under other words is a naming-table gap, not an
    # attribution one: say so beside the miss.
    ours_by_words = {gold_mod.normalize_name(s.get("text")): s.get("name") for s in result.get("sources", [])}
    ours_names = {gold_mod.normalize_name(s.get("name")) for s in result.get("sources", [])}
    record["sources_missed"] = [
        f"{s.get('name')} from {s.get('text')!r}" + (
            f" — ours names the same words {ours_by_words[gold_mod.normalize_name(s.get('text'))]!r}"
            if gold_mod.normalize_name(s.get("text")) in ours_by_words else "")
        for s in gold.get("sources", []) if gold_mod.normalize_name(s.get("name")) not in ours_names]

    # trade claims
    gold_claims = [c for c in gold.get("claims", []) if gold_mod.is_trade_claim(c)]
    our_claims = [c for c in result.get("claims", []) if gold_mod.is_trade_claim(c)]
    pairs = match_one_to_one(
        gold_claims, our_claims, lambda g, o: not claim_differences(g, gold, o, result),
        preference=lambda g, o: 0 if _gold_text(g) and _gold_text(g) in (o.get("sentence") or "") else 1)
    out.scores["trade claims"] = Score(len(pairs), len(our_claims), len(gold_claims))
    for metric, inside in (("trade claims CHN–PRK", True), ("trade claims other pairs", False)):
        half = lambda c: (parties(c.get("trade")) == CHN_PRK) == inside  # noqa: E731
        out.scores[metric] = Score(sum(1 for i, _ in pairs if half(gold_claims[i])),
                                   sum(1 for c in our_claims if half(c)), sum(1 for c in gold_claims if half(c)))
    ours_of_gold = {gold_claims[i]["id"]: our_claims[j] for i, j in pairs}
    gold_of_ours = {our_claims[j]["id"]: gold_claims[i] for i, j in pairs}
    gold_verdict = {v.get("claim"): v for v in gold.get("verdicts", [])}
    our_verdict = {v.get("claim"): v for v in result.get("verdicts", [])}
    unmatched_ours = [our_claims[j] for j in unmatched(our_claims, pairs, 1)]
    unmatched_gold = [gold_claims[i] for i in unmatched(gold_claims, pairs, 0)]
    record["trade_claims_missed"] = [
        {"gold": describe_gold_claim(g, gold, gold_verdict.get(g["id"])),
         "nearest": _with_claim(_nearest(g, gold, unmatched_ours or our_claims, result, True), result, our_verdict)}
        for g in unmatched_gold]
    record["trade_claims_extra"] = [
        {"ours": describe_our_claim(o, result, our_verdict.get(o["id"])),
         "nearest": _with_gold(_nearest(o, result, unmatched_gold or gold_claims, gold, False), gold)}
        for o in unmatched_ours]

    # verdicts
    trade_ids = {c["id"] for c in our_claims}
    reproduced, wrong = 0, []
    for v in gold.get("verdicts", []):
        ours = ours_of_gold.get(v.get("claim"))
        if ours is None:
            continue
        mine = our_verdict.get(ours["id"])
        if mine is not None and mine.get("status") == v.get("status"):
            reproduced += 1
        else:
            wrong.append({"gold_claim": v.get("claim"), "gold": v.get("status"), "gold_why": v.get("why"),
                          "ours": None if mine is None else mine.get("status"),
                          "explanation": None if mine is None else mine.get("explanation"),
                          "claim": describe_our_claim(ours, result)})
    out.scores["verdicts reproduced"] = Score(
        reproduced, sum(1 for v in result.get("verdicts", []) if v.get("claim") in trade_ids),
        len(gold.get("verdicts", [])))
    record["verdicts_wrong"] = wrong
    claims_by_id = {c.get("id"): c for c in result.get("claims", [])}
    false_contradicted = []
    for v in result.get("verdicts", []):
        if v.get("status") != "contradicted":
            continue
        matched = gold_of_ours.get(v.get("claim"))
        if matched is None and v.get("claim") in claims_by_id:
            # a claim the article states twice (headline and body) is one gold claim: the second
            # statement is as false as the first
            mine = claims_by_id[v.get("claim")]
            matched = next((g for g in gold_claims if (gold_verdict.get(g["id"]) or {}).get("status") == "contradicted"
                            and not claim_differences(g, gold, mine, result)), None)
        if matched is not None and (gold_verdict.get(matched["id"]) or {}).get("status") == "contradicted":
            continue
        false_contradicted.append({
            "claim": describe_our_claim(claims_by_id.get(v.get("claim"), {"id": v.get("claim")}), result),
            "explanation": v.get("explanation"),
            "gold_claim": None if matched is None else matched["id"],
            "gold_status": None if matched is None else (gold_verdict.get(matched["id"]) or {}).get("status")})
    out.counts["false contradicted"] = len(false_contradicted)
    record["false_contradicted"] = false_contradicted

    # consistency
    gold_by_id = {c.get("id"): c for c in gold.get("claims", [])}

    def corresponds(our_id: str, gold_id: str) -> bool:
        if our_id in gold_of_ours:
            if gold_of_ours[our_id]["id"] == gold_id:
                return True
        o, g = claims_by_id.get(our_id), gold_by_id.get(gold_id)
        return o is not None and g is not None and _amounts_agree(g, gold, o, result)

    def flag_matches(ours: dict, gold_flag: dict) -> bool:
        mine = list(ours.get("claims", []))
        need = min(2, len(mine))
        linked = match_one_to_one(mine, list(gold_flag.get("claims", [])), corresponds)
        return need > 0 and len(linked) >= need

    gold_flags = [f for f in gold.get("consistency", []) if f.get("status", "inconsistent") == "inconsistent"]
    our_flags = [f for f in result.get("consistency", []) if f.get("status", "inconsistent") == "inconsistent"]
    found = [g for g in gold_flags if any(flag_matches(o, g) for o in our_flags)]
    beyond = [o for o in our_flags if not any(flag_matches(o, g) for g in gold_flags)]
    out.scores["inconsistencies found"] = Score(len(found), len(our_flags), len(gold_flags))
    out.counts["inconsistent beyond gold"] = len(beyond)
    record["inconsistent_beyond_gold"] = [
        {"claims": [describe_our_claim(claims_by_id.get(c, {"id": c}), result) for c in o.get("claims", [])],
         "explanation": o.get("explanation")} for o in beyond]
    record["inconsistencies_missed"] = [
        {"claims": g.get("claims"), "explanation": g.get("explanation")} for g in gold_flags if g not in found]
    record["scores"] = {k: [s.tp, s.predicted, s.gold] for k, s in out.scores.items()}
    record["scores"].update(out.counts)
    out.record = record
    return out


def _with_claim(nearest: Optional[dict], doc: dict, verdicts: dict) -> Optional[dict]:
    if nearest is None:
        return None
    claim = next(c for c in doc.get("claims", []) if c.get("id") == nearest["id"])
    return {"claim": describe_our_claim(claim, doc, verdicts.get(claim["id"])), "differs": nearest["differs"]}


def _with_gold(nearest: Optional[dict], doc: dict) -> Optional[dict]:
    if nearest is None:
        return None
    claim = next(c for c in doc.get("claims", []) if c.get("id") == nearest["id"])
    return {"claim": describe_gold_claim(claim, doc), "differs": nearest["differs"]}


def total_rows(articles: Sequence[RealArticleScore], name: str = NAME) -> list[Row]:
    """The benchmark's rows, summed (micro) over ``articles``."""
    rows = []
    for metric, headline in METRICS:
        if headline == "count":
            rows.append(Row(name, metric, None, headline="count", documents=len(articles),
                            count=sum(a.counts.get(metric, 0) for a in articles)))
            continue
        total = Score()
        for a in articles:
            total = total + a.scores.get(metric, Score())
        rows.append(Row(name, metric, total, headline=headline))
    return rows


def miss_categories(articles: Sequence[RealArticleScore]) -> dict:
    """What costs trade-claim points: for each gold claim not found, the fields its nearest
    claim of ours differs in ("none near" when we have nothing like it)."""
    from collections import Counter

    missed, statuses = Counter(), Counter()
    for a in articles:
        for m in a.record.get("trade_claims_missed", []):
            nearest = m.get("nearest")
            missed.update(sorted(nearest["differs"]) if nearest else ["none near"])
        for w in a.record.get("verdicts_wrong", []):
            statuses[f"{w['gold']} → {w['ours']}"] += 1
    return {"trade claims missed, nearest claim differs in": missed,
            "verdicts of matched claims (gold → ours)": statuses}


# --------------------------------------------------------------------------- running

def skipped(texts_dir: Path, name: str = NAME) -> BenchmarkResult:
    bench = BenchmarkResult(name, "skipped: no texts")
    bench.notes.append(f"skipped: no texts in {texts_dir} (materialize them as "
                       "../shared/benchmarks/real_articles/README.md says, or pass --real-texts DIR)")
    return bench


def _empty_result(article: dict) -> dict:
    """What a page the pipeline raised on is scored as: nothing found."""
    return {"article": {"id": article.get("id")}, "amounts": [], "periods": [], "actors": [], "sources": [],
            "claims": [], "verdicts": [], "consistency": []}


def evaluate_real_articles(path: str | Path, pipeline, texts_dir: Optional[str | Path] = None,
                           misses_path: Optional[str | Path] = None, folds: int = 0,
                           store=None) -> BenchmarkResult:
    """Extract, check and score every real article whose text is materialized."""
    started = time.perf_counter()
    texts_dir = Path(texts_dir) if texts_dir else DEFAULT_TEXTS
    pairs = load_pairs(path, texts_dir)
    if not pairs:
        return skipped(texts_dir)
    inputs = [{k: a.get(k) for k in ("text", "id", "url", "title", "outlet", "published")} for a, _ in pairs]
    failures: list[str] = []
    extracted = extract_all(pipeline, inputs, clean=True, failures=failures)
    checked = iter(gold_mod.checked_results([r for r in extracted if r is not None], store))
    results = [next(checked) if r is not None else _empty_result(a) for r, (a, _) in zip(extracted, pairs)]
    articles = [score_real_article(r, g, a) for r, (a, g) in zip(results, pairs)]
    n_gold = len(list((Path(path) / "gold").glob("*.json")))
    bench = BenchmarkResult(NAME, f"{len(pairs)} of {n_gold} real trade-news pages (texts from {texts_dir}; "
                            "cleaning on, checked against the seed figures)", total_rows(articles))
    if len(pairs) < n_gold:
        bench.notes.append(f"{n_gold - len(pairs)} gold file(s) without a materialized text were left out")
    bench.notes.extend(failure_notes(failures))
    bench.notes.append("trade claims match on flow, parties, commodity, basis, the period's from/to and the amount "
                       "(kind not compared); counts are false alarms: lower is better")
    bench.miss_categories = miss_categories(articles)
    bench.articles = articles
    if folds:
        by_fold = [[a for i, a in enumerate(articles) if fold_of(a.id, i, folds) == k] for k in range(folds)]
        for row, *fold_rows in zip(bench.rows, *(total_rows(f) for f in by_fold)):
            for fold_row in fold_rows:
                fold_row.ours = scored(fold_row.ours)
            row.folds = list(fold_rows)
    if misses_path:
        write_misses(misses_path, articles)
        bench.notes.append(f"misses written to {misses_path} (third-party text: never commit it)")
    bench.seconds = time.perf_counter() - started
    return bench


def misses_record(score: RealArticleScore) -> dict:
    """One line of the ``--misses`` file: per article, the gold trade claims not matched
    (gold amount/period text, trade fields, the nearest claim of ours and the fields it
    differs in), our unmatched claims (sentence, amount/period text, trade fields, nearest
    gold claim), verdicts of matched claims with another status (gold why, our
    explanation), false "contradicted", flags beyond gold and gold flags missed, and the
    amounts/periods/countries/sources missed and extra."""
    return score.record


def write_misses(path: str | Path, articles: Sequence[RealArticleScore]) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps(misses_record(a), ensure_ascii=False) + "\n")
    return path
