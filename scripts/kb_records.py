"""Records and curated-source parsing for ``scripts/build_kb.py``.

The knowledge-base builder's data model (``Record``), the readers of the
hand-curated ``kb_sources/`` files (pipe-separated lines, office terms, nisba
stems) and the small string helpers they share. Build time only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCES_DIR = ROOT / "kb_sources"
OUT_DIR = ROOT / "src" / "rasad" / "kb" / "data"
OFFICE_ABBR = {
    "hos": "head_of_state",
    "hog": "head_of_government",
    "fm": "foreign_minister",
    "dm": "defence_minister",
    "psp": "presidential_spokesperson",
    "fmsp": "foreign_ministry_spokesperson",
    "sg": "secretary_general",
    "cpres": "commission_president",
    "ccpres": "council_president",
    "hr": "high_representative",
    "vp": "vice_president",
    "leader": "leader",
}
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
QID_RE = re.compile(r"^Q[1-9]\d*$")
ARABIC_RE = re.compile(r"[\u0600-\u06ff]")


# Clitic letters that must not start an alias unless they belong to the word.
CLITICS = "وفبلك"


@dataclass
class Record:
    id: str
    name: str
    type: str
    name_ar: str = ""
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    code: str | None = None
    aliases: list[str] = field(default_factory=list)
    nisba: list[str] = field(default_factory=list)
    capital: str | None = None
    offices: list[dict[str, str | None]] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)

    def add_alias(self, *forms: str) -> None:
        for form in forms:
            form = clean_ar(form)
            if form and form != self.name_ar and form not in self.aliases:
                self.aliases.append(form)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "name_ar": self.name_ar,
            "type": self.type,
            "country": self.country,
            "sector": self.sector,
            "wikidata": self.wikidata,
            "code": self.code,
            "aliases": self.aliases,
            "nisba": self.nisba,
            "capital": self.capital,
            "offices": sorted(self.offices, key=lambda o: (o["start"] or "", o["office"] or "")),
            "sources": sorted(self.sources),
        }


def clean_ar(text: str) -> str:
    """Tidy whitespace of a curated string (no orthographic folding)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in ascii_text if not unicodedata.combining(c))
    ascii_text = ascii_text.replace("ı", "i").replace("ß", "ss").replace("ø", "o")
    ascii_text = ascii_text.replace("ł", "l").replace("đ", "d").replace("ə", "a")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug


def split_list(text: str) -> list[str]:
    return [clean_ar(p) for p in text.split(";") if clean_ar(p)]


NISBA_SUFFIXES = ("", "ة", "ان", "ين", "ون", "تان", "تين", "ات")


def inflect_nisba(stem: str) -> list[str]:
    """All number/gender/definiteness forms of a (possibly multi-word) nisba stem."""
    words = stem.split()
    forms: list[str] = []
    for suffix in NISBA_SUFFIXES:
        for definite in (False, True):
            parts: list[str] = []
            for word in words:
                base = word
                if suffix and not base.endswith("ي"):
                    parts = []
                    break
                parts.append(("ال" if definite else "") + base + suffix)
            if parts:
                forms.append(" ".join(parts))
    return forms


def nisba_forms(spec: dict[str, Any]) -> list[str]:
    forms: list[str] = []
    for stem in spec.get("nisba") or ():
        forms.extend(inflect_nisba(clean_ar(stem)))
    for plural in spec.get("plural") or ():
        plural = clean_ar(plural)
        forms.extend([plural, "ال" + plural])
    for form in spec.get("nisba_forms") or ():
        forms.append(clean_ar(form))
    out: list[str] = []
    for form in forms:
        if form not in out:
            out.append(form)
    return out


def load_yaml(name: str) -> Any:
    with (SOURCES_DIR / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def phoenix_key(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name.replace("ı", "i"))
    ascii_name = "".join(c for c in ascii_name if not unicodedata.combining(c))
    return re.sub(r"[^A-Z0-9.'-]+", "_", ascii_name.upper()).strip("_")


def parse_offices(text: str, where: str) -> list[dict[str, str | None]]:
    offices: list[dict[str, str | None]] = []
    for chunk in text.split(","):
        chunk = chunk.strip()
        if not chunk:
            continue
        m = re.fullmatch(r"(\w+):([A-Za-z+]+)\s+(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})?", chunk)
        if not m or m.group(1) not in OFFICE_ABBR:
            raise SystemExit(f"{where}: bad office {chunk!r}")
        start, end = m.group(3), m.group(4)
        if end is not None and end < start:
            raise SystemExit(f"{where}: office ends before it starts: {chunk!r}")
        offices.append(
            {"office": OFFICE_ABBR[m.group(1)], "of": m.group(2), "start": start, "end": end}
        )
    return offices


def read_lines(name: str) -> list[tuple[str, list[str]]]:
    rows: list[tuple[str, list[str]]] = []
    for lineno, line in enumerate((SOURCES_DIR / name).read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        rows.append((f"{name}:{lineno}", [f.strip() for f in line.split("|")]))
    return rows


def extras(field_text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for token in field_text.split():
        key, _, value = token.partition("=")
        out[key] = value
    return out


def opt(text: str) -> str | None:
    return None if text in ("", "-") else text
