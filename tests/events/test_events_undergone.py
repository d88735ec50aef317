"""Acts undergone with their agent named ("تعرضت مدينة X لقصف إسرائيلي"): the subject of the
verb of undergoing is the target, the act noun after "لـ" names the attacker (undergone.py).
The sentences are invented for these tests and read with the shipped linker and the rules."""

from __future__ import annotations

from shipped_linker import summary

from rasad.entities.linker import Linker


def test_a_city_subjected_to_an_indefinite_bombardment(shipped: Linker) -> None:
    got = summary(shipped, "وتعرضت مدينة الموصل لقصف تركي عنيف مساء أمس.")
    assert ("ASSAULT", ("TUR",), ("IRQ",)) in got
    assert not any(e[1] == ("IRQ",) for e in got)


def test_a_place_named_after_the_thing_attacked(shipped: Linker) -> None:
    got = summary(shipped, "تعرض مستودع في ضواحي خاركيف لغارة روسية فجر اليوم.")
    assert ("ASSAULT", ("RUS",), ("UKR",)) in got


def test_the_state_of_the_thing_attacked_before_its_place(shipped: Linker) -> None:
    # an American base in Iraq: the base's state is the one attacked
    got = summary(shipped, "وتعرضت قاعدة أمريكية في العراق لهجوم صاروخي شنته فصائل إيرانية.")
    assert ("ASSAULT", ("IRN",), ("USA",)) in got
    assert not any(e[0] == "ASSAULT" and e[2] == ("IRQ",) for e in got)


def test_the_agent_named_by_min_qibal(shipped: Linker) -> None:
    got = summary(shipped, "وتعرضت بلدات في جنوب سوريا لقصف مدفعي من قبل الجيش الأردني.")
    assert ("ASSAULT", ("JOR",), ("SYR",)) in got


def test_a_definite_act_with_its_nisba(shipped: Linker) -> None:
    got = summary(shipped, "وقال مسؤول ليبي إن مدينة سرت تعرضت للقصف المصري.")
    assert ("ASSAULT", ("EGY",), ("LBY",)) in got


def test_the_speaker_of_a_clause_of_his_own_is_the_target(shipped: Linker) -> None:
    got = summary(shipped, "وقالت أرمينيا إنها تعرضت لهجوم أذربيجاني على حدودها.")
    assert ("ASSAULT", ("AZE",), ("ARM",)) in got


def test_a_place_of_the_attackers_own_state_gives_no_event(shipped: Linker) -> None:
    got = summary(shipped, "وتعرضت مدينة كورسك الروسية لقصف روسي بالخطأ.")
    assert not any(e[0] == "ASSAULT" for e in got)


def test_a_target_of_no_state_gives_no_event(shipped: Linker) -> None:
    got = summary(shipped, "وتعرضت الناقلة لهجوم إيراني قرب المضيق.")
    assert not any(e[0] == "ASSAULT" for e in got)


def test_one_exposed_of_no_state_after_the_verb(shipped: Linker) -> None:
    # "تعرّض" here is "expose": those exposed are named and of no state, not the country
    # before the verb
    text = "وحذر مسؤول من أن أي شحنة تمر عبر الأراضي الروسية قد تعرض الشركات لعقوبات بريطانية."
    got = summary(shipped, text)
    assert not any(e[0] == "SANCTION" and e[2] == ("RUS",) for e in got)


def test_the_agent_after_min_closing_the_nouns_phrase(shipped: Linker) -> None:
    got = summary(shipped, "وقال المحافظ إن مدينة سومي تعرضت لقصف عنيف من المدفعية الروسية.")
    assert ("ASSAULT", ("RUS",), ("UKR",)) in got


def test_a_stance_on_an_act_undergone_is_aimed_at_its_agent(shipped: Linker) -> None:
    got = summary(shipped, "وأدانت قطر تعرض مدينة خان يونس لقصف إسرائيلي عنيف.")
    assert ("ACCUSE", ("QAT",), ("ISR",)) in got
    assert ("ACCUSE", ("QAT",), ("PSE",)) not in got


def test_a_stance_by_a_preposition_on_an_act_undergone(shipped: Linker) -> None:
    got = summary(shipped, "ونددت الخارجية الكويتية بتعرض مدرسة في رفح لغارة إسرائيلية.")
    assert ("ACCUSE", ("KWT",), ("ISR",)) in got


def test_the_speakers_own_forces_opening_the_clause(shipped: Linker) -> None:
    got = summary(shipped, "وقالت وزارة الدفاع الأذربيجانية إن قواتها تعرضت لقصف أرميني.")
    assert ("ASSAULT", ("ARM",), ("AZE",)) in got


def test_the_launcher_of_the_weapon_is_the_agent(shipped: Linker) -> None:
    got = summary(shipped, "وتعرضت سفينة يونانية لهجوم بطائرة مسيرة أطلقها الحوثيون.")
    assert ("ASSAULT", ("YEM",), ("GRC",)) in got
