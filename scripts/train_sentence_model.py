"""Train the PROTEST / ASSAULT sentence classifier (``rasad.events.sentence_model``).

Reads the Arabic event GSR (``../shared/data/arabic_event_gsr``). Labels: "yes" is positive,
"easy no" negative, "difficult no" negative (weight 0.5; training only); "ambiguous" rows are
skipped for ASSAULT and, for PROTEST, trained on (never scored) with the soft target
accept/total, weight 1 (``GRIDS``). The shipped model is trained on **all** rows by
:func:`train_type`; ``scripts/eval_gsr.py --cv`` measures that procedure by nested CV
(:func:`cross_validate`): each outer test fold is predicted by a model built from the others.

:func:`train_type`: the gram matrix of each feature configuration (``sentence_model.py``) is
eigendecomposed; on its top ``RANK`` components a weighted L2 logistic regression is fitted by
Newton's method. Feature groups, L2 strength, positive-class weight and threshold are chosen from
the type's ``Grid`` by an inner stratified 5-fold CV of the training rows (best pooled F1 on
their unanimous rows); the support floor keeps ``--floor-recall`` of the inner out-of-fold
positives. Group ``v``'s span verbs come only from span records whose sentence is not a
unanimous row. Deterministic: folds come from a hash of the row id, stratified by label.

    PYTHONPATH=src python scripts/train_sentence_model.py [--data DIR] [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from rasad.arabic import clitic_stems, fold
from rasad.events.lexicon import Lexicon, load_lexicon
from rasad.events.sentence_model import (
    MODEL_TYPES,
    SentenceModel,
    SpanVerbs,
    feature_names,
    hashed_features,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "arabic_event_gsr"
DEFAULT_OUT = ROOT / "src" / "rasad" / "events" / "data" / "sentence_model.npz"
FILES = {"PROTEST": "protest_gsr.csv", "ASSAULT": "assault_gsr.csv"}
SPANS = {"PROTEST": "protest_spans.json", "ASSAULT": "assault_spans.json"}
DIFFICULT_WEIGHTS = (0.5,)
RANK = 300
BITS = 20
K = 5
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
#: function words that occur inside gold verb spans
_SPAN_STOP_WORDS = "في على إلى عن من قد كان كانوا كانت تم قام يوم أن ان لم لا ما مع بعد قبل ضد"
_SPAN_STOP = frozenset(fold(w) for w in _SPAN_STOP_WORDS.split())


@dataclass(frozen=True)
class Grid:
    """Inner-CV choices of one type; ``ambiguous``: weight of the soft-labelled rows (0: none)."""

    configs: tuple[str, ...]
    lams: tuple[float, ...]
    pos_weights: tuple[float, ...]
    ambiguous: float


GRIDS = {"PROTEST": Grid(("lkgvp",), (3e-4, 1e-3), (1.0, 3.0), 1.0),
         "ASSAULT": Grid(("wsblkgv", "wscblkgv"), (1e-4, 3e-4), (1.0, 3.0), 0.0)}


@dataclass
class Data:
    """The rows of one GSR file."""

    ids: list[str]
    texts: list[str]
    y: FloatArray          # 1 for "yes", accept/total for "ambiguous", else 0
    difficult: npt.NDArray[np.bool_]  # "difficult no" (a negative with weight DIFFICULT_W)
    evaluated: npt.NDArray[np.bool_]  # "yes" / "easy no": what is scored
    position: IntArray     # row position in the file (for the old fixed split)
    ambiguous: npt.NDArray[np.bool_]  # "ambiguous" (soft target, weight Grid.ambiguous)
    ambiguous_weight: float = 0.0

    def subset(self, idx: IntArray) -> Data:
        return Data([self.ids[i] for i in idx], [self.texts[i] for i in idx], self.y[idx],
                    self.difficult[idx], self.evaluated[idx], self.position[idx],
                    self.ambiguous[idx], self.ambiguous_weight)

    def weights(self, pos_weight: float, difficult_weight: float) -> FloatArray:
        return np.where(self.evaluated & (self.y > 0.5), pos_weight,
                        np.where(self.difficult, difficult_weight,
                                 np.where(self.ambiguous, self.ambiguous_weight, 1.0)))


def load_rows(data: Path, event_type: str) -> Data:
    with open(data / FILES[event_type], encoding="utf-8", newline="") as f:
        records = list(csv.DictReader(f))
    grid = GRIDS[event_type]
    keep = [(n, r) for n, r in enumerate(records) if r["label"] != "ambiguous" or grid.ambiguous]
    labels = np.array([r["label"] for _, r in keep])
    soft = np.array([float(r["accept"]) / max(float(r["total"]), 1.0) for _, r in keep])
    return Data([r["id"] for _, r in keep], [r["text"] for _, r in keep],
                np.where(labels == "yes", 1.0, np.where(labels == "ambiguous", soft, 0.0)),
                labels == "difficult no", np.isin(labels, ["yes", "easy no"]),
                np.array([n for n, _ in keep], dtype=np.int64), labels == "ambiguous",
                grid.ambiguous)


def span_verbs(data: Path) -> SpanVerbs:
    """Type → verb words (clitic-stripped, seen twice or more) of the gold verb spans whose
    sentence is not a unanimous GSR row of that type (so never an evaluated sentence)."""
    out: SpanVerbs = {}
    for event_type in MODEL_TYPES:
        with open(data / FILES[event_type], encoding="utf-8", newline="") as f:
            scored = {fold(r["text"]).strip() for r in csv.DictReader(f)
                      if r["label"] in ("yes", "easy no")}
        with open(data / SPANS[event_type], encoding="utf-8") as f:
            records = json.load(f)
        counts: Counter[str] = Counter()
        for rec in records:
            if fold(rec["text"]).strip() in scored:
                continue
            for span in rec["spans"]:
                counts.update({clitic_stems(fold(w))[-1] for w in span["verb"]})
        out[event_type] = frozenset(w for w, c in counts.items()
                                    if c >= 2 and len(w) > 2 and w not in _SPAN_STOP)
    return out


def cv_folds(ids: list[str], y: FloatArray, evaluated: npt.NDArray[np.bool_], k: int = K,
             salt: str = "") -> IntArray:
    """Fold of each evaluated row (-1 for the others, always trained on): within each label,
    rows ordered by CRC32 of ``salt`` + their id are dealt round-robin."""
    out = np.full(len(ids), -1, dtype=np.int64)
    for label in (0.0, 1.0):
        idx = [i for i in range(len(ids)) if evaluated[i] and y[i] == label]
        idx.sort(key=lambda i: (zlib.crc32((salt + ids[i]).encode("utf-8")), ids[i]))
        for n, i in enumerate(idx):
            out[i] = n % k
    return out


def split(folded: list[str], test: IntArray, candidates: IntArray) -> IntArray:
    """The candidates whose text does not also occur in the test rows."""
    seen = {folded[i] for i in test}
    return np.array([i for i in candidates if folded[i] not in seen], dtype=np.int64)


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


def embed(gram: FloatArray, rank: int) -> tuple[FloatArray, FloatArray]:
    """(Z, P): Z = Q√Λ over the top ``rank`` eigenpairs of ``gram`` (so Z Zᵀ ≈ gram); a new
    row with kernel values k (against the same rows) embeds as k P."""
    vals, vecs = np.linalg.eigh(gram)
    keep = np.argsort(-vals, kind="stable")[:rank]
    keep = keep[vals[keep] > 1e-9 * max(float(vals.max()), 1e-12)]
    root = np.sqrt(vals[keep])
    return vecs[:, keep] * root, vecs[:, keep] / root


def fit(z: FloatArray, y: FloatArray, sw: FloatArray, lam: float, iters: int = 60
        ) -> tuple[FloatArray, float]:
    """Weighted L2 logistic regression on the rows of ``z`` by damped Newton steps.

    Minimises Σ sw·logloss / Σ sw + lam/2 |w|²; the bias is not penalised."""
    r = z.shape[1]
    norm = sw.sum()
    w, b = np.zeros(r), 0.0

    def objective(w_: FloatArray, b_: float) -> float:
        s = z @ w_ + b_
        return float((sw * (np.logaddexp(0.0, s) - y * s)).sum() / norm + 0.5 * lam * w_ @ w_)

    f = objective(w, b)
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        g = sw * (p - y) / norm
        zd = z * (sw * p * (1.0 - p) / norm)[:, None]
        system = np.empty((r + 1, r + 1))
        system[:r, :r] = z.T @ zd
        system[np.arange(r), np.arange(r)] += lam
        system[:r, r] = system[r, :r] = zd.sum(axis=0)
        system[r, r] = float((sw * p * (1.0 - p)).sum() / norm)
        step = np.linalg.solve(system, -np.append(z.T @ g + lam * w, g.sum()))
        t = 1.0
        while True:
            new_w, new_b = w + t * step[:r], b + t * float(step[r])
            f_new = objective(new_w, new_b)
            if f_new <= f or t < 1e-6:
                break
            t *= 0.5
        done = f - f_new < 1e-10
        w, b, f = new_w, new_b, f_new
        if done:
            break
    return w, b


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


def _sigmoid(s: FloatArray) -> FloatArray:
    return np.asarray(1.0 / (1.0 + np.exp(-s)))


@dataclass
class Trained:
    """One type's model: weights over ``rows`` (alpha), chosen settings, inner-CV figures."""

    config: str
    lam: float
    pos_weight: float
    difficult_weight: float
    threshold: float
    floor: float
    inner_f1: float
    alpha: FloatArray   # dual weights over the training rows
    bias: float


