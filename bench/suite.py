"""The benchmark suite: one command, one table (Markdown and JSON).

    python bench/suite.py [--pages 400 --batch-pages 600 --runs 3] [--out bench/results/suite]

On a generated corpus (``ingest_bench.generate``: plain-text pages and the same pages as HTML,
plus the HTML pages packed in one WARC file) it measures, each in a fresh subprocess so peak
memory is its own, medians of ``--runs``:

- per stage: pages/s and MB/s per core of every stage of the pipeline, on text and on HTML;
- the whole pipeline (no database) on plain text, HTML and WARC;
- the floor and ceiling for the same input: ``trafilatura.extract`` alone on the same HTML, and
  one regular-expression pass (``\\w+``) over the same text;
- scaling of ``rasad batch`` from 1 to 2 workers with the process pool and with Ray, on its own
  corpus (``--batch-pages``), 1 and 2 workers alternating within each run: wall-clock speed-up
  of the whole run, of the run without start-up (workers spawned, pipeline built; Ray's start
  included), and of the parallel steps alone (every step but the driver's cluster pass); the
  workers' CPU seconds per step and the parallel efficiency (task CPU / (workers x wall) of the
  parallel steps), which stays meaningful when other jobs share the cores; peak memory of the
  busiest worker and of the driver.

Timings on a shared machine are noisy; the table states the spread of the runs.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_bench import generate

ROOT = Path(__file__).resolve().parents[1]
NO_STORIES = False  # --no-stories: the pipeline modes with dedup.minhash.v1
_WARM_TEXT = (
    "اجتماع في العاصمة\n"
    "قال وزير الخارجية إن الحكومة ستعقد اجتماعا مع الوفد الزائر يوم الاثنين لبحث "
    "التعاون في مجال الطاقة والنقل بين البلدين.\n"
)


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _files(data: Path, kind: str) -> list[str]:
    if kind == "warc":
        return [str(data / "pages.warc.gz")]
    ext = "txt" if kind == "text" else "html"
    return sorted(str(p) for p in (data / ext).glob(f"*.{ext}"))


def _write_warc(data: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(data / "pages.warc.gz", "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for path in sorted((data / "html").glob("*.html")):
            body = path.read_bytes()
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            url = f"https://{path.stem.split('_')[0]}.example/{path.stem}"
            import io

            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                          http_headers=headers)
            )


def measure(mode: str, data: Path, workers: int) -> dict[str, Any]:
    """One measurement in this process (run in a subprocess by ``main``)."""
    from rasad import api
    from rasad.executors import LocalExecutor
    from rasad.stages.read import read_inputs

    if mode.startswith("stages-"):
        kind = mode.split("-", 1)[1]
        files = _files(data, kind)
        nbytes = sum(Path(f).stat().st_size for f in files)
        pipe = api.pipeline(on_error="skip", stories=not NO_STORIES)
        t0, c0 = time.perf_counter(), time.process_time()
        docs = list(read_inputs(files))
        out: dict[str, Any] = {"read": {"seconds": time.perf_counter() - t0,
                                        "cpu_seconds": time.process_time() - c0}}
        for stage in pipe.stages:  # lazy loads (models, lexicons, the story background)
            stage.load()  # outside the timing: an empty batch would not trigger them
            list(stage([]))
        for stage in pipe.stages:
            t0, c0 = time.perf_counter(), time.process_time()
            docs = list(stage(docs))
            out[stage.name] = {"seconds": time.perf_counter() - t0,
                               "cpu_seconds": time.process_time() - c0}
        return {"pages": len(files), "bytes": nbytes, "stages": out, "peak_mb": _peak_mb()}
    if mode in ("pipeline-text", "pipeline-html", "pipeline-warc"):
        kind = mode.split("-", 1)[1]
        files = _files(data, kind)
        nbytes = sum(Path(f).stat().st_size for f in files)
        # start-up (imports, pipeline, the models and lexicons loaded on the first page) is
        # paid once per process: measured apart, on one invented page through a throwaway
        # pipeline, as ``rasad batch`` workers do (trafilatura alone is timed warm too)
        s0 = _cpu()
        warm = Path(tempfile.mkdtemp()) / "warm.txt"
        warm.write_text(_WARM_TEXT, encoding="utf-8")
        list(api.pipeline(on_error="skip")(read_inputs([str(warm)])))
        startup = _cpu() - s0
        t0, c0 = time.perf_counter(), _cpu()
        pipe = api.pipeline(on_error="skip", stories=not NO_STORIES)
        docs = list(LocalExecutor().run(pipe, read_inputs(files)))
        return {"seconds": time.perf_counter() - t0, "cpu_seconds": _cpu() - c0,
                "startup_cpu_seconds": startup, "pages": len(docs), "bytes": nbytes,
                "peak_mb": _peak_mb(), "rejected": sum(1 for d in docs if d.reject)}
    if mode == "trafilatura":
        import trafilatura

        pages = [Path(f).read_text(encoding="utf-8") for f in _files(data, "html")]
        t0, c0 = time.perf_counter(), time.process_time()
        for html in pages:
            trafilatura.extract(html, with_metadata=True)
        return {"seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - c0,
                "pages": len(pages), "bytes": sum(len(p.encode()) for p in pages),
                "peak_mb": _peak_mb()}
    if mode == "regex":
        texts = [Path(f).read_text(encoding="utf-8") for f in _files(data, "text")]
        word = re.compile(r"\w+")
        t0, c0 = time.perf_counter(), time.process_time()
        n = sum(len(word.findall(t)) for t in texts)
        return {"seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - c0,
                "pages": len(texts), "bytes": sum(len(t.encode()) for t in texts), "words": n,
                "peak_mb": _peak_mb()}
    if mode.startswith("batch-"):
        from rasad.batch import run_batch

        executor = mode.split("-", 1)[1]
        files = _files(data, "text")
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            report = run_batch(files, out=Path(tmp) / "run", executor=executor,
                               workers=workers, shard_size=max(25, len(files) // 16),
                               stories=not NO_STORIES)
            dt = time.perf_counter() - t0
        if executor == "ray":
            import ray

            ray.shutdown()
        steps = report.seconds
        par = sum(v for k, v in steps.items() if k in PARALLEL)
        par_cpu = sum(v for k, v in report.cpu.items() if k in PARALLEL)
        return {"seconds": dt, "pages": report.pages, "worker_peak_mb": report.worker_peak_mb,
                "driver_peak_mb": _peak_mb(), "cluster_pass_mb": report.cluster_pass_mb,
                "startup": steps.get("startup", 0.0), "warm_seconds": dt - steps.get("startup", 0),
                "parallel_seconds": par, "parallel_cpu": par_cpu,
                "efficiency": par_cpu / max(1e-9, workers * par),
                "clusters_seconds": steps.get("clusters", 0.0), "steps": steps,
                "task_cpu": report.cpu}
    raise SystemExit(f"unknown mode {mode}")


PARALLEL = ("read", "templates", "code", "dedup", "stories", "merge", "write")
BATCH = [("batch-pool", 1), ("batch-pool", 2), ("batch-ray", 1), ("batch-ray", 2)]
MODES = [
    ("stages-text", 1), ("stages-html", 1), ("pipeline-text", 1), ("pipeline-html", 1),
    ("pipeline-warc", 1), ("trafilatura", 1), ("regex", 1),
]


def _median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in runs[0].items():
        if isinstance(v, int | float):
            out[k] = statistics.median(r[k] for r in runs)
            if k in ("seconds", "warm_seconds", "parallel_seconds", "efficiency"):
                out[f"{k}_runs"] = [round(r[k], 2) for r in runs]
        elif isinstance(v, dict) and k == "stages":
            out[k] = {s: _median([r[k][s] for r in runs]) for s in v}
        elif isinstance(v, dict) and k in ("steps", "task_cpu"):
            out[k] = {s: round(statistics.median(r[k].get(s, 0.0) for r in runs), 2) for s in v}
        else:
            out[k] = v
    return out


def table(res: dict[str, Any]) -> list[list[str]]:
    rows: list[list[str]] = []
    for kind in ("text", "html"):
        st = res.get(f"stages-{kind}/1")
        if not st:
            continue
        for name, m in st["stages"].items():
            cpu = max(m["cpu_seconds"], 1e-9)
            rows.append([f"stage {name} ({kind})", f"{st['pages'] / cpu:,.0f}",
                         f"{st['bytes'] / 1e6 / cpu:.2f}", "", ""])
    for key, label in (("pipeline-text/1", "whole pipeline, plain text"),
                       ("pipeline-html/1", "whole pipeline, HTML"),
                       ("pipeline-warc/1", "whole pipeline, WARC (same HTML)"),
                       ("trafilatura/1", "trafilatura.extract alone (floor for HTML)"),
                       ("regex/1", "one \\w+ regex pass (ceiling)")):
        m = res.get(key)
        if m:
            cpu = max(m["cpu_seconds"], 1e-9)
            rows.append([label, f"{m['pages'] / cpu:,.0f}", f"{m['bytes'] / 1e6 / cpu:.2f}",
                         f"{m['peak_mb']:.0f}", " / ".join(map(str, m["seconds_runs"]))])
    for ex in ("pool", "ray"):
        one, two = res.get(f"batch-{ex}/1"), res.get(f"batch-{ex}/2")
        if not (one and two):
            continue
        for key, what in (("seconds", "whole run"), ("warm_seconds", "after start-up"),
                          ("parallel_seconds", "parallel steps")):
            rows.append([f"rasad batch --executor {ex}, 1 → 2 workers, {what}",
                         f"{one['pages'] / one[key]:,.0f} → {two['pages'] / two[key]:,.0f}"
                         " pages/s",
                         f"speed-up {_ratio(one, two, key)}",
                         f"{two['worker_peak_mb']:.0f} per worker, driver "
                         f"{two['driver_peak_mb']:.0f}",
                         " / ".join(map(str, one[f"{key}_runs"])) + " ; "
                         + " / ".join(map(str, two[f"{key}_runs"]))])
        rows.append([f"rasad batch --executor {ex}, CPU efficiency of the parallel steps",
                     f"{one['pages'] / max(1e-9, one['parallel_cpu']):,.0f} → "
                     f"{two['pages'] / max(1e-9, two['parallel_cpu']):,.0f} pages/CPU-s",
                     f"{one['efficiency']:.2f} → {two['efficiency']:.2f}", "",
                     " / ".join(map(str, one["efficiency_runs"])) + " ; "
                     + " / ".join(map(str, two["efficiency_runs"]))])
    return rows


def _ratio(one: dict[str, Any], two: dict[str, Any], key: str) -> str:
    """Median speed-up, and its range over the pairs of the same run (1 and 2 workers)."""
    pairs = [a / b for a, b in zip(one[f"{key}_runs"], two[f"{key}_runs"], strict=False) if b]
    med = one[key] / two[key]
    if len(pairs) < 2:
        return f"{med:.2f}×"
    return f"{med:.2f}× (runs {min(pairs):.2f}-{max(pairs):.2f})"


def steps_table(res: dict[str, Any]) -> list[str]:
    """Per-step seconds (wall) and workers' CPU seconds of the batch runs (medians)."""
    keys = [k for k in res if k.startswith("batch-")]
    if not keys:
        return []
    names = ["startup", "read", "templates", "code", "dedup", "clusters", "stories", "merge",
             "write", "total"]
    lines = ["", "| step | " + " | ".join(keys) + " |", "|---|" + "---|" * len(keys)]
    for n in names:
        cells = []
        for k in keys:
            wall = res[k]["steps"].get(n, 0.0)
            cpu = res[k].get("task_cpu", {}).get(n)
            cells.append(f"{wall:.1f}" + (f" (cpu {cpu:.1f})" if cpu is not None else ""))
        lines.append(f"| {n} | " + " | ".join(cells) + " |")
    return lines


