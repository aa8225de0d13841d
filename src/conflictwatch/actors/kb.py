"""ActorKB: the actor knowledge base, loaded once, looked up by alias, year and country."""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from conflictwatch.actors import schema
from conflictwatch.actors.descriptors import Descriptor
from conflictwatch.actors.normalize import is_acronym, norm, norm_cased
from conflictwatch.models import Actor

log = logging.getLogger(__name__)

GenericKind = Literal["armed_group", "communal_militia", "civilians", "protesters", "rioters"]
_GENERIC: dict[str, tuple[str, str]] = {
    "armed_group": ("Unidentified Armed Group", "Political militia"),
    "communal_militia": ("Unidentified Communal Militia", "Identity militia"),
    "civilians": ("Civilians", "Civilians"),
    "protesters": ("Protesters", "Protesters"),
    "rioters": ("Rioters", "Rioters"),
}
_QUALIFIERS = frozenset(
    {"suspected", "presumed", "alleged", "the", "les", "des", "présumés", "presumes", "some"}
)
# Country spellings that differ from the knowledge base's (ACLED's) names.
_COUNTRY_EXTRA = {
    "drc": "Democratic Republic of Congo",
    "dr congo": "Democratic Republic of Congo",
    "democratic republic of the congo": "Democratic Republic of Congo",
    "congo kinshasa": "Democratic Republic of Congo",
    "rdc": "Democratic Republic of Congo",
    "congo brazzaville": "Republic of Congo",
    "congo": "Republic of Congo",
    "car": "Central African Republic",
    "centrafrique": "Central African Republic",
    "cote d'ivoire": "Ivory Coast",
    "eswatini": "eSwatini",
    "swaziland": "eSwatini",
    "cabo verde": "Cape Verde",
    "usa": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "uae": "United Arab Emirates",
    "turkiye": "Turkey",
    "russian federation": "Russia",
    "burma": "Myanmar",
    "state of palestine": "Palestine",
    "palestinian territories": "Palestine",
    "occupied palestinian territory": "Palestine",
    "gaza": "Palestine",
    "gaza strip": "Palestine",
    "west bank": "Palestine",
    "south korea": "South Korea",
    "republic of korea": "South Korea",
    "north korea": "North Korea",
    "iran islamic republic of": "Iran",
    "syrian arab republic": "Syria",
    "holland": "Netherlands",
}


