"""Releases told by a verbal noun after a verb of announcing, by a verb whose subject stands
before it, or with the holder named after the released (release.py, frame ``release``). The
sentences are invented for these tests and read with the stub linker of ``test_events``."""

from __future__ import annotations

import pytest
from stub_linker import Pair, pairs
from test_events import events_of


def _releases(text: str) -> set[Pair]:
    return pairs(events_of(text), "RETREAT", "release")


@pytest.mark.parametrize(
    "text",
    [
        # the verbal noun after a verb of announcing: the released follow its tail bare
        "وأعلنت إيران الإفراج عن ثلاثة صحفيين أتراك.",
        "وأعلنت إيران اليوم إطلاق سراح ثلاثة صحفيين أتراك.",
        # the subject before the verb (SVO after إن): the actor after the tail is the released
        "وقال المتحدث إن إيران أطلقت سراح ثلاثة صحفيين أتراك.",
        # the speaker's own pronoun after أنها
        "وأعلنت إيران أنها أفرجت عن ثلاثة صحفيين أتراك.",
    ],
)
def test_release_forms(text: str) -> None:
    assert (("IRN",), ("TUR",)) in _releases(text)


def test_the_holder_named_after_the_released_frees_them() -> None:
    # the subject of the sentence is a mediator; the holder is named after "محتجزين لدى"
    text = "ويشمل الاتفاق الذي رعته إيران الإفراج عن خمسة صحفيين أتراك محتجزين لدى روسيا."
    got = _releases(text)
    assert (("RUS",), ("TUR",)) in got
    assert (("IRN",), ("TUR",)) not in got


def test_relative_release_keeps_its_subject_after_the_verb() -> None:
    # "الذين أفرجت عنهم X": X frees the head, not the other way round
    text = "ووصل الصحفي التركي الذي أفرجت عنه إيران إلى بلاده."
    assert (("TUR",), ("IRN",)) not in _releases(text)
