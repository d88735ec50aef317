"""Blame told with a long subject and object between the verb and its tail: "حمّلت الحكومة
في العاصمة، الرئيس السابق ونائبه، مسؤولية ..." (ACCUSE ``allege``).

The lexicon lets a verb's tail stand up to three words after it (six for ``longgap``). A
verb of blame names its subject and then the one blamed before "مسؤولية", and either may be
a person with a long title in apposition, so the tail of a row flagged ``fartail`` in
``triggers.tsv`` may stand up to twelve words on, in the verb's sentence, with no clause
break (cue ``clause_breaks``), no other verb trigger and no verb of saying between them,
and not right after a preposition ("تحت مسؤولية X"). The hit covers the verb alone and is
read like any directed verb: the subject after it, the first actor after the subject as the
one blamed.
"""

from __future__ import annotations

from .cues import cue
from .lexicon import Hit, Lexicon, Token
from .sides import CLAUSE_BREAKS, _Sentence

__all__: list[str] = []  # internal to the events package

#: prepositions: a tail right after one is not the verb's object ("تحت مسؤولية")
_PREPS = cue("preps") | {"تحت"}
#: how far after the verb its tail may stand
FAR_REACH = 12


def far_tails(hits: list[Hit], tokens: list[Token], sent: _Sentence, lex: Lexicon) -> list[Hit]:
    """Hits of ``fartail`` verbs whose tail stands four to twelve words after them in the
    sentence (one hit per verb, on the verb)."""
    far = lex.subset("fartail")
    taken = {k for h in hits for k in range(h.i, h.j)}
    # verb triggers and verbs of saying: "حمل الوزير رسالة ...، وأكد مسؤولية ..." is no blame
    verbs = sorted(
        h.i
        for h in hits
        if (h.form.tense != "noun" and not h.entry.type.startswith("_"))
        or h.entry.type in ("_REPORT", "_JUDGE")
    )
    out: list[Hit] = []
    for i in range(sent.ti, sent.tj - 1):
        if i in taken or not far.starts(tokens[i].text):
            continue
        stop = min(sent.tj, i + 1 + FAR_REACH)
        for t in range(i + 2, stop):
            if tokens[t].text in CLAUSE_BREAKS or any(i < v < t for v in verbs):
                break
            if tokens[t - 1].text in _PREPS:
                continue  # "تحت مسؤولية X": a phrase, not the verb's second object
            found = [
                h
                for h in far.match([tokens[i], *tokens[t : min(stop, t + 3)]])
                if h.i == 0 and h.j > 1 and h.entry.pos == "V"
            ]
            if found:
                h = found[0]
                out.append(Hit(i, i + 1, tokens[i].start, tokens[i].end, h.entry, h.form, h.clitic))
                break
    return out
