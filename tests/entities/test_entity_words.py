"""The document word table answers as the bounded regular-expression scans it replaces."""

from __future__ import annotations

import random
import re

from rasad.entities.words import WORD, Words

_SENTENCE = re.compile(r"[^.!?؟\n؛]+[.!?؟؛]*")  # as rasad.entities.model_names


def _texts() -> list[str]:
    rng = random.Random(7)
    parts = [
        "سالم",
        "و",
        "كمال-الدين",
        "2024",
        "،",
        " ",
        "  ",
        "أحمد",
        "x1y",
        ".",
        "\n",
        "؟",
        "a_b",
        "ب",
        "؛",
    ]
    return ["".join(rng.choice(parts) for _ in range(rng.randint(0, 30))) for _ in range(300)]


def test_within_cuts_like_a_bounded_scan() -> None:
    rng = random.Random(11)
    for norm in _texts():
        table = Words(norm)
        assert table.spans == [m.span() for m in WORD.finditer(norm)]
        for _ in range(12):
            lo = rng.randint(0, len(norm))
            hi = rng.randint(lo, len(norm))
            assert table.within(lo, hi) == [m.span() for m in WORD.finditer(norm, lo, hi)]


def test_between_gives_the_words_of_each_sentence() -> None:
    for norm in _texts():
        table = Words(norm)
        for sent in _SENTENCE.finditer(norm):
            s, e = sent.span()
            assert table.between(s, e) == [m.span() for m in WORD.finditer(norm, s, e)]
