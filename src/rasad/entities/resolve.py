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

from bisect import bisect_left, insort
from collections.abc import Callable, Iterable
from datetime import date

from .knowledge import Knowledge
from .lexicon import MINISTER_KINDS
from .roles import Frame

__all__ = ["RoleResolver", "role_id"]


def role_id(of: str, office: str) -> str:
    return f"role:{of}:{office}"


class RoleResolver:
    """Resolves the frames of one document; ``timeline`` holds (norm offset, person id).

    "The nearest person before a phrase, else the first after it" is answered from each
    person's sorted offsets (a binary search per candidate person), so a page with many
    phrases and many names stays linear in practice, not phrases x names."""

    def __init__(
        self,
        knowledge: Knowledge,
        on: date | None,
        timeline: list[tuple[int, str]],
        new_offices: dict[str, str],
    ) -> None:
        self.kn = knowledge
        self.on = on
        self.at: dict[str, list[int]] = {}  # person -> sorted offsets of their mentions
        for pos, person in sorted(timeline):
            self.at.setdefault(person, []).append(pos)
        self.bindings: dict[tuple[str, str], str] = {}
        self.person_office: dict[str, str] = dict(new_offices)
        self._held_cache: dict[tuple[str, str], bool] = {}

    # -- bookkeeping ---------------------------------------------------------------------
    def add_person(self, pos: int, person: str) -> None:
        insort(self.at.setdefault(person, []), pos)

    def bind(self, office: str, of: str | None, person: str) -> None:
        if of is not None and office not in ("minister", "counterpart"):
            self.bindings[(office, of)] = person
        if office not in ("counterpart",):
            self.person_office.setdefault(person, office)

    def _last_before(self, person: str, pos: int) -> int | None:
        """The offset of the person's last mention before ``pos``."""
        offsets = self.at.get(person)
        if not offsets:
            return None
        i = bisect_left(offsets, pos)
        return offsets[i - 1] if i else None

    def _nearest(self, pos: int, persons: Iterable[str]) -> str | None:
        """Of ``persons``, the one mentioned nearest before ``pos`` (ties: the greater id),
        else the first mentioned at or after it (ties: the smaller id); None if none is."""
        before: tuple[int, str] | None = None
        after: tuple[int, str] | None = None
        for person in persons:
            offsets = self.at.get(person)
            if not offsets:
                continue
            i = bisect_left(offsets, pos)
            if i and (before is None or (offsets[i - 1], person) > before):
                before = (offsets[i - 1], person)
            if i < len(offsets) and (after is None or (offsets[i], person) < after):
                after = (offsets[i], person)
        if before is not None:
            return before[1]
        return after[1] if after is not None else None

    def _before(self, pos: int, ok: Callable[[str], bool]) -> list[str]:
        """The persons for whom ``ok`` holds mentioned before ``pos``, nearest first."""
        found = [
            (p, person)
            for person in self.at
            if (p := self._last_before(person, pos)) is not None and ok(person)
        ]
        return [person for _, person in sorted(found, reverse=True)]

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
        before = self._before(frame.start, lambda p: self.office_of(p) is not None)
        return self.office_of(before[0]) if before else None

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
        if self.on is not None:
            holders = self.kn.holders(office, of, self.on)
            person = self._nearest(frame.start, dict.fromkeys(holders))
            if person is not None:
                return person
            if holders:
                return holders[0]
        person = self._nearest(frame.start, dict.fromkeys(self.kn.ever_held(office, of)))
        return person if person is not None else role_id(of, office)

    def _minister(self, pos: int, of: str) -> str:
        bound = {
            v
            for k, v in self.bindings.items()
            if k[1] == of and (k[0] in MINISTER_KINDS or k[0].endswith("minister"))
        }
        person = self._nearest(
            pos, (p for p in self.at if p in bound or self._held_minister(p, of))
        )
        return person if person is not None else role_id(of, "minister")

    def _held_minister(self, person: str, of: str) -> bool:
        key = (person, of)
        if key not in self._held_cache:
            self._held_cache[key] = self._held(person, _MINISTERS, of)
        return self._held_cache[key]

    def duo(self, pos: int, office: str) -> list[str]:
        """The last two distinct persons before ``pos`` holding ``office`` kinds."""

        def ok(person: str) -> bool:
            held = self.office_of(person)
            return held is not None and (
                held == office or (office == "minister" and held.endswith("minister"))
            )

        out = self._before(pos, ok)[:2]
        return out if len(out) == 2 else []


_MINISTERS = frozenset({"foreign_minister", "defence_minister"})
