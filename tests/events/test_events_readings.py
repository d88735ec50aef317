"""Three readings of real news prose: an indefinite act noun with the nationality adjective of
its agent ("قصفا أميركيا"، not the dual verb "they two bombed"), an expulsion with a gapped
second clause ("وX عددا": a second state that expels too, not the target), and police acting
on protesters (a domestic act, not an expulsion of diplomats). The sentences are invented for
these tests and read with the shipped linker and the event rules."""

from __future__ import annotations

from shipped_linker import summary

from rasad.entities.linker import Linker


def test_police_expelling_protesters_is_crowd_control_at_home(shipped: Linker) -> None:
    # the embassy before which they stood is a place, not the target
    got = summary(
        shipped, "وطردت الشرطة البلجيكية عشرات المحتجين من أمام السفارة الروسية في بروكسل أمس."
    )
    assert ("COERCE", ("BEL",), ("BEL",)) in got
    assert not any(e[0] == "SANCTION" or "RUS" in e[2] for e in got)


def test_police_dispersing_protesters_before_an_embassy_act_at_home(shipped: Linker) -> None:
    got = summary(shipped, "وفرقت الشرطة النمساوية المتظاهرين قرب السفارة الإيرانية في فيينا.")
    assert ("COERCE", ("AUT",), ("AUT",)) in got
    assert not any("IRN" in e[2] for e in got)


def test_an_expelled_envoy_is_still_an_expulsion(shipped: Linker) -> None:
    got = summary(shipped, "وطردت الحكومة البلجيكية السفير الروسي ردا على الهجوم.")
    assert ("SANCTION", ("BEL",), ("RUS",)) in got
