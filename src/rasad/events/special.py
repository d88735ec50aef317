"""The readings of a trigger that set both sides at once and return early: an endorsement
by a pair (stance.py), an obligation or hostile conduct charged by the speaker
(charges.py), a riot (riot.py), a route "من X إلى Y" (route.py), an act undergone with its
agent named (undergone.py) or with none (agentless.py), a mediation (mediation.py), a passive
release (release.py), conduct alleged by the reporter (hostile.py), and a meeting hosted in a
named place.

Used by ``frames._events_for`` after the first side (``subject.first_side``).
"""

from __future__ import annotations

from ..doc import Event
from .act_agent import noun_subject
from .agentless import agentless_sides
from .arguments import Unit
from .captives import captive_sides, swap_sides
from .charges import hostile_sides, obligation_sides
from .cues import cue
from .hosted_talks import hosted_sides
from .hostile import accused_after
from .lexicon import Hit
from .mediation import mediated_talks, mediation_sides
from .reading import FirstSide, Reading, _home, _make
from .rejected_deal import deal_party
from .release import held_after, is_passive, release_sides, svo_release
from .relief import relief_sides
from .relief_arrival import arrival_sides
from .riot import institution_home, riot_object
from .route import route_sides
from .sides import _Sentence, _Side
from .stance import endorsement_sides
from .told import told_sides
from .undergone import undergone_sides
from .unrest import charge_sides
from .verdict import verdict_sides
from .victims import victim_sides

__all__: list[str] = []  # internal to the events package


