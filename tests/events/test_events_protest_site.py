"""A protest held before a foreign mission ("تظاهر محتجون أمام السفارة X في Y") is a protest
by the people of the place aimed at the mission's state (protest_site.py). The sentences are
invented for these tests and read with the shipped linker and the rules."""

from __future__ import annotations

from shipped_linker import summary

from rasad.entities.linker import Linker


def test_protest_before_an_embassy_targets_its_state(shipped: Linker) -> None:
    got = summary(shipped, "وتظاهر مئات الطلاب أمام السفارة البريطانية في الخرطوم أمس.")
    protests = {e for e in got if e[0] == "PROTEST"}
    assert protests == {("PROTEST", ("SDN",), ("GBR",))}


def test_a_vigil_before_an_embassy_named_by_its_state(shipped: Linker) -> None:
    got = summary(shipped, "ونظمت نقابات وقفة احتجاجية أمام سفارة إيطاليا في تونس.")
    protests = {e for e in got if e[0] == "PROTEST"}
    assert protests == {("PROTEST", ("TUN",), ("ITA",))}


def test_a_link_word_between_the_site_and_the_mission(shipped: Linker) -> None:
    got = summary(shipped, "واحتشد محتجون أمام مقر القنصلية التركية في أربيل.")
    assert ("PROTEST", ("IRQ",), ("TUR",)) in got
    assert ("PROTEST", ("TUR",), ("TUR",)) not in got


def test_no_place_no_protest_by_the_missions_state(shipped: Linker) -> None:
    got = summary(shipped, "وتظاهر ناشطون أمام السفارة الصينية.")
    assert not any(e[0] == "PROTEST" and e[1] == ("CHN",) for e in got)


def test_the_mission_named_as_a_site_asks_for_nothing(shipped: Linker) -> None:
    # the crowd demands; the embassy before which it stands is no requester
    got = summary(
        shipped, "واعتصم العشرات أمام السفارة الروسية في بيروت مطالبين بوقف القصف على المدن."
    )
    assert not any(e[1] == ("RUS",) for e in got)
    assert ("PROTEST", ("LBN",), ("RUS",)) in got


def test_a_protest_at_home_stays_at_home(shipped: Linker) -> None:
    got = summary(shipped, "وتظاهر آلاف أمام مبنى البرلمان في بغداد احتجاجا على الفساد.")
    assert ("PROTEST", ("IRQ",), ("IRQ",)) in got
