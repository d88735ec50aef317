"""``rasad eval GOLD RAWDIR``: the metrics of the gold format (``shared/gold/FORMAT.md``).

- content lines: precision/recall/F1 of the raw line numbers kept as title + body, against the
  gold ``content_lines`` (plain-text pages); exact title where the gold shows one;
- entities: per document the set of (canonical name, type) for PER, ORG, GPE and LOC, micro F1;
- events: type plus the unordered pair of source and target country sets within a document;
  recall over required gold events; precision over predictions not matched to optional ones.
  Predictions flagged negated or hypothetical are not scored (the gold codes facts only).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .doc import Doc, Event
from .errors import ConfigError, Errors

ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC")


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, pred: set[Any], gold: set[Any]) -> None:
        self.tp += len(pred & gold)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def to_json(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Report:
    lines: PRF = field(default_factory=PRF)
    entities: PRF = field(default_factory=PRF)
    events: PRF = field(default_factory=PRF)
    titles_ok: int = 0
    titles_total: int = 0
    per_doc: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "content_lines": self.lines.to_json(),
            "titles": {"exact": self.titles_ok, "total": self.titles_total},
            "entities": self.entities.to_json(),
            "events": {
                "required_recall": round(self.events.recall, 4),
                "precision": round(self.events.precision, 4),
                "f1": round(self.events.f1, 4),
                "tp": self.events.tp,
                "fp": self.events.fp,
                "fn": self.events.fn,
            },
            "documents": self.per_doc,
        }


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as e:
                raise ConfigError(Errors.E404, path=path, line=n, detail=str(e)) from e
            if "doc" not in item:
                raise ConfigError(Errors.E404, path=path, line=n, detail="no 'doc' field")
            out.append(item)
    return out


def entity_set(doc: Doc) -> set[tuple[str, str]]:
    ids = {m.entity_id for m in doc.mentions}
    return {
        (e.name, e.type) for e in doc.entities.values() if e.id in ids and e.type in ENTITY_TYPES
    }


def asserted(events: Iterable[Event]) -> list[Event]:
    """The events a text states as fact: the gold codes only those, so events flagged as
    negated ("لم يلتق") or hypothetical (an offer, "لقاء محتمل") are not scored. Planned and
    future events are scored (the gold marks them optional)."""
    return [e for e in events if not e.negated and e.intent != "hypothetical"]


def _event_key(ev_type: str, source: Iterable[str], target: Iterable[str]) -> tuple[Any, ...]:
    pair = frozenset({frozenset(source), frozenset(target)})
    return (ev_type, pair)


def match_events(pred: list[tuple[Any, ...]], gold: list[dict[str, Any]]) -> tuple[int, int, int]:
    """(matched required, predictions counted, required gold) for one document."""
    required = [
        _event_key(g["type"], g["source"], g["target"]) for g in gold if not g.get("optional")
    ]
    optional = [_event_key(g["type"], g["source"], g["target"]) for g in gold if g.get("optional")]
    left = list(pred)
    tp = 0
    for key in required:
        if key in left:
            left.remove(key)
            tp += 1
    for key in optional:
        if key in left:
            left.remove(key)
    return tp, tp + len(left), len(required)


def evaluate_docs(gold: list[dict[str, Any]], docs: dict[str, Doc]) -> Report:
    report = Report()
    for g in gold:
        doc = docs.get(g["doc"])
        item: dict[str, Any] = {"doc": g["doc"]}
        if doc is None or doc.reject:
            item["error"] = doc.reject["reason"] if doc and doc.reject else "not found"
            doc = Doc(source=g["doc"])
            doc.set_text("")
        if g.get("content_lines") is not None:
            pred, gl = set(doc.lines), set(g["content_lines"])
            report.lines.add(pred, gl)
            item["lines_fp"], item["lines_fn"] = sorted(pred - gl), sorted(gl - pred)
        if g.get("title") is not None:
            report.titles_total += 1
            report.titles_ok += int(doc.title == g["title"])
        gold_ents = {
            (e["name"], e["type"]) for e in g.get("entities", []) if e["type"] in ENTITY_TYPES
        }
        pred_ents = entity_set(doc)
        report.entities.add(pred_ents, gold_ents)
        item["entities_fp"] = sorted(f"{n} ({t})" for n, t in pred_ents - gold_ents)
        item["entities_fn"] = sorted(f"{n} ({t})" for n, t in gold_ents - pred_ents)
        pred_events = [
            _event_key(e.type, e.source.countries, e.target.countries) for e in asserted(doc.events)
        ]
        tp, counted, required = match_events(pred_events, g.get("events", []))
        report.events.tp += tp
        report.events.fp += counted - tp
        report.events.fn += required - tp
        item["events_predicted"] = [
            f"{e.type} {'+'.join(e.source.countries)}->{'+'.join(e.target.countries)}"
            for e in doc.events
        ]
        report.per_doc.append(item)
    return report


def evaluate(gold_path: str | Path, raw_dir: str | Path) -> Report:
    """Run the full pipeline over the gold documents found in ``raw_dir`` (one batch) and score.

    A gold ``doc`` names a file in ``raw_dir``, or a record of a multi-page file as ``file#N``
    (N counted from 0: the JSON Lines record or WARC response record in file order).
    """
    from .api import extract

    gold = load_gold(gold_path)
    files = sorted({_file_of(g["doc"]) for g in gold})
    paths = [str(Path(raw_dir) / f) for f in files if (Path(raw_dir) / f).exists()]
    by_file: dict[str, list[Doc]] = {}
    for doc in extract(paths):
        by_file.setdefault(_file_of(Path(doc.source).name), []).append(doc)
    docs: dict[str, Doc] = {}
    for g in gold:
        name = g["doc"]
        records = by_file.get(_file_of(name), [])
        index = int(name.rsplit("#", 1)[1]) if "#" in name else 0
        if index < len(records):
            docs[name] = records[index]
    return evaluate_docs(gold, docs)


def _file_of(name: str) -> str:
    """``a.jsonl:3`` / ``a.warc.gz#2`` / ``a.jsonl#0`` → the file name."""
    name = name.split("#", 1)[0]
    head, sep, tail = name.rpartition(":")
    return head if sep and tail.isdigit() else name
