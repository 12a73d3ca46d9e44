"""Running the pipeline and the baselines over every benchmark, into one :class:`Report`.

Each ``evaluate_*`` function takes the benchmark folder, a loaded pipeline
(``extract_many`` with ``clean=False`` so offsets index the benchmark's own
text), the baseline names and the :class:`EvalOptions`, and returns a
:class:`BenchmarkResult`.

Folds (``--folds N``, issue 14): the pipeline runs once over the whole set and each
benchmark's scorer is run again on every fold's part. The split is a fixed rule:
document ``i`` (sentence ``i`` for the sentence-level sets NewsQuant and
Recognizers-Text; the order of the files as listed) goes to fold ``i mod N``, so
fold 1 holds the 1st, 3rd, 5th ... item. real_articles alternates by article id.
Baselines are not split.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from . import gold as gold_mod
from . import meantime, newsquant, polnear, real_articles, tempeval
from . import baselines as bl
from .matching import Score
from .report import BenchmarkResult, Report, Row, scored
from .running import extract_all, failure_notes

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_BENCHMARKS = REPO_ROOT.parent / "shared" / "benchmarks"


@dataclass
class EvalOptions:
    """Options some benchmarks read: ``folds`` (0 = no split), where the real articles'
    texts are, and where their misses and PolNeAR's go (None = not written)."""

    folds: int = 0
    real_texts: Optional[Path] = None
    misses: Optional[Path] = None
    polnear_misses: Optional[Path] = None


class BaselineModels:
    """The spaCy model for the ``spacy`` baseline, loaded on first use, once."""

    def __init__(self, model: Optional[str] = None):
        self.model = model
        self._nlp = None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = bl.load_spacy(self.model)
        return self._nlp

    def docs(self, texts: Sequence[str]) -> list:
        return bl.spacy_docs(self.nlp, texts)

    def every_quantity_pipeline(self):
        """Our pipeline with amount scope "all": the quantity benchmarks count every quantity."""
        from extractor.pipeline.extraction import cached_pipeline

        return cached_pipeline(self.model, "all")


def run_pipeline(pipeline, inputs: Iterable[dict], clean: bool = False,
                 failures: Optional[list[str]] = None) -> list[dict]:
    """Contract dicts for ``inputs`` (dicts with text/published/id), in order; an empty result
    where the pipeline raised (see :func:`.running.extract_all`)."""
    inputs = list(inputs)
    out = []
    for item, r in zip(inputs, extract_all(pipeline, inputs, clean=clean, failures=failures)):
        if r is None:
            r = {"article": {"id": item.get("id")}, "amounts": [], "periods": [], "actors": [], "sources": [],
                 "claims": []}
        out.append(r.model_dump(mode="json") if hasattr(r, "model_dump") else r)
    return out


def _rows(name: str, metrics: Sequence[str], ours: dict, baseline_scores: dict[str, dict]) -> list[Row]:
    return [Row(name, m, ours.get(m), {b: s.get(m) for b, s in baseline_scores.items()}) for m in metrics]


def fold_parts(n: int, folds: int) -> list[list[int]]:
    """The item indexes of each fold: item ``i`` goes to fold ``i mod folds``."""
    return [list(range(k, n, folds)) for k in range(folds)]


def attach_folds(rows: Sequence[Row], folds: int, n: int, score_part: Callable[[list[int]], dict]) -> None:
    """Give every row its per-fold scores: ``score_part(indexes)`` scores the items at
    ``indexes`` and returns ``{metric: Score}`` (no split below two folds)."""
    if folds < 2:
        return
    per_fold = [score_part(part) for part in fold_parts(n, folds)]
    for row in rows:
        row.folds = [Row(row.benchmark, row.metric, scored(scores.get(row.metric)), headline=row.headline)
                     for scores in per_fold]


def _pick(items: Sequence, indexes: Sequence[int]) -> list:
    return [items[i] for i in indexes]


# --------------------------------------------------------------------------- quantities

