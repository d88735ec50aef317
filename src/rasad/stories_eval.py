"""Pairwise precision and recall of story clusters against topic labels.

A pair of articles is predicted together when they share ``doc.cluster`` and is gold together
when they carry the same label. A label may hold several occasions (the development set's topics
do), so precision is the figure to hold high, and recall is read with that in mind.

    python -m rasad.stories_eval ../shared/gold/news-manifest.jsonl ../shared/corpus/news
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path


@dataclass(frozen=True, slots=True)
class PairScore:
    tp: int
    fp: int
    fn: int
    cross_label: list[tuple[str, str]]  # predicted pairs whose labels differ

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def pairwise(clusters: Mapping[str, str], labels: Mapping[str, str]) -> PairScore:
    """Score predicted ``clusters`` (id -> cluster) against gold ``labels`` (id -> label) over
    the ids present in both."""
    ids = sorted(set(clusters) & set(labels))
    tp = fp = fn = 0
    cross: list[tuple[str, str]] = []
    for a, b in combinations(ids, 2):
        pred, gold = clusters[a] == clusters[b], labels[a] == labels[b]
        tp += pred and gold
        fn += gold and not pred
        if pred and not gold:
            fp += 1
            cross.append((a, b))
    return PairScore(tp, fp, fn, cross)


def cluster_pages(paths: Iterable[str]) -> dict[str, str]:
    """Run extraction and dedup over the pages (one batch): page stem -> cluster."""
    from .runner import process

    return {
        Path(doc.source).stem: doc.cluster or doc.id
        for doc in process(paths, entities=False, events=False)
        if not doc.reject
    }


USAGE = "usage: python -m rasad.stories_eval MANIFEST.jsonl CORPUS_DIR [--clusters]\n"


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2 or not Path(args[0]).is_file() or not Path(args[1]).is_dir():
        sys.stderr.write(USAGE)
        return 2
    manifest, corpus = args[0], Path(args[1])
    labels = {}
    for line in Path(manifest).read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            labels[str(rec["id"])] = str(rec["story_group"])
    paths = [str(p) for p in sorted(corpus.iterdir()) if p.stem in labels]
    score = pairwise(cluster_pages(paths), labels)
    n_clusters = len(set(cluster_pages(paths).values())) if "--clusters" in argv else None
    out = {
        "pairs": {"tp": score.tp, "fp": score.fp, "fn": score.fn},
        "precision": round(score.precision, 3),
        "recall": round(score.recall, 3),
        "cross_label_pairs": score.cross_label[:20],
    }
    if n_clusters is not None:
        out["clusters"] = n_clusters
    sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
