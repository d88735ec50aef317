"""Links every mention of a person, organisation or place in a document to one entity.

``Linker.link(doc)`` works on ``doc.norm`` and fills ``doc.mentions`` (spans into
``doc.text``) and ``doc.entities``. Steps, all linear in the length of the text:

1. exact names and nisba adjectives (``Gazetteer``), ambiguous ones decided by the document;
2. spelling variants of known names among the words left (``VariantIndex``);
3. role phrases (``find_frames``) and the names standing right after them;
4. new people after titles (``find_titles``) and, if a tagger is given, from the NER model;
5. surname-only mentions of new people; 6. role phrases resolved (``RoleResolver``).

The automata are built once per process (``Resources.shared()``) and are read-only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..doc import Doc
from .bodies import find_bare_bodies, find_person_governments
from .emit import emit
from .knowledge import Knowledge, load_knowledge, parse_date
from .lexicon import COMMON_WORDS, FUNCTION_WORDS, NAME_CONTEXT
from .matcher import Gazetteer, Hit, alias_key
from .model_names import model_people
from .patterns import NameSpan, find_titles, name_after, new_person_id
from .resolve import RoleResolver
from .roles import NormMention, find_anaphors, find_frames, skip_gap
from .variants import VariantIndex
from .words import Words

__all__ = ["Linker", "Resources", "collect_spellings"]

#: A tagger: text → (start, end, type[, lowest label marginal]) spans, types PER LOC ORG MISC.
Tagger = Callable[[str], list[tuple[int, int, str]] | list[tuple[int, int, str, float]]]

#: Offices that every state has: the ones a counterpart ("نظيره الروسي") can hold.
_STATE_OFFICES = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "vice_president",
        "presidential_spokesperson",
        "foreign_ministry_spokesperson",
    }
)
_TYPE_RANK = {"GPE": 0, "ORG": 1, "LOC": 2, "PER": 3, "MISC": 4}
_FOREIGN_MINISTRY = (
    "foreign affairs",
    "department of state",
    "foreign office",
    "foreign ministry",
    "external affairs",
)
_ALLIANCE_WORDS = frozenset({"حلف", "الحلف"})
_ALLIANCE_NAME = re.compile(r"\b(?:NATO|alliance|treaty|pact)\b", re.IGNORECASE)
#: Sectors of bodies that are not organs of a state (a state named inside their name, as in
#: ``وكالة الصحافة الفرنسية``, is not a mention of that state).
_NOT_STATE = frozenset({"MED", "BUS", "NGO", "REB", "OPP", "IGO"})
#: what follows a dateline's place: an optional day and month ("24 ايار"), an optional agency
#: in brackets, then a dash or colon
_DATELINE_END = re.compile(r"[ \t]*(?:\d{1,2}[ \t]+\w+[ \t]*)?(?:\([^()\n]{0,40}\)[ \t]*)?[-:]")
_PRESIDENCY = ("kremlin", "presidency", "white house", "élysée", "elysee", "president")


@dataclass(frozen=True)
class Resources:
    """Knowledge base, automaton and variant index: built once, shared read-only."""

    knowledge: Knowledge
    gazetteer: Gazetteer
    variants: VariantIndex

    @classmethod
    def build(cls, knowledge: Knowledge) -> Resources:
        ents = list(knowledge.entities.values())
        return cls(knowledge, Gazetteer(ents), VariantIndex(ents, NAME_CONTEXT))

    @staticmethod
    @lru_cache(maxsize=4)
    def shared(user_extra: Path | None = None) -> Resources:
        return Resources.build(load_knowledge(user_extra))


class Linker:
    """Entity linking of one document at a time (see module doc)."""

    def __init__(
        self, resources: Resources, *, tagger: Tagger | None = None, variants: bool = True
    ) -> None:
        self.res = resources
        self.kn = resources.knowledge
        self.tagger = tagger
        self.use_variants = variants

    # -- helpers for the role grammar ------------------------------------------------------
    def _actor(self, eid: str) -> tuple[str, bool] | None:
        ent = self.kn.get(eid)
        if ent is None:
            return None
        if ent.is_country:
            return ent.id, True
        return (ent.code, False) if ent.code else None

    def _org_office(self, eid: str) -> tuple[str, str | None] | None:
        ent = self.kn.get(eid)
        if ent is None or ent.type != "ORG":
            return None
        name = ent.name.lower()
        if any(k in name for k in _FOREIGN_MINISTRY):
            return "foreign_ministry_spokesperson", ent.country
        if any(k in name for k in _PRESIDENCY):
            return "presidential_spokesperson", ent.country
        return None

    def _org_kinds(self, eid: str) -> set[str]:
        """The anaphors an organisation answers to: "igo" for an international body,
        "alliance" too for a military alliance (NATO, CSTO)."""
        ent = self.kn.get(eid)
        if ent is None or ent.type != "ORG" or ent.sector != "IGO":
            return set()
        words = {w for f in ent.surface_forms() for w in alias_key(f).split()}
        if _ALLIANCE_WORDS & words or _ALLIANCE_NAME.search(ent.name):
            return {"igo", "alliance"}
        return {"igo"}

    def _etype(self, eid: str) -> str:
        ent = self.kn.get(eid)
        return ent.type if ent is not None else "PER"

    # -- steps -------------------------------------------------------------------------------
    def _exact(self, norm: str, hits: list[Hit]) -> list[NormMention]:
        named: set[str] = set()
        for hit in hits:
            ids = {eid for eid, _ in hit.targets}
            if len(ids) == 1 and all(kind == "alias" for _, kind in hit.targets):
                named |= ids
        cued = self._cued_states(hits)
        out: list[NormMention] = []
        for hit in hits:
            eid, kind = self._choose(hit, named)
            eid = self._place_reading(norm, hit, eid, cued)
            if kind == "common" and eid not in named and not _after_title(norm, hit.start):
                continue
            if eid is not None:
                out.append(
                    NormMention(
                        hit.start,
                        hit.end,
                        hit.start - len(hit.prefix),
                        eid,
                        "alias",
                        kind,
                        self._etype(eid),
                    )
                )
        return out

    def _state_of(self, eid: str) -> str:
        """A country's own id; the state of a body with an adjective (``الحوثي``: Yemen)."""
        ent = self.kn.get(eid)
        if ent is None or ent.is_country or ent.country is None:
            return eid
        return ent.country

    def _cued_states(self, hits: list[Hit]) -> set[str]:
        """The states the document names without ambiguity: a country by name or nisba, or
        the state of a place, body or person (``مسقط`` and ``العماني`` name Oman)."""
        out: set[str] = set()
        for hit in hits:
            ids = {eid for eid, _ in hit.targets}
            if len(ids) != 1:
                continue
            ent = self.kn.get(next(iter(ids)))
            if ent is not None and ent.country is not None:
                out.add(self._state_of(ent.id))
        return out

    def _place_reading(self, norm: str, hit: Hit, eid: str | None, cued: set[str]) -> str | None:
        """A name shared by a country and a place of another state (``عمان``: Oman, and
        Amman in Jordan) is the place at a dateline (``عمان - ...``) or when the document
        names the place's state and never the country by another name or nisba."""
        ent = self.kn.get(eid) if eid is not None else None
        if ent is None or not ent.is_country:
            return eid
        places = []
        for other in dict.fromkeys(e for e, _ in hit.targets):
            place = self.kn.get(other)
            if (
                place is not None
                and place.type == "GPE"
                and not place.is_country
                and place.country not in (None, ent.id)
            ):
                places.append(place)
        if len(places) != 1:
            return eid
        place = places[0]
        line_start = norm.rfind("\n", 0, hit.start) + 1
        dateline = not hit.prefix and not norm[line_start : hit.start].strip()
        if dateline and _DATELINE_END.match(norm, hit.end):
            return place.id
        if place.country in cued and ent.id not in cued:
            return place.id
        return eid

    def _choose(self, hit: Hit, named: set[str]) -> tuple[str | None, str]:
        by_id: dict[str, str] = {}
        for eid, kind in hit.targets:
            by_id.setdefault(eid, kind)
        if len(by_id) == 1:
            eid, kind = next(iter(by_id.items()))
            return eid, kind
        in_doc = [eid for eid in by_id if eid in named]
        if len(in_doc) == 1:
            return in_doc[0], by_id[in_doc[0]]
        cands = sorted(by_id, key=lambda e: (_TYPE_RANK.get(self._etype(e), 9), e))
        if all(self._etype(e) == "PER" for e in cands):
            return None, ""  # an ambiguous surname with no full name in the document
        return cands[0], by_id[cands[0]]

    def _variants(
        self, norm: str, found: list[NormMention], words: Words | None
    ) -> list[NormMention]:
        """Spelling variants among the words no exact name covers (see ``VariantIndex``)."""
        taken = bytearray(len(norm))
        for m in found:
            taken[m.wstart : m.end] = b"\x01" * (m.end - m.wstart)
        nisbas = [(m.end, self._state_of(m.entity_id)) for m in found if m.kind == "nisba"]
        return [
            NormMention(s, e, w, eid, "variant", "alias", self._etype(eid))
            for s, e, w, eid in self.res.variants.find(norm, taken, nisbas, words)
        ]

    # -- the document ------------------------------------------------------------------------
    def link(self, doc: Doc, *, date_hint: str | None = None) -> None:
        """Fill ``doc.mentions`` and ``doc.entities`` (replacing what was there)."""
        norm = doc.norm
        # the words, read once for the CRF's cue windows and the variants (or by the variants
        # alone, when they need them)
        words = Words(norm) if self.tagger is not None else None
        found = self._exact(norm, self.res.gazetteer.find(norm))
        if self.use_variants:
            found += self._variants(norm, found, words)
        found.sort(key=lambda m: m.start)
        by_wstart = {m.wstart: m for m in found}
        frames = find_frames(norm, by_wstart, self._actor, self._org_office)

        new_names: dict[str, NameSpan] = {}
        new_mentions: list[NormMention] = []
        new_office: dict[str, str] = {}
        appositions: dict[int, str] = {}

        def add_new(name: NameSpan, how: str) -> str:
            pid = new_person_id(name.key)
            if pid not in new_names or (name.country and not new_names[pid].country):
                new_names[pid] = name
            new_mentions.append(
                NormMention(name.start, name.end, name.start, pid, how, "name", "PER")
            )
            by_wstart[name.start] = new_mentions[-1]
            return pid

        for i, frame in enumerate(frames):
            pos = skip_gap(norm, frame.end)
            nxt = by_wstart.get(pos)
            if nxt is not None and nxt.etype == "PER" and nxt.kind != "nisba":
                appositions[i] = nxt.entity_id
                continue
            if frame.office.startswith("dual:"):
                continue
            name = name_after(norm, frame.end, by_wstart)
            if name is not None:
                state = frame.of if frame.of and len(frame.of) == 3 else None
                pid = add_new(NameSpan(name.start, name.end, name.key, state), "pattern")
                appositions[i] = pid
                if frame.office != "counterpart":
                    new_office[pid] = frame.office
        for name in find_titles(norm, by_wstart):
            add_new(name, "pattern")
        if self.tagger is not None:
            self._model_names(doc, by_wstart, add_new, words or Words(norm))
        new_mentions += self._surnames(norm, new_names, by_wstart)

        people = [(m.start, m.entity_id) for m in found + new_mentions if m.etype == "PER"]
        on = parse_date(doc.published) or parse_date(date_hint or doc.date_hint)
        resolver = RoleResolver(self.kn, on, people, new_office)
        role_mentions: list[NormMention] = []
        for i, frame in enumerate(frames):
            office = frame.office
            if office == "counterpart":
                office = resolver.counterpart_office(frame) or ""
                if office not in _STATE_OFFICES:
                    continue
            if office.startswith("dual:"):
                for pid in resolver.duo(frame.start, office[5:]):
                    role_mentions.append(
                        NormMention(frame.start, frame.end, frame.start, pid, "role", "role", "PER")
                    )
                continue
            person = appositions.get(i)
            if person is not None:
                resolver.bind(office, frame.of, person)
                if frame.of is None:
                    continue
            else:
                person = resolver.resolve(frame, office)
                if person is None:
                    continue
                resolver.add_person(frame.start, person)
            role_mentions.append(
                NormMention(frame.start, frame.end, frame.start, person, "role", "role", "PER")
            )
        role_mentions += find_anaphors(norm, found, self._org_kinds)
        inner = self._inner_countries(norm, found)
        inner += find_bare_bodies(norm, found, self.kn, self.res.gazetteer)
        inner += find_person_governments(norm, found, self.kn, self.res.gazetteer)
        emit(doc, found + new_mentions + role_mentions + inner, new_names, self.kn)

    def _inner_countries(self, norm: str, found: list[NormMention]) -> list[NormMention]:
        """The state named inside a state body's name: ``وزارة الخارجية التركية`` also
        mentions Turkey (by its nisba), as the gold format counts nisba adjectives."""
        out: list[NormMention] = []
        for m in found:
            if m.etype != "ORG" or " " not in norm[m.start : m.end]:
                continue
            ent = self.kn.get(m.entity_id)
            if ent is None or ent.country is None or ent.sector in _NOT_STATE:
                continue
            span = norm[m.start : m.end]
            for ws in (i + 1 for i, ch in enumerate(span) if ch == " "):
                for hit in self.res.gazetteer.find(span[ws:]):
                    if any(eid == ent.country for eid, _ in hit.targets):
                        s = m.start + ws + hit.start
                        e = m.start + ws + hit.end
                        out.append(NormMention(s, e, s, ent.country, "alias", "nisba", "GPE"))
                    break
        return out

    def _model_names(
        self,
        doc: Doc,
        by_wstart: dict[int, NormMention],
        add_new: Callable[[NameSpan, str], str],
        words: Words,
    ) -> None:
        if self.tagger is None:
            return
        norm, nmap, text = doc.norm, doc.norm_map, doc.text
        tagger = self.tagger

        def scored(part: str) -> list[tuple[int, int, str, float]]:
            spans = tagger(part)
            return [(x[0], x[1], x[2], x[3] if len(x) > 3 else 1.0) for x in spans]

        found = list(by_wstart.values())
        for s, e in model_people(
            text, norm, nmap.to_norm, lambda a, b: nmap.span(a, b, text), found, scored, words
        ):
            add_new(NameSpan(s, e, " ".join(norm[s:e].split())), "model")

    @staticmethod
    def _surnames(
        norm: str, new_names: dict[str, NameSpan], by_wstart: dict[int, NormMention]
    ) -> list[NormMention]:
        """Later mentions of a new person by surname alone."""
        tails: dict[str, str] = {}
        for pid, name in new_names.items():
            parts = name.key.split()
            tail = parts[-1] if len(parts[-1]) >= 4 else " ".join(parts[-2:])
            if tail.startswith("ال") or tail in COMMON_WORDS or tail in FUNCTION_WORDS:
                continue  # "عبد الرحمن": the article word alone names nobody
            tails[tail] = pid if tail not in tails else ""
        tails = {k: v for k, v in tails.items() if v}
        if not tails:
            return []
        pat = re.compile(
            r"(?<!\w)(?P<pre>[وفبلك]{0,2})(?P<name>"
            + "|".join(re.escape(t) for t in sorted(tails, key=len, reverse=True))
            + r")(?!\w)"
        )
        out: list[NormMention] = []
        for m in pat.finditer(norm):
            if m.start() in by_wstart or any(
                n.start <= m.start("name") < n.end for n in _covering(by_wstart, m.start())
            ):
                continue
            pid = tails[m.group("name")]
            out.append(
                NormMention(
                    m.start("name"), m.end("name"), m.start(), pid, "pattern", "name", "PER"
                )
            )
        return out


def _after_title(norm: str, start: int) -> bool:
    """A title or office word (``الرئيس``) or a nisba (``الإيراني``) right before ``start``."""
    words = norm[max(0, start - 40) : start].split()
    if not words:
        return False
    prev = words[-1]
    return prev in NAME_CONTEXT or (prev.startswith("ال") and prev.endswith("ي") and len(prev) > 4)


def _covering(by_wstart: dict[int, NormMention], pos: int) -> list[NormMention]:
    return [m for m in by_wstart.values() if m.wstart <= pos < m.end]


def collect_spellings(docs: Iterable[Doc]) -> dict[str, Counter[str]]:
    """The surface forms seen per entity (names, variants; role phrases left out)."""
    out: dict[str, Counter[str]] = {}
    for doc in docs:
        for m in doc.mentions:
            if m.how != "role":
                out.setdefault(m.entity_id, Counter())[m.text] += 1
    return out
