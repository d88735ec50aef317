"""Number agreement of a plural verb with the subject before it.

A plural verb carries its own pronoun subject, which points back to a plural noun phrase:
"اتفق زعماء الاتحاد الأوروبي على تمويل أوكرانيا واستهدفوا موسكو بعقوبات" — the leaders
targeted Moscow, not Ukraine. A single country or city name (not a nisba adjective, not a
list) cannot be that antecedent, so the actor phrase before it in the clause that has no
preposition is taken instead (``plural_subject``).
"""

from __future__ import annotations

from .arguments import Unit
from .lexicon import Hit
from .sides import _Sentence

__all__ = ["plural_subject"]


def _plain_name(group: list[Unit]) -> bool:
    return len(group) == 1 and group[0].kind == "GPE" and not group[0].nisba


def plural_subject(
    hit: Hit, sent: _Sentence, cs: int, found: list[Unit] | None
) -> list[Unit] | None:
    """``found`` (the nearest actor before a verb), or for a plural verb whose nearest actor
    is one plain state or city name, the last actor phrase before it in the clause with no
    preposition and not a plain name."""
    if hit.form.number != "pl" or hit.form.tense == "noun" or not found or not _plain_name(found):
        return found
    before = [u for u in sent.units if cs <= u.i and u.j <= hit.i and u.is_actor and not u.prep]
    groups: dict[int, list[Unit]] = {}
    for u in before:
        groups.setdefault(u.group, []).append(u)
    for g in sorted(groups, key=lambda g: groups[g][-1].i, reverse=True):
        if not _plain_name(groups[g]):
            return groups[g]
    return found
