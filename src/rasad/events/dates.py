"""Date expressions in Arabic news and their resolution against the publication date.

``find_dates(norm)`` finds date expressions in folded text (``rasad.arabic.fold``: hamza
forms folded, ة → ه, ى → ي, Arabic-Indic digits → ASCII) and returns ``DateExpr`` objects with
a ``key`` that compares expressions without a publication date ("rel:-1" for أمس, "wd:3" for
الخميس, "md:11-26" for 26 نوفمبر, "abs:2021-03-05"). ``resolve(expr, published)`` turns an
expression into a calendar value:

- a day: ``YYYY-MM-DD`` (اليوم، أمس، أول أمس، غدا، بعد غد، weekdays, قبل يومين, 12 يناير, explicit
  dates in either month-name system or digits);
- a week: ISO week ``YYYY-Www`` (الأسبوع الماضي/المقبل، هذا الأسبوع، بداية الأسبوع);
- a month: ``YYYY-MM`` (الشهر الماضي، في مارس الماضي، مارس 2021);
- a year: ``YYYY`` (العام الماضي، عام 2021).

A weekday or a day-and-month without a year is the most recent one on or before the publication
date for a past-tense report, and the next one on or after it when ``future=True``. Without a
publication date, relative expressions resolve to None (explicit dates with a year still
resolve).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..arabic import AMBIGUOUS_MONTHS as _AMBIGUOUS_MONTHS
from ..arabic import MONTHS as _MONTHS
from ..arabic import fold

__all__ = ["DateExpr", "find_dates", "may_hold_dates", "resolve", "resolve_text"]


_WEEKDAYS: dict[str, int] = {
    "الاثنين": 0,
    "الإثنين": 0,
    "الثلاثاء": 1,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}

_NUMBER_WORDS: dict[str, int] = {
    "واحد": 1,
    "اثنين": 2,
    "ثلاثه": 3,
    "ثلاث": 3,
    "اربعه": 4,
    "اربع": 4,
    "خمسه": 5,
    "خمس": 5,
    "سته": 6,
    "ست": 6,
    "سبعه": 7,
    "سبع": 7,
    "ثمانيه": 8,
    "ثماني": 8,
    "تسعه": 9,
    "تسع": 9,
    "عشره": 10,
    "عشر": 10,
}
_UNITS: dict[str, tuple[str, int]] = {
    # spelling -> (unit, implied count; 0 = needs a number)
    "يوم": ("day", 1),
    "ايام": ("day", 0),
    "يومين": ("day", 2),
    "اسبوع": ("week", 1),
    "اسابيع": ("week", 0),
    "اسبوعين": ("week", 2),
    "شهر": ("month", 1),
    "اشهر": ("month", 0),
    "شهور": ("month", 0),
    "شهرين": ("month", 2),
    "عام": ("year", 1),
    "اعوام": ("year", 0),
    "عامين": ("year", 2),
    "سنه": ("year", 1),
    "سنوات": ("year", 0),
    "سنتين": ("year", 2),
}


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date expression found in folded text: ``norm[start:end]`` and its comparison key."""

    start: int
    end: int
    text: str
    key: str


