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
from functools import lru_cache
from typing import Any

import ahocorasick
from rapidfuzz.distance import Levenshtein

from ..kb import Entity
from .lexicon import COMMON_WORDS, FUNCTION_WORDS, ROLE_HEADS
from .matcher import alias_key
from .words import WORD, Words

__all__ = ["VariantIndex", "class_string", "skeleton", "variant_distance"]

_VOWELS = frozenset("اويءى")
_CLASSES = str.maketrans(
    {
        "ج": "K",
        "ق": "K",
        "ك": "K",
        "غ": "K",
        "ض": "Z",
        "ز": "Z",
        "ذ": "Z",
        "ظ": "Z",
        "س": "S",
        "ص": "S",
        "ث": "S",
        "ت": "T",
        "ط": "T",
        "ح": "H",
        "ه": "H",
        "ء": "ا",
        "ى": "ي",
    }
)
_DOUBLE = re.compile(r"(.)\1+")
_DIGRAPHS = (("تش", "ج"), ("دج", "ج"), ("كس", "KS"))
_ARTICLE = "ال"


def _strip_article(word: str) -> str:
    if word.startswith(_ARTICLE) and len(word) > 4:
        return word[2:]
    return word


@lru_cache(maxsize=200_000)
def class_string(word: str) -> str:
    """Consonant classes with vowels kept, doubled letters collapsed (folded input)."""
    word = _DOUBLE.sub(r"\1", _strip_article(word))
    for a, b in _DIGRAPHS:
        word = word.replace(a, b)
    if word.endswith("ه"):
        word = word[:-1] + "ا"  # final ة is a vowel: سورية = سوريا
    return word.translate(_CLASSES)


@lru_cache(maxsize=200_000)
def skeleton(word: str) -> str:
    """Consonant classes only: the lookup key of a spelling variant."""
    return "".join(ch for ch in class_string(word) if ch not in _VOWELS)


def _deletions(skel: str) -> set[str]:
    """The skeleton with one consonant left out (a typo adds one: لافرورف)."""
    return {skel[:i] + skel[i + 1 :] for i in range(len(skel))}


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


@lru_cache(maxsize=200_000)
def close_enough(word: str, known: str) -> bool:
    """Whether ``word`` may be a spelling of ``known`` (both folded, one token each)."""
    if word == known:
        return True
    ca, cb = class_string(word), class_string(known)
    sa, sb = skeleton(word), skeleton(known)
    if (
        sa != sb
        and not (len(sa) >= 4 and sb in _deletions(sa))
        and not (len(sb) >= 4 and sa in _deletions(sb))
    ):
        return False
    if Levenshtein.distance(ca, cb) > 3:
        return False
    return variant_distance(ca, cb) <= _threshold(max(len(ca), len(cb)))


_WORD = WORD
#: Endings of foreign names: a long unknown word with one may be a variant on its own.
FOREIGN_ENDINGS = ("ستان", "وف", "يف", "وفا", "يفا", "فيتش", "سكي", "ينكو", "اوغلو", "شفيلي")
_PERSON = frozenset({"PER"})
_PLACE = frozenset({"GPE", "LOC"})
#: Parts of compound names too frequent to anchor a variant ("عبد الله", "ابو بكر").
_GLUE = frozenset({"الله", "عبد", "ابو", "ابن", "بن", "الدين", "الرحمن"})
_STEM_PREFIXES = ("", "و", "ف")  # ب ل ك often begin foreign names: never stripped here
_TITLE, _FIRST, _TOKEN, _ENDING = 1, 2, 4, 8


