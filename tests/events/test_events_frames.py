"""Frames as data (data/frames.tsv, column 7 of triggers.tsv) and the mechanisms that read
them: envoys recalled and expelled, ties cut, apposition in actor phrases, the speaker's own
state, mediation nouns, signing. The sentences are invented for these tests."""

from __future__ import annotations

from importlib import resources

import pytest
from test_events import events_of

from rasad.arabic import fold
from rasad.events.frame_table import BARE, frame, frame_names, parse_frames
from rasad.events.lexicon import load_lexicon, tokenize


def _summary(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [(e.type, e.source.countries, e.target.countries) for e in events_of(text)]


def test_every_trigger_names_a_known_frame() -> None:
    text = resources.files("rasad.events").joinpath("data/triggers.tsv").read_text("utf-8")
    known = set(frame_names())
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    assert rows
    assert all(len(r) == 7 for r in rows)
    assert {r[6] for r in rows if not r[3].startswith("_")} <= known
    used = {e.frame for e in load_lexicon().entries}
    assert {"directed", "sym", "envoy", "send"} <= used


def test_frame_rows_are_parsed_and_folded() -> None:
    table = parse_frames("name\ttarget\ttarget_n\tpartner\tplace\nx\t0|إلى\tعلى\tمع\t-\n")
    assert table["x"].target == frozenset({BARE, fold("إلى")})
    assert table["x"].targets(verb=False) == frozenset({fold("على")})
    assert table["x"].place == frozenset()
    with pytest.raises(ValueError, match="5 columns"):
        parse_frames("name\ttarget\nx\t0\n")
    envoy = frame("envoy")
    assert "في" in envoy.place
    assert BARE in envoy.target_n
    with pytest.raises(KeyError):
        frame("no such frame")


def test_possessive_tail_takes_a_pronoun_only() -> None:
    own = load_lexicon().match(tokenize(fold("استدعت سفيرها")))
    assert [h.entry.type for h in own] == ["SANCTION"]
    # "سفيري X" are the ambassadors of X (summoned), not "my ambassador" (recalled)
    theirs = load_lexicon().match(tokenize(fold("استدعت سفيري")))
    assert [h.entry.type for h in theirs] == ["ACCUSE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an envoy recalled: the place where it served names the target
        ("استدعت تركيا سفيرها في موسكو للتشاور.", ("SANCTION", ["TUR"], ["RUS"])),
        # another state's envoys summoned: a protest, not a sanction (several envoys:
        # test_envoys_and_embassies)
        ("استدعت الخارجية التركية سفير روسيا.", ("ACCUSE", ["TUR"], ["RUS"])),
        # verbal noun with its frame's partner preposition
        ("أعلنت تركيا قطع العلاقات الدبلوماسية مع إيران.", ("SANCTION", ["TUR"], ["IRN"])),
        # aid sent somewhere: the frame's place preposition
        ("وأرسلت تركيا مساعدات إنسانية إلى سوريا.", ("AID", ["TUR"], ["SYR"])),
        # signing an agreement is AGREE
        ("ووقعت روسيا وتركيا اتفاقية للتعاون في مجال الطاقة.", ("AGREE", ["RUS"], ["TUR"])),
    ],
)
def test_frames_place_the_target(text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert _summary(text) == [expected]


def test_apposition_closes_the_subject_phrase() -> None:
    # title، name، object: the comma after the name closes the subject
    text = "ودعا وزير الخارجية الروسي، لافروف، الحكومة التركية إلى ضبط النفس."
    assert _summary(text) == [("REQUEST", ["RUS"], ["TUR"])]


def test_a_comma_list_ending_in_wa_stays_one_group() -> None:
    text = "اتفقت روسيا، تركيا، وإيران على خطة جديدة."
    assert _summary(text) == [("AGREE", ["RUS"], ["TUR", "IRN"])]


def test_the_speakers_own_state_acts() -> None:
    text = "وأعلن لافروف أن بلاده قررت طرد السفير التركي."
    assert _summary(text) == [("SANCTION", ["RUS"], ["TUR"])]


def test_own_state_must_be_the_subject_of_the_act() -> None:
    # "بلاده" far from the trigger: not the state that sanctions
    text = "وقال لافروف إن بلاده لن تقبل أبدا بالعقوبات الغربية على إيران."
    assert all(e.type != "SANCTION" or e.negated for e in events_of(text))


def test_mediation_noun_takes_its_own_agent() -> None:
    text = "وأعلنت روسيا استعادة جنود من الأسر التركي بوساطة من السعودية."
    # the soldiers recovered are also a release by Turkey (captives.py)
    consult = [e for e in _summary(text) if e[0] == "CONSULT"]
    assert consult == [("CONSULT", ["SAU"], ["RUS", "TUR"])]
    assert ("RETREAT", ["TUR"], ["RUS"]) in _summary(text)


def test_condemnation_reaches_past_an_adjunct() -> None:
    text = "أدانت السعودية، في بيان لها اليوم، ما وصفته بالعدوان الإيراني على المدنيين."
    assert _summary(text) == [("ACCUSE", ["SAU"], ["IRN"])]


def test_speaker_after_a_long_title_acts_for_his_state() -> None:
    # a title of six words before the nisba: the speaker is still found, so "بلاده" is Turkey
    text = (
        "أعلن وزير الشؤون الخارجية والجالية الوطنية بالخارج التركي جاويش أوغلو أن بلاده "
        "قررت قطع علاقاتها مع روسيا."
    )
    assert ("SANCTION", ["TUR"], ["RUS"]) in _summary(text)


def test_an_exchange_of_prisoners_is_two_releases() -> None:
    got = _summary("جرى اليوم تبادل للأسرى بين روسيا وأوكرانيا.")
    assert ("RETREAT", ["RUS"], ["UKR"]) in got
    assert ("RETREAT", ["UKR"], ["RUS"]) in got


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # what has been going on since a time is background, not the news
        ("تقصف روسيا مدن أوكرانيا منذ فبراير.", False),
        # the first (or largest) one since then is the news
        ("التقى بوتين أردوغان في أول لقاء بينهما منذ عامين.", True),
        ("نفذت روسيا أكبر هجوم على أوكرانيا منذ بدء الحرب.", True),
        # "منذ قليل" is a moment ago; the clause may end before منذ
        ("هاجمت روسيا أوكرانيا منذ قليل.", True),
        ("هاجمت روسيا أوكرانيا، في حرب مستمرة منذ عامين.", True),
    ],
)
def test_background_since_a_time(text: str, kept: bool) -> None:
    types = {t for t, _, _ in _summary(text)}
    assert bool(types & {"ASSAULT", "CONSULT"}) == kept