def _alt(words: list[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_MONTH_ALT = _alt(list(_MONTHS))
_WD_ALT = _alt(list(_WEEKDAYS))
_NUM_ALT = _alt(list(_NUMBER_WORDS))
_UNIT_ALT = _alt(list(_UNITS))
_B = r"(?<![\w\u0621-\u064a])"  # word start (folded Arabic or \w)
_E = r"(?![\w\u0621-\u064a])"  # word end
_CLITIC = r"(?:[وف]?[بل]?)"  # glued conjunction / preposition (kept out of the text)
_SUFFIX_PAST = r"(?:\s+(?P<past>الماضي|الماضيه|المنصرم|المنصرمه|الفائت|السابق))"
_SUFFIX_NEXT = r"(?:\s+(?P<next>المقبل|المقبله|القادم|القادمه))"

_PATTERNS: list[tuple[str, str]] = [
    # explicit numeric dates
    ("ymd", r"(?P<y>(?:19|20)\d\d)[/.\-](?P<m>\d{1,2})[/.\-](?P<d>\d{1,2})"),
    ("dmy", r"(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>(?:19|20)\d\d)"),
    # 26 نوفمبر (تشرين الثاني) 2021, في ال26 من شهر نوفمبر, يوم 5 مارس 2021
    (
        "dm",
        r"(?:(?:يوم|في)\s+)?(?:ال\s*)?(?P<d>[0-3]?\d)\s+(?:من\s+)?(?:شهر\s+)?"
        r"(?P<mon>"
        + _MONTH_ALT
        + r")"
        + _E
        + r"(?:\s*\((?:"
        + _MONTH_ALT
        + r")\))?(?:\s*(?:عام\s+|سنه\s+)?(?P<y>(?:19|20)\d\d))?",
    ),
    # نوفمبر 2021 / في مارس الماضي / شهر مارس
    (
        "my",
        r"(?:(?P<lead>في|خلال|منذ|شهر)\s+)?(?P<mon>"
        + _MONTH_ALT
        + r")"
        + _E
        + r"(?:\s*\((?:"
        + _MONTH_ALT
        + r")\))?"
        r"(?:\s*(?:عام\s+|سنه\s+)?(?P<y>(?:19|20)\d\d)|"
        + _SUFFIX_PAST
        + "|"
        + _SUFFIX_NEXT
        + r")?",
    ),
    # relative days
    (
        "rel",
        r"(?P<rel>اول\s+من\s+امس|اول\s+امس|امس\s+الاول|بعد\s+غد|غدا|الامس|امس|اليوم"
        r"|البارحه|الليله\s+الماضيه)(?:\s+(?P<wd>" + _WD_ALT + r"))?",
    ),
    # قبل يومين / منذ ثلاثه ايام / قبل 3 اسابيع / بعد اسبوع; not "بعد يومين من اعتقال ..."
    # (counted from another event, not from the publication date)
    (
        "ago",
        r"(?P<dir>قبل|منذ|بعد)\s+(?:(?P<n>\d{1,3}|" + _NUM_ALT + r")\s+)?"
        r"(?P<unit>" + _UNIT_ALT + r")" + _E + r"(?!\s+(?:من(?!\s+دون)|علي)(?:\s|$))",
    ),
    # الاسبوع الماضي / الشهر المقبل / العام الماضي / هذا الاسبوع / بدايه الاسبوع
    (
        "period",
        r"(?:(?P<this>هذا|هذه|مطلع|بدايه|اوائل|نهايه|اواخر|منتصف)\s+)?"
        r"(?P<per>الاسبوع|الشهر|العام|السنه)"
        r"(?:"
        + _SUFFIX_PAST
        + "|"
        + _SUFFIX_NEXT
        + r"|\s+(?P<cur>الحالي|الحاليه|الجاري|الجاريه))?",
    ),
    # (يوم) الخميس (الماضي|المقبل)
    (
        "wd",
        r"(?:يوم\s+)?(?P<wd>"
        + _WD_ALT
        + r")"
        + _E
        + r"(?:"
        + _SUFFIX_PAST
        + "|"
        + _SUFFIX_NEXT
        + r")?",
    ),
    # عام 2021
    ("year", r"(?:عام|سنه|العام)\s+(?P<y>(?:19|20)\d\d)"),
]

# One alternation whose inner groups are anonymous; the matched alternative is then re-parsed
# with its own pattern to read the named parts. The word-start test comes once before the
# alternation, and ``_matches`` tries it only at the words that may start a date.
_RX = re.compile(
    _B
    + "(?:"
    + "|".join(
        f"(?P<_{name}>{_CLITIC}{re.sub(r'[(][?]P<[a-z]+>', '(?:', rx)}{_E})"
        for name, rx in _PATTERNS
    )
    + ")"
)
_SUB = {name: re.compile(rx + _E) for name, rx in _PATTERNS}

#: The words one of which every match of ``_RX`` holds, without its glued clitic (``_CLITIC``):
#: a month (the first word of a two-word name), a weekday, a relative day, the head of "قبل
#: يومين", a period. The other patterns hold a digit.
_KEY_WORDS = frozenset(
    [m.split()[0] for m in _MONTHS]
    + list(_WEEKDAYS)
    + ["امس", "الامس", "غد", "غدا", "اليوم", "البارحه", "الليله"]
    + ["قبل", "منذ", "بعد", "الاسبوع", "الشهر", "العام", "السنه"]
)
_CLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
#: a digit, or a character that the extractor's words (``lexicon._TOKEN``: \w, U+0621-U+064A,
#: U+066E-U+06D3) hold but ``_B``/``_E`` do not count as a letter (a word of ``_RX`` may then
#: be part of such a word: the check gives way)
_JOINERS = "".join(
    ch for ch in map(chr, range(0x066E, 0x06D4)) if not re.match(r"[\w\u0621-\u064a]", ch)
)
_DIGIT_OR_JOINER = re.compile(r"\d" + (f"|[{re.escape(_JOINERS)}]" if _JOINERS else ""))
#: word → whether it may hold a date (``_date_word``), kept per word
_DATE_WORDS: dict[str, bool] = {}


def _date_word(word: str) -> bool:
    if _DIGIT_OR_JOINER.search(word):
        return True
    return any(word.startswith(c) and word[len(c) :] in _KEY_WORDS for c in _CLITICS)


def may_hold_dates(words: Iterable[str]) -> bool:
    """False when ``find_dates`` on the text of these words (all the words of a folded text, as
    ``lexicon.tokenize`` cuts them) finds nothing for sure: every date expression holds a
    digit or one of a few words (a month, a weekday, أمس، قبل، الأسبوع ...) with at most a glued
    و/ف and ب/ل. A cheap look-up per word, before the regular expressions."""
    known = _DATE_WORDS
    for word in words:
        found = known.get(word)
        if found is None:
            found = _date_word(word)
            if len(known) < 200_000:
                known[word] = found
        if found:
            return True
    return False


def _number(token: str | None) -> int:
    if token is None:
        return 1
    if token.isdigit():
        return int(token)
    return _NUMBER_WORDS.get(token, 1)


def _key(kind: str, m: re.Match[str]) -> str | None:
    g = m.groupdict()
    if kind in ("ymd", "dmy"):
        return f"abs:{int(g['y']):04d}-{int(g['m']):02d}-{int(g['d']):02d}"
    if kind == "dm":
        mon = _MONTHS[re.sub(r"\s+", " ", g["mon"])]
        day = int(g["d"])
        if not 1 <= day <= 31:
            return None
        if g.get("y"):
            return f"abs:{int(g['y']):04d}-{mon:02d}-{day:02d}"
        return f"md:{mon:02d}-{day:02d}"
    if kind == "my":
        name = re.sub(r"\s+", " ", g["mon"])
        mon = _MONTHS[name]
        if g.get("y"):
            return f"ym:{int(g['y']):04d}-{mon:02d}"
        if name in _AMBIGUOUS_MONTHS and not (g.get("past") or g.get("next")):
            return None
        if not (g.get("lead") or g.get("past") or g.get("next")):
            return None
        return f"mon:{mon:02d}:" + ("past" if g.get("past") else "next" if g.get("next") else "")
    if kind == "rel":
        rel = re.sub(r"\s+", " ", g["rel"])
        offset = {
            "اليوم": 0,
            "امس": -1,
            "البارحه": -1,
            "الامس": -1,
            "الليله الماضيه": -1,
            "غدا": 1,
            "بعد غد": 2,
        }.get(rel, -2)
        return f"rel:{offset}"
    if kind == "ago":
        unit, implied = _UNITS[g["unit"]]
        n = _number(g.get("n")) if g.get("n") else (implied or 1)
        sign = 1 if g["dir"] == "بعد" else -1
        return f"ago:{unit}:{sign * n}"
    if kind == "period":
        per = {"الاسبوع": "week", "الشهر": "month", "العام": "year", "السنه": "year"}[g["per"]]
        if g.get("past"):
            return f"per:{per}:-1"
        if g.get("next"):
            return f"per:{per}:1"
        if g.get("this") or g.get("cur"):
            return f"per:{per}:0"
        return None  # bare "الشهر" / "العام" is not a date
    if kind == "wd":
        wd = _WEEKDAYS[g["wd"]]
        side = "past" if g.get("past") else "next" if g.get("next") else ""
        return f"wd:{wd}:{side}"
    if kind == "year":
        return f"y:{int(g['y']):04d}"
    return None


#: The first word of every pattern without its glued clitic, besides a number ("26"، "ال26")
_START_WORDS = frozenset(
    [m.split()[0] for m in _MONTHS]
    + list(_WEEKDAYS)
    + ["يوم", "في", "خلال", "منذ", "شهر", "قبل", "بعد", "عام", "سنه", "العام"]
    + ["اول", "امس", "غدا", "الامس", "اليوم", "البارحه", "الليله"]
    + ["هذا", "هذه", "مطلع", "بدايه", "اوائل", "نهايه", "اواخر", "منتصف"]
    + ["الاسبوع", "الشهر", "السنه"]
)
#: a word as ``_B`` and ``_E`` delimit it: every match of ``_RX`` starts at one
_WORD = re.compile(r"[\w\u0621-\u064a]+")
#: word → whether a date expression may start with it (``_starts``), kept per word
_STARTS: dict[str, bool] = {}


def _starts(word: str) -> bool:
    for c in _CLITICS:
        if not word.startswith(c) or len(word) == len(c):
            continue
        rest = word[len(c) :]
        if (
            rest in _START_WORDS
            or rest[0].isdecimal()
            or (rest.startswith("ال") and (len(rest) == 2 or rest[2].isdecimal()))
        ):
            return True
    return False


def _matches(norm: str) -> Iterator[re.Match[str]]:
    """The matches of ``_RX`` in ``norm``, as ``_RX.finditer`` finds them: tried only where a
    word that may start a date begins (the regular expression alone tests every position)."""
    known = _STARTS
    end = 0
    for w in _WORD.finditer(norm):
        p = w.start()
        if p < end:
            continue
        word = w.group()
        may = known.get(word)
        if may is None:
            may = _starts(word)
            if len(known) < 200_000:
                known[word] = may
        if may and (m := _RX.match(norm, p)) is not None:
            end = m.end()
            yield m


def find_dates(norm: str) -> list[DateExpr]:
    """Date expressions in folded text, left to right, non-overlapping."""
    out: list[DateExpr] = []
    for m in _matches(norm):
        kind = (m.lastgroup or "_")[1:]
        sub = None
        for skip in range(3):  # step over a glued clitic (وبداية الأسبوع، والأربعاء)
            sub = _SUB[kind].fullmatch(norm, m.start() + skip, m.end())
            if sub is not None:
                break
        if sub is None:
            continue
        key = _key(kind, sub)
        if key is None:
            continue
        start, end = sub.start(), sub.end()
        out.append(DateExpr(start, end, norm[start:end], key))
    return out


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _add_months(d: date, n: int) -> tuple[int, int]:
    k = d.year * 12 + (d.month - 1) + n
    return k // 12, k % 12 + 1


def _valid(y: int, m: int, d: int) -> date | None:
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _resolve_key(key: str, published: str | None, future: bool) -> str | None:
    kind, _, rest = key.partition(":")
    if kind == "abs":
        y, m, d = (int(x) for x in rest.split("-"))
        found = _valid(y, m, d)
        return found.isoformat() if found else None
    if kind == "ym":
        return rest
    if kind == "y":
        return rest
    if published is None:
        return None
    try:
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return None
    if kind == "rel":
        return (pub + timedelta(days=int(rest))).isoformat()
    if kind == "wd":
        wd_s, _, side = rest.partition(":")
        delta = (pub.weekday() - int(wd_s)) % 7
        if side == "next" or (future and side != "past"):
            ahead = (int(wd_s) - pub.weekday()) % 7
            if side == "next" and ahead == 0:
                ahead = 7
            return (pub + timedelta(days=ahead)).isoformat()
        if side == "past" and delta == 0:
            delta = 7
        return (pub - timedelta(days=delta)).isoformat()
    if kind == "md":
        m, d = (int(x) for x in rest.split("-"))
        for year in (pub.year, pub.year + 1) if future else (pub.year, pub.year - 1):
            found = _valid(year, m, d)
            if found is None:
                continue
            if (future and found >= pub) or (not future and found <= pub):
                return found.isoformat()
        return None
    if kind == "mon":
        m_s, _, side = rest.partition(":")
        m = int(m_s)
        if side == "next" or (future and side != "past"):
            year = pub.year if m > pub.month or (m == pub.month and not side) else pub.year + 1
        else:
            year = pub.year if m < pub.month or (m == pub.month and not side) else pub.year - 1
        return f"{year:04d}-{m:02d}"
    if kind == "ago":
        unit, _, n_s = rest.partition(":")
        n = int(n_s)
        if unit == "day":
            return (pub + timedelta(days=n)).isoformat()
        if unit == "week":
            return (pub + timedelta(days=7 * n)).isoformat()
        if unit == "month":
            y, m = _add_months(pub, n)
            return f"{y:04d}-{m:02d}"
        return f"{pub.year + n:04d}"
    if kind == "per":
        unit, _, n_s = rest.partition(":")
        n = int(n_s)
        if unit == "week":
            return _iso_week(pub + timedelta(days=7 * n))
        if unit == "month":
            y, m = _add_months(pub, n)
            return f"{y:04d}-{m:02d}"
        return f"{pub.year + n:04d}"
    return None


def resolve(expr: DateExpr, published: str | None, *, future: bool = False) -> str | None:
    """The calendar value of ``expr`` (see the module docstring), or None."""
    return _resolve_key(expr.key, published, future)


def resolve_text(text: str, published: str | None, *, future: bool = False) -> str | None:
    """Resolve the first date expression in (unfolded) ``text``; None if there is none."""
    found = find_dates(fold(text))
    return resolve(found[0], published, future=future) if found else None
