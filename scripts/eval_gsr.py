"""Sentence-level PROTEST / ASSAULT detection on the Arabic event GSR.

Reads ``../shared/data/arabic_event_gsr/{protest,assault}_gsr.csv`` (openeventdata/arabic_event_gsr)
and scores ``rasad.events.detect_types`` against the unanimous labels: "yes" is positive,
"easy no" negative; "difficult no" and "ambiguous" rows are left out.

Split: the *dev* part is the first 40% of each file's rows plus every row whose position
(0-based, all labels counted) is a multiple of 5; it is the only part looked at while writing
the lexicon, and the only part the PROTEST / ASSAULT sentence classifier is trained on
(``scripts/train_sentence_model.py``). The rest (the later 60% minus every fifth row) is
*held-out*, on which the CI gate is set. The table shows dev, held-out and all; dev and all
include the classifier's training rows, so only held-out measures it.

    PYTHONPATH=src python scripts/eval_gsr.py [--data DIR] [--errors dev]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--errors", choices=["dev"], help="list the dev part's errors")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        sys.stderr.write(f"no GSR data at {args.data}\n")
        return 2
    table = evaluate(args.data)
    out = sys.stdout
    out.write(f"{'type':8} {'part':9} {'P':>6} {'R':>6} {'F1':>6} {'pos':>5}\n")
    out.write("(dev and all include the sentence classifier's training rows)\n")
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
