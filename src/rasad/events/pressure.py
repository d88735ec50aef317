"""Strike verbs used for economic pressure: "استهدف الاتحاد الأوروبي روسيا بحزمة جديدة من
العقوبات", "ضربت واشنطن قطاع النفط الإيراني بعقوبات" are sanctions, not attacks.

A trigger flagged ``pressure`` in ``triggers.tsv`` (استهدف، ضرب) is read as SANCTION when a
sanctions word (cue ``sanction_words``: عقوبات، العقوبات، حزمة عقوبات ...) stands in its clause
within eight words after it. A row flagged ``pressureonly`` as well (ضرب, which also means
"to hit a record", "to set a date") is no trigger at all without such a word.
"""

from __future__ import annotations

from dataclasses import replace

from .cues import cue
from .lexicon import Hit, Token

__all__ = ["pressure_hits"]

_WORDS = cue("sanction_words")
_BREAKS = cue("clause_breaks")
_REACH = 8


def _bare(word: str) -> str:
    for clitic in ("وب", "فب", "و", "ف", "ب"):
        if word.startswith(clitic) and word[len(clitic) :] in _WORDS:
            return word[len(clitic) :]
    return word


def _sanctions_after(hit: Hit, tokens: list[Token], tj: int) -> bool:
    for k in range(hit.j, min(tj, hit.j + _REACH)):
        word = tokens[k].text
        if _bare(word) in _WORDS:
            return True
        if word in _BREAKS:
            return False
    return False


def pressure_hits(hits: list[Hit], tokens: list[Token], tj: int) -> list[Hit]:
    """``hits`` of one sentence (ending before word ``tj``) with strike verbs of pressure
    read as sanctions, and pressure-only verbs without sanctions words dropped."""
    out: list[Hit] = []
    for h in hits:
        if not h.entry.has("pressure"):
            out.append(h)
        elif _sanctions_after(h, tokens, tj):
            out.append(replace(h, entry=replace(h.entry, type="SANCTION", mode=None)))
        elif not h.entry.has("pressureonly"):
            out.append(h)
    return out
