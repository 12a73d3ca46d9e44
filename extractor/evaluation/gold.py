"""Scoring extractions against gold articles in the contract format.

The rules are those of the contract's "Scoring" section
(shared/claims-schema.md, "Scoring (what the gold comparison counts)"):

- amount: ``unit``, ``bound``, and ``value`` within 0.5 %;
- period: ``from`` and ``to`` (and ``duration`` for durations);
- actor: the set of ``(id or name, type)`` per article — reported separately
  for countries, persons and organizations (organization, government and group
  are one category, since the gold uses "government" which is no actor type);
- source: the set of normalized ``name`` per article;
- amounts and periods are compared as distinct values: the gold lists a value once
  however often the article repeats it;
- trade claim: ``flow``, ``from``/``to``/``between``, the period's ``from``/``to``,
  the amount's value/unit/bound;
- verdict: the trade claim it belongs to, and ``status``;
- consistency (not in the contract's list; our rule): ``status``, and at least
  one of its claims aligned with one of the gold item's claims;
- warnings (corpus gold's ``expect_warning``): some warning given or not.

A field the gold item does not carry is not compared (gold durations have no
``from``/``to``); a field it carries as ``null`` must be null in ours. Items are
matched one-to-one (each gold item at most once).
"""
from __future__ import annotations

import json
import re
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from .matching import Score, match_one_to_one, unmatched, values_close
from .report import BenchmarkResult, Report, Row

AMOUNT_REL_TOL = 0.005  # "value within 0.5 %" (claims-schema.md, Scoring)
FIELDS = ("amounts", "periods", "countries", "persons", "organizations", "sources",
          "trade claims", "verdicts", "consistency", "warnings")
ORGANIZATION_TYPES = {"organization", "government", "group"}
_MISSING = object()


@dataclass
class ArticleScore:
    id: str
    scores: dict[str, Score] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)      # gold items not found
    false_hits: dict[str, list[str]] = field(default_factory=dict)  # our items with no gold
    notes: list[str] = field(default_factory=list)

    def is_exact(self, *fields: str) -> bool:
        """Nothing missed and nothing invented in ``fields`` (default: all scored fields)."""
        return all(not self.misses.get(f) and not self.false_hits.get(f) for f in (fields or tuple(self.scores)))

    def lines(self) -> list[str]:
        """A person-readable account: per field, score, then what was missed or invented."""
        out = [f"article {self.id}"]
        for name in FIELDS:
            s = self.scores.get(name)
            if s is None:
                continue
            if s.gold == 0 and s.predicted == 0:
                out.append(f"  {name}: none expected, none found")
                continue
            out.append(f"  {name}: F1 {s.f1:.3f} (P {s.precision:.3f} R {s.recall:.3f}; {s.tp}/{s.predicted}/{s.gold})")
            for item in self.misses.get(name, []):
                out.append(f"    missed: {item}")
            for item in self.false_hits.get(name, []):
                out.append(f"    false hit: {item}")
        out.extend(f"  note: {n}" for n in self.notes)
        return out


# --------------------------------------------------------------------------- normalization

