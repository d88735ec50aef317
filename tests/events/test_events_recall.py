"""Recall mechanisms for real news (issue 12): passive releases, "إلى جانب X", a verb spelled
like a preposition, the pair a mediator stands between. The sentences are invented for these
tests and read with the stub linker of ``test_events``."""

from __future__ import annotations

import pytest
from test_events import events_of


def _summary(text: str) -> set[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    return {
        (e.type, e.mode or "", tuple(e.source.countries), tuple(e.target.countries))
        for e in events_of(text)
    }


def _releases(text: str) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    return {(s, t) for ty, mode, s, t in _summary(text) if mode == "release"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # freed "from each side": both sides of the last pair, one event each way
        (
            "اتفقت روسيا وأوكرانيا على وقف القتال. وتم الإفراج عن مئة أسير من كل جانب.",
            {(("RUS",), ("UKR",)), (("UKR",), ("RUS",))},
        ),
        # the released named by nationality, the releaser as the holder
        (
            "التقى بوتين وأردوغان في سوتشي. وسيتم الإفراج عن ثلاثين سجينا تركيا تحتجزهم روسيا.",
            {(("RUS",), ("TUR",))},
        ),
        # the releaser after "من قبل", the released from the pair
        (
            "اتفقت روسيا وأوكرانيا على وقف القتال. كما تم إطلاق سراح أربعين جنديا من قبل أوكرانيا.",
            {(("UKR",), ("RUS",))},
        ),
    ],
)
def test_passive_release_sides(text: str, expected: set[tuple[tuple[str, ...], ...]]) -> None:
    assert _releases(text) == expected


def test_passive_release_without_sides_is_not_guessed() -> None:
    # no pair in the document and nobody named: no release event
    assert _releases("وتم الإفراج عن مئة أسير أمس.") == set()


def test_mediation_sets_the_pair_mediated() -> None:
    text = "توسطت تركيا بين روسيا وأوكرانيا. وتم الإفراج عن مئة أسير من كل جانب."
    assert _releases(text) == {(("RUS",), ("UKR",)), (("UKR",), ("RUS",))}


def test_beside_is_support_not_a_place() -> None:
    assert ("SUPPORT", "", ("TUR",), ("UKR",)) in _summary(
        "وأكدت تركيا وقوفها الدائم إلى جانب أوكرانيا."
    )
    assert ("SUPPORT", "", ("TUR",), ("UKR",)) in _summary("وقفت تركيا إلى جانب أوكرانيا.")


def test_a_verb_spelled_like_a_preposition_keeps_its_subject() -> None:
    # عبر is "via" and "he expressed": after the verb its subject is no prepositional phrase
    assert ("SUPPORT", "", ("TUR",), ("UKR",)) in _summary("وعبر أردوغان عن تضامنه مع أوكرانيا.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('وقال بوتين للصحفيين: "نطالب أردوغان بالاعتذار".', ("REQUEST", "", ("RUS",), ("TUR",))),
        ('وقال أردوغان: "ندين بشدة بوتين".', ("ACCUSE", "disapprove", ("TUR",), ("RUS",))),
    ],
)
def test_first_person_verb_takes_the_speaker(
    text: str, expected: tuple[str, str, tuple[str, ...], tuple[str, ...]]
) -> None:
    # the noun after "نطالب" is its object, not its subject
    assert expected in _summary(text)


def test_a_noun_in_an_aim_is_not_reported() -> None:
    text = "التقى بوتين وأردوغان في سوتشي بهدف تثبيت الهدنة ودعم عملية تبادل الأسرى."
    assert {ty for ty, *_ in _summary(text)} == {"CONSULT"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the participle's subject is the clause's first actor; the noun after it its object
        (
            "انتقد أردوغان الهجوم الأخير، داعيا روسيا إلى وقف القتال.",
            ("REQUEST", "", ("TUR",), ("RUS",)),
        ),
        # after an attribution verb it is the speaker's; the tail may follow the object
        (
            "أعلنت تركيا أنها بدأت إخلاء سفارتها، محملة إيران مسؤولية الهجوم.",
            ("ACCUSE", "allege", ("TUR",), ("IRN",)),
        ),
        # a detached pronoun object is the last actor named before it
        (
            "فرضت تركيا عقوبات على بوتين، متهمة إياه بتهديد أوكرانيا.",
            ("ACCUSE", "allege", ("TUR",), ("RUS",)),
        ),
    ],
)
def test_participle_of_manner(
    text: str, expected: tuple[str, str, tuple[str, ...], tuple[str, ...]]
) -> None:
    assert expected in _summary(text)


