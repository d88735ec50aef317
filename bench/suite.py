"""The benchmark suite: one command, one table (Markdown and JSON).

    python bench/suite.py [--pages 400 --batch-pages 600 --runs 3] [--out bench/results/suite]

On a generated corpus (``ingest_bench.generate``: plain-text pages and the same pages as HTML,
plus the HTML pages packed in one WARC file) it measures, each in a fresh subprocess so peak
memory is its own, medians of ``--runs``:

- per stage: pages/s and MB/s per core of every stage of the pipeline, on text and on HTML;
- the whole pipeline (no database) on plain text, HTML and WARC;
- the floor and ceiling for the same input: ``trafilatura.extract`` alone on the same HTML, and
  one regular-expression pass (``\\w+``) over the same text;
- the HTML front end (``frontend-html``: decode, segment with title and metadata, templates,
  clean, fingerprint and story terms, duplicates and story joins: every stage before entities)
  against ``trafilatura.extract`` alone, per CPU-second; ``frontendv1-html`` is the
  definition of 2026-11-23 (the same stages, duplicates without story joins);
- scaling of ``rasad batch`` from 1 to 2 workers with the process pool and with Ray, on its own
  corpus (``--batch-pages``), 1 and 2 workers alternating within each run: wall-clock speed-up
  of the whole run, of the run without start-up (workers spawned, pipeline built; Ray's start
  included), and of the parallel steps alone (every step but the driver's cluster pass); the
  workers' CPU seconds per step and the parallel efficiency (task CPU / (workers x wall) of the
  parallel steps), which stays meaningful when other jobs share the cores; peak memory of the
  busiest worker and of the driver. ``batch-rayaddr`` connects to a Ray of 2 CPUs started
  beforehand in another process (``--address``; ``--workers`` caps the CPUs used), so Ray's
  own start is not part of the run, as on a standing cluster. The CPU model of the scaling
  (what 2 free cores would give): each step's task CPU seconds with 1 worker against half
  those with 2, the code step no shorter than its serial chain (dedup, then the cluster pass);
  after start-up, the driver's serial time added to both. Under load the 2-worker run's CPU
  seconds grow (processes contending for the cores), so the structural model schedules one
  run's CPU seconds on 1 and on 2 cores instead; the table also gives the cluster + story
  pass's ms an article and the number of workers beyond which it outlasts the coding.
  ``--resummarise FILE.json`` recomputes the summary and table of a saved run.

Timings on a shared machine are noisy; the table states the spread of the runs, and every
measurement records the load average (1 minute) when it started and ended. Modes are run in
turn within each run (A B A B ...), so the ratios compare runs under the same load.
"""

from __future__ import annotations

