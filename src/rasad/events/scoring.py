"""Scoring of events against the gold (the event half of ``rasad eval``).

The strict rule: type plus the unordered pair of source and target country sets, within a
document; recall over required gold events, precision over predictions not matched to
optional ones. The lenient rule, reported beside it so that direction and participant errors
are told apart from events not seen at all: type equal and the two events share a country
(on either side). Each gold event is matched once; required events are matched first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..metrics import PRF

Key = tuple[str, frozenset[frozenset[str]]]


def event_key(ev_type: str, source: Iterable[str], target: Iterable[str]) -> Key:
    return (ev_type, frozenset({frozenset(source), frozenset(target)}))


def _countries(key: Key) -> frozenset[str]:
    out: frozenset[str] = frozenset()
    for side in key[1]:
        out |= side
    return out


def strict_match(pred: Key, gold: Key) -> bool:
    return pred == gold


def lenient_match(pred: Key, gold: Key) -> bool:
    return pred[0] == gold[0] and bool(_countries(pred) & _countries(gold))


@dataclass
class Counts(PRF):
    """Event counts: ``rasad.metrics.PRF`` with the event report's JSON keys."""

    def to_json(self) -> dict[str, float | int]:
        return {
            "required_recall": round(self.recall, 4),
            "precision": round(self.precision, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class DocMatch:
    """One document's matching: indices into its gold and predicted lists."""

    matched: list[tuple[int, int]] = field(default_factory=list)  # (pred, gold) required
    optional: list[tuple[int, int]] = field(default_factory=list)  # (pred, gold) optional
    missed: list[int] = field(default_factory=list)  # required gold not matched
    false: list[int] = field(default_factory=list)  # predictions not matched


def match(pred: list[Key], gold: list[dict[str, Any]], *, lenient: bool = False) -> DocMatch:
    """Match predictions to gold: required gold first, then optional; strict keys first, then
    (with ``lenient``) type and a shared country."""
    keys = [event_key(g["type"], g["source"], g["target"]) for g in gold]
    free = set(range(len(pred)))
    out = DocMatch()
    for want_optional in (False, True):
        idx = [n for n, g in enumerate(gold) if bool(g.get("optional")) == want_optional]
        left: list[int] = []
        tests = [strict_match, lenient_match] if lenient else [strict_match]
        pending = idx
        for test in tests:
            left = []
            for n in pending:
                k = next((p for p in sorted(free) if test(pred[p], keys[n])), None)
                if k is None:
                    left.append(n)
                    continue
                free.discard(k)
                (out.optional if want_optional else out.matched).append((k, n))
            pending = left
        if not want_optional:
            out.missed = sorted(pending)
    out.false = sorted(free)
    return out


@dataclass
class EventScore:
    """Strict and lenient counts, overall and per type."""

    strict: Counts = field(default_factory=Counts)
    lenient: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)
    lenient_by_type: dict[str, Counts] = field(default_factory=dict)

    def add(self, pred: list[Key], gold: list[dict[str, Any]]) -> tuple[DocMatch, DocMatch]:
        strict = match(pred, gold)
        loose = match(pred, gold, lenient=True)
        for m, total, per in (
            (strict, self.strict, self.by_type),
            (loose, self.lenient, self.lenient_by_type),
        ):
            for p, _ in m.matched:
                total.tp += 1
                per.setdefault(pred[p][0], Counts()).tp += 1
            for p in m.false:
                total.fp += 1
                per.setdefault(pred[p][0], Counts()).fp += 1
            for g in m.missed:
                total.fn += 1
                per.setdefault(gold[g]["type"], Counts()).fn += 1
        return strict, loose

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = self.strict.to_json()
        out["lenient"] = self.lenient.to_json()
        out["by_type"] = {
            t: {
                "strict": c.to_json(),
                "lenient": self.lenient_by_type.get(t, Counts()).to_json(),
            }
            for t, c in sorted(self.by_type.items())
        }
        return out
