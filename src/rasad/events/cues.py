"""Cue words of the event rules, loaded from ``data/cues.tsv``.

Each line of the file is a set name and one word or phrase (TAB-separated); the words are
written in plain Arabic and folded when loaded, since the rules match folded text (codes
such as ISO3 country codes are kept as written). The rule
modules read their word lists with ``cue(name)``: negation, modality, complementizers,
clause breaks, topic nouns, actor heads, prepositions and the rest. Adding a cue is a
one-line change to the data file.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..arabic import fold

__all__ = ["cue", "cue_names"]


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    text = resources.files("rasad.events").joinpath("data/cues.tsv").read_text("utf-8")
    sets: dict[str, set[str]] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        name, sep, word = line.partition("\t")
        if not sep or not word.strip():
            raise ValueError(f"cues.tsv line {n}: expected 'name<TAB>word'")
        word = word.strip()
        # codes (ISO3 and the like) are kept as written; Arabic words are folded
        sets.setdefault(name.strip(), set()).add(word if word.isascii() else fold(word))
    return {name: frozenset(words) for name, words in sets.items()}


def cue(name: str) -> frozenset[str]:
    """The folded words of cue set ``name`` (KeyError for an unknown set)."""
    return _table()[name]


def cue_names() -> list[str]:
    return sorted(_table())
