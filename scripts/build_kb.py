#!/usr/bin/env python3
"""Build the Rasad knowledge base (src/rasad/kb/data/) from named sources.

Run from the repository root:

    python scripts/build_kb.py --shared ../shared

Inputs (build time only; the runtime package needs none of them):
- kb_sources/*.yaml, kb_sources/*.txt: hand-curated data (see kb_sources/README.md);
- pycountry (ISO 3166-1 list), babel (CLDR Arabic country and city names),
  rigour (territory Wikidata QIDs);
- ../shared/data: plover/countries.csv (ISO table), phoenix_dictionaries and
  universalpetrarch_arabic (used only to attest curated names, recorded in ``sources``).

The output is deterministic: the same inputs give byte-identical files. The record
model and the readers of the curated files are in ``scripts/kb_records.py``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from importlib import metadata
from pathlib import Path
from typing import Any

import babel
import pycountry
from kb_bodies import build_state_bodies
from kb_records import (
    ARABIC_RE,
    DATE_RE,
    OUT_DIR,
    QID_RE,
    ROOT,
    SOURCES_DIR,
    Record,
    clean_ar,
    extras,
    load_yaml,
    nisba_forms,
    opt,
    parse_offices,
    phoenix_key,
    read_lines,
    slugify,
    split_list,
)
from rigour.territories import get_territories

# Historic or partly recognised states that are not in ISO 3166-1 (or are withdrawn codes).
EXTRA_COUNTRIES = {
    "XKX": ("Kosovo", "xk"),
    "SUN": ("Soviet Union", "suhh"),
    "YUG": ("Yugoslavia", "yucs"),
    "CSK": ("Czechoslovakia", "cshh"),
    "DDR": ("East Germany", "dd"),
    "SCG": ("Serbia and Montenegro", "csxx"),
    "ANT": ("Netherlands Antilles", "an"),
}


# --------------------------------------------------------------------------- sources


def rigour_index() -> tuple[dict[str, Any], dict[str, Any]]:
    by_alpha3: dict[str, Any] = {}
    by_code: dict[str, Any] = {}
    for terr in get_territories():
        by_code[terr.code] = terr
        if terr.alpha3:
            by_alpha3[terr.alpha3.upper()] = terr
    return by_alpha3, by_code


def cldr_cities() -> dict[str, str]:
    zones = babel.Locale("ar").time_zones
    return {tz: str(info["city"]) for tz, info in zones.items() if info.get("city")}


def attestation_sets(shared: Path) -> tuple[set[str], set[str], set[str]]:
    """Names found in the openeventdata dictionaries and ISO3 codes in PLOVER."""
    data = shared / "data"
    phoenix: set[str] = set()
    for fname in (
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ):
        for line in (
            (data / "phoenix_dictionaries" / fname)
            .read_text(encoding="utf-8", errors="replace")
            .splitlines()
        ):
            line = line.split("#", 1)[0].strip().lstrip("+")
            if line and not line.startswith("["):
                phoenix.add(line.split("[")[0].strip().strip("_").upper())
    petrarch: set[str] = set()
    for line in (
        (data / "universalpetrarch_arabic" / "actor_dict_ar_v4.txt")
        .read_text(encoding="utf-8")
        .splitlines()
    ):
        line = line.split("#", 1)[0].strip().lstrip("+")
        if line and not line.startswith("["):
            petrarch.add(line.split("[")[0].strip().strip("_").replace("_", " "))
    plover: set[str] = set()
    with (data / "plover" / "countries.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            plover.add(row["CCA3"].strip())
    return phoenix, petrarch, plover


# --------------------------------------------------------------------------- builders


def build_countries(rig3: dict[str, Any], rigc: dict[str, Any]) -> dict[str, Record]:
    spec: dict[str, dict[str, Any]] = load_yaml("countries.yaml")
    ar_names = babel.Locale("ar").territories
    records: dict[str, Record] = {}
    codes: list[tuple[str, str | None, str]] = [
        (c.alpha_3, c.alpha_2, str(getattr(c, "common_name", c.name))) for c in pycountry.countries
    ]
    for iso3, (name, _rig) in EXTRA_COUNTRIES.items():
        codes.append((iso3, None, name))
    for iso3, alpha2, iso_name in codes:
        cs = spec.get(iso3) or {}
        terr = rig3.get(iso3)
        if terr is None and iso3 in EXTRA_COUNTRIES:
            terr = rigc.get(EXTRA_COUNTRIES[iso3][1])
        rec = Record(
            id=iso3,
            name=str(cs.get("name") or (terr.name if terr else iso_name)),
            type="GPE",
            country=iso3,
        )
        if terr is not None and terr.qid and QID_RE.match(terr.qid):
            rec.wikidata = terr.qid
            rec.sources.add("rigour")
        cldr = ar_names.get(alpha2) if alpha2 else None
        if cldr:
            rec.sources.add("cldr")
        rec.name_ar = clean_ar(str(cs.get("name_ar") or cldr or ""))
        if cldr:
            rec.add_alias(str(cldr))
        for alias in cs.get("ar") or ():
            rec.add_alias(str(alias))
        rec.nisba = nisba_forms(cs)
        rec.capital = cs.get("capital")
        if cs:
            rec.sources.add("curated")
        if not rec.name_ar:
            raise SystemExit(f"{iso3}: no Arabic name")
        records[iso3] = rec
    for iso3 in spec:
        if iso3 not in records:
            raise SystemExit(f"countries.yaml: unknown code {iso3}")
    return records


def build_places(rigc: dict[str, Any], cities: dict[str, str]) -> list[Record]:
    """places.txt: id | English | type | country | Arabic; ... | key=value ..."""
    out: list[Record] = []
    for where, f in read_lines("places.txt"):
        if len(f) < 5:
            raise SystemExit(f"{where}: expected 5-6 fields")
        ext = extras(f[5]) if len(f) > 5 else {}
        rec = Record(id=f[0], name=f[1], type=f[2], country=opt(f[3]), sources={"curated"})
        names = split_list(f[4])
        if "cldr" in ext:
            city = cities.get(ext["cldr"])
            if city is None:
                raise SystemExit(f"{where}: no CLDR city for {ext['cldr']}")
            rec.sources.add("cldr")
            if city not in names:
                names.append(city)
        if "rigour" in ext:
            add_rigour(rec, ext["rigour"], rigc, where)
        rec.name_ar = names[0]
        rec.add_alias(*names[1:])
        out.append(rec)
    return out


def add_rigour(rec: Record, key: str, rigc: dict[str, Any], where: str) -> None:
    """The Wikidata id of rigour's territory ``key`` (a ``rigour=`` field) on ``rec``."""
    terr = rigc.get(key)
    if terr is None or not QID_RE.match(str(terr.qid)):
        raise SystemExit(f"{where}: no rigour territory {key}")
    rec.wikidata = terr.qid
    rec.sources.add("rigour")


