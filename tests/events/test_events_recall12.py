"""Mechanisms of the recall12 pass (issue 12): an indefinite act noun whose indefinite nisba
adjective names the attacker ("غارات جوية إسرائيلية"، "قصف تركي"), not the state attacked.
A vote verb whose tail comes after a long list of voters ("صوتت X و Y و Z ضد القرار")
still votes against the resolution of the body named before it. The sentences are invented
for these tests and read with the shipped linker and the event rules."""

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
    lookups = _kb_lookups(None)  # an international body's code (UN) from the knowledge base
    kb_code, kb_body = lookups if lookups is not None else (None, None)
    return {
        (e.type, tuple(e.source.countries), tuple(e.target.countries))
        for e in extract_events(doc, kb_code=kb_code, kb_body=kb_body)
    }


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # the ministry speaking is the one attacked, not the attacker
        (
            "وأعلنت وزارة الداخلية السورية إغلاق الطريق بعد غارات جوية إسرائيلية أصابت الجسر.",
            ("ASSAULT", ("SYR",), ("ISR",)),
        ),
        (
            "وقالت الحكومة العراقية إن هجمات تركية أصابت قرية في الشمال.",
            ("ASSAULT", ("IRQ",), ("TUR",)),
        ),
    ],
)
def test_an_indefinite_nisba_after_an_attack_noun_is_not_the_target(
    shipped: Linker, text: str, wrong: Summary
) -> None:
    assert wrong not in _summary(shipped, text)


def test_the_indefinite_nisba_is_the_attacker(shipped: Linker) -> None:
    got = _summary(shipped, "قالت وزارة الخارجية السورية إن غارة إسرائيلية أصابت مطار دمشق.")
    assert ("ASSAULT", ("ISR",), ("SYR",)) in got
    assert ("ASSAULT", ("SYR",), ("ISR",)) not in got


def test_a_country_name_after_an_attack_noun_is_not_read_as_an_adjective(
    shipped: Linker,
) -> None:
    # "هجوم تركيا": the name (Turkey's attack or an attack on it), never an indefinite nisba
    got = _summary(shipped, "ودانت الحكومة العراقية هجوم تركيا على قرى في الشمال.")
    assert ("ASSAULT", ("IRQ",), ("TUR",)) not in got


def test_a_vote_against_after_a_long_list_of_voters(shipped: Linker) -> None:
    text = (
        "وعقدت الجمعية العامة للأمم المتحدة جلسة طارئة، وصوتت إيران وسوريا وكوريا الشمالية "
        "ونيكاراغوا ضد القرار."
    )
    rejects = [e for e in _summary(shipped, text) if e[0] == "REJECT"]
    assert rejects
    assert all(e[2] == ("UN",) and "IRN" in e[1] and "NIC" in e[1] for e in rejects)
