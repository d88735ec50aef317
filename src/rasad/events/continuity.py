"""The speaker goes on: a sentence that opens with a statement verb and its subject ("ودعا
المجلس الرئاسي إلى ...", "ودعا بيان صادر عن الرئاسي الليبي إلى ...") makes that subject the
speaker of the next sentences that open with a statement verb of their own and no subject
("وأدان الاشتباكات ..."), as long as each goes on that way. Used by
``extractor.extract_events`` (``_Ctx.speaker``); a reporting verb's speaker is kept apart
(``_Ctx.reporter``), so a later "أفادت وسائل إعلام ..." is not given this one.
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Sentence, _strip

__all__: list[str] = []  # internal to the events package

_STATEMENTS = cue("statement_types")
#: words that may stand before the verb at the start of the sentence ("كما دعا")
_OPENERS = cue("speaker_openers")
#: how far after the verb the subject may start ("بيان صادر عن X": three words)
_REACH = 3


def _opening(hits: list[Hit], sent: _Sentence, tokens: list[Token]) -> Hit | None:
    """A statement verb in the past that opens the sentence (after و، كما)."""
    start = sent.ti + (1 if _strip(tokens[sent.ti].text) in _OPENERS else 0)
    for hit in hits:
        if hit.i == start:
            ok = hit.entry.type in _STATEMENTS and hit.form.tense == "past" and not hit.form.first
            return hit if ok else None
    return None


def statement_subject(hits: list[Hit], sent: _Sentence, tokens: list[Token]) -> Unit | None:
    """The subject of a statement verb that opens the sentence, if it names a body or a
    person of one state that the linker knows."""
    hit = _opening(hits, sent, tokens)
    if hit is not None:
        for u in sent.units:
            if u.i < hit.j or u.i > hit.j + _REACH:
                continue
            if (
                u.is_actor
                and u.entity is not None  # not a body read from context (bodies.py)
                and u.kind in ("PER", "ROLE", "ORG")
                and len(u.countries) == 1
                and u.prep in ("", "عن")
            ):
                return u
            return None
    return None


def continued(hits: list[Hit], sent: _Sentence, tokens: list[Token]) -> Hit | None:
    """A statement verb that opens the sentence with no subject of its own: no actor before
    it, none in the three words after it ("وأدان الاشتباكات التي ...")."""
    hit = _opening(hits, sent, tokens)
    if hit is None or any(u.is_actor and u.i <= hit.j + _REACH for u in sent.units):
        return None
    return hit