def _evaluate_cqe(name: str, path: Path, pipeline, baselines: Sequence[str], models: BaselineModels,
                  metrics: Sequence[str], with_change: bool, description: str, folds: int = 0) -> BenchmarkResult:
    started = time.perf_counter()
    sentences = newsquant.load_cqe_file(path)
    inputs = [{"text": s.text, "published": None, "id": f"{name}-{i}"} for i, s in enumerate(sentences)]
    # The benchmark counts every quantity in a sentence, so it scores the amount scope "all"; the
    # default scope "claims" (checkable amounts only) is reported beside it, without a target.
    if getattr(pipeline, "amount_scope", "claims") != "all":
        claims_results = run_pipeline(pipeline, inputs)
        pipeline = models.every_quantity_pipeline()
    else:
        claims_results = None
    results = run_pipeline(pipeline, inputs)
    predicted = [newsquant.quantities_from_result(r) for r in results]
    ours = newsquant.score_cqe(sentences, predicted, metrics, with_change)
    base: dict[str, dict] = {}
    if "quantulum3" in baselines:
        base["quantulum3"] = newsquant.score_cqe(
            sentences, [bl.quantulum3_quantities(s.text) for s in sentences], metrics, with_change=False).scores
    if "spacy" in baselines:
        docs = models.docs([s.text for s in sentences])
        base["spacy"] = newsquant.score_cqe(sentences, [bl.spacy_quantities(d) for d in docs], metrics,
                                            with_change=False).scores
    n_gold = sum(len(s.quantities) for s in sentences)
    rows = _rows(name, metrics, ours.scores, base)
    for row in rows:
        row.note = "amount scope all"
    claims_predicted = None
    if claims_results is not None:
        claims_predicted = [newsquant.quantities_from_result(r) for r in claims_results]
        claims = newsquant.score_cqe(sentences, claims_predicted, metrics, with_change)
        rows += [Row(name, f"{m} (scope claims)", claims.scores.get(m), {}, "default scope: checkable amounts only")
                 for m in metrics]

    def score_part(part: list[int]) -> dict:
        scores = dict(newsquant.score_cqe(_pick(sentences, part), _pick(predicted, part), metrics, with_change).scores)
        if claims_predicted is not None:
            scores.update({f"{m} (scope claims)": s for m, s in newsquant.score_cqe(
                _pick(sentences, part), _pick(claims_predicted, part), metrics, with_change).scores.items()})
        return scores

    attach_folds(rows, folds, len(sentences), score_part)
    bench = BenchmarkResult(name, f"{len(sentences)} sentences, {n_gold} quantities ({description}; amount scope all)",
                            rows, ours.misses, [], ours.details)
    if not with_change:
        bench.notes.append("no change annotation in this set: value and value+unit only")
    bench.seconds = time.perf_counter() - started
    return bench


def evaluate_newsquant(path: Path, pipeline, baselines: Sequence[str], models: BaselineModels,
                       options: Optional[EvalOptions] = None) -> BenchmarkResult:
    path = Path(path)
    file = path / "NewsQuant.json" if path.is_dir() else path
    return _evaluate_cqe("newsquant", file, pipeline, baselines, models, newsquant.METRICS, True,
                         "CQE scoring, newsquant/README.md", (options or EvalOptions()).folds)


def evaluate_recognizers(path: Path, pipeline, baselines: Sequence[str], models: BaselineModels,
                         options: Optional[EvalOptions] = None) -> list[BenchmarkResult]:
    files = [Path(path)] if Path(path).is_file() else sorted(Path(path).glob("*-model.json"))
    return [_evaluate_cqe(f"recognizers:{f.name.removesuffix('-model.json')}", f, pipeline, baselines, models,
                          ("value", "value+unit"), False, "Recognizers-Text spec in CQE format",
                          (options or EvalOptions()).folds)
            for f in files]


# --------------------------------------------------------------------------- time

