"""Acts undergone, with their agent named: "تعرضت مدينة X لقصف إسرائيلي"، "تعرض مستشفى في Y
لغارة روسية"، "تعرضت قاعدة أمريكية لهجوم شنته فصائل Z"، "تعرضت القرى لقصف من قبل الجيش W".

The subject of a verb of undergoing (cue ``undergo``: تعرض، تتعرض، ستتعرض ...) is the one the
act is done to, and the act noun after it with "لـ" (types in cue ``undergo_types``) names the
one who does it:

- the agent: a nisba after the noun, definite ("للقصف الإسرائيلي", ``sides._agent_nisba``)
  or indefinite ("لقصف تركي"، "لغارات جوية روسية", ``act_agent.indefinite_agent``), an actor
  right after the noun ("لقصف قوات النظام"), an actor after an agent link (cues
  ``agent_links``: شنته، نفذتها; ``undergo_links``: أطلقها) or "من قبل / من جانب" (cue
  ``agent_by``) a few words on, or right after a "من" that closes the noun's phrase ("لقصف
  شديد من المدفعية الروسية"، "لهجمات بطائرات مسيرة من العراق": the state it comes from);
- the target: the actors and places between the verb and the noun ("مدينة حلب"، "قاعدة
  أمريكية في سوريا": the state that qualifies the thing attacked comes before the place it is
  in), else, when the noun follows the verb at once, the actor just before the verb in its
  clause ("إن مدينة X (قد) تعرضت ..."), else the speaker when the clause is his own ("قالت X
  إنها تعرضت ...", cue ``self_clause``) or opens with what is his ("إن قواتها / بلاده تعرضت
  ...", cues ``own_exposed``, ``own_country``), or the actor after "له" in a relative clause
  ("الهجوم الروسي الذي تعرضت له X").

``undergone_sides`` returns the (source, target) pair; ``()`` when the agent is named but the
target is of its own state or of none (no event: an army striking its own ground is no act
undergone from abroad, and a ship or base of no named state is no target); ``None`` when the
trigger is not in this construction or names no agent (``agentless.py`` then reads it from
the last fighting).
"""

from __future__ import annotations

from .act_agent import indefinite_agent
from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _agent_nisba, _Sentence, _Side, _strip

__all__ = ["exposed_agents", "exposed_object", "undergo_verb", "undergone_sides"]

#: verbs of undergoing: "تعرضت"، "يتعرض"، "تعرض" (also the verbal noun: "بعد تعرض مدينة X")
UNDERGO = cue("undergo")
#: types of the act nouns undergone with their agent named
_TYPES = cue("undergo_types")
#: "قصف نفذته طائرة تركية"، "غارات شنتها طائرات إسرائيلية"، "لهجوم بطائرة مسيرة أطلقها X"
_LINKS = cue("agent_links") | cue("undergo_links")
#: "من قبل X"، "من جانب X": the agent is named
_BY = cue("agent_by")
#: "لقصف من المدفعية الروسية": the agent after "من" right after the noun's phrase
_FROM = "من"
_FROM_REACH = 3
#: "قالت X إنها تعرضت ...": the clause's subject is the speaker
_SELF = cue("self_clause")
#: the speaker's own forces, land or missions opening the clause: "إن قواتها تعرضت ..."
_OWN = cue("own_exposed") | cue("own_country")
#: how far before the act noun the verb may stand (a long subject: "تعرضت مدرسة تابعة
#: لوكالة الأونروا في مخيم جباليا شمال قطاع غزة لقصف")
_VERB_REACH = 10
#: how far after the act noun an agent link or "من قبل" may stand ("لقصف مدفعي عنيف من قبل")
_LINK_REACH = 6
#: prefixes a verb of undergoing may carry: "وتعرضت"، "فتعرض"، "ستتعرض"، "لتعرض"، "بتعرض"
_PREFIXES = "وفسلب"
#: what may stand between the subject before the verb and the verb: "إن حلب قد تعرضت"
_QAD = frozenset({"قد", "لقد"})


def _is_undergo(word: str) -> bool:
    """A verb (or verbal noun) of undergoing, with up to two prefixes ("وستتعرض")."""
    for cut in range(3):
        if word[cut:] in UNDERGO:
            return all(c in _PREFIXES for c in word[:cut])
    return False


def undergo_verb(hit: Hit, sent: _Sentence, tokens: list[Token], reach: int = 6) -> int | None:
    """The word of the verb of undergoing within ``reach`` words before the noun ``hit``."""
    lo = max(sent.ti, hit.i - reach)
    stops = set(sent.breaks)
    for k in range(hit.i - 1, lo - 1, -1):
        if _is_undergo(tokens[k].text):
            return k
        if k in stops:
            return None
    return None


def _group(u: Unit, sent: _Sentence) -> list[Unit]:
    return [v for v in sent.units if v.group == u.group and v.countries]


