"""Recall mechanisms of the recall9 pass (issue 12): a state body named in full and then by its
bare or shared name ("وزارة الخارجية والمغتربين", "الوزارة") is the same body again, not the
body of the state the text names most. The sentences are invented for these tests and read with
the shipped linker and the event rules."""

from __future__ import annotations

import pytest

from rasad.doc import Doc
from rasad.entities.linker import Linker, Resources
from rasad.events.extractor import extract_events


@pytest.fixture(scope="module")
def shipped() -> Linker:
    return Linker(Resources.shared())


def _doc(linker: Linker, text: str) -> Doc:
    doc = Doc(source="test")
    doc.set_text(text)
    linker.link(doc)
    return doc


# the story names Israel most, but the ministry speaking was named in full as Lebanon's
TEXT = (
    "استنكرت وزارة الخارجية اللبنانية الغارة الإسرائيلية على ميناء اللاذقية. "
    "وقال الجيش الإسرائيلي إن الغارة استهدفت مخزنا، وأضاف متحدث إسرائيلي أن إسرائيل ستواصل. "
    "وشددت وزارة الخارجية والمغتربين على وقوفها إلى جانب سوريا."
)


def test_a_bare_body_after_its_full_name_is_that_body(shipped: Linker) -> None:
    doc = _doc(shipped, TEXT)
    bare = [m for m in doc.mentions if m.text == "وزارة الخارجية"]
    assert bare
    assert all(doc.entities[m.entity_id].country == "LBN" for m in bare)


def test_support_of_the_body_named_again(shipped: Linker) -> None:
    doc = _doc(shipped, TEXT)
    got = {
        (e.type, tuple(e.source.countries), tuple(e.target.countries))
        for e in extract_events(doc)
        if e.type == "SUPPORT"
    }
    assert ("SUPPORT", ("LBN",), ("SYR",)) in got
    assert ("SUPPORT", ("ISR",), ("SYR",)) not in got


def test_a_bare_body_with_no_full_name_before_keeps_the_main_state(shipped: Linker) -> None:
    text = (
        "قال رئيس الوزراء العراقي إن العراق يرفض التدخل. وأضاف أن العراق سيرد. "
        "وأعلنت وزارة الخارجية استدعاء السفير."
    )
    doc = _doc(shipped, text)
    assert [m.entity_id for m in doc.mentions if m.text == "وزارة الخارجية"] == [
        "org:ministry-of-foreign-affairs-iraq"
    ]


WRAPPED = (
    "أصدرت وزارة الخارجية اللبنانية بيانا مساء الأحد حول التطورات في\n"
    "المنطقة، وقالت إن الوزارة تتابع ما يجري على الحدود الجنوبية منذ\n"
    "أيام، وأضافت في بيانها أن لبنان يؤكد وقوفه الدائم\n"
    "إلى جانب سوريا في مواجهة الظروف الصعبة التي تمر بها منذ أشهر\n"
    "طويلة، كما أشار البيان إلى أهمية التنسيق بين البلدين الجارين في\n"
    "المرحلة المقبلة.\n"
)


def test_a_hard_wrapped_line_break_is_no_sentence_end(shipped: Linker) -> None:
    doc = _doc(shipped, WRAPPED)
    got = {
        (e.type, tuple(e.source.countries), tuple(e.target.countries))
        for e in extract_events(doc)
    }
    assert ("SUPPORT", ("LBN",), ("SYR",)) in got


def test_short_or_punctuated_lines_still_end_sentences() -> None:
    from rasad.events.arguments import sentences

    # a title line, then paragraphs: nothing is wrapped, each line is its own sentence
    text = "عنوان قصير\nقال الوزير إن الوضع هادئ\nوأضاف أن الحكومة تتابع"
    assert len(sentences(text)) == 3
    # in a wrapped text a line that ends with a full stop still ends its sentence
    spans = sentences(WRAPPED)
    assert len(spans) == 1
    assert WRAPPED[spans[0][0] : spans[0][1]].startswith("أصدرت")


def _types(linker: Linker, text: str) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {
        (e.type, tuple(e.source.countries), tuple(e.target.countries))
        for e in extract_events(_doc(linker, text))
    }


def test_a_vote_against_the_resolution_of_the_body_named_before(shipped: Linker) -> None:
    text = "تبنى مجلس الأمن الدولي قرارا جديدا بشأن اليمن، وأوضح المندوب أن روسيا صوتت ضد القرار."
    assert ("REJECT", ("RUS",), ("UN",)) in _types(shipped, text)