def _evaluate_timeml(name: str, docs: list, pipeline, baselines: Sequence[str], models: BaselineModels,
                     options: Optional[EvalOptions], without_present_ref: bool = False) -> BenchmarkResult:
    """TIMEX3 extent and value over TimeML documents (TE3 Task A scoring, see :mod:`.tempeval`);
    with ``without_present_ref``, extent and value again without the gold PRESENT_REF timexes."""
    started = time.perf_counter()
    failures: list[str] = []
    results = run_pipeline(pipeline, ({"text": d.text, "published": d.dct, "id": d.id} for d in docs),
                           failures=failures)
    predicted = [tempeval.timexes_from_result(r) for r in results]

    def score(docs_part: list, predicted_part: list) -> dict:
        scores = dict(tempeval.score_timexes(docs_part, predicted_part).scores)
        if without_present_ref:
            kept = tempeval.score_timexes(*tempeval.without_value(docs_part, predicted_part)).scores
            scores.update({tempeval.without_present_ref(m): kept[m] for m in tempeval.METRICS_WITHOUT_PRESENT_REF})
        return scores

    ours = tempeval.score_timexes(docs, predicted)
    metrics = list(tempeval.METRICS)
    if without_present_ref:
        metrics += [tempeval.without_present_ref(m) for m in tempeval.METRICS_WITHOUT_PRESENT_REF]
    base: dict[str, dict] = {}
    if "dateparser" in baselines:
        base["dateparser"] = tempeval.score_timexes(docs, [bl.dateparser_timexes(d.text, d.dct) for d in docs]).scores
    if "spacy" in baselines and name != "tbaq":
        spacy_docs = models.docs([d.text for d in docs])
        scores = tempeval.score_timexes(docs, [bl.spacy_dates(d) for d in spacy_docs], with_values=False).scores
        base["spacy"] = {m: scores[m] for m in ("extent strict", "extent relaxed")}
    n = sum(len(d.timexes) for d in docs)
    bench = BenchmarkResult(name, f"{len(docs)} documents, {n} TIMEX3 in TEXT (TE3 Task A scoring)",
                            _rows(name, metrics, score(docs, predicted), base), ours.misses, [], ours.details)
    attach_folds(bench.rows, (options or EvalOptions()).folds, len(docs),
                 lambda part: score(_pick(docs, part), _pick(predicted, part)))
    bench.notes.append("value F1 counts a relaxed extent match with an identical TIMEX3 value; ours from "
                       "Period.value or timex_value(from/to/granularity/duration)")
    bench.notes.extend(failure_notes(failures))
    bench.seconds = time.perf_counter() - started
    return bench


def evaluate_tempeval(path: Path, pipeline, baselines: Sequence[str], models: BaselineModels,
                      options: Optional[EvalOptions] = None) -> BenchmarkResult:
    """TempEval-3 Platinum, also without PRESENT_REF (as tbaq): the set is small, and its "now"s
    fall unevenly on the two folds, so without those rows the fold gap would mostly show that
    design decision, not how the rules generalise."""
    docs = tempeval.load_tempeval_dir(path)
    bench = _evaluate_timeml("tempeval3", docs, pipeline, baselines, models, options, without_present_ref=True)
    bench.notes.append(_present_ref_note(docs))
    return bench


def _present_ref_note(docs: list) -> str:
    present = sum(1 for d in docs for t in d.timexes if tempeval.normalize_value(t.value) == tempeval.PRESENT_REF)
    return (f"{present} gold timexes are PRESENT_REF ('now', 'currently'), which newsclaims leaves "
            "out of periods by design; the rows 'without PRESENT_REF' drop them from the gold "
            "(and ours overlapping them) to show that decision's cost")


def evaluate_tbaq(path: Path, pipeline, baselines: Sequence[str], models: BaselineModels,
                  options: Optional[EvalOptions] = None) -> BenchmarkResult:
    """TBAQ-cleaned (TimeBank + AQUAINT, TempEval-3's training gold): the TempEval adapter's
    definitions, plus the rows without PRESENT_REF. The spaCy baseline is left out here: it
    would add half a minute to ``eval all`` for the figure the platinum set already gives."""
    docs = tempeval.load_timeml_tree(path)
    bench = _evaluate_timeml("tbaq", docs, pipeline, baselines, models, options, without_present_ref=True)
    bench.notes.append(_present_ref_note(docs))
    if "spacy" in baselines:
        bench.notes.append("spaCy baseline not run on tbaq (time); see tempeval3 for it")
    return bench


# --------------------------------------------------------------------------- entities