def train_type(d: Data, grams: dict[str, FloatArray], grid: Grid, floor_recall: float = 0.95,
               log: Any = None, salt: str = "") -> Trained:
    """Choose settings from ``grid`` by inner stratified CV over ``d`` (the training rows only),
    then fit on all of ``d``. ``grams``: config → gram matrix of ``d``'s rows."""
    folded = [fold(t).strip() for t in d.texts]
    inner = cv_folds(d.ids, d.y, d.evaluated, salt=salt)
    everything = np.arange(len(d.y))
    best: tuple[float, str, float, float, float, FloatArray] | None = None
    found: dict[str, tuple[FloatArray, FloatArray]] = {}
    for config in grid.configs:
        z, proj = found[config] = embed(grams[config], RANK)
        for lam in grid.lams:
            for pw, dw in ((p, q) for p in grid.pos_weights for q in DIFFICULT_WEIGHTS):
                sw = d.weights(pw, dw)
                oof = np.zeros(len(d.y))
                for f in range(K):
                    test = np.flatnonzero(inner == f)
                    train = split(folded, test, everything[inner != f])
                    w, b = fit(z[train], d.y[train], sw[train], lam)
                    oof[test] = _sigmoid(z[test] @ w + b)
                m = inner >= 0
                th, f1 = best_threshold(d.y[m], oof[m])
                if log:
                    log(f"  {config:9} lam={lam:<6g} pos×{pw:g} difficult×{dw:g}: "
                        f"inner F1 {f1:.3f}")
                if best is None or f1 > best[0] + 1e-9:
                    best = (f1, config, lam, pw, dw, oof)
    assert best is not None
    f1, config, lam, pw, dw, oof = best
    m = inner >= 0
    th, _ = best_threshold(d.y[m], oof[m])
    z, proj = found[config]
    w, b = fit(z, d.y, d.weights(pw, dw), lam)
    return Trained(config, lam, pw, dw, th, recall_floor(d.y[m], oof[m], floor_recall), f1,
                   proj @ w, b)


