"""Helpers the pages share: Arabic labels, article highlighting, downloads, template filters.

Nothing here builds HTML from stored text: highlighting returns segments that the (escaping)
templates render.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

from fastapi.responses import JSONResponse, Response

from .app import ApiError


@lru_cache(maxsize=1)
def labels() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads(
        files("rasad.web").joinpath("data/labels.json").read_text(encoding="utf-8")
    )
    return data


def type_ar(value: str | None) -> str:
    return labels()["event_types"].get(value or "", value or "")


def quad_ar(value: str | None) -> str:
    return labels()["quads"].get(value or "", value or "")


def quad_class(value: str | None) -> str:
    return "q-" + (value or "none").replace(" ", "-")


def entity_type_ar(value: str | None) -> str:
    return labels()["entity_types"].get(value or "", value or "")


def office_ar(value: str | None) -> str:
    return labels()["offices"].get(value or "", value or "")


def intensity(value: float | None) -> str:
    return "" if value is None else f"{value:+.1f}"


FILTERS = {
    "type_ar": type_ar,
    "quad_ar": quad_ar,
    "quad_class": quad_class,
    "entity_type_ar": entity_type_ar,
    "office_ar": office_ar,
    "intensity": intensity,
}


def segments(
    text: str, mentions: list[dict[str, Any]], evidence: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Cut ``text`` at every mention and evidence boundary. Each piece says which entity
    mention (if any) and which event evidence (if any) covers it."""
    cuts = {0, len(text)}
    for m in mentions + evidence:
        if 0 <= m["start"] < m["end"] <= len(text):
            cuts.update((m["start"], m["end"]))
    points = sorted(cuts)
    out: list[dict[str, Any]] = []
    for s, e in itertools.pairwise(points):
        mention = next((m for m in mentions if m["start"] <= s and e <= m["end"]), None)
        ev = next((v for v in evidence if v["start"] <= s and e <= v["end"]), None)
        out.append({"text": text[s:e], "mention": mention, "evidence": ev})
    return out


def offices(entity_id: str) -> list[dict[str, Any]]:
    """The offices the knowledge base records for an entity, newest first."""
    from ..kb.loader import load_kb

    ent = load_kb().get(entity_id)
    if ent is None:
        return []
    terms = [o.to_json() for o in ent.offices]
    return sorted(terms, key=lambda o: o["start"] or "", reverse=True)


def aliases(entity_id: str) -> list[str]:
    from ..kb.loader import load_kb

    ent = load_kb().get(entity_id)
    return list(ent.aliases) if ent else []


def download(data: dict[str, Any], table: str, fmt: str, name: str) -> Response:
    """One table of a page's data as CSV or JSON (an attachment)."""
    rows = data.get(table)
    if not isinstance(rows, list):
        tables = sorted(k for k, v in data.items() if isinstance(v, list))
        raise ApiError(404, "not_found", f"no table {table!r}; this page has: {tables}")
    filename = f"rasad-{name}-{table}.{fmt}"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if fmt == "json":
        return JSONResponse(rows, headers=headers)
    buf = io.StringIO()
    flat = [r if isinstance(r, dict) else {"value": r} for r in rows]
    fields: dict[str, None] = {}
    for r in flat:
        fields.update(dict.fromkeys(r))
    writer = csv.DictWriter(buf, fieldnames=list(fields), extrasaction="ignore")
    writer.writeheader()
    for r in flat:
        writer.writerow({k: _cell(v) for k, v in r.items()})
    return Response(
        "\ufeff" + buf.getvalue(), media_type="text/csv; charset=utf-8", headers=headers
    )


def _cell(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value  # no formula injection when the CSV is opened in a spreadsheet
    return value
