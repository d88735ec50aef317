"""Subjects that the speaker gives: first-person verbs and participles of manner.

Inside a quote a first-person verb ("ندين ..."، "نطالب الحكومة ..."، "أدين ...") has the
speaker as its subject, so a noun after it is its object, not a VSO subject. A participle of
manner after a comma ("انتقد X العملية، داعيا روسيا إلى ..."، "أعلنت X أنها ...، محملة Y
مسؤولية ...") has the subject of its clause: the speaker of an attribution verb, else the first
actor of the sentence. A detached object pronoun after it ("متهمة إياه") is the last actor
named before it.
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Ctx, _Sentence, _strip

__all__: list[str] = []  # internal to the events package

#: "متهما إياه": a detached object pronoun after a participle stands for the last actor named
_OBJECT_PRONOUNS = cue("object_pronouns")


def _reporter(sent: _Sentence, i: int) -> Unit | None:
    found = [u for k, u in sent.reporters if k <= i]
    return found[-1] if found else None


def speaker_sides(
    hit: Hit, sent: _Sentence, tokens: list[Token], ctx: _Ctx
) -> tuple[list[Unit] | None, list[Unit] | None]:
    """(subject, object named by a pronoun) of a first-person verb or a participle."""
    if hit.form.first:
        speaker = _reporter(sent, hit.i) or ctx.reporter
        return ([speaker] if speaker is not None else None), None
    speaker = _reporter(sent, hit.i)
    first = [u for u in sent.units if u.j <= hit.i and u.is_actor and not u.prep]
    subj: list[Unit] | None = None
    if speaker is not None:
        subj = [speaker]
    elif first:
        subj = [u for u in first if u.group == first[0].group]
    pronoun_obj: list[Unit] | None = None
    if hit.j < sent.tj and _strip(tokens[hit.j].text) in _OBJECT_PRONOUNS:
        earlier = [u for u in sent.units if u.j <= hit.i and u.is_actor and u not in (subj or [])]
        pronoun_obj = earlier[-1:] or None
    return subj, pronoun_obj
