"""One event per occasion: merging within a document and across a story cluster.

Within a document, two events merge when they have the same type, the same unordered pair of
country sets, the same negation and intent (a planned visit and a past meeting are two
occasions), compatible dates (equal, or one of them undated) and
compatible modes (equal, or one unspecified; a call never merges with a visit or meeting).
Across documents, ``merge_events`` groups the events of a cluster by type, unordered dyad and
date, and counts mentions (evidence spans), articles and outlets, like GDELT's NumMentions,
NumArticles and NumSources.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Iterable

from ..doc import Actor, Doc, Event
from . import plover
from .occasion import same_occasion, unmark
from .stance import distinct_speakers

__all__ = ["assign_ids", "dyad_key", "merge_events", "merge_in_doc"]

_PHONE_APART = frozenset({"phone"})


def dyad_key(event: Event) -> frozenset[frozenset[str]]:
    """The unordered pair of country sets (a one-actor event gives a one-element set)."""
    return frozenset({frozenset(event.source.countries), frozenset(event.target.countries)})


def _modes_compatible(event_type: str, a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    if event_type in ("PROTEST", "ASSAULT"):
        return True
    if event_type == "CONSULT":
        return not ({a, b} & _PHONE_APART) and "multilateral" not in (a, b)
    return False


def _intents_compatible(a: Event, b: Event) -> bool:
    """A report and a plan of the same kind of contact may be one occasion ("سيزور" in the
    title, "زار" in the body); a planned visit and a past meeting are two."""
    if a.intent == b.intent:
        return True
    if "hypothetical" in (a.intent, b.intent):
        return False
    return a.mode is None or b.mode is None or a.mode == b.mode


def _dates_compatible(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    (date_a, key_a), (date_b, key_b) = a, b
    if date_a and date_b:
        return date_a == date_b
    if key_a and key_b:
        return key_a == key_b
    return True


_SORTED_FROM = 8


def _absorb(into: Event, other: Event) -> None:
    ev = into.evidence
    if len(ev) <= _SORTED_FROM:
        ev.sort()  # a fresh event's few spans; longer lists were built sorted here
    for span in other.evidence:  # sorted insert without duplicates: linear, not n log n, per span
        i = bisect_left(ev, span)
        if i == len(ev) or ev[i] != span:
            ev.insert(i, span)
    into.mode = into.mode or other.mode
    into.date = into.date or other.date
    into.date_text = into.date_text or other.date_text
    into.place = into.place or other.place
    into.reported_by = into.reported_by or other.reported_by
    if into.intent != other.intent:
        into.intent = None  # stated as fact somewhere in the article
    for mine, theirs in ((into.source, other.source), (into.target, other.target)):
        _fill_actor(mine, theirs)
    into.confidence = round(min(0.95, max(into.confidence, other.confidence) + 0.05), 2)


def _fill_actor(mine: Actor, theirs: Actor) -> None:
    if mine.entity is None and set(mine.countries) == set(theirs.countries):
        mine.entity, mine.sector = theirs.entity, mine.sector or theirs.sector


def _aligned(into: Event, other: Event) -> Event:
    """``other`` with its sides swapped if that lines them up with ``into``."""
    if set(other.source.countries) != set(into.source.countries) and set(
        other.target.countries
    ) == set(into.source.countries):
        other.source, other.target = other.target, other.source
    return other


def _retaliation(a: Event, b: Event) -> bool:
    """An attack and the attack back ("غارات إسرائيلية ... فيما أطلق حزب الله صواريخ على
    إسرائيل") are two occasions, whatever their dates; so are the two releases of an
    exchange of prisoners, and an accusation, threat or demand and the one back ("أعرب
    المغرب عن أسفه لقرار الجزائر ..." and "قال الوزير الجزائري إن الأعمال العدائية من المغرب
    ...")."""
    return (
        (
            a.type in ("ASSAULT", "ACCUSE", "THREATEN", "REQUEST")
            or (a.type == "RETREAT" and a.mode == "release")
        )
        and set(a.source.countries) != set(a.target.countries)
        and set(a.source.countries) == set(b.target.countries)
        and set(a.target.countries) == set(b.source.countries)
    )


def merge_in_doc(events: list[tuple[Event, str | None]]) -> list[Event]:
    """Merge the events of one document (see the module docstring); order of first mention."""
    out: list[tuple[Event, str | None]] = []
    # the places in ``out`` of each (type, dyad), which merging leaves unchanged
    places: dict[tuple[str, frozenset[frozenset[str]]], list[int]] = {}
    for event, key in events:
        same = places.setdefault((event.type, dyad_key(event)), [])
        match = None
        for k in reversed(same):
            cand, cand_key = out[k]
            if (
                not _retaliation(cand, event)
                and not distinct_speakers(cand, event)  # stance.py
                and cand.negated == event.negated
                and _intents_compatible(cand, event)
                and _modes_compatible(event.type, cand.mode, event.mode)
                and same_occasion(cand_key, key)  # "وفي وقت سابق ...": another occasion
                and _dates_compatible((cand.date, unmark(cand_key)), (event.date, unmark(key)))
            ):
                match = k
                break
        if match is None:
            same.append(len(out))
            out.append((event, key))
            continue
        cand, cand_key = out[match]
        _absorb(cand, _aligned(cand, event))
        out[match] = (cand, cand_key or key)
    result = [e for e, _ in out]
    for event in result:
        if event.type == "CONSULT" and event.mode is None:
            event.mode = "meet"
        event.intensity = plover.intensity(event.type, event.mode, negated=event.negated)
    return result


def _hash(*parts: str) -> str:
    return hashlib.blake2b("|".join(parts).encode("utf-8"), digest_size=8).hexdigest()


def _dyad_text(event: Event) -> str:
    sides = sorted(",".join(sorted(s)) for s in (event.source.countries, event.target.countries))
    return "~".join(sides)


def assign_ids(doc_id: str, events: list[Event]) -> None:
    """Stable ids: a hash of document, type, dyad, date and mode (numbered on collision)."""
    seen: dict[str, int] = {}
    for event in events:
        base = _hash(
            doc_id,
            event.type,
            _dyad_text(event),
            event.date or event.date_text or "",
            event.mode or "",
            "neg" if event.negated else "",
        )
        n = seen.get(base, 0)
        seen[base] = n + 1
        event.id = base if n == 0 else f"{base}-{n}"


_GroupKey = tuple[str, frozenset[frozenset[str]], bool, str | None]


def merge_events(docs: Iterable[Doc]) -> list[Event]:
    """Cluster-level events of a set of documents (one story) with their counts.

    Events merge on type, unordered dyad, negation and date; an undated event joins the one
    dated group of its type and dyad if there is exactly one. A->B and B->A of a symmetric type
    are one event. Counts: ``mentions`` (evidence spans), ``articles``, ``outlets``.
    """
    groups: dict[_GroupKey, list[tuple[Doc, Event]]] = {}
    undated: list[tuple[Doc, Event]] = []
    for doc in docs:
        for event in doc.events:
            if event.date is None:
                undated.append((doc, event))
                continue
            dkey = (event.type, dyad_key(event), event.negated, event.date)
            groups.setdefault(dkey, []).append((doc, event))
    # the dated groups of each (type, dyad, negation), in order: one look-up per undated event
    dated_of: dict[tuple[str, frozenset[frozenset[str]], bool], list[_GroupKey]] = {}
    for k in groups:
        dated_of.setdefault(k[:3], []).append(k)
    for doc, event in undated:
        dated = dated_of.get((event.type, dyad_key(event), event.negated), [])
        ukey = dated[0] if len(dated) == 1 else (event.type, dyad_key(event), event.negated, None)
        groups.setdefault(ukey, []).append((doc, event))
    out: list[Event] = []
    for gkey, members in groups.items():
        members.sort(key=lambda m: (-m[1].confidence, m[0].id))
        first = members[0][1]
        merged = Event.from_json(first.to_json())
        merged.evidence = []
        mentions = 0
        articles: set[str] = set()
        outlets: set[str] = set()
        for doc, event in members:
            mentions += max(1, len(event.evidence))
            articles.add(doc.id)
            outlets.add(doc.outlet or doc.source)
            if event is not first:
                _absorb(merged, _aligned(merged, Event.from_json(event.to_json())))
        merged.evidence = list(first.evidence)
        merged.counts = {"mentions": mentions, "articles": len(articles), "outlets": len(outlets)}
        merged.id = _hash(
            "cluster",
            gkey[0],
            _dyad_text(merged),
            gkey[3] or "",
            "neg" if gkey[2] else "",
            *sorted(articles),
        )
        out.append(merged)
    out.sort(key=lambda e: (-e.counts["mentions"], e.type, e.id))
    return out
