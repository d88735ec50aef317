"""The agent of a verb inside a relative clause: "القوات الروسية التي قصفت المدينة" — the
forces are who struck; "المحتجون الذين اقتحموا السفارة" — the protesters stormed it.

A verb right after a relative pronoun (cue ``relatives``: الذي، التي، الذين ...; "قد" may stand
between) with no object pronoun of its own takes as its subject the actor phrase that ends
right before the pronoun (one adjective may stand between: "القوات الروسية الخاصة التي"),
with the rest of its coordination group, unless a preposition other than لـ / على stands
before it ("الاتفاق مع تركيا الذي ..." is about the agreement). With an object pronoun
("الاتفاقية التي وقعتها إثيوبيا") the head is the object and the subject follows the verb, as
elsewhere.
"""

from __future__ import annotations

from .arguments import Unit
from .lexicon import Hit, Token
from .sides import RELATIVES, _Sentence, _strip

__all__ = ["relative_agent"]

_QAD = frozenset({"قد", "لقد"})


def relative_agent(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit] | None:
    """The head of the relative clause that ``hit`` (a verb) opens, if it is its agent."""
    if hit.form.tense == "noun" or hit.form.suffix or hit.form.first or hit.form.hal:
        return None
    k = hit.i - 1
    if k > sent.ti and tokens[k].text in _QAD:
        k -= 1
    if k <= sent.ti or _strip(tokens[k].text) not in RELATIVES:
        return None
    heads = [u for u in sent.units if u.is_actor and k - 2 <= u.j <= k and u.i >= sent.ti]
    if not heads:
        return None
    last = heads[-1]
    if last.prep and last.prep not in ("ل", "علي"):
        return None  # "الاتفاق مع تركيا الذي وقع ...": the head is the noun before مع
    if last.j < k and any(v.j > last.j and v.i < k for v in sent.units):
        return None
    return [u for u in sent.units if u.group == last.group and u.is_actor and u.j <= k]


def relative_reach(hit: Hit, sent: _Sentence, tokens: list[Token], reach: int) -> int:
    """How far the object of ``hit`` may be looked for: a verb right after a relative pronoun
    ends its clause at the next verb ("الطائرات التي استهدفت المطار أطلقت صواريخ من فوق
    لبنان": Lebanon is not what was targeted)."""
    k = hit.i - 1
    if k > sent.ti and tokens[k].text in _QAD:
        k -= 1
    if hit.form.tense == "noun" or k < sent.ti or _strip(tokens[k].text) not in RELATIVES:
        return reach
    nxt = [v for v in sent.verbs if v >= hit.j]
    return min(reach, nxt[0] - hit.j) if nxt else reach
