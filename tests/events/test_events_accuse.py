"""ACCUSE pass (issue 12): blame with a long subject and object before "مسؤولية"
(``blame.py``), two adjacent names of two persons as two actors (``arguments``). The
sentences are invented for these tests and read with the shipped linker and the rules."""

from __future__ import annotations

import pytest
from shipped_linker import Summary, summary

from rasad.entities.linker import Linker


def _summary(linker: Linker, text: str) -> set[Summary]:
    return summary(linker, text, asserted=True)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "حمّلت وزارة الخارجية التركية، في بيان صدر مساء الأحد، الحكومة اليونانية مسؤولية"
            " التوتر على الحدود.",
            ("ACCUSE", ("TUR",), ("GRC",)),
        ),
        (
            "وحمّل الرئيس جو بايدن دونالد ترامب، الرئيس الأمريكي السابق، مسؤولية أحداث"
            " الشغب في العاصمة.",
            ("ACCUSE", ("USA",), ("USA",)),
        ),
    ],
)
def test_far_blame(shipped: Linker, text: str, want: Summary) -> None:
    assert want in _summary(shipped, text)


@pytest.mark.parametrize(
    "text",
    [
        # "حمل" (carried) with a responsibility named in another clause, past فيما
        "وحمل المتظاهرون الأعلام التركية أمام السفارة، فيما أكدت الحكومة اليونانية مسؤولية"
        " الشرطة عن الأمن.",
        # past a verb of saying
        "حمل وزير الخارجية التركي رسالة من أردوغان إلى الرئيس الإيراني، وأكد مسؤولية البلدين"
        " عن أمن المنطقة.",
        # a responsibility after a preposition is no second object
        "حملت طائرة عسكرية روسية مساعدات طبية إلى حلب تحت مسؤولية الحكومة السورية.",
    ],
)
def test_carrying_is_no_blame(shipped: Linker, text: str) -> None:
    got = _summary(shipped, text)
    assert not any(t == "ACCUSE" for t, _, _ in got), got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # an actor as the subject of a negative judgement, after a colon
        (
            'وقال المتحدث باسم الخارجية الصينية في مؤتمر صحفي: "قادة الولايات المتحدة'
            ' عاجزون عن فهم مصالح المنطقة".',
            ("ACCUSE", ("CHN",), ("USA",)),
        ),
        # an act noun whose agent follows a link word
        (
            "قالت وزارة الخارجية الإيرانية إن الحزمة الأخيرة من العقوبات التي فرضها الاتحاد"
            " الأوروبي على طهران ستفاقم التوتر في المنطقة.",
            ("ACCUSE", ("IRN",), ("EU",)),
        ),
        # an act noun with its agent's nisba, judged unlawful
        (
            "وقالت الخارجية التركية إن القصف اليوناني قرب الجزيرة عمل غير قانوني.",
            ("ACCUSE", ("TUR",), ("GRC",)),
        ),
    ],
)
def test_reported_judgement_of_the_subject(shipped: Linker, text: str, want: Summary) -> None:
    assert want in _summary(shipped, text)


@pytest.mark.parametrize(
    "text",
    [
        # no agent: the sanctions judged are nobody's here; the UN is what they contradict
        "قالت الرئاسة الفلسطينية إن العقوبات غير قانونية وتخالف قرارات مجلس الأمن الدولي.",
        # the state named is the victim
        "قال وزير الخارجية التركي إن اليونان تعرضت لانتهاك غير مقبول لمجالها الجوي.",
        # the subject's own view, not the speaker's
        "قال المتحدث باسم الخارجية الفرنسية إن روسيا تعتبر العقوبات غير قانونية.",
        # negated
        "قال وزير الخارجية التركي إن القصف اليوناني ليس انتهاكا للاتفاق.",
        # a news outlet is no speaker
        "قالت وكالة رويترز إن القصف الإسرائيلي عمل غير قانوني بحسب خبراء.",
    ],
)
def test_no_judgement_of_another(shipped: Linker, text: str) -> None:
    got = _summary(shipped, text)
    assert not any(t == "ACCUSE" for t, _, _ in got), got


def test_a_statement_of_a_ministry_condemns_the_incident(shipped: Linker) -> None:
    # "بيان لوزارة الدفاع": the ministry (of the state the page names) speaks; the object is
    # not looked for past "وقال إن ..."
    got = _summary(
        shipped,
        "أطلقت قوات الأمن العراقية النار على محتجين في البصرة جنوب العراق فأصابت العشرات."
        " وأدان بيان لوزارة الدفاع الحادث وقال إن الجيش العراقي سيحاسب المسؤولين.",
    )
    assert ("ACCUSE", ("IRQ",), ("IRQ",)) in got


def test_an_object_announced_by_another_stays_the_object(shipped: Linker) -> None:
    # "ما أعلنته X": a speech verb with no و is inside the object
    got = _summary(shipped, "رفضت الحكومة الأردنية ما أعلنته إسرائيل من إجراءات على الحدود.")
    assert ("REJECT", ("JOR",), ("ISR",)) in got


@pytest.mark.parametrize(
    "text",
    [
        "أدانت المملكة العربية السعودية بشدة التفجير الانتحاري على فندق في العاصمة الصومالية"
        " مقديشو.",
        "أدانت مصر اليوم الاعتداء الإرهابي الذي استهدف كنيسة في مدينة نيس الفرنسية.",
    ],
)
def test_the_condemner_is_not_the_attacker(shipped: Linker, text: str) -> None:
    # VSO: the stance's subject right after its verb does not do the act it condemns
    got = _summary(shipped, text)
    assert not any(t == "ASSAULT" for t, _, _ in got), got


def test_a_foreign_condemnation_of_an_attack_within_one_state(shipped: Linker) -> None:
    # the attack is told as one inside Turkey (TUR → TUR); Egypt condemns it and stands
    # "مع تركيا": Turkey is neither the attacker nor the one condemned
    got = _summary(
        shipped,
        "أعربت عواصم عدة عن إدانتها الهجوم الذي نفذه مسلحون على مقر لوزارة الداخلية التركية في"
        " أنقرة أمس. وقالت الخارجية المصرية إنها تدين الهجوم، وتعرب عن تضامنها الكامل مع"
        " تركيا.",
    )
    assert ("ACCUSE", ("EGY",), ("TUR",)) not in got