import argparse
import json
import os
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
    if mode in ("frontend-html", "frontendv1-html"):
        from rasad.stages.pipeline import Pipeline

        files = _files(data, "html")
        v1 = mode.startswith("frontendv1")
        full = api.pipeline(on_error="skip", stories=not v1)
        cut = next(i for i, st in enumerate(full.stages) if st.name.startswith("entities."))
        front = Pipeline(full.stages[:cut])
        warm = Path(tempfile.mkdtemp()) / "warm.html"
        warm.write_text(f"<html><body><article><p>{_WARM_TEXT}</p></article></body></html>",
                        encoding="utf-8")
        list(front(read_inputs([str(warm)])))
        front = Pipeline(api.pipeline(on_error="skip", stories=not v1).stages[:cut])
        t0, c0 = time.perf_counter(), time.process_time()
        docs = list(LocalExecutor().run(front, read_inputs(files)))
        return {"seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - c0,
                "pages": len(docs), "bytes": sum(Path(f).stat().st_size for f in files),
                "peak_mb": _peak_mb(), "stages": [st.name for st in front.stages]}
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
        address = None
        if executor == "rayaddr":  # a standing Ray of 2 CPUs, started outside the run
            executor, address = "ray", os.environ["RASAD_BENCH_RAY"]
        files = _files(data, "text")
        with tempfile.TemporaryDirectory() as tmp:
            t0, c0 = time.perf_counter(), time.process_time()
            report = run_batch(files, out=Path(tmp) / "run", executor=executor,
                               workers=workers, shard_size=max(25, len(files) // 16),
                               stories=not NO_STORIES, address=address)
            dt, driver_cpu = time.perf_counter() - t0, time.process_time() - c0
        if executor == "ray":
            import ray

            ray.shutdown()
        steps = report.seconds
        par = sum(v for k, v in steps.items() if k in PARALLEL
                  and not ("flow" in steps and k in FLOW))
        par_cpu = sum(report.cpu.values())  # every task, the dedup buckets and the pass included
        warm = dt - steps.get("startup", 0)
        return {"seconds": dt, "pages": report.pages, "worker_peak_mb": report.worker_peak_mb,
                "driver_peak_mb": _peak_mb(), "cluster_pass_mb": report.cluster_pass_mb,
                "cluster_peak_mb": report.cluster_peak_mb,
                "startup": steps.get("startup", 0.0), "warm_seconds": warm,
                "parallel_seconds": par, "parallel_cpu": par_cpu, "serial_seconds": warm - par,
                "driver_cpu": driver_cpu, "efficiency": par_cpu / max(1e-9, workers * par),
                "clusters_seconds": steps.get("clusters", 0.0), "steps": steps,
                "task_cpu": report.cpu, "linked": report.clusters_linked,
                "events": report.events}
    raise SystemExit(f"unknown mode {mode}")


# the steps run as tasks; "flow" holds clean, code, the dedup buckets, the cluster pass and
# stories, overlapping (runs of earlier versions had them as steps one after another)
PARALLEL = ("read", "templates", "flow", "clean", "code", "stories", "merge", "write")
FLOW = ("clean", "code", "dedup", "clusters", "stories")
BATCH = [("batch-pool", 1), ("batch-pool", 2), ("batch-ray", 1), ("batch-ray", 2),
         ("batch-rayaddr", 1), ("batch-rayaddr", 2)]
MODES = [
    ("stages-text", 1), ("stages-html", 1), ("pipeline-text", 1), ("pipeline-html", 1),
    ("pipeline-warc", 1), ("frontend-html", 1), ("frontendv1-html", 1), ("trafilatura", 1),
    ("regex", 1),
]


def _median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in runs[0].items():
        if isinstance(v, int | float):
            out[k] = statistics.median(r[k] for r in runs)
            if k in ("seconds", "warm_seconds", "parallel_seconds", "efficiency", "load_start",
                     "load_end"):
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
                       ("frontend-html/1", "HTML front end (every stage before entities)"),
                       ("frontendv1-html/1", "HTML front end, 2026-11-23 definition (no stories)"),
                       ("trafilatura/1", "trafilatura.extract alone (floor for HTML)"),
                       ("regex/1", "one \\w+ regex pass (ceiling)")):
        m = res.get(key)
        if m:
            cpu = max(m["cpu_seconds"], 1e-9)
            rows.append([label, f"{m['pages'] / cpu:,.0f}", f"{m['bytes'] / 1e6 / cpu:.2f}",
                         f"{m['peak_mb']:.0f}", " / ".join(map(str, m["seconds_runs"]))])
    for ex in ("pool", "ray", "rayaddr"):
        one, two = res.get(f"batch-{ex}/1"), res.get(f"batch-{ex}/2")
        if not (one and two):
            continue
        for key, what in (("seconds", "whole run"), ("warm_seconds", "after start-up"),
                          ("parallel_seconds", "parallel steps")):
            rows.append([f"rasad batch {_EX[ex]}, 1 → 2 workers, {what}",
                         f"{one['pages'] / one[key]:,.0f} → {two['pages'] / two[key]:,.0f}"
                         " pages/s",
                         f"speed-up {_ratio(one, two, key)}",
                         f"{two['worker_peak_mb']:.0f} per worker, driver "
                         f"{two['driver_peak_mb']:.0f}",
                         " / ".join(map(str, one[f"{key}_runs"])) + " ; "
                         + " / ".join(map(str, two[f"{key}_runs"]))])
        rows.append([f"rasad batch {_EX[ex]}, CPU model: 2 free cores would give",
                     f"{_model(one, two, 'par'):.2f}× parallel steps, "
                     f"{_model(one, two, 'warm'):.2f}× after start-up; structure "
                     f"{_structure(one):.2f}× (one run's CPU on 1 and 2 cores)", "", "",
                     f"load {_load(one)} ; {_load(two)}"])
        cpu = one["task_cpu"]
        rows.append([f"rasad batch {_EX[ex]}, cluster + story pass (serial)",
                     f"{1000 * cpu.get('clusters', 0.0) / max(1, one['pages']):.2f} ms an article",
                     f"longer than the coding beyond {_pass_bound(one):.1f} workers",
                     f"{two.get('cluster_peak_mb', 0.0):.0f} (its worker)", ""])
        rows.append([f"rasad batch {_EX[ex]}, CPU efficiency of the parallel steps",
                     f"{one['pages'] / max(1e-9, one['parallel_cpu']):,.0f} → "
                     f"{two['pages'] / max(1e-9, two['parallel_cpu']):,.0f} pages/CPU-s",
                     f"{one['efficiency']:.2f} → {two['efficiency']:.2f}", "",
                     " / ".join(map(str, one["efficiency_runs"])) + " ; "
                     + " / ".join(map(str, two["efficiency_runs"]))])
    return rows


