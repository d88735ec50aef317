"""Relief told as the arrival of a state's plane or convoy (relief_arrival.py). The sentences
are invented for these tests and read with a stub linker."""

from __future__ import annotations

from pathlib import Path

import pytest
from stub_linker import CLITICS, Pair, Stub, pairs, stub_events

from rasad.api import extract

_STUB: Stub = {
    "إماراتية": ("gpe:ARE", "United Arab Emirates", "GPE", "ARE"),
    "أردنية": ("gpe:JOR", "Jordan", "GPE", "JOR"),
    "الإمارات": ("gpe:ARE", "United Arab Emirates", "GPE", "ARE"),
    "بيلاروسيا": ("gpe:BLR", "Belarus", "GPE", "BLR"),
    "الكويت": ("gpe:KWT", "Kuwait", "GPE", "KWT"),
    "الجزائر": ("gpe:DZA", "Algeria", "GPE", "DZA"),
    "حلب": ("gpe:aleppo", "Aleppo", "GPE", "SYR"),
    "دمشق": ("gpe:damascus", "Damascus", "GPE", "SYR"),
    "بيروت": ("gpe:beirut", "Beirut", "GPE", "LBN"),
    "عمان": ("gpe:amman", "Amman", "GPE", "JOR"),
    "وزير الخارجية": ("role:fm", "Foreign Minister", "ROLE", None),
}


def _aid(text: str) -> set[Pair]:
    return pairs(stub_events(text, _STUB, (*CLITICS, "ال")), "AID")


@pytest.mark.parametrize(
    ("text", "sender", "to"),
    [
        # a nisba on the plane, one word of relief between
        ("هبطت في مطار بيروت مساء أمس طائرة مساعدات أردنية فيها أدوية وخيام.", "JOR", "LBN"),
        # "من" + the state right after the plane, the airport before it
        ("وصلت إلى مطار حلب ظهر اليوم طائرة من بيلاروسيا تحمل مساعدات للأسر.", "BLR", "SYR"),
    ],
)
def test_arrival_of_a_states_carrier_is_aid(text: str, sender: str, to: str) -> None:
    found = _aid(text)
    assert ((sender,), (to,)) in found, found
    assert ((to,), (sender,)) not in found


def test_each_state_of_a_list_sends() -> None:
    text = (
        "ووصلت صباح اليوم إلى مطار دمشق وحده خمس طائرات من الكويت والإمارات والجزائر "
        "تحمل مواد إغاثية للأسر."
    )
    found = _aid(text)
    assert {(("KWT",), ("SYR",)), (("ARE",), ("SYR",)), (("DZA",), ("SYR",))} <= found, found


@pytest.mark.parametrize(
    "text",
    [
        # a plane carrying a person is a trip
        "وصلت طائرة إماراتية تقل وزير الخارجية إلى مطار دمشق ظهر اليوم.",
        # a state's own plane at home
        "هبطت طائرة أردنية في مطار عمان بعد عطل فني أصاب أحد محركاتها.",
    ],
)
def test_no_relief_from_a_plane_of_a_person_or_at_home(text: str) -> None:
    assert not _aid(text)


def test_no_destination_written_falls_back_to_the_stricken_place(tmp_path: Path) -> None:
    # the carrier names its state but not where it lands: the stricken place of the page is
    # the recipient (relief.relief_sides), as for any relief carrier; through the pipeline
    page = tmp_path / "quake.txt"
    page.write_text(
        "دمشق - خلف الزلزال الذي ضرب مدينة حلب فجر اليوم عشرات الضحايا.\n"
        "ومن المقرر أن تصل بعد ساعة طائرة إماراتية تحمل 60 طنا من المساعدات الإنسانية.\n",
        encoding="utf-8",
    )
    (doc,) = extract([str(page)])
    got = {(tuple(e.source.countries), tuple(e.target.countries)) for e in doc.events}
    assert (("ARE",), ("SYR",)) in got
