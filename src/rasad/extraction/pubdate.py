"""Find a page's publication date and say where it was found.

Order: HTML metadata ("html"), the URL ("url"), a timestamp in the page text ("text"), the
WARC record date ("warc"), the ``--date`` option ("option").
"""

from __future__ import annotations

import re
from datetime import date

from ..arabic import MONTHS, fold

_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))

_META_DATE = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|"""
    r"""datePublished|pubdate|publishdate|publish-date|date|dc\.date|DC\.date\.issued|"""
    r"""sailthru\.date|parsely-pub-date)["'][^>]*>""",
    re.I,
)
_CONTENT = re.compile(r"""content\s*=\s*["']([^"']+)["']""", re.I)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_TIME_TAG = re.compile(r"""<time[^>]+datetime\s*=\s*["']([^"']+)["']""", re.I)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_]|$)")
_URL_DATE_COMPACT = re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?:/|[-_])")
_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-]((?:19|20)\d{2})(?!\d)")
_YMD = re.compile(r"(?<!\d)((?:19|20)\d{2})[/.\-](\d{1,2})[/.\-](\d{1,2})(?!\d)")
_DMONTHY = re.compile(r"(?<!\d)(\d{1,2})\s+(?:من\s+)?(" + _MONTH_ALT + r")\s*,?\s*((?:19|20)\d{2})")


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def from_html(html: str) -> str | None:
    """A date from meta tags, JSON-LD or <time datetime> in the page head."""
    head = html[:200_000]
    for tag in _META_DATE.finditer(head):
        m = _CONTENT.search(tag.group(0))
        if m:
            iso = _ISO.search(m.group(1))
            if iso and (v := _valid(*map(int, iso.groups()))):
                return v
    for pat in (_JSONLD_DATE, _TIME_TAG):
        for m in pat.finditer(head):
            iso = _ISO.search(m.group(1))
            if iso and (v := _valid(*map(int, iso.groups()))):
                return v
    return None


def from_url(url: str | None) -> str | None:
    if not url:
        return None
    for pat in (_URL_DATE, _URL_DATE_COMPACT):
        m = pat.search(url)
        if m and (v := _valid(*map(int, m.groups()))):
            return v
    return None


def from_text(text: str) -> str | None:
    """A full date (with year) in a timestamp-like string: "03:48 م 23/11/2025",
    "14:01 GMT 07.10.2025", "2025-11-23", "23 نوفمبر 2025"."""
    folded = fold(text)
    for m in _YMD.finditer(folded):
        if v := _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
            return v
    for m in _DMY.finditer(folded):
        if v := _valid(int(m.group(3)), int(m.group(2)), int(m.group(1))):
            return v
    for m in _DMONTHY.finditer(folded):
        if v := _valid(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))):
            return v
    return None


def parse_date_option(value: str) -> str:
    """Validate a YYYY-MM-DD option value (raises ValueError)."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    v = _valid(*map(int, m.groups())) if m else None
    if v is None:
        raise ValueError(value)
    return v


def find_published(
    *,
    html: str | None,
    url: str | None,
    meta_lines: list[str],
    head_text: str,
    warc_date: str | None,
    option: str | None,
    record_date: str | None = None,
) -> tuple[str | None, str | None]:
    """``(date, where)`` for a page; ``(None, None)`` when nothing is found."""
    if html and (v := from_html(html)):
        return v, "html"
    if v := from_url(url):
        return v, "url"
    for line in meta_lines:
        if v := from_text(line):
            return v, "text"
    if head_text and (v := from_text(head_text)):
        return v, "text"
    if warc_date and (v := from_text(warc_date)):
        return v, "warc"
    if record_date and (v := from_text(record_date)):
        return v, "option"  # given with the input record, like --date
    if option:
        return option, "option"
    return None, None
