"""Rule-based event extraction: triggers + units → PLOVER events for one document.

For each sentence, the trigger hits of the lexicon are read with word-order rules:

- the subject follows a verb (VSO, up to three words on) or precedes it in its clause (SVO);
  a dual noun like "الجانبين" or a dual pronoun stands for the last pair of sides;
- a noun trigger takes its sides from a possessive pronoun (زيارته، لقائهما), from what follows
  it ("اتصال هاتفي بين X و Y", "الاجتماع الثلاثي لقادة X و Y و Z") or from the subject before it;
- "مع X", "نظيره X" give the second side of symmetric types; the first actor after a directed
  verb is its target; attribution ("قال X إن ...") gives ``reported_by`` and, for verbal types,
  the source when the clause has none;
- one-actor types (protest, resignation, state of emergency) take the country of the actor or
  of the place; the context (last pair, last speaker, last place) fills a missing side, with a
  lower confidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace

from ..arabic import fold
from ..doc import Doc, Event
from . import plover
from .act_agent import adjective_run, agents_claimed
from .arguments import BodyAt, Unit, build_units, sentences
from .arrest import person_objects
from .background import borrowed, past_month, past_year
from .backref import add_back_references
from .blame import far_tails
from .bodies import add_bodies
from .captives import idle as captives_idle
from .charges import hostile_acts, obligations
from .continuity import continued, statement_subject
from .coref import inherit_countries
from .cues import cue
from .dates import DateExpr, find_dates, may_hold_dates, resolve
from .domestic import add_forces
from .frames import _events_for
from .indefinite import NisbaAt, dual_as_noun, mark_adjectives
from .lexicon import Form, Hit, Lexicon, Token, load_lexicon, tokenize
from .merge import assign_ids, merge_in_doc
from .nested import in_aim, inside_stance, requested, time_reference
from .occasion import mark, other_occasion
from .own_clause import own_clause
from .pressure import pressure_hits
from .relief_arrival import idle_carrier
from .riot import attempted_only
from .scorer import judge
from .scorer_features import Note
from .sentence_model import load_sentence_model, sentence_scores
from .sides import (
    _AGENT_LINKS,
    _ATTRIBUTION,
    _COMPLEMENTIZERS,
    _NOUN_LINKS,
    CLAUSE_BREAKS,
    RELATIVES,
    _Ctx,
    _Sentence,
    _Side,
    _strip,
    _subject_after,
    _subject_before,
)
from .stance import resolve_stances
from .told import topic_between
from .undergone import exposed_agents
from .unrest import charged_only
from .verdict import verdicts
from .victims import casualty_words

__all__ = ["detect_types", "extract_events"]


def detect_types(sentence: str, lexicon: Lexicon | None = None) -> set[str]:
    """The PLOVER types whose triggers occur in ``sentence`` (no actors needed).

    A type with occurrence cues in the lexicon (``_OCCUR`` rows: PROTEST, ASSAULT) also needs
    one of its cues in the sentence (people killed or wounded; protesters marching, chanting),
    so that a passing mention ("the assassination file", "the protesters' demands") is not
    taken for a report of the event. The types of the sentence classifier (PROTEST, ASSAULT;
    ``sentence_model.py``) are decided by it instead; the rule decision is one of its features.
    """
    lex = lexicon or load_lexicon()
    tokens = tokenize(fold(sentence))
    hits = lex.match(tokens)
    needs_cue, cued = lex.cued_types(tokens)
    found = {
        h.entry.type
        for h in hits
        if not h.entry.type.startswith("_")
        and not h.entry.has("nodetect")
        and (h.entry.type not in needs_cue or h.entry.type in cued)
    }
    model = load_sentence_model()
    scores = sentence_scores(sentence, lex)
    return {t for t in found if t not in model.types} | {
        t for t, th in zip(model.types, model.thresholds, strict=True) if scores[t] >= th
    }


def extract_events(
    doc: Doc,
    *,
    lexicon: Lexicon | None = None,
    kb_code: Callable[[str], str | None] | None = None,
    kb_body: BodyAt | None = None,
    kb_nisba: NisbaAt | None = None,
) -> list[Event]:
    """The events of ``doc`` (merged within the document, with stable ids). ``kb_code``: the
    code of an international body; ``kb_body``: the body a person acts for on a date;
    ``kb_nisba``: the country of a nisba adjective (indefinite.py)."""
    norm = doc.norm
    tokens = tokenize(norm)
    if not tokens:
        return []
    lex = lexicon or load_lexicon()
    hits = lex.match(tokens, gaps=True, heads=_LONG_SUBJECT)
    spans = sentences(norm)
    units = add_bodies(build_units(doc, tokens, kb_code, kb_body), tokens, spans)
    units = add_forces(units, tokens, spans)  # "قوات الأمن"، "الشرطة" (domestic.py)
    units = inherit_countries(units)  # "وأضاف موانغي": the state of his first mention
    units = add_back_references(units, tokens)  # "ودعا المجلس ..." (backref.py)
    mark_adjectives(doc, units, tokens, kb_nisba)  # "قصفا أميركيا" (indefinite.py)
    u_starts = [u.start for u in units]
    hits = [
        _as_noun(h, tokens)
        for h in dual_as_noun(hits, units, tokens)
        if not _inside(units, u_starts, h.start)
        and not (h.entry.has("notplace") and _before_place(units, u_starts, h))
    ]
    _verb_not_prep(hits, units, u_starts, tokens)
    h_starts = [h.start for h in hits]
    ctx = _Ctx()
    events: list[tuple[Event, str | None]] = []
    notes: list[Note] = []  # where each candidate came from, for the learned scorer
    starts = [t.start for t in tokens]
    # clause breaks, relative pronouns, and words with a comma before them (one pass each)
    breaks = [k for k, t in enumerate(tokens) if t.text in CLAUSE_BREAKS]
    rels = [k for k, t in enumerate(tokens) if t.text in RELATIVES]
    commas = sorted({bisect_left(starts, m.start()) for m in _COMMA.finditer(norm)})
    for n, (s, e) in enumerate(spans):
        sent = _Sentence(n, s, e, bisect_left(starts, s), bisect_left(starts, e))
        sent.units = units[bisect_left(u_starts, s) : bisect_left(u_starts, e)]
        sent.breaks = breaks[bisect_left(breaks, sent.ti) : bisect_left(breaks, sent.tj)]
        sent.relatives = rels[bisect_left(rels, sent.ti) : bisect_left(rels, sent.tj)]
        sent.commas = commas[bisect_left(commas, sent.ti + 1) : bisect_left(commas, sent.tj)]
        s_hits = hits[bisect_left(h_starts, s) : bisect_left(h_starts, e)]
        if not sent.units and not s_hits:
            continue
        _find_reporters(sent, s_hits, tokens, ctx)
        s_hits = resolve_stances(s_hits, tokens, sent)  # judgements, "لن نتردد" (stance.py)
        extra = obligations(s_hits, tokens, sent, norm) + hostile_acts(s_hits, tokens, sent)
        extra += far_tails(s_hits, tokens, sent, lex)  # "حمّل X، ...، Y مسؤولية" (blame.py)
        extra += verdicts(s_hits, tokens, sent, norm)  # "قالت X إن قادة Y عاجزون" (verdict.py)
        s_hits = sorted(s_hits + extra, key=lambda h: h.i)
        ev_hits = [h for h in s_hits if not h.entry.type.startswith("_")]
        ev_hits = pressure_hits(ev_hits, tokens, sent.tj)  # "استهدف X بعقوبات": a sanction
        ev_hits = person_objects(ev_hits, tokens, sent.units, sent.tj)  # "أوقف" (arrest.py)
        ev_hits = attempted_only(ev_hits, sent, tokens)  # "يحاول المتظاهرون اقتحام" (riot.py)
        ev_hits = charged_only(ev_hits, sent, tokens)  # "منظمي الاحتجاجات ..." (unrest.py)
        ev_hits = [  # relief or captives with nothing sent or held (relief*.py, captives.py)
            h
            for h in ev_hits
            if not idle_carrier(h, sent, tokens) and not captives_idle(h, sent, tokens)
        ]
        ev_hits = [
            h
            for h in ev_hits
            if not _purpose(h, ev_hits, tokens, sent.ti)
            and not in_aim(h, tokens, sent.ti)
            and not time_reference(h, tokens, sent, norm)
        ]
        sent.verbs = [h.i for h in ev_hits if h.form.tense != "noun" and not h.entry.has("sym")]
        s_dates = (
            [DateExpr(d.start + s, d.end + s, d.text, d.key) for d in find_dates(norm[s:e])]
            if ev_hits and may_hold_dates(t.text for t in tokens[sent.ti : sent.tj])
            else []
        )
        s_dates = [d for d in s_dates if not _announced(d, s_hits, tokens, sent.tj)]
        claimed = _claims(ev_hits, sent, tokens)
        sent.agents = agents_claimed(ev_hits, claimed, tokens)  # "اعتداء X على Y" (act_agent.py)
        sent.exposed = exposed_agents(ev_hits, sent, tokens)  # "تعرض X لقصف Y" (undergone.py)
        sent.struck = casualty_words(ev_hits, sent, tokens)  # "مقتل X في هجوم Y" (victims.py)
        date_of = _assign_dates(ev_hits, s_dates)
        made: dict[int, list[Event]] = {}  # the events of each trigger (by its start)
        speaker = ctx.speaker if not sent.reporters else None
        opener = continued(ev_hits, sent, tokens) if speaker is not None else None
        if opener is not None and speaker is not None:
            sent.reporters.append((opener.i, speaker))
        for hit in ev_hits:
            for event in _events_for(hit, sent, tokens, ctx, claimed, doc):
                if inside_stance(event, hit, ev_hits, sent, made) and not own_clause(
                    hit, ev_hits, tokens
                ):
                    continue  # "أعرب X عن إدانته لقصف ...": X condemns, does not strike
                made.setdefault(hit.start, []).append(event)
                if requested(hit, ev_hits, tokens):
                    event.intent = "hypothetical"  # "دعا إلى اجتماع طارئ": asked for
                key: str | None = None
                if borrowed(event, sent) and any(
                    past_month(d.key, doc.published) and d.start < hit.start for d in s_dates
                ):
                    continue  # "وفي نوفمبر 2020 تم التوصل ...": not this story's pair
                expr = date_of.get(hit.start)
                if expr is not None:
                    if past_year(expr.key) and not event.negated:
                        continue  # "... العام الماضي": background, not the news
                    event.date_text = _text(doc, expr.start, expr.end)
                    event.date = resolve(expr, doc.published, future=event.intent is not None)
                    key = expr.key
                if other_occasion(hit, tokens, sent.ti, sent.tj, [d.start for d in s_dates]):
                    key = mark(key)  # "وفي وقت سابق ...": not merged with the main occasion
                events.append((event, key))
                notes.append(Note(hit, sent.n, sent.ti, sent.tj, sent.units))
                if event.type == "ASSAULT" and event.intent is None and not event.negated:
                    both = event.source.countries + event.target.countries
                    ctx.fight = tuple(dict.fromkeys(both))
                if event.mode == "third-party" and len(event.target.countries) == 2:
                    # the pair a mediator stands between is the pair the story is about
                    a, b = event.target.countries
                    ctx.dyad = (_Side((a,), None, None), _Side((b,), None, None))
                elif (
                    (
                        event.type in plover.SYMMETRIC
                        or event.mode == "visit"
                        or hit.entry.has("sym")
                    )
                    and event.intent != "hypothetical"
                    and event.source.countries
                    and event.target.countries
                    and event.source.countries != event.target.countries
                ):
                    ctx.dyad = (
                        _mediated(event.target.countries, sent)
                        if event.mode == "third-party"
                        else (
                            _Side(
                                tuple(event.source.countries),
                                event.source.entity,
                                event.source.sector,
                            ),
                            _Side(
                                tuple(event.target.countries),
                                event.target.entity,
                                event.target.sector,
                            ),
                        )
                    ) or ctx.dyad
        _update_ctx(ctx, sent)
        # "ودعا المجلس ... . وأدان ...": the speaker goes on (continuity.py)
        ctx.speaker = statement_subject(ev_hits, sent, tokens) or (
            speaker if opener is not None else None
        )
    events = judge(events, notes, units, tokens, doc)  # the learned scorer (scorer.py)
    merged = merge_in_doc(events)
    assign_ids(doc.id, merged)
    return merged


def _mediated(sides: list[str], sent: _Sentence) -> tuple[_Side, _Side] | None:
    """The pair "الطرفين" refers to after a mediation "بين X و Y": X and Y (the event's
    target), not the mediator and them. A mediation whose sides came from elsewhere (the last
    pair, the states named) leaves the pair as it was."""
    if len(sides) < 2 or not any(u.prep == "بين" for u in sent.units):
        return None
    return _Side((sides[0],), None, None), _Side(tuple(sides[1:]), None, None)


_NOUN_CONTEXT = cue("noun_context")
_COMMA = re.compile("[،,]")
#: a verb's tail may stand five words on past a subject that starts with one of these
_LONG_SUBJECT = cue("long_subject_heads")


def _announced(date: DateExpr, hits: list[Hit], tokens: list[Token], tj: int) -> bool:
    """ "أعلن المتحدث اليوم الجمعة أن بوتين سيزور تركيا الشهر المقبل": a date between a
    reporting verb and its "أن" is when it was said, not when the event happens."""
    for h in hits:
        if h.entry.type != "_REPORT" or h.end > date.start:
            continue
        if any(
            o.start < date.start and o.entry.type != "_REPORT" and o.start > h.end for o in hits
        ):
            continue
        nxt = next((k for k in range(h.j, tj) if tokens[k].start >= date.end), None)
        if nxt is not None and _strip(tokens[nxt].text) in _COMPLEMENTIZERS:
            return True
    return False


def _purpose(hit: Hit, hits: list[Hit], tokens: list[Token], lo: int) -> bool:
    """ "استدعت الخارجية السفير احتجاجا على ...", "وأبلغته احتجاجها": "in protest" gives the
    purpose of another act reported before it (a protest lodged), not a demonstration; after
    a protest ("تظاهرات جرت ... احتجاجا على") it is that protest's purpose, not a second one."""
    return (
        hit.entry.type == "PROTEST"
        and tokens[hit.i].text.lstrip("و") in _IN_PROTEST
        and (
            any(h.i < hit.i for h in hits)
            # "سلمت السفير احتجاجا": handed over, a protest lodged
            or any(_strip(tokens[k].text) in _LODGE for k in range(max(lo, hit.i - 6), hit.i))
        )
    )


