"""Bare names of state bodies: ``وزارة الخارجية``, ``البرلمان``, ``الحكومة`` with no state named.

News names a state's own bodies without the state when the context says which state it is. A
bare name (``data/bare_bodies.txt``) is linked to the body of, in this order:

1. the state of a place named right after it (``وزارة الدفاع في باكو``);
2. the body named in full before (``وزارة الخارجية اللبنانية`` ... ``الخارجية``): that body
   again, whatever else the text names;
3. the first state named earlier in its sentence, by name or nisba or as the state of a
   person or state body (the subject or speaker: "نفت تركيا مسؤوليتها، وقالت الخارجية
   ..."، "احتجاجا في العاصمة الأرمينية على موقف الحكومة");
4. the document's main state: the state mentioned most often (by name or nisba), when it is
   mentioned at least twice and at least twice as often as any other.

The body is the knowledge-base entity whose name is the bare name's full form with the state's
nisba (``وزارة الخارجية`` + ``العراقية``), so only bodies the knowledge base has are linked; a
state read from the context (1, 3) whose body the knowledge base lacks links nothing. A bare
name that another name covers, or that a definite word follows (``الحكومة الانتقالية``,
another body), is left alone; a one-word bare name shaped like an adjective (``الخارجية``) is
left alone after a definite word or an office word too (``السياسة الخارجية``، ``للشؤون
الخارجية``، ``وزير الخارجية``), and takes its state from the context only (1-3), never from
the page's counts.
"""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources

from ..arabic import fold
from .knowledge import Knowledge
from .matcher import Gazetteer
from .roles import NormMention

__all__ = ["find_bare_bodies", "find_person_governments"]


def _load() -> dict[str, str]:
    text = resources.files(__package__ or "rasad.entities").joinpath("data", "bare_bodies.txt")
    out: dict[str, str] = {}
    for line in text.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            bare, full = line.split("\t")
            out[fold(bare.strip())] = full.strip()
    return out


BARE: dict[str, str] = _load()
_BARE_RE = re.compile(
    r"(?<!\w)(?P<pre>[وفبلك]{0,2})(?P<head>"
    + "|".join(re.escape(k) for k in sorted(BARE, key=len, reverse=True))
    + r")(?!\w)"
)
_NEXT_WORD = re.compile(r"\s*(\w+)")
_PREV_WORD = re.compile(r"(\w+)\s*$")
#: a definite word, past its proclitics ("السياسة"، "للشؤون"، "بالعلاقات")
_DEFINITE = re.compile(r"^(?:[وف]?[بكل]?ال|[وف]?لل)")
#: office words before a one-word bare name: "وزير الخارجية" is an office, not the body
_OFFICES = frozenset(fold(w) for w in ("وزير", "وزيرة", "وزارة", "مساعد", "وكيل", "نائب"))
#: "في" right after a bare name: the place named next says the state (``وزارة الدفاع في باكو``)
_IN_PLACE = re.compile(r"\s+(?:في|ب)\s*")
#: ends of a sentence (folded text)
_SENTENCE_END = ".!?؟\n"
#: sectors whose people and bodies act for their state (not media, business, rebels ...)
_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "COP", "JUD", "SPY"})


def main_state(found: list[NormMention], kn: Knowledge) -> str | None:
    """The state named most often in the document (at least twice, strictly most)."""
    counts: Counter[str] = Counter()
    for m in found:
        ent = kn.get(m.entity_id)
        if ent is not None and ent.is_country:
            counts[ent.id] += 1
    top = counts.most_common(2)
    if not top or top[0][1] < 2 or (len(top) > 1 and top[0][1] < 2.0 * top[1][1]):
        return None
    return top[0][0]


def _body_of(full: str, state: str, kn: Knowledge, gaz: Gazetteer) -> str | None:
    ent = kn.get(state)
    if ent is None:
        return None
    for form in ent.nisba:
        key = fold(form)
        if not key.startswith("ال") or " " in key:
            continue
        if key.endswith("يه"):
            name = full.replace("{f}", key)
        elif key.endswith("ي"):
            name = full.replace("{m}", key)
        else:
            continue
        if "{" in name:
            continue
        for eid in gaz.lookup(fold(name)):
            body = kn.get(eid)
            if body is not None and body.type == "ORG" and body.country == state:
                return eid
    return None