def build_orgs(rigc: dict[str, Any]) -> list[Record]:
    """orgs.txt: slug | English | country | sector | code | Arabic; ... | key=value ..."""
    out: list[Record] = []
    for where, f in read_lines("orgs.txt"):
        if len(f) < 6:
            raise SystemExit(f"{where}: expected 6-7 fields")
        ext = extras(f[6]) if len(f) > 6 else {}
        rec = Record(
            id="org:" + f[0],
            name=f[1],
            type=ext.get("type", "ORG"),
            country=opt(f[2]),
            sector=opt(f[3]),
            code=opt(f[4]),
            sources={"curated"},
        )
        if rec.type != "ORG":
            rec.id = rec.type.lower() + ":" + f[0]
        if "rigour" in ext:
            add_rigour(rec, ext["rigour"], rigc, where)
        if "nisba" in ext:
            # an adjective of the body's own ("حوثي": "هجوم حوثي"، "الصواريخ الحوثية")
            rec.nisba = nisba_forms({"nisba": ext["nisba"].split(",")})
        names = split_list(f[5])
        rec.name_ar = names[0]
        rec.add_alias(*names[1:])
        out.append(rec)
    return out


def build_people() -> list[Record]:
    """people.txt: English | country | sector | Arabic; ... | offices [| slug=...]"""
    out: list[Record] = []
    rows = [
        row for path in sorted(SOURCES_DIR.glob("people*.txt")) for row in read_lines(path.name)
    ]
    for where, f in rows:
        if len(f) < 5:
            raise SystemExit(f"{where}: expected 5-6 fields")
        ext = extras(f[5]) if len(f) > 5 else {}
        slug = ext.get("slug") or slugify(f[0])
        rec = Record(
            id="per:" + slug,
            name=f[0],
            type="PER",
            country=opt(f[1]),
            sector=opt(f[2]),
            sources={"curated"},
        )
        names = split_list(f[3])
        if not names:
            raise SystemExit(f"{where}: no Arabic name")
        rec.name_ar = names[0]
        rec.add_alias(*names[1:])
        rec.offices = parse_offices(f[4], where)
        out.append(rec)
    return out