def special_events(r: Reading, fs: FirstSide) -> list[Event] | None:
    """The events of a special path, or None when the trigger is read by its sides."""
    hit, sent, tokens, ctx, claimed, doc = r.hit, r.sent, r.tokens, r.ctx, r.claimed, r.doc
    entry, etype, mode, cs, is_verb = r.entry, r.etype, r.mode, r.cs, r.is_verb
    reporter, reported_by = r.reporter, r.reported_by
    subj, dyad_anaphor = fs.subj, fs.dyad_anaphor
    if entry.has("endorse"):  # "قال الوزيران إن الهدنة ستمهد للحوار" (stance.py)
        pair = endorsement_sides(hit, sent, claimed.get(hit.start), reporter, ctx.dyad)
        if pair is None:
            return []
        return [_make(hit, etype, mode, *pair, sent, tokens, doc, r.conf - 0.1, reported_by)]
    if entry.has("oblige") or entry.has("hostile"):
        # "يجب على X أن ...": the speaker demands; "الاستفزازات من جانب X": alleges (charges.py)
        speaker = reporter or ctx.reporter
        duty = (
            obligation_sides(hit, sent, speaker)
            if entry.has("oblige")
            else hostile_sides(hit, sent, speaker)
        )
        if duty is None:
            return []
        a, b = _Side.of([duty[0]]), _Side.of([duty[1]])
        return [_make(hit, etype, mode, a, b, sent, tokens, doc, r.conf - 0.1, reported_by)]
    if entry.has("verdict"):  # "قالت X إن قادة Y غير قادرين على ..." (verdict.py)
        judged = verdict_sides(hit, sent)
        if judged is None:
            return []
        a, b = _Side.of([judged[0]]), _Side.of([judged[1]])
        return [_make(hit, etype, mode, a, b, sent, tokens, doc, r.conf - 0.1, reported_by)]
    party = deal_party(hit, sent, tokens, subj)  # "رفض X الاتفاق بين Y و Z" (rejected_deal.py)
    if party is not None and subj:
        a, b = _Side.of(subj), _Side.of(party)
        return [_make(hit, "ACCUSE", "disapprove", a, b, sent, tokens, doc, r.conf, reported_by)]
    told = (
        told_sides(hit, sent, tokens)
        if etype == "CONSULT" and hit.start not in claimed and not r.partners
        else None
    )
    if told is not None:  # "أبلغ X Y خلال اتصال هاتفي" (told.py)
        a, b = _Side.of(told[0]), _Side.of(told[1])
        return [_make(hit, etype, mode, a, b, sent, tokens, doc, r.conf, reported_by)]
    attacked = riot_object(hit, sent, tokens)  # "اقتحم المتظاهرون القنصلية ..." (riot.py)
    home = (institution_home(attacked) or _home(hit, sent, ctx)) if attacked is not None else None
    if attacked is not None and home is not None:
        here = _Side((home,), None, None)
        there = _Side.of(attacked) if attacked else here
        return [_make(hit, "PROTEST", "riot", here, there, sent, tokens, doc, r.conf, reported_by)]
    if entry.has("riotonly"):
        return []  # "أثناء محاولتهم اقتحام ...": read only as what protesters try (riot.py)
    if r.fr.name == "relief" and (arrived := arrival_sides(hit, sent, tokens)) is not None:
        # "وصلت طائرة إماراتية محملة بمواد إغاثية إلى مطار دمشق" (relief_arrival.py)
        return [
            _make(hit, etype, mode, a, b, sent, tokens, doc, r.conf, reported_by)
            for a, b in arrived
        ]
    if r.fr.name == "relief":  # "أرسلت X فرق إنقاذ إلى Y" (relief.py)
        sent_to = relief_sides(hit, sent, tokens, ctx, subj, cs, reporter)
        if sent_to is None:
            return []
        return [_make(hit, etype, mode, *sent_to, sent, tokens, doc, r.conf, reported_by)]
    routed = route_sides(hit, sent)  # "مساعدات من إيران إلى الحوثيين" (route.py)
    if routed is not None:
        return [_make(hit, etype, mode, *routed, sent, tokens, doc, r.conf, reported_by)]
    exposed = undergone_sides(hit, sent, tokens, cs, reporter or ctx.reporter)
    if exposed is not None:  # "تعرضت مدينة X لقصف إسرائيلي" (undergone.py)
        if not exposed:
            return []
        return [_make(hit, etype, mode, *exposed, sent, tokens, doc, r.conf - 0.1, reported_by)]
    if hit.i in sent.struck:
        return []  # "مقتل جنود X في هجوم Y": the act noun tells it (victims.py)
    struck = victim_sides(hit, sent, tokens)
    if struck is not None:  # "إصابة ثلاثة X في قصف Y" (victims.py)
        return [
            _make(hit, etype, mode, a, b, sent, tokens, doc, r.conf - 0.1, reported_by)
            for a, b in struck
        ]
    if entry.has("victimsonly"):
        return []  # "برصاص": read only after its victims (victims.py)
    undergone = agentless_sides(hit, sent, tokens, ctx)  # "تعرضت X لهجوم" (agentless.py)
    if undergone is not None:
        return [_make(hit, etype, mode, *undergone, sent, tokens, doc, r.conf - 0.15, reported_by)]
    if mediated_talks(hit, sent, tokens):  # "المحادثات بوساطة قطرية" (mediation.py)
        return []
    if mode == "third-party":
        pair = mediation_sides(hit, sent, subj, ctx, reporter or ctx.reporter, tokens)
        if pair is None:
            return []
        return [_make(hit, etype, mode, pair[0], pair[1], sent, tokens, doc, r.conf, reported_by)]
    if r.fr.name in ("recover", "handover"):  # "استعادة جنود من الأسر" (captives.py)
        kept = captive_sides(hit, sent, tokens, ctx, subj, reporter or ctx.reporter)
        if kept is None:
            return []
        return [_make(hit, etype, mode, *kept, sent, tokens, doc, r.conf - 0.1, reported_by)]
    swapped = swap_sides(hit, sent, tokens) if entry.has("mutual") else []
    if swapped:  # "مبادلتهم بخمسة X" (captives.py)
        return [
            _make(hit, etype, mode, a, b, sent, tokens, doc, r.conf - 0.1, reported_by)
            for a, b in swapped
        ]
    svo = svo_release(hit, sent, tokens, subj, r.cs, reporter) if mode == "release" else None
    if svo is not None:  # "إن الحركة أطلقت سراح رهينتين أميركيتين" (release.py)
        return [_make(hit, etype, mode, *svo, sent, tokens, doc, r.conf, reported_by)]
    if (
        mode == "release"
        and not entry.has("mutual")
        and (is_passive(hit, tokens, sent.ti) or held_after(hit, sent, tokens))
    ):
        # "تم الإفراج عن عشرين أسيرا أوكرانيا": the released after the trigger (release.py)
        freed = release_sides(hit, sent, tokens, ctx)
        if freed is not None:
            return [
                _make(hit, etype, mode, a, b, sent, tokens, doc, r.conf - 0.1, reported_by)
                for a, b in freed
            ]
    if entry.has("charge"):  # "قالت السلطات إن منظمي الاحتجاجات حاولوا ..." (unrest.py)
        return [
            _make(hit, etype, mode, a, b, sent, tokens, doc, r.conf - 0.1, reported_by)
            for a, b in charge_sides(r)
        ]
    # -- reported conduct: "X said that Y deliberately ..."
    if entry.has("allege"):
        rep = reporter or ctx.reporter
        # "الأعمال العدائية من X ضد Y" (hostile.py), else the actors before it in its clause
        acc = accused_after(hit, sent, tokens) or [
            u for u in sent.units if cs <= u.i and u.j <= hit.i and u.is_actor
        ]
        if not acc and is_verb and subj and subj[0].i >= hit.j:
            # "وتتحمل إيران مسؤولية ...": the one charged after the verb; but "إن العقوبات
            # الأمريكية تنتهك قرار Y": a noun's agent, or no one (act_agent.py)
            noun = noun_subject(hit, sent, tokens, cs)
            acc = subj if noun is None else noun
        if rep is None or not rep.countries or not acc:
            return []
        if set(rep.countries) == set(acc[0].countries) and rep.kind != "PER":
            return []  # a body does not charge itself: its own words are the subject
        return [
            _make(
                hit,
                etype,
                mode,
                _Side.of([rep]),
                _Side.of(acc[:1]),
                sent,
                tokens,
                doc,
                r.conf - 0.1,
                reported_by,
            )
        ]
    if entry.has("sym") and etype == "CONSULT" and not is_verb and mode != "third-party":
        hosts = hosted_sides(hit, sent, reporter)  # talks on the speaker's soil (hosted_talks.py)
        if hosts is not None:
            return [
                _make(hit, etype, "third-party", *hosts, sent, tokens, doc, r.conf, reported_by)
            ]
    if entry.has("sym") and etype == "CONSULT" and not is_verb and not dyad_anaphor:
        hosted = _hosted_meeting(hit, sent, mode, subj)
        if hosted is not None:
            return [
                _make(hit, etype, "multilateral", *hosted, sent, tokens, doc, r.conf, reported_by)
            ]
    return None