def find_bare_bodies(
    norm: str, found: list[NormMention], kn: Knowledge, gaz: Gazetteer
) -> list[NormMention]:
    """Mentions of the main state's bodies by their bare names (see the module doc)."""
    if not BARE or not _BARE_RE.search(norm):
        return []
    state = main_state(found, kn)
    # the bodies named in full, by start: a bare name after one of them is that body again
    full = sorted(
        (m.start, norm[m.start : m.end], m.entity_id) for m in found if m.etype == "ORG"
    )
    by_start = sorted(found, key=lambda m: m.start)
    covered = bytearray(len(norm))
    for m in found:
        covered[m.wstart : m.end] = b"\x01" * (m.end - m.wstart)
    out: list[NormMention] = []
    cache: dict[tuple[str, str], str | None] = {}
    for hit in _BARE_RE.finditer(norm):
        start, end = hit.start("head"), hit.end("head")
        if covered.find(1, hit.start(), end) != -1:
            continue
        nxt = _NEXT_WORD.match(norm, end)
        if nxt is not None and nxt.group(1).startswith("ال"):
            continue
        head = hit.group("head")
        adjective = " " not in head and head.endswith("يه")
        if adjective:
            prev = _PREV_WORD.search(norm, 0, hit.start())
            if prev is not None and (_DEFINITE.match(prev.group(1)) or prev.group(1) in _OFFICES):
                continue  # "السياسة الخارجية"، "للشؤون الخارجية"، "وزير الخارجية": not a body
        place = _place_after(norm, end, by_start, kn)
        prefix = fold(BARE[head].split("{")[0])
        again = [eid for s, surface, eid in full if s < start and surface.startswith(prefix)]
        if place is None and again:
            out.append(NormMention(start, end, hit.start(), again[-1], "role", "alias", "ORG"))
            continue
        # the one-word name needs its state from the context, not from the page's counts
        owner = place or _sentence_state(norm, hit.start(), by_start, kn)
        owner = owner or (None if adjective else state)
        if owner is None:
            continue
        if (head, owner) not in cache:
            cache[(head, owner)] = _body_of(BARE[head], owner, kn, gaz)
        eid = cache[(head, owner)]
        if eid is not None:
            out.append(NormMention(start, end, hit.start(), eid, "role", "alias", "ORG"))
    return out


def _state_of(m: NormMention, kn: Knowledge) -> str | None:
    """The state a mention stands for or acts for: a country (name or nisba), or the state of
    a person or body of a state sector; None for cities, media, international bodies."""
    ent = kn.get(m.entity_id)
    if ent is None:
        return None
    if ent.is_country:
        return ent.id
    if m.etype in ("PER", "ORG") and ent.country and ent.sector in _STATE_SECTORS:
        return ent.country
    return None


def _place_after(
    norm: str, end: int, by_start: list[NormMention], kn: Knowledge
) -> str | None:
    """The state of a place named right after the bare name ("وزارة الدفاع في باكو")."""
    gap = _IN_PLACE.match(norm, end)
    if gap is None:
        return None
    for m in by_start:
        if m.wstart > gap.end():
            break
        if m.wstart == gap.end() or m.start == gap.end():
            ent = kn.get(m.entity_id)
            if ent is not None and m.etype == "GPE" and ent.country:
                return ent.country
    return None


def _sentence_state(
    norm: str, start: int, by_start: list[NormMention], kn: Knowledge
) -> str | None:
    """The first state named in the sentence before ``start`` (see the module doc)."""
    begin = max(norm.rfind(ch, 0, start) for ch in _SENTENCE_END) + 1
    for m in by_start:
        if m.start >= start:
            break
        if m.start >= begin:
            owner = _state_of(m, kn)
            if owner is not None:
                return owner
    return None


#: "حكومة" + (an office phrase) + a person: the government of that person's state.
_GOVERNMENT_OF = re.compile(
    r"(?<!\w)(?P<pre>[وفبلك]{0,2})(?P<head>حكومه)\s+"
    r"(?:(?:رييس\s+(?:الوزراء|الحكومه)|الرييس|رييسه\s+الوزراء)\s+)?"
)


def find_person_governments(
    norm: str, found: list[NormMention], kn: Knowledge, gaz: Gazetteer
) -> list[NormMention]:
    """``حكومة عادل عبد المهدي``: the government of the person's state, on the word حكومة."""
    people = {m.wstart: m for m in found if m.etype == "PER" and m.kind != "nisba"}
    if not people:
        return []
    out: list[NormMention] = []
    for hit in _GOVERNMENT_OF.finditer(norm):
        person = people.get(hit.end())
        ent = kn.get(person.entity_id) if person is not None else None
        if ent is None or ent.country is None:
            continue
        eid = _body_of("الحكومة {f}", ent.country, kn, gaz)
        if eid is not None:
            start, end = hit.start("head"), hit.end("head")
            out.append(NormMention(start, end, hit.start(), eid, "role", "alias", "ORG"))
    return out
