"""One sense per discourse (`rasad.ner.consistency`): untagged repeats of frequent names."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.ner.consistency import propagate

BANK = ["البنك", "التجاري"]
ORG2 = ["B-ORG", "I-ORG"]


def test_untagged_repeat_of_a_name_tagged_three_times_is_tagged() -> None:
    keys = [["قال", "بركات"], ["ان", "بركات"], ["و", "بركات"], ["عاد", "بركات", "امس"]]
    labels = [["O", "B-PERS"]] * 3 + [["O", "O", "O"]]
    assert propagate(keys, labels)[-1] == ["O", "B-PERS", "O"]


def test_a_name_tagged_only_twice_is_not_spread() -> None:
    keys = [["قال", "بركات"], ["ان", "بركات"], ["عاد", "بركات"]]
    labels = [["O", "B-PERS"], ["O", "B-PERS"], ["O", "O"]]
    assert propagate(keys, labels) == labels
    assert propagate(keys, labels, min_count=2)[-1] == ["O", "B-PERS"]


def test_multi_word_repeat_before_the_tagged_mentions_is_tagged_too() -> None:
    keys = [["في", *BANK], [*BANK], [*BANK], [*BANK]]
    labels = [["O", "O", "O"], ORG2, ORG2, ORG2]
    assert propagate(keys, labels)[0] == ["O", *ORG2]


def test_a_repeat_the_tagger_labelled_is_left_alone() -> None:
    keys = [[*BANK]] * 5
    labels = [ORG2, ORG2, ORG2, ["B-ORG", "O"], ["O", "B-LOC"]]
    assert propagate(keys, labels) == labels


def test_window_limits_the_reach() -> None:
    keys = [[*BANK]] * 3 + [["و"]] * 5 + [[*BANK]]
    labels = [ORG2] * 3 + [["O"]] * 5 + [["O", "O"]]
    assert propagate(keys, labels, window=5)[-1] == ["O", "O"]
    assert propagate(keys, labels, window=8)[-1] == ORG2


def test_type_is_the_most_frequent_one() -> None:
    keys = [[*BANK]] * 6
    labels = [ORG2, ORG2, ORG2, ["B-LOC", "I-LOC"], ["B-LOC", "I-LOC"], ["O", "O"]]
    assert propagate(keys, labels)[-1] == ORG2


def test_longer_entity_wins_over_its_part() -> None:
    name = ["بنك", "قطر", "الوطني"]
    keys = [name, name, name, ["بنك", "قطر"], ["بنك", "قطر"], ["بنك", "قطر"], ["في", *name]]
    labels = [["B-ORG", "I-ORG", "I-ORG"]] * 3 + [["B-LOC", "I-LOC"]] * 3 + [["O"] * 4]
    assert propagate(keys, labels)[-1] == ["O", "B-ORG", "I-ORG", "I-ORG"]


def test_nothing_to_do_returns_equal_copies() -> None:
    labels = [["O"], []]
    out = propagate([["و"], []], labels)
    assert out == labels
    assert out[0] is not labels[0]


_LABELS = st.sampled_from(["O", "O", "O", "B-PERS", "I-PERS", "B-ORG", "I-ORG"])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(st.sampled_from(["أ", "ب", "ج"]), _LABELS), max_size=6),
        max_size=8,
    ),
    st.integers(min_value=1, max_value=4),
)
def test_only_untagged_words_change(sents: list[list[tuple[str, str]]], min_count: int) -> None:
    keys = [[k for k, _ in s] for s in sents]
    labels = [[lab for _, lab in s] for s in sents]
    out = propagate(keys, labels, window=2, min_count=min_count)
    assert [len(s) for s in out] == [len(s) for s in labels]
    for old, new in zip(labels, out, strict=True):
        for a, b in zip(old, new, strict=True):
            assert a == b or a == "O"
