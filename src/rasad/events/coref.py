"""A person named again by name alone keeps the state of the first mention.

"قال نائب وزير الدفاع الكيني جون موانغي ... وأضاف موانغي أن ..." — the linker gives
a person it does not know (an entity made for the page) the country of the title and nisba
around the first mention only; the later mention by surname carries no country, so the
statements it opens have no side. ``inherit_countries`` gives such units the countries (and
sector) of an earlier unit of the same entity in the document.
"""

from __future__ import annotations

from .arguments import Unit

__all__: list[str] = []  # internal to the events package


def inherit_countries(units: list[Unit]) -> list[Unit]:
    """``units`` (in document order), each person without a country given the countries of an
    earlier unit that names the same entity."""
    known: dict[str, Unit] = {}
    for u in units:
        if u.countries:  # a title, nisba and name merged into one unit name the person too
            for e in u.entities or ([u.entity] if u.entity else []):
                known.setdefault(e, u)
            continue
        if u.kind != "PER":
            continue
        first = next(
            (known[e] for e in u.entities or ([u.entity] if u.entity else []) if e in known),
            None,
        )
        if first is not None:
            u.countries = first.countries
            u.sector = u.sector or first.sector
    return units
