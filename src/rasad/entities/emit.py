"""The linker's output: the mentions found (spans into ``doc.norm``) as ``doc.mentions`` (spans
into ``doc.text``) and the entities they name as ``doc.entities``."""

from __future__ import annotations

from ..doc import Doc, DocEntity, Mention
from .knowledge import Knowledge
from .lexicon import OFFICE_LABELS
from .patterns import NameSpan
from .roles import NormMention

__all__ = ["doc_entity", "emit"]

_TANWEEN = frozenset("\u064b\u064c\u064d")
#: the accusative of a nisba adjective, which does take tanween: "فلسطينيًا"، "روسياً"
_NISBA_ACC = ("ي\u064bا", "يا\u064b")


def _named(surface: str) -> bool:
    """``surface`` (with the character after it) may be a name: names take no tanween
    ("دوماً", always, is an adverb, not Douma), but an accusative nisba does ("سجينًا فلسطينيًا")."""
    return not _TANWEEN.intersection(surface) or any(
        surface[: len(surface) - k].endswith(_NISBA_ACC) for k in (0, 1)
    )


def emit(
    doc: Doc, mentions: list[NormMention], new_names: dict[str, NameSpan], kn: Knowledge
) -> None:
    """Set ``doc.mentions`` (text spans, in order; one per span and entity) and
    ``doc.entities``. Each entity is built once per document: it depends on its id alone."""
    out: list[Mention] = []
    entities: dict[str, DocEntity] = {}
    built: dict[str, DocEntity | None] = {}
    text, nmap, nlen = doc.text, doc.norm_map, len(doc.norm)
    seen: set[tuple[int, int, str]] = set()
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        if not 0 <= m.start < m.end <= nlen:
            continue  # as Doc.span_from_norm: a span that cannot be aligned
        ts, te = nmap.span(m.start, m.end, text)
        eid = m.entity_id
        key = (ts, te, eid)
        if key in seen:
            continue
        if not _named(text[ts : te + 1]):
            continue  # "دوماً" (always) is an adverb, not Douma
        seen.add(key)
        if eid in built:
            ent = built[eid]
        else:
            ent = built[eid] = doc_entity(kn, eid, doc, new_names)
            if ent is not None and ent.name.strip():
                entities.setdefault(ent.id, ent)
        if ent is None or not ent.name.strip():
            continue  # an entity without a name is never output
        how = "alias" if m.how == "alias" else m.how
        out.append(Mention(ts, te, text[ts:te], eid, how))
    doc.mentions = out
    doc.entities = entities


def doc_entity(
    kn: Knowledge, eid: str, doc: Doc, new_names: dict[str, NameSpan]
) -> DocEntity | None:
    """The entity ``eid`` as the document names it: a knowledge-base record, a new person
    (named as the text writes them) or a role actor (``role:TUR:foreign_minister``)."""
    ent = kn.get(eid)
    if ent is not None:
        country = ent.id if ent.is_country else ent.country
        return DocEntity(
            ent.id, ent.name, ent.name_ar or None, ent.type, country, ent.sector, ent.wikidata
        )
    if eid.startswith("new:per:"):
        name = new_names.get(eid)
        if name is None:
            return None
        span = doc.span_from_norm(name.start, name.end)
        label = " ".join(doc.text[span[0] : span[1]].split()) if span else name.key
        return DocEntity(eid, label, label, "PER", name.country, None, None)
    if eid.startswith("role:"):
        _, of, office = eid.split(":", 2)
        owner = kn.get(kn.by_code(of) or of)
        where = owner.name if owner is not None else of
        label = f"{OFFICE_LABELS.get(office, office)} of {where}"
        country = of if owner is not None and owner.is_country else None
        return DocEntity(eid, label, None, "PER", country, "GOV", None)
    return None
