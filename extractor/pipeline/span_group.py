"""The ``newsclaims`` span group: what the other components found, as labelled spans.

``doc.spans["newsclaims"]`` holds every amount, period, actor mention and (named) source
of the doc, labelled ``AMOUNT``, ``PERIOD``, ``ACTOR`` and ``SOURCE``, so that spaCy's
own tools show an article's findings::

    displacy.render(doc, style="span", options={"spans_key": "newsclaims"})

The contract's models keep character offsets; a span is the tokens that cover them
(``alignment_mode="expand"``: "$5.4m." ends inside the token "5.4m."). An actor's or a
source's span carries what the mention resolves to as its ``kb_id`` (displaCy prints it
after the label) when that says more than the mention itself: "PRK" for "the North",
"Jung Yoo-seok" for "He", nothing for "Jung Yoo-seok".
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .extensions import isolated  # (importing it registers Doc._.amounts & co.)

SPANS_KEY = "newsclaims"

# label -> the Doc extension holding that kind of mention (a list of models.Mention)
LABELLED_EXTENSIONS = {"AMOUNT": "amounts", "PERIOD": "periods", "ACTOR": "actors", "SOURCE": "sources"}

# displaCy's colours for these labels (the pyproject's spacy_displacy_colors entry point hands
# them to displaCy); they reuse spaCy's own colours for MONEY, DATE, ORG and PERSON.
LABEL_COLORS = {"AMOUNT": "#e4e7d2", "PERIOD": "#bfe1d9", "ACTOR": "#7aecec", "SOURCE": "#aa9cfc"}


def _resolves_to(mention) -> str:
    """An actor's code or canonical name, a source's name, unless the mention already reads
    so; "" for amounts and periods. (displaCy stacks a long name under the label, so a
    repeated one only hides the text.)"""
    resolved = getattr(mention, "id", None) or getattr(mention, "name", None) or ""
    return "" if resolved == mention.text else resolved


def findings_as_spans(doc: Doc) -> list[Span]:
    """The mentions in ``doc._.amounts``, ``periods``, ``actors`` and ``sources`` as labelled
    spans, in text order (an actor that is also a source appears under both labels)."""
    spans = []
    for label, extension in LABELLED_EXTENSIONS.items():
        for mention in getattr(doc._, extension) or []:
            span = doc.char_span(mention.start, mention.end, label=label, kb_id=_resolves_to(mention),
                                 alignment_mode="expand")
            if span is not None:
                spans.append(span)
    spans.sort(key=lambda s: (s.start_char, s.end_char, s.label_))
    return spans


class SpanGroupWriter:
    """Sets ``doc.spans[spans_key]`` to :func:`findings_as_spans` (runs after the other components)."""

    def __init__(self, nlp: Language, name: str = "newsclaims_spans", spans_key: str = SPANS_KEY):
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        with isolated(doc, self.name):
            doc.spans[self.spans_key] = findings_as_spans(doc)
        return doc


@Language.factory("newsclaims_spans", default_config={"spans_key": SPANS_KEY},
                  requires=["doc._.amounts", "doc._.periods", "doc._.actors", "doc._.sources"],
                  assigns=["doc.spans"])
def make_span_group_writer(nlp: Language, name: str, spans_key: str) -> SpanGroupWriter:
    return SpanGroupWriter(nlp, name, spans_key)
