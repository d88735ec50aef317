"""Recall mechanisms of the recall6 pass (issue 12): stances told without a stance verb
(judgements, the agent after a verbal noun, "لن نتردد"), support received, obligations, and
statements of two speakers kept apart. The sentences are invented for these tests and read
with the stub linker of ``test_events``."""

from __future__ import annotations

import pytest
from test_events import events_of

from rasad.arabic import fold
from rasad.events.lexicon import load_lexicon, tokenize

Summary = tuple[str, str, tuple[str, ...], tuple[str, ...]]


def _summary(text: str) -> set[Summary]:
    return {
        (e.type, e.mode or "", tuple(e.source.countries), tuple(e.target.countries))
        for e in events_of(text)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a judgement verb with a bad word after it is a disapproval of the act's agent
        (
            "واعتبرت تركيا الهجوم الروسي انتهاكا صارخا للقانون الدولي.",
            ("ACCUSE", "disapprove", ("TUR",), ("RUS",)),
        ),
        (
            "ووصفت موسكو الموقف التركي بأنه استفزازي.",
            ("ACCUSE", "disapprove", ("RUS",), ("TUR",)),
        ),
        # ... with a good word, an approval
        (
            "وفيما وصفت روسيا العملية التركية بأنها ضرورية، ندد ماكرون بها.",
            ("SUPPORT", "", ("RUS",), ("TUR",)),
        ),
    ],
)
def test_judgement_verbs(text: str, expected: Summary) -> None:
    assert expected in _summary(text)


def test_judgement_verb_without_judgement_or_with_a_report_is_no_stance() -> None:
    assert _summary("ويعتبر أردوغان من أبرز حلفاء بوتين.") == set()
    assert not {e for e in _summary("واعتبر أردوغان أن روسيا شريك مهم.") if e[0] == "ACCUSE"}


def test_agent_after_a_stance_noun() -> None:
    # "إدانة تركيا للقصف": Turkey condemns, it is not the one condemned
    got = _summary("واستدعت الخارجية السفير الإيراني للتعبير عن إدانة تركيا للقصف الروسي.")
    assert ("ACCUSE", "disapprove", ("TUR",), ("RUS",)) in got


def test_no_hesitation_is_a_threat() -> None:
    got = {
        (e.type, tuple(e.source.countries), tuple(e.target.countries), e.negated, e.intent)
        for e in events_of('وقال بوتين: "لن نتردد في الرد على تركيا".')
    }
    assert ("THREATEN", ("RUS",), ("TUR",), False, None) in got
    # hesitation without a negator is no threat
    assert not {e for e in _summary("وتردد بوتين في الرد على تركيا.") if e[0] == "THREATEN"}


@pytest.mark.parametrize(
    "text",
    [
        "وتلقت أوكرانيا دعما من تركيا.",
        "وقال بوتين إن أوكرانيا تحظى بدعم تركيا.",
    ],
)
def test_support_received_has_the_giver_as_source(text: str) -> None:
    got = {e for e in _summary(text) if e[0] == "SUPPORT"}
    assert got == {("SUPPORT", "", ("TUR",), ("UKR",))}


@pytest.mark.parametrize(
    "text",
    [
        'وقال بوتين: "يجب على تركيا أن توقف دعمها".',
        "وقال بوتين إن على تركيا أن توقف دعمها.",
        'وقال بوتين: "على تركيا أن توقف دعمها".',
    ],
)
def test_obligation_in_a_statement_is_a_demand(text: str) -> None:
    assert ("REQUEST", "", ("RUS",), ("TUR",)) in _summary(text)


def test_on_without_an_obligation_is_no_demand() -> None:
    assert not {e for e in _summary("وقال أردوغان إن الرد سيكون على روسيا.") if e[0] == "REQUEST"}


def test_statements_by_two_named_persons_are_two_events() -> None:
    text = "وانتقد بوتين تركيا بشدة أمس. ومن جانبه انتقد لافروف تركيا في مؤتمر صحفي."
    accuse = [e for e in events_of(text) if e.type == "ACCUSE"]
    assert sorted(e.source.entity or "" for e in accuse) == ["per:lavrov", "per:putin"]


def test_statements_by_one_person_merge() -> None:
    text = "وانتقد بوتين تركيا بشدة أمس. وانتقد بوتين تركيا مجددا في مؤتمر صحفي."
    assert len([e for e in events_of(text) if e.type == "ACCUSE"]) == 1


