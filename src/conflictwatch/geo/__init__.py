"""Gazetteer building, toponym detection and resolution, event geolocation.

    from conflictwatch.geo import Gazetteer, Geoparser, EventLocation
    gp = Geoparser(Gazetteer.load())
    toponyms = gp.toponyms(doc, doc_id="a1")
    where = gp.locate_event(doc, toponyms, sents)
"""

from conflictwatch.geo.event import EventLocation, is_fallback
from conflictwatch.geo.gazetteer import Gazetteer, distance_km
from conflictwatch.geo.resolve import Geoparser

__all__ = ["EventLocation", "Gazetteer", "Geoparser", "distance_km", "is_fallback"]
