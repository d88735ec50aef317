"""Stances told without a stance verb: judgements, the agent of a verbal noun, "لن نتردد".

- A judgement verb (lexicon type ``_JUDGE``: اعتبر، وصف، عدّ ...) takes a stance when a word of
  judgement follows it in its clause: "اعتبرت X الخطوة انتهاكا" / "وصفت X العملية بأنها عدوان"
  is a disapproval (ACCUSE), "... بأنها خطوة إيجابية" an approval (SUPPORT); the cue sets
  ``judged_bad`` and ``judged_good`` in ``data/cues.tsv`` hold the words. With no such word the
  verb is no event.
- "لن نتردد في ..." (lexicon type ``_HESITATE``, after a negator of cue ``threat_negators``) is
  a threat, stated as fact: not a negated or future event (flag ``affirm``).
- A stance noun followed by a state and then "ل" + its object ("إدانة X للهجوم", "رفض X
  للاتفاق") has that state as its agent, not as its object (``act_agent.noun_agent``).
- A complaint lodged with a body also accuses the agent of the act complained about; a
  participle of manner with no object is addressed to the main verb's object; a condemned
  attack or violation with no agent targets the last attacker; "ما أسمته X" names the act.
- Support received ("تلقت X دعما من Y", rows flagged ``inv``) is told by the verb, not again by
  the noun after it; "استهدفت X بعقوبات" (a targeting verb with a sanctions noun) is a sanction.
- Statements by two different named speakers are two events (``distinct_speakers``, merge).

Demands and charges told without a trigger word are in ``charges.py``.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..arabic import fold
from ..doc import Event
from .arguments import Unit
from .cues import cue
from .lexicon import Entry, Form, Hit, Token
from .sides import CLAUSE_BREAKS, _Sentence, _Side, _strip

__all__: list[str] = []  # internal to the events package

#: words of a bad judgement: "اعتبرتها انتهاكا"، "وصفها بأنها عدوان"
_BAD = cue("judged_bad")
#: words of a good judgement: "وصفها بأنها خطوة إيجابية"، "اعتبرها ضرورية"
_GOOD = cue("judged_good")
#: "لن نتردد"، "لا نتردد": no hesitation is a threat
_THREAT_NEG = cue("threat_negators")
#: attribution verbs that also judge an object: "اعتبرت X الهجوم انتهاكا"
_JUDGE_REPORTS = cue("judge_reports")
#: "أن" and its pronoun forms: what follows is reported speech (not "بأنها", which judges)
THAT = cue("report_that")
#: "انتقدت X ما وصفته بالتحريض": the judgement names what another stance is about
_WHAT = cue("judged_what")
#: "تلقت X دعما من Y": the types of what is received (rows flagged inv in triggers.tsv)
_RECEIVED = frozenset({"SUPPORT", "AID"})
_RECEIVED_REACH = 4
#: "استهدفت X شركات Y بعقوبات جديدة": a targeting verb with sanctions is a sanction
_TARGETING = cue("targeting_verbs")
_SANCTIONS = cue("sanction_nouns")
_SANCTION_REACH = 6
#: a complaint lodged with a body (a REQUEST with one of these after it) also accuses the
#: agent of the act complained about: "رفعت X شكوى إلى الأمم المتحدة بشأن القصف الـ Y-ي"
_COMPLAINTS = cue("complaint_words")
#: nouns spelled like a participle of manner: after a comma they are one ("، مطالبةً بـ")
_HAL_NOUNS = cue("hal_after_comma")
_HAL = Form("past", "sg", "", hal=True)
#: a stance noun with "نا" (ours) is the speaker's, like a first-person verb
_FIRST = Form("present", "sg", "", first=True)
#: how far after a judgement verb its judgement may stand
_JUDGE_REACH = 12


@lru_cache(maxsize=256)
def _as(entry: Entry, etype: str, mode: str | None, flag: str = "") -> Entry:
    flags = entry.flags | {"nomodel"} | ({flag} if flag else set())
    return replace(entry, type=etype, mode=mode, flags=frozenset(flags))


def _past(entry: Entry) -> str:
    return fold(entry.lemma.partition("/")[0])


@lru_cache(maxsize=1 << 16)
def variants(text: str) -> frozenset[str]:
    """A word with its clitic ب / ل / ال and accusative alif taken off ("بالعدوان",
    "للانتهاك", "انتهاكا"); memoised, a word's variants do not depend on its sentence."""
    out = {_strip(text)}
    for w in list(out):
        if w.startswith("لل") and len(w) > 4:
            out.add("ال" + w[2:])  # "للانتهاك"
        if w[:1] in "بل" and len(w) > 3:
            out.add(w[1:])
    for w in list(out):
        if w.startswith("ال") and len(w) > 4:
            out.add(w[2:])
    for w in list(out):
        if w.endswith("ا") and len(w) > 3:
            out.add(w[:-1])
    return frozenset(out)


