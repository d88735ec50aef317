"""Mechanisms of the support pass: gratitude told with a noun or an adjective of thanks
("أعرب عن شكره لـ"، "وجه الشكر إلى"، "إنه ممتن لـ"), and a state governed by the preposition
of a praise, welcome or condemnation verb ("أشاد بقطر"، "ندد بإسرائيل"), which is its object
and not a place. The sentences are invented for these tests and read with the shipped linker
and the event rules."""

from __future__ import annotations

import pytest
from shipped_linker import Summary, summary

from rasad.entities.linker import Linker


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "وأعرب وزير الخارجية الإيطالي عن شكره للمغرب على تعاونه.",
            ("SUPPORT", ("ITA",), ("MAR",)),
        ),
        ("وعبرت الحكومة اليابانية عن شكرها للهند.", ("SUPPORT", ("JPN",), ("IND",))),
        ("وقدم رئيس الوزراء الباكستاني الشكر للصين على مساعدتها.", ("SUPPORT", ("PAK",), ("CHN",))),
        ("ووجه الرئيس الفرنسي شكره إلى إثيوبيا وأوغندا.", ("SUPPORT", ("FRA",), ("ETH", "UGA"))),
        (
            "ووجهت الخارجية الهولندية، مساء الخميس، الشكر إلى كل من ألمانيا وبلجيكا.",
            ("SUPPORT", ("NLD",), ("DEU", "BEL")),
        ),
        ("وتوجه الرئيس التونسي بالشكر للجزائر.", ("SUPPORT", ("TUN",), ("DZA",))),
        ("وقال رئيس الوزراء الكندي إنه ممتن للنرويج على وساطتها.", ("SUPPORT", ("CAN",), ("NOR",))),
        (
            'وقال الرئيس البرازيلي: "نحن ممتنون للأرجنتين وتشيلي".',
            ("SUPPORT", ("BRA",), ("ARG", "CHL")),
        ),
        ("وقالت الحكومة الإسبانية إنها ممتنة للبرتغال.", ("SUPPORT", ("ESP",), ("PRT",))),
        (
            "ورحب الوزير الإيطالي بالاتفاق، شاكرا اليونان على جهودها.",
            ("SUPPORT", ("ITA",), ("GRC",)),
        ),
    ],
)
def test_gratitude_is_support_for_the_thanked(shipped: Linker, text: str, event: Summary) -> None:
    assert event in summary(shipped, text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("وأشاد رئيس الوزراء الهندي باليابان.", ("SUPPORT", ("IND",), ("JPN",))),
        ("وأشاد الرئيس الفرنسي بإثيوبيا وأوغندا لدورهما.", ("SUPPORT", ("FRA",), ("ETH", "UGA"))),
        # a name shaped like a nisba, after a definite adjective, is the name with ب on it
        ("وأشاد وزير الخارجية الألماني بالسعودية على جهودها.", ("SUPPORT", ("DEU",), ("SAU",))),
        ("ورحبت إيطاليا بالمغرب شريكا.", ("SUPPORT", ("ITA",), ("MAR",))),
        ("ونددت كندا بروسيا.", ("ACCUSE", ("CAN",), ("RUS",))),
        # a monarch's title keeps the state an actor, and joins the states after it
        ("وأشاد الرئيس الفرنسي بأمير الكويت وملك البحرين.", ("SUPPORT", ("FRA",), ("KWT", "BHR"))),
    ],
)
def test_a_state_governed_by_the_praise_verb_is_its_object(
    shipped: Linker, text: str, event: Summary
) -> None:
    assert event in summary(shipped, text)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a city after ب is where it happens, not the one praised
        ("ورحب الوزير الهندي بالقاهرة بالاتفاق.", ("SUPPORT", ("IND",), ("EGY",))),
        # a state after a new clause is not the object
        ("وأشاد الوزير الهندي بالاتفاق فيما نددت باكستان بالهند.", ("SUPPORT", ("IND",), ("PAK",))),
    ],
)
def test_no_governed_object(shipped: Linker, text: str, wrong: Summary) -> None:
    assert wrong not in summary(shipped, text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("وأكدت الحكومة النرويجية تضامنها مع الدنمارك.", ("SUPPORT", ("NOR",), ("DNK",))),
        (
            "وجددت وزارة الخارجية التونسية تضامنها الكامل مع الجزائر.",
            ("SUPPORT", ("TUN",), ("DZA",)),
        ),
        (
            "وأعربت الحكومة اليابانية عن تعازيها وتضامنها مع إندونيسيا والفلبين.",
            ("SUPPORT", ("JPN",), ("IDN", "PHL")),
        ),
    ],
)
def test_solidarity_with_its_pronoun(shipped: Linker, text: str, event: Summary) -> None:
    assert event in summary(shipped, text)


def test_solidarity_without_a_pronoun_names_nobody(shipped: Linker) -> None:
    # "فيما يقولون إنه تضامن مع": the bare noun tells no one who stands with
    found = summary(shipped, "وتقول الجماعة إن هجماتها على السفن تضامن مع لبنان.")
    assert not any(t == "SUPPORT" for t, _, _ in found)