def markdown(res: dict[str, Any]) -> str:
    head = ["measure", "pages/s per core", "MB/s per core", "peak MB", "seconds (runs)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in table(res)]
    lines += steps_table(res)
    s = res.get("summary", {})
    if s:
        lines.append("")
        lines += [f"- {k}: {v}" for k, v in s.items()]
    return "\n".join(lines) + "\n"


def summary(res: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    txt, html = res.get("pipeline-text/1"), res.get("pipeline-html/1")
    traf = res.get("trafilatura/1")
    if txt:
        out["text_pages_per_s_per_core"] = round(txt["pages"] / txt["cpu_seconds"], 1)
    for key, m in (("text", txt), ("html", html)):
        if m and "startup_cpu_seconds" in m:  # paid once per process, outside the rates
            out[f"{key}_startup_cpu_seconds"] = round(m["startup_cpu_seconds"], 2)
    if html and traf:
        out["html_throughput_vs_trafilatura"] = round(traf["cpu_seconds"] / html["cpu_seconds"],
                                                      3)
    for ex in ("pool", "ray"):
        one, two = res.get(f"batch-{ex}/1"), res.get(f"batch-{ex}/2")
        if one and two:
            out[f"{ex}_speedup_2_vs_1"] = round(one["seconds"] / two["seconds"], 2)
            out[f"{ex}_speedup_after_startup"] = round(one["warm_seconds"] / two["warm_seconds"],
                                                       2)
            out[f"{ex}_speedup_parallel_steps"] = round(
                one["parallel_seconds"] / two["parallel_seconds"], 2)
            out[f"{ex}_cpu_efficiency_2_workers"] = round(two["efficiency"], 2)
            out[f"{ex}_clusters_pass_seconds"] = round(two["clusters_seconds"], 1)
            out[f"{ex}_worker_peak_mb"] = two["worker_peak_mb"]
            out[f"{ex}_driver_peak_mb"] = round(two["driver_peak_mb"], 1)
    return out


def _one(mode: str, data: Path, workers: int) -> dict[str, Any] | str:
    """One measurement in a fresh subprocess: its result, or its error text."""
    env = {**__import__("os").environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
           "MKL_NUM_THREADS": "1"}
    proc = subprocess.run(
        [sys.executable, __file__, "--measure", mode, "--data", str(data),
         "--workers", str(workers), *(["--no-stories"] if NO_STORIES else [])],
        capture_output=True, text=True, check=False, env=env,
    )
    print(mode, workers, "done", file=sys.stderr)
    if proc.returncode == 0:
        out: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
        return out
    return proc.stderr[-300:]


def _record(res: dict[str, Any], mode: str, workers: int, runs: list[Any]) -> None:
    ok = [r for r in runs if isinstance(r, dict)]
    for r in runs:  # a failed run is reported, not hidden
        if isinstance(r, str):
            res.setdefault("errors", []).append(f"{mode}/{workers}: {r}")
    if ok:
        res[f"{mode}/{workers}"] = _median(ok)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=400)
    ap.add_argument("--batch-pages", type=int, default=600)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", help="Comma-separated modes (default: all).")
    ap.add_argument("--data", type=Path, help="Reuse a generated corpus folder.")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "suite")
    ap.add_argument("--no-stories", action="store_true",
                    help="Pipeline and batch runs without story joins (dedup.minhash.v1).")
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    global NO_STORIES
    NO_STORIES = args.no_stories
    if args.measure:
        print(json.dumps(measure(args.measure, args.data, args.workers)))
        return
    tmp = None
    data = args.data
    if data is None:
        tmp = tempfile.TemporaryDirectory()
        data = Path(tmp.name)
        generate(data, args.pages)
    if not (data / "pages.warc.gz").exists():
        _write_warc(data)
    only = set(args.only.split(",")) if args.only else None
    res: dict[str, Any] = {"pages": args.pages, "batch_pages": args.batch_pages,
                           "runs": args.runs, "stories": not NO_STORIES,
                           "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    for mode, workers in MODES:
        if not only or mode in only:
            _record(res, mode, workers, [_one(mode, data, workers) for _ in range(args.runs)])
    batch = [(m, w) for m, w in BATCH if not only or m in only]
    if batch:
        bdata = data / "batch"
        if not bdata.exists():
            generate(bdata, args.batch_pages)
        got: dict[tuple[str, int], list[dict[str, Any] | str]] = {b: [] for b in batch}
        for _ in range(args.runs):  # 1 and 2 workers alternate, so both see the same load
            for mode, workers in batch:
                got[(mode, workers)].append(_one(mode, bdata, workers))
        for (mode, workers), runs in got.items():
            _record(res, mode, workers, runs)
    res["summary"] = summary(res)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".json").write_text(json.dumps(res, indent=1, ensure_ascii=False))
    args.out.with_suffix(".md").write_text(markdown(res), encoding="utf-8")
    print(markdown(res))
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
