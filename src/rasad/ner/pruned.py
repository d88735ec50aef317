"""A model's features of a sentence, limited to the attributes it knows and UTF-8 encoded.

``Pruned(known).coded(featurizer, tokens)`` equals ``[[f.encode() for f in feats if f in
known] for feats in featurizer.sentence(tokens)]`` (the same features in the same order, so
crfsuite's labels and marginals are the same), built with less work:

- a word type's own features and what its neighbours see of it are filtered and encoded once
  (cached with its ``Unit``, one lookup per token);
- the word bigrams (``b-=``, ``b+=``) are looked up as pairs in the model's own bigrams (about
  one in a hundred of a text's bigrams is known), not formatted for every token;
- the lexicon-class pairs, gazetteer marks and head-noun phrases come from small memos;
- each token's list is built in one go (own, neighbours, head noun three back, context).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rasad.ner.features import _EDGE, _OFFSETS, Featurizer, Unit, _phrase

__all__ = ["Pruned"]

_CACHE_LIMIT = 300_000


class _Entry(NamedTuple):
    unit: Unit
    own: list[bytes]  # "bias" and the unit's own features
    near: tuple[list[bytes], ...]  # what the neighbours at -2 -1 +1 +2 and -3 see of it


_NONE = b""  # not looked up yet (a known feature is never empty)


def _pairs(known: frozenset[str], prefix: str) -> dict[tuple[str, str], bytes]:
    """``(a, b) -> b"<prefix>a|b"`` for every known ``<prefix>a|b`` (every split at a ``|``,
    so a word holding ``|`` is found too: a pair is there exactly when its string is known)."""
    out: dict[tuple[str, str], bytes] = {}
    for f in known:
        if f.startswith(prefix):
            rest = f[len(prefix) :]
            for i, ch in enumerate(rest):
                if ch == "|":
                    out[(rest[:i], rest[i + 1 :])] = f.encode()
    return out


class Pruned:
    """A model's attribute names (``known``) and, per word type, the unit features limited to
    them and encoded: a token's own (after ``bias``) and what its neighbours see of it."""

    def __init__(self, known: frozenset[str]) -> None:
        self.known = known
        self.edge = {d: [f.encode() for f in _EDGE[d] if f in known] for d in _OFFSETS}
        self._cache: dict[str, _Entry] = {}
        self._before = _pairs(known, "b-=")
        self._after = _pairs(known, "b+=")
        self._memo: dict[str, bytes | None] = {}
        # lexicon-class pairs (a few dozen classes): (before, own, 0) and (own, after, 1)
        self._classes: dict[tuple[str, str, int], bytes | None] = {}

    def unit(self, tok: str, unit: Unit) -> tuple[list[bytes], dict[int, list[bytes]]]:
        """The known features of ``unit`` (the unit of ``tok``): own and seen by neighbours."""
        entry = self._entry(tok, unit)
        return entry.own, dict(zip((*_OFFSETS, -3), entry.near, strict=True))

    def _entry(self, tok: str, unit: Unit) -> _Entry:
        hit = self._cache.get(tok)
        if hit is None:
            known = self.known
            own = [f.encode() for f in ("bias", *unit.own) if f in known]
            near = tuple([f.encode() for f in unit.near[d] if f in known] for d in (*_OFFSETS, -3))
            hit = _Entry(unit, own, near)
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            self._cache[tok] = hit
        return hit

    def _code(self, feature: str) -> bytes | None:
        """``feature`` encoded if the model knows it, else None (memo of a small domain)."""
        memo = self._memo
        if feature in memo:
            return memo[feature]
        out = feature.encode() if feature in self.known else None
        if len(memo) > _CACHE_LIMIT:
            memo.clear()
        memo[feature] = out
        return out

    def coded(self, featurizer: Featurizer, tokens: Sequence[str]) -> list[list[bytes]]:
        """The known features of ``featurizer.sentence(tokens)``, encoded, in model order."""
        cache = self._cache
        entries: list[_Entry] = []
        for tok in tokens:
            hit = cache.get(tok)
            entries.append(hit if hit is not None else self._entry(tok, featurizer.unit(tok)))
        units = [e[0] for e in entries]
        norms = [u.norm for u in units]
        firsts = [u.firsts for u in units]
        gaz = featurizer.gazetteer.tag(norms, firsts)
        kgaz = featurizer.gazetteer.tag(norms, firsts, channel=1)
        phrase = _phrase(units)
        # ANERGazet and the project lists, if they mark a word of the sentence
        marked = [(name, marks) for name, marks in (("G", gaz), ("K", kgaz)) if any(marks)]
        code, before, after, edge = self._code, self._before, self._after, self.edge
        classes = self._classes
        n = len(units)
        near = [e.near for e in entries]
        out: list[list[bytes]] = []
        for i in range(n):
            u = units[i]
            feats = entries[i].own.copy()
            if 2 <= i < n - 2:  # what the neighbours at -2 -1 +1 +2 show
                feats += near[i - 2][0]
                feats += near[i - 1][1]
                feats += near[i + 1][2]
                feats += near[i + 2][3]
            else:  # the same, with the edge of the sentence beyond it
                for k, d in enumerate(_OFFSETS):
                    j = i + d
                    if 0 <= j < n:
                        feats += near[j][k]
                    elif j == -1 or j == n:
                        feats += edge[d]
            if i >= 3:
                feats += near[i - 3][4]
            prev = norms[i - 1] if i else "<S>"
            nxt = norms[i + 1] if i + 1 < n else "<S>"
            lex_prev = units[i - 1].lex if i else "<S>"
            lex_next = units[i + 1].lex if i + 1 < n else "<S>"
            c_before = classes.get((lex_prev, u.lex, 0), _NONE)
            if c_before is _NONE:
                c_before = classes[(lex_prev, u.lex, 0)] = code(f"c-={lex_prev}|{u.lex}")
            c_after = classes.get((u.lex, lex_next, 1), _NONE)
            if c_after is _NONE:
                c_after = classes[(u.lex, lex_next, 1)] = code(f"c+={u.lex}|{lex_next}")
            for x in (before.get((prev, u.norm)), c_before, c_after, after.get((u.norm, nxt))):
                if x is not None:
                    feats.append(x)
            for name, marks in marked:
                if marks[i] and (x := code(f"{name}={marks[i]}")) is not None:
                    feats.append(x)
                if i and marks[i - 1] and (x := code(f"{name}-1={marks[i - 1]}")) is not None:
                    feats.append(x)
                if (
                    i + 1 < n
                    and marks[i + 1]
                    and (x := code(f"{name}+1={marks[i + 1]}")) is not None
                ):
                    feats.append(x)
            if phrase[i] and (x := code(phrase[i])) is not None:
                feats.append(x)
            out.append(feats)
        return out
