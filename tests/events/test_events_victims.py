"""Victims named before the attack that struck them ("مقتل جنود X في هجوم Y"): the act's
agent attacks the victims' state, the victims are not the attacker (victims.py). The
sentences are invented for these tests and read with the shipped linker and the rules."""

from __future__ import annotations

from shipped_linker import summary

from rasad.entities.linker import Linker


def test_soldiers_with_their_nisba_before_an_indefinite_attack(shipped: Linker) -> None:
    got = summary(shipped, "وأعلن مسؤولون مقتل أربعة جنود أتراك في هجوم إيراني على موقع حدودي.")
    assert ("ASSAULT", ("IRN",), ("TUR",)) in got
    assert not any(e[0] == "ASSAULT" and e[1] == ("TUR",) for e in got)


def test_the_act_noun_carrying_bi(shipped: Linker) -> None:
    got = summary(shipped, "إصابة مواطنين أردنيين بقصف سوري على الحدود المشتركة.")
    assert ("ASSAULT", ("SYR",), ("JOR",)) in got


def test_bullets_of_a_named_army(shipped: Linker) -> None:
    got = summary(shipped, "استشهاد شابين فلسطينيين برصاص الجيش الإسرائيلي قرب نابلس.")
    assert ("ASSAULT", ("ISR",), ("PSE",)) in got


def test_bullets_of_no_state_give_nothing(shipped: Linker) -> None:
    # "رصاص" is read only after its victims, with its agent named
    got = summary(shipped, "أصيب شاب فلسطيني برصاص مجهولين قرب نابلس.")
    assert not any(e[0] == "ASSAULT" for e in got)


def test_the_victims_before_a_passive_verb(shipped: Linker) -> None:
    text = "وقال مسؤول محلي إن ستة مدنيين عراقيين قتلوا في ضربة جوية تركية قرب زاخو."
    got = summary(shipped, text)
    assert ("ASSAULT", ("TUR",), ("IRQ",)) in got
    assert not any(e[0] == "ASSAULT" and e[1] == ("IRQ",) for e in got)


def test_the_victims_after_a_passive_verb(shipped: Linker) -> None:
    got = summary(shipped, "قتل ثلاثة مواطنين أفغان جراء قصف باكستاني على ولاية خوست.")
    assert ("ASSAULT", ("PAK",), ("AFG",)) in got


def test_the_killed_and_the_hurt_joined(shipped: Linker) -> None:
    # the speaker is not the one who kills: "بمقتل ... وإصابة ... في غارة Y"
    text = "أفادت السلطات السورية بمقتل ثلاثة مدنيين وإصابة آخرين في غارة إسرائيلية قرب حمص."
    got = summary(shipped, text)
    assert ("ASSAULT", ("ISR",), ("SYR",)) in got
    assert ("ASSAULT", ("SYR",), ("SYR",)) not in got


def test_the_agent_after_min_qibal(shipped: Linker) -> None:
    text = "إصابة أربعة صيادين لبنانيين في إطلاق نار من قبل البحرية الإسرائيلية."
    got = summary(shipped, text)
    assert ("ASSAULT", ("ISR",), ("LBN",)) in got


def test_an_agent_link_after_the_act(shipped: Linker) -> None:
    text = "وأسفر الهجوم عن سقوط قتلى سودانيين في غارة شنتها طائرات مسيرة إثيوبية."
    got = summary(shipped, text)
    assert ("ASSAULT", ("ETH",), ("SDN",)) in got


def test_victims_of_the_attackers_own_state_keep_todays_reading(shipped: Linker) -> None:
    got = summary(shipped, "مقتل جنود أوكرانيين في قصف أوكراني بالخطأ قرب خاركيف.")
    assert not any(e[0] == "ASSAULT" and e[1] != ("UKR",) for e in got)


def test_no_attacker_named_gives_no_attack_by_the_victims(shipped: Linker) -> None:
    got = summary(shipped, "مقتل جنود روس في هجوم على بلدة حدودية.")
    assert not any(e[0] == "ASSAULT" and e[1] == ("RUS",) for e in got)


def test_victims_and_the_place_of_a_third_state(shipped: Linker) -> None:
    # the advisers' state and the state of the city struck are both attacked
    got = summary(shipped, "مقتل ضباط أتراك بغارة روسية على مدينة إدلب فجر اليوم.")
    assert ("ASSAULT", ("RUS",), ("TUR",)) in got
    assert ("ASSAULT", ("RUS",), ("SYR",)) in got


def test_a_condemnation_of_the_killing_is_aimed_at_the_attacker(shipped: Linker) -> None:
    got = summary(shipped, "ونددت قطر بمقتل مدنيين سوريين في غارة روسية على إدلب.")
    assert ("ACCUSE", ("QAT",), ("RUS",)) in got
    assert ("ACCUSE", ("QAT",), ("SYR",)) not in got


def test_an_act_joined_to_the_one_after_the_link(shipped: Linker) -> None:
    text = "وأصيب صيادان مصريان إثر قصف وإطلاق نار من البحرية الليبية."
    got = summary(shipped, text)
    assert ("ASSAULT", ("LBY",), ("EGY",)) in got
    assert not any(e[0] == "ASSAULT" and e[1] == ("EGY",) for e in got)
