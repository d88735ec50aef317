"""Domestic events (both sides one state): fighting between two sides of one state, the calls
and condemnations of its own bodies, security forces and police named without their state,
charges against the organisers of unrest, riots at a state's own institution and arrests told
with "أوقف". The sentences are invented for these tests and read with the shipped linker and
the event rules (modules domestic.py, continuity.py, unrest.py, riot.py, arrest.py)."""

from __future__ import annotations

import pytest
from shipped_linker import summary

from rasad.entities.linker import Linker


def test_fighting_between_two_sides_of_one_state_is_its_own(shipped: Linker) -> None:
    # the place nearest the trigger is Tunis, but both sides named after "بين" are Libyan
    text = (
        "عاد المنفي من زيارة قصيرة إلى تونس، إلى طرابلس التي تعرف مواجهات مسلحة بين "
        "قوات تابعة لعبد الحميد الدبيبة وأخرى تابعة لفتحي باشاغا."
    )
    got = summary(shipped, text)
    assert ("ASSAULT", ("LBY",), ("LBY",)) in got
    assert not any(e[0] == "ASSAULT" and "TUN" in e[1] + e[2] for e in got)


def test_an_earlier_speaker_is_no_party_of_the_fighting(shipped: Linker) -> None:
    text = (
        "أبدى أنطونيو غوتيريش، الأمين العام للمنظمة الدولية، قلقه من تدهور الوضع.\n\n"
        "وارتفع عدد قتلى المعارك الدائرة في طرابلس بين كتائب تتبع عبد الحميد الدبيبة وكتائب "
        "تتبع فتحي باشاغا إلى عشرين."
    )
    got = summary(shipped, text)
    assert ("ASSAULT", ("LBY",), ("LBY",)) in got
    assert not any(e[0] == "ASSAULT" and "UN" in e[1] + e[2] for e in got)


def test_a_council_calls_and_condemns_fighting_at_home(shipped: Linker) -> None:
    # the truce word comes after a subject of three words; the condemnation that follows
    # has no subject of its own: the council goes on speaking
    text = (
        "تجددت الاشتباكات المسلحة في طرابلس بين قوات موالية لعبد الحميد الدبيبة وقوات "
        "موالية لفتحي باشاغا.\n\n"
        "ودعا المجلس الرئاسي الليبي إلى وقف الاشتباكات دون تأخير.\n\n"
        "وأدان الاشتباكات التي روعت سكان العاصمة."
    )
    got = summary(shipped, text)
    assert ("REQUEST", ("LBY",), ("LBY",)) in got
    assert ("ACCUSE", ("LBY",), ("LBY",)) in got


def test_a_reporting_verb_with_its_own_subject_does_not_inherit_the_speaker(
    shipped: Linker,
) -> None:
    text = (
        "وطالبت الخارجية العراقية أنقرة بسحب قواتها من شمال البلاد.\n\n"
        "وقالت وزارة الدفاع التركية إن طائراتها قصفت مواقع في جبال قنديل."
    )
    got = summary(shipped, text)
    assert ("ASSAULT", ("IRQ",), ("TUR",)) not in got


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("أطلق رجال الأمن النار على المحتجين في مدينة البصرة مساء أمس.", "IRQ"),
        ("وأطلقت قوات الأمن الإيرانية النار على تجمع للمحتجين قرب زاهدان.", "IRN"),
    ],
)
def test_security_forces_fire_at_home(shipped: Linker, text: str, state: str) -> None:
    got = {e for e in summary(shipped, text) if e[0] == "ASSAULT"}
    assert got == {("ASSAULT", (state,), (state,))}


def test_a_charge_of_seizing_power_against_organisers(shipped: Linker) -> None:
    text = (
        "وقالت السلطات في طشقند إن منظمي الاحتجاجات حاولوا الاستيلاء على السلطة في الإقليم "
        "قبل أن يعتقلوا."
    )
    assert ("ACCUSE", ("UZB",), ("UZB",)) in summary(shipped, text)


