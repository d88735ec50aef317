"""Classify the lines of a scraped page: article (title, body) or furniture (with a reason), and
the metadata lines (dateline, byline, source line, timestamp).

Signals, combined in ``classify_lines``:
- Arabic phrase rules (subscribe, comments closed, cookies, share, read also, related news);
- breadcrumbs, teasers cut with "…", bulleted headline lists, photo captions;
- cross-document templates: line keys that recur on other pages of the same site or batch;
- body-likeness (length, sentence punctuation) and the position of a line relative to the body.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .arabic import fold as _fold

#: Lines repeat a lot (sidebars, furniture), so their folded form is cached.
fold = lru_cache(maxsize=100_000)(_fold)

# Phrase rules run on folded text (fold() removes diacritics and folds alef/yeh/taa marbuta).
_PHRASES: list[tuple[str, re.Pattern[str]]] = [
    (
        "subscribe",
        re.compile(
            r"اشترك|اشتراك|النشره البريديه|احصل علي تحديثات|تابعونا|تابعنا علي"
            r"|subscribe|newsletter",
            re.I,
        ),
    ),
    (
        "comments",
        re.compile(
            r"التعليقات مغلقه|اضف تعليق|اترك تعليقا|لا توجد تعليقات|التعليقات"
            r"|comments",
            re.I,
        ),
    ),
    ("cookies", re.compile(r"ملفات تعريف الارتباط|الكوكيز|كوكيز|cookie|سياسه الخصوصيه", re.I)),
    (
        "share",
        re.compile(
            r"^(شارك|شاركها|مشاركه|انشر)\b|شارك (عبر|علي|هذا|الخبر)|"
            r"(فيسبوك|فيس بوك|تويتر|واتساب|تلغرام|لينكد ان)\s*[|،,/-]?\s*"
            r"(فيسبوك|فيس بوك|تويتر|واتساب|تلغرام|لينكد ان)|^share\b",
            re.I,
        ),
    ),
    (
        "read_also",
        re.compile(
            r"^\W*(اقرا ايضا|اقرا كذلك|اقرا المزيد|اقرا ايضً?ا|قد يهمك|"
            r"قد يعجبك|ذات صله|مواضيع ذات|اخبار ذات|اخر الاخبار|الاكثر قراءه|"
            r"الاكثر مشاهده|الاخبار الاكثر|شاهد ايضا|طالع ايضا|المزيد من|"
            r"اقرا ايضا|مقالات ذات|تابع ايضا|اخبار متعلقه|read also|related|"
            r"view on)",
            re.I,
        ),
    ),
    (
        "caption",
        re.compile(
            r"^\W*(\(?صوره|الصوره|\(?ارشيفيه\)?|صوره ارشيفيه|مصدر الصوره)"
            r"|\(ارشيفيه\)|\(صوره\)|\(ارشيف\)|photo:",
            re.I,
        ),
    ),
]
_BREADCRUMB = re.compile(r"\S\s*(»|›|>>|\s>\s)\s*\S|^\W*الرئيسي[هة]\s*[/»›>|]")
_TEASER_END = re.compile(r"(…|\.\.\.|\.{4,})\s*$")
_BULLET = re.compile(r"^\s*[-•*▪◦●■–]\s+\S")
_SENT_END = re.compile(r"[.!؟?:»\"”'\)]\s*$")
_BYLINE_WORDS = re.compile(
    r"(وكالات|متابعات|خاص|بقلم|كتب|كتبت|اعداد|ترجمه|تحرير|مراسل|وكاله|"
    r"رويترز|فرانس برس|الاناضول|سبوتنيك|تاس|نوفوستي|ا ف ب|د ب ا)"
)
_DASH = re.compile(r"\s-{1,2}\s")
_LONE_TATWEEL = re.compile(r"(?<=\s)\u0640+(?=\s)")
_SOURCE = re.compile(r"^\W*(المصدر|مصدر الخبر|source)\s*[:：]", re.I)
_TIME_ONLY = re.compile(
    r"^[\s\d:/.\-،,|صمGMTUTCamp+]*(\d{1,2}[:/.]\d{1,2}[:/.]\d{2,4}|\d{4}-\d{2}-\d{2})"
    r"[\s\d:/.\-،,|صمGMTUTCamp+]*$",
    re.I,
)
_DATE_WORDS = re.compile(
    r"^[\s\d:/.,،|-]*(السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه)?"
    r"[\s\d:/.,،|-]*(يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|"
    r"اكتوبر|نوفمبر|ديسمبر|كانون|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول|"
    r"تشرين)[\s\w\d:/.,،|-]*$"
)
_DATE_IN_LINE = re.compile(r"\d{1,2}:\d{2}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{2}-\d{2}")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{2,}")
_AUTHOR_PREFIX = re.compile(r"^\W*(بقلم|كتب|كتبت|اعداد|تحرير|ترجمه|by)\s*[:：]?\s*\S", re.I)
_WORD = re.compile(r"\S+")


@dataclass(slots=True)
class LineLabel:
    """The verdict on one line: ``kind`` is title, body, furniture, meta or blank."""

    kind: str
    reason: str = ""


def n_words(line: str) -> int:
    return len(_WORD.findall(line))


def line_key(line: str) -> str:
    """The key that identifies a line across pages (folded, spacing and bullets ignored)."""
    return " ".join(fold(line).strip(" \t-•*▪").split())


def is_body_like(line: str) -> bool:
    """A full paragraph: long, or of fair length and ending a sentence."""
    n = n_words(line)
    if _TEASER_END.search(line):
        return False
    return n >= 25 or (n >= 8 and _SENT_END.search(line) is not None)


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
    if (
        n <= 8
        and (_TIME_ONLY.match(folded) or _DATE_WORDS.match(folded))
        and re.search(r"\d", folded)
    ):
        return "date"
    if n > 8 or (_SENT_END.search(folded.rstrip(".")) and folded.endswith((".", "؟", "!"))):
        return None
    if _AUTHOR_PREFIX.match(folded):
        return "byline"
    parts = [p.strip() for p in _DASH.split(folded, maxsplit=1)] if _DASH.search(folded) else []
    if ":" in folded and not parts:
        left, right = (p.strip() for p in folded.split(":", 1))
        if right and _BYLINE_WORDS.search(right) and n_words(left) <= 3:
            return "byline"
        return None
    if (
        len(parts) == 2
        and all(parts)
        and n_words(parts[0]) <= 4
        and n_words(parts[1]) <= 5
        and ":" not in folded
    ):
        if _BYLINE_WORDS.search(parts[1]) or _BYLINE_WORDS.search(parts[0]):
            return "byline"
        return "dateline"
    if n <= 3 and _BYLINE_WORDS.fullmatch(folded.strip("()[] .")):
        return "byline"
    return None


def rule_furniture(line: str) -> str | None:
    """The furniture reason a single line earns on its own, else None."""
    folded = fold(line).strip()
    n = n_words(folded)
    for reason, pat in _PHRASES:
        if pat.search(folded) and (n <= 12 or reason in ("read_also", "caption")):
            if reason == "read_also" and n > 20:
                continue
            return reason
    if _BREADCRUMB.search(line) and n <= 14 and not _SENT_END.search(folded):
        return "breadcrumb"
    if _TEASER_END.search(line) and not re.search(r"[.!؟?]\s*\S", line.rstrip(" .…")):
        return "teaser"
    if re.fullmatch(r"[\W\d_]*", folded) or re.fullmatch(r"[A-Za-z0-9 ._\-:/]+", folded):
        return "non_text"
    return None


def classify_lines(
    lines: Sequence[str],
    *,
    template_keys: Collection[str] = (),
    html: bool = False,
) -> list[LineLabel]:
    """Label every line of a page. ``template_keys`` are keys of lines that recur on other pages
    of the same site or batch (see ``TemplateLearner``). With ``html=True`` the lines come from a
    main-text extractor, so only explicit rules apply (no positional body detection)."""
    labels: list[LineLabel] = []
    for line in lines:
        if not line.strip():
            labels.append(LineLabel("blank"))
            continue
        reason = rule_furniture(line)
        if reason:
            labels.append(LineLabel("furniture", reason))
            continue
        meta = meta_kind(line)
        if meta:
            labels.append(LineLabel("meta", meta))
            continue
        if line_key(line) in template_keys:
            labels.append(LineLabel("furniture", "template"))
            continue
        labels.append(LineLabel("candidate"))
    _mark_lists(lines, labels)
    if html:
        for lab in labels:
            if lab.kind == "candidate":
                lab.kind = "body"
        return labels
    _mark_body(lines, labels)
    return labels


def _mark_lists(lines: Sequence[str], labels: list[LineLabel]) -> None:
    """Runs of two or more bulleted short lines are headline lists."""
    i = 0
    while i < len(lines):
        j = i
        while (
            j < len(lines)
            and labels[j].kind in ("candidate", "furniture")
            and _BULLET.match(lines[j])
            and not is_body_like(lines[j].lstrip(" -•*"))
        ):
            j += 1
        if j - i >= 2:
            for k in range(i, j):
                labels[k] = LineLabel("furniture", "headline_list")
        i = max(j, i + 1)


def _mark_body(lines: Sequence[str], labels: list[LineLabel]) -> None:
    cands = [i for i, lab in enumerate(labels) if lab.kind == "candidate"]
    if not cands:
        return
    body = [i for i in cands if is_body_like(lines[i])]
    if not body:  # a short page: keep its longest candidate run
        body = [max(cands, key=lambda i: n_words(lines[i]))]
    first, last = body[0], body[-1]
    line0 = lines[first].rstrip()
    if (
        first == cands[0]
        and len(body) > 1
        and n_words(line0) <= 20
        and not line0.endswith((".", "…"))
    ):
        body = body[1:]  # a headline that ends with "؟" or "!" is still the title
        first = body[0]
    for i in cands:
        if first <= i <= last:
            labels[i] = LineLabel("body")
        elif i > last:
            labels[i] = LineLabel("furniture", "after_body")
    # before the body: the title is the nearest headline-like line above the first paragraph
    before = [i for i in cands if i < first]
    title = None
    for i in reversed(before):
        n = n_words(lines[i])
        if 5 <= n <= 30 and not lines[i].rstrip().endswith((".", "…")):
            title = i
            break
    for i in before:
        if i == title:
            labels[i] = LineLabel("title")
        elif n_words(lines[i]) < 5:
            labels[i] = LineLabel("furniture", "caption")
        else:
            labels[i] = LineLabel("furniture", "before_body")
