from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st

from rasad.arabic import clitic_stems, fold, normalize
from rasad.doc import Doc

# Arabic letters, diacritics, tatweel, Persian letters, digits, quotes, bidi marks, ligatures,
# Latin with accents, spaces and punctuation.
ALPHABET = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىة")
    + list("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640")
    + list("کیگپچژڤ٠١٢٣٤٥٦٧٨٩۰۱۲«»“”‘’\u200f\u200e\u202b\u202c\ufeff\u200c")
    + list("\ufdfd\ufefb\ufdf2\ufb50ﻻ")
    + list("ErdoğanÇavuşİß abc.,:؟،-–—\n")
)
texts = st.text(alphabet=ALPHABET, max_size=80)


@given(texts)
@settings(max_examples=400)
def test_normalize_idempotent(text: str) -> None:
    norm, _ = normalize(text)
    assert normalize(norm)[0] == norm
    assert fold(norm) == norm
    assert fold(text) == norm


@given(texts)
@settings(max_examples=400)
def test_offset_map_monotone_and_complete(text: str) -> None:
    norm, omap = normalize(text)
    starts = omap.to_list()
    assert len(starts) == len(norm) + 1
    assert starts[-1] == len(text)
    assert all(a <= b for a, b in itertools.pairwise(starts))
    assert all(0 <= s <= len(text) for s in starts)


@given(texts, st.integers(0, 80), st.integers(1, 20))
@example("\ufdfd\ufdfd", 9, 14)  # a span across two 22-letter ligatures
@settings(max_examples=400)
def test_norm_spans_map_to_valid_slices(text: str, start: int, length: int) -> None:
    norm, omap = normalize(text)
    if not norm:
        return
    start = start % len(norm)
    end = min(len(norm), start + length)
    t0, t1 = omap.span(start, end, text)
    assert 0 <= t0 < t1 <= len(text)
    # the slice folds back to the normalised span; a span inside an expansion (ß → ss,
    # a ligature such as U+FDFD, 22 letters) maps to the whole source character, so only the
    # first and the last source character may fold to more than the span holds
    folded = fold(text[t0:t1])
    assert norm[start:end] in folded
    assert len(folded) - (end - start) <= len(fold(text[t0])) + len(fold(text[t1 - 1]))


@given(texts)
def test_doc_text_unchanged(text: str) -> None:
    doc = Doc(source="t")
    doc.set_text(text)
    _ = doc.norm
    assert doc.text == text


def test_fold_examples() -> None:
    assert fold("أَرْدُوغَانْ") == "اردوغان"
    assert fold("إردوغان") == fold("اردوغان") == fold("أردوغان")
    assert fold("مصطفى") == "مصطفي"
    assert fold("الجمهورية") == "الجمهوريه"
    assert fold("کابل پاکستان") == "كابل باكستان"
    assert fold("٢٠٢٢ ۱۴") == "2022 14"
    assert fold("«بوتين»") == '"بوتين"'
    assert fold("Erdoğan Çavuşoğlu") == "erdogan cavusoglu"
    assert fold("بوتيـــن") == "بوتين"
    assert fold("\u200fبوتين\u200e") == "بوتين"


def test_ligature_maps_to_whole_source_character() -> None:
    text = "قال ﷽ ثم"
    norm, omap = normalize(text)
    i = norm.index("بسم")
    j = norm.index("الرحيم") + len("الرحيم")
    assert text[slice(*omap.span(i, j, text))] == "\ufdfd"
    lam_alef = "ﻻ"
    norm2, omap2 = normalize(lam_alef)
    assert norm2 == "لا"
    assert omap2.span(0, 1, lam_alef) == (0, 1)


def test_span_keeps_trailing_diacritic() -> None:
    text = "قال وزيرُ الخارجية"
    norm, omap = normalize(text)
    i = norm.index("وزير")
    assert text[slice(*omap.span(i, i + 4, text))] == "وزيرُ"


def test_clitic_stems() -> None:
    assert "بوتين" in clitic_stems("وبوتين")
    assert "بوتين" in clitic_stems("لبوتين")
    assert fold("الرئيس") in clitic_stems(fold("للرئيس"))
    assert "الكرملين" in clitic_stems("بالكرملين")
    assert clitic_stems("ب") == ("ب",)


def test_one_month_table_serves_both_date_readers() -> None:
    from rasad.arabic import MONTHS
    from rasad.events.dates import resolve_text
    from rasad.extraction.pubdate import find_published

    assert all(fold(name) == name for name in MONTHS)
    for text, iso in (("12 جانفي 2024", "2024-01-12"), ("12 غشت 2024", "2024-08-12")):
        found = find_published(
            html=None,
            url=None,
            meta_lines=[],
            head_text=f"نشر يوم {text}",
            warc_date=None,
            option=None,
            record_date=None,
        )
        assert found == (iso, "text")
        assert iso in str(resolve_text(f"التقى الوزيران في {text} في العاصمة", "2024-09-01"))


def test_fold_light_is_the_ner_folding() -> None:
    from rasad.arabic import fold, fold_light
    from rasad.ner.normalize import normalize

    word = "المُؤتمَرُ الإقليميّة ـ مسئول ٣"
    assert normalize(word) == fold_light(word) == "المؤتمر الاقليميه  مسئول 3"
    assert fold("مسئول") == "مسيول"  # the full folding also drops hamza carriers
