"""Page-size scaling: time and peak memory of every stage on one page of 0.1, 1, 3 and 10 MB.

    .venv/bin/python bench/page_size.py [--sizes 0.1 1 3 10] [--kind text|html]

The page is invented Arabic news prose (sentences built from a small vocabulary with names the
knowledge base knows, so the entity and event stages have work). Each size runs in a fresh
process, so peak memory (ru_maxrss) is that size's own. Linear means seconds per MB stays flat.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time

NAMES = ["فلاديمير بوتين", "رجب طيب أردوغان", "وزير الخارجية التركي", "الرئيس الروسي", "أنقرة"]
VERBS = ["التقى", "بحث", "أعلن", "قال", "استقبل", "أكد", "زار"]
OBJECTS = [
    "ملف التعاون الاقتصادي بين البلدين",
    "الأوضاع الأمنية في المنطقة",
    "اتفاقية جديدة للتجارة والطاقة",
    "نتائج المحادثات التي جرت الأسبوع الماضي",
    "خطط تطوير النقل والموانئ",
]


def make_page(megabytes: float, seed: int = 7) -> str:
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    lines: list[str] = ["عنوان تجريبي عن المحادثات الثنائية بين البلدين"]
    size = 0
    while size < target:
        line = " ".join(
            f"{rng.choice(VERBS)} {rng.choice(NAMES)} {rng.choice(OBJECTS)} اليوم في العاصمة."
            for _ in range(rng.randint(2, 5))
        )
        lines.append(line)
        size += len(line.encode()) + 1
    return "\n".join(lines)


def run_one(megabytes: float, kind: str) -> dict[str, float]:
    from rasad.api import pipeline
    from rasad.doc import Doc

    text = make_page(megabytes)
    raw = (
        f"<html><body><p>{text.replace(chr(10), '</p><p>')}</p></body></html>"
        if kind == "html"
        else text
    ).encode()
    doc = Doc(source="bench/page.txt" if kind == "text" else "bench/page.html", raw=raw)
    doc.meta["kind"] = kind
    timings: dict[str, float] = {"mb": len(raw) / 1e6}
    docs = [doc]
    for stage in pipeline(on_error="raise").stages:
        t0 = time.perf_counter()
        docs = list(stage(docs))
        timings[stage.name] = time.perf_counter() - t0
    timings["total"] = sum(v for k, v in timings.items() if k != "mb")
    timings["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    timings["mentions"] = len(docs[0].mentions)
    timings["rejected"] = float(docs[0].reject is not None)
    return timings


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1, 3, 10])
    ap.add_argument("--kind", choices=["text", "html"], default="text")
    ap.add_argument("--one", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.kind)))
        return 0
    for size in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--kind", args.kind],
            capture_output=True,
            text=True,
            check=True,
        )
        t = json.loads(out.stdout.strip().splitlines()[-1])
        stages = "  ".join(
            f"{k.split('.')[0]}.{k.split('.')[1]} {v:.2f}"
            for k, v in t.items()
            if k.count(".") >= 2
        )
        print(
            f"{t['mb']:6.2f} MB  total {t['total']:7.2f} s  {t['total'] / t['mb']:6.2f} s/MB  "
            f"peak {t['peak_mb']:6.0f} MB  mentions {int(t['mentions'])}  | {stages}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
