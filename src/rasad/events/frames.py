"""Reading the sides of one trigger: word-order rules and the document context.

Used by ``extractor.extract_events`` (see its docstring for the rules); the subject and
object finders are in ``sides``.
"""

from __future__ import annotations

from ..doc import Actor, Doc, Event
from . import plover
from .accusative import pronoun_sides
from .act_agent import act_agent, noun_subject, split_agent
from .agentless import agentless_sides
from .agreement import plural_subject
from .arguments import Unit, intent_of, is_negated
from .background import ongoing_since
from .charges import hostile_sides, obligation_sides
from .cues import cue
from .frame_table import frame
from .lexicon import Hit, Token
from .mediation import mediation_sides
from .rejected_deal import deal_party
from .relative import relative_agent, relative_reach
from .release import is_passive, release_sides
from .riot import riot_object
from .route import route_sides
from .sides import (
    _DOMESTIC,
    _MATERIAL,
    _MULTI,
    _PHONE,
    _TOPIC_HEADS,
    _VERBAL,
    _agent_nisba,
    _anaphor_near,
    _anaphor_object,
    _before_qad,
    _clause_start,
    _continued_subject,
    _counterpart_subject,
    _Ctx,
    _document_before,
    _document_subject,
    _halted,
    _object,
    _other,
    _own_country,
    _owned_by_verb,
    _same_state,
    _Sentence,
    _Side,
    _stance_object,
    _strip,
    _subject_after,
    _subject_before,
    _title_subject,
    _victims,
)
from .speech import speaker_sides
from .stance import (
    condemned_attacker,
    endorsement_sides,
    main_object,
    named_object,
    noun_agent,
    reached,
    rivals,
)
from .targets import between_group, relative_after, truce_after
from .told import told_sides

__all__: list[str] = []  # internal to the events package

#: Directed types read between two states: one state on both sides is a misreading unless
#: the target is a domestic group ("اتهم الرئيس المعارضة"); a parliament approving a
#: resignation or a decree ("وافق البرلمان على ...") is no agreement between states.
_OUTWARD = frozenset({"ACCUSE", "SUPPORT", "THREATEN", "SANCTION", "REJECT", "AGREE"})