# --------------------------------------------------------------------------- checks


def merge_duplicates(records: list[Record], where: str) -> list[Record]:
    """Lines that repeat a person (same id) are merged: offices and aliases add up."""
    by_id: dict[str, Record] = {}
    for rec in records:
        old = by_id.get(rec.id)
        if old is None:
            by_id[rec.id] = rec
            continue
        if (old.name, old.country) != (rec.name, rec.country):
            raise SystemExit(f"{where}: id {rec.id} used for two entities")
        old.add_alias(rec.name_ar, *rec.aliases)
        old.offices.extend(o for o in rec.offices if o not in old.offices)
    return list(by_id.values())


def validate(records: dict[str, Record]) -> None:
    problems: list[str] = []
    for rec in records.values():
        if rec.type not in {"PER", "ORG", "GPE", "LOC", "MISC"}:
            problems.append(f"{rec.id}: bad type {rec.type}")
        if rec.country is not None and rec.country not in records:
            problems.append(f"{rec.id}: unknown country {rec.country}")
        if rec.capital is not None and rec.capital not in records:
            problems.append(f"{rec.id}: unknown capital {rec.capital}")
        if rec.wikidata is not None and not {"rigour"} & rec.sources:
            problems.append(f"{rec.id}: Wikidata id without a source")
        for form in (rec.name_ar, *rec.aliases):
            if not ARABIC_RE.search(form) and form.upper() != form:
                problems.append(f"{rec.id}: non-Arabic alias {form!r}")
        for office in rec.offices:
            if office["of"] not in records and not any(
                r.code == office["of"] for r in records.values()
            ):
                problems.append(f"{rec.id}: office of unknown {office['of']}")
            for key in ("start", "end"):
                value = office[key]
                if value is not None and not DATE_RE.match(value):
                    problems.append(f"{rec.id}: bad date {value}")
    if problems:
        raise SystemExit("\n".join(problems))


def attest(records: dict[str, Record], shared: Path) -> None:
    phoenix, petrarch, plover = attestation_sets(shared)
    for rec in records.values():
        if ":" not in rec.id and rec.id in plover:
            rec.sources.add("plover")
        if rec.type in ("PER", "ORG") and phoenix_key(rec.name) in phoenix:
            rec.sources.add("phoenix")
        if any(form in petrarch for form in (rec.name_ar, *rec.aliases) if " " in form):
            rec.sources.add("petrarch_ar")


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)

    rig3, rigc = rigour_index()
    cities = cldr_cities()
    records: dict[str, Record] = build_countries(rig3, rigc)
    others = build_places(rigc, cities) + build_orgs(rigc)
    others += merge_duplicates(build_people(), "people*.txt")
    others += build_state_bodies(records, others)
    for rec in others:
        if rec.id in records:
            raise SystemExit(f"duplicate id {rec.id}")
        records[rec.id] = rec
    validate(records)
    attest(records, args.shared)

    meta_src: dict[str, Any] = load_yaml("meta.yaml")
    args.out.mkdir(parents=True, exist_ok=True)
    lines = [
        json.dumps(records[k].to_json(), ensure_ascii=False, sort_keys=False)
        for k in sorted(records)
    ]
    (args.out / "entities.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = Counter(r.type for r in records.values())
    meta = {
        "data_as_of": str(meta_src["data_as_of"]),
        "entities": len(records),
        "countries": sum(1 for r in records.values() if ":" not in r.id),
        "by_type": dict(sorted(counts.items())),
        "offices": sum(len(r.offices) for r in records.values()),
        "focus_countries": sorted(meta_src["focus_countries"]),
        "sources": meta_src["sources"],
        "tools": {name: metadata.version(name) for name in ("babel", "pycountry", "rigour")},
    }
    (args.out / "meta.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    sys.stderr.write(f"wrote {len(records)} entities: {dict(counts)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
