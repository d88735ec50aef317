"""An office named by a title and its state: "وزير الشؤون الخارجية بالجمهورية الإسلامية
الإيرانية، X" is Iran's minister, as "وزير الخارجية الإيراني X" is.

The linker links the state's name (its long official forms are aliases in the knowledge
base) but not the title before it, so the state would stand as a place ("بـ / في / لـ" +
country). Here a title head (cue ``office_heads``: وزير، رئيس، نائب، المتحدث ...) followed by up
to four words of its office (definite words or cue ``office_words``: مجلس، شؤون ...; envoys
are not heads: "السفير في تركيا" serves there for another state) and then
"بـ / في / لـ + a country" becomes one actor unit of that country, with the person named after
it (after a comma or not) when that person is of the same state or has no state. A one-word
title needs the name after it ("التقى الوزير في موسكو نظيره" is a minister in Moscow, not a
Russian minister).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .cues import cue
from .lexicon import Token

if TYPE_CHECKING:
    from .arguments import Unit

__all__ = ["office_units"]

_HEADS = cue("office_heads")
_WORDS = cue("office_words")
_PREPS = frozenset({"ب", "في", "ل", "لل"})


def _is_head(word: str) -> bool:
    return word in _HEADS or (word[:1] in "وف" and word[1:] in _HEADS)


def _office_word(word: str) -> bool:
    return (
        word in _WORDS
        or word.startswith("ال")
        or (word[:1] in "وف" and (word[1:] in _WORDS or word[1:].startswith("ال")))
    )


def office_units(units: list[Unit], tokens: list[Token], norm: str) -> list[Unit]:
    """``units`` (``arguments.Unit``, sorted, not yet given their prepositions) with each
    "title + بـ/في/لـ + country [،] [name]" phrase merged into one actor unit."""
    out: list[Unit] = []
    n = 0
    while n < len(units):
        unit = units[n]
        merged = _merge(units, n, tokens, norm, out[-1].j if out else 0)
        if merged is None:
            out.append(unit)
            n += 1
            continue
        new, used = merged
        out.append(new)
        n += used
    return out


def _merge(
    units: list[Unit], n: int, tokens: list[Token], norm: str, floor: int
) -> tuple[Unit, int] | None:
    place = units[n]
    if place.kind != "GPE" or not place.countries or place.i == 0:
        return None
    if place.entity is None or place.city:
        return None  # a country, not a city: "السفير في موسكو" is where the envoy serves
    tok = tokens[place.i]
    clitic = norm[tok.start : place.start].lstrip("وف")
    k = place.i
    if not clitic:
        if tokens[k - 1].text not in _PREPS:
            return None
        clitic, k = tokens[k - 1].text, k - 1
    if clitic not in _PREPS:
        return None
    # the title: a head, then only office words up to the preposition
    head = None
    for m in range(k - 1, max(floor, k - 6) - 1, -1):
        if _is_head(tokens[m].text):
            head = m
            break
        if not _office_word(tokens[m].text):
            return None
    if head is None:
        return None
    used = 1
    end_unit = place
    after = units[n + 1] if n + 1 < len(units) else None
    if after is not None and after.kind == "PER" and after.i - place.j <= 1:
        gap = norm[place.end : after.start]
        if (
            gap.strip(" ،,") == ""
            and not after.clitic_wa
            and (not after.countries or set(after.countries) == set(place.countries))
        ):
            end_unit, used = after, 2
    if used == 1 and k - head < 2:
        return None  # "الوزير في موسكو": a one-word title is where someone is, not whose
    h = tokens[head]
    start = h.start + (0 if h.text in _HEADS else 1)  # after a glued و / ف
    new = replace(
        place,
        i=head,
        j=end_unit.j,
        start=start,
        end=end_unit.end,
        entity=end_unit.entity if used == 2 else place.entity,
        kind="PER" if used == 2 else "ROLE",
        sector=end_unit.sector if used == 2 else "GOV",
        entities=[place.entity or ""] + ([end_unit.entity or ""] if used == 2 else []),
    )
    new.clitic_wa = start > h.start
    return new, used
