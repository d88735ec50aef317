"""Tests for the CRF named-entity tagger (rasad.ner)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from rasad.ner import CrfTagger, tokenize
from rasad.ner.corpus import evaluate, load_split
from rasad.ner.tagger import DEFAULT_MODEL

ANERCORP = Path(__file__).parents[2] / ".." / "shared" / "data" / "anercorp"
# Micro F1 measured on the CAMeL test split (docs/ner.md), rounded down.
TEST_F1_FLOOR = 0.754

# A sentence written for this test (not taken from any corpus).
SENTENCE = "استقبل الرئيس محمد عبد الرحمن في القاهرة أمس وزير الخارجية الألماني ."


def test_model_ships_and_loads_fast() -> None:
    assert DEFAULT_MODEL.exists()
    size = sum(p.stat().st_size for p in DEFAULT_MODEL.parent.iterdir() if p.is_file())
    assert size < 30_000_000
    start = time.perf_counter()
    tagger = CrfTagger.load(DEFAULT_MODEL, cache=False)
    assert time.perf_counter() - start < 5.0  # about 0.3 s; generous for busy CI
    assert CrfTagger.load() is CrfTagger.load()
    assert isinstance(tagger, CrfTagger)


@pytest.mark.parametrize(
    "text",
    [
        SENTENCE,
        "قالت (رويترز): ارتفع السهم 3.5% إلى 120,5 دولار «يوم الخميس»...",
        "  نصٌّ مُشَكَّل\tو English words, 2024/05/01 — end",
        "",
    ],
)
def test_tokenize_offsets_round_trip(text: str) -> None:
    spans = tokenize(text)
    pos = 0
    for start, end in spans:
        assert pos <= start < end <= len(text)
        assert text[pos:start].strip() == ""  # only whitespace is skipped
        pos = end
    assert text[pos:].strip() == ""


def test_tokenize_style() -> None:
    text = "قال: «والعراق» 3.5% (ABC)."
    assert [text[s:e] for s, e in tokenize(text)] == [
        "قال",
        ":",
        "«",
        "والعراق",
        "»",
        "3.5%",
        "(",
        "ABC",
        ")",
        ".",
    ]


def test_tag_finds_person_and_place() -> None:
    tagger = CrfTagger.load()
    tokens = [SENTENCE[s:e] for s, e in tokenize(SENTENCE)]
    labels = tagger.tag(tokens)
    assert len(labels) == len(tokens)
    assert labels[tokens.index("محمد")] == "B-PERS"
    assert labels[tokens.index("القاهرة")] == "B-LOC"
    ents = tagger.entities(SENTENCE)
    found = {(SENTENCE[s:e], typ) for s, e, typ in ents}
    assert ("القاهرة", "LOC") in found
    assert any(typ == "PER" and text.startswith("محمد") for text, typ in found)
    assert all(typ in {"PER", "LOC", "ORG", "MISC"} for _, _, typ in ents)


def test_tag_empty_and_odd_input() -> None:
    tagger = CrfTagger.load()
    assert tagger.tag([]) == []
    assert tagger.entities("") == []
    assert tagger.entities("...!!") == []
    long_text = "كلمة " * 500
    assert isinstance(tagger.entities(long_text), list)


@pytest.mark.slow
def test_anercorp_test_split_f1() -> None:
    if not (ANERCORP / "ANERCorp").exists():
        pytest.skip("ANERcorp not available")
    _, test = load_split(ANERCORP)
    tagger = CrfTagger.load()
    pred = tagger.tag_sentences([[w for w, _ in s] for s in test])
    scores = evaluate([[t for _, t in s] for s in test], pred)
    assert scores["micro"].f1 >= TEST_F1_FLOOR
