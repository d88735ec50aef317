"""Rasad's error tree and coded messages.

::

    RasadError
    ├── ConfigError(ValueError)
    ├── InputError            bad input: one page that cannot be read, decoded or parsed
    ├── PipelineError
    ├── StageError
    ├── StorageError
    └── MissingDependencyError(ImportError)

Every message is a constant with a code (``E1xx`` input, ``E2xx`` pipeline and stages,
``E3xx`` storage, ``E4xx`` configuration and CLI). A message says what happened, shows the
value and says how to fix it. ``tests/test_errors.py`` checks that codes are unique.

A page that cannot be used becomes a ``Reject`` (its source, the stage, the code and the
reason) on ``Doc.reject``; the batch goes on and the store keeps the reject.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class Errors:
    """Coded message templates (format with keyword arguments)."""

    # input (one page; recorded as a reject with the code as its reason)
    E101 = "E101 empty input: {source} has no text after decoding."
    E102 = "E102 binary input: {source} looks like binary data ({detail}), not a text or HTML page."
    E103 = "E103 undecodable input: {source} could not be decoded as text ({detail})."
    E104 = "E104 malformed JSON: {source} line {line}: {detail}."
    E105 = "E105 JSON record without page: {source} line {line} has neither 'html' nor 'text'."
    E106 = "E106 truncated WARC: {source}: {detail}; records read before the damage are kept."
    E107 = "E107 page too large: {source} is {size} bytes; the limit is {limit} (--max-bytes)."
    E108 = "E108 no article text: {source}: extraction found no article body."
    E109 = "E109 unreadable input: {source}: {detail}."
    E110 = "E110 no input found: {pattern} matches no file."
    E111 = "E111 unsupported input: {source}: extension '{ext}' is not one of {known}."
    E112 = "E112 invalid text: {source}: {detail}; such text cannot be stored."
    E113 = "E113 invalid URL: {source}: {url} cannot be parsed; fix or drop the URL."
    E114 = "E114 empty input: {source} holds no page (an empty or page-less {kind})."
    E115 = "E115 not gzip: {source} ends in .gz but is not gzip data ({detail})."
    # pipeline and stages
    E201 = (
        "E201 stage '{stage}' requires {attr}; no earlier stage assigns it. "
        "Add one of: {providers}."
    )
    E202 = "E202 unknown stage '{name}'. Registered stages: {known}."
    E203 = "E203 stage '{stage}' failed on {source}: {detail}."
    E204 = "E204 unknown executor '{name}'. Use one of: local, pool, ray."
    E205 = "E205 shard {shard} failed after {attempts} attempt(s): {detail}."
    E206 = (
        "E206 stage '{stage}' cannot run: {what}. "
        "Restore the file (reinstall rasad) or pass a valid one."
    )
    # storage
    E301 = "E301 database {path} could not be opened: {detail}."
    E302 = "E302 database {path} has schema version {found}, newer than this Rasad ({known})."
    E303 = "E303 no article with id '{id}' in {path}."
    E304 = "E304 export format '{fmt}' is not supported; use one of: {known}."
    E305 = (
        "E305 no database at {path}: run 'rasad ingest PAGES --db {path}' (or 'make run')"
        " to create one."
    )
    E306 = "E306 database {path} is busy: another process holds its write lock ({detail})."
    E307 = "E307 database {path} cannot be written: {detail}."
    E308 = "E308 could not store {source}: {detail}; stored as a reject, the batch goes on."
    E309 = (
        "E309 article id prefix '{id}' is ambiguous in {path}: {count} articles match;"
        " give more characters."
    )
    E310 = "E310 database {path} has an invalid schema version {found}; it is not a Rasad database."
    # configuration, CLI
    E401 = "E401 invalid date '{value}': use YYYY-MM-DD."
    E402 = "E402 invalid option {name}={value}: {detail}."
    E403 = "E403 missing dependency: {what} needs {package}: pip install '{extra}'."
    E404 = "E404 gold file {path} line {line}: {detail}."
    E405 = "E405 interrupted: {detail}; the last complete batch is stored, re-run to finish."
    E406 = "E406 cannot read standard input: {detail}."
    E407 = "E407 cannot write {path}: {detail}."
    E408 = (
        "E408 output folder {path} holds a run of other inputs or settings ({detail}); "
        "use a new --out folder or delete it."
    )


class RasadError(Exception):
    """Base class of every error Rasad raises on purpose."""

    def __init__(self, template: str, **fields: Any) -> None:
        self.code = template.split(" ", 1)[0]
        self.fields = fields
        text = template.format(**fields)
        # a message is one line whatever the values hold (a parser's multi-line message)
        super().__init__(" / ".join(p.strip() for p in text.splitlines() if p.strip()))

    @property
    def message(self) -> str:
        return str(self)


class ConfigError(RasadError, ValueError):
    """Invalid option or configuration."""


class InputError(RasadError):
    """One input page cannot be used; the batch goes on and the page becomes a reject."""


class PipelineError(RasadError):
    """The pipeline itself is mis-assembled."""


class StageError(RasadError):
    """A stage cannot run: a data file it reads is missing or cannot be loaded (raised when
    the stage is built or first used, never as a reject per page)."""


class StorageError(RasadError):
    """The database or an export cannot be read or written."""


class MissingDependencyError(RasadError, ImportError):
    """An optional extra is not installed."""


@dataclass(frozen=True, slots=True)
class Reject:
    """Why one input page was not kept: the input (``source``), the stage that refused it, the
    error code and the one-line reason (the coded message)."""

    source: str
    stage: str
    code: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        """For storage and JSON: ``{"source", "stage", "code", "reason"}``."""
        return {
            "source": self.source,
            "stage": self.stage,
            "code": self.code,
            "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, source: str = "") -> Reject:
        """The inverse of ``to_dict``; ``source`` stands in when ``data`` has none."""
        return cls(
            str(data.get("source") or source),
            str(data["stage"]),
            str(data["code"]),
            str(data["reason"]),
        )

    def moved(self, old: str, new: str) -> Reject:
        """The same reject for an input read from a copy at ``old`` but named ``new``."""
        return Reject(
            self.source.replace(old, new),
            self.stage,
            self.code,
            self.reason.replace(old, new),
        )
