"""The NER speed-ups give the same results as the plain computation they replace."""

from __future__ import annotations

import gzip
from pathlib import Path

from rasad.ner.crfmodel import attributes
from rasad.ner.lexicons import Lexicon
from rasad.ner.tagger import DEFAULT_MODEL, CrfTagger, stage1_path
from rasad.ner.wordstats import SortedTable, WordStats

# Our own sentences: people, places and bodies, with clitics and punctuation.
_TEXTS = [
    "قال الباحث محمود الزهيري إن الاتفاق صامد، وأضاف أن وزارة الخارجية في عمان ترحب به.",
    "والتقى الرئيس سليم برقاوي بنظيره في مدينة طرابلس أمس.",
    "وأعلنت الشركة الوطنية للنفط أن المدير العام كريم السعداوي سيزور بغداد والقاهرة.",
]


def test_the_model_file_lists_every_attribute_pycrfsuite_knows() -> None:
    crf = CrfTagger.load()
    assert crf._first is not None
    known = attributes(stage1_path(DEFAULT_MODEL))
    info = crf._first.info()  # type: ignore[attr-defined]
    assert known == {a for a, _ in info.state_features}


def test_pruned_features_give_the_same_labels_and_marginals() -> None:
    crf = CrfTagger.load()
    first, pruned = crf._first, crf._pruned
    assert first is not None
    assert pruned is not None
    for text in _TEXTS:
        tokens = text.replace("،", " ،").replace(".", " .").split()
        full = crf.featurizer.sentence(tokens)
        short = crf.featurizer.coded(tokens, pruned)
        assert sum(map(len, short)) < sum(map(len, full))  # something was left out
        labels = first.tag(full)
        probs = [first.marginal(y, i) for i, y in enumerate(labels)]
        assert first.tag(short) == labels
        assert [first.marginal(y, i) for i, y in enumerate(labels)] == probs


def test_person_spans_only_are_the_person_spans_of_all() -> None:
    crf = CrfTagger.load()
    for text in _TEXTS:
        every = crf.scored_entities(text, two_pass=False)
        people = crf.scored_entities(text, two_pass=False, types=("PER",))
        assert people == [x for x in every if x[2] == "PER"]
    assert any(crf.scored_entities(t, two_pass=False, types=("PER",)) for t in _TEXTS)


def test_sorted_table_reads_like_a_dict(tmp_path: Path) -> None:
    table = {"بغداد": "4|0|||", "بغدادي": "3|1|a||", "ب": "1|0|||", "كتاب": "5|3|c|b|"}
    WordStats(table).write(tmp_path / "w.tsv.gz")
    read = WordStats.read(tmp_path / "w.tsv.gz").table
    assert isinstance(read, SortedTable)
    assert read == table
    assert len(read) == 4
    assert read.get("بغدا") is None
    assert read.get("") is None
    assert "كتب" not in read
    # lines out of order are read into a plain dict
    rows = "".join(f"{k}\t{v}\n" for k, v in sorted(table.items(), reverse=True))
    (tmp_path / "u.tsv.gz").write_bytes(gzip.compress(rows.encode()))
    unsorted = WordStats.read(tmp_path / "u.tsv.gz").table
    assert isinstance(unsorted, dict)
    assert unsorted == table


def test_lexicon_summaries_on_demand_match_the_counts() -> None:
    lex = Lexicon({"بغداد": {"B-LOC": 7, "O": 1}, "قال": {"O": 40}})
    assert lex.word("بغداد") == ("B-LOC", "f5")
    assert lex.word("قال") == ("O", "f5")
    assert lex.word("غير") == ("UNK",)
    assert lex.stem("بغداد") == ("UNK",)  # no stem index yet


def test_windows_without_a_possible_name_are_the_only_ones_skipped() -> None:
    from rasad.entities.model_names import accept, may_hold_name

    norm = 'قال الرئيس في مؤتمر، ان محمد-سالم الكبيسي و"عادل زهران" زارا المدينه.'
    cuts = sorted(
        {0, len(norm)}
        | {i for i, ch in enumerate(norm) if not ch.isalpha()}
        | {i + 1 for i, ch in enumerate(norm) if not ch.isalpha()}
    )
    for known in ((), ((29, 36),), ((20, 36), (39, 52))):
        taken = bytearray(len(norm))
        for a, b in known:
            taken[a:b] = b"\x01" * (b - a)
        spans = [(s, e) for s in cuts for e in cuts if accept(norm, s, e, taken)]
        assert spans  # the text has names left to find
        for s, e in spans:  # every window around an acceptable span is tagged
            assert may_hold_name(norm, max(0, s - 3), min(len(norm), e + 3), taken)
    only_small_words = "قال في ان الى من"
    assert not may_hold_name(only_small_words, 0, len(only_small_words), bytearray(16))
    name = "قال الرئيس سالم الكبيسي"
    taken = bytearray(len(name))
    assert may_hold_name(name, 0, len(name), taken)
    taken[11:] = b"\x01" * (len(name) - 11)  # the name is known already
    assert not may_hold_name(name, 0, len(name), taken)


def test_coded_features_are_the_known_features_of_the_sentence_in_order() -> None:
    crf = CrfTagger.load()
    pruned = crf._pruned
    assert pruned is not None
    extra = ["كتب | بين القاهرة|بغداد و | الرئيس", "| |", "قال وزير الخارجية سامي نور"]
    for text in [*_TEXTS, *extra]:
        tokens = text.replace("،", " ،").replace(".", " .").split()
        for _ in range(2):  # cold, then from the caches
            want = [
                [f.encode() for f in feats if f in pruned.known]
                for feats in crf.featurizer.sentence(tokens)
            ]
            assert crf.featurizer.coded(tokens, pruned) == want