def test_participle_forms_need_no_preposition() -> None:
    from rasad.arabic import fold
    from rasad.events.lexicon import load_lexicon, tokenize

    hits = load_lexicon().match(tokenize(fold("وداعيا بالمتهمين")), gaps=True)
    assert [(h.entry.type, h.form.hal) for h in hits] == [("REQUEST", True)]


def test_welcoming_talks_targets_their_parties() -> None:
    text = "رحبت تركيا ببدء المحادثات بين روسيا وأوكرانيا في إسطنبول."
    assert ("SUPPORT", "", ("TUR",), ("RUS", "UKR")) in _summary(text)


def test_a_call_for_a_truce_targets_the_state_where_it_is_wanted() -> None:
    text = "ودعا أردوغان إلى وقف فوري لإطلاق النار في أوكرانيا."
    assert ("REQUEST", "", ("TUR",), ("UKR",)) in _summary(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a junta named without its state: the state named before it in the sentence
        (
            "وأعلن التلفزيون الرسمي في تركيا أن المجلس العسكري قرر طرد السفير الروسي.",
            ("SANCTION", "expel", ("TUR",), ("RUS",)),
        ),
        # a ministry with its seat named right after it
        (
            "وقالت وزارة الدفاع في أنقرة إنها ترفض القرار الروسي.",
            ("REJECT", "", ("TUR",), ("RUS",)),
        ),
        # a bare ministry in a story about one state: the state named most so far
        (
            "زار بوتين تركيا. والتقى أردوغان في أنقرة. وقالت الخارجية إنها تدين القصف الروسي.",
            ("ACCUSE", "disapprove", ("TUR",), ("RUS",)),
        ),
    ],
)
def test_unresolved_state_bodies(
    text: str, expected: tuple[str, str, tuple[str, ...], tuple[str, ...]]
) -> None:
    assert expected in _summary(text)


def test_a_state_body_does_not_demonstrate() -> None:
    # the ministry is Turkey's (the state named most); its protest is lodged, not marched
    text = "زار بوتين تركيا. ثم زار أردوغان تركيا مجددا. وأبلغت الوزارة السفير الروسي احتجاجها."
    assert all(ty != "PROTEST" for ty, *_ in _summary(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a call for a truce with no place named: the sides of the last fighting
        (
            "قصفت روسيا أوكرانيا أمس. ودعا أردوغان إلى وقف فوري لإطلاق النار.",
            ("REQUEST", "", ("TUR",), ("RUS", "UKR")),
        ),
        # "the two sides" after fighting inside one state are that state
        (
            "اندلعت اشتباكات في بغداد بين قوات موالية للحكومة ومسلحين. ودعا أردوغان الطرفين"
            " إلى الحوار.",
            ("REQUEST", "", ("TUR",), ("IRQ",)),
        ),
        # "title في place، name،": the name is the title's apposition, not the object; the
        # calls backed are Turkey's
        (
            "وأيد الوزير الروسي في أنقرة، لافروف، دعوات تركيا للحوار.",
            ("SUPPORT", "", ("RUS",), ("TUR",)),
        ),
    ],
)
def test_calls_and_backing_find_their_addressee(
    text: str, expected: tuple[str, str, tuple[str, ...], tuple[str, ...]]
) -> None:
    assert expected in _summary(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a named visitor reaching a place, past an unlinked name and a date
        ("وصل لافروف مساء الثلاثاء إلى أنقرة.", {("CONSULT", "visit", ("RUS",), ("TUR",))}),
        ("وصل بوتين العاصمة التركية أنقرة أمس.", {("CONSULT", "visit", ("RUS",), ("TUR",))}),
        # no named visitor: a level reached, a plane landing
        ("وصل التنافس بين روسيا وتركيا إلى مستويات خطيرة.", set()),
        ("وصلت طائرة تركية إلى موسكو.", set()),
    ],
)
def test_arrival_is_a_visit_only_for_a_named_visitor(
    text: str, expected: set[tuple[str, str, tuple[str, ...], tuple[str, ...]]]
) -> None:
    assert _summary(text) == expected


