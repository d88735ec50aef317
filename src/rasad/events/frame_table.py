"""Event frames, loaded from ``data/frames.tsv``: where the arguments of a trigger stand.

Every row of ``triggers.tsv`` names a frame. A frame lists the prepositions that mark the
target after the verb and after its noun ("اتهمت X Y", "فرض عقوبات على Y"), those that mark a
partner ("اتفق X مع Y"), and the prepositions before a place that names the target's country
("أرسلت مساعدات إلى ليبيا", "استدعت سفيرها في باريس"). ``frames._events_for`` reads the
sides through the trigger's frame; adding a frame or moving a verb to another one is a data
change.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..arabic import fold

__all__ = ["BARE", "Frame", "frame", "frame_names"]

#: the marker of a bare direct object (a unit with no preposition)
BARE = ""


@dataclass(frozen=True, slots=True)
class Frame:
    name: str
    target: frozenset[str]  # after a verb; BARE for a direct object
    target_n: frozenset[str]  # after a noun
    partner: frozenset[str]
    place: frozenset[str]

    def targets(self, *, verb: bool) -> frozenset[str]:
        return self.target if verb else self.target_n


def _preps(cell: str) -> frozenset[str]:
    if cell.strip() == "-":
        return frozenset()
    return frozenset(BARE if p == "0" else fold(p) for p in cell.split("|") if p)


def parse_frames(text: str) -> dict[str, Frame]:
    out: dict[str, Frame] = {}
    header = True
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 5:
            raise ValueError(f"frames.tsv line {n}: expected 5 columns, got {len(cols)}")
        if header:  # the column names
            header = False
            continue
        name = cols[0].strip()
        out[name] = Frame(name, *(_preps(c) for c in cols[1:]))
    return out


@lru_cache(maxsize=1)
def _table() -> dict[str, Frame]:
    text = resources.files("rasad.events").joinpath("data/frames.tsv").read_text("utf-8")
    return parse_frames(text)


def frame(name: str) -> Frame:
    """The frame called ``name`` (KeyError for an unknown frame)."""
    return _table()[name]


def frame_names() -> list[str]:
    return sorted(_table())
