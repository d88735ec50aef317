"""Train the learned scorer of candidate events (``rasad.events.scorer``).

Runs the pipeline (rules only: the shipped scorer is bypassed while recording) over the gold
sets the project may use — the seeds, the development set, the team's sample pages — labels each
asserted candidate by the ``rasad eval`` rule (type + unordered pair of country sets matching a
gold event of its document), fits an L2 logistic regression (``scorer_fit``), picks the
threshold by grouped cross-validation over topics and sets (``scorer_eval.train``) and writes
``src/rasad/events/data/scorer.json``. Deterministic: the same inputs give the same file.

Retrain after any change to the rules or their data files (triggers.tsv, cues.tsv, frames):

    .venv/bin/python scripts/train_event_scorer.py            # filter on (the shipped default)
    .venv/bin/python scripts/train_event_scorer.py --no-filter  # probabilities only
    .venv/bin/python -m rasad.scorer_eval              # leave-one-topic-out figures
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rasad.events.scorer import ScorerModel
from rasad.events.scorer_fit import L2, MIN_COUNT
from rasad.scorer_eval import _rows, _topics, collect, gold_sets, train

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src/rasad/events/data/scorer.json"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="shared data folder")
    ap.add_argument("--out", default=str(OUT), help="where to write the model")
    ap.add_argument(
        "--no-filter",
        action="store_true",
        help="ship probabilities as confidence only; drop nothing",
    )
    args = ap.parse_args()
    shared = Path(args.shared)
    docs = collect(gold_sets(shared, ROOT), _topics(shared))
    model = train(docs)
    model = ScorerModel(model.weights, model.bias, model.threshold, not args.no_filter)
    _, labels, groups, _ = _rows(docs)
    meta = {
        "trained_on": "seeds, development set (news), samples/gold.jsonl, samples/gold_extra.jsonl",
        "candidates": len(labels),
        "positive": sum(labels),
        "groups": len(set(groups)),
        "l2": L2,
        "min_count": MIN_COUNT,
        "features": len(model.weights),
    }
    Path(args.out).write_text(
        json.dumps(model.to_json(meta), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    sys.stdout.write(
        f"wrote {args.out}: {len(model.weights)} weights, threshold {model.threshold}, "
        f"filter {'on' if model.filter else 'off'}; {len(labels)} candidates, "
        f"{sum(labels)} positive\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
