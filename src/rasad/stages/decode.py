"""Decode raw bytes into text: BOMs, declared charsets (HTTP header, HTML meta), UTF-8, then
detection with charset-normalizer restricted to the encodings Arabic pages use."""

from __future__ import annotations

import codecs
import re

from ..doc import Doc
from ..errors import Errors, InputError
from .base import MapStage

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_DECL = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Candidates for undeclared pages, most likely first.
ARABIC_ENCODINGS = ["cp1256", "iso8859_6", "utf_16", "cp720", "cp864", "mac_arabic"]
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _lookup(name: str) -> str | None:
    name = name.strip().lower().replace("_", "-")
    if name in ("x-user-defined", ""):
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(raw: bytes, header: str | None = None) -> str | None:
    """The charset a page declares: HTTP header first, then BOM, XML declaration, HTML meta."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            return enc
    if header and (found := _lookup(header)):
        return found
    head = raw[:4096]
    for pat in (_XML_DECL, _META_CHARSET):
        m = pat.search(head)
        if m and (found := _lookup(m.group(1).decode("ascii", "ignore"))):
            return found
    return None


def _looks_binary(raw: bytes) -> str | None:
    head = raw[:8192]
    if head.startswith(
        (b"\x89PNG", b"%PDF", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b")
    ):
        return "file signature " + repr(head[:4])
    if b"\x00" in head:
        return "NUL bytes"
    return None


def _score(text: str) -> float:
    """Share of Arabic letters among letters, minus a penalty for control characters."""
    letters = sum(c.isalpha() for c in text[:20000]) or 1
    arabic = len(_ARABIC_LETTER.findall(text[:20000]))
    return arabic / letters - 5 * len(_CONTROL.findall(text[:20000])) / max(len(text[:20000]), 1)


#: At most this share of a page's non-ASCII characters may be bad bytes for a lenient decode.
REPAIR_SHARE = 0.01
REPAIR_MIN = 8


def _lenient(raw: bytes, enc: str) -> tuple[str, int] | None:
    """``raw`` decoded with replacement when only a few bytes are bad: (text, bad bytes)."""
    try:
        text = raw.decode(enc, errors="replace")
    except LookupError:
        return None
    bad = text.count("\ufffd") - raw.decode(enc, errors="ignore").count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if 0 < bad <= max(REPAIR_MIN, int(REPAIR_SHARE * non_ascii)) and non_ascii > 2 * bad:
        return text, bad
    return None


def _utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte order mark (NUL bytes in every other place for ASCII)."""
    if len(raw) % 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if _score(text) >= 0.5 and not _CONTROL.search(text[:5000].replace("\x00", "")):
            return text, enc
    return None


def decode_bytes(raw: bytes, *, source: str, header: str | None = None) -> tuple[str, str]:
    """Decode ``raw``; returns ``(text, encoding)`` or raises ``InputError``."""
    text, enc, _ = decode_page(raw, source=source, header=header)
    return text, enc


def decode_page(raw: bytes, *, source: str, header: str | None = None) -> tuple[str, str, int]:
    """Decode ``raw``: ``(text, encoding, bad bytes replaced)`` or raise ``InputError``.

    A declared charset (or UTF-8) that fails on a few bytes only is honoured: those bytes become
    U+FFFD and their count is returned, rather than the whole page being mis-read as another
    encoding."""
    declared = declared_charset(raw, header)
    if declared:
        try:
            return raw.decode(declared), declared, 0
        except (UnicodeDecodeError, LookupError):
            repaired = _lenient(raw, declared)
            if repaired is not None:
                return repaired[0], declared, repaired[1]
    if b"\x00" in raw[:8192] and (found := _utf16_without_bom(raw)) is not None:
        return found[0], found[1], 0
    try:
        return raw.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        repaired = _lenient(raw, "utf-8")
        if repaired is not None:
            return repaired[0], "utf-8", repaired[1]
    why = _looks_binary(raw)
    if why:
        raise InputError(Errors.E102, source=source, detail=why)
    candidates: list[tuple[float, str, str]] = []
    for enc in ARABIC_ENCODINGS:
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_score(text), enc, text))
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(raw[:200_000]).best()
        if best is not None and best.encoding not in {c[1] for c in candidates}:
            text = raw.decode(best.encoding, errors="strict")
            candidates.append((_score(text) - 0.05, best.encoding, text))
    except (UnicodeDecodeError, LookupError):
        pass
    if not candidates:
        raise InputError(Errors.E103, source=source, detail="no candidate encoding fits")
    score, enc, text = max(candidates, key=lambda c: c[0])
    if score < 0.3 and _CONTROL.search(text[:5000]):
        raise InputError(Errors.E103, source=source, detail=f"best guess {enc} gives noise")
    return text, enc, 0


class Decoder(MapStage):
    """Bytes to page text (``doc.html`` or ``doc.page``)."""

    name = "decode.charset.v1"
    requires = ("doc.raw", "doc.meta.kind")  # kind: whether the reader took it for HTML
    assigns = ("doc.html|doc.page", "doc.charset")
    imports = (("charset_normalizer", "charset-normalizer"),)

    def process(self, doc: Doc) -> None:
        if doc.html is None and doc.page is None:
            raw = doc.raw or b""
            if not raw.strip():
                raise InputError(Errors.E101, source=doc.source)
            text, enc, bad = decode_page(raw, source=doc.source, header=doc.charset)
            doc.charset = enc
            if bad:
                doc.meta["repaired"] = f"{bad} undecodable byte(s) replaced by U+FFFD ({enc})"
            text = text.lstrip("\ufeff")
            if doc.meta.get("kind") == "text" and _is_html(text):
                doc.meta["kind"] = "html"
            if doc.meta.get("kind") == "html":
                doc.html = text
            else:
                doc.page = text
        body = doc.html if doc.html is not None else doc.page
        if body is None or not body.strip():
            raise InputError(Errors.E101, source=doc.source)
        if "\x00" in body[:8192]:
            raise InputError(Errors.E102, source=doc.source, detail="NUL characters in text")


def _is_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head