class ActorKB:
    """Actors by canonical name and alias, state forces by country and regime, descriptor nouns."""

    def __init__(self, data: schema.ActorFile) -> None:
        self.data = data
        self._patterns: list[dict] | None = None
        self._branches: dict[str, list[Actor]] | None = None
        self.countries: dict[str, schema.CountryEntry] = {**data.countries, **data.foreign}
        actors: list[Actor] = []
        for name, entry in self.countries.items():
            actors.extend(schema.state_actors(name, entry))
        for kind, table in (("ethnic", data.ethnic), ("clan", data.clan)):
            for name, g in table.items():
                actors.extend(schema.group_actors(name, g, kind))
        actors.extend(Actor.model_validate(a.model_dump(exclude={"operates_in"})) for a in data.actors)
        self._operates: dict[str, frozenset[str]] = {
            a.name: frozenset([*(a.operates_in), *([a.country] if a.country else [])]) for a in data.actors
        }
        self.actors: dict[str, Actor] = {}
        for a in actors:  # later entries (user files) replace earlier ones
            self.actors[a.name] = a
        self._order = {name: i for i, name in enumerate(self.actors)}
        self._ci: dict[str, list[str]] = {}
        self._cs: dict[str, list[str]] = {}
        for a in self.actors.values():
            for alias in (a.name, *a.aliases):
                index, key = (self._cs, norm_cased(alias)) if is_acronym(alias) else (self._ci, norm(alias))
                names = index.setdefault(key, [])
                if a.name not in names:
                    names.append(a.name)
        self._country_keys: dict[str, str] = {}
        self._demonyms: dict[str, str] = {}
        for name, c in self.countries.items():
            for key in (name, c.fr or name, c.iso2):
                self._country_keys.setdefault(norm(key), name)
            for d in (*c.demonyms, name, c.fr or name):
                self._demonyms.setdefault(norm(d), name)
        for key, name in _COUNTRY_EXTRA.items():
            if name in self.countries:
                self._country_keys.setdefault(key, name)
        self._ethnic: dict[str, tuple[str, str, list[str]]] = {}
        for kind, table in (("ethnic", data.ethnic), ("clan", data.clan)):
            for name, g in table.items():
                for alias in g.aliases:
                    self._ethnic.setdefault(norm(alias), (name, kind, g.countries))
        self._hostile = {norm(a) for a in data.adjectives}
        self._group_nouns = {norm(n) for n in data.group_nouns}
        self._noun_class: dict[str, str] = {}
        self._noun_group: dict[str, str] = {}
        for cls, nouns in data.classes.items():
            for n in nouns:
                self._noun_class.setdefault(norm(n), cls)
        for group, nouns in data.groups.items():
            for n in nouns:
                self._noun_group.setdefault(norm(n), group)
                self._noun_class.setdefault(norm(n), "civilians")

    # ----- loading -----
    @classmethod
    def load(cls, extra_files: Sequence[Path | str] = ()) -> ActorKB:
        """The shipped knowledge base extended/overridden by ``extra_files`` (cached per file set)."""
        paths = tuple(Path(p).expanduser().resolve() for p in extra_files)
        stamps = tuple((str(p), p.stat().st_mtime_ns if p.exists() else -1) for p in paths)
        return _load_cached(stamps)

    # ----- lookup -----
    def get(self, name: str) -> Actor | None:
        return self.actors.get(name)

    def candidates(self, text: str) -> list[Actor]:
        names = list(self._cs.get(norm_cased(text), ()))
        names += [n for n in self._ci.get(norm(text), ()) if n not in names]
        return [self.actors[n] for n in names]

    def resolve(self, text: str, year: int | None = None, country: str | None = None) -> Actor | None:
        """The actor a name or alias denotes; year picks the regime/period, country breaks ties.

        Falls back on descriptor phrases that name a state ("Malian soldiers", "Nigeria police").
        """
        found = self.candidates(text)
        words = text.split()
        while not found and len(words) > 1 and norm(words[0]) in _QUALIFIERS:
            words = words[1:]  # "suspected JNIM" -> "JNIM"
            found = self.candidates(" ".join(words))
        if not found:
            while len(words) > 1 and norm(words[-1]) in self._noun_class:
                words = words[:-1]  # "JNIM militants" -> "JNIM"
                found = self.candidates(" ".join(words))
                if found:
                    break
        if found:
            return self.pick(found, year, self.country_name(country) if country else None)
        desc = self.describe(text)
        if desc and desc.cls in ("state_military", "state_police") and desc.country:
            kind: Literal["military", "police"] = "military" if desc.cls == "state_military" else "police"
            return self.state_forces(desc.country, year, kind)
        if desc and desc.armed and desc.group and self.ethnic_group(desc.group):
            return self.group_actor(desc.group, country or desc.country, militia=True)
        return None

    def pick(self, found: Sequence[Actor], year: int | None, country: str | None) -> Actor:
        def score(a: Actor) -> tuple[int, int, int, int]:
            if year is not None:  # in its years; else the nearest in time (Mali's army in 2012)
                early = (a.active_from - year) if a.active_from is not None and year < a.active_from else 0
                late = (year - a.active_to) if a.active_to is not None and year > a.active_to else 0
                in_years = 1 if early == late == 0 else -(early + late)
            else:
                in_years = 1 if a.active_to is None else 0
            same = 0  # no country known, or a transnational actor
            if country and a.country == country:
                same = 2
            elif country and country in self._operates.get(a.name, ()):
                same = 1
            elif country and a.country:
                same = -1  # an actor of another country
            # regime variants of one state: the newer regime wins a shared boundary year
            regime = (a.active_from or 0) if a.inter == "State forces" else 0
            return (same, in_years, regime, -self._order.get(a.name, 0))

        return max(found, key=score)

    def operates_in(self, actor: Actor) -> frozenset[str]:
        """The countries an actor is known to be active in (its own first)."""
        return self._operates.get(actor.name, frozenset([actor.country] if actor.country else []))

    def local_affiliate(self, parent: Actor, country: str | None, year: int | None) -> Actor | None:
        """The branch of a transnational group in a country: al-Qaeda in Mali -> JNIM."""
        if not country:
            return None
        if self._branches is None:  # parent name -> actors that name it among their affiliations
            self._branches = {}
            for a in self.actors.values():
                for f in a.affiliations:
                    owner = self.resolve(f)
                    self._branches.setdefault(owner.name if owner else f, []).append(a)
        branches = [a for a in self._branches.get(parent.name, []) if country in self.operates_in(a)]
        return self.pick(branches, year, country) if branches else None

    def country_name(self, text: str | None) -> str | None:
        """Our (ACLED) spelling of a country given its name, French name, ISO code or variant."""
        if not text:
            return None
        key = norm(text)
        if key in self._country_keys:
            return self._country_keys[key]
        try:
            import pycountry

            rec = pycountry.countries.lookup(text.strip())
        except LookupError:
            return None
        for name, c in self.countries.items():
            if c.iso2 == rec.alpha_2:
                return name
        return str(getattr(rec, "common_name", None) or rec.name)

    def country_of_demonym(self, text: str) -> str | None:
        return self._demonyms.get(norm(text))

    # ----- built actors -----
    def state_forces(
        self, country: str, year: int | None = None, kind: Literal["military", "police"] = "military"
    ) -> Actor:
        """'Military Forces of Mali (2021-)' for Mali in 2024; any country (no years outside the KB)."""
        name = self.country_name(country) or country.strip()
        base = f"{'Military' if kind == 'military' else 'Police'} Forces of {name}"
        variants = [a for a in self.candidates(base) if a.inter == "State forces" and a.country == name]
        if variants:
            return self.pick(variants, year, name)
        return Actor(name=base, inter="State forces", country=name)

    def generic(self, kind: GenericKind, country: str | None) -> Actor:
        """'Unidentified Armed Group (Mali)', 'Civilians (Mali)', 'Protesters (Nigeria)', ..."""
        base, inter = _GENERIC[kind]
        c = self.country_name(country) if country else None
        c = c or (country.strip() if country else None)
        return Actor(name=f"{base} ({c})" if c else base, inter=inter, country=c, generic=True)

    def group_actor(self, group: str, country: str | None, militia: bool = False) -> Actor:
        """An affected group ('Farmers (Mali)', 'Fulani Ethnic Group (Mali)') or an ethnic militia."""
        c = self.country_name(country) if country else None
        ethnic = self._ethnic.get(norm(group))
        if ethnic:
            name, kind, countries = ethnic
            c = c or countries[0]
            word = "Clan" if kind == "clan" else "Ethnic"
            full = f"{name} {word} {'Militia' if militia else 'Group'} ({c})"
            inter = "Identity militia" if militia else "Civilians"
            return self.actors.get(full) or Actor(name=full, inter=inter, country=c, generic=not militia)
        return Actor(name=f"{group} ({c})" if c else group, inter="Civilians", country=c, generic=True)

    def ethnic_group(self, text: str) -> str | None:
        hit = self._ethnic.get(norm(text))
        return hit[0] if hit else None

    def describe(self, text: str) -> Descriptor | None:
        """Class, country and group of a descriptor phrase: 'Malian soldiers', 'Fulani herders'."""
        words = [w[:-2] if w.endswith("'s") else w for w in norm(text).split()]
        if len(words) >= 2 and (
            (words[-2] in self._hostile and words[-1] in self._group_nouns)
            or (words[0] in self._group_nouns and words[1] in self._hostile)
        ):
            return Descriptor("armed_group")
        splits = [(words[i:], words[:i]) for i in range(len(words))]  # qualifier + noun
        splits += [(words[:i], words[i:]) for i in range(len(words) - 1, 0, -1)]  # noun + qualifier
        for noun_words, qual in splits:
            noun = " ".join(noun_words)
            cls = self._noun_class.get(noun)
            if cls is None:
                continue
            country = group = None
            for j in range(len(qual)):
                for piece in (" ".join(qual[j:]), " ".join(qual[: j + 1])):
                    country = country or self._demonyms.get(piece)
                    group = group or (self._ethnic[piece][0] if piece in self._ethnic else None)
            group = group or self._noun_group.get(noun)
            return Descriptor(cls, country, group)
        piece = " ".join(words)
        if piece in self._ethnic:
            return Descriptor("civilians", None, self._ethnic[piece][0])
        return None

    def noun_group(self, noun: str) -> str | None:
        return self._noun_group.get(norm(noun))

    def span_patterns(self) -> list[dict]:
        """SpanRuler patterns: label ACTOR (id = canonical name) and ACTOR_DESC (id = class)."""
        if self._patterns is None:
            from conflictwatch.actors.patterns import build_patterns

            self._patterns = build_patterns(self)
        return [dict(p) for p in self._patterns]

    def stats(self) -> dict[str, int]:
        return {
            "actors": len(self.actors),
            "aliases": len(self._ci) + len(self._cs),
            "countries": len(self.countries),
            "african_countries": sum(1 for c in self.countries.values() if c.african),
            "descriptor_nouns": len(self._noun_class),
        }


@functools.lru_cache(maxsize=8)
def _load_cached(stamps: tuple[tuple[str, int], ...]) -> ActorKB:
    files = [schema.read_file(p) for p in schema.shipped_files()]
    files += [schema.read_file(Path(p)) for p, _ in stamps]
    kb = ActorKB(schema.merge(files))
    log.debug("actor KB: %s", kb.stats())
    return kb