#: "احتجاجا على", "للاحتجاج على", "أبلغته احتجاجها": a protest lodged with someone
_IN_PROTEST = cue("lodged_protest")
#: verbs that hand a protest over: "سلمت الخارجية السفير احتجاجا", "قدمت احتجاجا"
_LODGE = cue("lodge_verbs")


def _as_noun(hit: Hit, tokens: list[Token]) -> Hit:
    """A bare past verb right after a preposition is its verbal noun ("في قصف نفذته"); so is
    one that reads as a verb with the pronoun ه, since the folded taa marbuta looks like it
    ("عن إدانة" folds to "عن ادانه", not "عن أدانه")."""
    if (
        hit.form.tense != "past"
        or hit.form.suffix not in ("", "ه")
        or hit.clitic
        or hit.form.fem
        or hit.form.number != "sg"
        or hit.i == 0
    ):
        return hit
    if _strip(tokens[hit.i - 1].text) not in _NOUN_CONTEXT:
        return hit
    return replace(hit, form=Form("noun", "sg", ""))


def _verb_not_prep(
    hits: list[Hit], units: list[Unit], u_starts: list[int], tokens: list[Token]
) -> None:
    """A trigger verb spelled like a preposition ("وعبر الرئيس عن تضامنه": he expressed, not
    "via the president") does not mark the subject after it."""
    for h in hits:
        if h.form.tense == "noun" or h.j >= len(tokens):
            continue
        k = bisect_left(u_starts, tokens[h.j].start)
        if k < len(units) and units[k].i == h.j and units[k].prep:
            word = tokens[h.i].text
            if units[k].prep in (word, word[1:]):
                units[k].prep = ""
                units[k].place = units[k].kind == "LOC"