def _agent(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit] | None:
    """Who does the act undergone: its nisba, the actor right after it, or the actor after
    an agent link or "من قبل"."""
    named = _agent_nisba(hit, sent, tokens) or indefinite_agent(hit, sent, tokens)
    if named:
        return named
    hi = min(sent.tj, hit.j + _LINK_REACH)
    for u in sent.units:
        if u.i == hit.j and u.is_actor and not u.prep and u.countries and not u.place:
            return _group(u, sent)  # "لقصف قوات النظام السوري"
    for k in range(hit.j, hi):
        word = _strip(tokens[k].text)
        if word in _LINKS or (word in _BY and tokens[k - 1].text == _FROM):
            near = [u for u in sent.units if k < u.i <= k + 3 and u.countries and not u.place]
            return _group(near[0], sent) if near else None
        if word == _FROM and k - hit.j <= _FROM_REACH and _strip(tokens[k + 1].text) not in _BY:
            # "لقصف شديد من المدفعية الروسية"، "لهجمات بطائرات مسيرة من العراق"
            near = [u for u in sent.units if k < u.i <= k + 2 and u.countries and not u.place]
            return _group(near[0], sent) if near else None
    return None


def _target(
    hit: Hit, verb: int, sent: _Sentence, tokens: list[Token], cs: int, reporter: Unit | None
) -> list[Unit]:
    """The one the act is done to: between the verb and the noun, else just before the verb
    in its clause, else the speaker of a clause of his own."""
    between = [u for u in sent.units if verb < u.i and u.j <= hit.i and u.countries]
    if between:
        # "قاعدة أمريكية في سوريا": the state qualifying the thing attacked, then its place
        bare = [u for u in between if not u.prep]
        return _group((bare or between)[0], sent)
    if hit.i != verb + 1:
        return []  # "قد تعرض الجهات المشاركة لعقوبات": the one exposed is named, of no state
    before = [u for u in sent.units if cs <= u.i and u.j <= verb and u.countries]
    gap = {_strip(tokens[k].text) for k in range(before[-1].j, verb)} if before else set()
    if before and gap <= _QAD and not before[-1].prep:
        return _group(before[-1], sent)  # "إن مدينة حلب (قد) تعرضت لقصف"
    if verb > sent.ti and reporter is not None:
        word = _strip(tokens[verb - 1].text)
        if word in _SELF or (word in _OWN and verb - 1 == cs):
            return [reporter]  # "قالت X إنها / إن قواتها تعرضت لهجوم"
    return []


def _relative_target(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit] | None:
    """ "الهجوم الروسي الذي تعرضت له X": X (after the noun's own agent nisba)."""
    k = hit.j
    while k < sent.tj and k - hit.j < 3 and tokens[k].text not in ("الذي", "التي"):
        k += 1
    if k + 2 >= sent.tj or tokens[k].text not in ("الذي", "التي"):
        return None
    if not _is_undergo(tokens[k + 1].text) or not tokens[k + 2].text.startswith("ل"):
        return None
    found = [u for u in sent.units if k + 3 <= u.i <= k + 5 and u.countries][:1]
    return _group(found[0], sent) if found else None


def undergone_sides(
    hit: Hit, sent: _Sentence, tokens: list[Token], cs: int, reporter: Unit | None
) -> tuple[_Side, _Side] | tuple[()] | None:
    """(source, target) of an act undergone with its agent named; ``()``: no event (a
    target of the agent's own state or of none); None: not this construction."""
    if hit.entry.type not in _TYPES or hit.form.tense != "noun" or hit.form.suffix:
        return None
    target: list[Unit] | None
    if hit.clitic.startswith("ل"):
        verb = undergo_verb(hit, sent, tokens, _VERB_REACH)
        if verb is None:
            return None
        target = _target(hit, verb, sent, tokens, max(cs, sent.ti), reporter)
    else:
        target = _relative_target(hit, sent, tokens)
        if target is None:
            return None
    agent = _agent(hit, sent, tokens)
    if not agent:
        return None
    source = _Side.of(agent)
    victim = _Side.of(target)
    if not source.countries or not set(victim.countries) - set(source.countries):
        return ()  # "تعرضت مدينة بيلغورود الروسية لقصف روسي"; "تعرضت السفينة لهجوم إيراني"
    if set(victim.countries) & set(source.countries):
        kept = tuple(c for c in victim.countries if c not in source.countries)
        victim = _Side(kept, None, None)
    return source, victim


def exposed_agents(hits: list[Hit], sent: _Sentence, tokens: list[Token]) -> dict[int, list[Unit]]:
    """The agent of each act undergone with its agent named, by the word of its verb of
    undergoing: a stance whose object is that verb ("أدانت X تعرض مدينة Y لقصف إسرائيلي"،
    "نددت بتعرض ...") is aimed at the agent, not at the one attacked (``directed``)."""
    out: dict[int, list[Unit]] = {}
    for hit in hits:
        if hit.entry.type not in _TYPES or hit.form.tense != "noun" or hit.form.suffix:
            continue
        if not hit.clitic.startswith("ل"):
            continue
        verb = undergo_verb(hit, sent, tokens, _VERB_REACH)
        if verb is None or verb in out:
            continue
        agent = _agent(hit, sent, tokens)
        if agent:
            out[verb] = agent
    return out


def exposed_object(hit: Hit, sent: _Sentence, subj: list[Unit] | None) -> list[Unit] | None:
    """The agent of the act undergone right after the stance ``hit`` (past its subject: "أدانت
    مصر تعرض ..."), or of the attack after the casualty word there ("أدانت مصر مقتل جنود X في
    هجوم Y": victims.py), or None."""
    covered = {m for u in subj or [] for m in range(u.i, u.j)}
    k = hit.j
    while k in covered:
        k += 1
    return sent.exposed.get(k) or sent.struck.get(k)