def test_condemned_attack_without_agent_targets_the_attacker() -> None:
    text = 'وقصفت روسيا مواقع في أوكرانيا أمس. وقال أردوغان: "ندين بشدة الهجوم".'
    assert ("ACCUSE", "disapprove", ("TUR",), ("RUS",)) in _summary(text)


def test_accusation_and_disapproval_are_two_events() -> None:
    text = "واتهم بوتين تركيا بدعم أوكرانيا. وفي اليوم التالي انتقد بوتين تركيا."
    modes = sorted(e.mode or "" for e in events_of(text) if e.type == "ACCUSE")
    assert modes == ["allege", "disapprove"]


def test_act_named_after_ma_asmathu_past_an_adjunct() -> None:
    text = "وانتقدت تركيا مجددا، في بيان لمكتبها الإعلامي، ما أسمته التصعيد الروسي الخطير."
    assert ("ACCUSE", "disapprove", ("TUR",), ("RUS",)) in _summary(text)


def test_condemned_violation_targets_the_last_attacker() -> None:
    text = 'وقصفت روسيا مواقع في أوكرانيا أمس. وقال أردوغان: "ندين هذا الانتهاك الصارخ".'
    assert ("ACCUSE", "disapprove", ("TUR",), ("RUS",)) in _summary(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("واستهجن أردوغان تصريحات بوتين الأخيرة.", ("ACCUSE", "disapprove", ("TUR",), ("RUS",))),
        ("وساندت تركيا أوكرانيا في مجلس الأمن.", ("SUPPORT", "", ("TUR",), ("UKR",))),
        ("وصوتت روسيا ضد القرار التركي.", ("REJECT", "", ("RUS",), ("TUR",))),
    ],
)
def test_stance_verbs_added(text: str, expected: Summary) -> None:
    assert expected in _summary(text)


def test_feminine_verb_with_object_pronoun_takes_a_state_as_subject() -> None:
    for word in ("اعتبرتها", "استقبلته", "تستقبله"):
        hits = load_lexicon().match(tokenize(fold(word)))
        assert hits, word
        assert hits[0].form.fem, word
    text = "وقصفت روسيا مواقع في أوكرانيا أمس، في خطوة عدتها أنقرة انتهاكا للقانون."
    assert ("ACCUSE", "disapprove", ("TUR",), ("RUS",)) in _summary(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("واستهدفت تركيا روسيا بجولة جديدة من العقوبات.", ("SANCTION", "", ("TUR",), ("RUS",))),
        (
            "وأعلنت تركيا إخلاء بعثتها في روسيا بالكامل.",
            ("SANCTION", "discontinue", ("TUR",), ("RUS",)),
        ),
    ],
)
def test_sanctions_told_by_targeting_and_evacuation(text: str, expected: Summary) -> None:
    assert expected in _summary(text)


def test_targeting_without_sanctions_stays_an_attack() -> None:
    got = _summary("واستهدفت تركيا مواقع في روسيا بالمسيرات.")
    assert {e[0] for e in got} == {"ASSAULT"}


def test_complaint_to_a_body_also_accuses_the_agent() -> None:
    got = _summary("وتقدمت تركيا بشكوى رسمية إلى الناتو ضد القصف الروسي لمواقعها.")
    assert ("REQUEST", "", ("TUR",), ("NATO",)) in got
    assert ("ACCUSE", "allege", ("TUR",), ("RUS",)) in got


@pytest.mark.parametrize(
    "text",
    [
        'وقال أردوغان: "لا تزال الاستفزازات من جانب روسيا مستمرة".',
        "وأشار أردوغان إلى الانتهاكات المتكررة من طرف روسيا.",
    ],
)
def test_hostile_acts_by_a_named_doer_are_the_speakers_allegation(text: str) -> None:
    got = {
        (e.type, e.mode, tuple(e.source.countries), tuple(e.target.countries), e.negated)
        for e in events_of(text)
    }
    assert ("ACCUSE", "allege", ("TUR",), ("RUS",), False) in got


def test_hostile_acts_without_a_doer_are_no_allegation() -> None:
    text = "وقال أردوغان إن الهدنة تعني وقف الاعتداءات كافة."
    assert not {e for e in _summary(text) if e[0] == "ACCUSE"}


def test_a_body_does_not_charge_its_own_state() -> None:
    text = "وقالت وكالة الأنباء إن تركيا انتهكت الاتفاق مع روسيا."
    assert ("ACCUSE", "allege", ("TUR",), ("TUR",)) not in _summary(text)