def test_a_negated_event_since_a_time_is_kept() -> None:
    assert [e.negated for e in events_of("لم يلتق بوتين أردوغان منذ أشهر.")] == [True]


def test_approving_an_agreement_after_a_long_subject() -> None:
    # the verb's own على stands past a five-word subject; the subject is the approver, not
    # the subject of the first clause; the other side is the pair just named
    text = (
        "أعلن بوتين التوصل إلى اتفاق بين تركيا وإيران، ووافق الرئيس التركي رجب طيب أردوغان "
        "على الاتفاق."
    )
    assert ("AGREE", ["TUR"], ["IRN"]) in _summary(text)


def test_no_object_inside_a_relative_clause() -> None:
    got = _summary("وافقت تركيا على الاتفاق الذي توسطت فيه روسيا وإيران.")
    assert not [e for e in got if e[0] == "AGREE" and "RUS" in e[2]]
    # a stance takes the doer of what it is about
    assert ("SUPPORT", ["TUR"], ["RUS"]) in _summary("أشادت تركيا بالدور الذي لعبته روسيا.")


def test_a_state_approving_its_own_decree_is_no_agreement() -> None:
    got = _summary("وافق برلمان تركيا على مرسوم أصدره أردوغان.")
    assert not [e for e in got if e[0] == "AGREE"]


def test_aid_sent_to_the_stricken_areas_of_a_country() -> None:
    text = "أمر بوتين بإرسال مساعدات عاجلة إلى المناطق التي ضربها الزلزال في جنوب تركيا."
    assert ("AID", ["RUS"], ["TUR"]) in _summary(text)


def test_launching_strikes() -> None:
    assert ("ASSAULT", ["RUS"], ["UKR"]) in _summary("شنت روسيا ضربات على أوكرانيا.")


def test_sides_that_share_a_state_are_made_disjoint() -> None:
    from rasad.events.frames import _disjoint
    from rasad.events.sides import _Side

    tur, tur_syr = _Side(("TUR",), None, None), _Side(("TUR", "SYR"), None, None)
    a, b = _disjoint(tur, tur_syr)
    assert (a.countries, b.countries) == (("TUR",), ("SYR",))
    a, b = _disjoint(_Side(("RUS", "IRN"), None, None), _Side(("RUS",), None, None))
    assert (a.countries, b.countries) == (("IRN",), ("RUS",))
    a, b = _disjoint(tur, tur)  # one state on both sides is left to the callers' rules
    assert (a.countries, b.countries) == (("TUR",), ("TUR",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a definite statement or resolution speaks for the actor the text was last about
        ("انتقد أردوغان سياسة إيران. ودعا البيان روسيا إلى الحوار.", ("REQUEST", ["TUR"], ["RUS"])),
        # the issuer named after it
        ("ودعا بيان صادر عن بوتين تركيا إلى الحوار.", ("REQUEST", ["RUS"], ["TUR"])),
    ],
)
def test_a_statement_speaks_for_its_issuer(
    text: str, expected: tuple[str, list[str], list[str]]
) -> None:
    assert expected in _summary(text)


