"""The YAML files of the actor knowledge base: their schema, loading, and expansion into Actors.

A file may hold any of these top-level keys (all optional; unknown keys are an error):

``actors``    list of Actor records (name, inter, country, aliases, affiliations, active_from,
              active_to, and ``operates_in``: other countries where it is active); an actor
              whose name is already known replaces the earlier one.
``countries`` / ``foreign``  country -> {iso2, fr, regimes, demonyms, military, police}; each
              regime start year becomes "Military Forces of X (start-end)" and
              "Police Forces of X (start-end)".
``ethnic`` / ``clan``  group -> {countries, aliases, alone}: "<G> Ethnic Militia (<C>)" etc.
``classes`` / ``groups``  descriptor nouns (see descriptors.py); ``adjectives`` (Islamist,
              jihadist...) make "<adjective> <group noun>" an armed group ("Islamist militia").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from conflictwatch.actors.descriptors import DESCRIPTOR_CLASSES
from conflictwatch.errors import ConfigError
from conflictwatch.models import Actor

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ActorEntry(Actor):
    """An Actor as written in a file, plus the other countries it operates in."""

    model_config = ConfigDict(extra="forbid")

    operates_in: list[str] = Field(default_factory=list)


class CountryEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    iso2: str = Field(min_length=2, max_length=2)
    fr: str | None = None
    regimes: list[int] = Field(min_length=1)
    demonyms: list[str] = Field(default_factory=list)
    military: list[str] = Field(default_factory=list)
    police: list[str] = Field(default_factory=list)
    african: bool = True

    @field_validator("regimes")
    @classmethod
    def _sorted(cls, v: list[int]) -> list[int]:
        if v != sorted(set(v)):
            raise ValueError("regime start years must be increasing")
        return v


class GroupEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    countries: list[str] = Field(min_length=1)
    aliases: list[str] = Field(min_length=1)
    alone: bool = True


class ActorFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    actors: list[ActorEntry] = Field(default_factory=list)
    countries: dict[str, CountryEntry] = Field(default_factory=dict)
    foreign: dict[str, CountryEntry] = Field(default_factory=dict)
    ethnic: dict[str, GroupEntry] = Field(default_factory=dict)
    clan: dict[str, GroupEntry] = Field(default_factory=dict)
    classes: dict[str, list[str]] = Field(default_factory=dict)
    groups: dict[str, list[str]] = Field(default_factory=dict)
    adjectives: list[str] = Field(default_factory=list)
    group_nouns: list[str] = Field(default_factory=list)

    @field_validator("classes")
    @classmethod
    def _classes(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        bad = sorted(set(v) - set(DESCRIPTOR_CLASSES))
        if bad:
            raise ValueError(f"unknown descriptor classes {bad}; expected {list(DESCRIPTOR_CLASSES)}")
        return v


# Earlier files win ties between actors that share an alias and nothing else tells apart.
_ORDER = ("states", "groups", "descriptors", "sahel", "east_central", "horn_south", "west_central")


def shipped_files() -> list[Path]:
    rank = {name: i for i, name in enumerate(_ORDER)}
    return sorted(DATA_DIR.glob("*.yaml"), key=lambda p: (rank.get(p.stem, len(rank)), p.name))


def read_file(path: Path) -> ActorFile:
    """Parse and validate one file; any problem becomes a ConfigError naming the file."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except FileNotFoundError as exc:
        raise ConfigError(f"actor file {path} does not exist") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"actor file {path} cannot be read: {exc}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"actor file {path} is not valid YAML: {exc}") from exc
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(
            f"actor file {path}: expected a mapping with keys such as 'actors', got {type(raw).__name__}"
        )
    try:
        return ActorFile.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()[:5]
        )
        raise ConfigError(f"actor file {path} is invalid: {problems}") from exc


def merge(files: Iterable[ActorFile]) -> ActorFile:
    """Later files extend earlier ones; same-named actors/countries/groups are replaced."""
    actors: dict[str, ActorEntry] = {}
    out = ActorFile()
    for f in files:
        for a in f.actors:
            actors[a.name] = a
        out.countries.update(f.countries)
        out.foreign.update({k: v.model_copy(update={"african": False}) for k, v in f.foreign.items()})
        out.ethnic.update(f.ethnic)
        out.clan.update(f.clan)
        for k, nouns in f.classes.items():
            out.classes.setdefault(k, []).extend(nouns)
        for k, nouns in f.groups.items():
            out.groups.setdefault(k, []).extend(nouns)
        out.adjectives.extend(f.adjectives)
        out.group_nouns.extend(f.group_nouns)
    out.actors = list(actors.values())
    return out


def regime_suffix(regimes: Sequence[int], i: int) -> tuple[str, int, int | None]:
    start = regimes[i]
    end = regimes[i + 1] if i + 1 < len(regimes) else None
    return (f"({start}-{end})" if end else f"({start}-)"), start, end


def state_actors(country: str, entry: CountryEntry) -> list[Actor]:
    """Every regime variant of the country's military and police."""
    out = []
    for kind, extra in (("Military", entry.military), ("Police", entry.police)):
        base = f"{kind} Forces of {country}"
        for i in range(len(entry.regimes)):
            suffix, start, end = regime_suffix(entry.regimes, i)
            out.append(
                Actor(
                    name=f"{base} {suffix}",
                    inter="State forces",
                    country=country,
                    aliases=[base, *extra],
                    active_from=start,
                    active_to=end,
                )
            )
    return out


def group_actors(name: str, entry: GroupEntry, kind: str) -> list[Actor]:
    """'<G> Ethnic Militia (<C>)' and '<G> Ethnic Group (<C>)' (or Clan) for each country."""
    word = "Clan" if kind == "clan" else "Ethnic"
    out = []
    for c in entry.countries:
        out.append(Actor(name=f"{name} {word} Militia ({c})", inter="Identity militia", country=c))
        out.append(Actor(name=f"{name} {word} Group ({c})", inter="Civilians", country=c, generic=True))
    return out