def test_participle_without_object_is_addressed_to_the_main_object() -> None:
    text = "واستدعت تركيا السفير الإيراني أمس، داعية إلى احترام سيادتها."
    assert ("REQUEST", "", ("TUR",), ("IRN",)) in _summary(text)


def test_two_named_persons_of_one_state_dispute_at_home() -> None:
    assert ("ACCUSE", "allege", ("RUS",), ("RUS",)) in _summary(
        "واتهم بوتين أمس لافروف بالتقصير في الملف."
    )


@pytest.mark.parametrize(
    ("second", "etype"),
    [("وأدان بوتين الاشتباكات المسلحة.", "ACCUSE"), ("ودعا بوتين إلى وقف فوري للقتال.", "REQUEST")],
)
def test_fighting_at_home_condemned_or_asked_to_stop(second: str, etype: str) -> None:
    text = "واندلعت اشتباكات عنيفة في موسكو بين قوات موالية للحكومة ومسلحين. " + second
    assert {(e[0], e[2], e[3]) for e in _summary(text) if e[0] == etype} == {
        (etype, ("RUS",), ("RUS",))
    }


def test_noun_spelled_like_a_participle_after_a_comma() -> None:
    text = "وأغلقت روسيا المعبر الحدودي أمس، مطالبة بتعويض من تركيا عن الخسائر."
    assert ("REQUEST", "", ("RUS",), ("TUR",)) in _summary(text)


@pytest.mark.parametrize(
    "text", ["وأشاد بوتين بالدور التركي في المفاوضات.", "ورحبت روسيا بالخطوة التركية الأخيرة."]
)
def test_praise_of_an_act_targets_its_agent(text: str) -> None:
    assert ("SUPPORT", "", ("RUS",), ("TUR",)) in _summary(text)


def test_person_named_again_keeps_the_state_of_the_first_mention() -> None:
    import re

    from test_events import make_doc

    from rasad.doc import DocEntity, Mention
    from rasad.events.extractor import extract_events

    text = "والتقى وزير الخارجية الروسي زاروف نظيره التركي في أنقرة. وانتقد زاروف أمس تركيا بشدة."
    doc = make_doc(text)
    doc.entities["new:per:z"] = DocEntity("new:per:z", "Zarov", None, "PER", None)
    for m in re.finditer("زاروف", doc.norm):
        span = doc.span_from_norm(m.start(), m.end())
        assert span is not None
        doc.mentions.append(Mention(span[0], span[1], doc.text[span[0] : span[1]], "new:per:z"))
    doc.mentions.sort(key=lambda m: m.start)
    accuse = {
        (tuple(e.source.countries), tuple(e.target.countries))
        for e in extract_events(doc)
        if e.type == "ACCUSE"
    }
    assert (("RUS",), ("TUR",)) in accuse


def test_agreement_reached_by_mediated_talks_has_the_mediated_pair() -> None:
    text = "وتوسطت تركيا بين روسيا وأوكرانيا في جولة محادثات أفضت إلى اتفاق حول الملاحة."
    assert ("AGREE", "", ("RUS",), ("UKR",)) in _summary(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وألقى بوتين باللوم على تركيا في التصعيد.", ("ACCUSE", "allege", ("RUS",), ("TUR",))),
        ("وأثنى بوتين على تركيا لدورها في المفاوضات.", ("SUPPORT", "", ("RUS",), ("TUR",))),
        (
            "وخفضت تركيا التمثيل الدبلوماسي مع إيران.",
            ("SANCTION", "discontinue", ("TUR",), ("IRN",)),
        ),
    ],
)
def test_blame_praise_and_downgraded_ties(text: str, expected: Summary) -> None:
    assert expected in _summary(text)


def test_speakers_backing_an_agreement_by_what_it_will_bring() -> None:
    text = "وأكد بوتين وماكرون أن الهدنة بين تركيا وإيران ستمهد لحوار أوسع في المنطقة."
    got = {(e[0], e[2], e[3]) for e in _summary(text) if e[0] == "SUPPORT"}
    assert got == {("SUPPORT", ("RUS", "FRA"), ("TUR", "IRN"))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('وقال بوتين: "مطلبنا من تركيا هو الحياد".', ("REQUEST", "", ("RUS",), ("TUR",))),
        (
            'وقال أردوغان: "نؤكد إدانتنا للقصف الروسي".',
            ("ACCUSE", "disapprove", ("TUR",), ("RUS",)),
        ),
    ],
)
def test_our_stance_noun_is_the_speakers(text: str, expected: Summary) -> None:
    assert expected in _summary(text)
