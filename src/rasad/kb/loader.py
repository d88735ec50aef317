"""Load the shipped knowledge base, optionally extended by a user JSONL file."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from rasad.kb.model import Entity

DATA_PACKAGE = "rasad.kb"
DATA_DIR = "data"
ENTITIES_FILE = "entities.jsonl"
META_FILE = "meta.json"


class KnowledgeBase:
    """Entities keyed by id, with lookups by office, actor code and type."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities: dict[str, Entity] = {}
        for ent in entities:
            self.entities[ent.id] = ent
        self._by_code: dict[str, list[Entity]] = {}
        self._by_office: dict[tuple[str, str], list[Entity]] = {}
        for ent in self.entities.values():
            if ent.code:
                self._by_code.setdefault(ent.code, []).append(ent)
            for term in ent.offices:
                bucket = self._by_office.setdefault((term.office, term.of), [])
                if not bucket or bucket[-1] is not ent:
                    bucket.append(ent)

    def __len__(self) -> int:
        return len(self.entities)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.entities

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities.values())

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, or ``None``."""
        return self.entities.get(entity_id)

    def countries(self) -> list[Entity]:
        """All countries, territories and historic states (ISO3-keyed)."""
        return [e for e in self.entities.values() if e.is_country]

    def of_type(self, etype: str) -> list[Entity]:
        """All entities of one type (PER, ORG, GPE, LOC, MISC)."""
        return [e for e in self.entities.values() if e.type == etype]

    def by_code(self, code: str) -> list[Entity]:
        """Entities carrying this actor code (e.g. ``"NATO"``)."""
        return list(self._by_code.get(code, ()))

    def holders(self, office: str, of: str, on: date) -> list[Entity]:
        """Who held ``office`` of ``of`` (ISO3 or actor code) on ``on``.

        A term covers its start day and runs until (not including) its end day.
        """
        return [
            ent
            for ent in self._by_office.get((office, of), ())
            if any(t.office == office and t.of == of and t.held_on(on) for t in ent.offices)
        ]


def read_records(lines: Iterable[str], origin: str) -> Iterator[dict[str, Any]]:
    """Records of a knowledge-base JSONL file (blank and ``#`` lines skipped)."""
    for lineno, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{origin}:{lineno}: invalid JSON: {exc}") from exc
        if not isinstance(raw, dict) or "id" not in raw:
            raise ValueError(f"{origin}:{lineno}: expected an object with an 'id'")
        yield raw


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Fields of ``override`` replace those of ``base``; alias lists are unioned."""
    merged = dict(base)
    for key, value in override.items():
        if key in ("aliases", "nisba", "sources") and isinstance(value, list):
            old = [str(v) for v in base.get(key) or ()]
            merged[key] = old + [str(v) for v in value if str(v) not in old]
        else:
            merged[key] = value
    return merged


def shipped_records() -> list[dict[str, Any]]:
    """The raw records of the shipped ``entities.jsonl``."""
    text = (
        resources.files(DATA_PACKAGE).joinpath(DATA_DIR, ENTITIES_FILE).read_text(encoding="utf-8")
    )
    return list(read_records(text.splitlines(), ENTITIES_FILE))


def shipped_meta() -> dict[str, Any]:
    """Build metadata (date, counts, sources) of the shipped data."""
    text = resources.files(DATA_PACKAGE).joinpath(DATA_DIR, META_FILE).read_text(encoding="utf-8")
    meta: dict[str, Any] = json.loads(text)
    return meta


def merge_records(
    base: Iterable[dict[str, Any]], extra: Iterable[dict[str, Any]]
) -> list[dict[str, Any]]:
    """``base`` records with ``extra`` merged in by id (extra wins, alias lists are unioned)."""
    by_id: dict[str, dict[str, Any]] = {}
    for raw in base:
        by_id[str(raw["id"])] = raw
    for raw in extra:
        key = str(raw["id"])
        by_id[key] = _merge(by_id[key], raw) if key in by_id else raw
    return list(by_id.values())


def build_kb(records: Iterable[dict[str, Any]], extra: Path | None = None) -> KnowledgeBase:
    """Make a knowledge base from raw records plus an optional override file."""
    if extra is not None:
        with extra.open(encoding="utf-8") as handle:
            records = merge_records(records, list(read_records(handle, str(extra))))
    return KnowledgeBase(Entity.from_json(raw) for raw in records)


@lru_cache(maxsize=1)
def _default_kb() -> KnowledgeBase:
    return build_kb(shipped_records())


def load_kb(extra: Path | None = None) -> KnowledgeBase:
    """Load the shipped knowledge base (cached); ``extra`` adds or overrides records."""
    if extra is None:
        return _default_kb()
    return build_kb(shipped_records(), extra)
