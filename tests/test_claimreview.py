"""ClaimReview JSON-LD export: from a real check of an article we wrote, through the library,
the schema.org validator and `newsclaims export` (CliRunner, on a temporary store)."""
import copy
import json

import pytest
from typer.testing import CliRunner

from extractor.verify.check import check
from extractor.verify.claimreview import (BEST_RATING, RATING_VALUES, WORST_RATING, UnknownClaim, claim_review,
                                   claim_reviews, schemaorg_vocabulary, validate_jsonld)
from extractor.cli.main import app
from extractor.verify.store import Store

# Written for these tests. In the seeded customs figures China's November 2025 exports to North
# Korea are $244 million and their 2019 trade $2.79 billion, so the second paragraph's figure is
# wrong; no figures are stored for Russia, so the third is unverifiable.
ARTICLE = {
    "id": "claimreview-test-1",
    "url": "https://news.example.org/2026/01/border-trade",
    "title": "Border trade picks up again",
    "outlet": "Example Daily",
    "published": "2026-01-22",
    "text": (
        "China shipped goods worth $244 million to North Korea in November, figures from "
        "Beijing's customs agency showed.\n\n"
        "Trade between China and North Korea came to $3.5 billion in 2019, said Lee Jae-won, "
        "an economist at a Seoul research institute.\n\n"
        "Russia and North Korea traded about $50 million worth of goods in 2024, by one estimate."
    ),
}

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return f"sqlite:///{tmp_path_factory.mktemp('claimreview') / 'store.db'}"


@pytest.fixture(scope="module")
def checked(pipeline, db):
    with Store(db) as store:   # seeds itself from corpus/customs on first use
        return check(pipeline.extract(**ARTICLE), store)


@pytest.fixture(scope="module")
def result(checked):
    return checked.model_dump(mode="json")


def review_of(reviews, needle):
    """The one review whose claim sentence contains ``needle``."""
    found = [r for r in reviews if needle in r["claimReviewed"]]
    assert len(found) == 1, [r["claimReviewed"] for r in reviews]
    return found[0]


def nulls(value, path="$"):
    if value is None:
        return [path]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in nulls(v, f"{path}.{k}")]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in nulls(v, f"{path}[{i}]")]
    return []


# -- the library


def test_one_review_per_verdict_carrying_the_claim_verdict_and_explanation(result):
    reviews = claim_reviews(result)
    verdicts = result["verdicts"]
    assert {v["status"] for v in verdicts} == {"supported", "contradicted", "unverifiable"}
    assert len(reviews) == len(verdicts)
    sentences = {c["id"]: c["sentence"] for c in result["claims"]}
    for review, verdict in zip(reviews, verdicts):
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["claimReviewed"] == " ".join(sentences[verdict["claim"]].split())
        assert review["reviewRating"]["alternateName"] == verdict["status"]
        assert review["reviewBody"] == verdict["explanation"]
        assert review["author"] == {"@type": "Organization", "name": "newsclaims"}
        assert nulls(review) == []


def test_the_wrong_figure_is_rated_false_with_the_explanation(result):
    review = review_of(claim_reviews(result), "$3.5 billion")
    verdict = next(v for v in result["verdicts"] if v["status"] == "contradicted")
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "contradicted",
                                      "ratingValue": WORST_RATING, "bestRating": BEST_RATING,
                                      "worstRating": WORST_RATING}
    assert review["reviewBody"] == verdict["explanation"]
    # the evidence is cited: the source pages of the figures the verdict used
    assert [c["url"] for c in review["citation"]] == [e["source_url"] for e in verdict["evidence"]]


def test_rating_scale_and_unverifiable_without_a_number(result):
    reviews = claim_reviews(result)
    supported = review_of(reviews, "$244 million")["reviewRating"]
    assert supported["alternateName"] == "supported" and supported["ratingValue"] == BEST_RATING
    assert WORST_RATING <= RATING_VALUES["close"] <= BEST_RATING
    unverifiable = review_of(reviews, "$50 million")["reviewRating"]
    assert unverifiable == {"@type": "Rating", "alternateName": "unverifiable"}


