"""Support received ("تحظى بدعم X"): the backer follows the verb, the one backed stands before
it, and an act noun before it does not reach past it for its target. Invented sentences."""

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
        ("وقال الوزير إن اليونان تحظى بدعم إيطاليا.", ("SUPPORT", ("ITA",), ("GRC",))),
        ("وقالت الحكومة الكندية إنها تحظى بدعم اليابان.", ("SUPPORT", ("JPN",), ("CAN",))),
        ("وأكد أن الخطة الفرنسية حظيت بتأييد ألمانيا.", ("SUPPORT", ("DEU",), ("FRA",))),
    ],
)
def test_support_received(shipped: Linker, text: str, event: Summary) -> None:
    assert event in _summary(shipped, text)


def test_the_backer_is_not_struck(shipped: Linker) -> None:
    found = _summary(shipped, "وقال إن الغارات الفرنسية حظيت بدعم إيطاليا.")
    assert ("ASSAULT", ("FRA",), ("ITA",)) not in found
    assert ("SUPPORT", ("ITA",), ("FRA",)) in found


def test_nothing_named_is_backed(shipped: Linker) -> None:
    found = _summary(shipped, "وأوضح أن الغارات ضد المسلحين حظيت بدعم إيطاليا.")
    assert not any(t == "SUPPORT" for t, _, _ in found)
