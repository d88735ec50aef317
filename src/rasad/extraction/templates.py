"""Site templates: lines that recur on several pages of one site (or of the batch), like a
sidebar of other headlines, are furniture."""

from __future__ import annotations

import os
import re
from collections import Counter
from urllib.parse import urlsplit

from ..doc import Doc
from .lines import is_body_like, line_key


def site_of(doc: Doc) -> str:
    """The site a page belongs to: URL host, else the folder (or file) it was read from."""
    if doc.url:
        host = urlsplit(doc.url).hostname
        if host:
            return host.removeprefix("www.")
    src = doc.source.split("#", 1)[0]
    src = re.sub(r":\d+$", "", src)
    return os.path.dirname(src) or src


def site_templates(pages_in: list[tuple[str, list[str]]], *, min_pages: int = 2) -> list[list[str]]:
    """The template line keys of each page of one site, given as (source, lines).

    A line recurring on ``min_pages`` pages or more is furniture; a recurring line that reads
    like a paragraph is kept unless it recurs on three pages or more and on most of them.
    """
    # Pages are counted by their body (the set of paragraph-like lines), so copies of one
    # page, e.g. the same article in several encodings, count once.
    pages: dict[str, set[str]] = {}
    page_of: list[str] = []
    for source, page_lines in pages_in:
        lines = page_lines
        body = sorted({line_key(x) for x in lines if x.strip() and is_body_like(x)})
        fp = "\n".join(body) or source
        keys = {line_key(x) for x in lines if x.strip()} - {""}
        pages.setdefault(fp, set()).update(keys)
        page_of.append(fp)
    counts: Counter[str] = Counter()
    for keys in pages.values():
        counts.update(keys)
    n_pages = len(pages)
    out: list[list[str]] = []
    for (_, page_lines), fp in zip(pages_in, page_of, strict=True):
        templ = set()
        for line in page_lines:
            key = line_key(line)
            n = counts.get(key, 0)
            if not key or n < min_pages:
                continue
            # a shared paragraph is furniture only when most pages of the site carry it;
            # two or three pages sharing paragraphs are more likely copies of one story
            if not is_body_like(line) or (n >= 3 and 2 * n > n_pages):
                templ.add(key)
        out.append(sorted(templ & pages[fp]))
    return out