_EX = {"pool": "--executor pool", "ray": "--executor ray",
       "rayaddr": "--executor ray --address (standing Ray)"}


def _load(m: dict[str, Any]) -> str:
    """The load average (1 min) at the start of each run."""
    return "/".join(f"{x:.1f}" for x in m.get("load_start_runs", []))


def _model_time(m: dict[str, Any], workers: int) -> float:
    """Seconds of a run's steps on ``workers`` free cores from its tasks' CPU seconds: each
    step's CPU spread over the workers, but the flow (clean, code, the dedup buckets, the
    cluster pass, stories) no shorter than its chain: every clean, the dedup buckets, then the
    serial cluster pass (runs before the flow: the code step and the chain without clean)."""
    cpu = m["task_cpu"]
    flow = "flow" in m["steps"]
    chain = cpu.get("dedup", 0.0) / workers + cpu.get("clusters", 0.0)
    chain += cpu.get("clean", 0.0) / workers if flow else 0.0
    inside = FLOW if flow else ("code", "dedup", "clusters")
    phase = sum(cpu.get(k, 0.0) for k in inside)
    rest = sum(v for k, v in cpu.items() if k not in inside)
    return rest / workers + max(phase / workers, chain)


def _model(one: dict[str, Any], two: dict[str, Any], what: str) -> float:
    """Speed-up from the CPU seconds alone (what 2 free cores would give): the steps of the
    1-worker run against those of the 2-worker run on 2 cores (``_model_time``); after
    start-up, the driver's serial part of each run added."""
    serial1 = one["serial_seconds"] if what == "warm" else 0.0
    serial2 = two["serial_seconds"] if what == "warm" else 0.0
    return (_model_time(one, 1) + serial1) / max(1e-9, _model_time(two, 2) + serial2)


def _structure(m: dict[str, Any], workers: int = 2) -> float:
    """Speed-up that the steps' structure allows on ``workers`` free cores, from one run's CPU
    seconds scheduled on 1 and on ``workers`` cores (``_model_time``): unlike ``_model`` it
    does not compare two runs, whose CPU seconds grow apart when other jobs share the cores."""
    return _model_time(m, 1) / max(1e-9, _model_time(m, workers))


def _pass_bound(m: dict[str, Any]) -> float:
    """Workers beyond which the serial cluster + story pass is longer than the coding beside
    it (the code step then lasts the pass): (code + pass) / pass CPU seconds."""
    cpu = m["task_cpu"]
    return (cpu.get("code", 0.0) + cpu.get("clusters", 0.0)) / max(1e-9, cpu.get("clusters", 0.0))


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
    names = ["startup", "read", "templates", "flow", "clean", "code", "dedup", "clusters",
             "stories", "merge", "write", "total"]
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
    for key in ("frontend-html", "frontendv1-html"):
        m = res.get(f"{key}/1")
        if m and traf:
            out[f"{key}_vs_trafilatura"] = round(traf["cpu_seconds"] / m["cpu_seconds"], 3)
    for ex in ("pool", "ray", "rayaddr"):
        one, two = res.get(f"batch-{ex}/1"), res.get(f"batch-{ex}/2")
        if one and two:
            out[f"{ex}_speedup_2_vs_1"] = round(one["seconds"] / two["seconds"], 2)
            out[f"{ex}_speedup_after_startup"] = round(one["warm_seconds"] / two["warm_seconds"],
                                                       2)
            out[f"{ex}_speedup_parallel_steps"] = round(
                one["parallel_seconds"] / two["parallel_seconds"], 2)
            out[f"{ex}_cpu_efficiency_2_workers"] = round(two["efficiency"], 2)
            out[f"{ex}_cpu_model_parallel_steps"] = round(_model(one, two, "par"), 2)
            out[f"{ex}_cpu_model_after_startup"] = round(_model(one, two, "warm"), 2)
            out[f"{ex}_cpu_model_structure"] = round(_structure(one), 2)
            out[f"{ex}_pass_ms_per_article"] = round(
                1000 * one["task_cpu"].get("clusters", 0.0) / max(1, one["pages"]), 2)
            out[f"{ex}_pass_bound_workers"] = round(_pass_bound(one), 1)
            out[f"{ex}_cluster_peak_mb"] = two.get("cluster_peak_mb", 0.0)
            out[f"{ex}_load_1_2"] = f"{_load(one)} ; {_load(two)}"
            out[f"{ex}_clusters_pass_seconds"] = round(two["clusters_seconds"], 1)
            out[f"{ex}_worker_peak_mb"] = two["worker_peak_mb"]
            out[f"{ex}_driver_peak_mb"] = round(two["driver_peak_mb"], 1)
    return out


