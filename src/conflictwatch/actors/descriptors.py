"""Descriptor classes: generic nouns ("gunmen", "Malian soldiers", "Fulani herders").

A descriptor span's ``kb_id_`` is ``class[|country[|group]]``, e.g. ``"armed_group"``,
``"state_military|Mali"``, ``"civilians||Farmers"``, ``"communal_militia|Nigeria|Fulani"``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

DescriptorClass = Literal[
    "armed_group",
    "communal_militia",
    "state_military",
    "state_police",
    "civilians",
    "protesters",
    "rioters",
]
DESCRIPTOR_CLASSES: tuple[str, ...] = get_args(DescriptorClass)
ARMED_CLASSES = frozenset({"armed_group", "communal_militia", "state_military", "state_police"})


@dataclass(frozen=True)
class Descriptor:
    """What a generic mention says: its class, and the country/group when the text gives them."""

    cls: str
    country: str | None = None
    group: str | None = None

    @property
    def kb_id(self) -> str:
        parts = [self.cls, self.country or "", self.group or ""]
        while len(parts) > 1 and not parts[-1]:
            parts.pop()
        return "|".join(parts)

    @classmethod
    def parse(cls, kb_id: str) -> Descriptor:
        parts = (kb_id.split("|") + ["", ""])[:3]
        if parts[0] not in DESCRIPTOR_CLASSES:
            raise ValueError(f"not a descriptor id: {kb_id!r}")
        return cls(parts[0], parts[1] or None, parts[2] or None)

    @property
    def armed(self) -> bool:
        return self.cls in ARMED_CLASSES
