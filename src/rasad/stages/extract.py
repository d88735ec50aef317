"""Extraction stages (the work is done in ``rasad.extraction``).

- ``Segmenter``: a decoded page into candidate lines (``extraction.segment``).
- ``TemplateLearner``: a batch stage that finds lines recurring on several pages of one site
  (``extraction.templates``).
- ``Cleaner``: classifies every line and sets ``doc.text`` and the metadata
  (``extraction.clean``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..doc import Doc
from ..errors import Errors, InputError
from ..extraction.clean import clean
from ..extraction.lines import rules
from ..extraction.segment import html_lines, split_page
from ..extraction.templates import site_of, site_templates
from .base import BatchStage, MapStage


class Segmenter(MapStage):
    """Split a decoded page into candidate lines (HTML via trafilatura)."""

    name = "extract.segment.v1"
    requires = ("doc.html|doc.page", "doc.url")
    assigns = ("doc.page_lines", "doc.html_meta")
    imports = (("trafilatura", "trafilatura"),)

    def process(self, doc: Doc) -> None:
        if doc.html is not None:
            lines, info = html_lines(doc.html, doc.url)
            doc.html_meta = info
        else:
            lines = split_page(doc.page or "")
        if not any(line.strip() for line in lines):
            raise InputError(Errors.E108, source=doc.source)
        doc.page_lines = lines


class TemplateLearner(BatchStage):
    """Lines that recur on several pages of one site (or of the batch) are site furniture."""

    name = "extract.templates.v1"
    requires = ("doc.page_lines", "doc.url")
    assigns = ("doc.templates",)

    def __init__(self, *, min_pages: int = 2, **kw: Any) -> None:
        self.min_pages = min_pages
        super().__init__(**kw)

    def process_batch(self, docs: list[Doc]) -> None:
        by_site: dict[str, list[Doc]] = defaultdict(list)
        for doc in docs:
            by_site[site_of(doc)].append(doc)
        for site_docs in by_site.values():
            pages = [(doc.source, doc.page_lines) for doc in site_docs]
            found = site_templates(pages, min_pages=self.min_pages)
            for doc, keys in zip(site_docs, found, strict=True):
                doc.templates = keys


class Cleaner(MapStage):
    """Classify lines and set the article text and its metadata. The working fields of
    extraction (``page_lines``, ``templates``, ``html_meta``) are used up and emptied."""

    name = "extract.clean.v1"
    requires = (
        "doc.page_lines",
        "doc.templates",
        "doc.html_meta",
        "doc.html|doc.page",  # an HTML page is cleaned differently from a plain-text one
        "doc.url",
        "doc.fetched",
        "doc.date_hint",
        "doc.record_date",
    )
    data = ("data/lines.json",)
    assigns = (
        "doc.text",
        "doc.title",
        "doc.dateline",
        "doc.byline",
        "doc.outlet",
        "doc.published",
        "doc.published_from",
        "doc.furniture",
        "doc.lines",
    )

    def load(self) -> None:
        rules()

    def process(self, doc: Doc) -> None:
        lines, templates, info = doc.page_lines, doc.templates, doc.html_meta
        doc.page_lines, doc.templates, doc.html_meta = [], [], {}
        clean(doc, lines, templates=templates, info=info)


__all__ = ["Cleaner", "Segmenter", "TemplateLearner", "site_of"]
