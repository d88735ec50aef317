"""Reading the sides of one trigger: word-order rules and the document context.

Used by ``extractor.extract_events`` (see its docstring for the rules). ``_events_for``
drops a trigger that reports nothing (``not_reported``), reads its first side
(``subject``), tries the paths that set both sides at once (``special``), then reads the
parties (``symmetric``) or the source and target (``directed``) and makes the events
(``reading._make``). The subject and object finders are in ``sides``.
"""

from __future__ import annotations

from ..doc import Doc, Event
from . import plover
from .arguments import Unit, is_negated
from .background import ongoing_since
from .cues import cue
from .directed import directed_sides, unary_sides
from .frame_table import frame
from .lexicon import Hit, Token
from .reading import Reading, _make
from .sides import (
    _MULTI,
    _PHONE,
    _TOPIC_HEADS,
    _clause_start,
    _Ctx,
    _halted,
    _Sentence,
    _Side,
    _strip,
)
from .special import special_events
from .subject import first_side
from .symmetric import symmetric_sides

__all__: list[str] = []  # internal to the events package


#: stance types: their object may be the agent of an act noun (act_agent.py)
_STANCES = cue("stance_types")


def _reporter(sent: _Sentence, i: int) -> Unit | None:
    found = [u for k, u in sent.reporters if k <= i]
    return found[-1] if found else None


def _mode_cue(hit: Hit, sent: _Sentence, tokens: list[Token]) -> str | None:
    lo, hi = max(sent.ti, hit.i - 2), min(sent.tj, hit.j + 4)
    words = {_strip(tokens[k].text) for k in range(lo, hi)} | {tokens[hit.i].text}
    sidelines = any(_strip(tokens[k].text) in _SIDELINES for k in range(max(sent.ti, lo - 2), hi))
    if (words & _MULTI and not sidelines) or hit.entry.has("multi"):
        return "multilateral"  # but "على هامش القمة، التقى X Y" is a meeting of two
    if words & _PHONE:
        return "phone"
    return None


_SIDELINES = frozenset({"هامش"})


def not_reported(
    hit: Hit, sent: _Sentence, tokens: list[Token], claimed: dict[int, list[Unit]], doc: Doc
) -> bool:
    """A trigger that reports no event: a topic, an act someone wants stopped, the
    background of the news, or a back-reference told where it was first reported."""
    if (
        hit.form.tense == "noun"
        and hit.i > sent.ti
        and _strip(tokens[hit.i - 1].text).lstrip("ل") in _TOPIC_HEADS
    ):
        return True  # "لسير المفاوضات", "ملف المحادثات": a topic, not a report of the event
    if (hit.i > sent.ti and _halted(tokens[hit.i - 1].text)) or (
        # "وقف دائم للقتال", "الهدنة الإنسانية للقتال بين ...": the fighting a truce stops
        (hit.clitic.startswith("ل") or tokens[hit.i - 1].text == "من")  # "انسحابها من ..."
        and hit.i - 1 > sent.ti
        and _halted(tokens[hit.i - 2].text)
    ):
        return True  # "بوقف تعاونها العسكري": what someone wants stopped, not a report of it
    if ongoing_since(hit, tokens, sent.ti, sent.tj, doc.norm) and not is_negated(
        tokens, hit.i, sent.ti
    ):
        return True  # "يهاجم الحوثيون السفن منذ نوفمبر": background, not the news
    # a back-reference by place name, reported where it was first told
    return hit.start in claimed and not claimed[hit.start]


def _events_for(
    hit: Hit,
    sent: _Sentence,
    tokens: list[Token],
    ctx: _Ctx,
    claimed: dict[int, list[Unit]],
    doc: Doc,
) -> list[Event]:
    entry = hit.entry
    etype = entry.type
    mode = entry.mode
    fr = frame(entry.frame)
    if not_reported(hit, sent, tokens, claimed, doc):
        return []
    if etype == "CONSULT":
        mode = _mode_cue(hit, sent, tokens) or mode
    r = Reading(
        hit,
        sent,
        tokens,
        ctx,
        claimed,
        doc,
        entry,
        etype,
        mode,
        fr,
        cs=_clause_start(sent, tokens, hit.i, doc.norm),
        is_verb=hit.form.tense != "noun",
        conf=0.75 if not entry.has("weak") else 0.6,
    )
    # -- the first side (subject.py)
    fs = first_side(r)
    subj = fs.subj
    # -- the second side's candidates: partners "مع X", actors other triggers took, the reporter
    reach = max([hit.j] + [u.j for u in subj or [] if u.i >= hit.j]) + 10
    partners = [
        u
        for u in sent.units
        if hit.j <= u.i <= reach
        and u.is_actor
        and (u.prep in fr.partner or u.counterpart)
        and u not in (subj or [])
    ]
    if partners:
        g = partners[0].group
        partners = [u for u in sent.units if u.group == g and u.is_actor and u.i >= hit.j]
    taken = {id(u) for lst in claimed.values() for u in lst} if hit.start not in claimed else set()
    if etype in _STANCES:  # "دانت Z اعتداء X على Y": the act's agent is condemned (act_agent.py)
        taken -= {id(u) for u in sent.units if u.i in sent.agents}
    reporter = _reporter(sent, hit.i)
    reported_by = reporter.entity if reporter is not None else sent.outlet
    r.partners, r.taken, r.reporter, r.reported_by = partners, taken, reporter, reported_by
    # -- the special paths: endorse, oblige, riot, route, agentless, ... (special.py)
    found = special_events(r, fs)
    if found is not None:
        return found
    # -- the sides: the parties of a meeting or an agreement (symmetric.py), the one who
    # acts alone or the source and the target (directed.py)
    if entry.has("sym"):
        sides = symmetric_sides(r, fs)
    elif entry.has("unary") or (etype, mode) in plover.UNARY_MODES:
        sides = unary_sides(r, fs)
    else:
        sides = directed_sides(r, fs)
    sides = [_disjoint(a, b) for a, b in sides]
    return [
        _make(hit, etype, mode, a, b, sent, tokens, doc, r.conf, reported_by)
        for a, b in sides
        if a.countries and b.countries
    ]


def _disjoint(a: _Side, b: _Side) -> tuple[_Side, _Side]:
    """Two sides that share a state and differ: the shared state belongs to the side it
    stands alone on ("اجتماع بين وزير خارجيتها ونظيره السوري" announced by Turkey is TUR →
    SYR, not TUR → TUR+SYR; "أجرى بوتين وبزشكيان محادثات في موسكو" is a visit by Iran)."""
    shared = set(a.countries) & set(b.countries)
    if not shared or set(a.countries) == set(b.countries):
        return a, b
    if set(b.countries) - shared:
        b = _Side(tuple(c for c in b.countries if c not in shared), None, None)
    else:
        a = _Side(tuple(c for c in a.countries if c not in shared), None, None)
    return a, b
