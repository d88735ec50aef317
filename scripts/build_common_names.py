#!/usr/bin/env python3
"""List the one-word person names of the knowledge base that are also frequent common words.

``رئيسي`` is Ebrahim Raisi's surname and the adjective "main"; ``بري`` is Nabih Berri's and
"land, wild". The entity stage links such a word alone to the person only when the document
names the person in full or a title or office word stands right before it.

A word counts as common when, in the wordfreq Arabic list (through the NER word statistics,
``src/rasad/ner/data/wordstats.tsv.gz``), its Zipf frequency class is >= 4 and its forms with
the article ``ال`` make up at least 30 % of its uses: names are rarely written with the article.

Run from the repository root after ``scripts/build_kb.py``:

    python scripts/build_common_names.py

Writes ``src/rasad/entities/data/common_names.txt`` (folded words, sorted).
"""

from __future__ import annotations

from pathlib import Path

from rasad.arabic import fold
from rasad.kb.loader import shipped_records
from rasad.ner.normalize import normalize
from rasad.ner.wordstats import WordStats

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "rasad" / "entities" / "data" / "common_names.txt"
MIN_ZIPF = 4
MIN_ARTICLE = 2  # article share bucket: 2 = 30-70 %, 3 = 70 % or more


def main() -> int:
    stats = WordStats.read()
    words: set[str] = set()
    for rec in shipped_records():
        if rec.get("type") != "PER":
            continue
        for form in [rec.get("name_ar") or "", *(rec.get("aliases") or ())]:
            form = form.strip()
            if not form or " " in form:
                continue
            code = stats.table.get(normalize(form))
            if code is None:
                continue
            zipf, article = (int(x) for x in code.split("|")[:2])
            if zipf >= MIN_ZIPF and article >= MIN_ARTICLE:
                words.add(fold(form))
    header = "# One-word person names that are also common words (scripts/build_common_names.py)\n"
    OUT.write_text(header + "".join(f"{w}\n" for w in sorted(words)), encoding="utf-8")
    print(f"wrote {len(words)} words to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
