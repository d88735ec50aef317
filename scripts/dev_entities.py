"""Development check of the entity stage on the gold seeds: F1 with per-document misses,
throughput and build time.

    PYTHONPATH=src python scripts/dev_entities.py [--gold ../shared/gold/seeds.jsonl]
        [--corpus ../shared/corpus/seeds] [--model] [--bench MB] [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rasad.doc import Doc
from rasad.entities.knowledge import load_knowledge
from rasad.entities.linker import Linker, Resources

TYPES = {"PER", "ORG", "GPE", "LOC"}


def gold_docs(gold: Path, corpus: Path) -> list[tuple[Doc, set[tuple[str, str]]]]:
    out = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        lines = (corpus / rec["doc"]).read_text(encoding="utf-8").split("\n")
        text = "\n".join(lines[i - 1] for i in rec["content_lines"])
        doc = Doc(source=rec["doc"])
        doc.set_text(text)
        doc.published = rec.get("publication_date")
        want = {(e["name"], e["type"]) for e in rec["entities"] if e["type"] in TYPES}
        out.append((doc, want))
    return out


def predicted(doc: Doc) -> set[tuple[str, str]]:
    got = set()
    for m in doc.mentions:
        ent = doc.entities.get(m.entity_id)
        if ent is not None and ent.type in TYPES:
            got.add((ent.name, ent.type))
    return got


def main() -> int:
    here = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=here.parent / "shared/gold/seeds.jsonl")
    ap.add_argument("--corpus", type=Path, default=here.parent / "shared/corpus/seeds")
    ap.add_argument("--model", action="store_true", help="use the CRF tagger too")
    ap.add_argument("--bench", type=float, default=2.0, help="MB of text for the speed test")
    ap.add_argument("--show", action="store_true", help="print every mention")
    args = ap.parse_args()

    t0 = time.perf_counter()
    kn = load_knowledge()
    t1 = time.perf_counter()
    res = Resources.build(kn)
    t2 = time.perf_counter()
    print(
        f"KB {len(kn.entities)} entities loaded in {t1 - t0:.2f}s; automaton "
        f"{res.gazetteer.size} keys built in {t2 - t1:.2f}s"
    )
    tagger = None
    if args.model:
        from rasad.stages.entities import _load_tagger

        tagger = _load_tagger()
    linker = Linker(res, tagger=tagger)
    tp = fp = fn = 0
    docs = gold_docs(args.gold, args.corpus)
    for doc, want in docs:
        linker.link(doc)
        got = predicted(doc)
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
        print(f"== {doc.source}: {len(got & want)}/{len(want)} found, {len(got - want)} extra")
        for name, typ in sorted(want - got):
            print(f"   FN {typ} {name}")
        for name, typ in sorted(got - want):
            surf = sorted({m.text for m in doc.mentions if doc.entities[m.entity_id].name == name})
            print(f"   FP {typ} {name} {surf}")
        if args.show:
            for m in doc.mentions:
                print(f"      {m.start}-{m.end} {m.text!r} -> {m.entity_id} ({m.how})")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"entity P={p:.3f} R={r:.3f} F1={f1:.3f} (tp={tp} fp={fp} fn={fn})")

    if args.bench > 0:
        base = "\n\n".join(d.text for d, _ in docs)
        size = len(base.encode("utf-8"))
        reps = max(1, int(args.bench * 1e6 / size))
        texts = [base] * reps
        start = time.perf_counter()
        nbytes = 0
        for i, text in enumerate(texts):
            doc = Doc(source=f"bench{i}")
            doc.set_text(text)
            linker.link(doc)
            nbytes += size
        secs = time.perf_counter() - start
        print(
            f"throughput {nbytes / 1e6 / secs:.2f} MB/s ({nbytes / 1e6:.1f} MB in {secs:.2f}s,"
            " normalisation included)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
