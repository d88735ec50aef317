"""Cut a ``.warc.gz`` (or ``.warc``) at every byte offset and check that the reader never raises,
never keeps a damaged record as a page, and gives a reject whenever a record is lost.

    .venv/bin/python bench/warc_cut_sweep.py samples/corpus/eurasianow_crawl.warc.gz [--step 1]

Prints one summary line (cuts tried, cuts that lost records, cuts that failed the check).
``tests/test_hostile.py`` runs the same check over a sample of offsets.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from rasad.stages.read import read_inputs


def pages(path: Path) -> list[tuple[str | None, bytes | None, bool]]:
    """(url, payload, rejected) of every page the reader yields."""
    return [(d.url, d.raw, d.reject is not None) for d in read_inputs([str(path)])]


def check_cut(
    data: bytes, cut: int, full: list[tuple[str | None, bytes | None]], work: Path, suffix: str
) -> tuple[int, str | None]:
    """Lost record count and a failure message (None when the cut is handled)."""
    path = work / f"cut{suffix}"
    path.write_bytes(data[:cut])
    try:
        got = pages(path)
    except Exception as e:  # any traceback is a failure
        return len(full), f"cut {cut}: {type(e).__name__}: {e}"
    kept = [(u, p) for u, p, rej in got if not rej]
    rejects = sum(1 for *_, rej in got if rej)
    for item in kept:
        if item not in full:
            return 0, f"cut {cut}: kept a damaged record {item[0]}"
    lost = len(full) - len(kept)
    rest = data[cut:]
    if (
        lost
        and not rejects
        and (rest.lstrip(b"\r\n").startswith(b"WARC/") or rest[:2] == b"\x1f\x8b")
    ):
        return lost, None  # cut between records: a valid, shorter archive (nothing to detect)
    if lost and not rejects:
        return lost, f"cut {cut}: {lost} record(s) lost without a reject"
    return lost, None


def sweep(path: Path, step: int = 1) -> tuple[int, int, list[str]]:
    """(cuts tried, cuts that lost a record, failures)."""
    data = path.read_bytes()
    suffix = "".join(path.suffixes[-2:]) if path.name.endswith(".gz") else path.suffix
    full = [(u, p) for u, p, rej in pages(path) if not rej]
    failures: list[str] = []
    lossy = 0
    with tempfile.TemporaryDirectory() as tmp:
        for cut in range(0, len(data), step):
            lost, failure = check_cut(data, cut, full, Path(tmp), suffix)
            lossy += lost > 0
            if failure:
                failures.append(failure)
    return len(range(0, len(data), step)), lossy, failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path", type=Path)
    ap.add_argument("--step", type=int, default=1)
    args = ap.parse_args()
    tried, lossy, failures = sweep(args.path, args.step)
    for f in failures[:20]:
        print(f)
    print(
        f"{args.path}: {tried} cuts, {lossy} lost at least one record, "
        f"{len(failures)} failed the check (traceback, damaged record kept, or loss unreported)"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
