"""A small statistical sentence classifier for PROTEST and ASSAULT reports.

The trigger lexicon finds the words of a protest or an attack, but a sentence that holds such a
word often does not report one ("the assassination file", "the right to protest", a football
"attack"). This module scores a sentence with one logistic regression per type over hashed
features of its folded text:

- words and word bigrams, and the forms left after stripping glued proclitics;
- character 3-5-grams inside words (with word-boundary marks);
- what the lexicon sees: trigger types and lemmas, occurrence cues, the rule decision.

The weights (``data/sentence_model.npz``) are trained on the *dev* part of the Arabic event GSR
only, by ``scripts/train_sentence_model.py``; the decision threshold of each type is chosen by
cross-validation inside that part. The model is loaded lazily and cached.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import numpy.typing as npt

from ..arabic import clitic_stems, fold
from .lexicon import Lexicon, load_lexicon, tokenize

__all__ = [
    "FEATURE_VERSION",
    "SentenceModel",
    "feature_names",
    "hashed_features",
    "load_sentence_model",
    "sentence_scores",
    "supports_event",
]

#: Bumped whenever :func:`feature_names` changes; a model trained on other features is refused.
FEATURE_VERSION = 1
#: Types the shipped model scores.
MODEL_TYPES = ("PROTEST", "ASSAULT")
_MODEL_FILE = "data/sentence_model.npz"
_CHAR_MIN, _CHAR_MAX = 3, 5


def _rule_types(tokens: Sequence[object], lex: Lexicon, hits: Sequence[object]) -> set[str]:
    """The lexicon's own decision (same rule as the lexicon part of ``detect_types``)."""
    needs_cue, cued = lex.cued_types(list(tokens))  # type: ignore[arg-type]
    out: set[str] = set()
    for h in hits:
        etype: str = h.entry.type  # type: ignore[attr-defined]
        if etype.startswith("_") or h.entry.has("nodetect"):  # type: ignore[attr-defined]
            continue
        if etype not in needs_cue or etype in cued:
            out.add(etype)
    return out


def feature_names(sentence: str, lexicon: Lexicon | None = None) -> list[str]:
    """The (unhashed) feature strings of one sentence; duplicates are kept."""
    lex = lexicon or load_lexicon()
    norm = fold(sentence)
    tokens = tokenize(norm)
    words = [t.text for t in tokens]
    feats: list[str] = []
    for w in words:
        feats.append("w:" + w)
        feats.extend("s:" + s for s in clitic_stems(w)[1:])
        padded = f"<{w}>"
        for n in range(_CHAR_MIN, _CHAR_MAX + 1):
            feats.extend("c:" + padded[k:k + n] for k in range(len(padded) - n + 1))
    feats.extend(f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    hits = lex.match(tokens)
    for h in hits:
        etype = h.entry.type
        feats.append("t:" + etype)
        feats.append(f"l:{etype}:{h.entry.lemma}")
        feats.append(f"f:{etype}:{h.form.tense}")
    needs_cue, cued = lex.cued_types(tokens)
    feats.extend("q:" + t for t in sorted(cued))
    feats.extend("r:" + t for t in sorted(_rule_types(tokens, lex, hits)))
    return feats


def _hash(name: str, bits: int) -> int:
    return zlib.crc32(name.encode("utf-8")) & ((1 << bits) - 1)


def hashed_features(sentence: str, bits: int,
                    lexicon: Lexicon | None = None) -> tuple[npt.NDArray[np.int64],
                                                             npt.NDArray[np.float32]]:
    """Sorted unique hashed indices and their values (binary, scaled to unit L2 norm)."""
    idx = np.unique(np.fromiter((_hash(f, bits) for f in feature_names(sentence, lexicon)),
                                dtype=np.int64))
    vals = np.full(idx.shape, 1.0 / np.sqrt(max(len(idx), 1)), dtype=np.float32)
    return idx, vals


@dataclass(frozen=True, slots=True)
class SentenceModel:
    """One logistic regression per type over hashed sentence features."""

    types: tuple[str, ...]
    bits: int
    weights: npt.NDArray[np.float32]    # (len(types), 2**bits)
    bias: npt.NDArray[np.float32]       # (len(types),)
    thresholds: npt.NDArray[np.float32]  # (len(types),) decision thresholds on probabilities
    floors: npt.NDArray[np.float32]      # (len(types),) below this an event is not supported
    meta: dict[str, object]

    def scores(self, sentence: str, lexicon: Lexicon | None = None) -> dict[str, float]:
        """P(the sentence reports an event of the type), for each type of the model."""
        idx, vals = hashed_features(sentence, self.bits, lexicon)
        z = self.weights[:, idx] @ vals + self.bias
        probs = 1.0 / (1.0 + np.exp(-z.astype(np.float64)))
        return {t: float(p) for t, p in zip(self.types, probs, strict=True)}

    def detect(self, sentence: str, lexicon: Lexicon | None = None) -> set[str]:
        """The types whose probability reaches their threshold."""
        scores = self.scores(sentence, lexicon)
        return {t for t, th in zip(self.types, self.thresholds, strict=True) if scores[t] >= th}

    def save(self, path: str) -> None:
        """Write the model as a compressed ``.npz`` (float16 weights)."""
        np.savez_compressed(
            path, types=np.array(self.types), bits=np.array(self.bits),
            weights=self.weights.astype(np.float16), bias=self.bias,
            thresholds=self.thresholds, floors=self.floors,
            meta=np.array(json.dumps(self.meta, ensure_ascii=False, sort_keys=True)))

    @classmethod
    def load(cls, path: str | None = None) -> SentenceModel:
        """The shipped model (or one written by :meth:`save`)."""
        if path is None:
            ref = resources.files("rasad.events").joinpath(_MODEL_FILE)
            with ref.open("rb") as f:
                return cls._from_npz(np.load(f, allow_pickle=False))
        return cls._from_npz(np.load(path, allow_pickle=False))

    @classmethod
    def _from_npz(cls, data: np.lib.npyio.NpzFile) -> SentenceModel:
        meta = json.loads(str(data["meta"]))
        if meta.get("feature_version") != FEATURE_VERSION:
            raise ValueError(f"sentence model has feature version {meta.get('feature_version')}"
                             f", expected {FEATURE_VERSION}")
        return cls(tuple(str(t) for t in data["types"]), int(data["bits"]),
                   data["weights"].astype(np.float32), data["bias"].astype(np.float32),
                   data["thresholds"].astype(np.float32), data["floors"].astype(np.float32),
                   meta)


@lru_cache(maxsize=1)
def load_sentence_model() -> SentenceModel:
    """The shipped model, loaded once."""
    return SentenceModel.load()


@lru_cache(maxsize=4096)
def _cached_scores(sentence: str) -> tuple[tuple[str, float], ...]:
    return tuple(load_sentence_model().scores(sentence).items())


def sentence_scores(sentence: str, lexicon: Lexicon | None = None) -> dict[str, float]:
    """Type → probability under the shipped model (cached for the shipped lexicon)."""
    if lexicon is not None and lexicon is not load_lexicon():
        return load_sentence_model().scores(sentence, lexicon)
    return dict(_cached_scores(sentence))


def supports_event(event_type: str, sentence: str) -> bool:
    """False when the model scores ``sentence`` very low for ``event_type`` (a mention, not a
    report); True for types the model does not score."""
    model = load_sentence_model()
    if event_type not in model.types:
        return True
    floor = float(model.floors[model.types.index(event_type)])
    return sentence_scores(sentence)[event_type] >= floor


def iter_types(model: SentenceModel) -> Iterable[str]:
    return iter(model.types)