def test_the_claim_appears_in_the_article_with_its_url_and_date(result):
    for review in claim_reviews(result):
        claim = review["itemReviewed"]
        assert claim["@type"] == "Claim"
        assert claim["datePublished"] == ARTICLE["published"]
        assert claim["appearance"] == {
            "@type": "NewsArticle", "url": ARTICLE["url"], "headline": ARTICLE["title"],
            "datePublished": ARTICLE["published"], "publisher": {"@type": "Organization", "name": ARTICLE["outlet"]},
        }


def test_claimant_is_the_speaker_else_the_outlet(result):
    reviews = claim_reviews(result)
    assert review_of(reviews, "$3.5 billion")["itemReviewed"]["author"] == {"@type": "Person", "name": "Lee Jae-won"}
    # customs data is not a claimant: the outlet that printed the figure is
    assert review_of(reviews, "$244 million")["itemReviewed"]["author"] == {
        "@type": "Organization", "name": ARTICLE["outlet"]}


def test_review_options_fill_url_date_and_reviewer(result):
    reviews = claim_reviews(result, reviewer="Example Fact Check", reviewer_url="https://factcheck.example.org",
                            review_url="https://factcheck.example.org/a/{article}#claim-{claim}",
                            date_reviewed="2026-01-23")
    for review, verdict in zip(reviews, result["verdicts"]):
        assert review["url"] == f"https://factcheck.example.org/a/{ARTICLE['id']}#claim-{verdict['claim']}"
        assert review["datePublished"] == "2026-01-23"
        assert review["author"] == {"@type": "Organization", "name": "Example Fact Check",
                                    "url": "https://factcheck.example.org"}
        assert validate_jsonld(review) == []
    odd = copy.deepcopy(result)
    odd["article"]["id"] = "a b/c"
    assert claim_reviews(odd, review_url="https://x.example/{article}")[0]["url"] == "https://x.example/a%20b%2Fc"
    with pytest.raises(ValueError, match=r"\{article\} and \{claim\}"):
        claim_reviews(result, review_url="https://x.example/{id}")


def test_model_and_dict_give_the_same_reviews(checked, result):
    assert claim_reviews(checked) == claim_reviews(result)


def test_article_without_url_keeps_the_rest_and_bare_article_has_no_appearance(result):
    no_url = copy.deepcopy(result)
    no_url["article"]["url"] = None
    appearance = claim_reviews(no_url)[0]["itemReviewed"]["appearance"]
    assert "url" not in appearance and appearance["headline"] == ARTICLE["title"]
    bare = copy.deepcopy(result)
    bare["article"].update(url=None, title=None, outlet=None, published=None)
    for review in claim_reviews(bare):
        assert "appearance" not in review["itemReviewed"] and "datePublished" not in review["itemReviewed"]
        assert nulls(review) == [] and validate_jsonld(review) == []


def test_one_claim_for_the_copy_button(result):
    reviews = claim_reviews(result)
    for verdict, review in zip(result["verdicts"], reviews):
        assert claim_review(result, verdict["claim"]) == review
    with pytest.raises(UnknownClaim, match="no claim 'nope'") as err:
        claim_review(result, "nope")
    assert isinstance(err.value, KeyError) and str(err.value).startswith(f"article {ARTICLE['id']}")
    unchecked = copy.deepcopy(result)
    first = unchecked["verdicts"].pop(0)["claim"]
    with pytest.raises(UnknownClaim, match="has no verdict"):
        claim_review(unchecked, first)


def test_not_a_check_result_is_a_value_error():
    with pytest.raises(ValueError, match="not a check result"):
        claim_reviews({"verdicts": []})


# -- the validator, against schema.org's vocabulary


def test_every_review_is_valid_schema_org(result):
    for review in claim_reviews(result, review_url="https://factcheck.example.org/{claim}", date_reviewed="2026-01-23"):
        assert validate_jsonld(review) == []


def test_vocabulary_holds_schema_org_facts():
    vocab = schemaorg_vocabulary()
    assert vocab.release
    assert {"Review", "CreativeWork", "Thing"} <= vocab.ancestors("ClaimReview")
    assert "CreativeWork" in vocab.ancestors("Claim") and "Article" in vocab.ancestors("NewsArticle")
    assert vocab.domains["claimReviewed"] == {"ClaimReview"} and vocab.ranges["claimReviewed"] == {"Text"}
    assert vocab.domains["appearance"] == {"Claim"} and vocab.ranges["appearance"] == {"CreativeWork"}
    assert {"Text", "URL", "Date", "DateTime", "Number", "Integer"} <= vocab.datatypes


