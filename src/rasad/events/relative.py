"""The agent of a verb inside a relative clause: "القوات الروسية التي قصفت المدينة" — the
forces are who struck; "المحتجون الذين اقتحموا السفارة" — the protesters stormed it.

A verb right after a relative pronoun (cue ``relatives``: الذي، التي، الذين ...; "قد" may stand
between) with no object pronoun of its own takes as its subject the actor phrase that ends
right before the pronoun (one adjective may stand between: "القوات الروسية الخاصة التي"),
with the rest of its coordination group, unless a preposition other than لـ / على stands
before it ("الاتفاق مع تركيا الذي ..." is about the agreement). With an object pronoun
("الاتفاقية التي وقعتها إثيوبيا") the head is the object and the subject follows the verb, as
elsewhere. When the pronoun stands on the word after the verb or on its tail (cue
``relative_object``: "الأسرى الذين أفرجت عنهم X"، "الذين أطلقت سراحهم X"), the head is the object
and the actor right after that word the subject (``relative_object``).
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import RELATIVES, _Sentence, _strip

__all__ = ["relative_agent", "relative_object"]

_QAD = frozenset({"قد", "لقد"})
#: a pronoun on the word after the verb or on its tail: "عنهم"، "سراحهم"
_OBJECT_PRONOUNS = cue("relative_object")


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


def _relative_at(hit: Hit, sent: _Sentence, tokens: list[Token]) -> int | None:
    """The index of the relative pronoun right before ``hit`` ("قد" may stand between)."""
    k = hit.i - 1
    if k > sent.ti and tokens[k].text in _QAD:
        k -= 1
    return k if k > sent.ti and _strip(tokens[k].text) in RELATIVES else None


def relative_object(
    hit: Hit, sent: _Sentence, tokens: list[Token]
) -> tuple[list[Unit], list[Unit]] | None:
    """(subject, object) of a verb opening a relative clause whose object is a pronoun on the
    word after it or on its tail ("الصيادون الذين أفرجت عنهم الدولة"): the actor right after
    that word, and the head of the clause."""
    if hit.form.tense == "noun" or hit.form.first or hit.form.hal or hit.entry.has("sym"):
        return None
    k = _relative_at(hit, sent, tokens)
    if k is None:
        return None
    last = hit.j if hit.j < sent.tj and _strip(tokens[hit.j].text) in _OBJECT_PRONOUNS else None
    if last is None and _strip(tokens[hit.j - 1].text) in _OBJECT_PRONOUNS:
        last = hit.j - 1
    if last is None:
        return None
    # the head may be people named by their nisba ("الأمريكيين الخمسة الذين ...")
    heads = [
        u
        for u in sent.units
        if (u.is_actor or u.nisba) and u.countries and k - 2 <= u.j <= k and u.i >= sent.ti
    ]
    agents = [u for u in sent.units if u.is_actor and u.countries and u.i == last + 1]
    if not heads or not agents or heads[-1].prep:
        return None
    head, agent = heads[-1], agents[0]
    obj = [u for u in sent.units if u.group == head.group and u.countries and u.j <= k]
    subj = [u for u in sent.units if u.group == agent.group and u.is_actor and u.i > last]
    if {c for u in subj for c in u.countries} & {c for u in obj for c in u.countries}:
        return None
    return subj, obj


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