def resolve_stances(hits: list[Hit], tokens: list[Token], sent: _Sentence) -> list[Hit]:
    """The sentence's hits with judgement verbs and "لن نتردد" read as stances (or left out)."""
    out: list[Hit] = []
    received = [h.i for h in hits if h.entry.has("inv") and h.entry.type in _RECEIVED]
    for h in hits:
        if h.entry.type in _RECEIVED and any(0 < h.i - r <= _RECEIVED_REACH for r in received):
            continue  # "تلقت X دعما من Y": the support received, told by the verb before it
        if h.entry.type == "_JUDGE" or (
            h.entry.type == "_REPORT" and _past(h.entry) in _JUDGE_REPORTS
        ):
            verdict = (
                None
                if h.i > sent.ti and tokens[h.i - 1].text in _WHAT
                else _judgement(h, hits, tokens, sent.tj)
            )
            if verdict is not None:
                etype, mode = verdict
                out.append(replace(h, entry=_as(h.entry, etype, mode, "judged")))
            elif h.entry.type == "_REPORT":
                out.append(h)
        elif (
            h.entry.type == "ASSAULT"
            and _past(h.entry) in _TARGETING
            and _sanctions_after(h, tokens, sent.tj)
        ):
            out.append(replace(h, entry=_as(h.entry, "SANCTION", None)))  # "استهدفت X بعقوبات"
        elif h.entry.type == "_HESITATE":
            before = {_strip(tokens[k].text) for k in range(max(sent.ti, h.i - 2), h.i)}
            if before & _THREAT_NEG:
                out.append(replace(h, entry=_as(h.entry, "THREATEN", None, "affirm")))
        elif h.form.tense == "noun" and h.form.suffix == "نا" and h.entry.type in _STATEMENTS:
            # "مطلبنا من حكومتهم"، "إدانتنا للتفجير": our demand / condemnation: the speaker's
            out.append(replace(h, form=_FIRST))
        elif (
            h.form.tense == "noun"
            and not h.clitic
            and h.i in sent.commas
            and tokens[h.i].text in _HAL_NOUNS
        ):
            # "... ، مطالبةً بتدخل أممي": after a comma, the participle of manner
            out.append(replace(h, form=_HAL))
        else:
            out.append(h)
            if _endorsed(h, tokens, sent):
                # "قال الوزيران إن الهدنة ستمهد للحوار": the speakers back it
                out.append(replace(h, entry=_as(h.entry, "SUPPORT", None, "endorse")))
            if h.entry.type == "REQUEST" and any(
                variants(t.text) & _COMPLAINTS for t in tokens[h.i + 1 : min(sent.tj, h.i + 4)]
            ):
                # "رفعت X شكوى إلى الأمم المتحدة بشأن القصف": also an allegation
                out.append(replace(h, entry=_as(h.entry, "ACCUSE", "allege", "about")))
    return out


def _sanctions_after(hit: Hit, tokens: list[Token], tj: int) -> bool:
    """A sanctions noun within six words after a targeting verb, in its clause."""
    for k in range(hit.j, min(tj, hit.j + _SANCTION_REACH)):
        if tokens[k].text in CLAUSE_BREAKS:
            return False
        if variants(tokens[k].text) & _SANCTIONS:
            return True
    return False


