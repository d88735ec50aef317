"""The entity stage alone, on the article text of real and generated pages: speed and output.

    python bench/entity_stage.py prepare OUT.jsonl PAGE_DIR...   # article texts (stages before)
    python bench/entity_stage.py time TEXTS.jsonl                # linking CPU-s, MB/s of text
    python bench/entity_stage.py dump TEXTS.jsonl OUT.jsonl      # mentions and entities per page

``prepare`` runs the stages before ``entities.kb.v1`` on every page of the folders and writes
each article's text and dates, so two trees (``PYTHONPATH``) can be timed and compared on the
same input. ``time`` builds the linker (knowledge base, automata, CRF) first, then links fresh
documents once (normalisation included; one pass, as every page of a stream is new: the
caches of repeated sentences and words start empty but for one warm-up sentence) and prints
one JSON line: the CPU seconds of loading and of linking, and MB/s of article text per
CPU-second of linking. Run it in turns for two trees and take medians.
``dump`` writes what the stage outputs, to be diffed between two trees.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

_WARM = "قال الباحث في الشأن التركي سامي نور إن الرئيس الروسي سيزور أنقرة.\n"


def _docs(path: Path) -> list[Any]:
    from rasad.doc import Doc

    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        doc = Doc(source=rec["source"])
        doc.set_text(rec["text"])
        doc.published = rec["published"]
        doc.date_hint = rec["date_hint"]
        out.append(doc)
    return out


def prepare(out: Path, folders: list[Path]) -> None:
    from rasad import api
    from rasad.stages.read import read_inputs

    files = sorted(str(p) for d in folders for p in d.iterdir() if p.is_file())
    pipe = api.pipeline(on_error="skip", stories=False)
    before = []
    for stage in pipe.stages:
        if stage.name.startswith("entities"):
            break
        before.append(stage)
    docs = list(read_inputs(files))
    for stage in before:
        docs = list(stage(docs))
    with out.open("w", encoding="utf-8") as fh:
        for doc in docs:
            if doc.reject or not doc.has_text:
                continue
            rec = {
                "source": doc.source,
                "text": doc.text,
                "published": doc.published,
                "date_hint": doc.date_hint,
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(docs)} pages -> {out}", file=sys.stderr)


def _stage() -> Any:
    from rasad.stages.entities import EntityLinker

    stage = EntityLinker()
    stage.load()
    return stage


def timing(path: Path) -> None:
    from rasad.doc import Doc

    c0 = time.process_time()
    stage = _stage()
    warm = Doc(source="warm")  # lazy loads (word lists read on first use) outside the timing
    warm.set_text(_WARM)
    stage.process(warm)
    load = time.process_time() - c0
    docs = _docs(path)
    mb = sum(len(d.text.encode()) for d in docs) / 1e6
    c0 = time.process_time()
    for doc in docs:
        stage.process(doc)
    cpu = time.process_time() - c0
    print(
        json.dumps(
            {
                "load_cpu": round(load, 3),
                "link_cpu": round(cpu, 3),
                "mb": round(mb, 4),
                "mb_per_s": round(mb / cpu, 4),
            }
        )
    )


def dump(path: Path, out: Path) -> None:
    stage = _stage()
    with out.open("w", encoding="utf-8") as fh:
        for doc in _docs(path):
            stage.process(doc)
            rec = {
                "source": doc.source,
                "mentions": [[m.start, m.end, m.text, m.entity_id, m.how] for m in doc.mentions],
                "entities": {
                    k: [e.name, e.name_ar, e.type, e.country, e.sector, e.wikidata]
                    for k, e in doc.entities.items()
                },
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("out", type=Path)
    p.add_argument("folders", type=Path, nargs="+")
    t = sub.add_parser("time")
    t.add_argument("texts", type=Path)
    d = sub.add_parser("dump")
    d.add_argument("texts", type=Path)
    d.add_argument("out", type=Path)
    args = ap.parse_args()
    if args.cmd == "prepare":
        prepare(args.out, args.folders)
    elif args.cmd == "time":
        timing(args.texts)
    else:
        dump(args.texts, args.out)


if __name__ == "__main__":
    main()
