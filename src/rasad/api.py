"""The Python API behind the CLI: every command parses its options and calls one function here."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from .doc import Doc
from .errors import Errors, RasadError, Reject
from .evaluate import Report, details_text
from .evaluate import evaluate as _evaluate
from .runner import BATCH_SIZE, check_date, pipeline, process
from .runner import run as run_pipeline
from .stages.read import DEFAULT_MAX_BYTES, read_inputs
from .stages.store import StoreWriter
from .storage.sqlite import SqliteStore, raw_hash

DEFAULT_DB = "rasad.db"

__all__ = [
    "BATCH_SIZE",
    "DEFAULT_DB",
    "IngestReport",
    "Report",
    "RunReport",
    "check_date",
    "count_pages",
    "details_text",
    "entities",
    "entity_ids",
    "evaluate",
    "event_types",
    "events",
    "export",
    "extract",
    "ingest",
    "pipeline",
    "reason_words",
    "rejects",
    "run",
    "sample_corpus",
    "search",
    "show",
]


def extract(
    inputs: Iterable[str],
    *,
    date: str | None = None,
    workers: int = 1,
    executor: str = "local",
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    entities: bool = True,
    events: bool = True,
    stories: bool = True,
) -> Iterator[Doc]:
    """Stateless: every input page, processed (rejected pages carry ``doc.reject``);
    ``stories=False``: near-duplicate clusters only (``dedup.minhash.v1``)."""
    return process(
        inputs,
        date=date,
        workers=workers,
        executor=executor,
        max_bytes=max_bytes,
        stdin=stdin,
        entities=entities,
        events=events,
        stories=stories,
    )


def evaluate(gold: str | Path, raw_dir: str | Path) -> Report:
    """Score the pipeline against a gold file (shared/gold/FORMAT.md) and its raw pages."""
    return _evaluate(gold, raw_dir)


@dataclass
class IngestReport:
    read: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    rejected_by: Counter[str] = field(default_factory=Counter)
    clusters: int = 0

    @property
    def rejected(self) -> int:
        return self.counts["rejected"]

    def to_json(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "kept": self.counts["kept"],
            "duplicates": self.counts["duplicate"],
            "already_stored": self.counts["already"],
            "rejected": self.counts["rejected"],
            "rejected_by": dict(self.rejected_by),
            "clusters": self.clusters,
        }


def ingest(
    inputs: Iterable[str],
    *,
    db: str | Path = DEFAULT_DB,
    date: str | None = None,
    workers: int = 1,
    executor: str = "local",
    batch_size: int = BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    progress: Callable[[int], None] | None = None,
    stories: bool = True,
) -> IngestReport:
    """Read, process and store pages; inputs already stored are skipped (idempotent).

    The standard pipeline with a ``StoreWriter`` last: each batch (the one batching rule,
    ``batch_size`` pages) is written in one transaction. ``stories=False``: near-duplicate
    clusters only, no story joins (``dedup.minhash.v1``)."""
    date = check_date(date)
    report = IngestReport()
    with SqliteStore(db) as store:
        writer = StoreWriter(store)
        pipe = pipeline(
            on_error="skip",
            prior=store.priors(),
            then=[writer],
            batch_size=batch_size,
            stories=stories,
        )

        def fresh() -> Iterator[Doc]:
            for doc in read_inputs(inputs, max_bytes=max_bytes, date=date, stdin=stdin):
                report.read += 1
                doc.raw_hash = raw_hash(doc)
                if store.known_raw([doc.raw_hash]):
                    code = doc.reject.code if doc.reject else store.reject_code(doc.raw_hash)
                    if code:  # a bad input stays bad: it counts as rejected on every run
                        report.counts["rejected"] += 1
                        report.rejected_by[code] += 1
                    else:
                        report.counts["already"] += 1
                    if progress:
                        progress(1)
                    continue
                yield doc

        for batch in run_pipeline(
            pipe, fresh(), executor=executor, workers=workers, progress=progress
        ):
            report.rejected_by.update(d.reject.code for d in batch if d.reject is not None)
        report.counts.update(writer.counts)
        report.clusters = store.stats()["clusters"]
    from .web.alerts import run_alerts  # webhooks of saved alerts get the new events

    run_alerts(db)
    return report


def count_pages(inputs: Iterable[str], *, limit_bytes: int = 200_000_000) -> int | None:
    """How many pages ``inputs`` hold, for a progress bar (None when that is not cheap to know:
    standard input, or containers larger than ``limit_bytes`` in all)."""
    from .stages.read import _ext, expand_inputs

    total = 0
    try:
        paths = expand_inputs(inputs)
        if (
            "-" in paths
            or sum(os.path.getsize(p) for p in paths if os.path.isfile(p)) > limit_bytes
        ):
            return None
        for path in paths:
            ext = _ext(path)
            if ext in (".jsonl", ".ndjson"):
                with open(path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip()) or 1
            elif ext in (".warc", ".warc.gz"):
                total += max(_count_warc(path), 1)
            else:
                total += 1
    except (OSError, RasadError, ValueError):
        return None
    return total


def _count_warc(path: str) -> int:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                n += record.rec_type == "response"
    except Exception:  # a damaged file: the reader reports it, the count is a guess
        pass
    return n + 1 if n == 0 else n


def search(
    query: str, *, db: str | Path = DEFAULT_DB, limit: int = 20, entity: str | None = None
) -> list[dict[str, Any]]:
    """Stored articles matching ``query`` (and mentioning ``entity``: an id, an English name
    or one of its words, an Arabic name or alias). The database must exist (E305)."""
    with SqliteStore(db, create=False) as store:
        return store.search(query, limit=limit, entity=entity)


def entity_ids(name: str, *, db: str | Path = DEFAULT_DB) -> list[str]:
    """Ids of the stored entities ``name`` may mean (empty when none)."""
    with SqliteStore(db, create=False) as store:
        return store.entity_ids(name)


def show(article_id: str, *, db: str | Path = DEFAULT_DB) -> Doc:
    """One article by id or unique id prefix (E303 none, E309 several: ``err.fields``
    holds the candidates)."""
    with SqliteStore(db, create=False) as store:
        return store.get(article_id)


def rejects(*, db: str | Path = DEFAULT_DB) -> list[Reject]:
    """Every rejected input: source, stage, code and reason."""
    with SqliteStore(db, create=False) as store:
        return store.rejects()


def reason_words(code: str) -> str:
    """The few words that name an error code (``E106`` -> "truncated WARC")."""
    template = getattr(Errors, code, "")
    return template.split(" ", 1)[1].split(":", 1)[0] if template else code


def export(
    *,
    db: str | Path = DEFAULT_DB,
    fmt: str = "jsonl",
    out: str | Path | None = None,
) -> int:
    from .storage.export import export_articles

    with SqliteStore(db, create=False) as store:
        return export_articles(store, fmt=fmt, out=out)


def entities(
    *,
    db: str | Path = DEFAULT_DB,
    type_: str | None = None,
    country: str | None = None,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Stored entities with mention counts and the spellings seen, most mentioned first."""
    from .storage.queries import entity_table

    return entity_table(db, type_=type_, country=country, limit=limit)


