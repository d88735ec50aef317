"""Train the PROTEST / ASSAULT sentence classifier (``rasad.events.sentence_model``).

Reads the Arabic event GSR (``../shared/data/arabic_event_gsr``) and uses **only its dev part**
as defined in ``scripts/eval_gsr.py`` (first 40% of each file plus every fifth row); dev rows
whose text also occurs in the held-out part are left out too, so the held-out gate stays honest.
Labels: "yes" is positive, "easy no" negative, "difficult no" negative with half weight,
"ambiguous" is skipped.

For each type, an L2 logistic regression (numpy; solved by Newton's method in its kernel form,
which is exact and fast for a few thousand sentences) is fitted on hashed features. The feature
groups, the L2 strength and the decision threshold are chosen by stratified 5-fold
cross-validation inside dev (best pooled out-of-fold F1 on the unanimous rows). The support
floor (below it an extracted event's sentence counts as a mere mention) is the highest
threshold that keeps ``--floor-recall`` of the out-of-fold positives. Deterministic (fixed seed).

    PYTHONPATH=src python scripts/train_sentence_model.py [--data DIR] [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from rasad.arabic import fold
from rasad.events.lexicon import load_lexicon
from rasad.events.sentence_model import (
    MODEL_TYPES,
    SentenceModel,
    feature_names,
    hashed_features,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "arabic_event_gsr"
DEFAULT_OUT = ROOT / "src" / "rasad" / "events" / "data" / "sentence_model.npz"
FILES = {"PROTEST": "protest_gsr.csv", "ASSAULT": "assault_gsr.csv"}
CONFIGS = ("wsblkg", "wscblkg", "wscbl")
LAMS = (1e-5, 3e-5, 1e-4, 3e-4)
SEED = 13
BITS = 20
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


def is_dev(position: int, total: int) -> bool:
    """Same split as ``scripts/eval_gsr.py`` (checked by tests/test_sentence_model.py)."""
    return position % 5 == 0 or position < 0.4 * total


def dev_rows(data: Path, event_type: str, difficult_weight: float
             ) -> tuple[list[str], FloatArray, FloatArray]:
    """(sentences, labels, sample weights) of the dev part, minus texts also held out."""
    with open(data / FILES[event_type], encoding="utf-8", newline="") as f:
        records = list(csv.DictReader(f))
    total = len(records)
    held_out = {fold(r["text"]).strip() for n, r in enumerate(records)
                if not is_dev(n, total) and r["label"] in ("yes", "easy no")}
    texts: list[str] = []
    ys: list[float] = []
    ws: list[float] = []
    for n, r in enumerate(records):
        label = r["label"]
        if not is_dev(n, total) or label == "ambiguous" or fold(r["text"]).strip() in held_out:
            continue
        texts.append(r["text"])
        ys.append(1.0 if label == "yes" else 0.0)
        ws.append(difficult_weight if label == "difficult no" else 1.0)
    return texts, np.array(ys), np.array(ws)


class Rows:
    """Sparse rows (hashed index, value) with compacted columns."""

    def __init__(self, rows: list[tuple[IntArray, npt.NDArray[np.float32]]]) -> None:
        self.n = len(rows)
        lengths = np.array([len(i) for i, _ in rows], dtype=np.int64)
        self.row_of = np.repeat(np.arange(self.n), lengths)
        self.columns, self.col = np.unique(np.concatenate([i for i, _ in rows]),
                                           return_inverse=True)
        self.val = np.concatenate([v for _, v in rows]).astype(np.float64)

    def gram(self, dense_above: int = 40) -> FloatArray:
        """X Xᵀ: frequent columns as a dense product, rare ones pair by pair."""
        n = self.n
        order = np.argsort(self.col, kind="stable")
        col, row, val = self.col[order], self.row_of[order], self.val[order]
        counts = np.bincount(col, minlength=len(self.columns))
        starts = np.concatenate([[0], np.cumsum(counts)])
        frequent = np.flatnonzero(counts > dense_above)
        position = np.full(len(self.columns), -1)
        position[frequent] = np.arange(len(frequent))
        dense = np.zeros((n, len(frequent)))
        m = position[col] >= 0
        dense[row[m], position[col[m]]] = val[m]
        flat = np.zeros(n * n)
        for k in range(1, dense_above + 1):
            cols = np.flatnonzero(counts == k)
            if len(cols) == 0:
                continue
            entries = starts[cols][:, None] + np.arange(k)[None, :]
            r, v = row[entries], val[entries]
            flat += np.bincount((r[:, :, None] * n + r[:, None, :]).ravel(),
                                weights=(v[:, :, None] * v[:, None, :]).ravel(),
                                minlength=n * n)
        return np.asarray(dense @ dense.T + flat.reshape(n, n))

    def primal(self, alpha: FloatArray) -> FloatArray:
        """Xᵀ alpha over the compacted columns."""
        return np.asarray(np.bincount(self.col, weights=self.val * alpha[self.row_of],
                                      minlength=len(self.columns)), dtype=np.float64)


def fit(gram: FloatArray, y: FloatArray, sw: FloatArray, lam: float, iters: int = 60
        ) -> tuple[FloatArray, float]:
    """Weighted L2 logistic regression with w = Xᵀ alpha, by damped Newton steps.

    Minimises Σ sw·logloss / Σ sw + lam/2 |w|²; the bias is not penalised."""
    n = len(y)
    norm = sw.sum()
    alpha, b = np.zeros(n), 0.0

    def objective(a: FloatArray, bias: float) -> float:
        ka = gram @ a
        z = ka + bias
        return float((sw * (np.logaddexp(0.0, z) - y * z)).sum() / norm + 0.5 * lam * a @ ka)

    f = objective(alpha, b)
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-(gram @ alpha + b)))
        r = sw * (p - y) / norm
        d = sw * p * (1.0 - p) / norm
        system = np.empty((n + 1, n + 1))
        system[:n, :n] = d[:, None] * gram
        system[np.arange(n), np.arange(n)] += lam
        system[:n, n] = d
        system[n, :n] = d @ gram
        system[n, n] = d.sum()
        step = np.linalg.solve(system, -np.append(r + lam * alpha, r.sum()))
        t = 1.0
        while True:
            new_a, new_b = alpha + t * step[:n], b + t * float(step[n])
            f_new = objective(new_a, new_b)
            if f_new <= f or t < 1e-6:
                break
            t *= 0.5
        done = f - f_new < 1e-10
        alpha, b, f = new_a, new_b, f_new
        if done:
            break
    return alpha, b


def folds(y: FloatArray, k: int, seed: int) -> list[IntArray]:
    """Stratified fold indices (deterministic)."""
    rng = np.random.default_rng(seed)
    out: list[list[int]] = [[] for _ in range(k)]
    for label in (0.0, 1.0):
        idx = np.flatnonzero(y == label)
        rng.shuffle(idx)
        for n, i in enumerate(idx):
            out[n % k].append(int(i))
    return [np.array(sorted(f), dtype=np.int64) for f in out]


def out_of_fold(gram: FloatArray, y: FloatArray, sw: FloatArray, lam: float, k: int
                ) -> FloatArray:
    oof = np.zeros(len(y))
    for test in folds(y, k, SEED):
        train = np.setdiff1d(np.arange(len(y)), test)
        alpha, b = fit(gram[np.ix_(train, train)], y[train], sw[train], lam)
        oof[test] = 1.0 / (1.0 + np.exp(-(gram[np.ix_(test, train)] @ alpha + b)))
    return oof


def best_threshold(y: FloatArray, p: FloatArray) -> tuple[float, float]:
    """(threshold, F1) maximising the F1 of ``p >= threshold``; cut halfway between scores."""
    order = np.argsort(-p, kind="stable")
    ys, ps = y[order], p[order]
    f1 = 2 * np.cumsum(ys) / (np.arange(1, len(ys) + 1) + ys.sum())
    f1 = np.where(np.append(ps[1:] < ps[:-1], True), f1, -1.0)
    i = int(np.argmax(f1))
    below = ps[i + 1] if i + 1 < len(ps) else 0.0
    return float((ps[i] + below) / 2), float(f1[i])


def recall_floor(y: FloatArray, p: FloatArray, recall: float) -> float:
    """The highest threshold that keeps ``recall`` of the positives."""
    pos = np.sort(p[y > 0.5])[::-1]
    return float(pos[max(int(np.ceil(recall * len(pos))) - 1, 0)]) * 0.999


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--difficult-weight", type=float, default=0.5)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--floor-recall", type=float, default=0.95)
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        sys.stderr.write(f"no GSR data at {args.data}\n")
        return 2
    started = time.perf_counter()
    lex = load_lexicon()
    weights = np.zeros((len(MODEL_TYPES), 1 << BITS), dtype=np.float32)
    bias, thresholds, floors = (np.zeros(len(MODEL_TYPES), dtype=np.float32) for _ in range(3))
    groups: list[tuple[str, ...]] = []
    cv: dict[str, Any] = {}
    for t, event_type in enumerate(MODEL_TYPES):
        texts, y, sw = dev_rows(args.data, event_type, args.difficult_weight)
        names = [feature_names(s, lex) for s in texts]
        unanimous = sw >= 1.0  # thresholds are set on "yes" vs "easy no", like the gate
        best: tuple[float, str, float, float, FloatArray, Rows, FloatArray] | None = None
        for config in CONFIGS:
            rows = Rows([hashed_features(nm, tuple(config), BITS) for nm in names])
            gram = rows.gram()
            for lam in LAMS:
                oof = out_of_fold(gram, y, sw, lam, args.folds)
                th, f1 = best_threshold(y[unanimous], oof[unanimous])
                sys.stdout.write(f"{event_type:8} {config:8} lam={lam:<6g} cv F1 {f1:.3f}\n")
                if best is None or f1 > best[0] + 1e-9:
                    best = (f1, config, lam, th, oof, rows, gram)
        assert best is not None
        f1, config, lam, th, oof, rows, gram = best
        alpha, b = fit(gram, y, sw, lam)
        weights[t, rows.columns] = rows.primal(alpha)
        floor = recall_floor(y[unanimous], oof[unanimous], args.floor_recall)
        bias[t], thresholds[t], floors[t] = b, th, floor
        groups.append(tuple(config))
        cv[event_type] = {"groups": config, "lam": lam, "cv_f1": round(f1, 4),
                          "threshold": round(th, 4), "floor": round(floor, 4),
                          "rows": len(y), "positives": int(y.sum())}
        sys.stdout.write(f"{event_type:8} chose {config} lam={lam:g}: cv F1 {f1:.3f}, "
                         f"threshold {th:.3f}, floor {floor:.3f} ({len(y)} dev rows, "
                         f"{int(y.sum())} positive)\n")
    meta = {"seed": SEED, "difficult_weight": args.difficult_weight, "cv": cv,
            "trained_on": "arabic_event_gsr dev part (scripts/eval_gsr.py split)"}
    model = SentenceModel(MODEL_TYPES, tuple(groups), BITS, weights, bias, thresholds, floors,
                          meta)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(str(args.out))
    sys.stdout.write(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) in "
                     f"{time.perf_counter() - started:.0f}s\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
