"""Search over the store: full text with the linker's spelling variants, and entity names."""

from __future__ import annotations

import sqlite3
from typing import Any

from ..arabic import fold, words


class SearchMixin:
    """Queries of ``SqliteStore`` that resolve names and spellings."""

    conn: sqlite3.Connection

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        entity: str | None = None,
        entity_ids: list[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Articles matching every word of ``query`` (orthography and clitic insensitive; a
        word also matches the spellings of it the linker has stored, e.g. بوتن for بوتين).
        ``entity_ids`` (or ``entity``: an id, English or Arabic name) keeps articles that
        mention one of those entities."""
        norm = fold(query)
        terms = [norm[s:e] for s, e in words(norm)]
        if entity and entity_ids is None:
            entity_ids = self.entity_ids(entity)
        if not terms and entity_ids is None:
            return []
        sql = (
            "SELECT a.id, a.title, a.published, a.outlet, a.cluster, a.source, a.text"
            " FROM articles a"
        )
        args: list[Any] = []
        where: list[str] = []
        if terms:
            groups = []
            for term in terms:
                forms = sorted(self.spelling_variants(term) | {term})
                groups.append(
                    "(" + " OR ".join('"' + f.replace('"', "") + '"' for f in forms) + ")"
                )
            sql += " JOIN articles_fts f ON f.rowid = a.rowid"
            where.append("articles_fts MATCH ?")
            args.append(" AND ".join(groups))
        if entity_ids is not None:
            marks = ",".join("?" * len(entity_ids)) or "NULL"
            where.append(f"a.id IN (SELECT article_id FROM mentions WHERE entity_id IN ({marks}))")
            args.extend(entity_ids)
        sql += " WHERE " + " AND ".join(where) + " ORDER BY a.published DESC, a.rowid LIMIT ?"
        args.append(limit)
        return [dict(r) for r in self.conn.execute(sql, args)]

    def spelling_variants(self, term: str) -> set[str]:
        """Other stored spellings of the entities ``term`` is a stored spelling of, when the
        linker's variant rule takes them for ``term`` (بوتن for بوتين). As in the linker, words
        with the article are never variants."""
        from ..entities.variants import close_enough

        if len(term) < 4 or term.startswith("ال"):
            return set()
        by_entity: dict[str, set[str]] = {}
        for eid, surface in self.conn.execute("SELECT entity_id, surface FROM spellings"):
            norm = fold(surface)
            by_entity.setdefault(eid, set()).update(norm[s:e] for s, e in words(norm))
        out: set[str] = set()
        for forms in by_entity.values():
            if term not in forms:
                continue
            out.update(
                w
                for w in forms
                if w != term and not w.startswith("ال") and len(w) >= 4 and close_enough(term, w)
            )
        return out

    def entity_ids(self, name: str) -> list[str]:
        """Ids of stored entities called ``name``: id, English name or one of its words
        (any case), Arabic name, a stored spelling, or a knowledge-base alias."""
        from ..kb import load_kb

        key = name.strip().casefold()
        folded = " ".join(fold(name).split())
        ids: set[str] = set()
        for ent in load_kb():
            english = ent.name.casefold()
            arabic = {" ".join(fold(f).split()) for f in ent.surface_forms()}
            if key in (ent.id.casefold(), english) or key in english.split() or folded in arabic:
                ids.add(ent.id)
        for row in self.conn.execute("SELECT id, name, name_ar FROM entities"):
            english = (row[1] or "").casefold()
            if (
                key in (row[0].casefold(), english)
                or key in english.split()
                or (row[2] and " ".join(fold(row[2]).split()) == folded)
            ):
                ids.add(row[0])
        for (eid,) in self.conn.execute(
            "SELECT DISTINCT entity_id FROM spellings WHERE surface = ?", (name.strip(),)
        ):
            ids.add(eid)
        stored = {r[0] for r in self.conn.execute("SELECT id FROM entities")}
        return sorted(ids & stored)
