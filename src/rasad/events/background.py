"""Background clauses: what has been going on since some time is not a new event.

"يهاجم الحوثيون السفن منذ نوفمبر", "أجرت كييف وموسكو عمليات تبادل عدة منذ بداية الحرب": a
trigger whose clause goes on to "منذ" + a time tells what has been happening for a while,
not the occasion the article reports. Not when the act is the first (or the largest, the
last ...) since then ("أول تبادل للأسرى منذ خمسة أشهر", "أكبر عملية تبادل منذ بدء الحرب"),
after "منذ قليل" (a moment ago), or when it is negated ("لم يلتقيا منذ أشهر" is news). The
cue words are in ``data/cues.tsv`` (``since``, ``since_recent``, ``first``).

A trigger dated by a whole past year ("العام الماضي", "عام 2014", "في 2019": date keys
``per:year:-1`` and ``y:YYYY``) is history told for background ("الاتفاق الذي تم التوصل إليه
العام الماضي"), not the occasion reported: news is dated by a day, a week or a month. A
month of a year before the page's own ("وفي نوفمبر 2020 تم التوصل إلى اتفاق ..." on a page
of 2023, key ``ym:2020-11``) is history too, but history told with its own sides is kept
("قطعت السعودية علاقاتها مع إيران في يناير 2016"): only an event after such a month whose
side is borrowed from the context (no country of it named in the sentence) is dropped, for
it takes the pair of another occasion.
"""

from __future__ import annotations

from ..doc import Event
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Sentence

__all__: list[str] = []  # internal to the events package

_SINCE = cue("since")
_RECENT = cue("since_recent")
_FIRST = cue("first")
#: how many words after the trigger "منذ" may stand
_REACH = 10


def ongoing_since(hit: Hit, tokens: list[Token], ti: int, tj: int, norm: str) -> bool:
    """True when the trigger at words ``[hit.i, hit.j)`` of the sentence ``[ti, tj)`` is in a
    clause that goes on to "منذ" + a time (and is not "the first ... since")."""
    end = min(tj, hit.j + _REACH)
    if not any(tokens[k].text in _SINCE for k in range(hit.j, end)):
        return False  # the common case, checked cheaply first
    for k in range(hit.j, end):
        gap = norm[tokens[k - 1].end : tokens[k].start] if k > hit.j else ""
        if any(c in gap for c in "،,.:؛"):
            return False  # the clause ends first
        if tokens[k].text in _SINCE:
            nxt = tokens[k + 1].text if k + 1 < tj else ""
            return nxt not in _RECENT and not any(
                _first(tokens[m].text) for m in range(max(ti, hit.i - 3), k)
            )
    return False


def _first(word: str) -> bool:
    """أول، لأول، وأكبر ...: the first (largest, last) one since then."""
    return word in _FIRST or word.lstrip("وفل") in _FIRST


def past_year(key: str | None) -> bool:
    """True for the key of a date that names a past year as a whole (``find_dates``)."""
    return key is not None and (key.startswith("y:") or key == "per:year:-1")


def past_month(key: str | None, published: str | None) -> bool:
    """True for the key of a month of a year before the year of publication ("في نوفمبر
    2020" on a page of 2023: ``ym:2020-11``)."""
    if key is None or not key.startswith("ym:") or not published or not published[:4].isdigit():
        return False
    return key[3:7].isdigit() and int(key[3:7]) < int(published[:4])


def borrowed(event: Event, sent: _Sentence) -> bool:
    """True when a side of the event names no country of the sentence's own actors: it was
    taken from the context (the pair of the article's last occasion)."""
    named = {c for u in sent.units if u.is_actor for c in u.countries}
    return any(
        side.countries and not set(side.countries) & named
        for side in (event.source, event.target)
    )