def evaluate_meantime(path: Path, pipeline, baselines: Sequence[str], models: BaselineModels,
                      options: Optional[EvalOptions] = None) -> BenchmarkResult:
    started = time.perf_counter()
    docs = meantime.load_meantime_dir(path)
    results = run_pipeline(pipeline, ({"text": d.text, "published": d.dct, "id": d.id} for d in docs))
    predicted_mentions = [meantime.mentions_from_result(r) for r in results]
    ours = meantime.score_mentions(docs, predicted_mentions)
    metrics = list(ours.scores)
    base: dict[str, dict] = {}
    if "spacy" in baselines:
        predicted = []
        for doc in models.docs([d.text for d in docs]):
            mentions = [meantime.Mention(c, s, e, doc.text[s:e]) for c, s, e in bl.spacy_entities(doc)]
            mentions += [meantime.Mention(lab, e.start_char, e.end_char, e.text)
                         for e in doc.ents for lab in [{"DATE": "date", "MONEY": "money", "PERCENT": "percent"}.get(e.label_)]
                         if lab]
            mentions += [meantime.Mention("source", s["start"], s["end"], s["text"]) for s in bl.spacy_sources(doc)]
            predicted.append(mentions)
        base["spacy"] = meantime.score_mentions(docs, predicted, with_date_values=False).scores
    bench = BenchmarkResult("meantime", f"{len(docs)} documents, {sum(len(d.mentions) for d in docs)} gold mentions "
                            "(span overlap; named mentions for person/organization/place)",
                            _rows("meantime", metrics, ours.scores, base), ours.misses, [], ours.details)
    attach_folds(bench.rows, (options or EvalOptions()).folds, len(docs),
                 lambda part: meantime.score_mentions(_pick(docs, part), _pick(predicted_mentions, part)).scores)
    bench.notes.append("place = country actors only (newsclaims has no city/region actors); "
                       "source gold = Arg0 of 'said'-type SPEECH_COGNITIVE events, pronouns included")
    bench.seconds = time.perf_counter() - started
    return bench


def evaluate_polnear(path: Path, pipeline, baselines: Sequence[str], models: BaselineModels,
                     options: Optional[EvalOptions] = None) -> BenchmarkResult:
    started = time.perf_counter()
    articles = polnear.load_polnear_dir(path)
    results = run_pipeline(pipeline, ({"text": a.text, "published": a.published, "id": a.id} for a in articles))
    predicted = [polnear.spans_from_result(r) for r in results]
    ours = polnear.score_attributions(articles, predicted)
    metrics = ("source overlap", "cue overlap")
    base: dict[str, dict] = {}
    if "spacy" in baselines:
        docs = models.docs([a.text for a in articles])
        base["spacy"] = polnear.score_attributions(
            articles, [polnear.spans_from_baseline(bl.spacy_sources(d)) for d in docs]).scores
    bench = BenchmarkResult("polnear", f"{len(articles)} articles (first annotator), "
                            f"{sum(len(a.spans) for a in articles)} Source/Cue spans",
                            _rows("polnear", metrics, ours.scores, base), ours.misses, [], ours.details)
    attach_folds(bench.rows, (options or EvalOptions()).folds, len(articles),
                 lambda part: polnear.score_attributions(_pick(articles, part), _pick(predicted, part)).scores)
    bench.notes.append("cue spans: cue_start/cue_end if our sources have them, else the cue string nearest the source")
    if options is not None and options.polnear_misses is not None:
        polnear.write_misses(options.polnear_misses, articles, predicted, options.folds)
        bench.notes.append(f"misses written to {options.polnear_misses} (article text: never commit it)")
    bench.seconds = time.perf_counter() - started
    return bench


def evaluate_gold(path: Path, pipeline, baselines: Sequence[str], models: BaselineModels,
                  options: Optional[EvalOptions] = None) -> BenchmarkResult:
    bench, articles = gold_mod.evaluate_gold_dir(path, pipeline)

    def score_part(part: list[int]) -> dict:
        totals: dict = {}
        for art in _pick(articles, part):
            for key, score in art.scores.items():
                totals[key] = totals.get(key, Score()) + score
        return totals

    attach_folds(bench.rows, (options or EvalOptions()).folds, len(articles), score_part)
    return bench


def evaluate_real_articles(path: Path, pipeline, baselines: Sequence[str], models: BaselineModels,
                           options: Optional[EvalOptions] = None) -> BenchmarkResult:
    options = options or EvalOptions()
    return real_articles.evaluate_real_articles(path, pipeline, texts_dir=options.real_texts,
                                                misses_path=options.misses, folds=options.folds)


# --------------------------------------------------------------------------- discovery