def _inside(units: list[Unit], u_starts: list[int], pos: int) -> bool:
    k = bisect_right(u_starts, pos) - 1
    return k >= 0 and units[k].start <= pos < units[k].end


def _before_place(units: list[Unit], u_starts: list[int], hit: Hit) -> bool:
    """A named city or region right after the trigger ("مقاطعة كورسك": a region's name)."""
    k = bisect_left(u_starts, hit.end)
    return k < len(units) and units[k].i == hit.j and (units[k].city or units[k].kind == "LOC")


def _text(doc: Doc, start: int, end: int) -> str:
    span = doc.span_from_norm(start, end)
    return doc.text[span[0] : span[1]] if span else doc.norm[start:end]


def _claims(hits: list[Hit], sent: _Sentence, tokens: list[Token]) -> dict[int, list[Unit]]:
    """Sides named right after a noun trigger ("اتصال بين X و Y", "اجتماع لقادة X و Y")."""
    out: dict[int, list[Unit]] = {}
    for hit in hits:
        if hit.form.tense != "noun":
            continue
        k = hit.j
        while (
            k < sent.tj
            and k - hit.j < 4
            and (_strip(tokens[k].text) in _NOUN_LINKS or tokens[k].text[1:] in _NOUN_LINKS)
        ):
            k += 1
        # "قصف نفذته طائرة مسيرة تركية": after an agent link, the agent may follow its noun
        agent = any(_strip(tokens[m].text) in _AGENT_LINKS for m in range(hit.j, k))
        for u in sent.units:
            if u.i < hit.j or not u.is_actor:
                continue
            if (
                hit.entry.has("sym")
                and (u.prep == "بين" or _between_heads(tokens, k, u.i))
                and u.i - k <= 8
                and k < u.i
                and (
                    _complement(tokens[k].text)
                    or tokens[k].text == "بين"
                    or any(tokens[m].text in _BORDER for m in range(k, u.i))
                )
                and not any(hit.j <= h.i < u.i for h in hits)
                and not topic_between(tokens, k, u.i)  # "اتصال ببدء ترسيم الحدود بين" (told.py)
            ):
                # "توقيع اتفاقية للتعاون في مجال الطاقة بين تركيا وأذربيجان" (but not "ناقشا في
                # المكالمة الخلاف المتصاعد بين البلدين الجارين": there بين belongs to الخلاف)
                pair = [v for v in sent.units if v.group == u.group and v.is_actor]
                if len(pair) >= 2:
                    out[hit.start] = pair
                    break
            if u.i <= k + (3 if agent else 1) and u.prep in ("", "بين", "ل"):
                words_between = [_strip(tokens[m].text) for m in range(k, u.i)]
                if agent or all(
                    w in ("بين", "و") or w in _NOUN_LINKS or w[1:] in _NOUN_LINKS
                    for w in words_between
                ):
                    group = [v for v in sent.units if v.group == u.group and v.is_actor]
                    if u.adjective and u.kind == "GPE":
                        group = adjective_run(u, sent)  # "قصفا أميركيا بريطانيا" (act_agent.py)
                    if hit.entry.has("sym") and len(group) == 1 and group[0].city and u.i == hit.j:
                        group = []  # "اجتماع أنطاليا": a meeting named by its place
                    out[hit.start] = group
            break
    return out