def test_validator_knows_more_than_our_own_keys(result):
    # Properties schema.org defines that the export does not use are accepted where they belong.
    review = claim_reviews(result)[0]
    review["itemReviewed"]["firstAppearance"] = {"@type": "WebPage", "url": "https://example.org/first"}
    review["inLanguage"] = "en"
    review["reviewRating"]["ratingExplanation"] = "fits the published figure"
    assert validate_jsonld(review) == []


@pytest.mark.parametrize("change, expected", [
    (lambda r: r.update(verdictColor="red"), "$.verdictColor: 'verdictColor' is not a schema.org property"),
    (lambda r: r["reviewRating"].update(ratingValue=[1, "5", True]), "$.reviewRating.ratingValue[2]: True"),
    (lambda r: r["reviewRating"].update(alternateName=1), "$.reviewRating.alternateName: 1 (Integer)"),
    (lambda r: r.update(author="newsclaims"), "$.author: 'newsclaims' (Text) where 'author' expects Organization or Person"),
    (lambda r: r["itemReviewed"].update(datePublished="2026-02-30"), "$.itemReviewed.datePublished: '2026-02-30'"),
    (lambda r: r["itemReviewed"]["appearance"].update(url="not a url"), "expects URL"),
    (lambda r: r["itemReviewed"].update({"@type": "Assertion"}), "@type 'Assertion' is not a schema.org type"),
    (lambda r: r["itemReviewed"].update({"@type": "Text"}), "@type 'Text' is a data type"),
    (lambda r: r["itemReviewed"].update(reviewBody="x"), "'reviewBody' is not a property of Claim"),
    (lambda r: r["author"].update(headline="x"), "$.author.headline: 'headline' is not a property of Organization"),
    (lambda r: r.update(itemReviewed={"@type": "Rating"}), None),   # itemReviewed takes any Thing: valid
    (lambda r: r.update(reviewRating={"@type": "Claim"}), "a Claim where 'reviewRating' expects Rating"),
    (lambda r: r.update(reviewBody=None), "$.reviewBody: null"),
    (lambda r: r["itemReviewed"].pop("@type"), "$.itemReviewed: no @type"),
    (lambda r: r.update({"@context": "https://example.org"}), "$: @context"),
    (lambda r: r["itemReviewed"].update({"@context": "https://schema.org"}), "belongs on the top object only"),
], ids=["unknown property", "boolean rating", "number as text", "text as thing", "impossible date", "bad url",
        "unknown type", "data type as type", "wrong domain", "wrong domain nested", "thing range", "wrong range",
        "null", "untyped node", "context", "nested context"])
def test_validator_reports_what_is_wrong(result, change, expected):
    review = claim_reviews(result)[0]
    change(review)
    problems = validate_jsonld(review)
    if expected is None:
        assert problems == []
    else:
        assert any(expected in p for p in problems), problems


# -- the command line


@pytest.fixture(scope="module")
def stored(result, db, tmp_path_factory):
    """The article checked and stored by `newsclaims check --db`, as the store gives it back."""
    path = tmp_path_factory.mktemp("article") / "article.json"
    path.write_text(json.dumps(ARTICLE), encoding="utf-8")
    run = runner.invoke(app, ["check", str(path), "--db", db])
    assert run.exit_code == 0, run.output
    with Store(db) as store:
        return store.get_article(ARTICLE["id"]), store.list_articles()


def export(*args):
    run = runner.invoke(app, ["export", *args])
    return run


def test_export_from_the_store(stored, db):
    article, listing = stored
    run = export("--claimreview", "--article", ARTICLE["id"], "--db", db)
    assert run.exit_code == 0, run.output
    reviews = json.loads(run.stdout)
    checked_on = next(a["checked_at"] for a in listing if a["id"] == ARTICLE["id"])[:10]
    assert reviews == claim_reviews(article, date_reviewed=checked_on)
    assert len(reviews) == len(article["verdicts"]) and review_of(reviews, "$3.5 billion")[
        "reviewRating"]["alternateName"] == "contradicted"
    assert all(validate_jsonld(r) == [] for r in reviews)


