"""Who holds the office a role phrase names.

In text order, each frame is resolved by, first to last:

1. **apposition**: a person named right after the phrase ("وزير الخارجية التركي مولود جاويش
   أوغلو") is the holder; the document now binds that office to that person;
2. an earlier **binding** of the same office in the document;
3. the article's **date**: the knowledge base's holder on that day;
4. without a date, a person **named in the document** who held that office at some time
   (the nearest before the phrase, else the first after it);
5. otherwise a **country + sector actor**: ``role:TUR:foreign_minister``.

"نظيره الروسي" is the counterpart: the office of the last person mentioned before it, of the
country of its nisba. "الوزير التركي" is any minister of Turkey named in the document.
"الرئيسان" are the last two heads of state mentioned.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from .knowledge import Knowledge
from .lexicon import MINISTER_KINDS
from .roles import Frame

__all__ = ["RoleResolver", "role_id"]


def role_id(of: str, office: str) -> str:
    return f"role:{of}:{office}"


class RoleResolver:
    """Resolves the frames of one document; ``timeline`` holds (norm offset, person id)."""

    def __init__(
        self,
        knowledge: Knowledge,
        on: date | None,
        timeline: list[tuple[int, str]],
        new_offices: dict[str, str],
    ) -> None:
        self.kn = knowledge
        self.on = on
        self.timeline = sorted(timeline)
        self.bindings: dict[tuple[str, str], str] = {}
        self.person_office: dict[str, str] = dict(new_offices)

    # -- bookkeeping ---------------------------------------------------------------------
    def add_person(self, pos: int, person: str) -> None:
        i = bisect_left(self.timeline, (pos, person))
        self.timeline.insert(i, (pos, person))

    def bind(self, office: str, of: str | None, person: str) -> None:
        if of is not None and office not in ("minister", "counterpart"):
            self.bindings[(office, of)] = person
        if office not in ("counterpart",):
            self.person_office.setdefault(person, office)

    def _persons(self, pos: int) -> tuple[list[str], list[str]]:
        """Persons mentioned before ``pos`` (nearest first) and after it (in order)."""
        i = bisect_left(self.timeline, (pos, ""))
        before = [p for _, p in reversed(self.timeline[:i])]
        after = [p for _, p in self.timeline[i:]]
        return before, after

    def office_of(self, person: str) -> str | None:
        if person in self.person_office:
            return self.person_office[person]
        terms = self.kn.offices(person, self.on)
        if not terms and self.on is not None:
            terms = self.kn.offices(person, None)
        return terms[0].office if terms else None

    def _held(self, person: str, offices: frozenset[str], of: str) -> bool:
        if person.startswith("new:"):
            return False
        return any(t.office in offices and t.of == of for t in self.kn.offices(person, None))

    # -- resolution ----------------------------------------------------------------------
    def counterpart_office(self, frame: Frame) -> str | None:
        before, _ = self._persons(frame.start)
        for person in before:
            office = self.office_of(person)
            if office is not None:
                return office
        return None

    def resolve(self, frame: Frame, office: str) -> str | None:
        """The person id (or role pseudo-id) for ``office`` of ``frame.of``; None to skip."""
        of = frame.of
        if of is None:
            return None
        if office == "minister":
            return self._minister(frame.start, of)
        bound = self.bindings.get((office, of))
        if bound is not None:
            return bound
        before, after = self._persons(frame.start)
        if self.on is not None:
            holders = self.kn.holders(office, of, self.on)
            for person in before + after:
                if person in holders:
                    return person
            if holders:
                return holders[0]
        ever = set(self.kn.ever_held(office, of))
        for person in before + after:
            if person in ever:
                return person
        return role_id(of, office)

    def _minister(self, pos: int, of: str) -> str:
        before, after = self._persons(pos)
        for person in before + after:
            bound = [k for k, v in self.bindings.items() if v == person and k[1] == of]
            if any(k[0] in MINISTER_KINDS or k[0].endswith("minister") for k in bound):
                return person
            if self._held(person, _MINISTERS, of):
                return person
        return role_id(of, "minister")

    def duo(self, pos: int, office: str) -> list[str]:
        """The last two distinct persons before ``pos`` holding ``office`` kinds."""
        before, _ = self._persons(pos)
        out: list[str] = []
        for person in before:
            held = self.office_of(person)
            ok = held is not None and (
                held == office or (office == "minister" and held.endswith("minister"))
            )
            if ok and person not in out:
                out.append(person)
            if len(out) == 2:
                break
        return out if len(out) == 2 else []


_MINISTERS = frozenset({"foreign_minister", "defence_minister"})