class VariantIndex:
    """Skeleton → known name tokens, for words the exact matcher did not find.

    Indexed are one-word names (surnames, countries, places) of people and places, and
    multi-word personal names. ``find`` looks only where a variant is supported, found by one
    Aho-Corasick pass over trigger words (so the cost stays linear and mostly in C):

    - after a title or office word (a person's name of 6+ letters: "الرئيس بوتينن"), a nisba
      adjective (a person of that country: "الروسي بوتن") or the entity's own first name
      ("فلاديمير بوتن");
    - a long word (7+ letters) with a foreign ending on its own, for places ("كازخستان");
    - around an exact token of a multi-word personal name, whose other tokens must all be
      close, 4+ letters, neither frequent words nor first names ("تشاوش أوغلو" for
      "جاويش أوغلو", "جيهون بيرموف").

    Words with the article are never variants: names written with it are Arabic words with
    one spelling; transliterated foreign names are the ones that vary.
    """

    def __init__(self, entities: Iterable[Entity], context_words: Iterable[str] = ()) -> None:
        self._single: dict[str, list[tuple[str, str]]] = {}
        self._ents: dict[str, tuple[str, str | None]] = {}
        self._by_token: dict[str, list[tuple[tuple[str, ...], int, str]]] = {}
        self._first: dict[str, set[str]] = {}
        for ent in entities:
            if ent.type not in ("PER", "GPE", "LOC"):
                continue
            self._ents[ent.id] = (ent.type, ent.country)
            for form in ent.surface_forms():
                tokens = tuple(alias_key(form).split())
                if len(tokens) == 1:
                    self._add_single(tokens[0], ent.id)
                elif ent.type == "PER" and 1 < len(tokens) <= 4:
                    self._first.setdefault(tokens[0], set()).add(ent.id)
                    for i, tok in enumerate(tokens):
                        if len(tok) >= 3 and tok not in FUNCTION_WORDS and tok not in _GLUE:
                            bucket = self._by_token.setdefault(tok, [])
                            if (tokens, i, ent.id) not in bucket:
                                bucket.append((tokens, i, ent.id))
        self._stop = (
            frozenset(context_words)
            | COMMON_WORDS
            | FUNCTION_WORDS
            | _GLUE
            | {w for head in ROLE_HEADS for w in head.split()}
        )
        flags: dict[str, int] = {}
        for word in context_words:
            flags[word] = flags.get(word, 0) | _TITLE
        for word in self._first:
            flags[word] = flags.get(word, 0) | _FIRST
        for word in self._by_token:
            flags[word] = flags.get(word, 0) | _TOKEN
        for word in FOREIGN_ENDINGS:
            flags[word] = flags.get(word, 0) | _ENDING
        self._automaton: Any = ahocorasick.Automaton()
        for word, flag in flags.items():
            self._automaton.add_word(word, (len(word), flag))
        if flags:
            self._automaton.make_automaton()
        self._empty = not flags

    def _add_single(self, tok: str, eid: str) -> None:
        skel = skeleton(tok)
        if tok in COMMON_WORDS or len(skel) < 3 or tok.startswith("ال"):
            return
        for key in {skel} | (_deletions(skel) if len(skel) >= 4 else set()):
            bucket = self._single.setdefault(key, [])
            if (tok, eid) not in bucket:
                bucket.append((tok, eid))

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

    def _single_at(
        self,
        norm: str,
        start: int,
        end: int,
        types: frozenset[str],
        allowed: set[str] | None,
        country: str | None,
        min_len: int,
    ) -> tuple[int, str] | None:
        """(name start without proclitic, entity id) for the word norm[start:end]."""
        word = norm[start:end]
        for pre in _STEM_PREFIXES:
            stem = word[len(pre) :]
            if not word.startswith(pre) or len(stem) < min_len or stem.startswith("ال"):
                continue
            if stem in self._first:
                return None  # a first name is not someone's surname
            cands = set()
            for _, eid in self.lookup(stem):
                etype, ecountry = self._ents[eid]
                if etype not in types or (allowed is not None and eid not in allowed):
                    continue
                if country is not None and ecountry != country:
                    continue
                cands.add(eid)
            if len(cands) == 1:
                return end - len(stem), cands.pop()
            if cands:
                return None
        return None

    def find(
        self,
        norm: str,
        taken: bytearray,
        nisbas: Iterable[tuple[int, str]] = (),
        words: Words | None = None,
    ) -> list[tuple[int, int, int, str]]:
        """Variants in ``norm`` outside ``taken``: (start, end, word start, entity id).
        ``nisbas``: (end offset, country) of the nisba adjectives found; ``words``: the words
        of ``norm`` (read here if not given and needed)."""
        if self._empty:
            return []
        n = len(norm)
        # (word start, word end, types, allowed ids, country, min length)
        cands: list[tuple[int, int, frozenset[str], set[str] | None, str | None, int]] = []
        tokens: list[tuple[int, int]] = []
        for last, (klen, flag) in self._automaton.iter(norm):
            end = last + 1
            if end < n and norm[end].isalnum():
                continue
            start = end - klen
            if flag & _ENDING:
                ws = start
                while ws > 0 and norm[ws - 1].isalnum():
                    ws -= 1
                if end - ws >= 7 and (ws == 0 or not norm[ws - 1].isalnum()):
                    cands.append((ws, end, _PLACE, None, None, 7))
            if start > 0 and norm[start - 1].isalnum():
                pre = norm[max(0, start - 2) : start]
                if not (
                    pre[-1:] in "وفبلك"
                    and (
                        start - 1 == 0
                        or not norm[start - 2].isalnum()
                        or pre in ("وب", "ول", "فب", "فل", "وك")
                    )
                ):
                    continue
            if flag & _TOKEN:
                tokens.append((start, end))
            if flag & (_TITLE | _FIRST):
                nxt = _next_word(norm, end)
                if nxt is not None:
                    word = norm[start:end]
                    allowed = self._first.get(word) if not flag & _TITLE else None
                    cands.append((*nxt, _PERSON, allowed, None, 6 if flag & _TITLE else 4))
        for nis_end, nis_country in nisbas:
            nxt = _next_word(norm, nis_end)
            if nxt is not None:
                cands.append((*nxt, _PERSON, None, nis_country, 4))
        out: list[tuple[int, int, int, str]] = []
        seen: set[int] = set()
        for start, end, types, allowed, country, min_len in cands:
            if start in seen or taken.find(1, start, end) != -1:
                continue
            hit = self._single_at(norm, start, end, types, allowed, country, min_len)
            if hit is not None:
                seen.add(start)
                out.append((hit[0], end, start, hit[1]))
        if tokens:
            table = words if words is not None else Words(norm)
            for start, end in tokens:
                found = self._multi_at(norm, start, end, taken, table)
                if found is not None and found[2] not in seen:
                    seen.add(found[2])
                    out.append(found)
        return out

    def _multi_at(
        self, norm: str, start: int, end: int, taken: bytearray, table: Words
    ) -> tuple[int, int, int, str] | None:
        """A multi-word name around the exact token norm[start:end] with close other tokens:
        among the words within 60 characters of it (cut at that distance)."""
        if taken.find(1, start, end) != -1:
            return None  # every candidate span covers the token, so each would be refused
        toks = table.within(max(0, start - 60), min(len(norm), end + 60))
        idx = next((i for i, sp in enumerate(toks) if sp[1] == end), None)
        if idx is None:
            return None
        for name, pos, eid in self._by_token[norm[start:end]]:
            first = idx - pos
            last = first + len(name) - 1
            if first < 0 or last >= len(toks):
                continue
            window = toks[first : last + 1]
            if any(norm[window[j][1] : window[j + 1][0]].strip() for j in range(len(window) - 1)):
                continue
            s, e = window[0][0], window[-1][1]
            words = [norm[a:b] for a, b in window]
            if pos != 0 and words[0] != name[0] and words[0][:1] in "وف":
                words[0] = words[0][1:]  # a conjunction glued to the first word
                s += 1
            if taken.find(1, s, e) != -1 or words == list(name):
                continue
            if all(
                w == t
                or (
                    len(w) >= 4
                    and not w.startswith("ال")
                    and w not in self._first
                    and w not in self._stop
                    and close_enough(w, t)
                )
                for w, t in zip(words, name, strict=True)
            ):
                return s, e, window[0][0], eid
        return None


def _next_word(norm: str, pos: int) -> tuple[int, int] | None:
    """The word after ``pos`` when only spaces separate them."""
    n = len(norm)
    p = pos
    while p < n and norm[p] in " \t":
        p += 1
    if p == pos:
        return None
    m = _WORD.match(norm, p)
    return m.span() if m is not None else None
