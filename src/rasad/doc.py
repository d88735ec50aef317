"""The core model: ``Doc`` and what hangs on it (mentions, entities, events).

``Doc.text`` is set once, by extraction, and never changes; every span is a pair of character
offsets into it. The normalised text lives beside it (``Doc.norm``) with an ``OffsetMap`` back
into ``text``. ``Doc.to_json()`` / ``Doc.from_json()`` is the only serialisation: the ``extract``
command, the store and the golden files all use it.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

from .arabic import OffsetMap, normalize
from .errors import Reject

__all__ = [
    "EXTRACT_KEYS",
    "Actor",
    "Doc",
    "DocEntity",
    "Event",
    "Mention",
    "Reject",
    "content_hash",
]

#: The output contract of ``rasad extract``: these keys, in this order (later work extends
#: ``Doc.to_json`` with more; ``rasad extract --full`` prints them all).
EXTRACT_KEYS: tuple[str, ...] = (
    "source",
    "url",
    "outlet",
    "title",
    "published",
    "published_from",
    "dateline",
    "byline",
    "text",
    "cluster",
    "entities",
    "events",
)


def content_hash(text: str) -> str:
    """A short stable hash of a text (hex, 16 chars)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


@dataclass(slots=True, frozen=True)
class Mention:
    """A mention of an entity: ``text[start:end]``, how it was found (alias, variant, role,
    pattern, model) and the entity it was linked to."""

    start: int
    end: int
    text: str
    entity_id: str
    how: str = "alias"

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "entity": self.entity_id,
            "how": self.how,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Mention:
        return cls(
            data["start"], data["end"], data["text"], data["entity"], data.get("how", "alias")
        )


@dataclass(slots=True, frozen=True)
class DocEntity:
    """An entity as it appears in one document's output (canonical data, no mentions)."""

    id: str
    name: str
    name_ar: str | None
    type: str
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocEntity:
        return cls(
            data["id"],
            data["name"],
            data.get("name_ar"),
            data["type"],
            data.get("country"),
            data.get("sector"),
            data.get("wikidata"),
        )


@dataclass(slots=True)
class Actor:
    """One side of an event: the entity (if named), its countries (ISO3 or an international
    body's code) and its sector."""

    entity: str | None = None
    countries: list[str] = field(default_factory=list)
    sector: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"entity": self.entity, "countries": list(self.countries), "sector": self.sector}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Actor:
        data = data or {}
        return cls(data.get("entity"), list(data.get("countries") or []), data.get("sector"))


@dataclass(slots=True)
class Event:
    """A PLOVER event with its evidence spans (offsets into ``Doc.text``)."""

    id: str
    type: str
    mode: str | None
    source: Actor
    target: Actor
    date: str | None = None
    date_text: str | None = None
    place: str | None = None
    evidence: list[tuple[int, int]] = field(default_factory=list)
    negated: bool = False
    intent: str | None = None
    confidence: float = 0.5
    quad: str | None = None
    intensity: float | None = None
    reported_by: str | None = None
    counts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "source": self.source.to_json(),
            "target": self.target.to_json(),
            "date": self.date,
            "date_text": self.date_text,
            "place": self.place,
            "evidence": [{"start": s, "end": e} for s, e in self.evidence],
            "negated": self.negated,
            "intent": self.intent,
            "confidence": self.confidence,
            "quad": self.quad,
            "intensity": self.intensity,
            "reported_by": self.reported_by,
        }
        if self.counts:
            out["counts"] = dict(self.counts)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        return cls(
            id=data["id"],
            type=data["type"],
            mode=data.get("mode"),
            source=Actor.from_json(data.get("source")),
            target=Actor.from_json(data.get("target")),
            date=data.get("date"),
            date_text=data.get("date_text"),
            place=data.get("place"),
            evidence=[(ev["start"], ev["end"]) for ev in data.get("evidence", [])],
            negated=bool(data.get("negated", False)),
            intent=data.get("intent"),
            confidence=float(data.get("confidence", 0.5)),
            quad=data.get("quad"),
            intensity=data.get("intensity"),
            reported_by=data.get("reported_by"),
            counts=dict(data.get("counts") or {}),
        )


