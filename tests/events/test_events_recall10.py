"""Recall mechanisms of the recall10 pass (issue 12): a talk with a partner named after "مع"
("تحدث X مع Y"). The sentences are invented for these tests and read with the stub linker of
``test_events``."""

from __future__ import annotations

import pytest
from test_events import events_of

Summary = tuple[str, tuple[str, ...], tuple[str, ...]]


def _summary(text: str) -> set[Summary]:
    return {(e.type, tuple(e.source.countries), tuple(e.target.countries)) for e in events_of(text)}


def _consult_pairs(text: str) -> set[frozenset[str]]:
    return {frozenset(e[1] + e[2]) for e in _summary(text) if e[0] == "CONSULT"}


@pytest.mark.parametrize(
    "text",
    [
        "وتحدث وزير الخارجية التركي أمس مع نظيره الروسي حول الأزمة.",
        "وتحدث الرئيس الروسي الخميس مع نظيره التركي بشأن الحبوب.",
    ],
)
def test_talk_with_a_partner_is_a_consultation(text: str) -> None:
    assert frozenset({"TUR", "RUS"}) in _consult_pairs(text)


@pytest.mark.parametrize(
    "text",
    [
        # "تحدث عن" right after the verb: a topic, not a partner (reports that spoke of ...)
        "وكانت صحف تركية تحدثت عن خلاف مع روسيا.",
        # "تحدث لـ": an interview, not a talk between states
        "وتحدث وزير الخارجية التركي لوكالة روسية عن الحرب.",
    ],
)
def test_talk_about_or_to_is_no_consultation(text: str) -> None:
    assert frozenset({"TUR", "RUS"}) not in _consult_pairs(text)


# an invented page: talks between two states, then a truce of an earlier year told as history
_STORY = (
    "التقى الرئيس الروسي نظيره التركي في موسكو.\n"
    "وفي مارس 2019 تم التوصل إلى اتفاق لوقف إطلاق النار بوساطة قطر.\n"
)


def test_background_month_of_a_past_year_borrows_no_pair() -> None:
    got = {
        (e.type, frozenset(e.source.countries + e.target.countries))
        for e in events_of(_STORY, published="2023-05-02")
    }
    assert ("CONSULT", frozenset({"RUS", "TUR"})) in got
    # the truce of 2019 is not an agreement (or a ceasefire) of the pair of the talks
    assert not {g for g in got if g[0] in ("AGREE", "RETREAT") and g[1] == {"RUS", "TUR"}}


def test_past_month_with_its_own_sides_is_kept() -> None:
    text = "وكانت روسيا قد قطعت علاقاتها مع تركيا في مارس 2019.\n"
    got = {
        (e.type, frozenset(e.source.countries + e.target.countries))
        for e in events_of(text, published="2023-05-02")
    }
    assert any(g[1] == {"RUS", "TUR"} for g in got)
