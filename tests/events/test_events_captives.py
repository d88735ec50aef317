"""Captives recovered or handed over (captives.py, frames ``recover`` and ``handover``). The
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
        # recovered from the captivity of the other side, named by its nisba
        "وقالت روسيا إنها استعادت أربعين من جنودها من الأسر التركي بعد مفاوضات.",
        # handed over to the side named right after the noun
        "وأعلنت أنقرة تسليم الجانب الروسي أربعين من الأسرى.",
    ],
)
def test_captives_recovered_or_handed_over(text: str) -> None:
    assert (("TUR",), ("RUS",)) in _releases(text)


def test_handover_of_captives_to_a_go_between_goes_to_their_state() -> None:
    # the captives' nationality names the receiver; the giver is the other side of the pair
    page = (
        "واندلعت اشتباكات عنيفة بين روسيا وتركيا على الحدود.\n"
        "وبدأت مساء اليوم عملية تسليم عشرة محتجزين أتراك إلى الصليب الأحمر.\n"
    )
    assert (("RUS",), ("TUR",)) in _releases(page)


@pytest.mark.parametrize(
    "text",
    [
        "وأعلنت روسيا استعادة السيطرة على بلدة قرب الحدود مع تركيا.",
        "وأكدت تركيا تسليم السلطة إلى حكومة جديدة بعد الانتخابات في سوريا.",
    ],
)
def test_recovery_or_handover_without_captives_is_no_release(text: str) -> None:
    assert not _releases(text)


def test_swap_told_with_a_pronoun_is_two_releases() -> None:
    # those swapped are the people named by their nationality before the noun
    text = "وعاد الأمريكيين الخمسة إلى بلدهم بعد مبادلتهم بخمسة صحفيين أتراك أمس."
    got = _releases(text)
    assert (("USA",), ("TUR",)) in got
    assert (("TUR",), ("USA",)) in got