def test_export_everything_as_json_lines_with_options(stored, db):
    article, _ = stored
    run = export("--db", db, "--format", "jsonl", "--date-reviewed", "2026-01-23",
                 "--review-url", "https://factcheck.example.org/{article}/{claim}", "--reviewer", "Example Fact Check")
    assert run.exit_code == 0, run.output
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    mine = [r for r in lines if r["itemReviewed"]["appearance"]["url"] == ARTICLE["url"]]
    assert mine == claim_reviews(article, reviewer="Example Fact Check", date_reviewed="2026-01-23",
                                 review_url="https://factcheck.example.org/{article}/{claim}")


@pytest.mark.parametrize("layout", ["object", "list", "jsonl"])
def test_export_from_a_results_file(result, tmp_path, layout):
    other = copy.deepcopy(result)
    other["article"]["id"] = "another"
    path = tmp_path / f"results.{layout}"
    if layout == "object":
        path.write_text(json.dumps(result), encoding="utf-8")
    elif layout == "list":
        path.write_text(json.dumps([other, result]), encoding="utf-8")
    else:   # as `newsclaims batch --check --out` writes it
        path.write_text("".join(json.dumps(r) + "\n" for r in (other, result)), encoding="utf-8")
    run = export("--input", str(path), "--article", ARTICLE["id"])
    assert run.exit_code == 0, run.output
    reviews = json.loads(run.stdout)
    assert reviews == claim_reviews(result)
    assert all("datePublished" not in r for r in reviews)   # a file does not say when it was checked
    everything = json.loads(export("--input", str(path)).stdout)
    assert len(everything) == len(result["verdicts"]) * (1 if layout == "object" else 2)


def test_export_of_an_earlier_version_reviews_what_that_version_said(stored, tmp_path):
    article, _ = stored
    db = f"sqlite:///{tmp_path / 'versions.db'}"
    corrected = copy.deepcopy(article)
    corrected["article"]["text"] += " (Corrected.)"
    corrected["verdicts"] = [v for v in corrected["verdicts"] if v["status"] != "contradicted"]
    with Store(db) as store:
        store.save_check(article)
        store.save_check(corrected)
    latest = json.loads(export("--article", ARTICLE["id"], "--db", db).stdout)
    first = json.loads(export("--article", ARTICLE["id"], "--version", "1", "--db", db).stdout)
    assert [r["reviewRating"]["alternateName"] for r in first].count("contradicted") == 1
    assert "contradicted" not in [r["reviewRating"]["alternateName"] for r in latest]
    assert len(first) == len(latest) + 1
    missing = export("--article", ARTICLE["id"], "--version", "3", "--db", db)
    assert missing.exit_code == 2 and "has no version 3" in missing.stderr
    both = export("--article", ARTICLE["id"], "--article", "another", "--version", "1", "--db", db)
    assert both.exit_code == 2 and "exactly one --article" in both.stderr


def test_unknown_article_is_one_line_and_exit_2(stored, db, tmp_path):
    run = export("--article", "no-such-article", "--db", db)
    assert run.exit_code == 2 and run.stdout == ""
    assert "no checked article 'no-such-article' in the store" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    path = tmp_path / "one.json"
    path.write_text(json.dumps(stored[0]), encoding="utf-8")
    run = export("--input", str(path), "--article", "no-such-article")
    assert run.exit_code == 2 and "no article 'no-such-article'" in run.stderr


@pytest.mark.parametrize("content, args, message", [
    ('{"text": "an article, not a result"}', [], "item 1 is not a check result"),
    ("{not json", [], "is not valid JSON"),
    ('{"article": {"id": "a"}}\n{oops\n', [], "neither JSON nor JSON lines"),
    ('{"article": {"id": "a"}}', ["--date-reviewed", "23 January"], "--date-reviewed must be a date"),
    ('{"article": {"id": "a"}, "claims": [{"id": "c", "sentence": "s"}], "verdicts": '
     '[{"claim": "c", "status": "supported", "explanation": "e"}]}', ["--review-url", "https://x/{page}"], "{page}"),
    ('{"article": {"id": "a"}}', ["--db", "sqlite:///never-opened.db"], "give one of them"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, content, args, message):
    path = tmp_path / "results.json"
    path.write_text(content, encoding="utf-8")
    run = export("--input", str(path), *args)
    assert run.exit_code == 2, run.output
    assert message in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_help_has_an_example():
    run = runner.invoke(app, ["export", "--help"])
    assert run.exit_code == 0 and "Example:" in run.stdout and "--claimreview" in run.stdout
