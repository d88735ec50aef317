"""One actor named twice in apposition is one side: "عقد العاهل السعودي، الملك سلمان بن عبد
العزيز، لقاء مع ..." (a title and the name after a comma, two units of one entity), "وصل وزير
الخارجية السوري في حكومة ...، أسعد الشيباني، ... إلى بغداد" (the name after the title's
office is the subject again, not the object of the verb).

Used by ``symmetric.symmetric_sides`` (the members of a subject) and
``directed.directed_sides`` (an object that is the subject named again).
"""

from __future__ import annotations

from .arguments import Unit

__all__: list[str] = []  # internal to the events package


def distinct(units: list[Unit]) -> list[Unit]:
    """``units`` less those whose entity an earlier one already names."""
    seen: set[str] = set()
    out: list[Unit] = []
    for u in units:
        if u.entity is not None and u.entity in seen:
            continue
        if u.entity is not None:
            seen.add(u.entity)
        out.append(u)
    return out


def subject_again(obj: list[Unit] | None, subj: list[Unit] | None) -> bool:
    """Every unit of ``obj`` names an entity of the subject (a person, not a state)."""
    if not obj or not subj:
        return False
    names = {u.entity for u in subj if u.entity is not None and u.kind in ("PER", "ROLE")}
    return all(u.entity in names for u in obj)
