"""False alarms cut by general mechanisms (issue 12, precision): the pair of sides after a
mediation, background clauses, proposals and calls that are not acts, events named inside
another event's object. The sentences are invented for these tests."""

from __future__ import annotations

from test_events import events_of


def _summary(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [(e.type, e.source.countries, e.target.countries) for e in events_of(text)]


def test_after_a_mediation_the_two_sides_are_the_pair() -> None:
    # "الطرفين" after "بوساطة من Z بين X و Y" are X and Y, not Z and them
    text = (
        "انطلقت مفاوضات بوساطة من السعودية بين روسيا وأوكرانيا. وأفرج الطرفان عن عشرات الجنود "
        "في إطار صفقة تبادل الأسرى."
    )
    got = _summary(text)
    assert ("CONSULT", ["SAU"], ["RUS", "UKR"]) in got
    assert all("SAU" not in s + t for ty, s, t in got if ty == "RETREAT")
    assert any(ty == "RETREAT" and {*s, *t} == {"RUS", "UKR"} for ty, s, t in got)


def test_a_proposal_is_not_the_act_proposed() -> None:
    for text in (
        "واقترحت تركيا فرض عقوبات جديدة على إيران.",
        "وقدمت تركيا اقتراحا بفرض عقوبات على إيران.",
    ):
        sanctions = [e for e in events_of(text) if e.type == "SANCTION"]
        assert sanctions
        assert all(e.intent == "hypothetical" for e in sanctions)
    # the act itself is still a report
    done = [e for e in events_of("وفرضت تركيا عقوبات جديدة على إيران.") if e.type == "SANCTION"]
    assert done
    assert done[0].intent is None


def test_in_protest_after_a_protest_or_a_handing_over_is_no_second_demonstration() -> None:
    # the purpose of the demonstration already reported: one PROTEST, not two (of two dates)
    text = (
        "وأقر الرئيس الأحد بوقوع ضحايا في طهران إثر تظاهرات جرت يوم الجمعة احتجاجا على "
        "قرار الحكومة."
    )
    assert len([e for e in events_of(text) if e.type == "PROTEST"]) == 1
    # a protest handed over to an envoy is lodged, not marched
    text = "وقالت طهران إن الخارجية سلمت السفير التركي، أمس، احتجاجا على تصريحات أنقرة."
    assert not [e for e in events_of(text) if e.type == "PROTEST"]
    # a demonstration alone is still one
    text = "وخرج مئات المتظاهرين في طهران احتجاجا على غلاء الأسعار."
    assert [e.type for e in events_of(text)] == ["PROTEST"]


def test_an_act_named_in_a_condemnation_is_not_done_by_the_condemner() -> None:
    def assaults(text: str) -> list[tuple[list[str], list[str]]]:
        return [
            (e.source.countries, e.target.countries) for e in events_of(text) if e.type == "ASSAULT"
        ]

    # no doer named: no attack by the one who condemns
    assert not assaults("وأعرب لافروف عن إدانته لقصف أحد الفنادق في بغداد يوم الأربعاء.")
    assert not assaults("دانت روسيا القصف الذي استهدف مطار بغداد أمس.")
    # the doer named between the stance and the act keeps it
    assert assaults("دانت روسيا القصف التركي الذي استهدف مطار بغداد أمس.") == [(["TUR"], ["IRQ"])]
    assert assaults("اتهمت روسيا تركيا بقصف مطار بغداد.") == [(["TUR"], ["IRQ"])]
    # an attack reported as such keeps its doer
    assert assaults("قصفت تركيا مطار بغداد أمس.") == [(["TUR"], ["IRQ"])]


def test_an_event_dated_by_a_past_year_is_background() -> None:
    old = "وقال أردوغان إن بلاده وقعت اتفاقا مع روسيا العام الماضي."
    assert not [e for e in events_of(old) if e.type == "AGREE"]
    old = "وكانت تركيا قد وقعت اتفاقا مع روسيا عام 2014."
    assert not [e for e in events_of(old) if e.type == "AGREE"]
    new = "وقال أردوغان إن بلاده وقعت اتفاقا مع روسيا الشهر الماضي."
    assert [e.type for e in events_of(new) if e.type == "AGREE"] == ["AGREE"]


def test_in_the_frame_of_a_mediation_is_a_reference_not_a_new_one() -> None:
    text = "وقال لافروف إنه في إطار الوساطة السعودية بين روسيا وأوكرانيا تم تمديد الهدنة."
    assert not [e for e in events_of(text) if e.mode == "third-party"]
    text = "وتوسطت السعودية بين روسيا وأوكرانيا في صفقة جديدة."
    assert [e.mode for e in events_of(text) if e.type == "CONSULT"] == ["third-party"]


def test_an_act_asked_for_is_hypothetical() -> None:
    asked = [
        e for e in events_of("ودعا بلينكن إلى لقاء بين روسيا وأوكرانيا.") if e.type == "CONSULT"
    ]
    assert [e.intent for e in asked] == ["hypothetical"]
    done = [e for e in events_of("وعقد لقاء بين روسيا وأوكرانيا.") if e.type == "CONSULT"]
    assert [e.intent for e in done] == [None]


def test_a_news_outlet_reporting_an_act_does_not_do_it() -> None:
    import dataclasses

    from test_events import make_doc

    from rasad.events.extractor import extract_events

    text = "وقالت وكالة الأنباء إن دولا أوروبية تعتزم فرض عقوبات على روسيا."
    doc = make_doc(text)
    sanctions = [e for e in extract_events(doc) if e.type == "SANCTION"]
    assert [e.source.countries for e in sanctions] == [["TUR"]]  # an authority of its state
    doc = make_doc(text)
    # a news outlet: it reports, it does not act
    doc.entities["org:agency"] = dataclasses.replace(doc.entities["org:agency"], sector="MED")
    assert not [e for e in extract_events(doc) if e.type == "SANCTION"]


def test_a_kinship_adjective_does_not_break_a_list_of_states() -> None:
    text = "وأشادت تركيا بالجهود التي بذلتها السعودية الشقيقة وروسيا."
    assert _summary(text) == [("SUPPORT", ["TUR"], ["SAU", "RUS"])]


def test_a_demonstrative_points_back_to_an_event_already_told() -> None:
    text = "والتقى بوتين أردوغان في سوتشي. وقال لافروف إن هذا اللقاء مع إيران كان مثمرا."
    assert _summary(text) == [("CONSULT", ["RUS"], ["TUR"])]


def test_a_meeting_that_only_dates_a_statement_is_no_new_event() -> None:
    from rasad.arabic import fold
    from rasad.events.lexicon import load_lexicon, tokenize
    from rasad.events.nested import time_reference
    from rasad.events.sides import _Sentence

    def refs(text: str) -> list[bool]:
        norm = fold(text)
        tokens = tokenize(norm)
        sent = _Sentence(0, 0, len(norm), 0, len(tokens))
        hits = [h for h in load_lexicon().match(tokens) if h.entry.type == "CONSULT"]
        return [time_reference(h, tokens, sent, norm) for h in hits]

    assert refs("وقبيل الاجتماع، التقى لافروف نظيره الإيراني.") == [True, False]
    # a meeting with its own sides after it is reported, not referred to
    assert refs("وعقب الاجتماع مع نظيره الإيراني قال لافروف إن ...") == [False]
    assert refs("وعقد الاجتماع أمس في موسكو.") == [False]


def test_a_resolution_speaks_for_whoever_adopted_it() -> None:
    text = (
        "وقال بوتين إن بلاده لن تتراجع. وتبنت تركيا في اجتماع طويل عقد مساء اليوم في العاصمة، "
        "قرارا ينتقد إيران."
    )
    assert [(s, t) for ty, s, t in _summary(text) if ty == "ACCUSE"] == [(["TUR"], ["IRN"])]


def test_the_agreement_withdrawn_from_is_no_new_agreement() -> None:
    assert not _summary("وأبلغت روسيا تركيا وأوكرانيا بانسحابها من الاتفاقية.")
    assert _summary("ووقعت روسيا وتركيا الاتفاقية أمس.") == [("AGREE", ["RUS"], ["TUR"])]
