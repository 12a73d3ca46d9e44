"""The robustness sweep: every text we have, in every configuration, and no exception.

``newsclaims eval robustness`` runs the pipeline over every text under the benchmarks folder
(the gold articles, NewsQuant and Recognizers-Text sentences, TempEval-3, TimeBank + AQUAINT,
MEANTIME, PolNeAR, the Vlachos & Riedel claims, and the real-article development set when its
texts are materialized), plus generated text (:func:`generated_text`), in both amount scopes,
with the publication date given, absent, and far off (1900-01-01, 2100-12-31), and runs the
cross-check on each claims-scope result. Components catch their own errors (a bug on one
article must not lose it) and log them on the ``newsclaims`` logger; the sweep collects those
records and reports them by component and by where in the code they were raised. It must
report none.

Each text is parsed once (tokenizer, tagger, parser, NER); the newsclaims components then run
on a copy of the parsed document per configuration, which is what makes eight configurations
cost little more than one parse.
"""
from __future__ import annotations

import json
import logging
import random
import re
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from html import unescape
from pathlib import Path
from typing import Iterable, Iterator, Optional

PUBLISHED_VARIANTS: tuple[Optional[str], ...] = ("given", None, "1900-01-01", "2100-12-31")
SCOPES = ("claims", "all")


@dataclass
class SweepText:
    source: str                 # benchmark name
    id: str
    text: str
    published: Optional[date] = None
    page: bool = False          # a web page's text: cleaned first, as a user's input is


@dataclass
class Failure:
    component: str
    error: str                  # "KeyError: 'TH'"
    where: str                  # innermost frame in our code: "pipeline/periods/anaphora.py:39 _resolve_..."
    source: str
    id: str
    config: str


@dataclass
class SweepReport:
    texts: Counter = field(default_factory=Counter)     # source -> texts
    runs: int = 0
    checks: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    def by_location(self) -> list[tuple[str, str, str, int, Failure]]:
        """(component, error type, where, count, first example), most frequent first."""
        groups: dict[tuple[str, str, str], list[Failure]] = {}
        for f in self.failures:
            groups.setdefault((f.component, f.error.split(":")[0], f.where), []).append(f)
        rows = [(c, e, w, len(fs), fs[0]) for (c, e, w), fs in groups.items()]
        return sorted(rows, key=lambda r: -r[3])

    def to_dict(self) -> dict:
        return {"texts": dict(self.texts), "total_texts": sum(self.texts.values()), "runs": self.runs,
                "checks": self.checks, "exceptions": len(self.failures), "seconds": round(self.seconds, 1),
                "by_location": [{"component": c, "error": e, "where": w, "count": n,
                                 "example": {"source": f.source, "id": f.id, "config": f.config}}
                                for c, e, w, n, f in self.by_location()]}


# --------------------------------------------------------------------------- texts we have


def _parse_date(value) -> Optional[date]:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _xlsx_claims(path: Path) -> Iterator[str]:
    """The claim sentences of a Vlachos & Riedel sheet: shared strings with a <location> slot,
    tags dropped and PTB brackets restored (their README's parsing note)."""
    with zipfile.ZipFile(path) as z:
        shared = z.read("xl/sharedStrings.xml").decode("utf-8")
    for raw in re.findall(r"<t[^>]*>(.*?)</t>", shared, re.S):
        text = unescape(raw)
        if "<location>" not in text:
            continue
        text = re.sub(r"</?(?:location|number)>", "", text)
        yield text.replace("-LRB-", "(").replace("-RRB-", ")").replace("-LSB-", "[").replace("-RSB-", "]")


