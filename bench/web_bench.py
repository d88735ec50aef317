"""Web benchmarks (not tests): page latency on a large store, and a bounded load test.

    python bench/web_store.py --articles 100000 --db /tmp/web100k.db     # once
    python bench/web_bench.py latency --db /tmp/web100k.db
    python bench/web_bench.py load --db /tmp/web100k.db --clients 50 --seconds 30

``latency`` times the HTML pages in process (FastAPI TestClient, one request at a time, warm
caches): search (words, clitic forms, filters, later pages) and the dyad page (big and small
dyads, date ranges). ``load`` starts ``rasad serve`` on 127.0.0.1 (never another interface),
(``--workers`` server processes), waits until it answers, runs N client threads with
keep-alive connections for a fixed time over a mix of pages, and reports errors and latency
percentiles.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

SEARCHES = [
    "بوتين", "أردوغان", "لافروف موسكو", "وبوتين", "الطاقة", "سوريا -أوكرانيا", "تركي*",
    "اتصال هاتفي", "الحدود", "غاز",
]
SEARCH_FILTERS = ["", "&type=CONSULT", "&country=TUR", "&since=2024-01-01&until=2024-06-30",
                  "&actor=per:vladimir-putin", "&page=5", "&outlet=%D9%85%D9%86%D9%81%D8%B0%203"]
DYADS = [("RUS", "TUR"), ("RUS", "UKR"), ("AZE", "ARM"), ("IRQ", "TUR"), ("FRA", "SAU"),
         ("KAZ", "UZB")]
DYAD_PARAMS = ["", "?since=2024-01-01", "?since=2022-01-01&until=2022-12-31", "?page=3"]


def search_urls(rnd: random.Random, n: int) -> list[str]:
    return [f"/search?q={quote(rnd.choice(SEARCHES))}{rnd.choice(SEARCH_FILTERS)}"
            for _ in range(n)]


def dyad_urls(rnd: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        a, b = rnd.choice(DYADS)
        out.append(f"/dyad/{a}/{b}{rnd.choice(DYAD_PARAMS)}")
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def summary(ms: list[float]) -> dict[str, float]:
    return {"n": len(ms), "p50_ms": round(statistics.median(ms), 1),
            "p95_ms": round(pct(ms, 95), 1), "max_ms": round(max(ms), 1)}


def latency(db: Path, n: int) -> dict[str, object]:
    from fastapi.testclient import TestClient

    from rasad.web.app import create_app

    client = TestClient(create_app(db))
    rnd = random.Random(1)
    result: dict[str, object] = {
        "articles": client.get("/api/overview").json()["counts"]["articles"]
    }
    for name, urls in (("search", search_urls(rnd, n)), ("dyad", dyad_urls(rnd, n))):
        for url in urls[:10]:  # warm up
            client.get(url)
        ms = []
        for url in urls:
            t = time.perf_counter()
            r = client.get(url)
            ms.append((time.perf_counter() - t) * 1000)
            if r.status_code != 200:
                raise SystemExit(f"{url}: {r.status_code} {r.text[:200]}")
        result[name] = summary(ms)
    return result


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def load(db: Path, clients: int, seconds: float, workers: int = 1) -> dict[str, object]:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "rasad", "serve", "--db", str(db), "--host", "127.0.0.1",
         "--port", str(port), "--workers", str(workers)], stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 600  # a store served for the first time is indexed
        while time.monotonic() < deadline:  # ready: every worker answers
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                c.request("GET", "/api/overview")
                if c.getresponse().status == 200:
                    c.close()
                    break
            except OSError:
                time.sleep(0.2)
        rnd = random.Random(2)
        mix = search_urls(rnd, 200) + dyad_urls(rnd, 200) + [
            "/", "/actor/per:vladimir-putin", "/actor/TUR", "/alerts"] * 10
        lat: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        stop = time.perf_counter() + seconds

        def worker(k: int) -> None:
            r = random.Random(k)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            while time.perf_counter() < stop:
                url = r.choice(mix)
                t = time.perf_counter()
                try:
                    conn.request("GET", url)
                    resp = conn.getresponse()
                    resp.read()
                    ok = resp.status == 200
                    err = f"{resp.status} {url}"
                except (OSError, http.client.HTTPException) as e:
                    ok, err = False, f"{type(e).__name__} {url}"
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                ms = (time.perf_counter() - t) * 1000
                with lock:
                    lat.append(ms)
                    if not ok:
                        errors.append(err)
            conn.close()

        threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait(timeout=10)
    return {"clients": clients, "workers": workers, "seconds": round(wall, 1), "requests": len(lat),
            "errors": len(errors), "error_examples": errors[:5],
            "requests_per_s": round(len(lat) / wall, 1), **summary(lat)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["latency", "load"])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--requests", type=int, default=200, help="per page kind (latency)")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--workers", type=int, default=1, help="rasad serve --workers (load)")
    args = ap.parse_args()
    if args.what == "latency":
        out = latency(args.db, args.requests)
    else:
        out = load(args.db, args.clients, args.seconds, args.workers)
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
