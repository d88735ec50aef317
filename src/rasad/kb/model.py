"""Data model of the Rasad knowledge base (entities and the offices they held)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

ENTITY_TYPES: Final = frozenset({"PER", "ORG", "GPE", "LOC", "MISC"})

OFFICE_KINDS: Final = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "presidential_spokesperson",
        "foreign_ministry_spokesperson",
        "secretary_general",
        "commission_president",
        "council_president",
        "high_representative",
        "vice_president",
        "leader",
    }
)


@dataclass(frozen=True, slots=True)
class Office:
    """One term in one office.

    ``start`` is the first day in office; ``end`` is the day the successor took
    over (exclusive), or ``None`` while the term is still running.
    """

    office: str
    of: str
    start: date
    end: date | None = None

    def held_on(self, on: date) -> bool:
        """Whether the term covers ``on`` (start inclusive, end exclusive)."""
        return self.start <= on and (self.end is None or on < self.end)

    def to_json(self) -> dict[str, str | None]:
        return {
            "office": self.office,
            "of": self.of,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Office:
        end = raw.get("end")
        return cls(
            office=str(raw["office"]),
            of=str(raw["of"]),
            start=date.fromisoformat(str(raw["start"])),
            end=date.fromisoformat(str(end)) if end else None,
        )


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical person, organisation, place or other named thing."""

    id: str
    name: str
    type: str
    name_ar: str = ""
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    code: str | None = None
    aliases: tuple[str, ...] = ()
    nisba: tuple[str, ...] = ()
    capital: str | None = None
    offices: tuple[Office, ...] = ()
    sources: tuple[str, ...] = field(default=())

    @property
    def is_country(self) -> bool:
        """Countries (and historic states) are the entities keyed by ISO3."""
        return self.type == "GPE" and ":" not in self.id

    def surface_forms(self) -> tuple[str, ...]:
        """Main Arabic name followed by the aliases, without duplicates."""
        seen: dict[str, None] = {}
        for form in (self.name_ar, *self.aliases):
            if form:
                seen.setdefault(form, None)
        return tuple(seen)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "name_ar": self.name_ar,
            "type": self.type,
            "country": self.country,
            "sector": self.sector,
            "wikidata": self.wikidata,
            "code": self.code,
            "aliases": list(self.aliases),
            "nisba": list(self.nisba),
            "capital": self.capital,
            "offices": [o.to_json() for o in self.offices],
            "sources": list(self.sources),
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Entity:
        etype = str(raw["type"])
        if etype not in ENTITY_TYPES:
            raise ValueError(f"{raw.get('id')}: unknown entity type {etype!r}")
        return cls(
            id=str(raw["id"]),
            name=str(raw["name"]),
            type=etype,
            name_ar=str(raw.get("name_ar") or ""),
            country=_opt(raw.get("country")),
            sector=_opt(raw.get("sector")),
            wikidata=_opt(raw.get("wikidata")),
            code=_opt(raw.get("code")),
            aliases=tuple(str(a) for a in raw.get("aliases") or ()),
            nisba=tuple(str(a) for a in raw.get("nisba") or ()),
            capital=_opt(raw.get("capital")),
            offices=tuple(Office.from_json(o) for o in raw.get("offices") or ()),
            sources=tuple(str(s) for s in raw.get("sources") or ()),
        )


def _opt(value: object) -> str | None:
    return None if value is None or value == "" else str(value)
