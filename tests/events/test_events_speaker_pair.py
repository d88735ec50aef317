"""A dual verb whose pair is the speaker and another ("أعلنت X أنها وY اتفقتا"، "إن بلاده وY
وقعتا"، "إنه ونظيره Y اتفقا") or the speakers ("أعلنت X وY أنهما اتفقتا"): speaker_pair.py.
The sentences are invented for these tests."""

from __future__ import annotations

import pytest

from rasad.doc import Doc
from rasad.entities.linker import Linker, Resources
from rasad.events.extractor import extract_events
from rasad.stages.events import _kb_lookups

Summary = tuple[str, tuple[str, ...], tuple[str, ...]]


@pytest.fixture(scope="module")
def shipped() -> Linker:
    return Linker(Resources.shared())


def _summary(linker: Linker, text: str) -> set[Summary]:
    doc = Doc(source="test")
    doc.set_text(text)
    linker.link(doc)
    lookups = _kb_lookups(None)
    kb_code, kb_body = lookups if lookups is not None else (None, None)
    return {
        (e.type, tuple(e.source.countries), tuple(e.target.countries))
        for e in extract_events(doc, kb_code=kb_code, kb_body=kb_body)
    }


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
    assert event in _summary(shipped, text)


def test_no_pair_without_the_speaker_pronoun(shipped: Linker) -> None:
    # "أن X وY اتفقتا": the pair is named, the speaker is not one of them
    found = _summary(shipped, "وأعلنت البرتغال أن إسبانيا وفرنسا اتفقتا على تنسيق المواقف.")
    assert ("AGREE", ("ESP",), ("FRA",)) in found
    assert not any(s == ("PRT",) for _, s, _ in found)
