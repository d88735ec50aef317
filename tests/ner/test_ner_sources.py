"""Build-time NER resources: word statistics, curated and PETRARCH name lists."""

from __future__ import annotations

import gzip
from pathlib import Path

from rasad.ner.features import Featurizer
from rasad.ner.lexicons import Gazetteer, Lexicon
from rasad.ner.namelike import NameLike, training_words
from rasad.ner.normalize import normalize
from rasad.ner.sources import curated_entries, petrarch_person_entries
from rasad.ner.wordstats import WordStats, build_table

ANERCORP = Path(__file__).parents[2] / ".." / "shared" / "data" / "anercorp"

# Invented frequencies (fractions of all tokens) for a common noun with its
# inflected forms, a transliterated name and a place with nisba forms.
FREQS = {
    "كتاب": 1e-4,
    "الكتاب": 2e-4,
    "كتابها": 3e-6,
    "كتابهم": 2e-6,
    "كتابات": 1e-5,
    "زيلنكو": 4e-6,
    "ريمان": 5e-6,
    "ريمانيه": 2e-6,
    "ريمانيين": 1e-6,
}


def test_codes_separate_common_nouns_from_names() -> None:
    table = build_table(FREQS)
    stats = WordStats(table)
    noun = stats.features("كتاب")
    name = stats.features("زيلنكو")
    assert "al=2" in noun  # two thirds of its uses carry ال
    assert "fxp=0" not in noun
    assert "fxl=0" not in noun
    assert name[:2] == ["zf=3", "al=0"]
    assert {"fxp=0", "fxl=0", "fxn=0"} <= set(name)
    assert "fxn=0" not in stats.features("ريمان")  # it has nisba forms
    assert stats.features("غيرموجود") == ["zf=none"]
    assert "الكتاب" not in table  # stems are stored without ال


def test_table_round_trips_and_is_deterministic(tmp_path: Path) -> None:
    stats = WordStats(build_table(FREQS))
    path = tmp_path / "ws.tsv.gz"
    stats.write(path)
    first = path.read_bytes()
    stats.write(path)
    assert path.read_bytes() == first  # gzip mtime fixed: reproducible builds
    assert WordStats.read(path).table == stats.table
    assert WordStats.read(tmp_path / "missing.tsv.gz").table == {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        assert all("\t" in line for line in fh)


def test_shipped_table_covers_common_words() -> None:
    stats = WordStats.read()
    assert len(stats.table) > 100_000
    assert stats.features(normalize("وزارة"))[0] != "zf=none"


def test_featurizer_adds_stats_only_for_arabic_words() -> None:
    stats = WordStats(build_table(FREQS))
    feat = Featurizer(Gazetteer([]), Lexicon({}), stats)
    arabic = feat.sentence(["الكتاب", "abc"])
    assert any(f.startswith("zf=") for f in arabic[0])
    assert not any(f.startswith("zf=") for f in arabic[1])
    assert any(f.startswith("-1zf=") for f in arabic[1])  # seen from the neighbour
    plain = Featurizer(Gazetteer([]), Lexicon({}))
    assert not any(f.startswith("zf=") for f in plain.sentence(["الكتاب"])[0])


def test_curated_entries_are_typed_and_normalised() -> None:
    entries = curated_entries()
    types = {t for t, _ in entries}
    assert {"kORG", "kPERS", "kMISC", "FIRST", "LAST"} <= types
    assert ("kORG", normalize("مايكروسوفت")) in entries
    assert all(e == " ".join(normalize(w) for w in e.split()) for _, e in entries)


def test_curated_file_rejects_unknown_section(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text("# comment\n[ORG x]\nشركة ألف\n[PERS]\nزيد عمرو\n", encoding="utf-8")
    assert curated_entries(path) == [
        ("kORG", "شركه الف"),
        ("kPERS", "زيد عمرو"),
        ("FIRST", "زيد"),
        ("LAST", "عمرو"),
    ]


def test_petrarch_names_skip_titles_and_bodies() -> None:
    entries = petrarch_person_entries(ANERCORP)
    names = {e for t, e in entries if t == "kPERSu"}
    assert len(names) > 600
    assert not any(name.split()[0] in {"رئيس", "وزير", "حركه", "مجلس"} for name in names)
    assert petrarch_person_entries(Path("/nonexistent/anercorp")) == []


# Invented name-like and word-like training lists (not from any data set).
NAMES = ["كوستوف", "بيتروف", "ميلانوف", "فاسيلوف", "ستيفانوف", "سوكولوف"]
WORDS = ["مكتبه", "مدرسه", "مكاتب", "كاتب", "مكتوب", "دارس", "مدارس", "درسه"]


def test_namelike_prefers_names_with_name_letters() -> None:
    model = NameLike.train(NAMES, WORDS)
    assert model.ratio("بوريسوف") > 0 > model.ratio("مكتب")
    assert model.features("بوريسوف") != model.features("مكتب")
    assert model.features("من") == []  # too short to judge


def test_namelike_round_trip(tmp_path: Path) -> None:
    model = NameLike.train(NAMES, WORDS)
    path = tmp_path / "nl.tsv.gz"
    model.write(path)
    again = NameLike.read(path)
    assert again is not None
    for word in ["بوريسوف", "مكتب", "سوكولوف", "غريب"]:
        assert again.features(word) == model.features(word)
    assert NameLike.read(tmp_path / "missing.tsv.gz") is None


def test_namelike_training_words_drop_overlap() -> None:
    entries = [("PERS", "كوستوف"), ("kLOC", "المدرسه"), ("kORG", "شركه"), ("LAST", "بيتروف")]
    stats = {"مدرسه": "5|3|b|b|", "بيتروف": "2|0|||"}
    names, common = training_words(entries, stats)
    assert names == ["بيتروف", "كوستوف"]  # article removed, ORG entries not names
    assert common == []  # مدرسه is in both lists; بيتروف is too rare to be common