_COMPLEMENT_HEADS = cue("complement_heads")
#: "اشتباكات مسلحة أمس على الحدود بين قرغيزستان وطاجيكستان": the two sides of a border
_BORDER = cue("border")


_PAIR_HEADS = cue("pair_heads")


def _between_heads(tokens: list[Token], k: int, i: int) -> bool:
    """ "المفاوضات بين وزيري خارجية أرمينيا وأذربيجان": بين, then only words for the
    people of the two sides, then the pair."""
    for p in range(max(k, i - 3), i):
        if tokens[p].text == "بين":
            return all(tokens[m].text in _PAIR_HEADS for m in range(p + 1, i))
    return False


def _complement(word: str) -> bool:
    """A word that opens a complement of the trigger noun ("للتعاون", "في مجال", "حول")."""
    return word.startswith("ل") or word in _COMPLEMENT_HEADS


def _assign_dates(hits: list[Hit], dates: list[DateExpr]) -> dict[int, DateExpr]:
    """Each date goes to its nearest trigger; a trigger without one takes the nearest date
    that no other trigger lies in front of."""
    if not hits or not dates:
        return {}
    out: dict[int, DateExpr] = {}
    for d in dates:
        near = min(
            hits, key=lambda h: (min(abs(h.start - d.end), abs(d.start - h.end)), h.start > d.start)
        )
        out.setdefault(near.start, d)
    for h in hits:
        if h.start in out:
            continue
        free = [
            d
            for d in dates
            if not any(
                min(h.start, d.start) < o.start < max(h.start, d.start) for o in hits if o is not h
            )
        ]
        if free:
            out[h.start] = min(free, key=lambda d: abs(d.start - h.start))
    return out