@dataclass(slots=True, eq=False)
class Doc:
    """One article. Before extraction it holds the raw page (``raw``, ``html`` or ``page``);
    extraction sets ``text`` once.

    Stages talk to each other only through declared fields (``Stage.requires`` / ``assigns``
    name them). The working fields (``page_lines``, ``templates``, ``minhash``, ...) carry data
    between stages and to the store; they are not part of ``to_json``."""

    source: str
    url: str | None = None
    raw: bytes | None = None
    charset: str | None = None
    html: str | None = None
    page: str | None = None
    fetched: str | None = None
    date_hint: str | None = None
    outlet: str | None = None
    title: str | None = None
    dateline: str | None = None
    byline: str | None = None
    published: str | None = None
    published_from: str | None = None
    furniture: list[dict[str, Any]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    cluster: str | None = None
    duplicate_of: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, DocEntity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    reject: Reject | None = None
    # -- working fields: what one stage hands to a later one; ``to_json`` leaves them out ---
    record_date: str | None = None  # reader: the ``date`` of a JSON Lines record
    raw_hash: str | None = None  # ingest: the store's key for the raw input
    page_lines: list[str] = field(default_factory=list)  # segment: candidate lines
    html_meta: dict[str, Any] = field(default_factory=dict)  # segment: an HTML page's metadata
    templates: list[str] = field(default_factory=list)  # templates: keys of site furniture lines
    minhash: bytes | None = None  # fingerprint: MinHash signature of the body's shingles
    story_terms: dict[str, int] = field(default_factory=dict)  # fingerprint: content terms
    _text: str | None = None
    _norm: tuple[str, OffsetMap] | None = None
    _id: tuple[str | None, str] | None = None  # (title it was computed with, id)

    # -- text, set once ------------------------------------------------------------------
    @property
    def text(self) -> str:
        return self._text if self._text is not None else ""

    @property
    def has_text(self) -> bool:
        return self._text is not None

    def set_text(self, text: str) -> None:
        """Set the article text. Allowed once: afterwards ``text`` never changes."""
        if self._text is not None:
            raise AttributeError("Doc.text is immutable once extraction has set it")
        self._text = text
        self._norm = None
        self._id = None

    @property
    def id(self) -> str:
        """Content hash of the article (title + body), computed once per title: the text never
        changes, so stages that ask for it per mention stay linear in the page size."""
        if self._id is None or self._id[0] != self.title or self._text is None:
            self._id = (self.title, content_hash((self.title or "") + "\n" + self.text))
        return self._id[1]

    # -- normalised view -----------------------------------------------------------------
    def _normalized(self) -> tuple[str, OffsetMap]:
        if self._norm is None:
            self._norm = normalize(self.text)
        return self._norm

    @property
    def norm(self) -> str:
        return self._normalized()[0]

    @property
    def norm_map(self) -> OffsetMap:
        return self._normalized()[1]

    def span_from_norm(self, start: int, end: int) -> tuple[int, int] | None:
        """Offsets into ``text`` for ``norm[start:end]``, or None if they cannot be aligned."""
        if not 0 <= start < end <= len(self.norm):
            return None
        return self.norm_map.span(start, end, self.text)

    def release_input(self) -> None:
        """Drop the raw page once it is stored (keeps workers' memory flat)."""
        self.raw = None
        self.html = None
        self.page = None

    # -- serialisation -------------------------------------------------------------------
    def entities_json(self) -> list[dict[str, Any]]:
        by_entity: dict[str, list[Mention]] = {}
        for m in sorted(self.mentions, key=lambda m: (m.start, m.end)):
            by_entity.setdefault(m.entity_id, []).append(m)
        out = []
        for ent_id, mentions in by_entity.items():
            ent = self.entities.get(ent_id)
            if ent is None:
                continue
            item = ent.to_json()
            item["mentions"] = [
                {"start": m.start, "end": m.end, "text": m.text, "how": m.how} for m in mentions
            ]
            out.append(item)
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "published_from": self.published_from,
            "dateline": self.dateline,
            "byline": self.byline,
            "text": self.text,
            "cluster": self.cluster,
            "duplicate_of": self.duplicate_of,
            "entities": self.entities_json(),
            "events": [e.to_json() for e in self.events],
            "furniture": list(self.furniture),
            "lines": list(self.lines),
            "meta": {k: v for k, v in self.meta.items() if not k.startswith("_")},
            "reject": self.reject.to_dict() if self.reject is not None else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Doc:
        doc = cls(
            source=data["source"],
            url=data.get("url"),
            outlet=data.get("outlet"),
            title=data.get("title"),
            dateline=data.get("dateline"),
            byline=data.get("byline"),
            published=data.get("published"),
            published_from=data.get("published_from"),
            furniture=list(data.get("furniture") or []),
            lines=list(data.get("lines") or []),
            cluster=data.get("cluster"),
            duplicate_of=data.get("duplicate_of"),
            meta=dict(data.get("meta") or {}),
        )
        if data.get("reject"):
            doc.reject = Reject.from_dict(data["reject"], source=doc.source)
        doc.set_text(data.get("text") or "")
        for item in data.get("entities") or []:
            ent = DocEntity.from_json(item)
            doc.entities[ent.id] = ent
            for m in item.get("mentions", []):
                doc.mentions.append(
                    Mention(m["start"], m["end"], m["text"], ent.id, m.get("how", "alias"))
                )
        doc.events = [Event.from_json(e) for e in data.get("events") or []]
        return doc

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Doc):
            return NotImplemented
        return self.to_json() == other.to_json()
