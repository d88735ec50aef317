"""Plural nationality words (kb/peoples.py): sound plurals of a -ي nisba and the
knowledge base's broken plurals are plurals of people; ethnic names and singulars are not."""

from __future__ import annotations

import pytest

from rasad.arabic import fold
from rasad.kb.peoples import broken_plurals, is_people_plural


@pytest.mark.parametrize(
    "word", ["سوريين", "السوريون", "أميركيين", "لبنانيات", "أتراك", "الأتراك", "روس", "الأفغان"]
)
def test_peoples_plurals(word: str) -> None:
    assert is_people_plural(fold(word))


@pytest.mark.parametrize("word", ["سوري", "السورية", "روسي", "عرب", "أكراد", "التركمان"])
def test_peoples_not_plurals(word: str) -> None:
    assert not is_people_plural(fold(word))


def test_peoples_broken_plurals_name_one_state() -> None:
    table = broken_plurals()
    assert table[fold("أتراك")] == "TUR"
    assert table[fold("ألمان")] == "DEU"
    assert fold("تركمان") not in table  # data/ethnic_plurals.txt
