"""Mechanisms of the consult pass (issue 12: CONSULT, AGREE, REQUEST, SANCTION): a partner
named through its head noun or title ("مع الوفد العماني", "مع رئيس الوزراء X"), one actor
named twice in apposition, "ما" that means "what", one's own mission evacuated toward the
place named before, diplomats withdrawn, and a subject past a relative clause between commas.
The sentences are invented for these tests and read with the shipped linker and the event
rules."""

from __future__ import annotations

import pytest
from shipped_linker import linked_events

from rasad.arabic import fold
from rasad.entities.linker import Linker
from rasad.events.arguments import is_negated
from rasad.events.between_pair import between_pair
from rasad.events.lexicon import load_lexicon, tokenize
from rasad.events.partner_head import head_prep

Summary = tuple[str, frozenset[str], frozenset[str]]


def _summary(linker: Linker, text: str) -> set[Summary]:
    """(type, source, target) as sets, the text read after a title line."""
    return {
        (e.type, frozenset(e.source.countries), frozenset(e.target.countries))
        for e in linked_events(linker, "عنوان\n" + text)
    }


def _pairs(linker: Linker, text: str, etype: str) -> set[frozenset[str]]:
    return {a | b for t, a, b in _summary(linker, text) if t == etype}


# --- partners through a head noun or a title (partner_head.py) ------------------------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("وعقد وزير الخارجية الإيراني لقاء مع الوفد العماني في طهران.", {"IRN", "OMN"}),
        ("وعقد وزير الخارجية القطري أمس اجتماعا مع مسؤولين أمريكيين.", {"QAT", "USA"}),
        (
            "وكان أول اجتماع للرئيس الإيراني في العاصمة مع رئيس الوزراء ميخائيل ميشوستين.",
            {"IRN", "RUS"},
        ),
    ],
)
def test_partner_named_through_its_head(shipped: Linker, text: str, pair: set[str]) -> None:
    assert frozenset(pair) in _pairs(shipped, text, "CONSULT")


@pytest.mark.parametrize(
    ("text", "prep"),
    [
        ("لقاء مع الوفد العماني", "مع"),
        ("اجتماع مع مسؤولين أمريكيين", "مع"),
        ("لقاء مع رئيس الوزراء ميشوستين", "مع"),
        # a glued preposition is the title's own: "the chargé d'affaires", not a partner
        ("استدعت القائم بالأعمال التركي", ""),
        # a head with no preposition before it
        ("وصل الوفد العماني", ""),
    ],
)
def test_head_prep(text: str, prep: str) -> None:
    tokens = tokenize(fold(text))
    assert head_prep(tokens, len(tokens) - 1) == prep


# --- one actor named twice in apposition (same_entity.py) -----------------------------------


def test_title_and_name_in_apposition_are_one_party(shipped: Linker) -> None:
    text = "وعقد الرئيس الروسي، فلاديمير بوتين، اليوم، اجتماعا مع الرئيس التركي رجب طيب أردوغان."
    assert frozenset({"RUS", "TUR"}) in _pairs(shipped, text, "CONSULT")


def test_name_after_the_office_is_the_visitor_not_the_visited(shipped: Linker) -> None:
    text = (
        "وصل وزير الخارجية الإيراني في الحكومة الجديدة، عباس عراقجي، صباح اليوم، إلى "
        "العاصمة السعودية الرياض."
    )
    assert ("CONSULT", frozenset({"IRN"}), frozenset({"SAU"})) in _summary(shipped, text)


# --- "ما" that means "what" (ma_relative.py) ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("وهو ما دعا", False),
        ("وهذا ما دفع", False),
        ("وفق ما أعلنت", False),
        ("ما دعا", True),
        ("إنه ما دعا", True),
        ("لم يدع", True),
    ],
)
def test_ma_after_a_pronoun_is_no_negation(text: str, negated: bool) -> None:
    tokens = tokenize(fold(text))
    assert is_negated(tokens, len(tokens) - 1, 0) is negated


# --- one's own mission evacuated, diplomats withdrawn (mission_host.py, own_clause.py) -------


def test_mission_evacuated_after_a_judgement_goes_to_the_place_named_before(
    shipped: Linker,
) -> None:
    text = (
        "هاجم مسلحون سفارة أذربيجان في طهران، في هجوم عدته باكو عملا إرهابيا وبدأت على "
        "إثره إخلاء بعثتها الدبلوماسية."
    )
    assert ("SANCTION", frozenset({"AZE"}), frozenset({"IRN"})) in _summary(shipped, text)


@pytest.mark.parametrize(
    "text",
    [
        "بدأت بريطانيا سحب دبلوماسييها من إيران.",
        "أعلنت الخارجية البريطانية إجلاء موظفي سفارتها في طهران.",
        "أعلنت بريطانيا أنها سحبت أفراد طاقمها الدبلوماسي من العاصمة الإيرانية.",
    ],
)
def test_diplomats_withdrawn_is_a_sanction(shipped: Linker, text: str) -> None:
    assert ("SANCTION", frozenset({"GBR"}), frozenset({"IRN"})) in _summary(shipped, text)


