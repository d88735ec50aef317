"""The two sides of a dual verb told as the speaker and another ("أعلنت باكستان أنها وأفغانستان
اتفقتا"، "قال الرئيس إن بلاده والسودان وقعتا"، "إنه ونظيره المصري اتفقا") or as the speakers
themselves ("أعلنت مصر والسودان أنهما اتفقتا").

The dual verb carries its own pronoun subject; its clause opens with the complementizer.
With a singular pronoun on the complementizer (or the speaker's own state, "بلاده") and an
actor joined by و before the verb, the pair is the speaker and that actor; with a dual
pronoun ("أنهما"), the pair is the group of actors that speaks. Used by
``subject.first_side``.
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Sentence, _strip

__all__ = ["speaker_pair"]

#: "أنها"، "بأنه": the speaker as the subject of what follows
_SINGLE = cue("complementizers") - frozenset(
    {"ان", "بان", "لان", "انهما", "بانهما", "انهم", "بانهم"}
)
_DUAL = frozenset({"انهما", "بانهما"})
_OWN = cue("own_country")
#: at most this many words between the complementizer and the dual verb
_REACH = 6


def _reporter(sent: _Sentence, i: int) -> Unit | None:
    found = [u for k, u in sent.reporters if k <= i]
    return found[-1] if found else None


def speaker_pair(hit: Hit, sent: _Sentence, tokens: list[Token], cs: int) -> list[Unit] | None:
    """The pair that is the subject of the dual verb ``hit`` whose clause starts at ``cs``,
    or None."""
    if hit.form.tense == "noun" or hit.form.number != "dual" or cs <= sent.ti:
        return None
    if hit.i - cs > _REACH:
        return None
    reporter = _reporter(sent, hit.i)
    if reporter is None or reporter.i >= cs:
        return None
    comp = _strip(tokens[cs - 1].text)
    if comp in _DUAL:
        group = [u for u in sent.units if u.group == reporter.group and u.is_actor]
        return group if len(group) >= 2 and hit.i == cs else None
    own = tokens[cs].text in _OWN
    if comp not in _SINGLE and not own:
        return None
    start = cs + 1 if own else cs
    if start >= hit.i or not tokens[start].text.startswith("و"):
        return None
    joined = [u for u in sent.units if start <= u.i and u.j <= hit.i and u.is_actor]
    # "ونظيره المصري": the counterpart marker may stand before the actor
    first_ok = joined and (
        joined[0].i == start or (joined[0].counterpart and joined[0].i == start + 1)
    )
    if not first_ok or any(u.prep and not u.counterpart for u in joined):
        return None
    return [reporter, *joined]
