"""Arabic orthographic normalisation and light clitic stripping."""

from __future__ import annotations

from collections.abc import Iterable

_FOLD: dict[int, str | None] = {
    ord(ch): None
    for ch in (
        [chr(c) for c in range(0x064B, 0x0660)]
        + [chr(c) for c in range(0x0610, 0x061B)]
        + ["\u0670", "\u0640", "\u200c", "\u200d", "\u200e", "\u200f"]
    )
}
_FOLD.update({ord(a): b for a, b in zip("أإآٱىیة", "ااااييه", strict=True)})
_FOLD.update({ord(chr(0x0660 + d)): str(d) for d in range(10)})
_FOLD.update({0xFEF7: "لا", 0xFEF8: "لا", 0xFEF9: "لا", 0xFEFA: "لا", 0xFEFB: "لا"})

# Proclitic sequences, longest first; "لل" is ل + ال with the alef dropped.
_PREFIXES = (
    "وبال",
    "وكال",
    "فبال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "ال",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)
_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "نا", "ها")


def normalize(word: str) -> str:
    """Remove diacritics/tatweel, fold alef variants, yaa and taa marbuta."""
    return word.translate(_FOLD)


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
        for p in _PREFIXES:
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
