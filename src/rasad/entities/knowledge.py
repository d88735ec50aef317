"""The knowledge base as the entity stage sees it: shipped data + this stage's extra entries +
the user's override file, with office lookups by date or by document.

``entities/data/extra_entities.jsonl`` has the knowledge-base format; a record with the id of a
shipped one overrides its fields and adds to its aliases (the loader's merge rule).
"""

from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..kb import Entity, KnowledgeBase, Office, build_kb
from ..kb.loader import merge_records, read_records, shipped_records

__all__ = ["EXTRA_FILE", "Knowledge", "load_knowledge", "parse_date"]

EXTRA_FILE = "extra_entities.jsonl"

#: When a person held several offices, the one a bare role phrase most likely means.
OFFICE_PRIORITY = (
    "head_of_state",
    "head_of_government",
    "secretary_general",
    "commission_president",
    "council_president",
    "foreign_minister",
    "defence_minister",
    "high_representative",
    "vice_president",
    "presidential_spokesperson",
    "foreign_ministry_spokesperson",
    "leader",
)


def parse_date(value: str | None) -> date | None:
    """``YYYY-MM-DD`` (or a longer ISO timestamp) as a date; None if absent or malformed."""
    if not value or len(value) < 10:
        return None
    head = value[:10]
    if not (head[:4].isdigit() and head[5:7].isdigit() and head[8:10].isdigit()):
        return None
    y, m, d = int(head[:4]), int(head[5:7]), int(head[8:10])
    if not (y >= 1 and 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]):
        return None
    return date(y, m, d)


def _extras() -> list[dict[str, Any]]:
    path = resources.files(__package__ or "rasad.entities").joinpath("data").joinpath(EXTRA_FILE)
    if not path.is_file():
        return []
    return list(read_records(path.read_text(encoding="utf-8").splitlines(), EXTRA_FILE))


@lru_cache(maxsize=4)
def load_knowledge(user_extra: Path | None = None) -> Knowledge:
    """Shipped KB + the stage's extra entries + the user's file (cached per process)."""
    records = merge_records(shipped_records(), _extras())
    return Knowledge(build_kb(records, user_extra))


class Knowledge:
    """Read-only view of a ``KnowledgeBase`` with the office queries the role grammar needs."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.entities: dict[str, Entity] = kb.entities
        self._ever: dict[tuple[str, str], list[str]] = {}
        for ent in kb.entities.values():
            for term in ent.offices:
                ids = self._ever.setdefault((term.office, term.of), [])
                if ent.id not in ids:
                    ids.append(ent.id)
        self._by_code: dict[str, str] = {}
        for ent in kb.entities.values():
            if ent.code and ent.type != "PER":
                self._by_code.setdefault(ent.code, ent.id)

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    def holders(self, office: str, of: str, on: date) -> list[str]:
        """Ids of who held ``office`` of ``of`` on ``on``."""
        return [e.id for e in self.kb.holders(office, of, on)]

    def ever_held(self, office: str, of: str) -> list[str]:
        """Ids of everyone who held ``office`` of ``of`` at some time."""
        return list(self._ever.get((office, of), ()))

    def offices(self, entity_id: str, on: date | None) -> list[Office]:
        """The offices of a person (on a date if given), most likely first."""
        ent = self.entities.get(entity_id)
        if ent is None:
            return []
        terms = [t for t in ent.offices if on is None or t.held_on(on)]
        rank = {k: i for i, k in enumerate(OFFICE_PRIORITY)}
        return sorted(terms, key=lambda t: (rank.get(t.office, 99), -t.start.toordinal()))

    def actor_code(self, entity_id: str) -> str | None:
        """ISO3 of a country, or the code of an international body."""
        ent = self.entities.get(entity_id)
        if ent is None:
            return None
        if ent.is_country:
            return ent.id
        return ent.code

    def by_code(self, code: str) -> str | None:
        """The entity (country or body) of an actor code."""
        if code in self.entities and self.entities[code].is_country:
            return code
        return self._by_code.get(code)
