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
from .events.scoring import EventScore, event_key
from .metrics import PRF
from .runner import process

ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC")


@dataclass
class Report:
    lines: PRF = field(default_factory=PRF)
    entities: PRF = field(default_factory=PRF)
    events: PRF = field(default_factory=PRF)
    event_score: EventScore = field(default_factory=EventScore)
    titles_ok: int = 0
    titles_total: int = 0
    per_doc: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "content_lines": self.lines.to_json(),
            "titles": {"exact": self.titles_ok, "total": self.titles_total},
            "entities": self.entities.to_json(),
            "events": self.event_score.to_json(),
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
    return event_key(ev_type, source, target)


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
            item["error"] = doc.reject.reason if doc and doc.reject else "not found"
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
        _score_events(report, item, doc, g)
        report.per_doc.append(item)
    return report


def _fmt(ev_type: str, source: Iterable[str], target: Iterable[str]) -> str:
    return f"{ev_type} {'+'.join(source) or '?'}->{'+'.join(target) or '?'}"


def _sentence(doc: Doc, span: tuple[int, int]) -> str:
    return " ".join(doc.text[span[0] : span[1]].split())


def _score_events(report: Report, item: dict[str, Any], doc: Doc, g: dict[str, Any]) -> None:
    """Strict and lenient event scores of one document; the misses (with the gold line) and
    the false alarms (with their first evidence sentence) go into ``item``."""
    gold_events = g.get("events", [])
    events = asserted(doc.events)
    pred = [event_key(e.type, e.source.countries, e.target.countries) for e in events]
    strict, loose = report.event_score.add(pred, gold_events)
    report.events.tp += len(strict.matched)
    report.events.fp += len(strict.false)
    report.events.fn += len(strict.missed)
    page_lines = (doc.page or "").splitlines()
    loose_of_gold = {n: p for p, n in loose.matched}
    loose_of_pred = {p: n for p, n in loose.matched + loose.optional}
    item["events_missed"] = []
    for n in strict.missed:
        ge = gold_events[n]
        line = ge.get("line")
        text = page_lines[line - 1] if isinstance(line, int) and 0 < line <= len(page_lines) else ""
        miss: dict[str, Any] = {
            "event": _fmt(ge["type"], ge["source"], ge["target"]),
            "mode": ge.get("mode"),
            "line": line,
            "sentence": " ".join(text.split()),
        }
        if n in loose_of_gold:
            e = events[loose_of_gold[n]]
            miss["lenient"] = _fmt(e.type, e.source.countries, e.target.countries)
        item["events_missed"].append(miss)
    item["events_false"] = []
    for p in strict.false:
        e = events[p]
        false: dict[str, Any] = {
            "event": _fmt(e.type, e.source.countries, e.target.countries),
            "mode": e.mode,
            "sentence": _sentence(doc, e.evidence[0]) if e.evidence else "",
        }
        if p in loose_of_pred:
            ge = gold_events[loose_of_pred[p]]
            false["lenient"] = _fmt(ge["type"], ge["source"], ge["target"])
        item["events_false"].append(false)
    item["events_predicted"] = [
        _fmt(e.type, e.source.countries, e.target.countries) for e in doc.events
    ]


def evaluate(gold_path: str | Path, raw_dir: str | Path) -> Report:
    """Run the full pipeline over the gold documents found in ``raw_dir`` (one batch) and score.

    A gold ``doc`` names a file in ``raw_dir``, or a record of a multi-page file as ``file#N``
    (N counted from 0: the JSON Lines record or WARC response record in file order).
    """
    gold = load_gold(gold_path)
    files = sorted({_file_of(g["doc"]) for g in gold})
    paths = [str(Path(raw_dir) / f) for f in files if (Path(raw_dir) / f).exists()]
    by_file: dict[str, list[Doc]] = {}
    for doc in process(paths):
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


def details_text(data: dict[str, Any]) -> str:
    """The ``--details`` report of ``rasad eval``: the lenient event figure, recall and
    precision per event type, then per document the required events missed (with the gold
    line) and the events predicted but not in the gold (with their sentence). A ``~`` entry
    names the event the lenient rule pairs it with (type right, a country shared)."""
    ev = data["events"]
    le = ev["lenient"]
    out = [
        f"events lenient P {le['precision']:.3f}  R(required) {le['required_recall']:.3f}  "
        f"F1 {le['f1']:.3f}   (type right, a country shared)",
        "",
        f"{'type':<10} {'gold':>4} {'R':>6} {'P':>6}   {'R~':>6} {'P~':>6}",
    ]
    for ev_type, row in ev["by_type"].items():
        s, loose = row["strict"], row["lenient"]
        out.append(
            f"{ev_type:<10} {s['tp'] + s['fn']:>4} {s['required_recall']:>6.3f} "
            f"{s['precision']:>6.3f}   {loose['required_recall']:>6.3f} {loose['precision']:>6.3f}"
        )
    for item in data["documents"]:
        missed, false = item.get("events_missed", []), item.get("events_false", [])
        if not missed and not false and "error" not in item:
            continue
        out.append("")
        out.append(f"== {item['doc']}  missed {len(missed)}  false {len(false)}")
        if "error" in item:
            out.append(f"   !! {item['error']}")
        for m in missed:
            near = f"  ~ {m['lenient']}" if "lenient" in m else ""
            out.append(f"   MISS {m['event']} ({m['mode']}) l.{m['line']}{near}")
            out.append(f"        | {m['sentence'][:220]}")
        for f in false:
            near = f"  ~ {f['lenient']}" if "lenient" in f else ""
            out.append(f"   FP   {f['event']} ({f['mode']}){near}")
            out.append(f"        | {f['sentence'][:220]}")
    return "\n".join(out)