#: stances whose object may be an act with its agent's nisba ("أدانت X القصف الإسرائيلي",
#: "رحبت X بالوساطة القطرية")
_STANCE_OBJECT = frozenset({"REJECT", "ACCUSE", "SUPPORT"})


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
    if (
        hit.form.tense == "noun"
        and hit.i > sent.ti
        and _strip(tokens[hit.i - 1].text).lstrip("ل") in _TOPIC_HEADS
    ):
        return []  # "لسير المفاوضات", "ملف المحادثات": a topic, not a report of the event
    if (hit.i > sent.ti and _halted(tokens[hit.i - 1].text)) or (
        # "وقف دائم للقتال", "الهدنة الإنسانية للقتال بين ...": the fighting a truce stops
        (hit.clitic.startswith("ل") or tokens[hit.i - 1].text == "من")  # "انسحابها من ..."
        and hit.i - 1 > sent.ti
        and _halted(tokens[hit.i - 2].text)
    ):
        return []  # "بوقف تعاونها العسكري": what someone wants stopped, not a report of it
    if ongoing_since(hit, tokens, sent.ti, sent.tj, doc.norm) and not is_negated(
        tokens, hit.i, sent.ti
    ):
        return []  # "يهاجم الحوثيون السفن منذ نوفمبر": background, not the news
    if etype == "CONSULT":
        mode = _mode_cue(hit, sent, tokens) or mode
    if hit.start in claimed and not claimed[hit.start]:
        return []  # a back-reference by place name, reported where it was first told
    cs = _clause_start(sent, tokens, hit.i, doc.norm)
    is_verb = hit.form.tense != "noun"
    conf = 0.75 if not entry.has("weak") else 0.6
    # -- the first side (subject)
    # "وطالب المتظاهرون رئيس الوزراء بـ...": a domestic group right after the verb
    crowd_subject = (
        is_verb
        and not entry.has("sym")
        and hit.j < sent.tj
        and _strip(tokens[hit.j].text) in _DOMESTIC
        and hit.start not in claimed
    )
    subj: list[Unit] | None = None
    cont: list[Unit] | None = None
    dyad_anaphor = False
    genitive: list[Unit] | None = None
    pronoun_obj: list[Unit] | None = None
    agentive = False  # a stance noun with its agent after it (stance.py)
    if (
        hit.start in claimed
        and not entry.has("sym")
        and all(u.kind == "GPE" for u in claimed[hit.start])
    ):
        # "يعتزم ماكرون زيارة روسيا": a country after a directed noun is where it goes
        before = _subject_before(hit, sent, cs, 8)
        # but "إدانة كينيا للتفجير": the state condemns (stance.py)
        agentive = noun_agent(hit, claimed[hit.start], tokens) or act_agent(
            hit, claimed[hit.start], tokens
        )  # "هجوم X على Y" (act_agent.py)
        if before and not agentive:
            subj, genitive = before, claimed[hit.start]
    if genitive is not None:
        pass
    elif hit.start in claimed:
        subj = claimed[hit.start]
    elif crowd_subject:
        pass  # the crowd word is the subject; the actor after it is the object
    elif is_verb and (hit.form.hal or hit.form.first):
        # "ندين ..."، "داعيا روسيا إلى ...": the speaker's or the clause's subject (speech.py)
        subj, pronoun_obj = speaker_sides(hit, sent, tokens, ctx)
    elif is_verb and (pron := pronoun_sides(hit, sent, tokens, ctx)) is not None:
        subj, pronoun_obj = pron  # "وانتقدها وزير الخارجية الأمريكي" (accusative.py)
    elif is_verb and (head := relative_agent(hit, sent, tokens)) is not None:
        subj = head  # "القوات الروسية التي قصفت ...": the head of the relative clause (relative.py)
    elif is_verb:
        if hit.form.number == "dual" and (
            _anaphor_near(tokens, max(cs - 1, hit.i - 2), hit.i)
            or _anaphor_near(tokens, hit.j, min(sent.tj, hit.j + 1))
        ):
            dyad_anaphor = True
        elif hit.form.number == "sg":
            # a dual or plural verb carries its (pronoun) subject: what follows is the object
            cont = _continued_subject(hit, sent, tokens, doc.norm)
            subj = (
                _document_subject(hit, sent, tokens, ctx)
                or _document_before(hit, sent, tokens)
                or cont
                or _before_qad(hit, sent, tokens)
                or (
                    _subject_after(hit, sent, commas=True)
                    if not _envoy_after(hit, tokens)
                    else None
                )
                or _title_subject(hit, sent, tokens)
                or (_counterpart_subject(hit, sent) if not entry.has("sym") else None)
            )
        if subj is None and not dyad_anaphor:
            if _anaphor_near(tokens, hit.j, min(sent.tj, hit.j + 2)) or (
                hit.form.number == "dual" and _anaphor_near(tokens, cs - 1, hit.i)
            ):
                dyad_anaphor = True
            else:
                # "... واستهدفوا": not a single state's name (agreement.py)
                subj = plural_subject(hit, sent, cs, _subject_before(hit, sent, cs, 6))
            if subj is None and not dyad_anaphor and _anaphor_near(tokens, cs - 1, hit.i):
                dyad_anaphor = True
    else:
        suffix = hit.form.suffix
        agent = _agent_nisba(hit, sent, tokens) or split_agent(hit, sent, tokens)
        if agent:
            subj = agent
        elif suffix == "هما":
            before = [u for u in sent.units if u.j <= hit.i and u.is_actor]
            groups = [
                g for g in {u.group for u in before} if sum(1 for u in before if u.group == g) >= 2
            ]
            if groups:
                g = max(groups)
                subj = [u for u in before if u.group == g]
            else:
                dyad_anaphor = True
        elif suffix in ("ه", "ها", "هم"):
            before = [u for u in sent.units if u.j <= hit.i and u.is_actor]
            people = [u for u in before if u.kind in ("PER", "ROLE", "ORG")]
            pick = (people or before)[-1:] if (people or before) else []
            if pick:
                subj = pick
            elif ctx.person is not None and suffix != "ها":
                subj, conf = [ctx.person], conf - 0.15
        elif _anaphor_near(tokens, hit.j, min(sent.tj, hit.j + 1)):
            dyad_anaphor = True
        else:
            subj = _subject_before(hit, sent, cs, 8)
            if entry.has("sym") and _owned_by_verb(sent, subj, hit.i):
                subj = None
            if subj and all(u.kind == "GPE" and not u.nisba for u in subj):
                # "يزور ميرزويان بروكسل لبحث ...": the visitor talks, not the city visited
                people = [
                    u
                    for u in sent.units
                    if cs <= u.i and u.j <= subj[0].i and u.is_actor and u.kind in ("PER", "ROLE")
                ]
                if people:
                    subj = people[-1:]
            if subj is None and _anaphor_near(tokens, cs, hit.i):
                dyad_anaphor = True
    # -- second side
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
    if entry.has("endorse"):  # "قال الوزيران إن الهدنة ستمهد للحوار" (stance.py)
        pair = endorsement_sides(hit, sent, claimed.get(hit.start), reporter, ctx.dyad)
        if pair is None:
            return []
        return [_make(hit, etype, mode, *pair, sent, tokens, doc, conf - 0.1, reported_by)]
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
        return [_make(hit, etype, mode, a, b, sent, tokens, doc, conf - 0.1, reported_by)]
    party = deal_party(hit, sent, tokens, subj)  # "رفض X الاتفاق بين Y و Z" (rejected_deal.py)
    if party is not None and subj:
        a, b = _Side.of(subj), _Side.of(party)
        return [_make(hit, "ACCUSE", "disapprove", a, b, sent, tokens, doc, conf, reported_by)]
    told = (
        told_sides(hit, sent, tokens)
        if etype == "CONSULT" and hit.start not in claimed and not partners
        else None
    )
    if told is not None:  # "أبلغ X Y خلال اتصال هاتفي" (told.py)
        a, b = _Side.of(told[0]), _Side.of(told[1])
        return [_make(hit, etype, mode, a, b, sent, tokens, doc, conf, reported_by)]
    attacked = riot_object(hit, sent, tokens)  # "اقتحم المتظاهرون القنصلية ..." (riot.py)
    home = _home(hit, sent, ctx) if attacked is not None else None
    if attacked is not None and home is not None:
        here = _Side((home,), None, None)
        there = _Side.of(attacked) if attacked else here
        return [_make(hit, "PROTEST", "riot", here, there, sent, tokens, doc, conf, reported_by)]
    routed = route_sides(hit, sent)  # "مساعدات من إيران إلى الحوثيين" (route.py)
    if routed is not None:
        return [_make(hit, etype, mode, *routed, sent, tokens, doc, conf, reported_by)]
    undergone = agentless_sides(hit, sent, tokens, ctx)  # "تعرضت X لهجوم" (agentless.py)
    if undergone is not None:
        return [_make(hit, etype, mode, *undergone, sent, tokens, doc, conf - 0.15, reported_by)]
    if mode == "third-party":
        pair = mediation_sides(hit, sent, subj, ctx, reporter or ctx.reporter)
        if pair is None:
            return []
        return [_make(hit, etype, mode, pair[0], pair[1], sent, tokens, doc, conf, reported_by)]
    if mode == "release" and not entry.has("mutual") and is_passive(hit, tokens, sent.ti):
        # "تم الإفراج عن عشرين أسيرا أوكرانيا": the released after the trigger (release.py)
        freed = release_sides(hit, sent, tokens, ctx)
        if freed is not None:
            return [
                _make(hit, etype, mode, a, b, sent, tokens, doc, conf - 0.1, reported_by)
                for a, b in freed
            ]
    # -- reported conduct: "X said that Y deliberately ..."
    if entry.has("allege"):
        rep = reporter or ctx.reporter
        acc = [u for u in sent.units if cs <= u.i and u.j <= hit.i and u.is_actor]
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
                conf - 0.1,
                reported_by,
            )
        ]
    sides: list[tuple[_Side, _Side]] = []
    src: _Side | None
    tgt: _Side | None
    if entry.has("sym") and etype == "CONSULT" and not is_verb and not dyad_anaphor:
        hosted = _hosted_meeting(hit, sent, mode, subj)
        if hosted is not None:
            return [
                _make(hit, etype, "multilateral", *hosted, sent, tokens, doc, conf, reported_by)
            ]
    if entry.has("sym"):
        parties: list[_Side] = []
        if dyad_anaphor and ctx.dyad is not None:
            parties = list(ctx.dyad)
        elif subj and len(subj) >= 2:
            parties = [_Side.of([u]) for u in subj]
        elif subj:
            parties = [_Side.of(subj)]
        if len(parties) == 1 or (not parties and partners):
            if partners:
                parties += [_Side.of([u]) for u in partners]
            elif is_verb and hit.form.number != "dual":
                obj = _object(hit, sent, subj, taken, preps=fr.target)
                if obj:
                    parties.append(_Side.of(obj))
            elif not is_verb and parties:
                obj = _object(hit, sent, subj, taken, reach=3, preps=fr.target_n)
                if obj:
                    parties.append(_Side.of(obj))
        if not parties and partners:
            parties = [_Side.of(partners)]
        if len(parties) == 1 and partners and subj is None:
            rep = reporter or (ctx.reporter if not entry.has("weak") else None)
            if rep is not None:
                parties.insert(0, _Side.of([rep]))
                conf -= 0.1
        if not parties and ctx.dyad is not None and reached(hit, tokens, sent.ti):
            # "أفضت المحادثات إلى اتفاق": an outcome of the talks of the last pair (stance.py)
            parties, conf = list(ctx.dyad), conf - 0.15
        if not parties and ((is_verb and hit.form.number == "dual") or not entry.has("weak")):
            rep = reporter or ctx.reporter
            if rep is not None and (is_verb or not entry.has("weak")):
                parties = [_Side.of([rep])]
        if len(parties) == 1 and ctx.dyad is not None and not entry.has("weak"):
            other = _other(parties[0], ctx.dyad)
            if other is not None:
                parties.append(other)
                conf -= 0.15
        if entry.has("domestic") and not dyad_anaphor:
            home = _home(hit, sent, ctx)
            named = {c for u in sent.units if u.is_actor and not u.place for c in u.countries}
            if home is not None and {c for p in parties for c in p.countries} | named <= {home}:
                side = _Side((home,), None, None)  # "اشتباكات في طرابلس بين قوات موالية ..."
                return [_make(hit, etype, mode, side, side, sent, tokens, doc, conf, reported_by)]
        if len(parties) < 2:
            return []
        if len(parties) == 2 and set(parties[0].countries) == set(parties[1].countries):
            return []  # two sides of one state: not an interaction between states
        if len(parties) > 2 and mode == "phone":
            sides = [(parties[0], p) for p in parties[1:]]
        elif len(parties) > 2:
            sides = [(parties[0], _Side.of([]))]
            merged = [c for p in parties[1:] for c in p.countries]
            sides = [(parties[0], _Side(tuple(dict.fromkeys(merged)), None, None))]
        elif entry.has("mutual"):
            sides = [(parties[0], parties[1]), (parties[1], parties[0])]  # an exchange
        else:
            sides = [(parties[0], parties[1])]
    elif entry.has("unary") or (etype, mode) in plover.UNARY_MODES:
        who = _Side.of(subj) if subj else None
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
                who, conf = _Side((ctx.place[0],), None, None), conf - 0.15
        if who is None or not who.countries:
            return []
        victims = _Side.of(_victims(hit, sent, tokens))
        foreign = victims.countries and not set(victims.countries) & set(who.countries)
        sides = [(who, victims if foreign else _Side(who.countries, None, None))]
    else:
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
        src = _Side.of(subj) if subj else None
        # "وطالب المتظاهرون رئيس الوزراء بـ...": a domestic group as the subject acts within
        # the state of its target (set below)
        crowd = src is None and crowd_subject
        if src is None and dyad_anaphor and ctx.dyad is not None:
            src = ctx.dyad[0]
        if (src is None or not src.countries) and etype in _VERBAL and not crowd:
            rep = reporter or (ctx.reporter if not entry.has("weak") else None)
            if rep is not None:
                src, conf = _Side.of([rep]), conf - 0.1
        elif (
            (src is None or not src.countries)
            and etype in _MATERIAL
            and reporter is not None
            and reporter.sector not in _MEDIA  # "قالت وكالة رويترز إن ...": it reports
            and (
                reporter.kind in ("ORG", "ROLE")
                or _own_country(tokens, max(cs, hit.i - 2), hit.i)
                or (cs > sent.ti and tokens[cs - 1].text in _SELF_CLAUSE)
            )
        ):
            # "أعلنت وزارة الدفاع ... تحييد ...": an authority announcing its own action;
            # "أعلن الوزير أن بلاده قررت ...": the speaker's own state acts; "أعلنت أذربيجان
            # أنها بدأت إخلاء سفارتها": the pronoun of the clause is the speaker
            src, conf = _Side.of([reporter]), conf - 0.15
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
            )
            if is_verb
            else _object(hit, sent, subj, taken, reach=4, preps=fr.target_n)
        )
        if partners and (
            mode == "visit"
            or not (is_verb and obj and not obj[0].prep and obj[0].i < partners[0].i)
        ):
            # "مع X" names the other side, unless a direct object comes first ("طالب الاتحاد
            # إيران بوقف تعاونها مع موسكو"); a visit's "مع X" says whom the city stands for
            obj = partners
        obj = pronoun_obj or obj or genitive
        if obj is None and hit.form.hal:
            obj = main_object(hit, sent, subj)  # "استدعت X السفير، داعية إلى" (stance.py)
        obj = _victims(hit, sent, tokens) or obj
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
        if tgt is None and src is not None:
            k = max((u.j for u in subj if u.i >= hit.j), default=hit.j) if subj else hit.j
            if any(_strip(tokens[m].text) in _DOMESTIC for m in range(k, min(sent.tj, k + 2))):
                tgt = _Side(src.countries, None, None)
                domestic = True
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
                u
                for u in sent.units
                if u.i >= hit.j and u.place and u.countries and u.prep in fr.place
            ]
            if not dest:
                dest = _destination(hit, sent, tokens, src)
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
            conf -= 0.15
        if tgt is None and src is not None and etype == "ACCUSE":
            # "نستنكر هذا الاعتداء": the attacker of the last attack (stance.py)
            attacker = condemned_attacker(hit, tokens, sent.tj, src.countries, ctx.fight)
            if attacker:
                tgt, conf = _Side(attacker, None, None), conf - 0.15
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
            if where:
                tgt, conf = _Side(where[0].countries[:1], None, None), conf - 0.1
            elif fight and truce_after(hit, tokens, sent.tj):
                tgt, conf = _Side(fight, None, None), conf - 0.15
            elif (
                ctx.fight
                and set(ctx.fight) <= set(src.countries)
                and truce_after(hit, tokens, sent.tj)
            ):
                # a call to stop fighting within the caller's own state (stance.py)
                tgt, conf, domestic = _Side(src.countries, None, None), conf - 0.15, True
        if (
            (src is None or not src.countries)
            and entry.has("domestic")
            and any(
                _strip(tokens[m].text) in _DOMESTIC for m in range(hit.j, min(sent.tj, hit.j + 5))
            )
        ):
            # "فتحت قوات الأمن النار على محتجين في كربلاء": the state's forces and its
            # protesters, in the state where it happens
            home = _home(hit, sent, ctx)
            named = {
                c
                for u in sent.units
                if u.is_actor and not u.place and u.i >= cs
                for c in u.countries
            }
            if home is not None and named <= {home}:
                src = tgt = _Side((home,), None, None)
                domestic = True
        if crowd and tgt is not None and tgt.countries:
            src, domestic = _Side(tgt.countries, None, None), True
        if src is None or tgt is None or not src.countries or not tgt.countries:
            return []
        domestic = domestic or rivals(src, tgt, etype)  # two named persons of one state
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
    sides = [_disjoint(a, b) for a, b in sides]
    return [
        _make(hit, etype, mode, a, b, sent, tokens, doc, conf, reported_by)
        for a, b in sides
        if a.countries and b.countries
    ]


