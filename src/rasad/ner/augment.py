"""Mention replacement: extra CRF training sentences with other organisation names.

ANERcorp's test names are mostly names never seen in training, and organisations suffer most
(they are long, varied and often foreign). For every training sentence that holds an ``ORG``
mention, :func:`replace_mentions` makes copies (two by default) in which each such mention is
replaced by a random organisation name of the gazetteer (ANERGazet ``ORG`` and the project
lists' ``kORG``): the same context with a name the model has not learnt, so it learns from the
context, the gazetteer marks and the shape of the name instead of the name itself. Only
organisations: replacing person, place or MISC mentions lowered the dev score. The copies are
used only in training (``scripts/train_ner.py``); deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .corpus import Token, spans

__all__ = ["Copy", "name_pool", "replace_mentions"]

#: gazetteer type -> the ANERcorp type its names replace
POOL_TYPES = {"ORG": "ORG", "kORG": "ORG"}
MAX_WORDS = 4


@dataclass(frozen=True, slots=True)
class Copy:
    """A training sentence with replaced mentions.

    ``origin``: index of the original sentence; ``align``: for each token, the index of the
    original token it stands for (the tokens of an inserted name stand for the replaced
    mention's tokens, in order, the last one repeated); ``inserted``: True for those tokens."""

    origin: int
    tokens: list[Token]
    align: list[int]
    inserted: list[bool]


def name_pool(entries: Iterable[tuple[str, str]]) -> dict[str, list[tuple[str, ...]]]:
    """ANERcorp type -> replacement names (tuples of words, 1 to ``MAX_WORDS``), sorted."""
    pool: dict[str, set[tuple[str, ...]]] = {}
    for typ, entry in entries:
        target = POOL_TYPES.get(typ)
        words = tuple(entry.split())
        if target and 1 <= len(words) <= MAX_WORDS:
            pool.setdefault(target, set()).add(words)
    return {t: sorted(names) for t, names in pool.items()}


def replace_mentions(
    sents: Sequence[Sequence[Token]],
    pool: dict[str, list[tuple[str, ...]]],
    copies: int = 2,
    seed: int = 13,
) -> list[Copy]:
    """``copies`` copies of every sentence with a mention of a type in ``pool``, each such
    mention replaced by a random name of its type (labels ``B-``/``I-``); other tokens
    unchanged. Ordered by original sentence."""
    rng = random.Random(seed)
    out: list[Copy] = []
    for i, sent in enumerate(sents):
        found = sorted(s for s in spans([t for _, t in sent]) if pool.get(s[2]))
        out.extend(_replace(i, sent, found, pool, rng) for _ in range(copies if found else 0))
    return out


def _replace(
    i: int,
    sent: Sequence[Token],
    found: list[tuple[int, int, str]],
    pool: dict[str, list[tuple[str, ...]]],
    rng: random.Random,
) -> Copy:
    """One copy of ``sent`` with the mentions ``found`` replaced."""
    tokens: list[Token] = []
    align: list[int] = []
    inserted: list[bool] = []
    pos = 0
    for start, end, typ in found:
        tokens.extend(sent[pos:start])
        align.extend(range(pos, start))
        name = rng.choice(pool[typ])
        tokens.extend((w, ("B-" if k == 0 else "I-") + typ) for k, w in enumerate(name))
        align.extend(min(start + k, end - 1) for k in range(len(name)))
        inserted.extend([False] * (start - pos) + [True] * len(name))
        pos = end
    tokens.extend(sent[pos:])
    align.extend(range(pos, len(sent)))
    inserted.extend([False] * (len(sent) - pos))
    return Copy(i, tokens, align, inserted)
