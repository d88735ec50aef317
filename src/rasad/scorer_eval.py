"""Training data and leave-one-topic-out figures of the event scorer.

``python -m rasad.scorer_eval [--shared ../shared] [--json]`` runs the pipeline (rules
only) over the gold sets the project may use, records every candidate event with its features
and its label (positive when its type and unordered pair of country sets match a gold event of
its document, required or optional: the ``rasad eval`` rule), and reports pooled event
precision and required recall on the development set:

- ``baseline``: every candidate kept (the rules alone);
- ``loto``: for each of the 26 topics, a model trained on everything else (the other topics,
  the seeds, the sample pages) filters that topic's pages, with a threshold picked by grouped
  cross-validation inside the training part (never on the held-out topic);
- ``in-sample``: one model trained on everything, threshold picked on everything.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .doc import Event
from .evaluate import _file_of, asserted, load_gold
from .events.merge import merge_in_doc
from .events.scorer import Candidate, ScorerModel, recording
from .events.scorer_fit import fit, out_of_fold, predict
from .events.scoring import Counts, EventScore, event_key

__all__ = ["GoldDoc", "choose_threshold", "collect", "gold_sets", "loto", "pipeline_counts"]

#: thresholds tried when picking one (0: no filtering)
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(0, 15))
#: required recall a threshold may cost (against no filtering) on the training folds
RECALL_BUDGET = 0.01
#: inner folds (of topics / sets) used to pick the threshold from training data only
INNER_FOLDS = 5


@dataclass
class GoldDoc:
    name: str  # "<set>:<doc>"
    group: str  # topic of a development page; the set's name otherwise
    gold: list[dict[str, Any]]
    cands: list[Candidate] = field(default_factory=list)

    def labels(self) -> list[int]:
        keys = {event_key(g["type"], g["source"], g["target"]) for g in self.gold}
        return [
            int(event_key(c.event.type, c.event.source.countries, c.event.target.countries) in keys)
            for c in self.cands
        ]


def gold_sets(shared: Path, root: Path) -> list[tuple[str, Path, Path]]:
    """(name, gold file, page folder) of every gold set the scorer may learn from."""
    return [
        ("news", shared / "gold/news.jsonl", shared / "corpus/news"),
        ("seeds", shared / "gold/seeds.jsonl", shared / "corpus/seeds"),
        ("samples", root / "samples/gold.jsonl", root / "samples/corpus"),
        ("samples_extra", root / "samples/gold_extra.jsonl", root / "samples/corpus"),
    ]


def _topics(shared: Path) -> dict[str, str]:
    path = shared / "gold/news-manifest.jsonl"
    out: dict[str, str] = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            out[f"{item['id']}.txt"] = str(item["story_group"])
    return out


def collect(sets: Sequence[tuple[str, Path, Path]], topics: dict[str, str]) -> list[GoldDoc]:
    """Run the pipeline over each set, recording the candidates of each gold document."""
    from .api import extract

    out: list[GoldDoc] = []
    for name, gold_path, raw_dir in sets:
        gold = load_gold(gold_path)
        files = sorted({_file_of(g["doc"]) for g in gold})
        paths = [str(raw_dir / f) for f in files if (raw_dir / f).exists()]
        with recording() as cands:
            docs = list(extract(paths))
        by_doc: dict[str, list[Candidate]] = {}
        for c in cands:
            by_doc.setdefault(c.doc_id, []).append(c)
        by_file: dict[str, list[str]] = {}
        for doc in docs:
            by_file.setdefault(_file_of(Path(doc.source).name), []).append(doc.id)
        for g in gold:
            ids = by_file.get(_file_of(g["doc"]), [])
            index = int(g["doc"].rsplit("#", 1)[1]) if "#" in g["doc"] else 0
            group = topics.get(g["doc"], name) if name == "news" else name
            item = GoldDoc(f"{name}:{g['doc']}", group, g.get("events", []))
            if index < len(ids):
                item.cands = by_doc.get(ids[index], [])
            out.append(item)
    return out


def _copy(e: Event) -> Event:
    """A copy the merger may change (it changes evidence, actors and scalar fields)."""
    return replace(
        e,
        evidence=list(e.evidence),
        source=replace(e.source, countries=list(e.source.countries)),
        target=replace(e.target, countries=list(e.target.countries)),
    )


def _asserted(c: Candidate) -> bool:
    return not c.event.negated and c.event.intent != "hypothetical"


def pipeline_counts(docs: Sequence[GoldDoc], keep: Callable[[GoldDoc, int], bool]) -> Counts:
    """Strict event counts (the ``rasad eval`` rule) of ``docs`` when only the candidates
    ``keep(doc, n)`` accepts are merged and reported."""
    score = EventScore()
    for d in docs:
        pending = [
            (_copy(c.event), c.date_key)
            for n, c in enumerate(d.cands)
            if not _asserted(c) or keep(d, n)
        ]
        events = asserted(merge_in_doc(pending))
        score.add(
            [event_key(e.type, e.source.countries, e.target.countries) for e in events], d.gold
        )
    return score.strict


def _rows(
    docs: Sequence[GoldDoc],
) -> tuple[list[list[str]], list[int], list[str], list[tuple[int, int]]]:
    rows: list[list[str]] = []
    labels: list[int] = []
    groups: list[str] = []
    where: list[tuple[int, int]] = []
    for k, d in enumerate(docs):
        for n, (c, y) in enumerate(zip(d.cands, d.labels(), strict=True)):
            if _asserted(c):
                rows.append(c.features)
                labels.append(y)
                groups.append(d.group)
                where.append((k, n))
    return rows, labels, groups, where


def _keep(probs: dict[tuple[int, int], float], t: float) -> Callable[[GoldDoc, int], bool]:
    def keep(d: GoldDoc, n: int) -> bool:
        return probs.get((id(d), n), 1.0) >= t

    return keep


def _prob_map(
    docs: Sequence[GoldDoc], where: list[tuple[int, int]], probs: list[float]
) -> dict[tuple[int, int], float]:
    return {(id(docs[k]), n): p for (k, n), p in zip(where, probs, strict=True)}


def choose_threshold(docs: Sequence[GoldDoc], probs: dict[tuple[int, int], float]) -> float:
    """The threshold of :data:`THRESHOLDS` with the best pipeline precision on ``docs`` among
    those that lose at most :data:`RECALL_BUDGET` of required recall against keeping every
    candidate (the lowest one on ties; 0 when none gains precision)."""
    base = pipeline_counts(docs, _keep(probs, 0.0))
    best, best_p = 0.0, base.precision
    for t in THRESHOLDS[1:]:
        c = pipeline_counts(docs, _keep(probs, t))
        if c.recall >= base.recall - RECALL_BUDGET and c.precision > best_p + 1e-9:
            best, best_p = t, c.precision
    return best


def train(docs: Sequence[GoldDoc]) -> ScorerModel:
    """A model fitted on ``docs`` with a threshold picked by inner grouped cross-validation."""
    rows, labels, groups, where = _rows(docs)
    oof = out_of_fold(rows, labels, groups, INNER_FOLDS)
    threshold = choose_threshold(docs, _prob_map(docs, where, oof))
    model = fit(rows, labels)
    return ScorerModel(model.weights, model.bias, threshold, model.filter)


def loto(docs: Sequence[GoldDoc]) -> dict[str, Any]:
    """Leave-one-topic-out over the development pages (see the module docstring)."""
    news = [d for d in docs if d.name.startswith("news:")]
    topics = sorted({d.group for d in news})
    probs: dict[tuple[int, int], float] = {}
    chosen: dict[str, float] = {}
    for topic in topics:
        train_docs = [d for d in docs if d.group != topic]
        test_docs = [d for d in news if d.group == topic]
        model = train(train_docs)
        chosen[topic] = model.threshold
        rows, _, _, where = _rows(test_docs)
        for (k, n), p in zip(where, predict(model, rows), strict=True):
            key = (id(test_docs[k]), n)
            probs[key] = p if p >= model.threshold else -1.0  # dropped in its own fold
    loto_counts = pipeline_counts(news, _keep(probs, 0.0))
    return {"topics": len(topics), "thresholds": chosen, "loto": loto_counts.to_json()}


def report(docs: Sequence[GoldDoc]) -> dict[str, Any]:
    news = [d for d in docs if d.name.startswith("news:")]
    out: dict[str, Any] = {"baseline": pipeline_counts(news, lambda d, n: True).to_json()}
    out.update(loto(docs))
    model = train(docs)
    rows, _, _, where = _rows(news)
    probs = _prob_map(news, where, predict(model, rows))
    out["in_sample"] = pipeline_counts(news, _keep(probs, model.threshold)).to_json()
    out["in_sample_threshold"] = model.threshold
    _, labels, _, _ = _rows(docs)
    out["candidates"] = {"asserted": len(labels), "positive": sum(labels)}
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m rasad.scorer_eval", description=__doc__)
    ap.add_argument("--shared", default="../shared", help="the shared data folder")
    ap.add_argument("--root", default=".", help="the project checkout (for samples/)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    shared, root = Path(args.shared), Path(args.root)
    docs = collect(gold_sets(shared, root), _topics(shared))
    out = report(docs)
    if args.json:
        sys.stdout.write(json.dumps(out, indent=2) + "\n")
        return 0
    for name in ("baseline", "loto", "in_sample"):
        c = out[name]
        sys.stdout.write(
            f"{name:10} P {c['precision']:.3f}  R(required) {c['required_recall']:.3f}  "
            f"F1 {c['f1']:.3f}  (tp {c['tp']} fp {c['fp']} fn {c['fn']})\n"
        )
    sys.stdout.write(
        f"thresholds picked in the folds: {sorted(set(out['thresholds'].values()))}; "
        f"in-sample {out['in_sample_threshold']}; candidates {out['candidates']}\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
