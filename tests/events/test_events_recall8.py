"""Recall mechanisms of the recall8 pass (issue 12): the agent after a material act's verbal
noun ("هجوم X على Y", "فرض X عقوبات على Y"). The sentences are invented for these tests and
read with the stub linker of ``test_events``."""

from __future__ import annotations

import pytest
from test_events import events_of

Summary = tuple[str, tuple[str, ...], tuple[str, ...]]


def _summary(text: str) -> set[Summary]:
    return {(e.type, tuple(e.source.countries), tuple(e.target.countries)) for e in events_of(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the state after the act noun, followed by a target preposition, is the agent
        ("وندد ماكرون بهجوم روسيا الأخير على أوكرانيا.", ("ASSAULT", ("RUS",), ("UKR",))),
        ("واستنكرت السعودية اعتداء تركيا على سوريا.", ("ASSAULT", ("TUR",), ("SYR",))),
        # a verbal noun head split from its object noun by the agent
        (
            "وانتقد بلينكن فرض تركيا عقوبات جديدة على إيران.",
            ("SANCTION", ("TUR",), ("IRN",)),
        ),
    ],
)
def test_agent_after_an_act_noun(text: str, expected: Summary) -> None:
    got = _summary(text)
    assert expected in got
    # the one who condemns is not the act's source
    assert not {e for e in got if e[0] == expected[0] and e[1] != expected[1]}
    # ... and a stance verb before the act condemns its agent, not its victim
    stances = {e for e in got if e[0] == "ACCUSE"}
    assert all(e[2] == expected[1] for e in stances)


def test_over_a_period_is_no_target() -> None:
    # "على مدى": no target preposition, so the state stays the object of the condemnation
    got = _summary("واستنكرت السعودية هجوم روسيا على مدى أيام.")
    assert ("ASSAULT", ("RUS",), ("SAU",)) not in got


@pytest.mark.parametrize(
    "text",
    [
        # the bare object of a verb of telling is the partner of the call; the pair after the
        # topic ("ببدء ... بين X و Y") is what the call is about
        "وأبلغ أردوغان وزير الخارجية الروسي خلال اتصال هاتفي ببدء ترسيم الحدود"
        " بين أوكرانيا وسوريا.",
        "وهنأ أردوغان الرئيس الروسي خلال اتصال هاتفي بفوزه في الانتخابات.",
    ],
)
def test_object_of_a_verb_of_telling_is_the_partner_of_the_call(text: str) -> None:
    got = _summary(text)
    assert ("CONSULT", ("TUR",), ("RUS",)) in got
    assert not {e for e in got if e[0] == "CONSULT" and "UKR" in e[1] + e[2]}


def test_thanks_for_a_role_in_talks_is_no_call() -> None:
    got = _summary("وشكر ماكرون تركيا على دورها في تسهيل المحادثات.")
    assert ("CONSULT", ("FRA",), ("TUR",)) not in got


@pytest.mark.parametrize(
    "first",
    [
        "اجتمع المجلس الاستشاري التابع لحلف الناتو يوم الاثنين لبحث الحرب في أوكرانيا.",
        "عقدت لجنة الشؤون الأمنية في الناتو اجتماعا يوم الاثنين.",
    ],
)
def test_a_body_named_again_by_its_head_noun(first: str) -> None:
    head = "المجلس" if "المجلس" in first else "اللجنة"
    text = f"{first} وأدانت {head} القصف الروسي على المدن الأوكرانية."
    got = {
        (e.type, e.source.entity, tuple(e.target.countries))
        for e in events_of(text)
        if e.type == "ACCUSE"
    }
    assert ("ACCUSE", "org:nato", ("RUS",)) in got


def test_a_head_noun_with_nothing_remembered_stays_unread() -> None:
    got = _summary("وأدان المجلس القصف الروسي على المدن الأوكرانية.")
    assert not {e for e in got if e[0] == "ACCUSE" and e[1]}


def test_an_allegation_with_a_noun_subject_in_reported_speech() -> None:
    # the noun's agent is accused; the body whose resolution is violated is not
    got = _summary("وقال المتحدث الإيراني إن العقوبات الأمريكية تنتهك قرار الناتو.")
    assert ("ACCUSE", ("IRN",), ("USA",)) in got
    assert not {e for e in got if "NATO" in e[1] + e[2]}
    assert not {
        e for e in _summary("وقال المتحدث الإيراني إن الخطوة تنتهك ميثاق الناتو.") if "NATO" in e[2]
    }
    # an actor subject is still the accused
    assert ("ACCUSE", ("IRN",), ("TUR",)) in _summary(
        "وقال المتحدث الإيراني إن تركيا تنتهك قرار الناتو."
    )


@pytest.mark.parametrize("issued", ["صادر عن", "صادرعن"])
def test_a_statement_issued_by_a_body_is_no_seizure(issued: str) -> None:
    # "صادر عن" is "issued by" (the issuer speaks), not "confiscated"
    got = _summary(f"ودعا بيان {issued} الرئاسة التركية إلى وقف القصف الروسي على أوكرانيا.")
    assert ("REQUEST", ("TUR",), ("UKR",)) in got
    assert not {e for e in got if e[0] == "COERCE"}


@pytest.mark.parametrize(
    "text",
    [
        "وأعرب ماكرون عن رفض فرنسا للاتفاقية التي وقعتها روسيا مع إيران.",
        "ورفض ماكرون الاتفاق بين روسيا وإيران.",
    ],
)
def test_rejecting_a_deal_made_by_others_disapproves_of_its_first_party(text: str) -> None:
    got = _summary(text)
    assert ("ACCUSE", ("FRA",), ("RUS",)) in got
    assert not {e for e in got if e[0] == "REJECT"}


def test_rejecting_a_deal_offered_is_a_rejection() -> None:
    got = _summary("ورفضت تركيا الاتفاق الذي اقترحته روسيا.")
    assert ("REJECT", ("TUR",), ("RUS",)) in got
    assert ("REJECT", ("TUR",), ("RUS",)) in _summary("ورفضت تركيا الاتفاق مع روسيا.")


def test_dual_attack_nouns_are_triggers() -> None:
    got = _summary("أعلنت إيران أن طائرات تركية شنت غارتين على سوريا.")
    assert ("ASSAULT", ("TUR",), ("SYR",)) in got


def test_an_adjective_between_a_clash_and_its_sides() -> None:
    text = (
        "اندلعت اشتباكات عنيفة بين روسيا وأوكرانيا يوم الأحد. "
        "ودعا أردوغان الجانبين إلى وقف فوري لإطلاق النار."
    )
    got = _summary(text)
    assert ("ASSAULT", ("RUS",), ("UKR",)) in got
    # the two sides are the last pair of fighting sides
    assert ("REQUEST", ("TUR",), ("RUS", "UKR")) in got
