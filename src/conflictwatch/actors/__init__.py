"""Actor knowledge base (shipped as data) and the normalisation of actor mentions to ACLED names.

``ActorKB`` loads the YAML files of ``conflictwatch/data/actors`` plus any user files;
``assign_roles`` codes actor1/actor2 and their associates for one event.
"""

from conflictwatch.actors.descriptors import Descriptor
from conflictwatch.actors.kb import ActorKB

__all__ = ["ActorKB", "Descriptor"]
