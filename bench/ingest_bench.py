"""Ingest benchmark (not a test): throughput, the HTML path against trafilatura alone, stage
speeds and peak memory, as medians of several runs on a generated corpus.

    python bench/ingest_bench.py --pages 10000 --runs 3 [--out bench/results/latest.json]

The corpus is generated from the bundled sample pages (text written by the Rasad authors):
every page gets a site sidebar, a title, 4-9 paragraphs drawn from the pool with random word
substitutions (so pages are not copies of each other), and furniture lines; the same pages are
also written as HTML. Each measurement runs in a fresh subprocess so peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "samples" / "corpus"
FURNITURE = [
    "احصل على آخر الأخبار مباشرة على هاتفك. اشترك الآن",
    "التعليقات مغلقة.",
    "شارك عبر فيسبوك تويتر واتساب",
    "هذا الموقع يستخدم ملفات تعريف الارتباط لتحسين تجربة التصفح.",
    "اقرأ أيضا: قراءة في نتائج القمة الإقليمية الأخيرة",
]


def _pool() -> tuple[list[str], list[str]]:
    paras, titles = [], []
    for path in sorted(CORPUS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            if len(words) >= 15 and line.rstrip().endswith("."):
                paras.append(line.strip())
            elif 6 <= len(words) <= 14 and not line.startswith("-"):
                titles.append(line.strip())
    return paras, titles


def generate(out: Path, pages: int, seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    paras, titles = _pool()
    vocab = sorted({w for p in paras for w in p.split() if len(w) > 3})
    (out / "txt").mkdir(parents=True, exist_ok=True)
    (out / "html").mkdir(parents=True, exist_ok=True)
    sidebars = [[f"- {rng.choice(titles)}" for _ in range(12)] for _ in range(20)]
    size = 0
    for i in range(pages):
        site = i % 20
        title = rng.choice(titles)
        body = []
        for p in rng.sample(paras, rng.randint(4, 9)):
            words = p.split()
            for _ in range(max(2, len(words) // 6)):
                words[rng.randrange(len(words))] = rng.choice(vocab)
            body.append(" ".join(words))
        lines = sidebars[site] + [title, "متابعات", *body, *rng.sample(FURNITURE, 3)]
        text = "\n".join(lines) + "\n"
        size += len(text.encode())
        (out / "txt" / f"site{site:02d}_{i:05d}.txt").write_text(text, encoding="utf-8")
        nav = "".join(
            f"<li><a href='/n/{k}'>{h[2:]}</a></li>" for k, h in enumerate(sidebars[site])
        )
        paras_html = "".join(f"<p>{p}</p>" for p in body)
        html = (
            f"<!doctype html><html lang='ar' dir='rtl'><head><meta charset='utf-8'>"
            f"<title>{title}</title><meta property='og:title' content='{title}'>"
            f"<meta property='article:published_time' content='2025-0{1 + i % 9}-1{i % 9}'>"
            f"</head><body><nav><ul>{nav}</ul></nav><article><h1>{title}</h1>{paras_html}"
            f"</article><aside><ul>{nav}</ul></aside><footer>{FURNITURE[3]}</footer>"
            f"</body></html>"
        )
        (out / "html" / f"site{site:02d}_{i:05d}.html").write_text(html, encoding="utf-8")
    return {"pages": pages, "txt_bytes": size}


def _cpu() -> float:
    """CPU seconds of this process and its finished children (pool workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(mode: str, data: Path, workers: int) -> dict[str, Any]:
    """One measurement in this process (called in a subprocess by ``main``)."""
    from rasad import api

    if mode == "ingest-text":
        files = sorted(str(p) for p in (data / "txt").glob("*.txt"))
        nbytes = sum(Path(f).stat().st_size for f in files)
        with tempfile.TemporaryDirectory() as tmp:
            t0, c0 = time.perf_counter(), _cpu()
            report = api.ingest(files, db=Path(tmp) / "b.db", workers=workers)
            dt, cpu = time.perf_counter() - t0, _cpu() - c0
        return {
            "seconds": dt,
            "cpu_seconds": cpu,
            "pages": len(files),
            "bytes": nbytes,
            "peak_mb": _peak_mb(),
            "kept": report.counts["kept"],
            "clusters": report.clusters,
        }
    if mode == "html-vs-trafilatura":
        import trafilatura

        files = sorted((data / "html").glob("*.html"))[:2000]
        pages = [f.read_text(encoding="utf-8") for f in files]
        t0 = time.perf_counter()
        for html in pages:
            trafilatura.extract(html, with_metadata=True)
        t_traf = time.perf_counter() - t0
        t0 = time.perf_counter()
        docs = list(api.extract([str(f) for f in files], entities=False, events=False))
        t_ours = time.perf_counter() - t0
        return {
            "pages": len(files),
            "trafilatura_s": t_traf,
            "rasad_extract_s": t_ours,
            "ratio": t_ours / t_traf,
            "rejected": sum(1 for d in docs if d.reject),
            "peak_mb": _peak_mb(),
        }
    if mode in ("entities", "events"):
        files = sorted(str(p) for p in (data / "txt").glob("*.txt"))[:1500]
        docs = [
            d for d in api.extract(files, entities=mode == "events", events=False) if not d.reject
        ]
        nbytes = sum(len(d.text.encode()) for d in docs)
        from rasad.stages.pipeline import default_stages

        stage = next(
            s for s in default_stages(entities=True, events=True) if s.name.startswith(mode)
        )
        list(stage(docs[:5]))  # warm up: lexicons, automata and the knowledge base load once
        if mode == "entities":
            for d in docs:
                d.mentions.clear()
                d.entities.clear()
        t0, c0 = time.perf_counter(), time.process_time()
        list(stage(docs))
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        return {
            "stage": stage.name,
            "seconds": dt,
            "cpu_seconds": cpu,
            "bytes": nbytes,
            "mb_per_s": nbytes / 1e6 / dt,
            "mb_per_cpu_s": nbytes / 1e6 / cpu,
            "docs": len(docs),
        }
    raise SystemExit(f"unknown mode {mode}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--data", type=Path, help="Reuse a generated corpus folder.")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.data, args.workers)))
        return
    tmp = None
    data = args.data
    if data is None:
        tmp = tempfile.TemporaryDirectory()
        data = Path(tmp.name)
        info = generate(data, args.pages)
    else:
        info = {"pages": len(list((data / "txt").glob("*.txt")))}
    results: dict[str, Any] = {"corpus": info, "runs": args.runs, "workers": args.workers}
    for mode in ("ingest-text", "html-vs-trafilatura", "entities", "events"):
        runs = []
        for _ in range(args.runs):
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--measure",
                    mode,
                    "--data",
                    str(data),
                    "--workers",
                    str(args.workers),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        results[mode] = {"runs": runs, "median": _median(runs)}
        print(mode, json.dumps(results[mode]["median"]), file=sys.stderr)
    ing = results["ingest-text"]["median"]
    results["summary"] = {
        "text_pages_per_s_per_core": ing["pages"] / ing["seconds"] / args.workers,
        "text_mb_per_s_per_core": ing["bytes"] / 1e6 / ing["seconds"] / args.workers,
        "text_peak_mb": ing["peak_mb"],
        "html_time_ratio_vs_trafilatura": results["html-vs-trafilatura"]["median"]["ratio"],
        "text_pages_per_cpu_s": ing["pages"] / ing["cpu_seconds"],
        "entities_mb_per_s": results["entities"]["median"]["mb_per_s"],
        "entities_mb_per_cpu_s": results["entities"]["median"]["mb_per_cpu_s"],
        "events_mb_per_s": results["events"]["median"]["mb_per_s"],
        "events_mb_per_cpu_s": results["events"]["median"]["mb_per_cpu_s"],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(results["summary"], indent=2))
    if tmp is not None:
        tmp.cleanup()


def _median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    keys = [k for k, v in runs[0].items() if isinstance(v, int | float)]
    out = {k: statistics.median(r[k] for r in runs) for k in keys}
    out.update({k: v for k, v in runs[0].items() if k not in out})
    return out


if __name__ == "__main__":
    main()