def test_cancelled_agreement_names_the_partner_of_the_last_pair() -> None:
    # the agency quoted after the trigger is the source of the report, not the target
    text = (
        "وقعت روسيا وتركيا مذكرة تفاهم. وأعلنت تركيا إلغاء مذكرة التفاهم حسبما أفادت وكالة الأنباء."
    )
    assert ("REJECT", "", ("TUR",), ("RUS",)) in _summary(text)


def test_protesters_demand_within_their_state() -> None:
    # the crowd word is the subject; the leader after it is the object, not the subject
    text = "وطالب المتظاهرون بوتين بوقف الحرب."
    assert ("REQUEST", "", ("RUS",), ("RUS",)) in _summary(text)


def test_a_topic_nisba_does_not_give_a_body_its_state() -> None:
    # "الحكومة" is Turkey's, not of the Russian operation named just before it
    text = "تظاهر آلاف في أنقرة احتجاجا على العملية الروسية، واتهم المتظاهرون الحكومة بالتقصير."
    assert ("ACCUSE", "allege", ("TUR",), ("TUR",)) in _summary(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ووجهت تركيا شكوى إلى الناتو بشأن القصف.", ("REQUEST", "", ("TUR",), ("NATO",))),
        (
            "وأعرب أردوغان عن ترحيبه بالاتفاق بين روسيا وأوكرانيا.",
            ("SUPPORT", "", ("TUR",), ("RUS", "UKR")),
        ),
    ],
)
def test_complaints_and_welcomes(
    text: str, expected: tuple[str, str, tuple[str, ...], tuple[str, ...]]
) -> None:
    assert expected in _summary(text)


def test_bearing_responsibility_is_the_speakers_allegation() -> None:
    text = 'وقال أردوغان: "هذا غير مقبول. وتتحمل روسيا مسؤولية الهجوم".'
    assert _summary(text) == {("ACCUSE", "allege", ("TUR",), ("RUS",))}


def test_concern_voiced_is_disapproval() -> None:
    assert ("ACCUSE", "disapprove", ("TUR",), ("RUS",)) in _summary(
        "وأبدى أردوغان قلقه من التصعيد الروسي."
    )
    assert ("ACCUSE", "disapprove", ("TUR",), ("RUS",)) in _summary(
        "وقالت تركيا إنها تتابع بقلق بالغ القصف الروسي."
    )


def test_approving_an_agreement_takes_the_partner_of_the_last_pair() -> None:
    # the mediator in the relative clause is not the agreement's partner
    text = "التقى بوتين وأردوغان في سوتشي. ووافقت روسيا على الاتفاق الذي توسطت فيه أوكرانيا."
    assert ("AGREE", "", ("RUS",), ("TUR",)) in _summary(text)


def test_title_and_surname_around_an_unlinked_first_name_are_one_actor() -> None:
    from test_events import make_doc

    from rasad.doc import Mention
    from rasad.events.extractor import extract_events

    text = "وشكر وزير الخارجية أنتوني بلينكن تركيا على جهودها."
    doc = make_doc(text)
    title = "وزير الخارجية"
    a = text.index(title)
    doc.mentions.append(Mention(a, a + len(title), title, "per:blinken"))
    doc.mentions.sort(key=lambda m: m.start)
    summary = {
        (e.type, tuple(e.source.countries), tuple(e.target.countries)) for e in extract_events(doc)
    }
    # without the merge the surname is read as the object (USA → USA, dropped)
    assert ("SUPPORT", ("USA",), ("TUR",)) in summary


def test_a_courtesy_adjective_keeps_a_coordination_together() -> None:
    # "الصديقة" / "الشقيقة" after a state name does not end the list of states thanked
    text = "وشكر أردوغان روسيا الصديقة وإيران على جهودهما."
    assert ("SUPPORT", "", ("TUR",), ("RUS", "IRN")) in _summary(text)


def test_rows_added_after_the_sentence_classifier_stay_out_of_its_features() -> None:
    from rasad.arabic import fold
    from rasad.events.lexicon import load_lexicon, tokenize
    from rasad.events.sentence_model import feature_names

    sentence = "وصل المتظاهرون إلى الساحة مطالبين بالإفراج عن المعتقلين"
    lex = load_lexicon()
    assert {h.entry.lemma for h in lex.match(tokenize(fold(sentence)))} >= {"وصل/يصل", "مطالب"}
    lemmas = {f.split(":", 2)[2] for f in feature_names(sentence)["l"] if f.startswith("l:")}
    assert "وصل/يصل" not in lemmas
    assert "مطالب" not in lemmas
    assert lex.for_model().for_model() is lex.for_model()