def test_an_indefinite_document_after_the_verb_is_its_object() -> None:
    got = _summary("التقى بوتين أردوغان. ورفض قرار روسيا.")
    assert not [e for e in got if e[0] == "REJECT" and e[1] == ["TUR"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the envoy's nisba after an expulsion is the object, even with the subject before it
        (
            "قررت تركيا، اليوم الاثنين، طرد السفير الفرنسي في أنقرة.",
            [("SANCTION", ["TUR"], ["FRA"])],
        ),
        # one summons per envoy's state
        (
            "استدعت تركيا سفيري روسيا وإيران.",
            [("ACCUSE", ["TUR"], ["RUS"]), ("ACCUSE", ["TUR"], ["IRN"])],
        ),
        # evacuating one's own embassy; the pronoun of the clause is the speaker; the subject
        # after the verb is not looked for past a comma
        (
            "أعلنت تركيا أنها بدأت إخلاء سفارتها في طهران، محملة إيران مسؤولية الهجوم.",
            [("SANCTION", ["TUR"], ["IRN"])],
        ),
        ("أغلقت تركيا سفارتها في طهران.", [("SANCTION", ["TUR"], ["IRN"])]),
        ("سحبت تركيا سفيرها من موسكو.", [("SANCTION", ["TUR"], ["RUS"])]),
    ],
)
def test_envoys_and_embassies(text: str, expected: list[tuple[str, list[str], list[str]]]) -> None:
    got = _summary(text)
    for ev in expected:
        assert ev in got
    assert not [e for e in got if e[0] in ("SANCTION", "ACCUSE") and e[2] == ["TUR"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fighting whose sides are unnamed or of one state is that state's own
        ("قتل عشرة أشخاص في اشتباكات بين فصائل مسلحة في أنقرة.", [("ASSAULT", ["TUR"], ["TUR"])]),
        # not when another state is named: then it is between states, or misread
        ("اندلعت اشتباكات بين روسيا وتركيا.", [("ASSAULT", ["RUS"], ["TUR"])]),
        # the fighting a truce stops is no report of fighting
        ("أعلن بوتين الهدنة الإنسانية للقتال بين روسيا وتركيا.", []),
    ],
)
def test_domestic_fighting(text: str, expected: list[tuple[str, list[str], list[str]]]) -> None:
    assert [e for e in _summary(text) if e[0] == "ASSAULT"] == expected


def test_unnamed_forces_shooting_at_protesters_in_a_place() -> None:
    text = "أفادت وكالة الأنباء بأن قوات الأمن فتحت النار على محتجين في أنقرة."
    assert ("ASSAULT", ["TUR"], ["TUR"]) in _summary(text)
    # another state named in the clause: not read as the place's own forces
    assert not [
        e
        for e in _summary("فتحت قوات الأمن النار على محتجين من روسيا في أنقرة.")
        if e[0] == "ASSAULT" and e[1] == ["TUR"] and e[2] == ["TUR"]
    ]


def test_a_hosted_meeting() -> None:
    # three or more states meeting in a place: the host meets the others (the topic is no
    # member); a body's meeting (sector IGO in the knowledge base) is read the same way
    text = "بدأت في موسكو أعمال لقاء ثلاثي حول سوريا يضم وزراء خارجية تركيا وروسيا وإيران."
    assert ("CONSULT", ["RUS"], ["TUR", "IRN"]) in _summary(text)


def test_a_persons_meeting_is_not_hosted() -> None:
    got = _summary("عقد أردوغان في موسكو الاجتماع الثلاثي لوزراء خارجية سوريا وروسيا وإيران.")
    assert ("CONSULT", ["RUS"], ["SYR", "IRN"]) not in got


def test_signing_a_treaty_or_charter() -> None:
    assert ("AGREE", ["RUS"], ["IRN"]) in _summary("وقعت روسيا وإيران معاهدة للشراكة الاستراتيجية.")
    assert ("AGREE", ["TUR"], ["IRN", "SYR"]) in _summary(
        "وقعت تركيا وإيران وسوريا اليوم على ميثاق لتأسيس تحالف."
    )