def _find_reporters(sent: _Sentence, hits: list[Hit], tokens: list[Token], ctx: _Ctx) -> None:
    for hit in hits:
        if hit.entry.type != "_REPORT":
            continue
        # the speaker may follow a longer head: "أعلن مكتب رئيس وزراء البلاد X"
        # or a long title: "أعلن وزير الدولة للشؤون الخارجية والتعاون الدولي في البلاد X"
        reach = next(
            (
                k - hit.j
                for k in range(hit.j, min(sent.tj, hit.j + 8))
                if _strip(tokens[k].text) in _COMPLEMENTIZERS
            ),
            8,
        )
        who = _subject_after(hit, sent, min(reach, 8)) or _subject_before(hit, sent, sent.ti, 6)
        if who:
            sent.reporters.append((hit.j, who[0]))
        elif ctx.reporter is not None:  # "وأوضح الوزير": the speaker goes on
            sent.reporters.append((hit.j, ctx.reporter))
    for k in range(sent.ti, sent.tj):
        if tokens[k].text in _ATTRIBUTION:
            for u in sent.units:
                if u.i > k and u.i - k <= 3 and u.kind == "ORG":
                    sent.outlet = u.entity
                    break


def _update_ctx(ctx: _Ctx, sent: _Sentence) -> None:
    if sent.reporters:
        ctx.reporter = sent.reporters[-1][1]
    for u in sent.units:
        if u.is_actor and u.countries:
            ctx.actor = u  # "وانتقدها ...": what a pronoun object points back to
        if u.is_actor and u.kind in ("PER", "ROLE", "ORG") and u.countries:
            ctx.person = u
        if u.place and u.countries:
            ctx.place = (u.countries[0], sent.n)
