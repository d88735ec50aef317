"""Events in POLECAT's own columns (names and order of the POLECAT weekly files), so analysis
code written for POLECAT runs on Rasad output unchanged.

Columns Rasad has no value for (COW codes, geocoding, Wikipedia ids, actor titles) are present
and empty. Countries are ISO3 codes joined by ``;``, as POLECAT writes them; sectors likewise.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("rasad")
    except PackageNotFoundError:
        return "dev"


_VERSION = _version()

COLUMNS: list[str] = [
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Event Intensity",
    "Quad Code",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Actor COW",
    "Primary Actor Sector",
    "Actor Sectors",
    "Actor Title",
    "Actor Name Raw",
    "Wikipedia Actor ID",
    "Recipient Name",
    "Recipient Country",
    "Recipient COW",
    "Primary Recipient Sector",
    "Recipient Sectors",
    "Recipient Title",
    "Recipient Name Raw",
    "Wikipedia Recipient ID",
    "Placename",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
]

_DATES = {"Event Date", "Publication Date"}
_FLOATS = {"Event Intensity", "Latitude", "Longitude"}
SCHEMA = pa.schema(
    [
        (c, pa.date32() if c in _DATES else pa.float64() if c in _FLOATS else pa.string())
        for c in COLUMNS
    ]
)


def polecat_row(
    row: dict[str, Any], story: dict[str, list[str]], names: dict[str, str]
) -> dict[str, Any]:
    """One POLECAT row from a Rasad event row (``export.event_rows``) and the article's entity
    names by type (``story``: PER, ORG, GPE/LOC) and entity id -> name (``names``)."""
    src, tgt = row.get("source_actor"), row.get("target_actor")
    out: dict[str, Any] = dict.fromkeys(COLUMNS)
    out |= {
        "Event ID": row["event_id"],
        "Event Date": row.get("date") if _full(row.get("date")) else row.get("story_date"),
        "Event Type": row["event_type"],
        "Event Mode": row.get("mode"),
        "Event Intensity": row.get("intensity"),
        "Quad Code": row.get("quad"),
        "Contexts": None,
        "Actor Name": names.get(src, src) if src else None,
        "Actor Country": row.get("source_country") or None,
        "Primary Actor Sector": row.get("source_sector"),
        "Actor Sectors": row.get("source_sector"),
        "Recipient Name": names.get(tgt, tgt) if tgt else None,
        "Recipient Country": row.get("target_country") or None,
        "Primary Recipient Sector": row.get("target_sector"),
        "Recipient Sectors": row.get("target_sector"),
        "Placename": row.get("place"),
        "Raw Placename": row.get("place"),
        "Source": row.get("outlet"),
        "Publication Date": row.get("story_date"),
        "Story People": ";".join(story.get("PER", [])) or None,
        "Story Organizations": ";".join(story.get("ORG", [])) or None,
        "Story Locations": ";".join(story.get("GPE", []) + story.get("LOC", [])) or None,
        "Language": "ar",
        "Version": f"rasad-{_VERSION}",
    }
    return out


def _full(value: Any) -> bool:
    return isinstance(value, str) and len(value) >= 10
