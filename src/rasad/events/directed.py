"""The sides of a trigger read alone (unary: who protests, who mobilizes, and whom it hits)
or from a source to a target (directed): the source from the first side, the pair of the
document or the reporter; the target from the object, the partners, a pronoun of the pair,
the agent of a condemned act, or the fallbacks of the frame (a place struck, a destination,
the other of the last pair, the attacker of the last attack, where a truce is called for).

Used by ``frames._events_for``; the object finders are in ``sides`` and ``stance``.
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .domestic import added as added_forces
from .domestic import against_object, group_object, is_forces
from .gapped import gapped_subjects
from .lexicon import Hit, Token
from .mission_host import mission_host
from .nationals import declarer, detained, expelled, people_after
from .reading import FirstSide, Reading, _home
from .relative import relative_reach
from .reported_topic import reported_topic
from .same_entity import subject_again
from .sides import (
    _DOMESTIC,
    _MATERIAL,
    _VERBAL,
    _anaphor_object,
    _object,
    _other,
    _own_country,
    _same_state,
    _Sentence,
    _Side,
    _stance_object,
    _strip,
    _victims,
)
from .stance import condemned_attacker, main_object, named_object, rivals
from .subject import _ENVOYS
from .targets import between_group, relative_after, resolution_body, truce_after

__all__: list[str] = []  # internal to the events package

#: Directed types read between two states: one state on both sides is a misreading unless
#: the target is a domestic group ("اتهم الرئيس المعارضة"); a parliament approving a
#: resignation or a decree ("وافق البرلمان على ...") is no agreement between states.
_OUTWARD = frozenset({"ACCUSE", "SUPPORT", "THREATEN", "SANCTION", "REJECT", "AGREE"})


#: stances whose object may be an act with its agent's nisba ("أدانت X القصف الإسرائيلي",
#: "رحبت X بالوساطة القطرية")
_STANCE_OBJECT = frozenset({"REJECT", "ACCUSE", "SUPPORT"})


#: sectors of news outlets: an outlet reporting an act is not the one who acts
_MEDIA = cue("media_sectors")
#: "أنها / أنه": a clause whose subject is the speaker's own pronoun
_SELF_CLAUSE = cue("self_clause")


def unary_sides(r: Reading, fs: FirstSide) -> list[tuple[_Side, _Side]]:
    """Who acts alone (the subject, else the place) and whom it hits (may lower ``r.conf``)."""
    hit, sent, tokens, ctx, etype = r.hit, r.sent, r.tokens, r.ctx, r.etype
    subj = fs.subj
    who = _Side.of(subj) if subj else None
    held = detained(hit, sent, tokens)  # "اعتقلت X مواطنين Y" (nationals.py)
    if held and subj and any(u is held[0] for u in subj):
        # "أعلنت السلطات X أنها ألقت القبض على صحفي Y": Y is the one held, not the subject
        who = _Side.of([r.reporter]) if r.reporter is not None else None
    if etype == "PROTEST" and subj and all(u.entity is None for u in subj):
        who = None  # a body read from context (bodies.py) does not demonstrate
    if who is not None and who.sector == "IGO":
        who = None  # "أعربت الأمم المتحدة عن قلقها حيال قمع المتظاهرين": not its protest
    if who is None or not who.countries:
        places = [u for u in sent.units if u.place and u.countries]
        after = [u for u in places if u.i >= hit.i]
        pick = (after or places)[:1]
        if pick:
            who = _Side(pick[0].countries[:1], None, None)
        elif ctx.place is not None and sent.n - ctx.place[1] <= 3:
            who, r.conf = _Side((ctx.place[0],), None, None), r.conf - 0.15
    if who is None or not who.countries:
        return []
    # "اعتقال ثلاثة أفغان": a plural nationality after the noun (nationals.py)
    victims = _Side.of(_victims(hit, sent, tokens) or people_after(hit, sent, tokens) or held)
    foreign = victims.countries and not set(victims.countries) & set(who.countries)
    sides = [(who, victims if foreign else _Side(who.countries, None, None))]
    return sides


def directed_sides(r: Reading, fs: FirstSide) -> list[tuple[_Side, _Side]]:
    """The source and the target of a directed trigger (may lower ``r.conf``)."""
    hit, sent, tokens, ctx = r.hit, r.sent, r.tokens, r.ctx
    entry, etype, mode, fr, cs, is_verb = r.entry, r.etype, r.mode, r.fr, r.cs, r.is_verb
    partners, taken, reporter = r.partners, r.taken, r.reporter
    subj, cont, dyad_anaphor, genitive = fs.subj, fs.cont, fs.dyad_anaphor, fs.genitive
    pronoun_obj, agentive, crowd_subject = fs.pronoun_obj, fs.agentive, fs.crowd_subject
    sides: list[tuple[_Side, _Side]] = []
    src: _Side | None
    tgt: _Side | None
    if entry.has("arrive") and not (
        subj
        and all(u.kind in ("PER", "ROLE", "ORG") for u in subj)
        and any(
            u.i >= hit.j
            and u not in subj
            and ((u.place and u.prep in fr.place) or (u.kind == "GPE" and not u.prep))
            for u in sent.units
        )
    ):
        return []  # "وصل الوزير (إلى) موسكو": a named visitor and the place reached only
    if etype == "ASSAULT" and mode == "crowd-control" and subj and added_forces(subj[0]):
        return []  # "واستخدمت الشرطة ... الغاز المسيل للدموع": dispersal, not coded an assault
    # "أعلنت X السفير Y شخصا غير مرغوب فيه": X declares, not the envoy (nationals.py)
    subj = declarer(hit, sent, tokens) or subj
    src = _Side.of(subj) if subj else None
    # "وطالب المتظاهرون رئيس الوزراء بـ...": a domestic group as the subject acts within
    # the state of its target (set below)
    crowd = src is None and crowd_subject
    if src is None and dyad_anaphor and ctx.dyad is not None:
        src = ctx.dyad[0]
    if (src is None or not src.countries) and etype in _VERBAL and not crowd:
        rep = reporter or (ctx.reporter if not entry.has("weak") else None)
        if rep is not None:
            src, r.conf = _Side.of([rep]), r.conf - 0.1
    elif (
        (src is None or not src.countries)
        and etype in _MATERIAL
        and reporter is not None
        and reporter.sector not in _MEDIA  # "قالت وكالة رويترز إن ...": it reports
        and not reported_topic(hit, tokens, sent.ti)  # "قالت X إن الانفجار ..." (reported_topic.py)
        and (
            reporter.kind in ("ORG", "ROLE")
            or _own_country(tokens, max(cs, hit.i - 2), hit.i)
            or (cs > sent.ti and tokens[cs - 1].text in _SELF_CLAUSE)
        )
    ):
        # "أعلنت وزارة الدفاع ... تحييد ...": an authority announcing its own action;
        # "أعلن الوزير أن بلاده قررت ...": the speaker's own state acts; "أعلنت أذربيجان
        # أنها بدأت إخلاء سفارتها": the pronoun of the clause is the speaker
        src, r.conf = _Side.of([reporter]), r.conf - 0.15
    tgt = None
    domestic = False
    if not partners and src is not None and ctx.dyad is not None and is_verb:
        tgt = _anaphor_object(hit, sent, tokens, subj, src, ctx.dyad)
        if tgt is None and hit.form.suffix == "هما":  # "ودعتهما إلى الحوار": the pair
            rest = tuple(
                dict.fromkeys(
                    c for side in ctx.dyad for c in side.countries if c not in src.countries
                )
            )
            tgt = _Side(rest, None, None) if rest else None
    elif not partners and src is not None and ctx.fight and is_verb:
        # "دعا الطرفين إلى ..." after fighting within one state: its sides
        fought = _Side(ctx.fight, None, None)
        tgt = _anaphor_object(hit, sent, tokens, subj, src, (fought, fought))
    obj = (
        _object(
            hit,
            sent,
            subj,
            set() if crowd else taken,
            reach=relative_reach(hit, sent, tokens, 10),  # relative.py
            preps=fr.target,
            tokens=tokens,
        )
        if is_verb
        else _object(hit, sent, subj, taken, reach=4, preps=fr.target_n)
    )
    if obj is None and not is_verb and etype == "ASSAULT":
        # "حملة برية واسعة في ريف حلب ضد مقاتلي الحزب": "ضد" marks the target
        # past adjectives and a place (domestic.py)
        obj = against_object(hit, sent, subj, taken)
    if partners and (
        mode == "visit" or not (is_verb and obj and not obj[0].prep and obj[0].i < partners[0].i)
    ):
        # "مع X" names the other side, unless a direct object comes first ("طالب الاتحاد
        # إيران بوقف تعاونها مع موسكو"); a visit's "مع X" says whom the city stands for
        obj = partners
    if subject_again(obj, subj):
        obj = None  # "وصل الوزير X في حكومة ...، X، إلى بغداد": the subject again (same_entity.py)
    obj = pronoun_obj or obj or genitive
    if obj is None and hit.form.hal:
        obj = main_object(hit, sent, subj)  # "استدعت X السفير، داعية إلى" (stance.py)
    # "طردت X دبلوماسيين Y": the diplomats' state, not another named (nationals.py)
    # "مقتل ثلاثة فلسطينيين": a plural nationality after the noun (nationals.py)
    obj = (
        _victims(hit, sent, tokens)
        or people_after(hit, sent, tokens)
        or expelled(hit, sent, tokens)
        or obj
    )
    gapped = gapped_subjects(hit, sent, tokens, subj) if is_verb else []
    if obj and any(obj[0] is v for g in gapped for v in g):
        obj = None  # "طردت X 45 دبلوماسيا، وY 40": Y expels too, it is no target (gapped.py)
    if obj is None and is_verb and etype in ("SUPPORT", "ACCUSE"):
        # "رحبت X ببدء المحادثات بين A و B": the parties of what is welcomed or condemned
        obj = between_group(hit, sent, subj)
        near = _object(hit, sent, subj, set(), reach=3, preps=fr.target)
        if obj is None and near and id(near[0]) in taken:
            obj = near  # "أيد X دعوات الأمم المتحدة": whose calls are backed
    if (
        (is_verb or agentive)
        and (etype in _STANCE_OBJECT or entry.has("judged"))
        and src is not None
    ):
        # "أدانت X القصف الإسرائيلي على دمشق": the act's agent, not the place struck
        stance = _stance_object(hit, sent, subj, src)
        if stance and (obj is None or stance[0].i < obj[0].i or entry.has("about")):
            obj = stance  # "about": what a complaint is about (stance.py)
        if not obj or not any(u.countries for u in obj):
            # "... ما أسمته التدخل السافر" past an adjunct (stance.py)
            later = min([v for v in sent.verbs if v > hit.i] + [sent.tj])
            obj = named_object(hit, sent, tokens, later, src.countries) or obj
    if obj and subj and src is not None and _same_state(subj, obj):
        obj = None  # "هددت إيران ... ونفت طهران": the state named again, not its target
    group = group_object(hit, sent, subj, tokens)
    if obj and group >= 0 and obj[0].i > group and etype in ("ASSAULT", "COERCE"):
        obj = None  # "طردت الشرطة المحتجين من أمام السفارة X": the protesters (domestic.py)
    if tgt is None:
        # an object of no known state (an unlinked name) leaves the target open
        tgt = _Side.of(obj) if obj and any(u.countries for u in obj) else None
    if cont and (tgt is None or (obj and obj[0].prep)):
        # the object of the first verb goes on too: "وطالبت ... أنقرة بـ...، ولوحت بـ..."
        prev = [
            u
            for u in sent.units
            if u.is_actor
            and not u.prep
            and u.i >= cont[-1].j
            and u.j <= hit.i
            and u.group != cont[0].group
        ]
        tgt = _Side.of(prev[:1]) if prev else None
    if tgt is None and src is not None and group >= 0:
        tgt, domestic = _Side(src.countries, None, None), True
    if (
        tgt is None
        and src is not None
        and etype in ("ASSAULT", "COERCE")
        and subj
        and is_forces(subj[0], tokens)
        and mode != "crowd-control"  # tear gas and water cannon: not coded as an assault
    ):
        # "أطلق رجال الأمن النار عليهم"، "اعتقلت الشرطة 48 شخصا": the forces act at home
        tgt, domestic = _Side(src.countries, None, None), True
    if tgt is None and etype in ("ASSAULT", "COERCE"):
        where = [u for u in sent.units if u.place and u.countries and u.i >= hit.j]
        if not where and etype == "ASSAULT" and src is not None:
            # "قصف ... على سيارة قرب بلدة تابعة لمحافظة أربيل": the place struck
            where = [
                u
                for u in sent.units
                if u.kind in ("GPE", "LOC")
                and not u.nisba
                and u.i >= hit.j
                and u.countries
                and not set(u.countries) & set(src.countries)
            ]
        if where:
            tgt = _Side(where[0].countries[:1], None, None)
    if fr.place and tgt is None:
        # where the visitor goes, where the aid is sent ("مساعدات إنسانية إلى سوريا"),
        # where the recalled envoy served ("استدعت سفيرها في باريس"): the frame's places
        dest = [
            u for u in sent.units if u.i >= hit.j and u.place and u.countries and u.prep in fr.place
        ]
        if not dest:
            dest = _destination(hit, sent, tokens, src)
        if not dest and "في" in fr.place:
            dest = mission_host(hit, sent, tokens, src)  # "... وبدأت إخلاء بعثتها"
        if dest:
            tgt = _Side(dest[0].countries[:1], None, None)
    if (
        tgt is None
        and src is not None
        and ctx.dyad is not None
        and (not entry.has("weak") or mode == "visit")
        and not any(
            u.is_actor
            for u in sent.units
            if hit.j <= u.i < _clause_end(sent, hit.j)
            and u not in (subj or [])
            and all(u is not r for _, r in sent.reporters)  # "حسبما أفادت وكالة X"
        )
    ):
        tgt = _other(src, ctx.dyad)
        r.conf -= 0.15
    if tgt is None and src is not None and etype == "ACCUSE":
        # "نستنكر هذا الاعتداء": the attacker of the last attack (stance.py)
        attacker = condemned_attacker(hit, tokens, sent.tj, src.countries, ctx.fight)
        if attacker:
            tgt, r.conf = _Side(attacker, None, None), r.conf - 0.15
            domestic = set(attacker) <= set(src.countries)  # fighting at home
    if tgt is None and src is not None and etype == "REQUEST":
        # "دعا X إلى وقف إطلاق النار في السودان": the state where it is to happen (in
        # the clause, after the trigger first); a truce called for with no place: the
        # sides of the last fighting
        where = [
            u
            for u in sent.units
            if u.place
            and u.countries
            and u.i >= cs
            and u.prep == "في"
            and not set(u.countries) & set(src.countries)
        ]
        where.sort(key=lambda u: u.i < hit.j)
        fight = tuple(c for c in ctx.fight or () if c not in src.countries)
        past = max((u.j for u in subj or [] if u.i >= hit.j), default=hit.j)  # VSO subject
        if where:
            tgt, r.conf = _Side(where[0].countries[:1], None, None), r.conf - 0.1
        elif fight and truce_after(hit, tokens, sent.tj, past):
            tgt, r.conf = _Side(fight, None, None), r.conf - 0.15
        elif (
            ctx.fight
            and set(ctx.fight) <= set(src.countries)
            and truce_after(hit, tokens, sent.tj, past)
        ):
            # a call to stop fighting within the caller's own state (stance.py)
            tgt, r.conf, domestic = _Side(src.countries, None, None), r.conf - 0.15, True
    if tgt is None and src is not None and etype == "REJECT":
        body = resolution_body(hit, tokens, sent, src.countries)  # "صوتت X ضد القرار"
        if body:
            tgt, r.conf = _Side(body, None, None), r.conf - 0.1
    if (
        (src is None or not src.countries)
        and entry.has("domestic")
        and any(_strip(tokens[m].text) in _DOMESTIC for m in range(hit.j, min(sent.tj, hit.j + 5)))
    ):
        # "فتحت قوات الأمن النار على محتجين في كربلاء": the state's forces and its
        # protesters, in the state where it happens
        home = _home(hit, sent, ctx)
        named = {
            c for u in sent.units if u.is_actor and not u.place and u.i >= cs for c in u.countries
        }
        if home is not None and named <= {home}:
            src = tgt = _Side((home,), None, None)
            domestic = True
    if crowd and tgt is not None and tgt.countries:
        src, domestic = _Side(tgt.countries, None, None), True
    if src is None or tgt is None or not src.countries or not tgt.countries:
        return []
    domestic = domestic or rivals(src, tgt, etype)  # two named persons of one state
    if not domestic and etype == "ACCUSE" and set(src.countries) == set(tgt.countries):
        # "ودانت الوزارة الواقعة، مؤكدة أن الجيش ...": the incident condemned is fighting
        # within the speaker's own state (stance.py)
        attacker = condemned_attacker(hit, tokens, sent.tj, src.countries, ctx.fight)
        domestic = bool(attacker) and set(attacker) <= set(src.countries)
    if etype in _OUTWARD and set(src.countries) == set(tgt.countries) and not domestic:
        return []  # a state does not condemn, threaten or sanction itself
    if mode == "visit" and set(src.countries) == set(tgt.countries):
        # nobody visits their own country: "قبل بوتين دعوة وجهها أردوغان لزيارة تركيا"
        visitors = [
            u
            for u in sent.units
            if u.is_actor
            and u.j <= hit.i
            and not set(u.countries) & set(tgt.countries)
            and u.countries
        ]
        if not visitors:
            return []
        src = _Side.of(visitors[-1:])
    if entry.has("inv") or (etype == "REQUEST" and not is_verb and obj and obj[0].prep == "من"):
        src, tgt = tgt, src  # "تلبية لدعوة من نظيره التركي": the invitation is his
    sides = [(src, tgt)]
    if (
        etype in ("SANCTION", "ACCUSE")
        and obj
        and len(tgt.countries) > 1
        and _strip(tokens[obj[0].i - 1].text) in _ENVOYS
    ):
        # "استدعت سفيري بريطانيا والنرويج": one summons per envoy's state
        sides = [(src, _Side((c,), None, None)) for c in tgt.countries]
    others = [_Side.of(g) for g in gapped]
    return sides + [
        (o, t) for o in others for _, t in sides if set(o.countries) != set(t.countries)
    ]


def _clause_end(sent: _Sentence, k: int) -> int:
    """Where the clause after word ``k`` ends: a relative clause or a clause break (فيما،
    بينما) after it; its actors are not the trigger's."""
    return min([b for b in sent.breaks if b >= k] + [relative_after(sent, k)])


#: how far after "إلى" the country of a destination phrase may stand ("إلى المناطق
#: المنكوبة في شرق ليبيا")
_DEST_REACH = 10


def _destination(hit: Hit, sent: _Sentence, tokens: list[Token], src: _Side | None) -> list[Unit]:
    """ "أرسلت X مساعدات إلى المناطق المتضررة في ليبيا": a destination phrase opened by إلى
    whose place is named a few words on (the first other state's place after it)."""
    stop = min([b for b in sent.breaks if b >= hit.j] + [sent.tj])
    for k in range(hit.j, stop):
        if _strip(tokens[k].text) not in ("الي", "لي"):
            continue
        for u in sent.units:
            if (
                k < u.i <= k + _DEST_REACH
                and u.i < stop
                and u.kind in ("GPE", "LOC")
                and not u.nisba
                and u.countries
                and not (src and set(u.countries) & set(src.countries))
            ):
                return [u]
        return []
    return []