def featurize(d: Data, verbs: SpanVerbs, lex: Lexicon, configs: tuple[str, ...]
              ) -> dict[str, Rows]:
    """Config → hashed rows of ``d``."""
    names = [feature_names(t, lex, verbs) for t in d.texts]
    return {c: Rows([hashed_features(nm, tuple(c), BITS) for nm in names]) for c in configs}


def cross_validate(data: Path, event_type: str, log: Any = None, salt: str = ""
                   ) -> tuple[Data, IntArray, FloatArray, npt.NDArray[np.bool_]]:
    """Nested CV over all unanimous rows: (rows, outer fold, out-of-fold probability,
    out-of-fold decision); the decision uses the threshold chosen inside the training folds.
    ``salt`` changes the fold assignment of the outer and inner CVs (repeated CV)."""
    d = load_rows(data, event_type)
    grid = GRIDS[event_type]
    rows = featurize(d, span_verbs(data), load_lexicon(), grid.configs)
    grams = {c: r.gram() for c, r in rows.items()}
    outer = cv_folds(d.ids, d.y, d.evaluated, salt=salt)
    folded = [fold(t).strip() for t in d.texts]
    prob, pred = np.zeros(len(d.y)), np.zeros(len(d.y), dtype=bool)
    for f in range(K):
        test = np.flatnonzero(outer == f)
        train = split(folded, test, np.flatnonzero(outer != f))
        model = train_type(d.subset(train), {c: g[np.ix_(train, train)]
                                             for c, g in grams.items()}, grid, salt=salt)
        prob[test] = _sigmoid(grams[model.config][np.ix_(test, train)] @ model.alpha
                              + model.bias)
        pred[test] = prob[test] >= model.threshold
        if log:
            log(f"{event_type} fold {f}: {model.config} lam={model.lam:g} pos×"
                f"{model.pos_weight:g} th={model.threshold:.3f} (inner F1 {model.inner_f1:.3f})")
    return d, outer, prob, pred


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--floor-recall", type=float, default=0.95)
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        sys.stderr.write(f"no GSR data at {args.data}\n")
        return 2
    started = time.perf_counter()
    lex = load_lexicon()
    verbs = span_verbs(args.data)
    weights = np.zeros((len(MODEL_TYPES), 1 << BITS), dtype=np.float32)
    bias, thresholds, floors = (np.zeros(len(MODEL_TYPES), dtype=np.float32) for _ in range(3))
    groups: list[tuple[str, ...]] = []
    cv: dict[str, Any] = {}

    def log(line: str) -> None:
        sys.stdout.write(line + "\n")

    for t, event_type in enumerate(MODEL_TYPES):
        d = load_rows(args.data, event_type)
        grid = GRIDS[event_type]
        rows = featurize(d, verbs, lex, grid.configs)
        m = train_type(d, {c: r.gram() for c, r in rows.items()}, grid, args.floor_recall, log)
        weights[t, rows[m.config].columns] = rows[m.config].primal(m.alpha)
        bias[t], thresholds[t], floors[t] = m.bias, m.threshold, m.floor
        groups.append(tuple(m.config))
        positives = int((d.evaluated & (d.y > 0.5)).sum())
        cv[event_type] = {"groups": m.config, "lam": m.lam, "pos_weight": m.pos_weight,
                          "difficult_weight": m.difficult_weight, "ambiguous_weight":
                          grid.ambiguous, "cv_f1": round(m.inner_f1, 4), "threshold":
                          round(m.threshold, 4), "floor": round(m.floor, 4), "rows": len(d.y),
                          "positives": positives}
        log(f"{event_type:8} chose {m.config} lam={m.lam:g} pos×{m.pos_weight:g}: cv F1 "
            f"{m.inner_f1:.3f}, threshold {m.threshold:.3f}, floor {m.floor:.3f} "
            f"({len(d.y)} rows, {positives} positive)")
    meta = {"k": K, "rank": RANK, "cv": cv, "trained_on": "arabic_event_gsr, all rows but "
            "ASSAULT's ambiguous ones (PROTEST's with soft labels)"}
    model = SentenceModel(MODEL_TYPES, tuple(groups), BITS, weights, bias, thresholds, floors,
                          meta, verbs)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(str(args.out))
    log(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) in "
        f"{time.perf_counter() - started:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
