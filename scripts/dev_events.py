"""Development check of the event stage: required recall / precision with per-document
false negatives and false positives (and the sentence each prediction came from).

    python scripts/dev_events.py samples/gold.jsonl samples/corpus [--show] [--doc NAME]
    python scripts/dev_events.py samples/gold_extra.jsonl samples/corpus
    python scripts/dev_events.py ../shared/gold/seeds.jsonl ../shared/corpus/seeds

Gold ``doc`` names of multi-record files are ``file#N`` with N 0-based (JSONL line, or WARC
response record); the readers number records from 1 (``file:1``, ``file#1``). The adapter
below maps one onto the other; ``rasad.evaluate`` is not changed.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from rasad.api import extract
from rasad.doc import Doc
from rasad.evaluate import _event_key, load_gold, match_events

_RECORD = re.compile(r"^(?P<file>.+?)(?:[#:](?P<n>\d+))?$")


def _key(source: str) -> str:
    """``dir/file.jsonl:2`` or ``dir/file.warc.gz#2`` → ``file.jsonl#1`` (0-based)."""
    m = _RECORD.match(Path(source).name)
    assert m is not None
    if m.group("n") is None:
        return m.group("file")
    return f"{m.group('file')}#{int(m.group('n')) - 1}"


def run(gold_path: Path, raw: Path) -> tuple[list[dict[str, Any]], dict[str, Doc]]:
    gold = load_gold(gold_path)
    files = sorted({_RECORD.match(g["doc"]).group("file") for g in gold})  # type: ignore[union-attr]
    paths = [str(raw / f) for f in files if (raw / f).exists()]
    docs = {_key(d.source): d for d in extract(paths)}
    return gold, docs


def _fmt(ev_type: str, src: list[str], tgt: list[str]) -> str:
    return f"{ev_type} {'+'.join(src) or '?'}->{'+'.join(tgt) or '?'}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("raw", type=Path)
    ap.add_argument("--show", action="store_true", help="print every prediction's evidence")
    ap.add_argument("--doc", help="only documents whose name contains this")
    ap.add_argument("--quiet", action="store_true", help="totals only")
    ap.add_argument("--trace", action="store_true", help="hits and units per sentence")
    ap.add_argument("--factual", action="store_true",
                    help="score only events stated as fact (not negated, not hypothetical)")
    args = ap.parse_args()
    gold, docs = run(args.gold, args.raw)
    if args.trace:
        for name, d in docs.items():
            if args.doc and args.doc in name:
                trace(d)
        return 0
    tp = counted = required = 0
    for g in gold:
        if args.doc and args.doc not in g["doc"]:
            continue
        doc = docs.get(g["doc"])
        if doc is None:
            print(f"!! {g['doc']}: not found", file=sys.stderr)
            continue
        if args.factual:
            doc.events = [e for e in doc.events
                          if not e.negated and e.intent != "hypothetical"]
        pred = [_event_key(e.type, e.source.countries, e.target.countries) for e in doc.events]
        t, c, r = match_events(pred, g.get("events", []))
        tp, counted, required = tp + t, counted + c, required + r
        if args.quiet:
            continue
        print(f"== {g['doc']}  tp {t}  fp {c - t}  fn {r - t}")
        events = g.get("events", [])
        req = [_event_key(x["type"], x["source"], x["target"]) for x in events
               if not x.get("optional")]
        opt = [_event_key(x["type"], x["source"], x["target"]) for x in events
               if x.get("optional")]
        status = ["FP "] * len(pred)
        for want, tag in ((req, "ok "), (opt, "OPT")):
            for key in want:
                k = next((n for n, x in enumerate(pred) if x == key and status[n] == "FP "),
                         None)
                if k is not None:
                    status[k] = tag
                elif tag == "ok ":
                    ge = next(x for x in events if not x.get("optional") and
                              _event_key(x["type"], x["source"], x["target"]) == key)
                    print(f"   FN {_fmt(ge['type'], ge['source'], ge['target'])} line "
                          f"{ge['line']} ({ge.get('mode')}, {ge.get('when')})")
        for e, tag in zip(doc.events, status, strict=True):
            if tag != "FP " and not args.show:
                continue
            ev = _fmt(e.type, e.source.countries, e.target.countries)
            print(f"   {tag} {ev} mode={e.mode} neg={e.negated} intent={e.intent}")
            if args.show or tag == "FP ":
                for s, t2 in e.evidence[:4]:
                    print(f"        | {doc.text[s:t2][:150]}")
    prec = tp / counted if counted else 0.0
    rec = tp / required if required else 0.0
    f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    print(f"events  P {prec:.3f}  R(required) {rec:.3f}  F1 {f:.3f}  "
          f"(tp {tp}, predicted-counted {counted}, required {required})")
    return 0




def trace(doc: Doc) -> None:
    """Per sentence: trigger hits and units (for debugging the rules)."""
    from rasad.events.arguments import build_units, sentences
    from rasad.events.lexicon import load_lexicon, tokenize

    tokens = tokenize(doc.norm)
    hits = load_lexicon().match(tokens)
    units = build_units(doc, tokens)
    for s, e in sentences(doc.norm):
        hs = [h for h in hits if s <= h.start < e]
        us = [u for u in units if s <= u.start < e]
        if not hs:
            continue
        print("--", doc.norm[s:e][:200])
        for h in hs:
            print(f"   HIT {h.i}:{h.j} {doc.norm[h.start:h.end]} {h.entry.type}/{h.entry.mode}"
                  f" {sorted(h.entry.flags)} {h.form}")
        for u in us:
            print(f"   UNIT {u.i}:{u.j} {doc.norm[u.start:u.end]} {u.kind} {u.entity}"
                  f" {u.countries} prep={u.prep!r} cp={u.counterpart} place={u.place}"
                  f" mod={u.modifier} g={u.group}")


if __name__ == "__main__":
    sys.exit(main())