#: how far after a meeting noun its members may be named ("القمة السنوية الخامسة لقادة دول
#: المنظمة", "اللقاء الثلاثي بشأن الحدود لوزراء دفاع الدول الثلاث")
_MEMBERS_REACH = 8
#: prepositions of a meeting's topic, not its members ("لقاء ثلاثي حول الممر")
_TOPIC = cue("topic_preps")


def _hosted_meeting(
    hit: Hit, sent: _Sentence, mode: str | None, subj: list[Unit] | None
) -> tuple[_Side, _Side] | None:
    """A meeting of a body, or of three or more states, held in a named place: the host
    state is the source, the body (or the other states) the target."""
    if subj and any(u.kind != "GPE" for u in subj):
        return None  # "عقد وزير الخارجية اجتماعا مع ...": a person's meeting
    members: list[Unit] = []
    for u in sent.units:
        if u.i < hit.j or not u.is_actor or u.place or not u.countries or u.prep in _TOPIC:
            continue
        if u.i - hit.j > _MEMBERS_REACH:
            break
        group = [v for v in sent.units if v.group == u.group and v.is_actor and v.countries]
        if u.sector == "IGO" or (mode == "multilateral" and len(group) >= 3):
            members = [u] if u.sector == "IGO" else group
        break
    places = [u for u in sent.units if u.place and u.countries and u.kind == "GPE"] or list(
        subj or []
    )
    if not members or not places:
        return None
    host = min(places, key=lambda u: abs(u.i - hit.i)).countries[0]
    rest = tuple(dict.fromkeys(c for u in members for c in u.countries if c != host))
    if not rest:
        return None
    return _Side((host,), None, None), _Side(rest, members[0].entity, members[0].sector)
