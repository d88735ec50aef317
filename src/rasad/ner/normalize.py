"""Arabic orthographic normalisation and light clitic stripping."""

from __future__ import annotations

from collections.abc import Iterable

from rasad.arabic import PROCLITICS, fold_light

# Proclitic sequences, longest first, from the one Arabic module; "لل" is ل + ال with the alef
# dropped. "فكال" and "فك" (rare) are left out: the shipped model was trained without them.
_PREFIXES = tuple(p for p in PROCLITICS if p not in ("فكال", "فك"))
_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "نا", "ها")
#: The prefixes by their first letter, in the order of ``_PREFIXES``.
_BY_FIRST = {c: tuple(p for p in _PREFIXES if p[0] == c) for c in {p[0] for p in _PREFIXES}}


def normalize(word: str) -> str:
    """Remove diacritics/tatweel, fold alef variants, yaa and taa marbuta
    (``rasad.arabic.fold_light``: the folding the shipped model was trained on)."""
    return fold_light(word)


class Morph:
    """Clitic splitting guided by a set of known (normalised) words.

    A conjunction/preposition proclitic is removed when what remains (or ال +
    what remains, for لل) is a known word; ال-type proclitics are always
    removed. Unknown words keep their other letters: ``بغداد`` stays whole.
    """

    def __init__(self, known: Iterable[str]) -> None:
        self.known = frozenset(known)
        self._cache: dict[str, tuple[str, str, str]] = {}

    def variants(self, norm: str) -> tuple[str, str, str]:
        """``(word, clitic_free, stem)``: clitic-free keeps ال; the stem also
        drops ال and a possessive suffix."""
        hit = self._cache.get(norm)
        if hit is None:
            hit = self._cache[norm] = self._split(norm)
            if len(self._cache) > 400_000:
                self._cache.clear()
        return hit

    def _split(self, norm: str) -> tuple[str, str, str]:
        free = bare = norm
        for p in _BY_FIRST.get(norm[:1], ()):
            if not norm.startswith(p) or len(norm) - len(p) < 2:
                continue
            rest = norm[len(p) :]
            if p.endswith(("ال", "لل")):
                free, bare = "ال" + rest, rest
                break
            if rest in self.known or "ال" + rest in self.known:
                free = bare = rest
                break
        if bare.startswith("ال") and len(bare) > 3:
            bare = bare[2:]
        for s in _SUFFIXES:
            if bare.endswith(s) and len(bare) - len(s) >= 3:
                bare = bare[: -len(s)]
                break
        return norm, free, bare
