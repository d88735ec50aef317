"""A stub entity linker for event tests: marks each surface of a small table in a document's
text as a mention of its entity (longest surfaces first, a leading clitic allowed), so that the
event rules can be tested without the knowledge base."""

from __future__ import annotations

import re

from rasad.arabic import fold
from rasad.doc import Doc, DocEntity, Event, Mention
from rasad.events.extractor import extract_events

#: surface -> (entity id, name, type, country)
Stub = dict[str, tuple[str, str, str, str | None]]

#: (source countries, target countries) of an event
Pair = tuple[tuple[str, ...], tuple[str, ...]]

#: the clitics a stub surface may carry
CLITICS = ("و", "ف", "ب", "ل", "لل", "وب", "ول")


def link_stub(doc: Doc, stub: Stub, clitics: tuple[str, ...] = CLITICS) -> None:
    """Add the mentions and entities of ``stub`` found in ``doc``."""
    norm = doc.norm
    taken = [False] * len(norm)
    lead = "|".join(clitics)
    for surface in sorted(stub, key=len, reverse=True):
        eid, name, etype, country = stub[surface]
        doc.entities[eid] = DocEntity(eid, name, None, etype, country)
        pattern = r"(?<!\w)(?:" + lead + r")?(" + re.escape(fold(surface)) + r")(?!\w)"
        for m in re.finditer(pattern, norm):
            a, b = m.span(1)
            if any(taken[a:b]):
                continue
            taken[a:b] = [True] * (b - a)
            span = doc.span_from_norm(a, b)
            assert span is not None
            doc.mentions.append(Mention(span[0], span[1], doc.text[span[0] : span[1]], eid))
    doc.mentions.sort(key=lambda m: m.start)


def stub_events(text: str, stub: Stub, clitics: tuple[str, ...] = CLITICS) -> list[Event]:
    """The events of ``text`` with the entities of ``stub`` and the event rules."""
    doc = Doc(source=f"test:{abs(hash(text))}", published="2024-03-10", outlet="site")
    doc.set_text(text)
    link_stub(doc, stub, clitics)
    return extract_events(doc)


def pairs(events: list[Event], etype: str, mode: str | None = None) -> set[Pair]:
    """(source, target) countries of the events of type ``etype`` (and ``mode``, if given)."""
    return {
        (tuple(e.source.countries), tuple(e.target.countries))
        for e in events
        if e.type == etype and (mode is None or e.mode == mode)
    }