#: how far after a meeting noun its members may be named ("القمة السنوية الخامسة لقادة دول
#: المنظمة", "اللقاء الثلاثي بشأن الحدود لوزراء دفاع الدول الثلاث")
_MEMBERS_REACH = 8
#: prepositions of a meeting's topic, not its members ("لقاء ثلاثي حول الممر")
_TOPIC = cue("topic_preps")
#: stance types: their object may be the agent of an act noun (act_agent.py)
_STANCES = cue("stance_types")


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


def _home(hit: Hit, sent: _Sentence, ctx: _Ctx) -> str | None:
    """The country of the place the sentence names nearest to the trigger (or the last one
    named up to three sentences before)."""
    places = [u for u in sent.units if u.place and u.countries]
    if places:
        return min(places, key=lambda u: abs(u.i - hit.i)).countries[0]
    if ctx.place is not None and sent.n - ctx.place[1] <= 3:
        return ctx.place[0]
    return None


#: envoy nouns: "طرد السفير الفرنسي" — the nisba after them is the envoy's state, the object
_ENVOYS = cue("envoys")
#: "أنها / أنه": a clause whose subject is the speaker's own pronoun
#: sectors of news outlets: an outlet reporting an act is not the one who acts
_MEDIA = cue("media_sectors")
_SELF_CLAUSE = cue("self_clause")


