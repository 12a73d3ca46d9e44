"""From an article to the claims contract: cleaning, spaCy, assembly.

``Pipeline`` loads the spaCy model once and adds newsclaims' components to it;
``extract`` is the one-article convenience over a shared default pipeline.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from models import Article, Extraction

from .extensions import add_warning, failure_warning  # (importing it registers Doc._.amounts & co.)
from .articles import (  # noqa: F401  (re-exported: the public names of an article's checks)
    AMOUNT_SCOPES, ARTICLE_FIELDS, MAX_CHARS, ExtractionError, article_id, decode_text, parse_published, site_state, url_month)
from .cleaning import clean_text
from .lexicon import load_table
from .nlp import load_model

# Importing the modules registers their @Language.factory components.
from . import amounts, periods, actors, sources, claims, segmentation, span_group  # noqa: E402,F401

COMPONENTS = (
    "newsclaims_amounts",
    "newsclaims_periods",
    "newsclaims_actors",
    "newsclaims_sources",
    "newsclaims_claims",
    "newsclaims_spans",   # doc.spans["newsclaims"] for displaCy; the contract does not read it
)

# A few of the most frequent English function words: news text in English has
# one of them in every four or five words; other languages next to none.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on was with as by at from it said has have are were be this".split()
)


logger = logging.getLogger("newsclaims")

#: ``Doc.user_data`` key of an article's place in the input: spaCy drops a document whose
#: component raised from ``nlp.pipe``'s output, and the place says which one is missing.
_PLACE = "newsclaims_place"


@dataclass
class _Prepared:
    article: Article
    warnings: list[str]


def _english_warning(text: str) -> str | None:
    words = text.lower().split()[:400]
    if len(words) < 20:
        return None
    share = sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)
    if share < 0.04:
        return (f"text does not look like English (only {share:.0%} English function words); "
                "newsclaims reads English news, results may be empty or wrong")
    return None


#: spaCy's English tokenizer keeps these as abbreviations ("m." as an initial), so "rose to €700m.
#: Exports to ..." stays one sentence and the figure loses its scale: after a number they are the
#: scales of money (million, billion, thousand) and the period ends the sentence.
_SCALE_LETTERS = ("m.", "b.", "k.")


#: commodity and market copy abbreviates its comparisons "y-o-y", "m-o-m", "q-o-q": one token each, so
#: that "up 4.1% y-o-y. Sales to Peru ..." ends its sentence at the full stop (split into letters,
#: "y." reads as an initial and the next sentence runs on)
_COMPARISON_ABBREVIATIONS = tuple(f"{a}-{o}-{a}" for x in "ymqw" for a, o in ((x, "o"), (x.upper(), "o"), (x.upper(), "O")))


#: "U.S.-China trade", "U.S.-bound exports", "U.K.-based": a hyphen or dash after an abbreviation's
#: period joins two words the English infixes leave as one token, so the state is never read
_HYPHEN_AFTER_AN_ABBREVIATION = r"(?<=[A-Z]\.)[-–—](?=[A-Za-z])"
#: "NZ$318 million($205 million)": a bracket opened right after a word, on a sum, the space dropped
_BRACKET_AFTER_A_WORD = r"(?<=[a-z])\((?=[$€£¥]|[A-Z]{1,3}\$|\d)"
#: "rose by 0.1%to RM6.11 billion": a percent sign glued to the next word, the space dropped
_PERCENT_BEFORE_A_WORD = r"(?<=\d)%(?=[a-z])"


def _currency_abbreviations() -> tuple[str, ...]:
    """The currency abbreviations written with a full stop ("Kshs. 85 billion"; amounts.json
    ``written_currency_abbreviations``): one token each, so that the stop neither ends the sentence
    nor parts the currency from its figure."""
    return tuple(a for a in load_table("amounts.json")["written_currency_abbreviations"] if a.endswith("."))


def _re_trade_words() -> tuple[str, ...]:
    """'re-exports', 'Re-imports' (trade_lexicon.json ``re_trade_words``): one token each, as written
    and capitalized, so that the hyphen does not part 're' from the trade word."""
    words = load_table("trade_lexicon.json")["re_trade_words"]["words"]
    return tuple(w for word in words for w in (word, word.capitalize()))


def _tune_tokenizer(nlp: Language) -> None:
    """Drop the tokenizer's special cases for the scale letters, so their period splits off; keep
    the abbreviated comparisons and currency abbreviations whole; split a hyphen after an abbreviation's
    period, and a percent sign from the word it is glued to."""
    rules = nlp.tokenizer.rules
    if any(k in rules for k in _SCALE_LETTERS):
        nlp.tokenizer.rules = {k: v for k, v in rules.items() if k not in _SCALE_LETTERS}
    for abbreviation in _COMPARISON_ABBREVIATIONS + _currency_abbreviations() + _re_trade_words():
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    infixes = [_HYPHEN_AFTER_AN_ABBREVIATION, _BRACKET_AFTER_A_WORD, _PERCENT_BEFORE_A_WORD]
    nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + infixes).finditer


class Pipeline:
    """A reusable extraction pipeline: the spaCy model is loaded once.

    >>> p = Pipeline()                                       # doctest: +SKIP
    >>> for result in p.extract_many(articles): ...         # doctest: +SKIP
    """

    def __init__(self, model: str | None = None, *, nlp: Language | None = None, batch_size: int = 32,
                 amount_scope: str = "claims"):
        """``amount_scope``: "claims" (default) keeps the amounts a claim can be checked on; "all"
        reports every quantity (ages, vague plurals, bare numbers ...; see amounts.find_amounts)."""
        if amount_scope not in AMOUNT_SCOPES:
            raise ValueError(f"amount_scope must be one of {', '.join(AMOUNT_SCOPES)}, not {amount_scope!r}")
        self.nlp = nlp if nlp is not None else load_model(model)
        _tune_tokenizer(self.nlp)
        if "newsclaims_paragraph_breaks" not in self.nlp.pipe_names:
            before = "parser" if "parser" in self.nlp.pipe_names else None
            self.nlp.add_pipe("newsclaims_paragraph_breaks", before=before)
        for name in COMPONENTS:
            if name not in self.nlp.pipe_names:
                config = {"scope": amount_scope} if name == "newsclaims_amounts" else {}
                self.nlp.add_pipe(name, last=True, config=config)
        self.amount_scope = self.nlp.get_pipe("newsclaims_amounts").scope
        self.batch_size = batch_size
        # A function component that raises (newsclaims' own catch their errors; this is for
        # one a user added) leaves a warning on that document instead of ending the run. Not
        # nlp.set_error_handler: spaCy 3.8's parser cannot take one (no error_handler slot).
        self.nlp.default_error_handler = _component_failed

    # -- preparing one article ------------------------------------------------
    def prepare(self, text: Any, *, published: Any = None, id: str | None = None, url: str | None = None,
                title: str | None = None, outlet: str | None = None, clean: bool = True) -> _Prepared:
        raw = decode_text(text)
        warnings = []
        try:
            clean_txt = clean_text(raw).text if clean else raw
        except Exception as error:  # noqa: BLE001  (a cleaning rule's bug: read the text as given)
            logger.error("cleaning failed on an article (%d characters)", len(raw), exc_info=error)
            warnings.append(failure_warning("cleaning", error, "the text is read as given"))
            clean_txt = raw
        if not clean_txt.strip():
            raise ExtractionError("article is empty" + (" after removing page boilerplate" if raw.strip() else ""))
        if len(clean_txt) > MAX_CHARS:
            raise ExtractionError(
                f"article is {len(clean_txt):,} characters; the limit is {MAX_CHARS:,} "
                "(split the file into articles)")
        pub = parse_published(published)
        not_english = _english_warning(clean_txt)
        if not_english:
            warnings.append(not_english)
        article = Article(id=str(id) if id is not None else article_id(clean_txt), url=url, title=title,
                          outlet=outlet, published=pub, text=clean_txt)
        return _Prepared(article, warnings)

    def _doc(self, prepared: _Prepared) -> Doc:
        doc = self.nlp.make_doc(prepared.article.text)
        doc._.published = prepared.article.published
        if prepared.article.published is None:
            doc._.published_month = url_month(prepared.article.url)
        doc._.site_state = site_state(prepared.article.url)
        if prepared.article.title:
            doc.user_data["title"] = prepared.article.title   # (whose state the claims read from it)
        doc._.warnings = list(prepared.warnings)
        return doc

    @staticmethod
    def _result(prepared: _Prepared, doc: Doc) -> Extraction:
        return Extraction(
            article=prepared.article,
            amounts=doc._.amounts or [],
            periods=doc._.periods or [],
            actors=doc._.actors or [],
            sources=doc._.sources or [],
            claims=doc._.claims or [],
            warnings=doc._.warnings or [],
            attributions=doc._.attributions or [],
        )

    # -- public API -----------------------------------------------------------
    def doc(self, text: Any, *, published: Any = None, title: str | None = None, clean: bool = True) -> Doc:
        """The processed spaCy ``Doc`` of one article: ``doc._.amounts`` & co. and the span group
        ``doc.spans["newsclaims"]`` (for displaCy). Raises :class:`ExtractionError` as ``extract`` does."""
        return self.nlp(self._doc(self.prepare(text, published=published, title=title, clean=clean)))

    def extract(self, text: Any, *, published: Any = None, id: str | None = None, url: str | None = None,
                title: str | None = None, outlet: str | None = None, clean: bool = True) -> Extraction:
        """Extract one article. Raises :class:`ExtractionError` for unusable input."""
        prepared = self.prepare(text, published=published, id=id, url=url, title=title, outlet=outlet,
                                clean=clean)
        # Through pipe, as extract_many: a component that raises is then handled the same way.
        return next(self._results(iter([(0, prepared)]), batch_size=1))

    def extract_many(self, articles: Iterable[Mapping[str, Any]], *, clean: bool = True,
                     batch_size: int | None = None, errors: str = "raise") -> Iterator[Extraction | ExtractionError]:
        """Extract many articles through ``nlp.pipe``, yielding results in input order.

        ``articles`` are mappings with the keys ``text`` (required), ``published``,
        ``id``, ``url``, ``title``, ``outlet``. With ``errors="yield"`` an unusable
        article yields its :class:`ExtractionError` (with ``.index`` and ``.article_id``)
        in its place and the run goes on; with ``errors="raise"`` it raises.
        """
        if errors not in ("raise", "yield"):
            raise ValueError("errors must be 'raise' or 'yield'")
        yield from self._results(self._prepare_stream(articles, clean, errors), batch_size or self.batch_size)

    def _results(self, prepared_stream, batch_size: int) -> Iterator[Extraction | ExtractionError]:
        """Results in input order. Input errors are held back in order (pipe only sees the good
        articles); a document spaCy dropped because a component raised comes out with what the
        components before it found and the warning the error handler left on it."""
        pending: list[tuple[int, Any, Doc | None]] = []

        def docs():
            for index, item in prepared_stream:
                doc = self._doc(item) if isinstance(item, _Prepared) else None
                if doc is not None:
                    doc.user_data[_PLACE] = index
                pending.append((index, item, doc))
                if doc is not None:
                    yield doc

        def settle(item, doc):
            return self._result(item, doc) if isinstance(item, _Prepared) else item

        for doc in self.nlp.pipe(docs(), batch_size=batch_size):
            place = doc.user_data.get(_PLACE)
            while pending and pending[0][0] != place:
                _, item, dropped = pending.pop(0)
                yield settle(item, dropped)
            if pending:
                _, item, _ = pending.pop(0)
                yield settle(item, doc)
        while pending:   # errors and dropped documents after the last good article
            _, item, dropped = pending.pop(0)
            yield settle(item, dropped)

    def _prepare_stream(self, articles, clean, errors):
        for index, item in enumerate(articles):
            try:
                if not isinstance(item, Mapping):
                    raise ExtractionError(f"article must be an object with a 'text' field, got {type(item).__name__}")
                unknown = set(item) - set(ARTICLE_FIELDS)
                fields = {k: item.get(k) for k in ARTICLE_FIELDS if k != "text"}
                if "text" not in item:
                    raise ExtractionError("article has no 'text' field")
                prepared = self.prepare(item["text"], clean=clean, **fields)
                if unknown:
                    prepared.warnings.append(f"ignored unknown article fields: {', '.join(sorted(unknown))}")
                yield index, prepared
            except ExtractionError as err:
                if errors == "raise":
                    raise
                err.index = index
                err.article_id = item.get("id") if isinstance(item, Mapping) else None
                yield index, err


def _component_failed(name: str, component: Any, docs: list[Doc], error: Exception) -> None:
    """spaCy's error handler: the traceback to the log, one line to each document's warnings."""
    logger.error("component %s failed on %d document(s)", name, len(docs), exc_info=error)
    for doc in docs:
        add_warning(doc, failure_warning(name, error))


_cache_lock = threading.Lock()
_by_model: dict[tuple[str | None, str], Pipeline] = {}

def cached_pipeline(model: str | None = None, amount_scope: str = "claims") -> Pipeline:
    """This process's pipeline for ``model``, loaded on first use: what a worker process
    (batch, service) uses for every job it is given."""
    with _cache_lock:
        key = (model, amount_scope)
        if key not in _by_model:
            _by_model[key] = Pipeline(model, amount_scope=amount_scope)
        return _by_model[key]


def default_pipeline() -> Pipeline:
    return cached_pipeline(None)


def extract(text: Any, *, published: Any = None, id: str | None = None, url: str | None = None,
            title: str | None = None, outlet: str | None = None, clean: bool = True) -> Extraction:
    """Extract the claims of one article with the default pipeline (model loaded on first use)."""
    return default_pipeline().extract(text, published=published, id=id, url=url, title=title,
                                      outlet=outlet, clean=clean)
