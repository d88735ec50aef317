"""Unseen spellings of known names (بوتن for بوتين, كازخستان for كازاخستان).

Foreign names reach Arabic through several transliterations: long vowels are written or left
out (ا و ي), Turkish ç is ج or تش, ğ is غ, emphatic and plain consonants swap (ض/ز, ص/س, ط/ت),
letters get doubled. Two keys capture that:

- the **skeleton**: consonant classes only (vowels dropped, classes merged, doubles collapsed);
  it is the lookup key of the index, and names with fewer than three consonants get none;
- the **class string**: consonant classes with the vowels kept; candidates sharing a skeleton
  must be close in a weighted edit distance on it, where dropping or adding a long vowel costs
  0.5, swapping one long vowel for another 1 and any consonant edit 1.

The threshold grows with length (0.5 up to 5 letters, 1 up to 7, 1.5 beyond), so ``بوتن``
(a dropped ي) is Putin but ``بوتان`` (ي → ا: butane) is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz.distance import Levenshtein

from ..kb import Entity
from .lexicon import COMMON_WORDS, FUNCTION_WORDS
from .matcher import alias_key

__all__ = ["VariantIndex", "class_string", "skeleton", "variant_distance"]

_VOWELS = frozenset("اويءى")
_CLASSES = str.maketrans({
    "ج": "K", "ق": "K", "ك": "K", "غ": "K",
    "ض": "Z", "ز": "Z", "ذ": "Z", "ظ": "Z",
    "س": "S", "ص": "S", "ث": "S",
    "ت": "T", "ط": "T",
    "ح": "H", "ه": "H",
    "ء": "ا", "ى": "ي",
})
_DOUBLE = re.compile(r"(.)\1+")
_DIGRAPHS = (("تش", "ج"), ("دج", "ج"), ("كس", "KS"))
_ARTICLE = "ال"


def _strip_article(word: str) -> str:
    if word.startswith(_ARTICLE) and len(word) > 4:
        return word[2:]
    return word


def class_string(word: str) -> str:
    """Consonant classes with vowels kept, doubled letters collapsed (folded input)."""
    word = _DOUBLE.sub(r"\1", _strip_article(word))
    for a, b in _DIGRAPHS:
        word = word.replace(a, b)
    if word.endswith("ه"):
        word = word[:-1] + "ا"  # final ة is a vowel: سورية = سوريا
    return word.translate(_CLASSES)


def skeleton(word: str) -> str:
    """Consonant classes only: the lookup key of a spelling variant."""
    return "".join(ch for ch in class_string(word) if ch not in _VOWELS)


def _deletions(skel: str) -> set[str]:
    """The skeleton with one consonant left out (a typo adds one: لافرورف)."""
    return {skel[:i] + skel[i + 1:] for i in range(len(skel))}


def variant_distance(a: str, b: str) -> float:
    """Weighted edit distance between two class strings (see module doc)."""
    n, m = len(a), len(b)
    prev = [0.0] * (m + 1)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + (0.5 if b[j - 1] in _VOWELS else 1.0)
    for i in range(1, n + 1):
        ca = a[i - 1]
        del_cost = 0.5 if ca in _VOWELS else 1.0
        cur = [prev[0] + del_cost] + [0.0] * m
        for j in range(1, m + 1):
            cb = b[j - 1]
            sub = 0.0 if ca == cb else 1.0
            ins = 0.5 if cb in _VOWELS else 1.0
            cur[j] = min(prev[j - 1] + sub, prev[j] + del_cost, cur[j - 1] + ins)
        prev = cur
    return prev[m]


def _threshold(length: int) -> float:
    if length <= 5:
        return 0.5
    if length <= 7:
        return 1.0
    return 1.5


def close_enough(word: str, known: str) -> bool:
    """Whether ``word`` may be a spelling of ``known`` (both folded, one token each)."""
    if word == known:
        return True
    ca, cb = class_string(word), class_string(known)
    sa, sb = skeleton(word), skeleton(known)
    if sa != sb and not (len(sa) >= 4 and sb in _deletions(sa)) and not (
            len(sb) >= 4 and sa in _deletions(sb)):
        return False
    if Levenshtein.distance(ca, cb) > 3:
        return False
    return variant_distance(ca, cb) <= _threshold(max(len(ca), len(cb)))


class VariantIndex:
    """Skeleton → known name tokens, for words the exact matcher did not find.

    Indexed are one-word names of people (surnames), countries and places, and the tokens of
    multi-word personal names (``جاويش`` of ``جاويش اوغلو``), which are only accepted together
    with the other tokens of that name (see ``match_tokens``).
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._single: dict[str, list[tuple[str, str]]] = {}
        self._multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        #: first words of multi-word names: "فلاديمير" before "بوتن" supports the variant
        self.first_words: dict[str, set[str]] = {}
        for ent in entities:
            if ent.type not in ("PER", "GPE", "LOC"):
                continue
            for form in ent.surface_forms():
                key = alias_key(form)
                tokens = tuple(key.split())
                if not tokens:
                    continue
                if len(tokens) > 1:
                    self.first_words.setdefault(ent.id, set()).add(tokens[0])
                if len(tokens) == 1:
                    tok = tokens[0]
                    if tok in COMMON_WORDS or len(skeleton(tok)) < 3:
                        continue
                    skel = skeleton(tok)
                    for key in {skel} | (_deletions(skel) if len(skel) >= 4 else set()):
                        bucket = self._single.setdefault(key, [])
                        if (tok, ent.id) not in bucket:
                            bucket.append((tok, ent.id))
                elif ent.type == "PER" and len(tokens) <= 4:
                    tail = skeleton(tokens[-1])
                    if len(tail) >= 2:
                        multi = self._multi.setdefault(tail, [])
                        if (tokens, ent.id) not in multi:
                            multi.append((tokens, ent.id))

    def lookup(self, word: str) -> list[tuple[str, str]]:
        """(known token, entity id) that ``word`` may be a spelling of."""
        if word in FUNCTION_WORDS or word in COMMON_WORDS or len(word) < 4:
            return []
        key = skeleton(word)
        if len(key) < 3:
            return []
        keys = {key} | (_deletions(key) if len(key) >= 5 else set())
        out: list[tuple[str, str]] = []
        for k in keys:
            for tok, eid in self._single.get(k, ()):
                if (tok, eid) not in out and close_enough(word, tok):
                    out.append((tok, eid))
        return out

    def match_tokens(self, tokens: list[str]) -> list[tuple[int, str]]:
        """Multi-word names ending at the last of ``tokens``: (number of tokens, entity id)."""
        if not tokens:
            return []
        last = tokens[-1]
        out: list[tuple[int, str]] = []
        for name, eid in self._multi.get(skeleton(last), ()):
            k = len(name)
            if k > len(tokens):
                continue
            window = tokens[-k:]
            if window == list(name):
                continue  # exact: the gazetteer's business
            if all(close_enough(w, t) for w, t in zip(window, name, strict=True)):
                out.append((k, eid))
        out.sort(key=lambda x: -x[0])
        return out