def test_expelled_envoy_takes_no_host_from_before(shipped: Linker) -> None:
    # "طرد السفير": no possessive tail, the envoy's state is the target, not a place before
    text = "وفي طهران، أعلنت الحكومة الأذربيجانية طرد السفير الروسي."
    got = {(a, b) for t, a, b in _summary(shipped, text) if t == "SANCTION"}
    assert (frozenset({"AZE"}), frozenset({"IRN"})) not in got


# --- a subject past a relative clause between commas (parenthetical.py) ---------------------


def test_signing_states_past_a_relative_clause(shipped: Linker) -> None:
    text = (
        "وقعت تركيا وأذربيجان وجورجيا، التي تربطها منذ سنوات طويلة علاقات اقتصادية وعسكرية "
        "وثيقة، اتفاقية للتعاون الدفاعي."
    )
    assert ("AGREE", frozenset({"TUR"}), frozenset({"AZE", "GEO"})) in _summary(shipped, text)


def test_report_past_a_relative_clause_is_not_read_as_the_subject(shipped: Linker) -> None:
    # a complementizer after the closing comma: the noun is in the reported clause
    text = (
        "وقالت تركيا، التي تربطها منذ سنوات طويلة علاقات اقتصادية وعسكرية وثيقة بأذربيجان، "
        "إن المحادثات مستمرة."
    )
    assert not _pairs(shipped, text, "CONSULT")


# --- a subject after a chain of titles (titled.py) ------------------------------------------


def test_subject_after_a_chain_of_titles(shipped: Linker) -> None:
    text = (
        "التقى نائب رئيس مجلس الوزراء وزير الخارجية السيد فؤاد حسين أمس وزير خارجية "
        "المملكة العربية السعودية."
    )
    assert frozenset({"IRQ", "SAU"}) in _pairs(shipped, text, "CONSULT")


def test_a_name_between_titles_stops_the_chain(shipped: Linker) -> None:
    # an unlinked name among the words: the actor after it is the object, not the subject
    text = "استقبل رئيس الوزراء السيد أحمد الفلاني وزير خارجية المملكة العربية السعودية."
    assert not _pairs(shipped, text, "CONSULT")


# --- the first party of a call told with its partner only (protagonist.py), and a truce
# --- placed in a third state that is not the last pair's (elsewhere.py) ----------------------

_CALL = (
    "دعا وزير الخارجية التركي جميع الأطراف إلى التهدئة.\n"
    "وجاءت هذه الدعوة خلال مكالمة هاتفية أجراها مع وزير الخارجية الإيراني.\n"
    "وقال المتحدث باسم الخارجية التركية إن الوزير استعرض الجهود المبذولة لوقف إطلاق النار "
    "في قطاع غزة.\n"
)


def test_call_held_by_the_person_named_before(shipped: Linker) -> None:
    assert frozenset({"TUR", "IRN"}) in _pairs(shipped, _CALL, "CONSULT")


def test_truce_in_a_third_state_is_not_the_pair_of_the_call(shipped: Linker) -> None:
    assert frozenset({"TUR", "IRN"}) not in _pairs(shipped, _CALL, "RETREAT")


# --- a masculine verb joined by و does not take a city named before it (masc_subject.py) -----


def test_masculine_verb_goes_on_with_the_person_not_the_city(shipped: Linker) -> None:
    text = (
        "واتهم الرئيس الأوكراني موسكو بقصف محطات الكهرباء، وطالب الولايات المتحدة بإرسال "
        "المزيد من الأسلحة."
    )
    got = _summary(shipped, text)
    assert ("REQUEST", frozenset({"UKR"}), frozenset({"USA"})) in got
    assert ("REQUEST", frozenset({"RUS"}), frozenset({"USA"})) not in got


def test_feminine_verb_may_take_the_city(shipped: Linker) -> None:
    text = "وردت موسكو على الاتهامات، وطالبت واشنطن بوقف تسليم الأسلحة."
    got = _summary(shipped, text)
    assert ("REQUEST", frozenset({"UKR"}), frozenset({"USA"})) not in got


# --- talks "between the delegations of the two countries" (between_pair.py) -----------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("محادثات مباشرة بين وفدي البلدين", True),
        ("اجتماع بين وزيري خارجية البلدين", True),
        ("محادثات بين الجانبين", True),
        # a named pair is read from its units, not the last pair
        ("محادثات بين وفدي روسيا وتركيا", False),
        # "بين" far from the noun belongs to another phrase
        ("محادثات حول الخلاف المتصاعد منذ سنوات بين البلدين", False),
    ],
)
def test_between_pair(text: str, pair: bool) -> None:
    tokens = tokenize(fold(text))
    hits = [h for h in load_lexicon().match(tokens) if h.entry.type == "CONSULT"]
    assert hits
    assert between_pair(hits[0], tokens, len(tokens)) is pair


def test_between_pair_yields_to_a_pair_named_before(shipped: Linker) -> None:
    """"بين البلدين" after the noun does not hide the two leaders named before it in the
    clause, even when no earlier pair exists in the document."""
    text = "شهد الرئيس التركي ورئيس الوزراء الباكستاني في أنقرة توقيع اتفاقيات بين البلدين."
    got = _summary(shipped, text)
    assert any(t == "AGREE" and {*s, *d} == {"TUR", "PAK"} for t, s, d in got)