def benchmark_texts(root: Path, real_texts: Optional[Path] = None) -> Iterator[SweepText]:
    """Every text under the benchmarks folder ``root`` (and the real articles in ``real_texts``)."""
    from . import meantime, newsquant, polnear, tempeval
    from .gold import load_gold_dir

    root = Path(root)
    if (root / "articles").is_dir():
        for i, (article, gold) in enumerate(load_gold_dir(root / "articles")):
            yield SweepText("articles", str(article.get("id") or i), article["text"],
                            _parse_date(article.get("published") or (gold.get("article") or {}).get("published")))
    nq = root / "newsquant" / "NewsQuant.json"
    if nq.exists():
        for i, s in enumerate(newsquant.load_cqe_file(nq)):
            yield SweepText("newsquant", str(i), s.text)
    for f in sorted((root / "recognizers_text_cqe").glob("*.json")):
        for i, s in enumerate(newsquant.load_cqe_file(f)):
            yield SweepText(f"recognizers:{f.stem}", str(i), s.text)
    for name in ("tempeval3_platinum", "tbaq_cleaned"):
        folder = root / name
        if folder.is_dir():
            for tml in sorted(folder.rglob("*.tml")):
                doc = tempeval.parse_timeml(tml)
                yield SweepText(name, tml.stem, doc.text, doc.dct)
    if (root / "meantime_en").is_dir():
        for doc in meantime.load_meantime_dir(root / "meantime_en"):
            yield SweepText("meantime", doc.id, doc.text, doc.dct)
    if (root / "polnear").is_dir():
        for doc in polnear.load_polnear_dir(root / "polnear"):
            yield SweepText("polnear", doc.id, doc.text, doc.published)
    for f in sorted((root / "vlachos_riedel_2015_statclaims" / "labeled_claims").glob("*.xlsx")):
        for i, text in enumerate(_xlsx_claims(f)):
            yield SweepText("vlachos_riedel", f"{f.stem}:{i}", text)
    if real_texts is not None and Path(real_texts).is_dir():
        for f in sorted(Path(real_texts).glob("*.json")):
            article = json.loads(f.read_text(encoding="utf-8"))
            yield SweepText("real_articles", str(article.get("id") or f.stem), article["text"],
                            _parse_date(article.get("published")), page=True)


# --------------------------------------------------------------------------- generated text

_PARTIES = ["North Korea", "China", "Pyongyang", "Beijing", "the North", "South Korea", "Russia", "the US",
            "Japan", "the European Union", "its neighbour", "the two countries", "Seoul"]
_VERBS = ["exported", "imported", "shipped", "bought", "sold", "rose", "fell", "jumped", "slumped",
          "reached", "totaled", "climbed", "dropped", "grew", "edged up", "was down", "more than doubled"]
_GOODS = ["goods", "wigs and false eyelashes", "soybean oil", "rice", "coal", "iron ore", "crude",
          "semiconductors", "plastic bags", "zero - coupon bonds", "hair products"]
_CUES = ["according to China's customs", "the data showed", "customs data showed", "officials said",
         "said the ministry", "Yonhap reported", "citing data from the General Administration of Customs",
         "— a spokesman", "the ministry warned of", "he said"]
_PERIODS = ["in September", "last month", "a year earlier", "on 1 May that year", "that year",
            "in the first half", "January-February combined", "three hours earlier", "two th earlier",
            "the same period last year", "in Q3 2024", "since December 2019", "over six years",
            "between 2019 and 2021", "from a year ago", "on-year", "on a month-to-month basis",
            "in the 2020s", "the previous month", "this week", "on Friday", "in mid-2023", "FY2025",
            "the past three months", "in the 1990s", "on 31/12/2024", "2024-03-21", "that day",
            "the month before", "18-24 months", "a ten year deal", "in the coming weeks"]
_PUNCT = [" ", " ", " ", "\u00a0", "\u2009", " – ", " — ", ", ", "; ", " (", ") ", " “", "” ", "’", " … ", "\n\n"]


def _number(rng: random.Random) -> str:
    """A number in one of the ways news writes them."""
    forms = [
        lambda: f"${rng.randint(1, 999)}.{rng.randint(0, 9)} million",
        lambda: f"{rng.randint(1, 99)},{rng.randint(0, 999):03d}",
        lambda: f"US${rng.randint(1, 999)}m",
        lambda: f"{rng.randint(0, 99)}.{rng.randint(0, 99)}%",
        lambda: f"{rng.choice(['twelve', 'two', 'zero', 'nine', 'forty-one'])}-point-{rng.randint(0, 99)} million dollars",
        lambda: rng.choice(["zero", "one", "a dozen", "half a million", "a quarter of a billion", "three-quarters",
                            "two-thirds of", "tens of thousands of", "1/16 of a", "~40", "−3.5", "+0.2"]),
        lambda: f"{rng.randint(1, 9)}-{rng.randint(10, 99)} {rng.choice(['tonnes', 'barrels', 'km', 'TH', 'sq m'])}",
        lambda: f"{rng.randint(1, 50)} {rng.choice(['percent', 'percentage points', 'basis points', 'times'])}",
        lambda: f"¥{rng.randint(1, 900)}bn",
        lambda: f"{rng.randint(1, 9)}.{rng.randint(0, 9)} trillion yuan",
        lambda: f"{rng.randint(1, 5)}-fold",
        lambda: str(rng.randint(1900, 2100)),
    ]
    return rng.choice(forms)()


