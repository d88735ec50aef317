"""Relief told by what is sent (relief.py, frame ``relief``): rescue teams, field hospitals,
an air bridge, planes and convoys carrying relief. The sentences are invented for these tests
and read with the stub linker of ``test_events``."""

from __future__ import annotations

import pytest
from stub_linker import Pair, pairs
from test_events import events_of


def _aid(text: str) -> set[Pair]:
    return pairs(events_of(text), "AID")


@pytest.mark.parametrize(
    "text",
    [
        # a rescue team sent, the destination after it
        "أعلنت روسيا إرسال فرق إنقاذ وأطباء إلى تركيا بعد الزلزال المدمر.",
        # an air bridge is a sending by itself
        "وأقامت روسيا جسرا جويا إلى تركيا لنقل الخيام والأغطية.",
        # a convoy with its agent after it and a stricken region of the state
        "وتحركت قافلة كبيرة للجيش الروسي إلى المناطق المنكوبة في تركيا بعد الفيضانات.",
    ],
)
def test_relief_sent_is_aid(text: str) -> None:
    assert (("RUS",), ("TUR",)) in _aid(text)


def test_relief_goes_to_the_stricken_state_of_the_page() -> None:
    # the destination is not written: the place of the disaster named just before
    page = (
        "ضرب زلزال عنيف عدة مدن في تركيا فجر اليوم.\n"
        "وأعلنت إيران عن إرسال طائرتين لنقل فريق إنقاذ وكلاب مدربة.\n"
    )
    assert (("IRN",), ("TUR",)) in _aid(page)


def test_relief_named_earlier_in_the_sentence() -> None:
    # the second sending of the sentence goes where the first went, not to the last place
    page = (
        "تسبب الزلزال في دمار واسع في تركيا.\n"
        "وأرسلت طهران طائرة إلى سوريا تحمل أدوية، كما أرسلت بعد ذلك فرق إنقاذ.\n"
    )
    got = _aid(page)
    assert (("IRN",), ("SYR",)) in got
    assert (("IRN",), ("TUR",)) not in got


@pytest.mark.parametrize(
    "text",
    [
        # a plane carrying a person is a trip, not relief
        "ووصلت بعد الزلزال طائرة تقل بوتين إلى أنقرة.",
        # a military convoy, with no relief and no disaster
        "ودخلت قافلة عسكرية تركية إلى سوريا أمس.",
        # rescue teams sent inside the stricken state
        "وأرسلت تركيا فرق إنقاذ إلى أنقرة بعد الزلزال.",
        # rescue teams at work, nothing sent
        "وتواصل فرق الإنقاذ في تركيا البحث عن ناجين بعد الزلزال.",
    ],
)
def test_no_relief_without_a_sending_to_another_state(text: str) -> None:
    assert not {a for a in _aid(text) if a[0] != a[1]}


def test_unknown_destination_takes_no_place_of_the_page() -> None:
    # the region is not known to the linker: no fallback to the state named before
    page = (
        "ضربت فيضانات قوية مدنا في سوريا الأسبوع الماضي.\n"
        "وأرسلت تركيا فرق إنقاذ إلى إقليم جبلي بعيد بعد الزلزال.\n"
    )
    assert (("TUR",), ("SYR",)) not in _aid(page)
