"""The agent named right after a verbal noun: one home for "X's condemnation of ...",
"X's attack on Y" and "X's imposing sanctions on Y".

- "إدانة كينيا للتفجير"، "رفض البرازيل للمقترح": a state right after a stance noun (types in
  cue ``agent_noun_types``) followed by "لل" + the object takes the stance (``noun_agent``).

- "هجوم X الأخير على Y"، "اعتداء X على Y"، "العدوان X ضد Y": a state right after an act noun
  (types in cue ``agent_act_types``), followed (after at most two definite adjectives) by a
  target preposition (cue ``agent_act_preps``) is the act's agent, not the place it goes to
  (``act_agent``). "على مدى / خلفية / هامش / يد" (cue ``agent_act_not``) is no target. A
  stance verb before it ("دانت Z اعتداء X على Y") takes that agent as its object.
- "فرض X عقوبات على Y": a verbal noun head (cue ``agent_act_heads``) split from its object
  noun by the agent: the actor between them is the source (``split_agent``).

Without these the actor before the noun ("انتقدت X فرض Y عقوبات على Z") was read as the
act's source, and the act was then dropped as nested in the stance.
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import AGENT_BRIDGES, _Sentence, _strip

__all__: list[str] = []  # internal to the events package

#: types of stance nouns whose agent follows them: "إدانة كينيا للتفجير"
_STANCE_TYPES = cue("agent_noun_types")
#: types of act nouns whose agent follows them: "هجوم X على Y"
_TYPES = cue("agent_act_types")
#: the prepositions of the target after the agent: على، ضد
_PREPS = cue("agent_act_preps")
#: "على مدى"، "على خلفية"، "على هامش"، "على يد": no target
_NOT = cue("agent_act_not")
#: verbal noun heads split from their object by the agent: "فرض X عقوبات"
_HEADS = cue("agent_act_heads")
#: the object nouns after the agent: "فرض X عقوبات"
_OBJECTS = cue("sanction_nouns")
_ADJ_REACH = 2


def _bare(word: str) -> set[str]:
    """The word as written and with one clitic و / ف / ب / ل taken off ("فرض" stays)."""
    return {word, word[1:]} if len(word) > 3 and word[0] in "وفبل" else {word}


def noun_agent(hit: Hit, genitive: list[Unit], tokens: list[Token]) -> bool:
    """True when the state right after the noun ``hit`` is its agent: a stance noun followed
    by "لل" + the object, or an act noun followed by its target (``act_agent``)."""
    if hit.form.tense != "noun" or hit.form.suffix or not genitive or genitive[0].i != hit.j:
        return False
    if hit.entry.type in _STANCE_TYPES:
        end = max(u.j for u in genitive)
        if end < len(tokens) and tokens[end].text.startswith("لل") and len(tokens[end].text) > 4:
            return True
    return act_agent(hit, genitive, tokens)


def act_agent(hit: Hit, genitive: list[Unit], tokens: list[Token]) -> bool:
    """True when the actor right after the act noun ``hit`` is its agent: a target
    preposition or the object noun follows it."""
    if hit.form.tense != "noun" or hit.form.suffix or hit.entry.type not in _TYPES:
        return False
    if not genitive or genitive[0].i != hit.j:
        return False
    k = max(u.j for u in genitive)
    for _ in range(_ADJ_REACH + 1):
        if k >= len(tokens):
            return False
        word = tokens[k].text
        if _strip(word) in _OBJECTS:
            return True
        if _strip(word) in _PREPS:
            return k + 1 < len(tokens) and _strip(tokens[k + 1].text) not in _NOT
        if not word.startswith("ال"):
            return False  # "الأخير"، "الجوي": an adjective of the noun may come between
        k += 1
    return False


def agents_claimed(
    hits: list[Hit], claimed: dict[int, list[Unit]], tokens: list[Token]
) -> set[int]:
    """The first words of the actors claimed as the agent of an act noun ("اعتداء X على Y"):
    the object a stance verb condemns, not a side taken by the noun."""
    return {
        claimed[h.start][0].i
        for h in hits
        if claimed.get(h.start) and act_agent(h, claimed[h.start], tokens)
    }


def split_agent(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit] | None:
    """The actor between a verbal noun head and the object noun trigger ``hit``: "فرض X
    عقوبات" has X as its source."""
    if hit.form.tense != "noun" or hit.entry.type not in _TYPES:
        return None
    for u in sent.units:
        if u.j == hit.i and u.is_actor and u.i - 1 >= sent.ti:
            group = [v for v in sent.units if v.group == u.group and v.is_actor]
            first = min(v.i for v in group)
            if first - 1 >= sent.ti and _bare(tokens[first - 1].text) & _HEADS:
                return group
    return None


def indefinite_agent(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit] | None:
    """The agent of an indefinite act noun named by an indefinite nisba adjective right
    after it, or after one indefinite adjective of the act's own phrase ("غارات جوية
    إسرائيلية"، "قصف تركي"): the adjective agrees with its indefinite noun, so it is the
    attacker, not the state attacked (the definite case is ``sides._agent_nisba``)."""
    if hit.form.tense != "noun" or hit.entry.has("sym") or hit.form.suffix:
        return None
    if hit.entry.type not in _TYPES or tokens[hit.j - 1].text.startswith("ال"):
        return None
    for u in sent.units:
        if u.kind != "GPE" or not u.countries or u.i < hit.j or u.prep or u.j - u.i != 1:
            continue
        if not u.adjective:  # "إسرائيلية"، "أميركيا" (indefinite.py)
            return None
        if u.i == hit.j or (u.i == hit.j + 1 and "ال" + tokens[hit.j].text in AGENT_BRIDGES):
            return adjective_run(u, sent)
        return None
    return None


def adjective_run(first: Unit, sent: _Sentence) -> list[Unit]:
    """The states of the nisba adjective ``first`` and of the indefinite ones right after it
    ("قصفا أميركيا بريطانيا": both are the agent, the second is not the target)."""
    groups = {first.group}
    end = first.j
    for v in sent.units:
        if v.i == end and v.adjective and v.kind == "GPE" and not v.prep:
            groups.add(v.group)
            end = v.j
    return [v for v in sent.units if v.group in groups and v.kind == "GPE"]


def noun_subject(hit: Hit, sent: _Sentence, tokens: list[Token], cs: int) -> list[Unit] | None:
    """The accused of an allegation verb whose subject is a noun, not an actor ("قال X إن
    العقوبات الأمريكية تنتهك قرار Y"): the state of the noun's nisba, ``[]`` with none (the
    actor after the verb is what is violated, not the accused), ``None`` when the clause
    opens with the verb."""
    if hit.i <= cs or not tokens[cs].text.startswith("ال"):
        return None
    agents = [u for u in sent.units if cs < u.i and u.j <= hit.i and u.kind == "GPE" and u.nisba]
    return agents[:1]
