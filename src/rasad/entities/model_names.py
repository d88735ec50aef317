"""People the CRF tagger finds outside the knowledge base, where a name is expected.

The tagger is slow next to the automaton, so it runs only on ``WINDOW_WORDS`` words either side
of a name cue in ``doc.norm`` (``cue_windows``): a title noun or office word (``الباحث``,
``الرئيس``, ``وزير``, ``المتحدث``) or a known person-name part (the NER model's
``personnames.txt.gz``) that no knowledge-base mention covers. Of its spans, a person counts when
the final CRF pass gives every label of the span a marginal probability of at least
``MIN_PROB``, the span has two to four words, overlaps no mention found before, and none of its
words is a function word, a common word or a title/office word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..arabic import fold
from .lexicon import COMMON_WORDS, FUNCTION_WORDS, ROLE_HEADS, TITLE_NOUNS
from .roles import NormMention
from .words import Words

#: A scored tagger: text -> (start, end, type, lowest label marginal) spans.
ScoredTagger = Callable[[str], list[tuple[int, int, str, float]]]

MIN_PROB = 0.9
#: Tag with the first CRF pass alone: on every gold set the same entity F1 as both passes (the
#: document-feature pass adds consistency across a whole text, which a 5-word window lacks),
#: and the stage is about 1.4x faster.
TWO_PASS = False
MAX_WORDS = 4
WINDOW_WORDS = 5
_SENTENCE = re.compile(r"[^.!?؟\n؛]+[.!?؟؛]*")
_CHUNK = re.compile(r"\S+")
_CLITIC = re.compile(r"^(?:[وف]?[بلك]?(?:ال)?)")
_ROLE_WORDS = frozenset(w for head in ROLE_HEADS for w in head.split())
_CUE_WORDS = TITLE_NOUNS | _ROLE_WORDS
_NOT_NAME = FUNCTION_WORDS | COMMON_WORDS | _CUE_WORDS


@lru_cache(maxsize=1)
def person_parts() -> frozenset[str]:
    """Known person-name parts, folded (from the NER model's ``personnames.txt.gz``)."""
    from ..ner.personnames import PersonNames

    return frozenset(f for w in PersonNames.read().words if len(f := fold(w)) >= 3)


def _bare(word: str) -> str:
    rest = _CLITIC.sub("", word)
    return rest if len(rest) >= 2 else word


@lru_cache(maxsize=100_000)
def _cue_kind(word: str) -> int:
    """1: a title or office word (a cue wherever it stands); 2: a known person-name part (a
    cue where no knowledge-base mention covers it); 0: no cue."""
    if word in _CUE_WORDS or _bare(word) in _CUE_WORDS:
        return 1
    return 2 if word in person_parts() and word not in _NOT_NAME else 0


def cue_windows(norm: str, taken: bytearray, table: Words | None = None) -> list[tuple[int, int]]:
    """Spans of ``norm`` around name cues (``taken`` marks known mentions): ``WINDOW_WORDS``
    words either side of a cue, not across a sentence end; overlapping windows merge.
    ``table``: the words of ``norm`` (read here if not given)."""
    if table is None:
        table = Words(norm)
    out: list[tuple[int, int]] = []
    for sent in _SENTENCE.finditer(norm):
        s, e = sent.span()
        words = table.between(s, e)  # no word crosses a sentence's limits
        for i, (ws, we) in enumerate(words):
            kind = _cue_kind(norm[ws:we])
            if kind == 0 or (kind == 2 and taken[ws] != 0):
                continue
            lo = words[max(0, i - WINDOW_WORDS)][0]
            hi = words[min(len(words) - 1, i + WINDOW_WORDS)][1]
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], hi))
            else:
                out.append((lo, hi))
    return out


@lru_cache(maxsize=100_000)
def _open_word(word: str) -> bool:
    """A whitespace-separated word of the text that may lie in an accepted span: letters
    outside ``_NOT_NAME``, or any word with other characters (the span may take only a part
    of it, cut at punctuation, which this does not try to guess)."""
    if not word.isalpha():
        return True
    return word not in _NOT_NAME and _bare(word) not in _NOT_NAME


def may_hold_name(norm: str, ns: int, ne: int, taken: bytearray) -> bool:
    """False when no span of ``norm[ns:ne]`` can pass :func:`accept`: such a span covers two
    neighbouring words with nothing known between them (the end of the first, the spaces, the
    start of the second), and both may be name words. Windows without such a pair need no
    tagging: the result would be the same."""
    e1, w1 = -1, ""
    for m in _CHUNK.finditer(norm, ns, ne):  # each word with the one before it
        s2, w2 = m.start(), m.group()
        if w1 and taken.find(1, e1 - 1, s2 + 1) == -1 and _open_word(w1) and _open_word(w2):
            return True
        e1, w1 = m.end(), w2
    return False


def accept(norm: str, s: int, e: int, taken: bytearray) -> bool:
    """A CRF person span that may become a new person."""
    if e <= s or taken.find(1, s, e) != -1:
        return False
    words = norm[s:e].split()
    if not 2 <= len(words) <= MAX_WORDS:
        return False
    return not any(w in _NOT_NAME or _bare(w) in _NOT_NAME for w in words)


def model_people(
    text: str,
    norm: str,
    to_norm: Callable[[int], int],
    span: Callable[[int, int], tuple[int, int]],
    found: list[NormMention],
    tagger: ScoredTagger,
    table: Words | None = None,
) -> list[tuple[int, int]]:
    """Norm spans of new people the tagger finds in the cue windows of a document
    (``table``: the words of ``norm``, read here if not given)."""
    taken = bytearray(len(norm))
    for m in found:
        taken[m.wstart : m.end] = b"\x01" * (m.end - m.wstart)
    out: list[tuple[int, int]] = []
    for ns, ne in cue_windows(norm, taken, table):
        if not norm[ns:ne].strip() or not may_hold_name(norm, ns, ne, taken):
            continue
        ts, te = span(ns, ne)
        for a, b, typ, prob in tagger(text[ts:te]):
            if typ != "PER" or prob < MIN_PROB:
                continue
            s, e = to_norm(ts + a), to_norm(ts + b)
            if accept(norm, s, e, taken):
                out.append((s, e))
                taken[s:e] = b"\x01" * (e - s)
    return out