def normalize_name(name: Optional[str]) -> str:
    """Case-, accent- and punctuation-insensitive name; a leading "the" dropped."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("’", "'").replace("'s ", " ")
    text = re.sub(r"[^\w]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def _get(item: dict, key: str):
    return item.get(key, _MISSING)


def _same_if_present(gold: dict, ours: dict, key: str, eq: Callable[[Any, Any], bool] = lambda a, b: a == b) -> bool:
    g = _get(gold, key)
    if g is _MISSING:
        return True
    o = ours.get(key)
    if g is None or o is None:
        return g is None and o is None
    return eq(g, o)


def _value_eq(a, b) -> bool:
    return values_close(float(a), float(b), AMOUNT_REL_TOL)


def _date_eq(a, b) -> bool:
    return str(a)[:10] == str(b)[:10]


# --------------------------------------------------------------------------- item rules

def amount_matches(gold: dict, ours: dict) -> bool:
    """unit, bound and value within 0.5 % (each only if the gold item has it). A count's unit is
    ``count`` in the contract, with the counted noun in ``of``; the real-article gold writes that
    noun as the unit ("pair", "round"): either spelling of the same count matches."""
    return ((_same_if_present(gold, ours, "unit") or _counted_noun_is_the_unit(gold, ours))
            and _same_if_present(gold, ours, "bound")
            and _same_if_present(gold, ours, "value", _value_eq))


def _counted_noun_is_the_unit(gold: dict, ours: dict) -> bool:
    noun, unit = ours.get("of"), gold.get("unit")
    if ours.get("unit") != "count" or not noun or not isinstance(unit, str):
        return False
    singular = lambda w: w.lower().rstrip("s")  # noqa: E731  ("pairs" ~ "pair", "masks" ~ "mask")
    # "unit", "item", "piece": gold that names no noun counts items all the same
    return singular(noun) == singular(unit) or singular(unit) in singular(noun).split() \
        or singular(unit) in _GENERIC_COUNT_UNITS


_GENERIC_COUNT_UNITS = frozenset({"unit", "item", "piece"})


def period_matches(gold: dict, ours: dict) -> bool:
    """from and to; duration too when the gold item is a duration."""
    ok = _same_if_present(gold, ours, "from", _date_eq) and _same_if_present(gold, ours, "to", _date_eq)
    if gold.get("granularity") == "duration" or gold.get("duration"):
        ok = ok and _same_if_present(gold, ours, "duration")
    return ok


def _resolve(items: list, index) -> Optional[dict]:
    if index is None or not isinstance(index, int) or not (0 <= index < len(items)):
        return None
    return items[index]


def trade_claim_matches(gold_claim: dict, gold_doc: dict, our_claim: dict, our_doc: dict) -> bool:
    """flow, from/to/between, the period's from/to and the amount's value/unit/bound."""
    gt, ot = gold_claim.get("trade"), our_claim.get("trade")
    if not gt or not ot:
        return False
    if not _same_if_present(gt, ot, "flow"):
        return False
    for key in ("from", "to"):
        if not _same_if_present(gt, ot, key):
            return False
    if _get(gt, "between") is not _MISSING:
        g, o = gt.get("between"), ot.get("between")
        if (g is None) != (o is None) or (g is not None and sorted(g) != sorted(o)):
            return False
    if "period" in gold_claim:
        gp = _resolve(gold_doc.get("periods", []), gold_claim["period"])
        op = _resolve(our_doc.get("periods", []), our_claim.get("period"))
        if gp is not None:
            if op is None:
                return False
            if not (_same_if_present(gp, op, "from", _date_eq) and _same_if_present(gp, op, "to", _date_eq)):
                return False
    if "amount" in gold_claim:
        ga = _resolve(gold_doc.get("amounts", []), gold_claim["amount"])
        oa = _resolve(our_doc.get("amounts", []), our_claim.get("amount"))
        if ga is not None and (oa is None or not amount_matches(ga, oa)):
            return False
    return True


def other_claim_matches(gold_claim: dict, gold_doc: dict, our_claim: dict, our_doc: dict) -> bool:
    """For aligning non-trade claims (used by verdicts and consistency): same kind,
    amount, period and, for comparisons, relation and reference period."""
    if gold_claim.get("kind") != our_claim.get("kind"):
        return False
    for key, rule, table in (("amount", amount_matches, "amounts"), ("period", period_matches, "periods")):
        g = _resolve(gold_doc.get(table, []), gold_claim.get(key))
        if g is not None:
            o = _resolve(our_doc.get(table, []), our_claim.get(key))
            if o is None or not rule(g, o):
                return False
    gc, oc = gold_claim.get("comparison"), our_claim.get("comparison")
    if gc:
        if not oc or gc.get("relation") != oc.get("relation"):
            return False
        g = _resolve(gold_doc.get("periods", []), gc.get("reference_period"))
        if g is not None:
            o = _resolve(our_doc.get("periods", []), oc.get("reference_period"))
            if o is None or not period_matches(g, o):
                return False
    return True


def is_trade_claim(claim: dict) -> bool:
    """A trade_value / trade_change claim (a comparison may carry ``trade`` too, but is not one)."""
    kind = claim.get("kind") or ""
    return kind.startswith("trade_") or (not kind and bool(claim.get("trade")))


def claim_matches(gold_claim: dict, gold_doc: dict, our_claim: dict, our_doc: dict) -> bool:
    if is_trade_claim(gold_claim):
        return trade_claim_matches(gold_claim, gold_doc, our_claim, our_doc)
    return other_claim_matches(gold_claim, gold_doc, our_claim, our_doc)


# --------------------------------------------------------------------------- descriptions

def describe_amount(a: dict) -> str:
    return f"{a.get('text', '?')!r} = {a.get('value')} {a.get('unit')} {a.get('bound', '')}".strip()


def describe_period(p: dict) -> str:
    extra = f" {p['duration']}" if p.get("duration") else ""
    return f"{p.get('text', '?')!r} = {p.get('from')}..{p.get('to')}{extra}"


def describe_claim(c: dict, doc: dict) -> str:
    t = c.get("trade") or {}
    a = _resolve(doc.get("amounts", []), c.get("amount"))
    p = _resolve(doc.get("periods", []), c.get("period"))
    who = f"between {t.get('between')}" if t.get("flow") == "total" else f"{t.get('from')}→{t.get('to')}"
    return (f"{c.get('id')} {c.get('kind')} {t.get('flow', '')} {who} "
            f"{describe_amount(a) if a else 'no amount'} in {describe_period(p) if p else 'no period'}")


# --------------------------------------------------------------------------- article scoring

def _actor_key(actor: dict) -> str:
    return actor.get("id") or normalize_name(actor.get("name"))


def _actor_category(actor: dict) -> Optional[str]:
    t = actor.get("type")
    if t == "country":
        return "countries"
    if t == "person":
        return "persons"
    if t in ORGANIZATION_TYPES:
        return "organizations"
    return None


def _set_score(gold_keys: dict[str, str], our_keys: dict[str, str]) -> tuple[Score, list[str], list[str]]:
    """Set comparison; values of the dicts are display names."""
    tp = len(set(gold_keys) & set(our_keys))
    misses = [gold_keys[k] for k in gold_keys if k not in our_keys]
    false_hits = [our_keys[k] for k in our_keys if k not in gold_keys]
    return Score(tp, len(our_keys), len(gold_keys)), misses, false_hits


def _same_text_first(g, o) -> int:
    """Among equally valid candidates, pair items with the same surface text (readable miss lists)."""
    return 0 if isinstance(g, dict) and isinstance(o, dict) and g.get("text") and g.get("text") == o.get("text") else 1


def _list_score(gold_items: list, our_items: list, is_match, describe_gold, describe_ours):
    pairs = match_one_to_one(gold_items, our_items, is_match, preference=_same_text_first)
    misses = [describe_gold(gold_items[i]) for i in unmatched(gold_items, pairs, 0)]
    false_hits = [describe_ours(our_items[j]) for j in unmatched(our_items, pairs, 1)]
    return Score(len(pairs), len(our_items), len(gold_items)), misses, false_hits, pairs


def _distinct(items: list, key) -> list:
    """One item per value: gold files list a period or an amount once however often
    the article repeats it ("last month" three times is one period)."""
    seen, out = set(), []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _period_key(p: dict):
    key = (p.get("from"), p.get("to"), p.get("duration"), p.get("bound") or "exact")
    # Unresolved periods (no publication date) are told apart by their words.
    return key if any(key[:3]) else key + ((p.get("text") or "").casefold(),)


def _amount_key(a: dict):
    return (round(float(a.get("value") or 0), 6), a.get("unit"), a.get("bound") or "exact", a.get("change"))


def score_gold_article(result: dict, gold: dict) -> ArticleScore:
    """Score one of our contract dicts (``Extraction.model_dump(mode="json")``)
    against one gold article, field by field."""
    if hasattr(result, "model_dump"):
        result = result.model_dump(mode="json")
    art = ArticleScore(id=(gold.get("article") or {}).get("id") or (result.get("article") or {}).get("id", "?"))

    def put(name, score, misses, false_hits):
        art.scores[name], art.misses[name], art.false_hits[name] = score, misses, false_hits

    if "amounts" in gold:
        s, m, f, _ = _list_score(gold["amounts"], _distinct(result.get("amounts", []), _amount_key), amount_matches,
                                 describe_amount, describe_amount)
        put("amounts", s, m, f)
    if gold.get("non_amounts") and "amounts" in art.false_hits:
        listed = {t.casefold() for t in gold["non_amounts"] if isinstance(t, str)}
        art.false_hits["amounts"] = [f"{d} — listed in the gold's non_amounts" if any(
            f"'{t}'" in d.casefold() for t in listed) else d for d in art.false_hits["amounts"]]
    if "periods" in gold:
        s, m, f, _ = _list_score(gold["periods"], _distinct(result.get("periods", []), _period_key), period_matches,
                                 describe_period, describe_period)
        put("periods", s, m, f)
    if "actors" in gold:
        for category in ("countries", "persons", "organizations"):
            g = {_actor_key(a): f"{a.get('name')} ({a.get('type')})" for a in gold["actors"]
                 if _actor_category(a) == category}
            o = {_actor_key(a): f"{a.get('name')} ({a.get('type')}) from {a.get('text', '?')!r}"
                 for a in result.get("actors", []) if _actor_category(a) == category}
            put(category, *_set_score(g, o))
    if "sources" in gold:
        g = {normalize_name(s.get("name")): s.get("name") for s in gold["sources"]}
        o = {normalize_name(s.get("name")): f"{s.get('name')} from {s.get('text', '?')!r}"
             for s in result.get("sources", [])}
        put("sources", *_set_score(g, o))

    if "expect_warning" in gold:
        warned = bool(result.get("warnings"))
        expected = bool(gold["expect_warning"])
        art.scores["warnings"] = Score(int(warned and expected), int(warned), int(expected))
        art.misses["warnings"] = ["a warning was expected, none given"] if expected and not warned else []
        art.false_hits["warnings"] = [f"unexpected warnings: {result.get('warnings')}"] if warned and not expected else []
    gold_claims = gold.get("claims", [])
    our_claims = result.get("claims", [])
    # trade claims: the contract's rule
    gold_trade = [c for c in gold_claims if is_trade_claim(c)]
    our_trade = [c for c in our_claims if is_trade_claim(c)]
    if "claims" in gold:
        s, m, f, _ = _list_score(
            gold_trade, our_trade, lambda g, o: trade_claim_matches(g, gold, o, result),
            lambda c: describe_claim(c, gold), lambda c: describe_claim(c, result))
        put("trade claims", s, m, f)
    # align every gold claim with one of ours, for verdicts and consistency
    claim_pairs = match_one_to_one(gold_claims, our_claims, lambda g, o: claim_matches(g, gold, o, result))
    ours_for_gold_id = {gold_claims[i].get("id"): our_claims[j].get("id") for i, j in claim_pairs}

    if "verdicts" in gold:
        # The contract scores a verdict by "the trade claim it belongs to": verdicts on
        # comparisons are not in the gold's list.
        trade_ids = {c.get("id") for c in our_claims if is_trade_claim(c)}
        our_verdicts = [v for v in result.get("verdicts", []) if v.get("claim") in trade_ids]

        def verdict_matches(g, o):
            return ours_for_gold_id.get(g.get("claim")) == o.get("claim") and g.get("status") == o.get("status")

        s, m, f, _ = _list_score(gold["verdicts"], our_verdicts, verdict_matches,
                                 lambda v: f"{v.get('claim')}: {v.get('status')}",
                                 lambda v: f"{v.get('claim')}: {v.get('status')} ({v.get('explanation', '')})")
        put("verdicts", s, m, f)
        if not our_verdicts and gold["verdicts"]:
            art.notes.append("verdicts: our output has none (scored output came from `extract`, not `check`)")
    if "consistency" in gold:
        def consistency_matches(g, o):
            mapped = {ours_for_gold_id.get(c) for c in g.get("claims", [])} - {None}
            return g.get("status", "inconsistent") == o.get("status", "inconsistent") and bool(
                mapped & set(o.get("claims", [])))

        s, m, f, _ = _list_score(gold["consistency"], result.get("consistency", []), consistency_matches,
                                 lambda c: f"{c.get('claims')} {c.get('status')}: {c.get('explanation', '')}",
                                 lambda c: f"{c.get('claims')} {c.get('status')}: {c.get('explanation', '')}")
        put("consistency", s, m, f)
    return art


# --------------------------------------------------------------------------- folders

TEXT_DIRS = ("texts", "articles")


def _text_dir(path: Path) -> Optional[Path]:
    return next((path / d for d in TEXT_DIRS if (path / d).is_dir()), None)


def is_gold_dir(path: str | Path) -> bool:
    """A folder with ``gold/*.json`` and the articles in ``texts/`` (shared
    benchmarks) or ``articles/`` (the project's ``corpus/``)."""
    path = Path(path)
    return (path / "gold").is_dir() and _text_dir(path) is not None


#: The article of gold/<name>.json is texts/<name> with the first of these suffixes found.
TEXT_SUFFIXES = (".json", ".txt", ".html", ".htm")


def load_gold_dir(path: str | Path) -> list[tuple[dict, dict]]:
    """``(article, gold)`` pairs: ``gold/<name>.json`` with ``texts/<name>.json`` (an
    article object), ``<name>.txt`` (the bare text) or ``<name>.html`` (a saved page), read
    by the reader every command uses (:mod:`extractor.pipeline.inputs`); what the article
    does not state (id, publication date) comes from the gold's ``article`` before anything
    the reader would guess. Gold files without a text are skipped; an unreadable text is a
    ValueError naming it."""
    from ..pipeline.inputs import InputError, iter_articles

    path = Path(path)
    texts = _text_dir(path)
    pairs = []
    for gold_file in sorted((path / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        if texts is None:
            continue
        found = next((texts / (gold_file.stem + s) for s in TEXT_SUFFIXES if (texts / (gold_file.stem + s)).exists()),
                     None)
        if found is None:
            continue
        meta = gold.get("article") or {}
        article = next(iter_articles([found], defaults={"id": meta.get("id"), "published": meta.get("published")}))
        if isinstance(article, InputError):
            raise ValueError(f"{article.location}: {article.message}")
        pairs.append((article, gold))
    return pairs


def _as_input(article: dict, gold: dict) -> dict:
    meta = gold.get("article") or {}
    out = {k: article.get(k) for k in ("text", "id", "url", "title", "outlet", "published")}
    out["id"] = out["id"] or meta.get("id")
    out["published"] = out["published"] or meta.get("published")
    return out


def _checked(results: Iterable, store) -> Iterable:
    from ..verify.check import check
    for r in results:
        yield check(r, store) if hasattr(r, "model_dump") else r


def checked_results(extracted: Iterable, store=None) -> list[dict]:
    """Contract dicts of ``extracted`` after the cross-check. Verdicts need figures: without
    ``store`` a temporary SQLite store seeded from ``corpus/customs`` is used, so gold
    verdicts are scored against the project's seed figures (the user's database is never
    touched)."""
    if store is None:
        import tempfile
        from ..verify.store import Store
        with tempfile.TemporaryDirectory(prefix="newsclaims-eval-") as tmp:
            with Store(f"sqlite:///{Path(tmp) / 'figures.db'}") as temp_store:
                return [r.model_dump(mode="json") if hasattr(r, "model_dump") else r
                        for r in _checked(extracted, temp_store)]
    return [r.model_dump(mode="json") if hasattr(r, "model_dump") else r for r in _checked(extracted, store)]


def evaluate_gold_dir(path: str | Path, pipeline, name: Optional[str] = None, store=None) -> tuple[BenchmarkResult, list[ArticleScore]]:
    """Extract and check every gold article (see :func:`checked_results` for the figures)."""
    started = time.perf_counter()
    pairs = load_gold_dir(path)
    extracted = pipeline.extract_many((_as_input(a, g) for a, g in pairs), clean=True)
    results = checked_results(extracted, store)
    articles = [score_gold_article(r, g) for r, (_, g) in zip(results, pairs)]
    folder = Path(path).resolve().name
    bench = BenchmarkResult(name=name or (folder if folder == "articles" else f"gold:{folder}"),
                            description=f"{len(pairs)} gold article(s), contract Scoring rules")
    totals: dict[str, Score] = {}
    for art in articles:
        for key, s in art.scores.items():
            totals[key] = totals.get(key, Score()) + s
    misses, false_hits = Counter(), Counter()
    for key in FIELDS:
        if key in totals:
            bench.rows.append(Row(bench.name, key, totals[key]))
    for art in articles:
        for key, items in art.misses.items():
            misses[key] += len(items)
        for key, items in art.false_hits.items():
            false_hits[key] += len(items)
        bench.details.extend(art.lines())
        for note in art.notes:
            if note not in bench.notes:
                bench.notes.append(note)
    bench.miss_categories = {"misses by field": misses, "false hits by field": false_hits}
    bench.articles = articles
    bench.seconds = time.perf_counter() - started
    return bench, articles


def score_gold_dir(path: str | Path, pipeline) -> Report:
    """Run ``pipeline`` on every article of a gold folder and score it (a one-benchmark :class:`Report`)."""
    started = time.perf_counter()
    bench, _ = evaluate_gold_dir(path, pipeline)
    return Report(benchmarks=[bench], seconds=time.perf_counter() - started)