def _envoy_after(hit: Hit, tokens: list[Token]) -> bool:
    """An expulsion or summons right followed by an envoy noun ("طرد السفير الفرنسي"): what
    follows is the object, whoever the subject is."""
    return (
        hit.entry.type in ("SANCTION", "ACCUSE")
        and hit.j < len(tokens)
        and _strip(tokens[hit.j].text) in _ENVOYS
    )


def _clause_end(sent: _Sentence, k: int) -> int:
    """Where the clause after word ``k`` ends: a relative clause or a clause break (فيما،
    بينما) after it; its actors are not the trigger's."""
    return min([b for b in sent.breaks if b >= k] + [relative_after(sent, k)])


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


def _make(
    hit: Hit,
    etype: str,
    mode: str | None,
    src: _Side,
    tgt: _Side,
    sent: _Sentence,
    tokens: list[Token],
    doc: Doc,
    conf: float,
    reported_by: str | None,
) -> Event:
    affirm = hit.entry.has("affirm")  # "لن نتردد": a threat stated as fact (stance.py)
    negated = not affirm and is_negated(tokens, hit.i, sent.ti)
    intent = (
        None
        if affirm
        else intent_of(
            tokens,
            hit.i,
            hit.j,
            sent.ti,
            sent.tj,
            clitic=hit.clitic,
            present=hit.form.tense == "present",
        )
    )
    span = doc.span_from_norm(sent.start, sent.end)
    places = [u for u in sent.units if u.place]
    near = sorted(places, key=lambda u: (u.i < hit.i, abs(u.i - hit.i)))
    place = None
    if near:
        ent = doc.entities.get(near[0].entities[0]) if near[0].entities else None
        place = ent.name if ent is not None else None
    return Event(
        id="",
        type=etype,
        mode=mode,
        source=Actor(src.entity, list(src.countries), src.sector),
        target=Actor(tgt.entity, list(tgt.countries), tgt.sector),
        evidence=[span] if span else [],
        negated=negated,
        intent=intent,
        confidence=round(max(0.1, min(conf, 0.95)), 2),
        place=place,
        quad=plover.quad(etype),
        intensity=plover.intensity(etype, mode, negated=negated),
        reported_by=reported_by,
    )
