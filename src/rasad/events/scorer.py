"""The learned scorer of candidate events: a logistic regression over ``scorer_features``.

The rules of ``frames.py`` propose candidate events; ``extractor.extract_events`` hands each
document's candidates to :func:`judge` before merging. The scorer gives every candidate the
probability that it is an event of the gold (type and unordered pair of country sets, the
``rasad eval`` rule) as its ``confidence``; when the model's ``filter`` flag is on, asserted
candidates (not negated, not hypothetical: those are kept and flagged, never dropped) below the
model's threshold are dropped.

The model (``data/scorer.json``: feature names, weights, bias, threshold, filter flag) is
trained by ``scripts/train_event_scorer.py`` from the project's gold (seeds, development set,
the team's sample pages); ``python -m rasad.scorer_eval`` measures it by
leave-one-topic-out cross-validation. Retrain after any change to the rules or their data
files. Loaded lazily, cached.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import Any

from ..doc import Doc, Event
from .arguments import Unit, sentences
from .lexicon import Token
from .scorer_features import (
    FEATURE_VERSION,
    FeatureCache,
    Note,
    candidate_features,
    rival_features,
)

__all__ = [
    "Candidate",
    "ScorerModel",
    "judge",
    "load_scorer",
    "recording",
    "scoring_filter",
]

_MODEL_FILE = "data/scorer.json"
Pending = tuple[Event, str | None]  # a candidate and its date key, as the merger takes them


@dataclass(slots=True)
class Candidate:
    """A candidate as recorded for training: its document, event, date key and features."""

    doc_id: str
    event: Event
    date_key: str | None
    features: list[str]


@dataclass(frozen=True, slots=True)
class ScorerModel:
    weights: dict[str, float]
    bias: float
    threshold: float
    filter: bool

    def probability(self, features: list[str]) -> float:
        z = self.bias + sum(map(self.weights.get, set(features), repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self, meta: dict[str, Any] | None = None) -> dict[str, Any]:
        names = sorted(self.weights)
        return {
            "feature_version": FEATURE_VERSION,
            "threshold": self.threshold,
            "filter": self.filter,
            "bias": round(self.bias, 5),
            "weights": {n: round(self.weights[n], 5) for n in names},
            "meta": meta or {},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScorerModel:
        if data.get("feature_version") != FEATURE_VERSION:
            raise ValueError(
                f"event scorer trained on features v{data.get('feature_version')}, "
                f"this code makes v{FEATURE_VERSION}: run scripts/train_event_scorer.py"
            )
        return cls(
            {str(k): float(v) for k, v in data["weights"].items()},
            float(data["bias"]),
            float(data["threshold"]),
            bool(data["filter"]),
        )

    @classmethod
    def load(cls, path: str | Path) -> ScorerModel:
        return cls.from_json(json.loads(Path(path).read_text("utf-8")))


@lru_cache(maxsize=1)
def load_scorer() -> ScorerModel | None:
    """The shipped model, or ``None`` when there is none (the rules then decide alone)."""
    res = resources.files("rasad.events").joinpath(_MODEL_FILE)
    if not res.is_file():
        return None
    return ScorerModel.from_json(json.loads(res.read_text("utf-8")))


_RECORDER: ContextVar[list[Candidate] | None] = ContextVar("rasad_scorer_recorder", default=None)
_FILTER: ContextVar[bool | None] = ContextVar("rasad_scorer_filter", default=None)


@contextmanager
def recording() -> Iterator[list[Candidate]]:
    """Within the block, :func:`judge` records every candidate (for training) and keeps all."""
    out: list[Candidate] = []
    token = _RECORDER.set(out)
    try:
        yield out
    finally:
        _RECORDER.reset(token)


@contextmanager
def scoring_filter(on: bool) -> Iterator[None]:
    """Within the block, the scorer drops low candidates (``on``) or keeps them all, whatever
    the shipped model's ``filter`` flag says."""
    token = _FILTER.set(on)
    try:
        yield
    finally:
        _FILTER.reset(token)


def document_features(
    pending: list[Pending], notes: list[Note], units: list[Unit], tokens: list[Token], doc: Doc
) -> list[list[str]]:
    """The features of each candidate of one document (``pending`` and ``notes`` in step)."""
    keys = Counter(
        (e.type, frozenset({frozenset(e.source.countries), frozenset(e.target.countries)}))
        for e, _ in pending
    )
    per_sentence = Counter(n.n for n in notes)
    n_sentences = len(sentences(doc.norm))
    counts: Counter[str] = Counter()
    for u in units:
        if u.is_actor or u.nisba:
            counts.update(set(u.countries))
    first_nl = doc.norm.find("\n")
    title = frozenset(c for u in units if first_nl < 0 or u.start < first_nl for c in u.countries)
    rivals = rival_features([e for e, _ in pending])
    cache = FeatureCache()
    return [
        rival
        + candidate_features(
            e,
            note,
            tokens,
            doc,
            key_count=keys[
                (e.type, frozenset({frozenset(e.source.countries), frozenset(e.target.countries)}))
            ],
            sent_candidates=per_sentence[note.n],
            n_sentences=n_sentences,
            country_counts=counts,
            title_countries=title,
            cache=cache,
        )
        for (e, _), note, rival in zip(pending, notes, rivals, strict=True)
    ]


def judge(
    pending: list[Pending], notes: list[Note], units: list[Unit], tokens: list[Token], doc: Doc
) -> list[Pending]:
    """Score one document's candidates (confidence = the model's probability) and drop the
    asserted ones below the threshold when filtering is on."""
    recorder = _RECORDER.get()
    model = None if recorder is not None else load_scorer()
    if not pending or (recorder is None and model is None):
        return pending
    feats = document_features(pending, notes, units, tokens, doc)
    if recorder is not None:
        recorder.extend(
            Candidate(doc.id, e, key, f) for (e, key), f in zip(pending, feats, strict=True)
        )
        return pending
    assert model is not None
    on = _FILTER.get()
    drop = model.filter if on is None else on
    kept: list[Pending] = []
    for (event, key), f in zip(pending, feats, strict=True):
        p = model.probability(f)
        event.confidence = round(p, 2)
        asserted = not event.negated and event.intent != "hypothetical"
        if drop and asserted and p < model.threshold:
            continue
        kept.append((event, key))
    return kept
