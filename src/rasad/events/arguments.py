"""Actors, places and clause cues around a trigger, without a parser.

``build_units(doc, tokens)`` turns the entity linker's mentions into *units*: adjacent mentions
of one actor ("الرئيس الروسي فلاديمير بوتين") merged, each with its countries (the entity's
country, or an international body's code), the preposition in front of it (``مع``, ``ل``,
``على``...), whether it follows نظيره ("his counterpart"), whether it is a place ("في مدينة
سوتشي") and its coordination group ("بوتين ونظيره التركي أردوغان" is one group of two).
The extractor reads arguments off these units with word-order rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ..doc import Doc, DocEntity
from .apposition import apposition_closed
from .cues import cue
from .lexicon import Token
from .ma_relative import relative_ma
from .partner_head import head_prep
from .title_place import office_units

__all__ = [
    "ANAPHORS",
    "Unit",
    "body_code",
    "build_units",
    "intent_of",
    "is_negated",
    "sentences",
]

# International bodies: entity names → codes, used when the knowledge base has no code.
_BODY_CODES: dict[str, str] = {
    "nato": "NATO",
    "north atlantic treaty organization": "NATO",
    "united nations": "UN",
    "un": "UN",
    "european union": "EU",
    "eu": "EU",
    "arab league": "LAS",
    "league of arab states": "LAS",
    "african union": "AU",
    "collective security treaty organization": "CSTO",
    "csto": "CSTO",
    "shanghai cooperation organisation": "SCO",
    "shanghai cooperation organization": "SCO",
    "sco": "SCO",
    "opec": "OPEC",
    "gulf cooperation council": "GCC",
    "organisation of islamic cooperation": "OIC",
    "organization of islamic cooperation": "OIC",
    "united nations security council": "UN",
    "international atomic energy agency": "IAEA",
    "world health organization": "WHO",
    "international monetary fund": "IMF",
    "world bank": "WB",
    "international committee of the red cross": "ICRC",
    "asean": "ASEAN",
    "organization for security and co-operation in europe": "OSCE",
}
_ACTOR_TYPES = frozenset({"PER", "ORG", "GPE", "NORP", "ROLE"})
_PLACE_TYPES = frozenset({"GPE", "LOC"})
_UNIT_TYPES = _ACTOR_TYPES | _PLACE_TYPES
_PREPS = cue("preps")
_PLACE_PREPS = cue("place_preps")
#: words between a preposition and the actor that do not change who it is
_TRANSPARENT = cue("transparent")
#: a transparent word that turns "إلى/ب + X" from a place into a companion ("إلى جانب سوريا")
_BESIDE = cue("beside")
_NISBA = re.compile(r"^ال\S+(?:ي|يه|يين|يون)$")
#: nouns that a nisba adjective turns into an actor ("الجانب الروسي", "الوفد التركي")
_ACTOR_HEADS = cue("actor_heads")
_NISBA_ADJ = re.compile(r"^ال\S{3,}$")
#: country names shaped like a feminine nisba: a name unless a definite noun precedes them
#: ("وزارة الخارجية السعودية" is the adjective)
_NISBA_LIKE_NAMES = cue("nisba_like_names")
_COUNTERPART = re.compile(r"^[وفبل]{0,2}(?:نظير|نظرا)")
#: dual or plural nouns that stand for the two sides already named ("الجانبين اتفقا")
ANAPHORS = cue("anaphors")
_NEGATORS = cue("negators")
#: verbs of ceasing: a negated one before a trigger says that it goes on
_CEASE = cue("cease_verbs")
_DENIAL = re.compile(r"^[وف]?(?:نفي|نفت|ينفي|تنفي|نفوا|نفيا)$")
_PLANNED = cue("planned")
_FUTURE = cue("future")
_HYPOTHETICAL = cue("hypothetical")
#: after a noun trigger: "لقاء محتمل", "قمة مرتقبة" is not a report of the event
_HYPO_AFTER = cue("hypo_after")
#: an offer or readiness a few words before: "استعداد بلاده لاستضافة جولة من المفاوضات"
_OFFER = cue("offer")


@dataclass(slots=True)
class Unit:
    """One actor (or place) mention, possibly several adjacent linker mentions."""

    i: int  # first token
    j: int  # one past the last token
    start: int  # norm offsets
    end: int
    entity: str | None
    kind: str
    countries: tuple[str, ...]
    sector: str | None
    prep: str = ""
    counterpart: bool = False
    place: bool = False
    modifier: bool = False  # a nisba adjective on a topic noun ("الوضع السوري")
    group: int = -1
    clitic_wa: bool = False
    nisba: bool = False  # an adjective ("الروسي"), not the country's or city's name
    adjective: bool = False  # an indefinite nisba ("إسرائيلية"، "أميركيا"; indefinite.py)
    entities: list[str] = field(default_factory=list)

    @property
    def city(self) -> bool:
        """A named city or region (not a country, not a nisba adjective)."""
        return (
            self.kind == "GPE"
            and not self.nisba
            and self.entity is not None
            and self.entity not in self.countries
        )

    @property
    def is_actor(self) -> bool:
        return not self.place and not self.modifier and self.kind in _ACTOR_TYPES


def body_code(ent: DocEntity, kb_code: Callable[[str], str | None] | None = None) -> str | None:
    """The code of an international body (NATO, UN, EU...), from the KB or the name."""
    if kb_code is not None:
        code = kb_code(ent.id)
        if code:
            return code
    return _BODY_CODES.get(ent.name.casefold())


#: (entity id, article date) → the international body a person acts for on that date
BodyAt = Callable[[str, str | None], str | None]


def _countries(
    ent: DocEntity,
    kb_code: Callable[[str], str | None] | None,
    kb_body: BodyAt | None = None,
    published: str | None = None,
) -> tuple[str, ...]:
    if ent.type == "PER" and ent.sector == "IGO" and kb_body is not None:
        body = kb_body(ent.id, published)
        if body:  # the UN Secretary-General acts for the UN, not for Portugal
            return (body,)
    if ent.country:
        return (ent.country,)
    if ent.type == "ORG":
        code = body_code(ent, kb_code)
        if code:
            # the Security Council and the General Assembly act for the UN
            return (_ORGANS.get(code, code),)
    if ent.id.startswith("role:"):
        parts = ent.id.split(":")
        if len(parts) > 2 and parts[1]:
            return (parts[1],)
    return ()


#: organ code → the body it acts for ("UNSC" → "UN"), from cue lines "ORGAN>BODY"
_ORGANS = dict(w.split(">", 1) for w in cue("organs"))
#: "كل من X و Y": the words before من that make it a list, not a preposition
_EACH = cue("each")
#: words between two mentions of one entity that end the first ("قال وزير الأردن إن الأردن")
_GAP_BREAKS = cue("complementizers") | frozenset({"ان", "إن"})
_RANK = {"PER": 0, "ROLE": 1, "ORG": 2, "NORP": 3, "GPE": 4, "LOC": 5}


def _strip_wa(word: str) -> str:
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def _two_people(a: Unit, b: Unit) -> bool:
    """Two adjacent names of two different linked persons are two actors (subject and
    object of a verb), not one actor named twice."""
    return a.kind == b.kind == "PER" and bool(a.entity and b.entity) and a.entity != b.entity


def build_units(
    doc: Doc,
    tokens: list[Token],
    kb_code: Callable[[str], str | None] | None = None,
    kb_body: BodyAt | None = None,
) -> list[Unit]:
    """Units from ``doc.mentions`` (offsets into ``doc.text``) in token coordinates."""
    if not doc.mentions or not tokens:
        return []
    norm = doc.norm
    nmap = doc.norm_map
    starts = [t.start for t in tokens]
    raw: list[Unit] = []
    countries: dict[str, tuple[str, ...]] = {}  # per entity: the same for all its mentions
    for m in sorted(doc.mentions, key=lambda m: (m.start, -m.end)):
        ent = doc.entities.get(m.entity_id)
        if ent is None or ent.type not in _UNIT_TYPES:
            continue
        ns, ne = nmap.to_norm(m.start), nmap.to_norm(m.end)
        if ne <= ns:
            continue
        if raw and ns < raw[-1].end:  # nested or overlapping: keep the first, longest
            continue
        i = max(bisect_right(starts, ns) - 1, 0)
        j = max(bisect_left(starts, ne), i + 1)
        kind = "ROLE" if ent.id.startswith("role:") else ent.type
        found = countries.get(ent.id)
        if found is None:
            found = countries[ent.id] = _countries(ent, kb_code, kb_body, doc.published)
        unit = Unit(
            i,
            j,
            ns,
            ne,
            ent.id,
            kind,
            found,
            ent.sector,
            entities=[ent.id],
        )
        unit.clitic_wa = ns > tokens[i].start and norm[tokens[i].start] in "وف"
        raw.append(unit)
    units: list[Unit] = []
    for unit in raw:
        prev = units[-1] if units else None
        gap = norm[prev.end : unit.start] if prev else ""
        adjacent = (
            prev is not None
            and prev.j >= unit.i
            and not unit.clitic_wa
            and (("،" not in gap and "," not in gap) or prev.entity == unit.entity)
            and (
                prev.entity == unit.entity
                or bool(set(prev.countries) & set(unit.countries))
                or not (prev.countries and unit.countries)
            )
            and not _two_people(prev, unit)  # "وحمل الدبيبة فتحي باشاغا مسؤولية ..."
        )
        if (
            prev is not None
            and not adjacent
            and prev.entity is not None
            and prev.entity == unit.entity
            and unit.i - prev.j == 1
            and not unit.clitic_wa
            and not any(c in gap for c in '،,.:؛"')
            and gap.strip() not in _GAP_BREAKS  # "... الأردنية الهاشمية إن الأردن"
        ):
            # "وزير الخارجية الأمريكي أنتوني بلينكن" with the first name unlinked: one actor
            prev.j, prev.end = unit.j, unit.end
            prev.entities.append(unit.entity or "")
            continue
        if prev is not None and adjacent and len(gap.strip(" \"'()-")) == 0:
            if _RANK.get(unit.kind, 9) < _RANK.get(prev.kind, 9):
                prev.entity, prev.kind, prev.sector = unit.entity, unit.kind, unit.sector
                prev.countries = unit.countries or prev.countries
            elif not prev.countries:
                prev.countries = unit.countries
            prev.j, prev.end = unit.j, unit.end
            prev.entities.append(unit.entity or "")
            continue
        units.append(unit)
    units = office_units(units, tokens, norm)  # "وزير الخارجية بالجمهورية ..."
    for unit in units:
        _set_prep(unit, tokens, norm)
        if (
            unit.kind in _PLACE_TYPES
            and _DATELINE.match(norm, unit.end)
            and _line_start(norm, unit.start)
        ):
            unit.place = True  # "فيينا - انتقد ...": the dateline, not the subject
    _set_groups(units, tokens, norm)
    return units


#: a dateline's separator after the place name: "فيينا - ", "موسكو ـ "
_DATELINE = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?[-ـ–—:]\s")


def _line_start(norm: str, pos: int) -> bool:
    while pos > 0 and norm[pos - 1] in " \t":
        pos -= 1
    return pos == 0 or norm[pos - 1] == "\n"


def _head(word: str) -> str:
    """A head noun without its proclitics: "للمواطنين" → "المواطنين", "بالجيش" → "الجيش"."""
    word = _strip_wa(word)
    if word.startswith("لل") and len(word) > 4:
        return "ال" + word[2:]
    if word[:1] in "بل" and word[1:3] == "ال":
        return word[1:]
    return word


def _set_prep(unit: Unit, tokens: list[Token], norm: str) -> None:
    tok = tokens[unit.i]
    clitic = norm[tok.start : unit.start].lstrip("وف") if unit.start > tok.start else ""
    k = unit.i
    beside = False
    if not clitic:
        steps = 0
        while k > 0 and steps < 2:
            word = tokens[k - 1].text
            bare = _strip_wa(word)
            if _COUNTERPART.match(word):
                unit.counterpart = True
            if (
                bare in _TRANSPARENT
                or _COUNTERPART.match(word)
                or bare.lstrip("بل") in _TRANSPARENT
            ):
                k -= 1
                steps += 1
                beside = beside or bare.lstrip("بل") in _BESIDE
                head = bare.lstrip("بل") if bare.lstrip("بل") in _TRANSPARENT else bare
                if head != bare and not _COUNTERPART.match(bare):
                    clitic = bare[: len(bare) - len(head)]
                    break
                if _COUNTERPART.match(bare) and bare[0] in "بل":
                    clitic = bare[0]
                    break
                continue
            break
        if not clitic and k > 0:
            prev = _strip_wa(tokens[k - 1].text)
            if prev == "من" and k > 1 and _strip_wa(tokens[k - 2].text) in _EACH:
                # "مع كل من X و Y", "دعا كلا من X و Y": the preposition before كل, if any
                before = _strip_wa(tokens[k - 3].text) if k > 2 else ""
                prev = before if before in _PREPS else ""
            if prev in _PREPS:
                clitic = prev
        if not clitic and k == unit.i:
            clitic = head_prep(tokens, unit.i)  # "مع الوفد العماني" (partner_head.py)
    unit.prep = "ل" if clitic == "لل" else clitic
    if _COUNTERPART.match(tok.text) and tok.start < unit.end:
        unit.counterpart = True  # the linker's span starts at نظيره ("بنظيره الروسي لافروف")
    if unit.kind in _PLACE_TYPES and unit.prep in _PLACE_PREPS and not beside:
        unit.place = True
    if unit.kind == "LOC":
        unit.place = True
    text = norm[unit.start : unit.end]
    looks_nisba = bool(_NISBA.match(text))
    if text in _NISBA_LIKE_NAMES and (
        unit.i == 0 or not _head(tokens[unit.i - 1].text).startswith("ال")
    ):
        looks_nisba = False  # "اتفقت السعودية وإيران": the name, not an adjective
    unit.nisba = unit.kind == "GPE" and looks_nisba
    if unit.kind == "GPE" and looks_nisba and unit.i > 0 and not clitic:
        head = _head(tokens[unit.i - 1].text)
        if head not in _ACTOR_HEADS and unit.i > 1 and _NISBA_ADJ.match(head):
            # one adjective between: "القوات المسلحة الأرمينية", "الحكومة الانتقالية السورية"
            head = _head(tokens[unit.i - 2].text)
        if head not in _ACTOR_HEADS and not _COUNTERPART.match(head):
            unit.modifier = True


_DASHES = frozenset({"-", "–", "ـ", "/"})


def _set_groups(units: list[Unit], tokens: list[Token], norm: str) -> None:
    group = 0
    for n, unit in enumerate(units):
        if n == 0:
            unit.group = group
            continue
        prev = units[n - 1]
        gap = unit.i - prev.j  # the number of words between (a long gap is never read)
        joined = (
            unit.clitic_wa
            or (tokens[unit.i - 1].text[:1] == "و" if unit.i > 0 and gap > 0 else False)
            or "،" in norm[prev.end : unit.start]
            or "," in norm[prev.end : unit.start]
            # "قصفا أميركيا - بريطانيا": two nisba adjectives joined by a dash
            or (prev.nisba and unit.nisba and norm[prev.end : unit.start].strip() in _DASHES)
        )
        ok_between = gap <= 2 and all(
            w in _TRANSPARENT or _COUNTERPART.match(w) or w == "و"
            for w in (_strip_wa(t.text) for t in tokens[prev.j : unit.i])
        )
        if (
            joined
            and ok_between
            and not (unit.prep and unit.prep != prev.prep and not unit.counterpart)
            and not apposition_closed(units, n, tokens, norm)
        ):
            unit.group = prev.group
            if not unit.prep:
                unit.prep = prev.prep
            if prev.place:
                unit.place = unit.place or unit.kind in _PLACE_TYPES
        elif _title_place_name(units, n, norm):
            unit.group = units[n - 2].group  # "السفير الأمريكي في ليبيا، ريتشارد نورلاند،"
        else:
            group += 1
            unit.group = group


def _title_place_name(units: list[Unit], n: int, norm: str) -> bool:
    """A person's name after a comma that follows "title في place": the title's apposition."""
    if n < 2:
        return False
    unit, place, title = units[n], units[n - 1], units[n - 2]
    gap = norm[place.end : unit.start]
    return (
        unit.kind == "PER"
        and not unit.prep
        and place.place
        and place.i - title.j <= 1
        and not title.place
        and bool(title.countries)
        and set(title.countries) == set(unit.countries)
        and ("،" in gap or "," in gap)
        and len(gap.strip(" ،,")) == 0
    )


# --- sentences and cues --------------------------------------------------------------------

_SENT_END = re.compile(r"\n|[!?؟؛]|\.(?!\d)")


def sentences(norm: str) -> list[tuple[int, int]]:
    """(start, end) norm offsets of sentences (kept for the last few texts: the extractor
    and the scorer both ask for them)."""
    return list(_sentences(norm))


#: the last characters of a line that ends its sentence (a line ending otherwise is wrapped)
_LINE_FINAL = frozenset(".!?؟؛:\"»”)")
#: hard-wrapped text: lines of at most about this many characters ...
_WRAP_WIDTH = 100
#: ... at least this long when they wrap ...
_WRAP_MIN = 40
#: ... and at least this many of them, most ending inside a sentence
_WRAP_LINES = 4


def _soft_breaks(norm: str) -> set[int]:
    """Offsets of the newlines of a hard-wrapped text that fall inside a sentence: a page
    cut into lines of a fixed width ("أدانت الوزارة غارات\nالاحتلال على المطار") breaks
    its sentences anywhere. The text is wrapped when most of its lines of middle length end
    with no final punctuation and none is long; a newline after such a line is no end."""
    lines = norm.split("\n")
    if len(lines) < _WRAP_LINES:
        return set()
    middle = [ln.strip() for ln in lines if len(ln.strip()) >= _WRAP_MIN]
    if len(middle) < _WRAP_LINES or any(len(ln) > _WRAP_WIDTH for ln in middle):
        return set()
    open_ = [ln for ln in middle if ln[-1] not in _LINE_FINAL]
    if 2 * len(open_) <= len(middle):
        return set()
    out: set[int] = set()
    pos = 0
    for ln in lines[:-1]:
        pos += len(ln)
        bare = ln.strip()
        if len(bare) >= _WRAP_MIN and bare[-1] not in _LINE_FINAL:
            out.add(pos)
        pos += 1
    return out


@lru_cache(maxsize=4)
def _sentences(norm: str) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    prev = 0
    soft = _soft_breaks(norm)
    for m in _SENT_END.finditer(norm):
        if m.start() in soft:
            continue
        if m.start() > prev:
            out.append((prev, m.start()))
        prev = m.end()
    if prev < len(norm):
        out.append((prev, len(norm)))
    return tuple((s, e) for s, e in out if norm[s:e].strip())


def is_negated(tokens: list[Token], i: int, lo: int) -> bool:
    """A negator in the two words before word ``i`` (not before ``lo``; not one of a verb of
    ceasing: "لم تتوقف الهجمات"), or a denial verb in the five."""
    for k in range(max(lo, i - 2), i):
        if _strip_wa(tokens[k].text) in _NEGATORS:
            if k + 1 < i and tokens[k + 1].text in _CEASE:
                continue  # "لم تتوقف الأعمال العدائية": the acts go on
            if relative_ma(tokens, k, lo):
                continue  # "وهو ما دعا X إلى ...": "what", not "not" (ma_relative.py)
            return True
    return any(_DENIAL.match(tokens[k].text) for k in range(max(lo, i - 5), i))


def intent_of(
    tokens: list[Token], i: int, j: int, lo: int, hi: int, *, clitic: str, present: bool
) -> str | None:
    """ "future", "planned", "hypothetical" or None for the trigger at words ``[i, j)``."""
    before = [_strip_wa(tokens[k].text) for k in range(max(lo, i - 3), i)]
    after = [_strip_wa(tokens[k].text) for k in range(j, min(hi, j + 3))]
    if any(w in _PLANNED for w in before):
        return "planned"
    if "س" in clitic and present:
        return "future"
    if any(w in _FUTURE for w in before) or any(w in _FUTURE for w in after):
        return "future"
    if present and before and before[-1] == "قد":
        return "hypothetical"
    if any(w in _HYPOTHETICAL and w != "قد" for w in before) or (after and after[0] in _HYPO_AFTER):
        return "hypothetical"
    if any(_strip_wa(tokens[k].text) in _OFFER for k in range(max(lo, i - 5), i)):
        return "hypothetical"
    return None
