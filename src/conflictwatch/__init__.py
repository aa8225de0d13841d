"""conflictwatch: news reports of political violence -> a structured, geolocated event database."""

from conflictwatch.errors import ConflictwatchError
from conflictwatch.models import ACLED_COLUMNS, Actor, Article, Event, Evidence, Place, SourceRef, Toponym

__version__ = "0.1.0"

__all__ = [
    "ACLED_COLUMNS",
    "Actor",
    "Article",
    "ConflictwatchError",
    "Event",
    "Evidence",
    "Place",
    "SourceRef",
    "Toponym",
    "__version__",
]
