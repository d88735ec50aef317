"""Exact, clitic-aware, longest-match lookup of known names in normalised text.

One Aho-Corasick automaton holds every folded alias and nisba adjective of the knowledge base.
``Gazetteer.find(norm)`` makes one pass over the text; a raw hit is kept when

- the character after it is not a letter or digit (no suffix glued to the name), and
- the letters glued before it inside the same word are a proclitic (و ف ب ل ك and their pairs);
  a key that starts with the article also exists in its ``ل`` form so that ``للكرملين``
  (ل + الكرملين with the alef dropped) is found, but only after a ``ل``.

Overlapping hits are resolved longest first. The hit's span excludes the proclitic, so the
mention text is the name as a dictionary would write it (``وبوتين`` → ``بوتين``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ahocorasick

from ..arabic import fold
from ..kb import Entity
from .lexicon import COMMON_NAMES, COMMON_WORDS

__all__ = ["Gazetteer", "Hit", "NisbaForm", "alias_key", "is_word_char", "nisba_table"]

#: Letters that may be glued before a name, alone or in pairs (folded text).
PREFIXES = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})
_LAM_PREFIXES = frozenset({"ل", "ول", "فل"})
_MAX_PREFIX = 2


def is_word_char(ch: str) -> bool:
    return ch.isalnum()


def alias_key(surface: str) -> str:
    """The folded lookup key of a surface form: folded, quotes dropped, spaces collapsed."""
    text = fold(surface).replace('"', " ").replace("'", " ")
    return " ".join(text.split())


def _hyphen_forms(key: str) -> set[str]:
    if "-" not in key:
        return {key}
    bare = " ".join(key.replace("-", " - ").split())
    return {bare, bare.replace(" - ", "-"), bare.replace(" - ", " ")}


#: Endings added to a masculine singular nisba in ``-ي`` (folded: ة → ه): feminine, dual
#: (nominative and oblique, masculine and feminine), sound plurals.
_NISBA_ENDINGS = ("ه", "ان", "ين", "ون", "تان", "تين", "ات", "ا")


def _nisba_forms(key: str, article: bool) -> set[str]:
    """A nisba with and without the article, and, for a one-word masculine singular in
    ``-ي`` of at least four letters, its feminine, dual and plural forms
    (``روسي`` → ``روسيه روسيان روسيين روسيون روسيتان روسيتين روسيات``). ``article``: the
    written form starts with the article (``ألماني`` folds to ``الماني`` but has none)."""
    base = key[2:] if article and key.startswith("ال") else key
    bare = {base}
    if base.endswith("ي"):
        bare.add(base + "ه")
        if len(base) >= 4 and " " not in base:
            bare |= {base + end for end in _NISBA_ENDINGS}
    return bare | {"ال" + f for f in bare}


def _content_len(key: str) -> int:
    word = key[2:] if key.startswith("ال") else key
    return sum(ch.isalnum() for ch in word)


@dataclass(frozen=True, slots=True)
class Hit:
    """A match in normalised text: ``norm[start:end]`` (proclitic excluded)."""

    start: int
    end: int
    prefix: str
    targets: tuple[tuple[str, str], ...]  # (entity id, kind: alias | surname | nisba | common)


class Gazetteer:
    """The automaton of every known surface form; build once, share read-only."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        table: dict[str, dict[tuple[str, str], None]] = {}
        for ent in entities:
            for key, kind in self._keys(ent):
                table.setdefault(key, {})[(ent.id, kind)] = None
        self._automaton: Any = ahocorasick.Automaton()
        self._entries: list[tuple[int, bool, tuple[tuple[str, str], ...]]] = []
        for key, targets in table.items():
            payload = tuple(targets)
            self._add(key, False, payload)
            if key.startswith("ال") and _content_len(key) >= 3:
                self._add("ل" + key[2:], True, payload)
        if self._entries:
            self._automaton.make_automaton()
        self.size = len(self._entries)

    def _add(self, key: str, lam: bool, payload: tuple[tuple[str, str], ...]) -> None:
        if lam and self._automaton.exists(key):
            return  # a real key wins over a ل form
        idx = len(self._entries)
        self._entries.append((len(key), lam, payload))
        self._automaton.add_word(key, idx)

    @staticmethod
    def _keys(ent: Entity) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        forms = [alias_key(f) for f in ent.surface_forms()]
        multi_first = {f.split()[0] for f in forms if " " in f}
        has_multi = bool(multi_first)
        for key in forms:
            if not key:
                continue
            single = " " not in key
            if single and (key in COMMON_WORDS or _content_len(key) < 3):
                continue
            kind = "alias"
            if ent.type == "PER" and single and has_multi:
                if key in multi_first:
                    continue  # a first name alone identifies nobody
                kind = "surname"
            if ent.type == "PER" and single and key in COMMON_NAMES:
                kind = "common"  # needs the full name or a title in the document
            out.extend((k, kind) for k in _hyphen_forms(key))
        listed = {alias_key(n) for n in ent.nisba}
        hamzated = {alias_key(n) for n in ent.nisba if n.strip()[:1] in "أإآ"}
        for nisba in ent.nisba:
            key = alias_key(nisba)
            if _content_len(key) >= 3:
                # "الباني" may be a plain-alef spelling of "ألباني" (no article to strip)
                article = key[2:] in listed or (
                    nisba.strip().startswith("ال") and key not in hamzated
                )
                nisba_keys = _nisba_forms(key, article)
                out.extend((k, "nisba") for k in nisba_keys if k not in COMMON_WORDS)
        return out

    def lookup(self, key: str) -> list[str]:
        """Entity ids of an exact folded key (no clitics, no context)."""
        if not self._entries or not self._automaton.exists(key):
            return []
        _, lam, payload = self._entries[self._automaton.get(key)]
        return [] if lam else list(dict.fromkeys(eid for eid, _ in payload))

    def find(self, norm: str) -> list[Hit]:
        """Longest non-overlapping hits of known names in ``norm``, in text order."""
        if not self._entries:
            return []
        n = len(norm)
        raw: list[tuple[int, int, str, tuple[tuple[str, str], ...]]] = []
        entries = self._entries
        for last, idx in self._automaton.iter(norm):
            key_len, lam, payload = entries[idx]
            end = last + 1
            if end < n and norm[end].isalnum():
                continue
            start = end - key_len
            ws = start
            while ws > 0 and norm[ws - 1].isalnum():
                ws -= 1
                if start - ws > _MAX_PREFIX:
                    break
            prefix = norm[ws:start]
            if prefix:
                if start - ws > _MAX_PREFIX or prefix not in PREFIXES:
                    continue
                if lam and prefix not in _LAM_PREFIXES:
                    continue
            elif lam:
                continue
            raw.append((start, end, prefix, payload))
        if not raw:
            return []
        raw.sort(key=lambda h: (h[0] - h[1], h[0]))
        taken = bytearray(n)
        chosen: list[Hit] = []
        for start, end, prefix, payload in raw:
            if taken.find(1, start, end) != -1:
                continue
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(Hit(start, end, prefix, payload))
        chosen.sort(key=lambda h: h.start)
        return chosen


#: a folded nisba form of one country: (the country, whether some entity is also named so)
NisbaForm = tuple[str, bool]


def nisba_table(ents: Iterable[Entity]) -> dict[str, NisbaForm]:
    """Each folded nisba form the gazetteer matches for a country (``اميركيا``، ``تركيا``),
    with its country and whether the form is also a name of some entity (``تركيا`` is the
    country's name too; ``اميركيا`` only an adjective). A form of two countries is left out."""
    names: set[str] = set()
    forms: dict[str, set[str]] = {}
    for ent in ents:
        for key, kind in Gazetteer._keys(ent):
            if kind != "nisba":
                names.add(key)
            elif ent.is_country:
                forms.setdefault(key, set()).add(ent.id)
    return {k: (next(iter(c)), k in names) for k, c in forms.items() if len(c) == 1}
