"""Person-name words from Wikidata (via rigour) as an NER feature."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from rasad.ner.features import Featurizer
from rasad.ner.lexicons import Gazetteer, Lexicon
from rasad.ner.normalize import normalize
from rasad.ner.personnames import PersonNames
from rasad.ner.wordstats import WordStats


def test_shipped_list_has_arabic_and_transliterated_names() -> None:
    names = PersonNames.read()
    assert len(names) > 15_000
    for word in ["طلعت", "زكريا", "فلاديمير", "توماس", "مارادونا"]:
        assert normalize(word) in names, word
    for word in ["حكومة", "وزارة", "مجلس", "الأمن"]:
        assert normalize(word) not in names, word


def test_features_need_one_matching_form() -> None:
    names = PersonNames(["طلعت"])
    assert names.features(("وطلعت", "طلعت", "طلعت"), "4") == ["pn", "pnz=4"]
    assert names.features(("مجلس", "مجلس", "مجلس"), "5") == []


def test_round_trip_is_sorted_and_deterministic(tmp_path: Path) -> None:
    names = PersonNames(["زكريا", "توماس", "طلعت"])
    names.write(tmp_path / "a.txt.gz")
    names.write(tmp_path / "b.txt.gz")
    assert (tmp_path / "a.txt.gz").read_bytes() == (tmp_path / "b.txt.gz").read_bytes()
    text = gzip.decompress((tmp_path / "a.txt.gz").read_bytes()).decode("utf-8")
    assert text.split() == sorted(text.split())
    assert PersonNames.read(tmp_path / "a.txt.gz").words == names.words
    assert len(PersonNames.read(tmp_path / "missing.txt.gz")) == 0


def test_featurizer_marks_the_name_and_its_neighbours() -> None:
    stats = WordStats({"طلعت": "4|0|b|a|"})
    gaz = Gazetteer([("kPERS", "طلعت")])  # a known word, so the clitic و is split off
    feat = Featurizer(gaz, Lexicon({}), stats, persons=PersonNames(["طلعت"]))
    x = feat.sentence(["قال", "وطلعت", "إن"])
    assert "pn" in x[1]
    assert "pnz=4" in x[1]  # with the word's frequency class
    assert "pn" not in x[0]
    assert "1pn" in x[0]  # seen from the word before it
    assert "-1pn" in x[2]
    plain = Featurizer(Gazetteer([]), Lexicon({}), stats)
    assert "pn" not in plain.sentence(["طلعت"])[0]


def test_build_keeps_only_names() -> None:
    pytest.importorskip("rigour")
    built = PersonNames.build(["طلعت", "حكومة", "توماس", "ب"])
    assert built.words == {"طلعت", "توماس"}
