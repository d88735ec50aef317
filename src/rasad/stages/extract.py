"""Extraction and cleaning: page → article ``text`` (set once), title, dateline, byline, source
line, outlet, publication date, and the furniture removed (each line with its reason).

Three stages:
- ``Segmenter``: HTML through trafilatura (main text, title, date, site name, author), keeping
  paragraphs; plain text split into its lines.
- ``TemplateLearner``: a batch stage that finds lines recurring on several pages of one site
  (or of the batch), like a sidebar of other headlines.
- ``Cleaner``: classifies every line (``rasad.lines``), sets ``doc.text`` and the metadata.
"""

from __future__ import annotations

import logging
import os
import re
import warnings
from collections import Counter, defaultdict
from typing import Any
from urllib.parse import urlsplit

from ..doc import Doc
from ..errors import Errors, InputError
from ..lines import classify_lines, is_body_like, line_key
from ..pubdate import find_published
from .base import BatchStage, MapStage

logger = logging.getLogger(__name__)

_SPACES = re.compile(r"[ \t\u00a0]+")


def site_of(doc: Doc) -> str:
    """The site a page belongs to: URL host, else the folder (or file) it was read from."""
    if doc.url:
        host = urlsplit(doc.url).hostname
        if host:
            return host.removeprefix("www.")
    src = doc.source.split("#", 1)[0]
    src = re.sub(r":\d+$", "", src)
    return os.path.dirname(src) or src


class Segmenter(MapStage):
    """Split a decoded page into candidate lines (HTML via trafilatura)."""

    name = "extract.segment.v1"
    requires = ("doc.html|doc.page",)
    assigns = ("doc.meta.lines",)

    def process(self, doc: Doc) -> None:
        if doc.html is not None:
            lines, info = _html_lines(doc.html, doc.url)
            doc.meta["_html_meta"] = info
        else:
            page = (doc.page or "").replace("\r\n", "\n").replace("\r", "\n")
            lines = page.split("\n")
        if not any(line.strip() for line in lines):
            raise InputError(Errors.E108, source=doc.source)
        doc.meta["_lines"] = lines


def _html_lines(html: str, url: str | None) -> tuple[list[str], dict[str, Any]]:
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,
            as_dict=True,
        )
    if not result or not isinstance(result, dict) or not (result.get("text") or "").strip():
        return [], {}
    text = str(result.get("text") or "")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    info = {k: result.get(k) for k in ("title", "author", "sitename", "hostname", "date")}
    return lines, info


class TemplateLearner(BatchStage):
    """Lines that recur on several pages of one site (or of the batch) are site furniture.

    A recurring line that reads like a paragraph is kept unless it recurs on three pages or
    more: two pages sharing whole paragraphs are more likely two copies of one story.
    """

    name = "extract.templates.v1"
    requires = ("doc.meta.lines",)
    assigns = ("doc.meta.templates",)

    def __init__(self, *, min_pages: int = 2, **kw: Any) -> None:
        super().__init__(**kw)
        self.min_pages = min_pages

    def process_batch(self, docs: list[Doc]) -> None:
        by_site: dict[str, list[Doc]] = defaultdict(list)
        for doc in docs:
            by_site[site_of(doc)].append(doc)
        for site_docs in by_site.values():
            self._learn_site(site_docs)

    def _learn_site(self, docs: list[Doc]) -> None:
        # Pages are counted by their body (the set of paragraph-like lines), so copies of one
        # page, e.g. the same article in several encodings, count once.
        pages: dict[str, set[str]] = {}
        page_of: list[str] = []
        for doc in docs:
            lines = doc.meta.get("_lines", [])
            body = sorted({line_key(x) for x in lines if x.strip() and is_body_like(x)})
            fp = "\n".join(body) or doc.source
            keys = {line_key(x) for x in lines if x.strip()} - {""}
            pages.setdefault(fp, set()).update(keys)
            page_of.append(fp)
        counts: Counter[str] = Counter()
        for keys in pages.values():
            counts.update(keys)
        n_pages = len(pages)
        for doc, fp in zip(docs, page_of, strict=True):
            templ = set()
            for line in doc.meta.get("_lines", []):
                key = line_key(line)
                n = counts.get(key, 0)
                if not key or n < self.min_pages:
                    continue
                # a shared paragraph is furniture only when most pages of the site carry it;
                # two or three pages sharing paragraphs are more likely copies of one story
                if not is_body_like(line) or (n >= 3 and 2 * n > n_pages):
                    templ.add(key)
            doc.meta["_templates"] = sorted(templ & pages[fp])


class Cleaner(MapStage):
    """Classify lines and set the article text and its metadata."""

    name = "extract.clean.v1"
    requires = ("doc.meta.lines",)
    assigns = ("doc.text", "doc.title", "doc.published", "doc.furniture")

    def process(self, doc: Doc) -> None:
        lines: list[str] = doc.meta.pop("_lines", [])
        templates = set(doc.meta.pop("_templates", []))
        info: dict[str, Any] = doc.meta.pop("_html_meta", {}) or {}
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
            record_date=doc.meta.get("_record_date"),
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
