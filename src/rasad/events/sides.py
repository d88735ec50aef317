"""The sides of an event: sentence and context records, and the word-order rules that find
a trigger's subject and object among the units of its sentence.

Used by ``frames._events_for`` and ``extractor.extract_events``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..kb.peoples import is_people_plural
from .arguments import ANAPHORS, Unit
from .cues import cue
from .lexicon import Hit, Token

__all__: list[str] = []  # internal to the events package


_COMPLEMENTIZERS = cue("complementizers")
_PHONE = cue("phone")
_MULTI = cue("multi")
_NOUN_LINKS = cue("noun_links")
#: "قصف نفذته طائرة تركية", "غارة شنها الطيران الروسي": the agent of a noun trigger
_AGENT_LINKS = cue("agent_links")
_NOUN_LINKS = _NOUN_LINKS | _AGENT_LINKS
_ATTRIBUTION = cue("attribution")
#: people nouns whose nationality names the victims of an arrest or attack ("اعتقال مواطنين
#: أذربيجانيين", "مقتل جنود أتراك")
_VICTIMS = cue("victims")
#: Words between an act noun and the nisba naming its agent ("الضربات الجوية الأمريكية").
AGENT_BRIDGES = cue("agent_bridges")
#: words that open a new clause with its own subject
CLAUSE_BREAKS = cue("clause_breaks")
#: relative pronouns: an object is not looked for inside a relative clause
RELATIVES = cue("relatives")
#: types whose object may be the doer of what they are about
_STANCE = frozenset({"SUPPORT", "ACCUSE", "REJECT"})
#: nouns that make a following trigger noun a topic, not an event ("سير المفاوضات")
_TOPIC_HEADS = cue("topic_heads")
#: a trigger after these is what is to be stopped or opposed, not a report of it ("طالب ...
#: بوقف تعاونها مع موسكو", "روسيا تعارض أي عقوبات جديدة")
_HALT_HEADS = cue("halt_heads")
#: countries whose Arabic name is masculine (most country and city names are feminine)
_MASCULINE_GPE = cue("masculine_countries")
#: generic domestic actors in object position: "اتهم رئيس الوزراء أحزاب المعارضة"
_DOMESTIC = cue("domestic")
#: prepositions that never mark a target when no frame says which do (time, topic, place)
_NOT_TARGET = cue("not_target_preps")
_MATERIAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
_VERBAL = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
)


@dataclass(slots=True)
class _Side:
    countries: tuple[str, ...]
    entity: str | None
    sector: str | None

    @classmethod
    def of(cls, units: list[Unit]) -> _Side:
        countries: list[str] = []
        for u in units:
            countries.extend(c for c in u.countries if c not in countries)
        head = units[0] if units else None
        return cls(tuple(countries), head.entity if head else None, head.sector if head else None)


@dataclass(slots=True)
class _Ctx:
    dyad: tuple[_Side, _Side] | None = None
    reporter: Unit | None = None
    person: Unit | None = None
    place: tuple[str, int] | None = None  # country, sentence number
    fight: tuple[str, ...] | None = None  # the states of the last attack or clash
    actor: Unit | None = None  # the last actor of a state named (accusative.py)
    speaker: Unit | None = None  # the subject of the last statement verb (continuity.py)


@dataclass(slots=True)
class _Sentence:
    n: int
    start: int
    end: int
    ti: int
    tj: int
    units: list[Unit] = field(default_factory=list)
    reporters: list[tuple[int, Unit]] = field(default_factory=list)  # (from word, unit)
    outlet: str | None = None
    breaks: list[int] = field(default_factory=list)  # words that open a new clause (فيما)
    relatives: list[int] = field(default_factory=list)  # relative pronouns (الذي، التي)
    commas: list[int] = field(default_factory=list)  # words with a comma before them
    verbs: list[int] = field(default_factory=list)  # first words of event verb hits
    agents: set[int] = field(default_factory=set)  # first words of act nouns' agents (act_agent)
    #: the agent of the act undergone after each verb of undergoing (undergone.py)
    exposed: dict[int, list[Unit]] = field(default_factory=dict)
    #: the agent of the attack after each casualty word ("مقتل جنود X في هجوم Y": victims.py)
    struck: dict[int, list[Unit]] = field(default_factory=dict)


def _strip(word: str) -> str:
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def _clause_start(sent: _Sentence, tokens: list[Token], i: int, norm: str) -> int:
    """The first word of the clause of word ``i``: after a complementizer (أن، بأن، إنه) or
    a colon opening reported speech."""
    for k in range(i - 1, sent.ti - 1, -1):
        if _strip(tokens[k].text) in _COMPLEMENTIZERS:
            return k + 1
        if ":" in norm[tokens[k].end : tokens[k + 1].start]:
            return k + 1
    return sent.ti


def _agrees(hit: Hit, u: Unit) -> bool:
    """A masculine singular verb does not take a country or city name as its subject
    ("وطالب باكو بـ..." : he asked Baku; Baku asking would be "وطالبت باكو")."""
    if hit.form.fem or hit.form.tense == "noun" or hit.form.number != "sg":
        return True
    return not (u.kind == "GPE" and not u.nisba and not set(u.countries) & _MASCULINE_GPE)


def _continued_subject(
    hit: Hit, sent: _Sentence, tokens: list[Token], norm: str
) -> list[Unit] | None:
    """ "وردت الخارجية الجورجية ...، وطالبت الإدارة الأمريكية بالتراجع": a verb joined by و
    after a comma goes on with the subject of the sentence when what follows it is an object
    with its complement (بـ / إلى) or nothing at all."""
    if (
        not hit.clitic.startswith("و")
        or (hit.entry.tailed and hit.j == hit.i + 1)  # "ووافق X على": على is the verb's own
        or hit.i - sent.ti < 3
        or not any(c in norm[tokens[hit.i - 1].end : tokens[hit.i].start] for c in "،,")
    ):
        return None
    after = [u for u in sent.units if u.i >= hit.j and u.is_actor]
    if after and after[0].i - hit.j <= 1 and not after[0].prep:
        nxt = tokens[after[0].j].text if after[0].j < sent.tj else ""
        if not (nxt.startswith("ب") or _strip(nxt) in ("الي", "علي")):
            return None
    first = [u for u in sent.units if u.j <= hit.i and u.is_actor and not u.prep]
    if not first:
        return None
    return [u for u in first if u.group == first[0].group]


def _subject_after(
    hit: Hit, sent: _Sentence, reach: int = 3, *, commas: bool = False
) -> list[Unit] | None:
    """The subject after a verb (VSO); with ``commas``, not past a comma ("بدأت تخلي سفارتها
    في طهران، محملة إيران ...": Iran is the object of the next clause)."""
    for u in sent.units:
        if u.i >= hit.j and u.is_actor:
            if commas and any(hit.j < c <= u.i for c in sent.commas):
                return None
            if u.i - hit.j <= reach and not u.prep and not u.counterpart and _agrees(hit, u):
                return [
                    v
                    for v in sent.units
                    if v.group == u.group and v.is_actor and (not v.prep or v.counterpart)
                ]
            return None
    return None


def _subject_before(hit: Hit, sent: _Sentence, lo: int, reach: int) -> list[Unit] | None:
    cands = [u for u in sent.units if lo <= u.i and u.j <= hit.i and u.is_actor]
    if not cands:
        return None
    last = cands[-1]
    if hit.i - last.j > reach:
        return None
    group = [v for v in cands if v.group == last.group and (not v.prep or v.counterpart)]
    return group or None


def _owned_by_verb(sent: _Sentence, subj: list[Unit] | None, i: int) -> bool:
    """The subject found before word ``i`` is a verb's: the verb stands right before it (VSO:
    "دعت X و Y إلى اتفاق" — X and Y make the call, they are not the parties of the agreement)
    or between it and word ``i`` (SVO)."""
    if not subj:
        return False
    first, end = min(u.i for u in subj), max(u.j for u in subj)
    return any(end <= v < i or 0 < first - v <= 3 for v in sent.verbs)


def _anaphor_near(tokens: list[Token], lo: int, hi: int) -> bool:
    return any(_strip(tokens[k].text) in ANAPHORS for k in range(lo, hi))


def _object(
    hit: Hit,
    sent: _Sentence,
    subj: list[Unit] | None,
    taken: set[int],
    *,
    reach: int | None = None,
    preps: frozenset[str] | None = None,
    tokens: list[Token] | None = None,
) -> list[Unit] | None:
    after_subj = max((u.j for u in subj), default=hit.j) if subj else hit.j
    # a new clause, or a relative clause ("على الاتفاق الذي توسطت فيه X و Y": X and Y are
    # the relative clause's, not the object of the verb); but a stance takes the doer of
    # what it is about ("أشاد بالدور الذي لعبته الإمارات")
    rel = sent.relatives if hit.entry.type not in _STANCE else []
    # "وأدان ... الواقعة وقال إن الجنود ...": a speech verb joined by و opens another
    # statement (not "رفضت X ما أعلنته Y": what Y announced is the object)
    said = (
        [
            k
            for k in range(max(hit.j, after_subj), sent.tj)
            if tokens[k].text.startswith("و") and tokens[k].text[1:] in _SAID
        ]
        if tokens is not None
        else []
    )
    stop = min(
        (b for b in (*sent.breaks, *rel, *said) if b >= max(hit.j, after_subj)),
        default=sent.tj,
    )
    governed = _governed_states(hit, sent, max(hit.j, after_subj))
    for u in sent.units:
        if u.i < max(hit.j, after_subj) or id(u) in taken:
            continue
        if not (u.is_actor or id(u) in governed):
            continue
        if u.i > stop:
            return None  # "رحب X بالاتفاق، فيما أشادت الصين ...": another clause's subject
        if reach is not None and u.i - max(hit.j, after_subj) > reach:
            return None
        if preps is not None and u.prep not in preps:
            continue
        if preps is None and u.prep in _NOT_TARGET:
            continue
        return [
            v
            for v in sent.units
            if v.group == u.group
            and (v.is_actor or id(v) in governed)
            and id(v) not in taken
            and v.i >= u.i
        ]
    return None


def _governed_states(hit: Hit, sent: _Sentence, k: int) -> set[int]:
    """A trigger that takes its object with a preposition a place would take (entry flags
    ``bobj``: أشاد، رحب، ندد ب; ``ilaobj``: وجه الشكر إلى): the state named with it right
    after the trigger and its subject (past its tail and "إلى كل من", six words at most) is that
    object and no place ("أشاد الوزير بقطر وعمان"), and so are the states joined to it; a date
    may stand between ("وجهت X، اليوم الأحد، الشكر إلى"), a new clause may not. Cities stay
    places ("رحب بالقاهرة")."""
    prep = "ب" if hit.entry.has("bobj") else "الي" if hit.entry.has("ilaobj") else ""
    if not prep or hit.form.tense == "noun":
        return set()
    first = next((u for u in sent.units if u.i >= k), None)
    # with ب on it, a name shaped like a nisba is the name ("أشاد الوزير الأمريكي بالسعودية")
    if first is None or first.i - k > 6 or first.prep != prep or not _state_name(first):
        return set()
    if any(k < b <= first.i for b in sent.breaks):
        return set()
    return {
        id(u)
        for u in sent.units
        if u.group == first.group and u.i >= k and _state_name(u) and (u is first or not u.nisba)
    }


def _state_name(u: Unit) -> bool:
    return u.kind == "GPE" and u.entity is not None and u.entity in u.countries


def _anaphor_object(
    hit: Hit,
    sent: _Sentence,
    tokens: list[Token],
    subj: list[Unit] | None,
    src: _Side,
    dyad: tuple[_Side, _Side],
) -> _Side | None:
    """ "دعت زاخاروفا الجانبين إلى ...": a dual noun right after the verb and its subject is
    the object and stands for the last pair of sides (less the source's own country)."""
    k = max((u.j for u in subj if u.i >= hit.j), default=hit.j) if subj else hit.j
    if not _anaphor_near(tokens, k, min(sent.tj, k + 1)):
        return None
    both = [c for side in dyad for c in side.countries]
    rest = tuple(dict.fromkeys(c for c in both if c not in src.countries))
    return _Side(rest, None, None) if rest else None


def _other(side: _Side, dyad: tuple[_Side, _Side]) -> _Side | None:
    a, b = dyad
    if set(side.countries) == set(a.countries):
        return b
    if set(side.countries) == set(b.countries):
        return a
    return None


def _victims(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit]:
    """ "اعتقال مواطنين أذربيجانيين", "مقتل جنود أتراك": the victims' nationality after the
    noun of an arrest or attack."""
    if (
        hit.form.tense != "noun"
        or hit.entry.type not in ("ASSAULT", "COERCE")
        or hit.j >= sent.tj
        or _strip(tokens[hit.j].text) not in _VICTIMS
    ):
        return []
    return [u for u in sent.units if u.i == hit.j + 1 and u.is_actor]


#: how far after the subject the object of a condemnation may stand ("أدانت X، في بيان لها
#: اليوم، ما وصفته بالعدوان الإسرائيلي")
_STANCE_REACH = 10


def _stance_object(
    hit: Hit, sent: _Sentence, subj: list[Unit] | None, src: _Side
) -> list[Unit] | None:
    """ "رفضت دمشق الوجود العسكري التركي", "انتقدت موسكو الموقف الأمريكي": the country of a
    nisba adjective in the object of a rejection or criticism (another state's); a run of
    them names all their states but the source's ("بالوساطة المصرية القطرية")."""
    start = max([hit.j] + [u.j for u in subj or [] if u.i >= hit.j])
    stop = min([b for b in sent.breaks if b >= start] + [start + _STANCE_REACH])
    run: list[Unit] = []
    for u in sent.units:
        if run and not (u.modifier and u.countries and u.i == run[-1].j):
            break  # "الوساطة المصرية القطرية الأمريكية": the adjacent nisbas, one run
        if (run or start <= u.i <= stop) and u.modifier and u.countries:
            run.append(u)
            continue
    found = [u for u in run if not set(u.countries) & set(src.countries)]
    if found:
        return found
    for u in sent.units:
        if (
            start <= u.i <= stop
            and u.modifier
            and u.countries
            and not set(u.countries) & set(src.countries)
        ):
            return [u]
    return None


def _agent_nisba(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit] | None:
    """ "القصف الإسرائيلي على مطار دمشق", "غارات الجيش التركي": a nisba adjective qualifying
    the noun of a directed act (right after it, or after one word of the act's own phrase
    such as العسكرية / الجيش) names the act's agent. A plural of people ("الرهائن
    الإسرائيليين"، "الأسرى الأتراك": ``kb.peoples``) agrees with people, not with the act: it
    names no agent (``nationals.py`` reads them as the people acted on)."""
    if hit.form.tense != "noun" or hit.entry.has("sym") or hit.form.suffix:
        return None
    for u in sent.units:
        if not (u.nisba and u.countries) or u.i < hit.j:
            continue
        if u.i == hit.j or (u.i == hit.j + 1 and tokens[hit.j].text in AGENT_BRIDGES):
            return None if is_people_plural(_strip(tokens[u.i].text)) else [u]
        break
    return None


def _before_qad(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit] | None:
    """ "وكان الرئيس الأذربيجاني قد التقى ...": the subject stands before قد (what follows
    the verb is its object)."""
    if hit.i - 1 <= sent.ti or tokens[hit.i - 1].text != "قد":
        return None
    before = [u for u in sent.units if u.j == hit.i - 1 and u.is_actor and not u.prep]
    if not before:
        return None
    return [v for v in sent.units if v.group == before[0].group and v.is_actor and not v.prep]


def _counterpart_subject(hit: Hit, sent: _Sentence) -> list[Unit] | None:
    """ "بينما اتهم نظيره الأذربيجاني يريفان بالمماطلة": a counterpart right after a directed
    verb, with another actor after it, is the subject (that actor is the object)."""
    after = [u for u in sent.units if u.i >= hit.j and u.is_actor]
    if len(after) < 2 or after[0].i != hit.j or not after[0].counterpart:
        return None
    nxt = after[1]
    if nxt.group == after[0].group or nxt.prep or nxt.i - after[0].j > 3:
        return None
    return [after[0]]


#: "بلاده", "بلادنا": the speaker's own state
_OWN_COUNTRY = cue("own_country")


def _own_country(tokens: list[Token], lo: int, hi: int) -> bool:
    """A word for the speaker's own state in words ``[lo, hi)`` ("أن بلاده قررت ...")."""
    return any(_strip(tokens[k].text) in _OWN_COUNTRY for k in range(lo, hi))


def _halted(word: str) -> bool:
    word = _strip(word)
    return word in _HALT_HEADS or (word[:1] in ("ب", "ل") and word[1:] in _HALT_HEADS)


def _same_state(subj: list[Unit], obj: list[Unit]) -> bool:
    """Both sides are names of one state (its own name, its capital): no sector, no person."""
    return all(u.kind == "GPE" and not u.nisba and u.sector is None for u in (*subj, *obj)) and {
        c for u in subj for c in u.countries
    } == {c for u in obj for c in u.countries}


#: titles before "ل + organisation": "المدير العام للوكالة الدولية للطاقة الذرية"
_TITLES = cue("titles")


def _title_subject(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit] | None:
    """ "انتقد المدير العام للوكالة الدولية للطاقة الذرية رافائيل غروسي إيران": the body (or
    the official named with it, one unit) is the subject."""
    for u in sent.units:
        if u.i < hit.j or not u.is_actor:
            continue
        if (
            u.prep == "ل"
            and u.kind in ("ORG", "PER", "ROLE")
            and 0 < u.i - hit.j <= 3
            and all(tokens[m].text in _TITLES for m in range(hit.j, u.i))
        ):
            return [u]
        return None
    return None


#: nouns for a text that speaks for its issuer: "ودعا البيان ...", "ودعا القرار إيران ..."
_DOCUMENTS = cue("documents")
#: speech verbs that open another statement when joined by و: "... وقال إن ..."
_SAID = cue("joined_speech")
#: statements that speak for the body named right after them with ل ("بيان لوزارة الدفاع")
_STATEMENT_DOCS = cue("statement_documents")
#: "بيان صادر عن X": the issuer follows
_ISSUED = cue("issued_by")
#: "بيان لوزارة الدفاع": a statement whose issuer follows with ل, as the subject of a stance
_OWN_DOCUMENTS = cue("issuer_documents")
_ISSUER_TYPES = frozenset({"ACCUSE", "REQUEST", "SUPPORT"})


def _document_subject(
    hit: Hit, sent: _Sentence, tokens: list[Token], ctx: _Ctx
) -> list[Unit] | None:
    """ "ودعا البيان كلا من ...", "ودعا القرار إيران إلى ...": a statement or resolution right
    after the verb speaks for its issuer, named after it ("بيان صادر عن X") or the actor the
    text was last about."""
    if hit.j >= sent.tj or _strip(tokens[hit.j].text) not in _DOCUMENTS:
        return None
    word = tokens[hit.j + 1].text if hit.j + 1 < sent.tj else ""
    if _strip(tokens[hit.j].text) in _OWN_DOCUMENTS and hit.entry.type in _ISSUER_TYPES:
        # "وأدان بيان لوزارة الدفاع ...": a statement of X, X named right after it with ل
        own = [u for u in sent.units if u.i == hit.j + 1 and u.is_actor and u.prep == "ل"]
        if own:
            return own
    glued = word.endswith("عن") and word[:-2] in _ISSUED  # "صادرعن": a space dropped
    issued = word in _ISSUED or glued
    if not issued and not _strip(tokens[hit.j].text).startswith("ال"):
        # "وأدان بيان لوزارة الدفاع ...": a statement of X, X named right after it with ل
        owner = [u for u in sent.units if u.i == hit.j + 1 and u.prep == "ل" and u.is_actor]
        if owner and tokens[hit.j].text in _STATEMENT_DOCS:
            return owner[:1]
        return None  # "رفض قرار البرلمان": an indefinite one is the object
    if issued:
        issuer = [
            u
            for u in sent.units
            if hit.j + 2 <= u.i <= hit.j + 4
            and u.is_actor
            # "عن الرئاسة التركية": the actor may be the body's nisba after عن
            and (
                u.prep == "عن"
                or glued
                or any(tokens[m].text == "عن" for m in range(hit.j + 2, u.i))
            )
        ]
        return issuer[:1] or None
    who = ctx.person or ctx.reporter
    return [who] if who is not None and who.countries else None


def _document_before(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit] | None:
    """ "تبنت الوكالة ... قرارا ينتقد إيران": a verb right after a statement or resolution
    speaks for whoever adopted or issued it, the nearest actor before the document."""
    if hit.i <= sent.ti or _strip(tokens[hit.i - 1].text) not in _DOCUMENTS:
        return None
    before = [u for u in sent.units if u.j < hit.i and u.is_actor and not u.place]
    return before[-1:] or None
