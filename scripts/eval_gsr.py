"""Sentence-level PROTEST / ASSAULT detection on the Arabic event GSR.

Reads ``../shared/data/arabic_event_gsr/{protest,assault}_gsr.csv`` (openeventdata/arabic_event_gsr)
and scores PROTEST / ASSAULT detection against the unanimous labels: "yes" is positive,
"easy no" negative; "difficult no" and "ambiguous" rows are never scored.

Main protocol (``--cv``, the CI gate): nested 5-fold cross-validation over **all** unanimous rows
(folds by a hash of the row id, stratified by label). Each test fold is predicted by a model that
``scripts/train_sentence_model.py``'s procedure trained on the other folds alone, its settings and
threshold chosen by an inner CV inside them. Pooled P/R/F1 over the test folds and the mean±sd
of the per-fold F1 are printed.

Old fixed split (``--fixed``): *dev* is the first 40% of each file's rows plus every row whose
position is a multiple of 5; the rest is *held-out*. The same procedure is trained on dev only
and scored on held-out. Without flags, the shipped ``detect_types`` is scored on dev / held-out /
all (the shipped model is trained on all rows, so these figures are not a test).

    PYTHONPATH=src python scripts/eval_gsr.py [--cv] [--fixed] [--data DIR]
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from rasad.arabic import fold
from rasad.events.extractor import detect_types

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "arabic_event_gsr"
TYPES = {"PROTEST": "protest_gsr.csv", "ASSAULT": "assault_gsr.csv"}


def load(data: Path, event_type: str) -> list[tuple[int, str, bool]]:
    """(row position, sentence, gold) for the unanimous rows of one file."""
    rows: list[tuple[int, str, bool]] = []
    with open(data / TYPES[event_type], encoding="utf-8", newline="") as f:
        records = list(csv.DictReader(f))
    for n, row in enumerate(records):
        if row["label"] in ("yes", "easy no"):
            rows.append((n, row["text"], row["label"] == "yes"))
    return rows


def total_rows(data: Path, event_type: str) -> int:
    with open(data / TYPES[event_type], encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.DictReader(f))


def is_dev(position: int, total: int) -> bool:
    return position % 5 == 0 or position < 0.4 * total


def score(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float, int]:
    tp = sum(1 for g, p in pairs if g and p)
    fp = sum(1 for g, p in pairs if p and not g)
    fn = sum(1 for g, p in pairs if g and not p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1, sum(1 for g, _ in pairs if g)


def evaluate(data: Path) -> dict[str, dict[str, tuple[float, float, float, int]]]:
    """{type: {"dev"|"held-out"|"all": (precision, recall, f1, positives)}}"""
    out: dict[str, dict[str, tuple[float, float, float, int]]] = {}
    for event_type in TYPES:
        parts: dict[str, list[tuple[bool, bool]]] = {"dev": [], "held-out": [], "all": []}
        total = total_rows(data, event_type)
        for pos, text, gold in load(data, event_type):
            pred = event_type in detect_types(text)
            parts["dev" if is_dev(pos, total) else "held-out"].append((gold, pred))
            parts["all"].append((gold, pred))
        out[event_type] = {name: score(pairs) for name, pairs in parts.items()}
    return out


def train_module() -> ModuleType:
    """``scripts/train_sentence_model.py`` as a module."""
    name = "train_sentence_model"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def cross_validation(data: Path, log: Any = None, salt: str = "",
                     types: tuple[str, ...] = tuple(TYPES)) -> dict[str, dict[str, Any]]:
    """{type: {"pooled": (P, R, F1, positives), "folds": [F1 of each test fold]}};
    ``salt`` selects another fold assignment (``--repeats``)."""
    train = train_module()
    out: dict[str, dict[str, Any]] = {}
    for event_type in types:
        d, outer, _, pred = train.cross_validate(data, event_type, log, salt)
        gold = d.y > 0.5
        fold_f1 = [score(list(zip(gold[outer == f], pred[outer == f], strict=True)))[2]
                   for f in range(train.K)]
        m = outer >= 0
        out[event_type] = {"pooled": score(list(zip(gold[m], pred[m], strict=True))),
                           "folds": fold_f1}
    return out


def fixed_split(data: Path) -> dict[str, tuple[float, float, float, int]]:
    """Held-out (P, R, F1, positives) of the procedure trained on the dev part only."""
    train = train_module()
    verbs = train.span_verbs(data)
    lex = train.load_lexicon()
    out: dict[str, tuple[float, float, float, int]] = {}
    for event_type in TYPES:
        d = train.load_rows(data, event_type)
        total = total_rows(data, event_type)
        dev = np.array([is_dev(int(p), total) for p in d.position])
        test = np.flatnonzero(~dev & d.evaluated)
        folded = [fold(t).strip() for t in d.texts]
        rows = train.split(folded, test, np.flatnonzero(dev))
        grid = train.GRIDS[event_type]
        grams = {c: r.gram() for c, r in train.featurize(d, verbs, lex, grid.configs).items()}
        model = train.train_type(d.subset(rows), {c: g[np.ix_(rows, rows)]
                                                  for c, g in grams.items()}, grid)
        z = grams[model.config][np.ix_(test, rows)] @ model.alpha + model.bias
        pred = 1.0 / (1.0 + np.exp(-z)) >= model.threshold
        out[event_type] = score(list(zip(d.y[test] > 0.5, pred, strict=True)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cv", action="store_true", help="nested 5-fold CV (the gate)")
    parser.add_argument("--fixed", action="store_true",
                        help="the procedure trained on dev, scored on held-out")
    parser.add_argument("--repeats", type=int, default=1,
                        help="with --cv: repeat with this many fold assignments (fold seeds)")
    parser.add_argument("--type", choices=sorted(TYPES), help="with --cv: only this type")
    parser.add_argument("--errors", choices=["dev"], help="list the dev part's errors")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        sys.stderr.write(f"no GSR data at {args.data}\n")
        return 2
    out = sys.stdout
    if args.cv:
        out.write(f"{'type':8} {'nested 5-fold CV':17} {'P':>6} {'R':>6} {'F1':>6} {'pos':>5}"
                  "   per-fold F1\n")
        types = (args.type,) if args.type else tuple(TYPES)
        pooled: dict[str, list[float]] = {t: [] for t in types}
        for n in range(args.repeats):
            salt = f"r{n}" if n else ""
            for event_type, res in cross_validation(args.data, salt=salt, types=types).items():
                p, r, f1, pos = res["pooled"]
                folds = res["folds"]
                pooled[event_type].append(f1)
                name = f"pooled, seed {n}" if args.repeats > 1 else "pooled"
                out.write(f"{event_type:8} {name:17} {p:6.3f} {r:6.3f} {f1:6.3f} {pos:5d}   "
                          f"{np.mean(folds):.3f} ± {np.std(folds):.3f} "
                          f"({' '.join(f'{x:.3f}' for x in folds)})\n")
        if args.repeats > 1:
            for event_type, f1s in pooled.items():
                out.write(f"{event_type:8} mean of {args.repeats} seeds: F1 {np.mean(f1s):.3f} "
                          f"(sd {np.std(f1s):.3f})\n")
    if args.fixed:
        for event_type, (p, r, f1, pos) in fixed_split(args.data).items():
            out.write(f"{event_type:8} {'trained dev→held':17} {p:6.3f} {r:6.3f} {f1:6.3f} "
                      f"{pos:5d}\n")
    if args.cv or args.fixed:
        return 0
    table = evaluate(args.data)
    out.write(f"{'type':8} {'part':9} {'P':>6} {'R':>6} {'F1':>6} {'pos':>5}\n")
    out.write("(the shipped sentence classifier is trained on all rows: not a test)\n")
    for event_type, parts in table.items():
        for part, (p, r, f1, pos) in parts.items():
            out.write(f"{event_type:8} {part:9} {p:6.3f} {r:6.3f} {f1:6.3f} {pos:5d}\n")
    if args.errors:
        for event_type in TYPES:
            total = total_rows(args.data, event_type)
            for pos, text, gold in load(args.data, event_type):
                if not is_dev(pos, total):
                    continue
                pred = event_type in detect_types(text)
                if pred != gold:
                    out.write(f"{event_type} {'FN' if gold else 'FP'} {pos}: {text[:220]}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
