"""A dual verb whose pair is the speaker and another ("أعلنت X أنها وY اتفقتا"، "إن بلاده وY
وقعتا"، "إنه ونظيره Y اتفقا") or the speakers ("أعلنت X وY أنهما اتفقتا"): speaker_pair.py.
The sentences are invented for these tests."""

from __future__ import annotations

import pytest
from shipped_linker import Summary, summary

from rasad.entities.linker import Linker


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("وأعلنت البرتغال أنها وإسبانيا اتفقتا على تنسيق المواقف.", ("AGREE", ("PRT",), ("ESP",))),
        (
            "وقال رئيس الوزراء الياباني إن بلاده والهند وقعتا اتفاقية.",
            ("AGREE", ("JPN",), ("IND",)),
        ),
        (
            "وقال وزير الخارجية الكندي إنه ونظيره المكسيكي اتفقا على تعزيز التعاون.",
            ("AGREE", ("CAN",), ("MEX",)),
        ),
        ("وأعلنت النمسا والمجر أنهما اتفقتا على فتح الحدود.", ("AGREE", ("AUT",), ("HUN",))),
        ("وأعلنت تونس أنها والجزائر بحثتا سبل التعاون.", ("CONSULT", ("TUN",), ("DZA",))),
    ],
)
def test_speaker_and_another_as_the_pair(shipped: Linker, text: str, event: Summary) -> None:
    assert event in summary(shipped, text)


def test_no_pair_without_the_speaker_pronoun(shipped: Linker) -> None:
    # "أن X وY اتفقتا": the pair is named, the speaker is not one of them
    found = summary(shipped, "وأعلنت البرتغال أن إسبانيا وفرنسا اتفقتا على تنسيق المواقف.")
    assert ("AGREE", ("ESP",), ("FRA",)) in found
    assert not any(s == ("PRT",) for _, s, _ in found)
