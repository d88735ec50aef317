"""Role phrases: "وزير الخارجية التركي", "الرئيس الروسي", "نظيره الروسي", "المتحدث باسم
الكرملين", "الأمين العام للأمم المتحدة", "الرئيسان".

``find_frames`` parses them in one regex pass over the normalised text, using the name hits
already found (a nisba, a country or an organisation right after the office words). A frame
says which office of which country or body is meant; ``linker`` decides who held it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .lexicon import ANAPHOR_ADJECTIVES, ANAPHORS, ROLE_HEADS, SPOKES_OBJECTS

__all__ = ["Frame", "NormMention", "find_anaphors", "find_frames", "skip_gap"]


@dataclass(slots=True)
class NormMention:
    """A mention in normalised coordinates (``wstart`` includes a glued proclitic)."""

    start: int
    end: int
    wstart: int
    entity_id: str
    how: str
    kind: str = "alias"  # alias | surname | nisba | role | name
    etype: str = ""  # PER ORG GPE LOC MISC


@dataclass(slots=True)
class Frame:
    """An office phrase: ``norm[start:end]``; ``office`` of ``of`` (ISO3 or body code)."""

    start: int
    end: int
    office: str
    of: str | None
    org: str | None = None  # entity id of the organisation a spokesperson speaks for


def _head_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for head, office in ROLE_HEADS.items():
        forms[head] = office
        if head.startswith("ال"):
            forms["ل" + head[2:]] = office  # للرئيس = ل + الرئيس
    return forms


_HEADS = _head_forms()
_HEAD_RE = re.compile(
    r"(?<!\w)(?P<pre>[وف]?[بلك]?)(?P<head>"
    + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(_HEADS, key=len, reverse=True))
    + r")(?!\w)"
)
_SPOKES_RE = re.compile(
    r"(?P<obj>"
    + "|".join(
        re.escape(h).replace(r"\ ", r"\s+") for h in sorted(SPOKES_OBJECTS, key=len, reverse=True)
    )
    + r")(?!\w)"
)
_GAP = re.compile(r"[\s\"'،,:(]*")
_SEP = re.compile(r"[\s,،]*")
_WORD = re.compile(r"[^\W\d_]+")


def skip_gap(norm: str, pos: int) -> int:
    """Position after spaces, quotes, commas and colons from ``pos``."""
    m = _GAP.match(norm, pos)
    return m.end() if m else pos


Actor = Callable[[str], tuple[str, bool] | None]
OrgOffice = Callable[[str], tuple[str, str | None] | None]

#: Offices held for a state (the complement must be a country).
_STATE_OFFICES = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "vice_president",
        "minister",
        "counterpart",
    }
)


def find_frames(
    norm: str, by_wstart: dict[int, NormMention], actor: Actor, org_office: OrgOffice
) -> list[Frame]:
    """Office phrases of ``norm``. ``actor(entity_id)`` gives the actor code of a country,
    nisba or international body and whether it is a country; ``org_office(entity_id)`` says
    whose spokesperson speaks for an organisation (office kind, country)."""
    frames: list[Frame] = []
    for m in _HEAD_RE.finditer(norm):
        head = " ".join(m.group("head").split())
        office = _HEADS[head]
        if head not in ROLE_HEADS and not m.group("pre").endswith("ل"):
            continue  # the ل form of an article head needs the preposition ل before it
        start, end = m.start("head"), m.end("head")
        if office.startswith("dual:"):
            frames.append(Frame(start, end, office, None))
            continue
        if office == "spokesperson":
            frame = _spokes(norm, start, end, by_wstart, actor, org_office)
            if frame is not None:
                frames.append(frame)
            continue
        comp = by_wstart.get(_skip_space(norm, end))
        found = actor(comp.entity_id) if comp is not None and comp.kind != "surname" else None
        if comp is not None and found is not None and (found[1] or office not in _STATE_OFFICES):
            frames.append(Frame(start, comp.end, office, found[0]))
            if office == "counterpart":
                frames.extend(_more_counterparts(norm, comp.end, by_wstart, actor))
        elif office == "counterpart" or any(w.startswith(("ال", "لل")) for w in head.split()):
            frames.append(Frame(start, end, office, None))  # bare: only an apposition names it
    return frames


def _skip_space(norm: str, pos: int) -> int:
    while pos < len(norm) and norm[pos] in " \t\u00a0":
        pos += 1
    return pos


def _more_counterparts(
    norm: str,
    pos: int,
    by_wstart: dict[int, NormMention],
    actor: Actor,
) -> list[Frame]:
    """``نظرائه الروسي سيرغي لافروف والأذربيجاني جيهون بيرموف``: further coordinated
    nisbas after a plural counterpart (each may be followed by a name)."""
    out: list[Frame] = []
    for _ in range(6):
        nxt = _SEP.match(norm, pos)
        p = nxt.end() if nxt else pos
        # skip a name of up to four words before the next conjunct
        for _ in range(5):
            comp = by_wstart.get(p)
            if comp is not None and comp.kind == "nisba" and norm[p : comp.start] in ("و", ""):
                if norm[p : comp.start] != "و":
                    return out
                found = actor(comp.entity_id)
                if found is None or not found[1]:
                    return out
                out.append(Frame(comp.start, comp.end, "counterpart", found[0]))
                pos = comp.end
                break
            w = _WORD.match(norm, p)
            if w is None:
                return out
            p = _skip_space(norm, w.end())
        else:
            return out
    return out


def _spokes(
    norm: str,
    start: int,
    end: int,
    by_wstart: dict[int, NormMention],
    actor: Actor,
    org_office: OrgOffice,
) -> Frame | None:
    pos = _skip_space(norm, end)
    comp = by_wstart.get(pos)
    if comp is not None and comp.kind == "alias":
        office = org_office(comp.entity_id)
        if office is not None:
            return Frame(start, comp.end, office[0], office[1], org=comp.entity_id)
        found = actor(comp.entity_id)
        return Frame(
            start, comp.end, "spokesperson", found[0] if found else None, org=comp.entity_id
        )
    m = _SPOKES_RE.match(norm, pos)
    if m is None:
        return None
    after = _skip_space(norm, m.end())
    nis = by_wstart.get(after)
    if nis is None or nis.kind != "nisba":
        return None
    found = actor(nis.entity_id)
    if found is None or not found[1]:
        return None
    obj = " ".join(m.group("obj").split())
    return Frame(start, nis.end, SPOKES_OBJECTS[obj], found[0])


_ANAPHOR_RE = re.compile(
    r"(?<!\w)(?P<pre>[وف]?[بلك]?)(?P<head>"
    + "|".join(re.escape(h) for h in sorted(ANAPHORS, key=len, reverse=True))
    + "|"
    + "|".join(re.escape("ل" + h[2:]) for h in sorted(ANAPHORS, key=len, reverse=True))
    + r")(?!\w)"
)


def find_anaphors(
    norm: str, found: list[NormMention], kind_of: Callable[[str], set[str]]
) -> list[NormMention]:
    """ "المنظمة", "التكتل", "الحلف" referring back to the last organisation of their kind
    named before them (``kind_of(entity_id)``: the anaphor kinds it answers, see
    ``ANAPHORS``). A word another name covers, or followed by a definite word that is not a
    plain adjective (``المنظمة الإرهابية`` is a different body), is left alone."""
    covered = bytearray(len(norm))
    for m in found:
        covered[m.wstart : m.end] = b"\x01" * (m.end - m.wstart)
    orgs = sorted((m.start, m.entity_id) for m in found if m.etype == "ORG")
    out: list[NormMention] = []
    for hit in _ANAPHOR_RE.finditer(norm):
        head = hit.group("head")
        if not head.startswith("ال"):
            if not hit.group("pre").endswith("ل"):
                continue  # the ل form needs the preposition ل before it
            head = "ال" + head[1:]
        start, end = hit.start("head"), hit.end("head")
        if covered.find(1, hit.start(), end) != -1:
            continue
        nxt = _WORD.match(norm, _skip_space(norm, end))
        word = nxt.group() if nxt is not None else ""
        if word.startswith("ال") and word not in ANAPHOR_ADJECTIVES:
            continue  # "المنظمة الإرهابية": another body
        kind = ANAPHORS[head]
        target = next(
            (eid for pos, eid in reversed(orgs) if pos < start and kind in kind_of(eid)), None
        )
        if target is not None:
            out.append(NormMention(start, end, hit.start(), target, "role", "role", "ORG"))
    return out
