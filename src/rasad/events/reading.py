"""The shared state of reading one trigger, and the event it makes.

``frames._events_for`` fills a ``Reading`` (the trigger, its sentence, its frame and the
running confidence) and a ``FirstSide`` (``subject.first_side``), then hands both to the
special paths (``special``), the symmetric (``symmetric``) or the unary and directed
(``directed``) readings; ``_make`` builds each event.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..doc import Actor, Doc, Event
from . import plover
from .arguments import Unit, intent_of, is_negated
from .frame_table import Frame
from .lexicon import Entry, Hit, Token
from .sides import _Ctx, _Sentence, _Side

__all__: list[str] = []  # internal to the events package


@dataclass(slots=True)
class Reading:
    """One trigger being read: what every step needs. ``conf`` goes down as the sides are
    guessed; the second-side fields are set once the first side is known."""

    hit: Hit
    sent: _Sentence
    tokens: list[Token]
    ctx: _Ctx
    claimed: dict[int, list[Unit]]
    doc: Doc
    entry: Entry
    etype: str
    mode: str | None
    fr: Frame
    cs: int = 0
    is_verb: bool = False
    conf: float = 0.0
    partners: list[Unit] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)
    reporter: Unit | None = None
    reported_by: str | None = None


@dataclass(frozen=True, slots=True)
class FirstSide:
    """The first side (subject) of a trigger and what its reading found on the way."""

    subj: list[Unit] | None
    cont: list[Unit] | None  # the subject continued from the previous verb
    dyad_anaphor: bool  # "الجانبان", a dual verb: the last pair of the document
    genitive: list[Unit] | None  # "زيارة روسيا": the country after a directed noun
    pronoun_obj: list[Unit] | None  # the object a pronoun names (speech.py, accusative.py)
    agentive: bool  # a stance noun with its agent after it (stance.py)
    crowd_subject: bool  # "وطالب المتظاهرون ...": a domestic group right after the verb


def _home(hit: Hit, sent: _Sentence, ctx: _Ctx) -> str | None:
    """The country of the place the sentence names nearest to the trigger (or the last one
    named up to three sentences before)."""
    places = [u for u in sent.units if u.place and u.countries]
    if places:
        return min(places, key=lambda u: abs(u.i - hit.i)).countries[0]
    if ctx.place is not None and sent.n - ctx.place[1] <= 3:
        return ctx.place[0]
    return None


def _make(
    hit: Hit,
    etype: str,
    mode: str | None,
    src: _Side,
    tgt: _Side,
    sent: _Sentence,
    tokens: list[Token],
    doc: Doc,
    conf: float,
    reported_by: str | None,
) -> Event:
    affirm = hit.entry.has("affirm")  # "لن نتردد": a threat stated as fact (stance.py)
    negated = not affirm and is_negated(tokens, hit.i, sent.ti)
    intent = (
        None
        if affirm
        else intent_of(
            tokens,
            hit.i,
            hit.j,
            sent.ti,
            sent.tj,
            clitic=hit.clitic,
            present=hit.form.tense == "present",
        )
    )
    span = doc.span_from_norm(sent.start, sent.end)
    places = [u for u in sent.units if u.place]
    near = sorted(places, key=lambda u: (u.i < hit.i, abs(u.i - hit.i)))
    place = None
    if near:
        ent = doc.entities.get(near[0].entities[0]) if near[0].entities else None
        place = ent.name if ent is not None else None
    return Event(
        id="",
        type=etype,
        mode=mode,
        source=Actor(src.entity, list(src.countries), src.sector),
        target=Actor(tgt.entity, list(tgt.countries), tgt.sector),
        evidence=[span] if span else [],
        negated=negated,
        intent=intent,
        confidence=round(max(0.1, min(conf, 0.95)), 2),
        place=place,
        quad=plover.quad(etype),
        intensity=plover.intensity(etype, mode, negated=negated),
        reported_by=reported_by,
    )