def events(
    *,
    db: str | Path = DEFAULT_DB,
    fmt: str = "csv",
    out: str | Path | None = None,
    dyad: str | None = None,
    type_: str | None = None,
    since: str | None = None,
    merged: bool = False,
    columns: str = "rasad",
) -> int:
    """Write the stored events (POLECAT-style columns); returns how many."""
    from .storage.export import export_events

    since = check_date(since)
    with SqliteStore(db, create=False) as store:
        return export_events(
            store,
            fmt=fmt,
            out=out,
            dyad=dyad,
            type_=type_,
            since=since,
            merged=merged,
            columns=columns,
        )


def event_types(*, db: str | Path = DEFAULT_DB) -> list[str]:
    """The event types stored in ``db``, sorted."""
    with SqliteStore(db, create=False) as store:
        return sorted(r[0] for r in store.conn.execute("SELECT DISTINCT type FROM events"))


@dataclass
class RunReport:
    ingest: IngestReport
    database: dict[str, Any]
    articles: int
    events: int
    folder: str
    files: list[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "ingest": self.ingest.to_json(),
            "database": self.database,
            "exported": {
                "articles": self.articles,
                "events": self.events,
                "folder": self.folder,
                "files": self.files,
            },
        }


def run(
    inputs: Iterable[str] = (),
    *,
    db: str | Path = DEFAULT_DB,
    out: str | Path = "out",
    progress: Callable[[int], None] | None = None,
) -> RunReport:
    """The main job: ingest ``inputs`` (default: the bundled sample corpus), then write
    OUT/articles.{jsonl,csv,parquet} and OUT/events.{csv,parquet}."""
    from .storage.export import export_events

    paths = list(inputs) or [str(sample_corpus())]
    report = ingest(paths, db=db, progress=progress)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    n_art = export(db=db, fmt="jsonl", out=folder / "articles.jsonl")
    export(db=db, fmt="csv", out=folder / "articles.csv")
    export(db=db, fmt="parquet", out=folder / "articles.parquet")
    with SqliteStore(db) as store:
        n_ev = export_events(store, fmt="csv", out=folder / "events.csv")
        export_events(store, fmt="parquet", out=folder / "events.parquet")
        stats = store.stats()
    files = sorted(p.name for p in folder.iterdir() if p.name.startswith(("articles.", "events.")))
    return RunReport(report, stats, n_art, n_ev, str(out), files)


def sample_corpus() -> Path:
    """The bundled sample corpus (``samples/corpus`` of the source checkout)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / "samples" / "corpus"
        if cand.is_dir():
            return cand
    return Path("samples/corpus")
