"""Checks that turn hostile input into typed rejects before any stage sees it.

Every string a reader puts on a ``Doc`` must be encodable as UTF-8 (the store and ``Doc.id``
encode it), every URL must parse, and every reason is one line.
"""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

from ..doc import Doc
from ..errors import InputError, Reject

_SURROGATE = re.compile("[\ud800-\udfff]")
_LINEBREAK = re.compile(r"\s*[\r\n\u2028\u2029\x0b\x0c\x85]+\s*")
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def one_line(text: str) -> str:
    """``text`` on one line: line breaks become " / ", control characters a space."""
    return _CONTROL.sub(" ", _LINEBREAK.sub(" / ", text.strip()))


def printable_path(path: str) -> str:
    """A file name as UTF-8-safe text: bytes that are not UTF-8 show as ``\\xff``."""
    if not _SURROGATE.search(path):
        return path
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def surrogate_at(text: str) -> int | None:
    """Offset of the first lone surrogate in ``text`` (it cannot be stored), else None."""
    m = _SURROGATE.search(text)
    return m.start() if m else None


def valid_url(url: object) -> str | None:
    """None when ``url`` is absent or parses; otherwise a printable form of it for the reason."""
    if url is None:
        return None
    shown = repr(url)[:120]
    if not isinstance(url, str) or _SURROGATE.search(url) or _CONTROL.search(url):
        return one_line(printable_path(shown))
    try:
        parts = urlsplit(url)
        _ = parts.hostname
    except ValueError:
        return one_line(shown)
    return None


def rejected(source: str, err: InputError, raw: bytes | None = None) -> Doc:
    """A ``Doc`` that carries the reject of ``err`` (and the raw bytes, kept in ``sources``)."""
    doc = Doc(source=printable_path(source), raw=raw)
    doc.reject = Reject(doc.source, "read", err.code, one_line(str(err)))
    return doc
