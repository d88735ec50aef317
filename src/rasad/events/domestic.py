"""Domestic events: both sides are one state.

Fighting "بين" two sides of one state ("معارك بين كتائب تتبع الحكومة وأخرى تتبع منافسها")
is that state's own, wherever the sentence says it happens (``between_state``). Security
forces and police named without a state (cue ``domestic_forces``: قوات الأمن، الشرطة ...) are
the forces of the state where they act (``add_forces``); their acts with no target named are
done at home (``is_forces``, read by ``directed.directed_sides``). The organisers of protests
or riots are a domestic group like the protesters (``domestic_group``).

Used by ``symmetric.symmetric_sides`` and ``extractor.extract_events``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Sentence, _strip

__all__: list[str] = []  # internal to the events package

_FORCES = tuple(sorted((tuple(p.split()) for p in cue("domestic_forces")), key=len, reverse=True))
#: the same phrases by their first word, longest first
_FORCES_BY_HEAD: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _FORCES:
    _FORCES_BY_HEAD.setdefault(_phrase[0], []).append(_phrase)
#: words after a forces phrase that make it no state's own ("الشرطة الدولية")
_NOT_NEXT = cue("domestic_forces_not_next")
#: one-word heads of forces named with their state's nisba ("الأمن المصري"، "الشرطة التركية")
_HEADS = cue("forces_heads")
#: group numbers of the added units, apart from the linker's and from bodies.py's
_GROUP_BASE = 3_000_000
#: how many sentences back the last place named still says where the forces are
_PLACE_BACK = 3
#: generic domestic groups ("المعارضة"، "المتظاهرين") and the organisers of unrest: a word of
#: cue ``unrest_organisers`` before a word of cue ``unrest_nouns`` ("منظمي التظاهرات"; not
#: "منظمي القمة", the organisers of a summit)
_GROUPS = cue("domestic")
_ORGANISERS = cue("unrest_organisers")
_UNREST = cue("unrest_nouns")

#: how far after the trigger "بين" may stand (past adjectives: "مواجهات مسلحة عنيفة بين")
_BETWEEN_GAP = 3
#: how far after "بين" the sides are looked for
_BETWEEN_REACH = 16


def between_state(hit: Hit, sent: _Sentence, tokens: list[Token]) -> str | None:
    """The one state of the sides named after "بين" right after a trigger, when two or more
    actors are named there and all of them are of that state."""
    stop = min([b for b in sent.breaks if b >= hit.j] + [sent.tj])
    k = next(
        (
            m
            for m in range(hit.j, min(stop, hit.j + _BETWEEN_GAP))
            if _strip(tokens[m].text) == "بين"
        ),
        None,
    )
    if k is None:
        return None
    sides: list[Unit] = [
        u
        for u in sent.units
        if k < u.i <= k + _BETWEEN_REACH and u.i < stop and u.is_actor and u.countries
    ]
    states = {c for u in sides for c in u.countries}
    if len(sides) < 2 or len(states) != 1:
        return None
    return next(iter(states))


def added(unit: Unit) -> bool:
    """A unit of forces added by ``add_forces`` (named without their state)."""
    return unit.group >= _GROUP_BASE and unit.entity is None


def is_forces(unit: Unit, tokens: list[Token]) -> bool:
    """A unit of domestic forces: added by ``add_forces``, or a state's nisba right after a
    forces phrase or a word of cue ``forces_heads`` ("قوات الأمن السعودية"، "الأمن المصري")."""
    if added(unit):
        return True
    if not unit.nisba or unit.i == 0:
        return False
    if _strip(tokens[unit.i - 1].text) in _HEADS:
        return True
    return any(unit.i - n >= 0 and _phrase_at(tokens, unit.i - n) == (n, "") for n in (2, 3))


def _phrase_at(tokens: list[Token], k: int) -> tuple[int, str] | None:
    """(length, preposition) of a forces phrase at word ``k`` (a glued و / ف, لل = ل + ال)."""
    word = tokens[k].text
    for clitic in ("", "و", "ف"):
        if clitic and not word.startswith(clitic):
            continue
        head, prep = word[len(clitic) :], ""
        if head.startswith("لل"):
            head, prep = "ال" + head[2:], "ل"
        elif head[:1] in ("ب", "ل") and head[1:3] == "ال":
            head, prep = head[1:], head[0]
        for phrase in _FORCES_BY_HEAD.get(head, ()):
            n = len(phrase)
            if all(
                k + m < len(tokens) and tokens[k + m].text == phrase[m] for m in range(1, n)
            ):
                return n, prep
    return None


def _main_state(units: list[Unit]) -> str | None:
    """The state named most often (countries, cities, nisbas), if named at least twice."""
    counts: dict[str, int] = {}
    for u in units:
        if u.kind == "GPE" and len(u.countries) == 1:
            counts[u.countries[0]] = counts.get(u.countries[0], 0) + 1
    best = max(counts.values(), default=0)
    if best < 2:
        return None
    top = [c for c, n in counts.items() if n == best]
    return top[0] if len(top) == 1 else None


def _home_of(
    k: int, units: list[Unit], sent_of: list[int], spans_t: list[tuple[int, int]], n: int
) -> str | None:
    """The state where forces at word ``k`` of sentence ``n`` act: the place named nearest in
    their sentence, else the last place named up to three sentences before, else the state
    the text has named most so far (at least twice)."""
    ti, tj = spans_t[n]
    here = [u for u in units if ti <= u.i < tj and u.place and len(u.countries) == 1]
    if here:
        return min(here, key=lambda u: (abs(u.i - k), u.i < k)).countries[0]
    before = [
        u
        for u, m in zip(units, sent_of, strict=True)
        if n - _PLACE_BACK <= m < n and u.place and len(u.countries) == 1
    ]
    if before:
        return before[-1].countries[0]
    return _main_state([u for u in units if u.i < k])


def add_forces(units: list[Unit], tokens: list[Token], spans: list[tuple[int, int]]) -> list[Unit]:
    """``units`` with a unit for each forces phrase (cue ``domestic_forces``: قوات الأمن،
    الشرطة ...) that no unit covers and no nisba follows, of the state where they act."""
    if not _FORCES:
        return units
    t_starts = [t.start for t in tokens]
    spans_t = [(bisect_left(t_starts, s), bisect_left(t_starts, e)) for s, e in spans]
    sent_starts = [a for a, _ in spans_t]
    sent_of = [max(0, bisect_right(sent_starts, u.i) - 1) for u in units]
    covered = {k for u in units for k in range(u.i, u.j)}
    by_start = {u.i: u for u in units}
    added: list[Unit] = []
    k = 0
    while k < len(tokens):
        found = _phrase_at(tokens, k) if k not in covered else None
        if found is None:
            k += 1
            continue
        n, prep = found
        after = by_start.get(k + n)
        nxt = tokens[k + n].text if k + n < len(tokens) else ""
        if (
            (after is not None and after.nisba)
            or nxt in _NOT_NEXT
            or any(m in covered for m in range(k, k + n))
        ):
            k += n  # "قوات الأمن السورية": the nisba names the actor
            continue
        s = max(0, bisect_right(sent_starts, k) - 1)
        state = _home_of(k, units, sent_of, spans_t, s)
        if state is not None:
            added.append(
                Unit(
                    k,
                    k + n,
                    tokens[k].start,
                    tokens[k + n - 1].end,
                    None,
                    "ORG",
                    (state,),
                    "GOV",
                    prep=prep,
                    group=_GROUP_BASE + len(added),
                )
            )
        k += n
    if not added:
        return units
    return sorted(units + added, key=lambda u: u.start)


def domestic_group(tokens: list[Token], k: int) -> bool:
    """Word ``k`` names a domestic group: protesters, the opposition, or the organisers of
    protests or riots ("منظمي التظاهرات"، "منظمي أعمال الشغب")."""
    word = _strip(tokens[k].text)
    if word in _GROUPS:
        return True
    if word not in _ORGANISERS:
        return False
    after = [tokens[m].text for m in range(k + 1, min(len(tokens), k + 3))]
    return bool(after) and (after[0] in _UNREST or " ".join(after) in _UNREST)


def group_object(hit: Hit, sent: _Sentence, subj: list[Unit] | None, tokens: list[Token]) -> int:
    """Where a domestic group stands as the direct object of the trigger: within two words
    after the trigger or after its subject told after it ("طردت الشرطة المحتجين"); -1 when
    none does."""
    k = max((u.j for u in subj or [] if u.i >= hit.j), default=hit.j)
    return next((m for m in range(k, min(sent.tj, k + 2)) if domestic_group(tokens, m)), -1)


#: how far after an attack noun its "ضد X" may stand
_AGAINST_REACH = 8


def against_object(
    hit: Hit, sent: _Sentence, subj: list[Unit] | None, taken: set[int]
) -> list[Unit] | None:
    """The actor after "ضد" within eight words after an attack noun, in its clause ("حملة
    برية واسعة في ريف حلب ضد مقاتلي حزب العمال": the party's state, not the place)."""
    stop = min([b for b in sent.breaks if b >= hit.j] + [sent.tj, hit.j + _AGAINST_REACH + 1])
    for u in sent.units:
        if u.i < hit.j or u.i >= stop or (subj and u in subj) or id(u) in taken:
            continue
        if u.prep == "ضد" and u.is_actor and u.countries:
            return [v for v in sent.units if v.group == u.group and v.is_actor and v.i >= u.i]
    return None