def test_seizing_power_told_as_history_is_no_charge(shipped: Linker) -> None:
    text = "وكان الجيش في النيجر قد أعلن الاستيلاء على السلطة بعد احتجاز الرئيس بازوم."
    assert not any(e[0] == "ACCUSE" for e in summary(shipped, text))


def test_organisers_of_protests_are_a_domestic_target(shipped: Linker) -> None:
    got = summary(shipped, "واتهم الرئيس الأوزبكي منظمي المسيرات بنشر الفوضى في البلاد.")
    assert ("ACCUSE", ("UZB",), ("UZB",)) in got


def test_organisers_of_a_summit_are_not(shipped: Linker) -> None:
    got = summary(shipped, "وشكر الرئيس التركي منظمي القمة على حسن الاستقبال.")
    assert not any(e[1] == e[2] == ("TUR",) for e in got)


def test_protesters_trying_to_storm_their_parliament_riot_at_home(shipped: Linker) -> None:
    text = (
        "ويحاول المتظاهرون الذين يرفعون رايات ناجورنو كاراباخ عند الظهر اقتحام مقر "
        "البرلمان الأرميني وسط هتافات غاضبة."
    )
    got = summary(shipped, text)
    assert ("PROTEST", ("ARM",), ("ARM",)) in got
    assert not any(e[0] == "ASSAULT" for e in got)


def test_storming_not_tried_by_protesters_is_no_event(shipped: Linker) -> None:
    text = "ألقت الشرطة التركية القبض على شبان أثناء محاولتهم اقتحام ساحة في إسطنبول."
    assert not any(e[0] in ("ASSAULT", "PROTEST") for e in summary(shipped, text))


def test_stopping_a_person_is_an_arrest(shipped: Linker) -> None:
    text = "أوقفت السلطات الإيرانية رجلا هاجم مكتبا حكوميا في طهران صباح الجمعة."
    assert ("COERCE", ("IRN",), ("IRN",)) in summary(shipped, text)


def test_stopping_flights_is_no_arrest(shipped: Linker) -> None:
    text = "أوقفت الحكومة الإيرانية رحلاتها الجوية إلى موسكو حتى إشعار آخر."
    assert not any(e[0] == "COERCE" for e in summary(shipped, text))


def test_a_ministry_statement_condemns_an_incident_at_home(shipped: Linker) -> None:
    # the statement speaks for the ministry named after it with ل; "الواقعة" is the
    # shooting told before, by forces of the ministry's own state
    text = (
        "أطلقت قوات الأمن النار مساء الأحد على شبان محتجين في مدينة الناصرية جنوب العراق.\n\n"
        "وأدان بيان لوزارة الدفاع الواقعة، مؤكدا أن العناصر المتورطين سيحالون إلى القضاء العراقي."
    )
    got = summary(shipped, text)
    assert ("ASSAULT", ("IRQ",), ("IRQ",)) in got
    assert ("ACCUSE", ("IRQ",), ("IRQ",)) in got


def test_a_statement_of_one_state_on_another_is_not_domestic(shipped: Linker) -> None:
    text = (
        "قصفت طائرات إسرائيلية مواقع قرب دمشق فجر الأحد.\n\n"
        "وأدان بيان لوزارة الخارجية السورية الاعتداء."
    )
    got = summary(shipped, text)
    assert ("ACCUSE", ("SYR",), ("SYR",)) not in got


def test_an_operation_against_a_group_past_the_place_named(shipped: Linker) -> None:
    text = (
        "وجاء ذلك بعد بدء تركيا عملية عسكرية برية واسعة في جبال قنديل العراقية ضد حزب "
        "العمال الكردستاني."
    )
    got = {e for e in summary(shipped, text) if e[0] == "ASSAULT"}
    assert ("ASSAULT", ("TUR",), ("TUR",)) in got