_RAY_ADDRESS: str | None = None  # of the standing Ray the batch-rayaddr modes connect to
_HOLD_RAY = """
import sys, ray
ray.init(num_cpus=int(sys.argv[1]), include_dashboard=False, log_to_driver=False)
print(ray.get_runtime_context().gcs_address, flush=True)
sys.stdin.read()  # until the suite closes the pipe
ray.shutdown()
"""


def _ray_env() -> dict[str, str]:
    """The standing Ray of the suite lives for the batch runs, on this machine only: it opts
    out of Ray's token authentication (a real cluster's driver is given its token)."""
    return {**os.environ, "RAY_AUTH_MODE": "disabled"}


def _standing_ray(cpus: int) -> subprocess.Popen[str]:
    """A Ray of ``cpus`` CPUs held by a child process (stopped by closing its stdin)."""
    global _RAY_ADDRESS
    proc = subprocess.Popen([sys.executable, "-c", _HOLD_RAY, str(cpus)], text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=_ray_env())
    assert proc.stdout is not None
    _RAY_ADDRESS = proc.stdout.readline().strip()
    return proc


def _one(mode: str, data: Path, workers: int) -> dict[str, Any] | str:
    """One measurement in a fresh subprocess: its result, or its error text."""
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
           "MKL_NUM_THREADS": "1"}
    if _RAY_ADDRESS and mode == "batch-rayaddr":
        env = {**env, **_ray_env(), "RASAD_BENCH_RAY": _RAY_ADDRESS}
    load = os.getloadavg()[0]
    proc = subprocess.run(
        [sys.executable, __file__, "--measure", mode, "--data", str(data),
         "--workers", str(workers), *(["--no-stories"] if NO_STORIES else [])],
        capture_output=True, text=True, check=False, env=env,
    )
    print(mode, workers, "done", file=sys.stderr)
    if proc.returncode == 0:
        out: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
        out["load_start"], out["load_end"] = load, os.getloadavg()[0]
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
    ap.add_argument("--data", type=Path, help="A generated corpus folder (generated there if new).")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "suite")
    ap.add_argument("--no-stories", action="store_true",
                    help="Pipeline and batch runs without story joins (dedup.minhash.v1).")
    ap.add_argument("--resummarise", type=Path,
                    help="Recompute the summary and Markdown of a saved JSON (no runs).")
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    global NO_STORIES
    NO_STORIES = args.no_stories
    if args.measure:
        print(json.dumps(measure(args.measure, args.data, args.workers)))
        return
    if args.resummarise:
        saved = json.loads(args.resummarise.read_text())
        saved["summary"] = summary(saved)
        args.resummarise.write_text(json.dumps(saved, indent=1, ensure_ascii=False))
        args.resummarise.with_suffix(".md").write_text(markdown(saved), encoding="utf-8")
        print(markdown(saved))
        return
    tmp = None
    data = args.data
    if data is None:
        tmp = tempfile.TemporaryDirectory()
        data = Path(tmp.name)
        generate(data, args.pages)
    elif not (data / "txt").is_dir():  # a new folder: generate the corpus there, kept for reuse
        data.mkdir(parents=True, exist_ok=True)
        generate(data, args.pages)
    if not (data / "pages.warc.gz").exists():
        _write_warc(data)
    only = set(args.only.split(",")) if args.only else None
    res: dict[str, Any] = {"pages": args.pages, "batch_pages": args.batch_pages,
                           "runs": args.runs, "stories": not NO_STORIES,
                           "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    modes = [(m, w) for m, w in MODES if not only or m in only]
    got: dict[tuple[str, int], list[dict[str, Any] | str]] = {b: [] for b in modes}
    for _ in range(args.runs):  # in turn, so that the ratios compare runs under the same load
        for mode, workers in modes:
            got[(mode, workers)].append(_one(mode, data, workers))
    batch = [(m, w) for m, w in BATCH if not only or m in only]
    holder = _standing_ray(2) if any(m == "batch-rayaddr" for m, _ in batch) else None
    if batch:
        bdata = data / "batch"
        if not bdata.exists():
            generate(bdata, args.batch_pages)
        got.update({b: [] for b in batch})
        for _ in range(args.runs):  # 1 and 2 workers alternate, so both see the same load
            for mode, workers in batch:
                got[(mode, workers)].append(_one(mode, bdata, workers))
    if holder is not None:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=120)
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
