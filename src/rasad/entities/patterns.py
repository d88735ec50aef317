"""People the knowledge base does not know, found by the words around their names.

- ``name_after(norm, pos, ...)``: two or three name-like words from ``pos`` (after an office
  phrase or a title), closed by a boundary (punctuation, a particle, a reporting verb, a known
  name or the end). Name-like: not a particle or frequent word, no article (except in
  ``عبد الله``-style compounds), no digits.
- ``find_titles(norm, ...)``: "<title noun> [complements] <Name Name>" — "الباحث في الشأن
  التركي علي أتشينار", "السفير الروسي ...". The complements are particles (في، باسم، لدى),
  definite words and known names (organisations, places, nisbas).
- ``new_person_id(name)``: a stable id from the folded name.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..arabic import fold
from .lexicon import COMMON_WORDS, FUNCTION_WORDS, ROLE_HEADS, TITLE_LINKS, TITLE_NOUNS
from .roles import NormMention, skip_gap

__all__ = ["NameSpan", "find_titles", "name_after", "new_person_id"]

_WORD = re.compile(r"[^\W\d_]+")
_SPACES = re.compile(r"[ \t\u00a0]+")
_ROLE_WORDS = frozenset(w for head in ROLE_HEADS for w in head.split())
_NOT_NAME = FUNCTION_WORDS | COMMON_WORDS | TITLE_NOUNS | _ROLE_WORDS
_COMPOUND_HEADS = frozenset({"عبد", "ابو", "ابي", "بن", "ابن", "ال", "نور", "سيف", "عز", "شمس"})
_TITLE_RE = re.compile(
    r"(?<!\w)(?:[وف]?[بلك]?)(?P<title>"
    + "|".join(re.escape(t) for t in sorted(TITLE_NOUNS, key=len, reverse=True))
    + r")(?!\w)"
)
MAX_NAME_WORDS = 3


@dataclass(frozen=True, slots=True)
class NameSpan:
    start: int
    end: int
    key: str  # folded words joined by one space
    country: str | None = None


def new_person_id(key: str) -> str:
    """``new:per:<hash>`` of a folded name: the same name gets the same id in every document."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=6).hexdigest()
    return f"new:per:{digest}"


_FUTURE_VERB = re.compile(r"^[وف]?س[يتنا]\w{3,}$")
_PRONOUN_SUFFIX = ("ها", "هم", "هما", "كم", "هن")


def is_function_word(word: str) -> bool:
    """A particle, pronoun or frequent verb, alone or after و / ف / ل / ب / ك."""
    return word in FUNCTION_WORDS or (word[:1] in "وفلبك" and word[1:] in FUNCTION_WORDS)


#: First names that fold to a particle (علي = على): allowed to open a name.
_FOLDED_NAMES = frozenset({"علي"})


def _name_like(word: str, prev: str | None) -> bool:
    """Whether ``word`` may be part of a personal name (``prev``: the name's previous word)."""
    if prev is None and word in _FOLDED_NAMES:
        return True
    if word in _NOT_NAME or len(word) < 2 or is_function_word(word):
        return False
    if word.startswith(("ال", "لل", "بال", "وال", "فال", "كال")):
        return prev in _COMPOUND_HEADS and word.startswith("ال")  # عبد الله, ابو الغيط
    if _FUTURE_VERB.match(word) or word.endswith(_PRONOUN_SUFFIX):
        return False
    if prev is not None and (word.startswith("و") or word.endswith("ه")):
        return word in _COMPOUND_HEADS  # "... وأسره", "... ثورة": not a name's second word
    return not (prev is None and word.startswith("و") and len(word) > 4)  # وتوقع


def _boundary(norm: str, pos: int, by_wstart: dict[int, NormMention]) -> bool:
    """Whether a name may end at ``pos``."""
    m = _SPACES.match(norm, pos)
    p = m.end() if m else pos
    if p >= len(norm) or not norm[p].isalnum():
        return True
    if p in by_wstart:
        return True
    w = _WORD.match(norm, p)
    if w is None:
        return True
    return is_function_word(w.group())


def name_after(
    norm: str, pos: int, by_wstart: dict[int, NormMention], *, min_words: int = 2
) -> NameSpan | None:
    """A new personal name starting at ``pos`` (quotes and commas skipped), or None."""
    p = skip_gap(norm, pos)
    spans: list[tuple[int, int]] = []
    words: list[str] = []
    while len(words) <= MAX_NAME_WORDS:
        if p in by_wstart:
            break
        w = _WORD.match(norm, p)
        if w is None or not _name_like(w.group(), words[-1] if words else None):
            break
        spans.append(w.span())
        words.append(w.group())
        sp = _SPACES.match(norm, w.end())
        if sp is None:
            break
        p = sp.end()
    if not min_words <= len(words) <= MAX_NAME_WORDS:
        return None
    if len(words) == MAX_NAME_WORDS and len(words[-1]) <= 3 and words[-1] not in _COMPOUND_HEADS:
        words.pop()  # "هوجو شافيز سعت": a short past-tense verb after a two-word name
        spans.pop()
    elif not _boundary(norm, spans[-1][1], by_wstart):
        return None
    if not min_words <= len(words) <= MAX_NAME_WORDS or words[-1] in _COMPOUND_HEADS:
        return None
    if len(words) == 2 and words[0] in _COMPOUND_HEADS:
        return None  # "عبد الله" alone: a given name, nobody in particular
    if sum(w.endswith("ا") and len(w) >= 4 for w in words) >= 2:
        return None  # "عزما أكيدا": accusative nouns, not a name
    return NameSpan(spans[0][0], spans[-1][1], " ".join(words))


def find_titles(norm: str, by_wstart: dict[int, NormMention]) -> list[NameSpan]:
    """Names introduced by a title noun and its complements."""
    out: list[NameSpan] = []
    for m in _TITLE_RE.finditer(norm):
        p = m.end("title")
        country: str | None = None
        for _ in range(7):
            q = skip_gap(norm, p) if p == m.end("title") else _skip(norm, p)
            hit = by_wstart.get(q)
            if hit is not None:
                if hit.kind == "nisba":
                    if p == m.end("title") and hit.etype == "GPE":  # a state's, not a body's
                        country = hit.entity_id
                    p = hit.end
                    continue
                if hit.kind == "alias" and hit.etype != "PER":
                    p = hit.end
                    continue
                break
            w = _WORD.match(norm, q)
            if w is None:
                break
            word = w.group()
            if word in TITLE_LINKS:
                # "باسم حركة طالبان", "في جامعة ...": the word after a link is a complement
                nxt = _WORD.match(norm, _skip(norm, w.end()))
                p = nxt.end() if nxt is not None and nxt.start() not in by_wstart else w.end()
                continue
            if word.startswith(("ال", "لل")) or word in TITLE_NOUNS:
                p = w.end()
                continue
            if word[:1] in "بل" and word[1:].startswith("ال"):
                p = w.end()  # بالشأن، للشؤون
                continue
            break
        name = name_after(norm, p, by_wstart)
        if name is not None:
            out.append(NameSpan(name.start, name.end, name.key, country))
    return out


def _skip(norm: str, pos: int) -> int:
    m = _SPACES.match(norm, pos)
    return m.end() if m else pos


def fold_name(text: str) -> str:
    return " ".join(fold(text).split())