def generated_text(rng: random.Random) -> str:
    """A text made of trade-news pieces in random order and case, with unicode punctuation,
    cut anywhere: not sensible copy, but every shape a rule may meet next to another."""
    pieces: list[str] = []
    for _ in range(rng.randint(1, 14)):
        kind = rng.random()
        if kind < 0.25:
            pieces.append(_number(rng))
        elif kind < 0.45:
            pieces.append(rng.choice(_PERIODS))
        elif kind < 0.6:
            pieces.append(rng.choice(_PARTIES))
        elif kind < 0.72:
            pieces.append(rng.choice(_VERBS))
        elif kind < 0.8:
            pieces.append(rng.choice(_GOODS))
        elif kind < 0.88:
            pieces.append(rng.choice(_CUES))
        else:
            pieces.append(rng.choice([".", ",", "worth", "of", "to", "from", "between", "and", "than",
                                      "more than", "nearly", "up to", "respectively", "compared with"]))
        pieces.append(rng.choice(_PUNCT))
    text = "".join(pieces)
    case = rng.random()
    if case < 0.15:
        text = text.upper()
    elif case < 0.3:
        text = text.lower()
    if rng.random() < 0.4:
        text = text[: rng.randint(1, max(1, len(text)))]
    return text if text.strip() else "0"


def generated_texts(n: int, seed: int = 0) -> Iterator[SweepText]:
    rng = random.Random(seed)
    for i in range(n):
        yield SweepText("generated", str(i), generated_text(rng), date(2024, 3, 21))


# --------------------------------------------------------------------------- the sweep


class _Collector(logging.Handler):
    """Keeps the error records the components and the check log while one run is under way."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _where(exc_info) -> str:
    """The innermost frame of the traceback that is in newsclaims' own code."""
    frames = traceback.extract_tb(exc_info[2]) if exc_info and exc_info[2] else []
    ours = [f for f in frames if "/extractor/" in f.filename.replace("\\", "/")]
    frame = (ours or frames or [None])[-1]
    if frame is None:
        return "?"
    path = frame.filename.replace("\\", "/").split("/extractor/")[-1]
    return f"{path}:{frame.lineno} {frame.name}"


def _component_of(record: logging.LogRecord) -> str:
    return getattr(record, "component", None) or ("check" if "check" in record.getMessage() else record.name)