def _judgement(
    hit: Hit, hits: list[Hit], tokens: list[Token], tj: int
) -> tuple[str, str | None] | None:
    """ACCUSE or SUPPORT when a word of judgement follows the verb in its clause (before any
    other verb trigger)."""
    later = [h.i for h in hits if h.i > hit.i and h.form.tense != "noun"]
    stop = min([*later, tj, hit.j + _JUDGE_REACH])
    for k in range(hit.j, stop):
        text = tokens[k].text
        if text in CLAUSE_BREAKS or _strip(text) in THAT:
            return None  # "اعتبر الوزير أن ...": a report, not a judgement of an object
        words = variants(text)
        if k + 1 < tj:  # "غير مقبول", "خطوة إيجابية"
            words |= {f"{w} {v}" for w in words for v in variants(tokens[k + 1].text)}
        if words & _BAD:
            return "ACCUSE", "disapprove"
        if words & _GOOD:
            return "SUPPORT", None
    return None


#: statements: two named speakers making one are two events, not one merged event
_STATEMENTS = cue("statement_types")
#: the entity id prefix of persons
_PERSON = "per:"
#: the entity ids of named speakers (persons and bodies; not a state's own name)
_SPEAKER_IDS = tuple(sorted(cue("speaker_id_prefixes")))


def distinct_speakers(a: Event, b: Event) -> bool:
    """True when ``a`` and ``b`` are statements by two different named speakers (persons or
    bodies) in different sentences (the president and the foreign ministry condemning the same
    attack): two events."""
    if a.type not in _STATEMENTS:
        return False
    x, y = a.source.entity, b.source.entity
    if not (x and y and x != y and x.startswith(_SPEAKER_IDS) and y.startswith(_SPEAKER_IDS)):
        return False
    return not set(a.evidence) & set(b.evidence)  # one sentence: one speaker, misread


#: the nouns of an attack or violation condemned with no agent named ("نستنكر هذا
#: الاعتداء"), written without ال (matched like the judgement words)
_ATTACKS = cue("condemned_attacks")


def condemned_attacker(
    hit: Hit, tokens: list[Token], tj: int, src: tuple[str, ...], fight: tuple[str, ...] | None
) -> tuple[str, ...]:
    """The other side of the last attack reported, when a condemnation names an attack (within
    four words after it) with no agent: the one condemned is the attacker's state."""
    if hit.entry.type not in ("ACCUSE",) or not fight:
        return ()
    if len(fight) == 1 and fight[0] not in src:
        # an attack within one state condemned from abroad ("تدين X الهجوم على مقر الشرطة
        # في أنقرة"): its attackers are not that state, the one attacked
        return ()
    for k in range(hit.j, min(tj, hit.j + 4)):
        if variants(tokens[k].text) & _ATTACKS:
            rest = tuple(c for c in fight if c not in src)
            # the attacker (listed first), or the side other than the speaker; fighting
            # within the speaker's own state: that state (a domestic condemnation)
            return rest[:1] if rest else tuple(fight[:1])
    return ()


#: "ما أسمته"، "ما وصفته": what the speaker calls the act follows
_NAMING = cue("naming_verbs")
_NAMED_REACH = 20


def named_object(
    hit: Hit, sent: _Sentence, tokens: list[Token], later: int, src: tuple[str, ...]
) -> list[Unit] | None:
    """ "انتقدت X، في بيان لمكتبها الإعلامي، ما أسمته التدخل السافر لـ Y": past an adjunct, the
    act named after "ما أسمته / ما وصفته" (before ``later``, the next verb trigger), and the
    state of the nisba or actor within four words after it."""
    stop = min(sent.tj, later, hit.j + _NAMED_REACH)
    for k in range(hit.j, stop - 1):
        if tokens[k].text not in _WHAT or _strip(tokens[k + 1].text) not in _NAMING:
            continue
        for u in sent.units:
            if k + 2 <= u.i <= k + 5 and u.countries and not set(u.countries) & set(src):
                return [u]
        return None
    return None


