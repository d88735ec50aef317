"""An act in a clause of its own after a stance: "... في عملية اعتبرتها X هجوما إرهابيا
وبدأت على أثرها إخلاء بعثتها" — the evacuation is not in the object of the judgement; a verb
of starting or deciding joined by و (cue ``clause_verbs``: وبدأت، وقررت، وشرعت ...) opens a new
clause with the stance's side as its subject.

Used by ``extractor.extract_events`` to keep such an act that ``nested.inside_stance`` would
drop.
"""

from __future__ import annotations

from .cues import cue
from .lexicon import Hit, Token

__all__: list[str] = []  # internal to the events package

_CLAUSE_VERBS = cue("clause_verbs")
_STANCES = cue("stance_types")


def own_clause(hit: Hit, hits: list[Hit], tokens: list[Token]) -> bool:
    """A word of ``clause_verbs`` stands between the last stance trigger before ``hit``
    and ``hit``."""
    stance = next((g for g in reversed(hits) if g.i < hit.i and g.entry.type in _STANCES), None)
    if stance is None:
        return False
    return any(tokens[k].text in _CLAUSE_VERBS for k in range(stance.j, hit.i))
