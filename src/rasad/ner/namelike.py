"""How much a word looks like a name: a character n-gram likelihood ratio.

Transliterated names (``ساركوزي``, ``ميتسوبيشي``, ``شفارتسنيغر``) have letter
sequences that Arabic words seldom have. Two character trigram models, one
trained on gazetteer names and one on common Arabic words (stems that take the
article or inflect, from the word statistics), give a per-character log
likelihood ratio, which the CRF sees in buckets. It generalises to names that
occur in no gazetteer and not in the training data.

Both models are trained at build time (``scripts/train_ner.py``) and shipped as
``data/namelike.tsv.gz`` (smoothed log probabilities of the trigrams seen).
"""

from __future__ import annotations

import gzip
import math
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

_DATA = Path(__file__).with_name("data") / "namelike.tsv.gz"
_ORDER = 3
_BOUNDS = (-1.0, -0.5, -0.2, 0.2, 0.5, 1.0)  # bucket edges of the per-char ratio


def _grams(word: str) -> list[str]:
    padded = "^" * (_ORDER - 1) + word + "$"
    return [padded[i : i + _ORDER] for i in range(len(padded) - _ORDER + 1)]


class _Model:
    """Trigram model with add-k smoothing; unseen trigrams get the floor."""

    def __init__(self, logp: dict[str, float], floor: float) -> None:
        self.logp = logp
        self.floor = floor

    @classmethod
    def train(cls, words: Iterable[str], vocab: int, k: float = 0.1) -> _Model:
        grams: Counter[str] = Counter()
        hist: Counter[str] = Counter()
        for w in words:
            for g in _grams(w):
                grams[g] += 1
                hist[g[:-1]] += 1
        logp = {g: math.log((c + k) / (hist[g[:-1]] + k * vocab)) for g, c in grams.items()}
        return cls(logp, math.log(k / (max(hist.values(), default=1) + k * vocab)))

    def score(self, word: str) -> float:
        return sum(self.logp.get(g, self.floor) for g in _grams(word))


class NameLike:
    """Per-character log likelihood ratio name vs common word, in buckets."""

    def __init__(self, names: _Model, common: _Model) -> None:
        self.names = names
        self.common = common

    @classmethod
    def train(cls, names: Iterable[str], common: Iterable[str]) -> NameLike:
        names, common = list(names), list(common)
        vocab = len({ch for w in [*names, *common] for ch in w}) + 1
        return cls(_Model.train(names, vocab), _Model.train(common, vocab))

    def ratio(self, word: str) -> float:
        return (self.names.score(word) - self.common.score(word)) / (len(word) + 1)

    def features(self, stem: str) -> list[str]:
        """``nm=0..6`` (callers cache per token, see ``Featurizer.unit``)."""
        if len(stem) < 3:
            return []
        ratio = self.ratio(stem)
        return [f"nm={sum(ratio > b for b in _BOUNDS)}"]

    def write(self, path: Path = _DATA) -> None:
        rows = [f"#floor\t{self.names.floor!r}\t{self.common.floor!r}\n"]
        for g in sorted(set(self.names.logp) | set(self.common.logp)):
            cells = [self.names.logp.get(g), self.common.logp.get(g)]
            text = ["" if c is None else f"{c:.4f}" for c in cells]
            rows.append(f"{g}\t{text[0]}\t{text[1]}\n")
        with gzip.GzipFile(path, "wb", mtime=0) as fh:
            fh.write("".join(rows).encode("utf-8"))

    @classmethod
    def read(cls, path: Path = _DATA) -> NameLike | None:
        if not path.exists():
            return None
        names: dict[str, float] = {}
        common: dict[str, float] = {}
        floors = (0.0, 0.0)
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                g, n, c = line.rstrip("\n").split("\t")
                if g == "#floor":
                    floors = (float(n), float(c))
                    continue
                if n:
                    names[g] = float(n)
                if c:
                    common[g] = float(c)
        return cls(_Model(names, floors[0]), _Model(common, floors[1]))


def training_words(
    entries: Iterable[tuple[str, str]], stats_table: dict[str, str]
) -> tuple[list[str], list[str]]:
    """Name tokens from gazetteer entries (persons, places, organisations;
    article removed) and common stems from the word statistics (frequent stems
    that take the article or inflect, see below), without the words in both."""
    name_types = {"PERS", "LOC", "kPERS", "kLOC", "kPERSu", "FIRST", "LAST"}
    names: set[str] = set()
    for typ, entry in entries:
        if typ in name_types:
            for w in entry.split():
                w = w[2:] if w.startswith("ال") and len(w) > 4 else w
                if len(w) >= 3 and w.isalpha():
                    names.add(w)
    common: set[str] = set()
    for stem, code in stats_table.items():
        zf, al, poss, plural, _ = code.split("|")
        # Frequent, and either often with the article or not *rarely* with a possessive
        # or a plural ending: levels '' (never), 'b' and 'c' count, only 'a' does not. So
        # frequent words that never inflect (particles, many names) are "common" too; the
        # narrower reading (only 'b' / 'c') lost 0.47 dev F1 (docs/ner.md, eighth round).
        if int(zf) >= 3 and (al in ("2", "3") or poss != "a" or plural != "a"):
            common.add(stem)
    both = names & common
    return sorted(names - both), sorted(common - both)
