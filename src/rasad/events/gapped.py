"""A gapped second clause: "طردت X 45 دبلوماسيا، وY 40" (X expelled 45 diplomats, and Y 40):
the verb is not said again, so Y, joined by و and followed at once by a count as X was, is a
second subject of the trigger, not its object. Y does what X does, to the same target.

Used by ``directed.directed_sides``.
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Sentence, _strip

__all__: list[str] = []  # internal to the events package

#: count words ("ثلاثة"، "عشرات"، "نحو"); digits are counts too
_COUNTS = cue("counts")
#: how many words after the trigger's subject its own count may stand ("طردت X أمس 45")
_COUNT_REACH = 2


def _count(tokens: list[Token], k: int) -> bool:
    if k >= len(tokens):
        return False
    word = tokens[k].text
    return word[:1].isdigit() or _strip(word) in _COUNTS


def gapped_subjects(
    hit: Hit, sent: _Sentence, tokens: list[Token], subj: list[Unit] | None
) -> list[list[Unit]]:
    """The subjects of gapped clauses after a verb trigger whose subject is followed by a
    count: each a state joined by و and followed by a count, in the trigger's clause (no
    other verb or clause break before it)."""
    if hit.form.tense == "noun" or hit.entry.has("inv") or not subj:
        return []
    after = max((u.j for u in subj), default=hit.j)
    start = max(after, hit.j)
    first = next((k for k in range(start, start + _COUNT_REACH) if _count(tokens, k)), None)
    if first is None or any(start <= u.i < first for u in sent.units):
        return []  # "قصفت X غزة في 7 أكتوبر": the count is no longer the subject's
    stop = min([b for b in (*sent.breaks, *sent.verbs) if b > first] + [sent.tj])
    out: list[list[Unit]] = []
    for u in sent.units:
        if u.i <= first or u.i >= stop or u in subj or any(u in g for g in out):
            continue
        opened = u.clitic_wa or (u.i > 0 and tokens[u.i - 1].text == "و")
        # "دبلوماسيا روسيا، وألمانيا 40": the list may go on from the object's nationality
        group = [v for v in sent.units if v.group == u.group and v.i >= u.i]
        end = max(v.j for v in group)
        if (
            opened
            and u.is_actor
            and u.countries
            and not u.prep
            and not u.nisba
            and _count(tokens, end)
        ):
            out.append(group)
    return out