def main_object(hit: Hit, sent: _Sentence, subj: list[Unit] | None) -> list[Unit] | None:
    """ "استدعت الخارجية السفير ...، داعية إلى احترام الحدود": a participle of manner with
    no object of its own is addressed to the state named right after it ("مطالبةً بتعويض من
    Y"), else to the object of the sentence's first verb (the first actor after that
    verb, before the participle, that is not the subject)."""
    own = {c for u in subj or [] for c in u.countries}
    for u in sent.units:
        # "مطالبةً بتعويض من Y": the state named right after it
        if hit.j <= u.i <= hit.j + 2 and u.countries and not set(u.countries) <= own:
            return [u]
    first = min((v for v in sent.verbs if v < hit.i), default=None)
    if first is None:
        return None
    for u in sent.units:
        if first < u.i < hit.i and u.is_actor and u.countries and not u.prep:
            if u in (subj or []) or set(u.countries) <= own:
                continue
            return [u]
    return None


def rivals(src: _Side, tgt: _Side, etype: str) -> bool:
    """Two different named persons of one state in a statement ("اتهم الرئيس زعيم المعارضة
    بالتحريض"): a domestic dispute, kept although both sides are one state."""
    a, b = src.entity, tgt.entity
    return bool(
        etype in _STATEMENTS
        and a
        and b
        and a != b
        and a.startswith(_PERSON)
        and b.startswith(_PERSON)
    )


#: words before an agreement that make it the outcome of talks: "أفضت المحادثات إلى اتفاق"
_OUTCOME = cue("outcome_words")


def reached(hit: Hit, tokens: list[Token], lo: int) -> bool:
    """A symmetric noun (an agreement, a truce) reached as the outcome of talks: an outcome
    word within the three words before it. Its parties, if the sentence names none, are the
    last pair of the document (the sides of the mediation or talks told before it)."""
    if hit.form.tense != "noun" or not hit.entry.has("sym"):
        return False
    return any(_strip(tokens[k].text) in _OUTCOME for k in range(max(lo, hit.i - 3), hit.i))


#: what an agreement or truce will bring, in a speaker's words: "ستمهد للحوار"، "سيعزز الثقة"
_GOOD_EFFECTS = cue("good_effects")
_EFFECT_REACH = 8


def _endorsed(hit: Hit, tokens: list[Token], sent: _Sentence) -> bool:
    """An agreement or truce noun in a reported statement followed (in its clause, within eight
    words) by a verb of what good it will bring."""
    if not sent.reporters or hit.form.tense != "noun" or not hit.entry.has("sym"):
        return False
    if hit.entry.type not in ("AGREE", "RETREAT") or hit.i <= sent.reporters[0][0]:
        return False
    for k in range(hit.j, min(sent.tj, hit.j + _EFFECT_REACH)):
        text = tokens[k].text
        if text in CLAUSE_BREAKS:
            return False
        if _strip(text) in _GOOD_EFFECTS:
            return True
    return False


def _group_of(unit: Unit, sent: _Sentence) -> list[Unit]:
    return [u for u in sent.units if u.group == unit.group and u.is_actor] or [unit]


def endorsement_sides(
    hit: Hit,
    sent: _Sentence,
    claimed: list[Unit] | None,
    speaker: Unit | None,
    dyad: tuple[_Side, _Side] | None,
) -> tuple[_Side, _Side] | None:
    """(the speakers, the parties) of an endorsed agreement: the speaker's coordination group;
    the parties named after the noun ("بين X و Y") or else the last pair."""
    if speaker is None or not speaker.countries:
        return None
    src = _Side.of(_group_of(speaker, sent))
    if claimed and len(claimed) >= 2:
        tgt = _Side.of(claimed)
    elif dyad is not None:
        tgt = _Side(tuple(dict.fromkeys(c for side in dyad for c in side.countries)), None, None)
    else:
        return None
    if set(src.countries) & set(tgt.countries):
        return None
    return src, tgt
