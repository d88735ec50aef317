"""An agentless act noun opening the speaker's "إن" clause (reported_topic.py): the speaker
reports the blast, it did not set it off. The sentences are invented for these tests and read
with the stub linker of ``test_events``."""

from __future__ import annotations

import pytest
from stub_linker import Pair, Stub, pairs, stub_events

_STUB: Stub = {
    "وزارة الخارجية المصرية": ("org:mfa-egy", "Ministry of Foreign Affairs", "ORG", "EGY"),
    "وزارة الخارجية التركية": ("org:mfa-tur", "Ministry of Foreign Affairs", "ORG", "TUR"),
    "الجيش الإسرائيلي": ("org:idf", "Israel Defense Forces", "ORG", "ISR"),
    "كابول": ("gpe:kabul", "Kabul", "GPE", "AFG"),
    "العراق": ("gpe:IRQ", "Iraq", "GPE", "IRQ"),
    "لبنان": ("gpe:LBN", "Lebanon", "GPE", "LBN"),
}


def _assaults(text: str) -> set[Pair]:
    return pairs(stub_events(text, _STUB), "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        # the blast damaged the speaker's own embassy abroad
        "وقالت وزارة الخارجية المصرية في بيان إن الانفجار أصاب مبنى سفارتها في كابول.",
        # the attack opens the clause and its verb follows
        "وأعلنت وزارة الخارجية التركية أن الهجوم استهدف مقر قنصليتها في العراق.",
    ],
)
def test_speaker_is_no_attacker_of_an_agentless_act(text: str) -> None:
    found = _assaults(text)
    assert not any(src in {("EGY",), ("TUR",)} for src, _ in found), found


def test_named_agent_of_the_speaker_is_kept() -> None:
    # the possessive names the agent: the army's own raids
    text = "وقال الجيش الإسرائيلي إن غاراته استهدفت مواقع في جنوب لبنان."
    assert (("ISR",), ("LBN",)) in _assaults(text)
