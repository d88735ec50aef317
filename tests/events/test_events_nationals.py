"""Foreign nationals acted on (nationals.py): diplomats expelled take their own state as the
target, whatever other state the sentence names ("طردت X دبلوماسيين روسا"، "أعلنت X القائم
بالأعمال Y شخصا غير مرغوب فيه"), and people detained take their nationality as the target
("اعتقلت X مواطنين Y"), not the arresting state. The sentences are invented for these tests
and read with the shipped linker and the event rules."""

from __future__ import annotations

import pytest
from shipped_linker import Summary, summary

from rasad.entities.linker import Linker


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # an accusative broken plural the linker does not know
        ("طردت هولندا دبلوماسيين روسا من سفارتهم في لاهاي.", ("SANCTION", ("NLD",), ("RUS",))),
        # the diplomats' state, not the state named after "في"
        (
            "طردت السويد دبلوماسيين روسا ردا على حادث وقع في فنلندا.",
            ("SANCTION", ("SWE",), ("RUS",)),
        ),
        # persona non grata, told after its object: the declarer, not the envoy's nisba
        (
            "أعلنت كولومبيا القائم بالأعمال الإسرائيلي شخصا غير مرغوب فيه.",
            ("SANCTION", ("COL",), ("ISR",)),
        ),
        (
            "أعلنت الحكومة الإستونية ثلاثة دبلوماسيين روس أشخاصا غير مرغوب فيهم.",
            ("SANCTION", ("EST",), ("RUS",)),
        ),
    ],
)
def test_expelled_diplomats_target_their_own_state(
    shipped: Linker, text: str, want: Summary
) -> None:
    got = summary(shipped, text)
    assert want in got
    assert not any(t == "SANCTION" and w != want[2] for t, _, w in got)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("اعتقلت إيران مواطنين بريطانيين بتهمة التخابر.", ("COERCE", ("IRN",), ("GBR",))),
        (
            "أوقفت السلطات الروسية صحفيا أمريكيا في مدينة قازان.",
            ("COERCE", ("RUS",), ("USA",)),
        ),
        ("احتجزت الصين باحثا يابانيا في بكين.", ("COERCE", ("CHN",), ("JPN",))),
        # the nationality right after the verb's tail is the one held, not the subject
        (
            "أعلنت السلطات الإيرانية أنها ألقت القبض على صحفي فرنسي قرب الحدود.",
            ("COERCE", ("IRN",), ("FRA",)),
        ),
    ],
)
def test_detained_foreigners_are_the_target(shipped: Linker, text: str, want: Summary) -> None:
    got = summary(shipped, text)
    assert want in got
    assert (want[0], want[1], want[1]) not in got


def test_own_nationals_and_unnamed_people_stay_at_home(shipped: Linker) -> None:
    got = summary(shipped, "اعتقلت الشرطة المصرية ناشطين في الإسكندرية.")
    assert ("COERCE", ("EGY",), ("EGY",)) in got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a count word before a sound plural nationality: the people of that state
        ("احتجزت الشرطة المجرية سبعة عراقيين قرب الحدود.", ("COERCE", ("HUN",), ("IRQ",))),
        # a broken plural from the knowledge base
        ("اعتقلت السلطات البلغارية خمسة أتراك قرب الحدود.", ("COERCE", ("BGR",), ("TUR",))),
        # right after the noun of an arrest
        ("أعلنت الشرطة النمساوية اعتقال مغاربة في فيينا.", ("COERCE", ("AUT",), ("MAR",))),
        # a sound plural right after the noun: people, not an indefinite adjective (its agent)
        ("أعلنت الشرطة اليونانية توقيف جزائريين في أثينا.", ("COERCE", ("GRC",), ("DZA",))),
        # a masculine sound plural after a feminine verb is its object, not its subject
        ("قالت بولندا إنها اعتقلت بيلاروسيين اثنين.", ("COERCE", ("POL",), ("BLR",))),
        # two groups joined by "و" and a count
        (
            "احتجزت الشرطة القبرصية ثلاثة مصريين وأربعة سودانيين.",
            ("COERCE", ("CYP",), ("EGY", "SDN")),
        ),
    ],
)
def test_plural_nationality_alone_is_the_people_held(
    shipped: Linker, text: str, want: Summary
) -> None:
    got = summary(shipped, text)
    assert want in got
    assert (want[0], want[1], want[1]) not in got


def test_plural_nationality_after_an_arrest_noun_and_a_count(shipped: Linker) -> None:
    got = summary(shipped, "أعلنت الشرطة الهولندية اعتقال أربعة ألمان في روتردام.")
    assert ("COERCE", ("NLD",), ("DEU",)) in got


def test_plural_nationality_qualifying_a_noun_is_no_extra_reading(shipped: Linker) -> None:
    # "المواطنين المصريين": the adjective of a people noun (read as before), and an arrest
    # with no nationality stays at home
    got = summary(shipped, "اعتقلت الشرطة الليبية المواطنين المصريين في بنغازي.")
    assert ("COERCE", ("LBY",), ("LBY",)) in got or ("COERCE", ("LBY",), ("EGY",)) in got
    got = summary(shipped, "اعتقلت الشرطة الأردنية خمسة أشخاص في عمان.")
    assert ("COERCE", ("JOR",), ("JOR",)) in got


def test_counted_singular_nationality_after_digits(shipped: Linker) -> None:
    # Arabic counts eleven and more with a singular noun
    got = summary(shipped, "احتجزت السلطات الماليزية 120 إندونيسي في كوالالمبور.")
    assert ("COERCE", ("MYS",), ("IDN",)) in got


@pytest.mark.parametrize(
    "text",
    [
        "تحدث الوسطاء عن مزيد من الرهائن الإسرائيليين في غزة.",
        "يترقب الوسطاء إطلاق مزيد من الرهائن الإسرائيليين.",
    ],
)
def test_people_after_an_act_noun_are_not_its_agent(shipped: Linker, text: str) -> None:
    """A plural of people right after the noun agrees with people, not with the act: it is
    not the act's agent, so the hostages' state does not hold its own people."""
    assert not {s for s in summary(shipped, text) if s[1] == s[2]}
