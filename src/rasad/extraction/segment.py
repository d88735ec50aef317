"""Split a decoded page into candidate lines: HTML through trafilatura (main text, title, date,
site name, author), keeping paragraphs; plain text into its lines."""

from __future__ import annotations

import re
import warnings
from typing import Any

_SPACES = re.compile(r"[ \t\u00a0]+")


def split_page(page: str) -> list[str]:
    """The lines of a plain-text page (any line ending)."""
    return page.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def html_lines(html: str, url: str | None) -> tuple[list[str], dict[str, Any]]:
    """Main-text lines and metadata (title, author, sitename, hostname, date) of an HTML
    page; no lines when trafilatura finds no text."""
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
