"""Token features for the CRF: orthography, clitics, windows, gazetteers, lexicon.

Features that depend only on the token string are computed once per distinct
token and cached, so tagging cost is dominated by list concatenation.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from rasad.ner.lexicons import STOPWORDS, TRIGGERS, Gazetteer, Lexicon
from rasad.ner.namelike import NameLike
from rasad.ner.normalize import Morph, normalize
from rasad.ner.personnames import PersonNames
from rasad.ner.wordstats import WordStats

if TYPE_CHECKING:
    from rasad.ner.pruned import Pruned

_ARABIC = re.compile(r"[\u0621-\u064a]")
_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")
_OFFSETS = (-2, -1, 1, 2)
_CACHE_LIMIT = 300_000
_EDGE = {d: [f"{d}w=<S>"] for d in _OFFSETS}  # a neighbour position beyond the sentence


class Unit(NamedTuple):
    norm: str
    free: str  # without conjunction/preposition proclitics
    lex: str  # most frequent training label of the word (or UNK)
    firsts: tuple[str, ...]  # forms that may start a gazetteer match
    trig: str  # trigger type ('' if none)
    stop: bool  # punctuation or function word: ends a phrase
    own: list[str]
    near: dict[int, list[str]]  # features seen from a neighbour at offset d


def shape(tok: str) -> str:
    if _ARABIC.search(tok):
        return "Ad" if _DIGIT.search(tok) else "A"
    if _LATIN.search(tok):
        return "Ld" if _DIGIT.search(tok) else ("LC" if tok[0].isupper() else "L")
    if _DIGIT.search(tok):
        return "D4" if len(tok) == 4 and tok.isdigit() else "D"
    return "P" + tok if len(tok) == 1 else "P"


class Featurizer:
    def __init__(
        self,
        gazetteer: Gazetteer,
        lexicon: Lexicon,
        stats: WordStats | None = None,
        names: NameLike | None = None,
        persons: PersonNames | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.stats = stats
        self.names = names
        self.persons = persons
        single: dict[str, set[str]] = {}
        words: set[str] = set(lexicon.counts)
        for typ, entry in gazetteer.entries:
            parts = entry.split()
            words.update(parts)
            if len(parts) == 1:
                single.setdefault(entry, set()).add(typ)
        self._single = {w: tuple(sorted(t)) for w, t in single.items()}
        self.morph = Morph(words)
        lexicon.index_stems(self.morph)
        self._units: dict[str, Unit] = {}

    def unit(self, tok: str) -> Unit:
        hit = self._units.get(tok)
        if hit is not None:
            return hit
        n = normalize(tok)
        _, free, stem = self.morph.variants(n)
        shp = shape(n)
        own = [f"w={n}", f"s={stem}", f"sh={shp}", f"len={min(len(stem), 8)}"]
        if free != n:
            own.append(f"f={free}")
            own.append(f"cl={n[: len(n) - len(free)]}")
        if free.startswith("ال"):
            own.append("al")
        core = stem if len(stem) > 1 else n
        for k in (1, 2, 3, 4):
            if len(core) > k:
                own.append(f"p{k}={core[:k]}")
                own.append(f"x{k}={core[-k:]}")
        for k in range(1, len(core) - 3):
            own.append(f"c3={core[k : k + 3]}")
        trig = TRIGGERS.get(free) or TRIGGERS.get(stem) or ""
        if trig:
            own.append(f"t={trig}")
        gaz: set[str] = set()
        for form in {n, free, stem, "ال" + stem}:
            gaz.update(self._single.get(form, ()))
        own.extend(f"g1={t}" for t in sorted(gaz))
        lw = self.lexicon.word(n)
        ls = self.lexicon.stem(stem)
        own.extend(f"lw={x}" for x in lw)
        own.extend(f"ls={x}" for x in ls)
        if free != n:
            own.extend(f"lf={x}" for x in self.lexicon.word(free))
        dist = self.stats.features(stem) if self.stats is not None and shp == "A" else []
        if self.names is not None and shp == "A":
            dist = [*dist, *self.names.features(stem)]
        own.extend(dist)
        pn: list[str] = []
        if self.persons is not None and shp == "A":
            zf = next((x[3:] for x in dist if x.startswith("zf=")), "none")
            pn = self.persons.features((n, free, stem), zf)
        own.extend(pn)
        near: dict[int, list[str]] = {}
        for d in _OFFSETS:
            feats = [f"{d}w={n}", f"{d}s={stem}", f"{d}lw={lw[0]}"]
            if abs(d) == 1:
                feats.extend(f"{d}{x}" for x in dist if x[:2] in ("zf", "al", "za", "nm"))
                feats.append(f"{d}sh={shp}")
                if free.startswith("ال"):
                    feats.append(f"{d}al")
                feats.extend(f"{d}g1={t}" for t in sorted(gaz))
                feats.extend(f"{d}{x}" for x in pn)
            if trig:
                feats.append(f"{d}t={trig}")
            near[d] = feats
        near[-3] = [f"-3t={trig}"] if trig else []
        firsts = tuple(dict.fromkeys((n, free, stem)))
        stop = not _ARABIC.search(n) or free in STOPWORDS
        unit = Unit(n, free, lw[0], firsts, trig, stop, own, near)
        if len(self._units) > _CACHE_LIMIT:
            self._units.clear()
        self._units[tok] = unit
        return unit

    def keys(self, tokens: Sequence[str]) -> list[str]:
        return [self.unit(t).free for t in tokens]

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        units = [self.unit(t) for t in tokens]
        own = [["bias", *u.own] for u in units]
        near = [u.near for u in units]
        return _assemble(own, near, _EDGE, self._context(units))

    def coded(self, tokens: Sequence[str], pruned: Pruned) -> list[list[bytes]]:
        """The features of :meth:`sentence` that ``pruned``'s model knows, UTF-8 encoded (the
        form pycrfsuite passes on; encoded once per word type). The model ignores the
        others, so its labels and marginals are the same (``rasad.ner.pruned``)."""
        return pruned.coded(self, tokens)

    def _context(self, units: Sequence[Unit]) -> list[list[str]]:
        """Per token, the features that depend on its neighbours' words (bigrams, lexicon
        classes, gazetteer marks, head-noun phrase), in model order."""
        norms = [u.norm for u in units]
        firsts = [u.firsts for u in units]
        gaz = self.gazetteer.tag(norms, firsts)
        kgaz = self.gazetteer.tag(norms, firsts, channel=1)
        phrase = _phrase(units)
        n = len(units)
        out: list[list[str]] = []
        for i, u in enumerate(units):
            prev = units[i - 1].norm if i else "<S>"
            nxt = units[i + 1].norm if i + 1 < n else "<S>"
            feats = [
                f"b-={prev}|{u.norm}",
                f"c-={units[i - 1].lex if i else '<S>'}|{u.lex}",
                f"c+={u.lex}|{units[i + 1].lex if i + 1 < n else '<S>'}",
                f"b+={u.norm}|{nxt}",
            ]
            for name, marks in (("G", gaz), ("K", kgaz)):  # ANERGazet, project lists
                if marks[i]:
                    feats.append(f"{name}={marks[i]}")
                if i and marks[i - 1]:
                    feats.append(f"{name}-1={marks[i - 1]}")
                if i + 1 < n and marks[i + 1]:
                    feats.append(f"{name}+1={marks[i + 1]}")
            if phrase[i]:
                feats.append(phrase[i])
            out.append(feats)
        return out


_F = TypeVar("_F", str, bytes)


def _assemble(
    own: list[list[_F]],
    near: list[dict[int, list[_F]]],
    edge: dict[int, list[_F]],
    context: list[list[_F]],
) -> list[list[_F]]:
    """Each token's features in model order: its own, its neighbours' (``edge`` beyond the
    sentence), the head noun three back, then the context features."""
    n = len(own)
    out: list[list[_F]] = []
    for i in range(n):
        feats = list(own[i])
        for d in _OFFSETS:
            j = i + d
            if 0 <= j < n:
                feats.extend(near[j][d])
            elif j == -1 or j == n:
                feats.extend(edge[d])
        if i >= 3:
            feats.extend(near[i - 3][-3])
        feats.extend(context[i])
        out.append(feats)
    return out


def _phrase(units: Sequence[Unit]) -> list[str]:
    """``ph=TYPE|d``: the nearest trigger (head noun) before the token within the
    same phrase (no punctuation or function word in between), d = distance (cap 6)."""
    out: list[str] = []
    head, dist = "", 0
    for u in units:
        if head:
            dist += 1
        out.append(f"ph={head}|{min(dist, 6)}" if head else "")
        if u.stop:
            head = ""
        elif u.trig:
            head, dist = u.trig, 0
    return out


def document_features(
    keys: Sequence[Sequence[str]], labels: Sequence[Sequence[str]], window: int = 25
) -> list[list[list[str]]]:
    """Second-pass features: how first-pass labels treated the same word
    (``keys``: clitic-free forms) in the sentences within ``window`` of it."""
    return [mark_features(m) for m in document_marks(keys, labels, window)]


def document_marks(
    keys: Sequence[Sequence[str]], labels: Sequence[Sequence[str]], window: int = 25
) -> list[list[str]]:
    """Per token: ``TYPE+`` if every other occurrence of its word within ``window``
    sentences was tagged ``TYPE`` by the first pass, ``TYPE~`` if some were ``O``,
    ``""`` if none was an entity.

    Only words that the first pass tagged as an entity somewhere are looked at,
    which keeps this linear in practice.
    """
    occ: dict[str, list[tuple[int, int, str]]] = {}
    for ks, ls in zip(keys, labels, strict=True):
        for k, lab in zip(ks, ls, strict=True):
            if lab != "O":
                occ.setdefault(k, [])
    for si, (ks, ls) in enumerate(zip(keys, labels, strict=True)):
        for ti, (k, lab) in enumerate(zip(ks, ls, strict=True)):
            hits = occ.get(k)
            if hits is not None:
                hits.append((si, ti, lab[2:] if lab != "O" else "O"))
    starts = {k: [h[0] for h in hits] for k, hits in occ.items()}
    out: list[list[str]] = []
    for si, ks in enumerate(keys):
        own: list[str] = []
        for ti, k in enumerate(ks):
            hits = occ.get(k)
            if not hits:
                own.append("")
                continue
            idx = starts[k]
            counts: dict[str, int] = {}
            lo = bisect_left(idx, si - window)
            hi = bisect_right(idx, si + window)
            for sj, tj, typ in hits[lo:hi]:
                if sj != si or tj != ti:
                    counts[typ] = counts.get(typ, 0) + 1
            ents = {t: c for t, c in counts.items() if t != "O"}
            if not ents:
                own.append("")
                continue
            top = max(ents, key=lambda t: (ents[t], t))
            own.append(top + ("+" if "O" not in counts else "~"))
        out.append(own)
    return out


def mark_features(own: Sequence[str]) -> list[list[str]]:
    """``D=`` features of one sentence's document marks, for each token and its neighbours."""
    n = len(own)
    feats: list[list[str]] = []
    for ti in range(n):
        f = [f"D={own[ti]}"] if own[ti] else []
        if ti and own[ti - 1]:
            f.append(f"D-1={own[ti - 1]}")
        if ti + 1 < n and own[ti + 1]:
            f.append(f"D+1={own[ti + 1]}")
        feats.append(f)
    return feats
