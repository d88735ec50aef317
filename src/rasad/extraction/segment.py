"""Split a decoded page into candidate lines: HTML through trafilatura (main text, title, date,
site name, author), keeping paragraphs; plain text into its lines."""

from __future__ import annotations

import copy
import re
import warnings
from functools import lru_cache
from typing import Any

_SPACES = re.compile(r"[ \t\u00a0]+")


def split_page(page: str) -> list[str]:
    """The lines of a plain-text page (any line ending)."""
    return page.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@lru_cache(maxsize=1)
def _options() -> Any:
    """trafilatura's extractor settings for ``bare_extraction`` with Rasad's arguments (built
    once: reading them from trafilatura's configuration on every page costs more than the
    metadata Rasad reads). Copied per page, where the URL and the date bounds are set."""
    from trafilatura.settings import Extractor

    return Extractor(
        output_format="python",
        comments=False,
        tables=False,
        images=False,
        dedup=False,
        with_metadata=False,
    )


def html_lines(html: str, url: str | None) -> tuple[list[str], dict[str, Any]]:
    """Main-text lines and metadata (title, author, sitename, hostname, date) of an HTML
    page; no lines when trafilatura finds no text. The page is parsed once: the metadata
    (``extraction.htmlmeta``) and the extraction (on trafilatura's own copy) share the tree."""
    import trafilatura
    from trafilatura.settings import set_date_params
    from trafilatura.utils import load_html

    from .htmlmeta import metadata

    options = copy.copy(_options())
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    options.date_params = set_date_params(
        options.config.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH")
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tree = load_html(html, options.max_file_size)
        if tree is None:
            return [], {}
        info = metadata(tree, url, options.date_params, html)
        result = trafilatura.bare_extraction(tree, url=url, options=options)
    if result is None:
        return [], {}
    text = str(getattr(result, "text", None) or "")
    if not text.strip():
        return [], {}
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return lines, info
