"""Fitting the event scorer: L2 logistic regression by Newton's method (numpy only).

Deterministic: no random numbers anywhere; features are sorted, folds are assigned from the
sorted group names. Used by ``scripts/train_event_scorer.py`` and ``scorer_eval``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from .scorer import ScorerModel

__all__ = ["L2", "MIN_COUNT", "fit", "group_folds", "predict"]

#: a feature seen in fewer training candidates than this is left out
MIN_COUNT = 3
#: L2 strength (on the sum of squared weights; the bias is not penalised)
L2 = 5.0

Matrix = npt.NDArray[np.float64]


def _matrix(rows: Sequence[Sequence[str]], index: dict[str, int]) -> Matrix:
    x = np.zeros((len(rows), len(index)), dtype=np.float64)
    for r, feats in enumerate(rows):
        for f in feats:
            k = index.get(f)
            if k is not None:
                x[r, k] = 1.0
    return x


def fit(
    rows: Sequence[Sequence[str]],
    labels: Sequence[int],
    *,
    l2: float = L2,
    min_count: int = MIN_COUNT,
    threshold: float = 0.5,
    filter_on: bool = False,
) -> ScorerModel:
    """Weights maximising the L2-penalised log-likelihood of ``labels`` given ``rows``."""
    counts = Counter(f for feats in rows for f in set(feats))
    names = sorted(f for f, c in counts.items() if c >= min_count)
    index = {f: k for k, f in enumerate(names)}
    x = np.hstack([np.ones((len(rows), 1)), _matrix(rows, index)])
    y = np.asarray(labels, dtype=np.float64)
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = 1e-6
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.max(np.abs(step))) < 1e-7:
            break
    weights = {f: float(w[k + 1]) for f, k in index.items() if abs(w[k + 1]) > 1e-6}
    return ScorerModel(weights, float(w[0]), threshold, filter_on)


def predict(model: ScorerModel, rows: Sequence[Sequence[str]]) -> list[float]:
    return [model.probability(list(feats)) for feats in rows]


def group_folds(groups: Sequence[str], k: int) -> list[set[str]]:
    """``k`` sets of group names, dealt round-robin from the sorted names."""
    names = sorted(set(groups))
    return [set(names[n::k]) for n in range(k) if names[n::k]]


def out_of_fold(
    rows: Sequence[Sequence[str]],
    labels: Sequence[int],
    groups: Sequence[str],
    k: int,
    fitter: Callable[[Sequence[Sequence[str]], Sequence[int]], ScorerModel] = fit,
) -> list[float]:
    """Probabilities of each row from a model fitted without its group's fold."""
    probs = [0.0] * len(rows)
    for held in group_folds(groups, k):
        train = [n for n, g in enumerate(groups) if g not in held]
        test = [n for n, g in enumerate(groups) if g in held]
        model = fitter([rows[n] for n in train], [labels[n] for n in train])
        for n, p in zip(test, predict(model, [rows[n] for n in test]), strict=True):
            probs[n] = p
    return probs
