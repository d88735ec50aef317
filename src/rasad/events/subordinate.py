"""A verb joined by و after a subordinate clause goes on with the main clause's subject:
"نددت الأمم المتحدة بوفاته بعد أن اعتقلته الشرطة الإيرانية وطالبت بإجراء تحقيق" — the UN
asks, not the police.

A singular verb with a glued و, no object pronoun and no actor right after it, with a
subordinator (cue ``subordinators``: بعد أن، بعدما، إثر، عقب، عندما ...) between the sentence's
first actor (no preposition) and itself, takes that actor's group as its subject. With no actor
after it in the sentence, its object is the last actor of another state before it (the one
the subordinate clause told about).
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Sentence, _strip

__all__ = ["main_clause_sides"]

_SUBORD = cue("subordinators")


def _group(units: list[Unit], u: Unit) -> list[Unit]:
    return [v for v in units if v.group == u.group and v.is_actor]


def _subordinator(tokens: list[Token], lo: int, hi: int) -> bool:
    for k in range(lo, hi):
        word = _strip(tokens[k].text)
        if word in _SUBORD:
            return True
        if k + 1 < hi and f"{word} {tokens[k + 1].text}" in _SUBORD:
            return True
    return False


def main_clause_sides(
    hit: Hit, sent: _Sentence, tokens: list[Token]
) -> tuple[list[Unit], list[Unit] | None] | None:
    """(subject, object or None) of a و-verb after a subordinate clause, or None."""
    form = hit.form
    if (
        form.tense == "noun"
        or form.number != "sg"
        or form.suffix
        or form.first
        or form.hal
        or not hit.clitic.startswith("و")
    ):
        return None
    actors = [u for u in sent.units if u.is_actor and u.countries]
    after = [u for u in actors if u.i >= hit.j]
    if after and after[0].i - hit.j <= 1 and not after[0].prep:
        return None  # "... وطالبت فرنسا": its own subject
    first = next((u for u in actors if not u.prep and u.j <= hit.i), None)
    if first is None or not _subordinator(tokens, first.j, hit.i):
        return None
    subj = _group(sent.units, first)
    if after:
        return subj, None
    own = {c for u in subj for c in u.countries}
    others = [u for u in actors if u.j <= hit.i and u not in subj and not set(u.countries) & own]
    return subj, (_group(sent.units, others[-1]) if others else None)
