"""Cleaning: classify every line of a page and set the article ``text`` (once), title,
dateline, byline, source line, outlet, publication date and the furniture removed (each line
with its reason)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import Any
from urllib.parse import urlsplit

from ..doc import Doc
from ..errors import Errors, InputError
from .layout import classify_lines
from .pubdate import find_published


def clean(
    doc: Doc,
    lines: list[str],
    *,
    templates: Collection[str] = (),
    info: dict[str, Any] | None = None,
) -> None:
    """Classify ``lines`` and set the article text and its metadata on ``doc`` (E108 when no
    line is article text)."""
    templates = set(templates)
    info = info or {}
    is_html = doc.html is not None
    labels = classify_lines(lines, template_keys=templates, html=is_html)
    body: list[str] = []
    kept: list[int] = []
    title = info.get("title") if is_html else None
    meta: dict[str, list[str]] = defaultdict(list)
    for n, (line, lab) in enumerate(zip(lines, labels, strict=True), start=1):
        if lab.kind == "title" and title is None:
            title = line
            kept.append(n)
        elif lab.kind in ("head", "partial"):  # kicker, subtitle, title repeat, cut tail
            kept.append(n)
        elif lab.kind == "body":
            if is_html and title and line.strip() == title.strip() and not body:
                continue  # trafilatura sometimes repeats the headline as a paragraph
            body.append(line if is_html else line.rstrip("\r"))
            kept.append(n)
        elif lab.kind == "meta":
            meta[lab.reason].append(line.strip())
            doc.furniture.append({"line": n, "text": line, "reason": lab.reason})
        elif lab.kind == "furniture":
            doc.furniture.append({"line": n, "text": line, "reason": lab.reason})
    if not body:
        raise InputError(Errors.E108, source=doc.source)
    doc.set_text("\n".join(body))
    doc.lines = kept
    doc.title = title.strip() if isinstance(title, str) and title.strip() else None
    doc.dateline = meta["dateline"][0] if meta["dateline"] else None
    byline = meta["byline"][0] if meta["byline"] else None
    if byline is None and is_html and info.get("author"):
        byline = str(info["author"])
    doc.byline = byline
    if meta["source"]:
        doc.meta["source_line"] = meta["source"][0]
    doc.outlet = doc.outlet or _outlet(doc, info)
    head = "\n".join(line for line in lines[:6] if len(line) < 200)
    doc.published, doc.published_from = find_published(
        html=doc.html,
        url=doc.url,
        meta_lines=meta["date"],
        head_text=head,
        warc_date=doc.fetched,
        option=doc.date_hint,
        record_date=doc.record_date,
    )
    if doc.published is None and is_html and info.get("date"):
        doc.published, doc.published_from = str(info["date"])[:10], "html"


def _outlet(doc: Doc, info: dict[str, Any]) -> str | None:
    if info.get("sitename"):
        return str(info["sitename"])
    if doc.url:
        host = urlsplit(doc.url).hostname
        return host.removeprefix("www.") if host else None
    return None
