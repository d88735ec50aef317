"""Mention replacement for CRF training (``rasad.ner.augment``) and how the training script
orders, folds and featurises the copies."""

from __future__ import annotations

import itertools

from conftest import load_script
from rasad.ner.augment import name_pool, replace_mentions
from rasad.ner.corpus import Token

SENTS: list[list[Token]] = [
    [("قال", "O"), ("بنك", "B-ORG"), ("النور", "I-ORG"), ("ان", "O"), ("سمير", "B-PERS")],
    [("زار", "O"), ("سمير", "B-PERS"), ("بيروت", "B-LOC")],
    [("شركة", "O"), ("زيتون", "B-ORG"), ("و", "O"), ("اتحاد", "B-ORG"), ("الصيادين", "I-ORG")],
]
POOL = {"ORG": [("مصرف", "الغد"), ("ريحان",), ("هيئه", "المرافئ", "البحريه")]}


def test_name_pool_keeps_organisations_of_one_to_four_words() -> None:
    pool = name_pool(
        [("ORG", "مصرف الغد"), ("kORG", "ريحان"), ("kORG", "ريحان"), ("PERS", "سمير"),
         ("kLOC", "بيروت"), ("kORG", "ا ب ج د ه")]
    )
    assert pool == {"ORG": [("ريحان",), ("مصرف", "الغد")]}


def test_only_sentences_with_organisations_are_copied() -> None:
    copies = replace_mentions(SENTS, POOL, copies=2)
    assert [c.origin for c in copies] == [0, 0, 2, 2]


def test_copy_replaces_organisations_and_keeps_everything_else() -> None:
    for c in replace_mentions(SENTS, POOL, copies=3, seed=5):
        original = SENTS[c.origin]
        assert len(c.tokens) == len(c.align) == len(c.inserted)
        for (word, label), source, new in zip(c.tokens, c.align, c.inserted, strict=True):
            if new:
                assert original[source][1].endswith("ORG")
                assert label.endswith("-ORG")
            else:
                assert (word, label) == original[source]
        # every replaced mention became one pool name, with a B- first
        names = []
        for (word, label), new in zip(c.tokens, c.inserted, strict=True):
            if new and label.startswith("B-"):
                names.append([word])
            elif new:
                names[-1].append(word)
        assert len(names) == sum(1 for _, t in original if t == "B-ORG")
        assert all(tuple(n) in POOL["ORG"] for n in names)
        assert [t for _, t in c.tokens if t.endswith("PERS") or t.endswith("LOC")] == [
            t for _, t in original if t.endswith("PERS") or t.endswith("LOC")
        ]


def test_replacement_is_deterministic_per_seed() -> None:
    a = replace_mentions(SENTS, POOL, seed=1)
    assert a == replace_mentions(SENTS, POOL, seed=1)
    assert a != replace_mentions(SENTS, POOL, seed=2)


def test_copies_stay_in_the_fold_of_their_original() -> None:
    train = load_script("train_ner")
    sents = [[("كلمة", "O")] for _ in range(7)] + SENTS * 3
    copies = replace_mentions(sents, POOL, copies=2)
    every, bounds, originals = train.with_copies(sents, copies)
    assert len(every) == len(sents) + len(copies)
    assert [every[p] for p in originals] == sents
    assert bounds[0] == 0
    assert bounds[-1] == len(every)
    fold_of = {}
    for k, (lo, hi) in enumerate(itertools.pairwise(bounds)):
        fold_of.update({p: k for p in range(lo, hi)})
    for c in copies:
        position = every.index(c.tokens, originals[c.origin])
        assert fold_of[position] == fold_of[originals[c.origin]]


def test_copies_take_the_document_marks_of_their_original() -> None:
    train = load_script("train_ner")
    sents = [SENTS[0], SENTS[1], SENTS[0]]
    keys = [[w for w, _ in s] for s in sents]
    first = [[t for _, t in s] for s in sents]
    copies = replace_mentions(sents, POOL, copies=1)
    doc = train.second_pass_features(keys, copies, first)
    assert len(doc) == len(sents) + len(copies)
    original, copy = doc[0], doc[1]  # sentence 0 and its copy
    assert "D=ORG+" in original[1]  # بنك: an organisation in sentence 2 too
    c = copies[0]
    for features, source in zip(copy, c.align, strict=True):
        assert [f for f in features if f.startswith("D=")] == [
            f for f in original[source] if f.startswith("D=")
        ]
