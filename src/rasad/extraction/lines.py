"""Classify the lines of a scraped page: article (title, body) or furniture (with a reason), and
the metadata lines (dateline, byline, source line, timestamp).

Signals, combined in ``classify_lines``:
- Arabic phrase rules (subscribe, comments closed, cookies, share, read also, related news);
- breadcrumbs, teasers cut with "…", bulleted headline lists, photo captions;
- cross-document templates: line keys that recur on other pages of the same site or batch;
- body-likeness (length, sentence punctuation) and the position of a line relative to the body.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, wraps
from importlib.resources import files
from typing import TypeVar

from ..arabic import MONTHS
from ..arabic import fold as _fold

#: Lines repeat a lot (sidebars, furniture), so their folded form is cached.
fold = lru_cache(maxsize=100_000)(_fold)

#: Lines up to this length have their verdicts cached: the repeated ones (furniture, sidebars,
#: headline lists) are short, and a long paragraph is seldom seen twice.
_CACHED_LEN = 400
_R = TypeVar("_R")


def _short_lines_cached(func: Callable[[str], _R]) -> Callable[[str], _R]:
    """``func`` (a pure function of one line), with the results for short lines cached."""
    cached = lru_cache(maxsize=50_000)(func)

    @wraps(func)
    def wrapper(line: str) -> _R:
        return cached(line) if len(line) <= _CACHED_LEN else func(line)

    return wrapper


@dataclass(frozen=True, slots=True)
class _Rules:
    """The phrase families of ``data/lines.json``, compiled."""

    phrases: tuple[tuple[str, int | None, re.Pattern[str]], ...]
    byline_words: re.Pattern[str]
    caption_credit: re.Pattern[str]
    date_label: re.Pattern[str]
    date_head: re.Pattern[str]


def _alt(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


@lru_cache(maxsize=1)
def rules() -> _Rules:
    """Load the phrase families (furniture reasons, agencies, caption credits, date labels)."""
    data = json.loads(files("rasad").joinpath("data/lines.json").read_text(encoding="utf-8"))
    months = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
    return _Rules(
        phrases=tuple((f["reason"], f["max_words"], _alt(f["patterns"])) for f in data["phrases"]),
        byline_words=re.compile("(" + "|".join(data["agencies"]) + ")"),
        caption_credit=_alt(data["caption_credits"]),
        date_label=_alt(data["date_labels"]),
        date_head=_alt([p.replace("MONTHS", months) for p in data["date_heads"]]),
    )


_BREADCRUMB = re.compile(r"\S\s*(»|›|>>|\s>\s)\s*\S|^\W*الرئيسي[هة]\s*[/»›>|]")
_TEASER_END = re.compile(r"(…|\.\.\.|\.{4,})\s*$")
_SENT_END = re.compile(r"[.!؟?:»\"”'\)]\s*$")
_DASH = re.compile(r"\s-{1,2}\s")
_LONE_TATWEEL = re.compile(r"(?<=\s)\u0640+(?=\s)")
_SOURCE = re.compile(r"^\W*(المصدر|مصدر الخبر|source)\s*[:：]", re.I)
_TIME_ONLY = re.compile(
    r"^[\s\d:/.\-،,|صمGMTUTCamp+]*(\d{1,2}[:/.]\d{1,2}[:/.]\d{2,4}|\d{4}-\d{2}-\d{2})"
    r"[\s\d:/.\-،,|صمGMTUTCamp+]*$",
    re.I,
)
_DATE_IN_LINE = re.compile(r"\d{1,2}:\d{2}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{2}-\d{2}")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{2,}")
_AUTHOR_PREFIX = re.compile(r"^\W*(بقلم|كتب|كتبت|اعداد|تحرير|ترجمه|by)\s*[:：]?\s*\S", re.I)
_LATIN_WORD = re.compile(r"[a-z]{2,}")


@dataclass(slots=True)
class LineLabel:
    """The verdict on one line: ``kind`` is title, body, furniture, meta or blank."""

    kind: str
    reason: str = ""


def n_words(line: str) -> int:
    return len(line.split())  # the same count as ``\S+`` runs (one definition of whitespace)


@_short_lines_cached
def line_key(line: str) -> str:
    """The key that identifies a line across pages (folded, spacing and bullets ignored)."""
    return " ".join(fold(line).strip(" \t-•*▪").split())


@_short_lines_cached
def is_body_like(line: str) -> bool:
    """A full paragraph: long, or of fair length and ending a sentence."""
    n = n_words(line)
    if _TEASER_END.search(line):
        return False
    return n >= 25 or (n >= 8 and _SENT_END.search(line) is not None)


@_short_lines_cached
def meta_kind(line: str) -> str | None:
    """'dateline', 'byline', 'source' or 'date' for a metadata line, else None."""
    # a lone tatweel between spaces is used as a dash ("موسكو ـ فلان"); fold() would drop it
    folded = fold(_LONE_TATWEEL.sub("-", line)).strip()
    n = n_words(folded)
    if _SOURCE.match(folded):
        return "source"
    if (
        n <= 12
        and _DATE_IN_LINE.search(folded)
        and len(_ARABIC_WORD.findall(_DATE_IN_LINE.sub(" ", folded))) <= 3
    ):
        return "date"  # a timestamp, possibly with "updated" or a weekday
    r = rules()
    if n <= 8 and _TIME_ONLY.match(folded) and re.search(r"\d", folded):
        return "date"
    if n <= 16 and (r.date_head.match(folded) or r.date_label.match(folded)):
        return "date"  # "الثلاثاء 19 سبتمبر 2023 الساعة …", "تاريخ النشر: …"
    if n > 8 or (_SENT_END.search(folded.rstrip(".")) and folded.endswith((".", "؟", "!"))):
        return None
    if _AUTHOR_PREFIX.match(folded):
        return "byline"
    parts = [p.strip() for p in _DASH.split(folded, maxsplit=1)] if _DASH.search(folded) else []
    if ":" in folded and not parts:
        left, right = (p.strip() for p in folded.split(":", 1))
        if right and rules().byline_words.search(right) and n_words(left) <= 3:
            return "byline"
        return None
    if (
        len(parts) == 2
        and all(parts)
        and n_words(parts[0]) <= 4
        and n_words(parts[1]) <= 5
        and ":" not in folded
    ):
        if rules().byline_words.search(parts[1]) or rules().byline_words.search(parts[0]):
            return "byline"
        return "dateline"
    if n <= 3 and rules().byline_words.fullmatch(folded.strip("()[] .")):
        return "byline"
    return None


@_short_lines_cached
def rule_furniture(line: str) -> str | None:
    """The furniture reason a single line earns on its own, else None."""
    folded = fold(line).strip()
    n = n_words(folded)
    r = rules()
    for reason, max_words, pat in r.phrases:
        if (max_words is None or n <= max_words) and pat.search(folded):
            return reason
    if n <= 45 and r.caption_credit.search(folded.rstrip(" .")):
        return "caption"  # "… (رويترز)", "… / AFP", "صورة: …", "[ … ]"
    if _BREADCRUMB.search(line) and n <= 14 and not _SENT_END.search(folded):
        return "breadcrumb"
    if _TEASER_END.search(line) and not re.search(r"[.!؟?]\s*\S", line.rstrip(" .…")):
        return "teaser"
    if re.fullmatch(r"[\W\d_]*", folded) or re.fullmatch(r"[A-Za-z0-9 ._\-:/]+", folded):
        return "non_text"
    latin = len(_LATIN_WORD.findall(folded))
    if latin >= 4 and latin > 2 * len(_ARABIC_WORD.findall(folded)):
        return "foreign"  # an English caption or an embedded post on an Arabic page
    return None


__all__ = [
    "LineLabel",
    "fold",
    "is_body_like",
    "line_key",
    "meta_kind",
    "n_words",
    "rule_furniture",
    "rules",
]
