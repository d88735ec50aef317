"""One home for reading an invented text end to end in the event tests: the shipped linker,
then the event rules with the knowledge-base lookups (an international body's code, the body a
person acts for), summed up as (type, source countries, target countries)."""

from __future__ import annotations

from rasad.doc import Doc, Event
from rasad.entities.linker import Linker
from rasad.events.extractor import extract_events
from rasad.stages.events import _kb_lookups, _kb_nisba

Summary = tuple[str, tuple[str, ...], tuple[str, ...]]


def linked_events(linker: Linker, text: str) -> list[Event]:
    """The events of ``text`` read with ``linker`` and the rules."""
    doc = Doc(source="test")
    doc.set_text(text)
    linker.link(doc)
    lookups = _kb_lookups(None)
    kb_code, kb_body = lookups if lookups is not None else (None, None)
    return extract_events(doc, kb_code=kb_code, kb_body=kb_body, kb_nisba=_kb_nisba(None))


def summary(linker: Linker, text: str, *, asserted: bool = False) -> set[Summary]:
    """(type, source, target) of each event; ``asserted``: not negated, not an intent."""
    return {
        (e.type, tuple(e.source.countries), tuple(e.target.countries))
        for e in linked_events(linker, text)
        if not asserted or (not e.negated and e.intent is None)
    }