def benchmark_kind(path: Path) -> Optional[str]:
    """What kind of benchmark a folder (or file) is, from its layout."""
    path = Path(path)
    if path.is_file():
        if path.suffix == ".tml":
            return "tempeval"
        if path.name.endswith("-model.json"):
            return "recognizers"
        if path.suffix == ".json":
            return "newsquant"
        return None
    if real_articles.is_real_articles_dir(path) and not gold_mod.is_gold_dir(path):
        return "real_articles"
    if gold_mod.is_gold_dir(path):
        return "gold"
    if (path / "NewsQuant.json").exists():
        return "newsquant"
    if any(path.glob("*-model.json")):
        return "recognizers"
    if any(path.glob("*.tml")):
        return "tempeval"
    if any(path.glob("*/*.tml")):
        return "tbaq"
    if (path / "intra_cross-doc_annotation").is_dir() or any(path.glob("corpus_*")):
        return "meantime"
    if (path / "attributions").is_dir() or (path / "dev" / "attributions").is_dir():
        return "polnear"
    return None


EVALUATORS: dict[str, Callable] = {
    "gold": evaluate_gold, "newsquant": evaluate_newsquant, "recognizers": evaluate_recognizers,
    "tempeval": evaluate_tempeval, "meantime": evaluate_meantime, "polnear": evaluate_polnear,
    "real_articles": evaluate_real_articles, "tbaq": evaluate_tbaq,
}
ORDER = ("gold", "real_articles", "newsquant", "recognizers", "tempeval", "tbaq", "meantime", "polnear")


def find_benchmarks(root: Path) -> list[tuple[str, Path]]:
    """Every benchmark folder directly under ``root``, in a fixed order."""
    found = [(benchmark_kind(p), p) for p in sorted(Path(root).iterdir()) if p.is_dir()]
    found = [(k, p) for k, p in found if k]
    return sorted(found, key=lambda kp: (ORDER.index(kp[0]), kp[1].name))


def resolve_targets(target: str, benchmarks_dir: Optional[Path] = None) -> list[tuple[str, Path]]:
    """``all`` = the project's own gold ``corpus/`` (when present, and no
    ``--benchmarks`` given) plus every benchmark under the benchmarks folder."""
    if target == "all":
        root = Path(benchmarks_dir) if benchmarks_dir else DEFAULT_BENCHMARKS
        if not root.is_dir():
            raise FileNotFoundError(f"no benchmarks folder at {root} (use --benchmarks DIR)")
        found = find_benchmarks(root)
        corpus = REPO_ROOT / "corpus"
        if benchmarks_dir is None and gold_mod.is_gold_dir(corpus):
            found.insert(0, ("gold", corpus))
        return found
    path = Path(target)
    if not path.exists() and benchmarks_dir and (Path(benchmarks_dir) / target).exists():
        path = Path(benchmarks_dir) / target
    if not path.exists() and (DEFAULT_BENCHMARKS / target).exists():
        path = DEFAULT_BENCHMARKS / target
    if not path.exists():
        raise FileNotFoundError(f"{target}: no such file, folder or benchmark name")
    kind = benchmark_kind(path)
    if kind:
        return [(kind, path)]
    found = find_benchmarks(path) if path.is_dir() else []
    if not found:
        raise ValueError(f"{path}: not a gold-article folder nor a known benchmark")
    return found


def evaluate(target: str = "all", pipeline=None, baselines: Sequence[str] = bl.NAMES,
             benchmarks_dir: Optional[Path] = None, model: Optional[str] = None,
             progress: Optional[Callable[[str], None]] = None, options: Optional[EvalOptions] = None) -> Report:
    """Score ``pipeline`` (default: ``extractor.Pipeline(model)``) on ``target``:
    ``"all"``, a benchmark folder, or a gold-article folder."""
    options = options or EvalOptions()
    started = time.perf_counter()
    targets = resolve_targets(target, benchmarks_dir)
    if pipeline is None:
        from extractor import Pipeline

        pipeline = Pipeline(model=model) if model else Pipeline()
    models = BaselineModels(model)
    report = Report(baselines=list(baselines), folds=options.folds if options.folds >= 2 else 0)
    for kind, path in targets:
        if progress:
            progress(f"{kind}: {path}")
        out = EVALUATORS[kind](path, pipeline, baselines, models, options)
        report.benchmarks.extend(out if isinstance(out, list) else [out])
    report.seconds = time.perf_counter() - started
    return report
