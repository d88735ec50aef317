"""Joint mediation (mediation.py): partners named after "المشتركة مع" / "بالتعاون مع" are
mediators too; the verbal noun التوسط takes the actors right before it; a mediation that is
what someone backs ("في دعم جهود الوساطة") is not theirs. The sentences are invented for these
tests and read with the stub linker of ``test_events``."""

from __future__ import annotations

import pytest
from test_events import events_of


def _mediations(text: str) -> set[tuple[frozenset[str], frozenset[str]]]:
    return {
        (frozenset(e.source.countries), frozenset(e.target.countries))
        for e in events_of(text)
        if e.type == "CONSULT" and e.mode == "third-party"
    }


_SIDES = frozenset({"RUS", "UKR"})


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت تركيا نجاح الوساطة المشتركة مع السعودية بين روسيا وأوكرانيا.",
        "وأكدت تركيا استمرار الوساطة بالتعاون مع السعودية بين روسيا وأوكرانيا.",
        "وتواصل تركيا والسعودية التوسط بين روسيا وأوكرانيا لإنهاء الحرب.",
    ],
)
def test_partners_of_a_joint_mediation_mediate(text: str) -> None:
    assert (frozenset({"TUR", "SAU"}), _SIDES) in _mediations(text)


def test_backing_a_mediation_is_not_mediating() -> None:
    text = "وثمنت تركيا الجهود التي بذلتها السعودية في دعم جهود الوساطة بين روسيا وأوكرانيا."
    assert not {m for m in _mediations(text) if "SAU" in m[0]}


def test_talks_through_a_mediator_are_no_meeting_of_the_sides() -> None:
    page = (
        "تبادلت روسيا وأوكرانيا الاتهامات بخرق الهدنة.\n"
        "وتم التوصل إلى الاتفاق عقب جولات من المحادثات بوساطة تركية.\n"
    )
    got = {
        (e.mode, frozenset(e.source.countries + e.target.countries))
        for e in events_of(page)
        if e.type == "CONSULT"
    }
    assert not {g for g in got if g[0] != "third-party" and g[1] == _SIDES}


def test_talks_welcomed_on_the_speakers_soil_are_hosted() -> None:
    # أنطاليا is a city of Turkey: Turkey welcomes talks it hosts between two other states
    text = "ورحبت تركيا اليوم باستئناف المحادثات بين روسيا وأوكرانيا في أنطاليا."
    assert (frozenset({"TUR"}), _SIDES) in _mediations(text)


def test_talks_welcomed_elsewhere_are_not_hosted() -> None:
    text = "ورحبت تركيا اليوم باستئناف المحادثات بين روسيا وأوكرانيا في بغداد."
    assert not {m for m in _mediations(text) if "TUR" in m[0]}


def test_welcome_of_a_joint_mediation_backs_every_mediator_but_oneself() -> None:
    text = "وأعربت تركيا عن ترحيبها بما نجحت به الوساطة الأمريكية الأرمينية التركية."
    got = {
        (tuple(e.source.countries), frozenset(e.target.countries))
        for e in events_of(text)
        if e.type == "SUPPORT"
    }
    assert (("TUR",), frozenset({"USA", "ARM"})) in got