def sweep(texts: Iterable[SweepText], *, model: Optional[str] = None, check: bool = True,
          progress=None) -> SweepReport:
    """Run every configuration on every text; collect what the components log as failed."""
    from extractor.pipeline.amounts import AmountRecognizer
    from extractor.pipeline.extraction import COMPONENTS, Pipeline, _Prepared
    from extractor.verify.check import check as check_result
    from extractor.verify.store import Store

    started = time.perf_counter()
    pipeline = Pipeline(model)
    nlp = pipeline.nlp
    components = {"claims": [nlp.get_pipe(n) for n in COMPONENTS]}
    components["all"] = [AmountRecognizer(nlp, "newsclaims_amounts", scope="all")] + components["claims"][1:]
    report = SweepReport()
    collector = _Collector()
    logger = logging.getLogger("newsclaims")
    logger.addHandler(collector)
    tmp = tempfile.TemporaryDirectory()
    store = Store(f"sqlite:///{tmp.name}/sweep.db") if check else None

    def record_failures(item: SweepText, config: str) -> None:
        for record in collector.records:
            error = record.exc_info[1] if record.exc_info else None
            what = f"{type(error).__name__}: {error}" if error is not None else record.getMessage()
            report.failures.append(Failure(_component_of(record), what[:200], _where(record.exc_info),
                                           item.source, item.id, config))
        collector.records.clear()

    try:
        def prepared_stream():
            for item in texts:
                try:
                    prepared = pipeline.prepare(item.text, published=None, id=item.id, clean=item.page)
                except Exception as error:  # an input error (empty, too long) is not a crash
                    from extractor.pipeline.articles import ExtractionError
                    if not isinstance(error, ExtractionError):
                        report.failures.append(Failure("prepare", f"{type(error).__name__}: {error}"[:200],
                                                       _where((type(error), error, error.__traceback__)),
                                                       item.source, item.id, "-"))
                    continue
                record_failures(item, "prepare")
                yield item, prepared

        stream = prepared_stream()
        pairs: list = []

        def docs():
            for item, prepared in stream:
                pairs.append((item, prepared))
                yield pipeline._doc(prepared)

        with nlp.select_pipes(disable=list(COMPONENTS)):
            parsed = nlp.pipe(docs(), batch_size=64)
            for base in parsed:
                item, prepared = pairs.pop(0)
                report.texts[item.source] += 1
                for scope in SCOPES:
                    for variant in PUBLISHED_VARIANTS:
                        published = item.published if variant == "given" else _parse_date(variant)
                        config = f"{scope}/published={variant if variant != 'given' else item.published}"
                        doc = base.copy()
                        doc._.published = published
                        doc._.warnings = list(prepared.warnings)
                        try:
                            for component in components[scope]:
                                doc = component(doc)
                            article = prepared.article.model_copy(update={"published": published})
                            result = pipeline._result(_Prepared(article, prepared.warnings), doc)
                            if store is not None and scope == "claims":
                                check_result(result, store)
                                report.checks += 1
                        except Exception as error:  # noqa: BLE001  (what isolation missed: a crash)
                            report.failures.append(Failure("pipeline", f"{type(error).__name__}: {error}"[:200],
                                                           _where((type(error), error, error.__traceback__)),
                                                           item.source, item.id, config))
                        report.runs += 1
                        record_failures(item, config)
                if progress is not None:
                    progress(report)
    finally:
        logger.removeHandler(collector)
        tmp.cleanup()
    report.seconds = time.perf_counter() - started
    return report


def render(report: SweepReport) -> str:
    lines = [f"robustness sweep: {sum(report.texts.values()):,} texts x {len(SCOPES) * len(PUBLISHED_VARIANTS)} "
             f"configurations = {report.runs:,} runs, {report.checks:,} cross-checks, "
             f"{len(report.failures)} exception(s), {report.seconds:.0f} s"]
    lines += [f"  {source}: {n:,} texts" for source, n in sorted(report.texts.items())]
    for component, error, where, count, example in report.by_location():
        lines.append(f"  {count:5d}  {component}  {error}  at {where}  (e.g. {example.source}:{example.id} "
                     f"{example.config})")
    return "\n".join(lines)


def run_robustness(benchmarks: Optional[Path] = None, *, model: Optional[str] = None, generated: int = 2000,
                   as_json: bool = False) -> int:
    """``newsclaims eval robustness``: 0 when no exception was logged, 1 otherwise."""
    import sys

    from .suite import DEFAULT_BENCHMARKS, REPO_ROOT

    root = Path(benchmarks) if benchmarks else DEFAULT_BENCHMARKS
    if not root.is_dir():
        print(f"Error: no benchmarks folder at {root}", file=sys.stderr)
        return 2

    def texts():
        yield from benchmark_texts(root, REPO_ROOT / "corpus" / "real" / "texts")
        yield from project_corpus_texts(REPO_ROOT / "corpus")
        yield from generated_texts(generated)

    def progress(report: SweepReport) -> None:
        n = sum(report.texts.values())
        if n % 500 == 0:
            print(f"  {n:,} texts, {len(report.failures)} exception(s) so far", file=sys.stderr)

    report = sweep(texts(), model=model, progress=None if as_json else progress)
    print(json.dumps(report.to_dict(), indent=2) if as_json else render(report))
    return 1 if report.failures else 0


def project_corpus_texts(corpus: Path) -> Iterator[SweepText]:
    """The sample articles written for this project (``corpus/articles``)."""
    for f in sorted((Path(corpus) / "articles").glob("*.json")):
        article = json.loads(f.read_text(encoding="utf-8"))
        yield SweepText("corpus", str(article.get("id") or f.stem), article["text"],
                        _parse_date(article.get("published")))
