"""Recall mechanisms of the recall11 pass (issue 12): a passive release whose agent follows
"من قبل" past a long description of the released. The sentences are invented for these tests
and read with the stub linker of ``test_events``."""

from __future__ import annotations

from test_events import events_of

Summary = tuple[str, tuple[str, ...], tuple[str, ...]]


def _summary(text: str) -> set[Summary]:
    return {(e.type, tuple(e.source.countries), tuple(e.target.countries)) for e in events_of(text)}


def test_passive_release_agent_after_a_long_description() -> None:
    text = (
        "التقى الرئيس الروسي نظيره التركي في موسكو.\n"
        "ومن المنتظر أن يتم إطلاق سراح ما مجموعه عشرين صيادا مدنيا، "
        "من كبار السن والمرضى، من قبل روسيا.\n"
    )
    assert ("RETREAT", ("RUS",), ("TUR",)) in _summary(text)


def test_passive_release_agent_in_a_later_sentence_is_not_taken() -> None:
    text = (
        "التقى الرئيس الروسي نظيره التركي في موسكو.\n"
        "ومن المنتظر أن يتم إطلاق سراح عشرين صيادا مدنيا. وقالت مصادر من قبل روسيا إنها مستعدة.\n"
    )
    assert ("RETREAT", ("RUS",), ("TUR",)) not in _summary(text)


def test_release_in_a_relative_clause_frees_the_head() -> None:
    # the pronoun of عنهم / سراحهم is the head of the clause; the actor after it frees them
    got = _summary("واحتفت عائلات الأمريكيين الذين أفرجت عنهم روسيا بعودتهم.")
    assert ("RETREAT", ("RUS",), ("USA",)) in got
    got = _summary("وقال مسؤول إن صحة الأمريكيين الذين أطلقت سراحهم إيران جيدة.")
    assert ("RETREAT", ("IRN",), ("USA",)) in got
    assert ("RETREAT", ("USA",), ("IRN",)) not in got


def _agree_pairs(text: str) -> set[frozenset[str]]:
    return {frozenset(e[1] + e[2]) for e in _summary(text) if e[0] == "AGREE"}


def test_act_under_an_agreement_with_a_partner() -> None:
    # "بموجب / تنفيذا لـ اتفاق مع X": the actor before is a party, even a verb's or after من
    assert frozenset({"RUS", "TUR"}) in _agree_pairs(
        "وانسحب الجيش الروسي من البلدة بموجب اتفاق مع تركيا."
    )
    assert frozenset({"RUS", "TUR"}) in _agree_pairs(
        "وأقلعت الطائرة من موسكو تنفيذا لاتفاق تبادل مع أنقرة."
    )


def test_act_under_an_agreement_without_a_partner_is_no_agreement() -> None:
    assert not _agree_pairs("وقالت روسيا إنها ستنسحب بموجب الاتفاق.")
