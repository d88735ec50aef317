"""Objects without a preposition that a verb carries as a pronoun: "وانتقدها وزير الخارجية
الأمريكي" (it criticised her: the state named last), "انتقدت X Y وطالبتها بالانسحاب" (X asked
Y). Verbs of directed frames whose bare object is allowed ("0" in ``frames.tsv``) only, and
not right after a relative pronoun ("الإنجازات التي حققتها X": the pronoun is the head's).

- the subject is the actor right after the verb (VSO, no preposition, up to three words on)
  if there is one, else
  the first actor of the sentence with no preposition (the sentence goes on with its subject),
  else the speaker or the person the text was last about;
- the object is the last actor before the verb that is not of the subject's state (in the
  sentence, else the last actor of the sentences before: ``_Ctx.actor``).
"""

from __future__ import annotations

from .arguments import Unit
from .frame_table import BARE, frame
from .lexicon import Hit, Token
from .sides import RELATIVES, _Ctx, _Sentence, _strip

__all__ = ["pronoun_sides"]

_SUFFIXES = frozenset({"ه", "ها", "هم"})


def _group(units: list[Unit], u: Unit) -> list[Unit]:
    return [v for v in units if v.group == u.group and v.is_actor]


def pronoun_sides(
    hit: Hit, sent: _Sentence, tokens: list[Token], ctx: _Ctx
) -> tuple[list[Unit] | None, list[Unit] | None] | None:
    """(subject, object) of a verb with an object pronoun, or None when the rule does not
    apply (a noun, no pronoun, a symmetric or undirected frame, first person, a participle)."""
    form = hit.form
    if (
        form.tense == "noun"
        or form.suffix not in _SUFFIXES
        or form.first
        or form.hal
        or hit.entry.has("sym")
        or BARE not in frame(hit.entry.frame).target
        or hit.entry.has("inv")
        # "الإنجازات التي حققتها الحكومة": the pronoun is the relative clause's head
        or (hit.i > sent.ti and _strip(tokens[hit.i - 1].text) in RELATIVES)
    ):
        return None
    actors = [u for u in sent.units if u.is_actor and u.countries]
    # the subject after the verb, its head words first ("وانتقدها وزير الخارجية التركي")
    nxt = [u for u in actors if u.i >= hit.j][:1]
    after = [u for u in nxt if u.i - hit.j <= 3 and not u.prep]
    before = [u for u in actors if u.j <= hit.i]
    subj: list[Unit] | None
    if after:
        subj = _group(sent.units, after[0])
    else:
        first = [u for u in before if not u.prep]
        subj = _group(sent.units, first[0]) if first else None
        if subj is None:
            who = ctx.reporter or ctx.person
            subj = [who] if who is not None and who.countries else None
    if subj is None:
        return None
    own = {c for u in subj for c in u.countries}
    others = [u for u in before if u not in subj and not set(u.countries) & own]
    if others:
        return subj, _group(sent.units, others[-1])
    last = ctx.actor
    if last is not None and not set(last.countries) & own:
        return subj, [last]
    return subj, None
