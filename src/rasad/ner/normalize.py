"""Arabic orthographic normalisation and light clitic stripping."""

from __future__ import annotations

from functools import lru_cache

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
_PREFIXES = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
             "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "نا", "ها")


def normalize(word: str) -> str:
    """Remove diacritics/tatweel, fold alef variants, yaa and taa marbuta."""
    return word.translate(_FOLD)


@lru_cache(maxsize=1 << 17)
def variants(norm: str) -> tuple[str, str, str]:
    """``(word, clitic_free, stem)`` of a normalised word: the clitic-free form
    drops conjunction/preposition proclitics but keeps ال; the stem also drops
    ال and a possessive suffix."""
    free = bare = norm
    for p in _PREFIXES:
        if norm.startswith(p):
            rest = norm[len(p) :]
            if p.endswith(("ال", "لل")):
                if len(rest) < 2:
                    continue
                free, bare = "ال" + rest, rest
            elif len(rest) >= (4 if len(p) == 1 else 3):
                free = bare = rest
            else:
                continue
            break
    for s in _SUFFIXES:
        if bare.endswith(s) and len(bare) - len(s) >= 3:
            bare = bare[: -len(s)]
            break
    return norm, free, bare
