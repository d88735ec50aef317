"""State bodies of the knowledge base, generated from ``kb_sources/state_bodies.yaml``.

Every state has a government, ministries, an army, a parliament...; news names them by a
common noun and the state's nisba (``وزارة الخارجية العراقية``, ``الجيش السوداني``) or its name
(``حكومة مالي``). The yaml file holds the kinds of body with their Arabic name templates and,
per country, the English names (Wikipedia titles) where they differ from the kind's default.
Build time only (``scripts/build_kb.py``).
"""

from __future__ import annotations

from typing import Any

from kb_records import Record, clean_ar, load_yaml, slugify

__all__ = ["build_state_bodies"]


def _nisba_stems(spec: dict[str, Any]) -> list[str]:
    """One-word masculine nisba stems in ``-ي`` of a country (countries.yaml ``nisba``)."""
    return [
        clean_ar(s) for s in spec.get("nisba") or () if " " not in s.strip() and s.endswith("ي")
    ]


def _expand(template: str, en: str, names: list[str], stems: list[str]) -> list[str]:
    out: list[str] = []
    if "{m}" in template or "{f}" in template:
        for stem in stems:
            out.append(template.replace("{m}", "ال" + stem).replace("{f}", "ال" + stem + "ة"))
    elif "{c}" in template:
        out.extend(template.replace("{c}", name) for name in names)
    else:
        out.append(template)
    return [clean_ar(f.replace("{en}", en)) for f in out]


def build_state_bodies(countries: dict[str, Record], others: list[Record]) -> list[Record]:
    """New ORG records for state bodies; Arabic names of bodies already in ``others`` (same
    English name) are added to those records instead."""
    spec: dict[str, Any] = load_yaml("state_bodies.yaml")
    cspec: dict[str, dict[str, Any]] = load_yaml("countries.yaml")
    kinds: dict[str, dict[str, Any]] = spec["kinds"]
    by_name = {r.name.lower(): r for r in others}
    ids = {r.id for r in others}
    used: dict[str, str] = {}
    for rec in [*countries.values(), *others]:
        for form in (rec.name_ar, *rec.aliases, *rec.nisba):
            used.setdefault(form, rec.id)
    listed: dict[str, dict[str, Any]] = spec.get("countries") or {}
    out: list[Record] = []
    for iso3 in sorted(countries):
        country = countries[iso3]
        stems = _nisba_stems(cspec.get(iso3) or {})
        own = listed.get(iso3)
        if own is None and not stems:
            continue
        own = own or {}
        wanted = list(spec["default_kinds"]) + [k for k in own if k not in spec["default_kinds"]]
        names = [country.name_ar, *country.aliases]
        for kind in wanted:
            entry = own.get(kind)
            if entry == "-":
                continue
            if isinstance(entry, dict):
                name, extra = entry.get("name"), list(entry.get("ar") or ())
            else:
                name, extra = entry, []
            kspec = kinds.get(kind, {})
            if isinstance(entry, dict) and "sector" in entry:
                kspec = {**kspec, "sector": entry["sector"]}
            if name is None:
                if "en" not in kspec:
                    raise SystemExit(f"state_bodies.yaml: {iso3} {kind}: no English name")
                name = str(kspec["en"]).replace("{en}", country.name)
            forms: list[str] = []
            for template in kspec.get("ar") or ():
                forms.extend(_expand(str(template), country.name, names, stems))
            forms.extend(clean_ar(f) for f in extra)
            target = by_name.get(str(name).lower())
            if target is None:
                target = Record(
                    id="org:" + slugify(str(name)),
                    name=str(name),
                    type="ORG",
                    country=iso3,
                    sector=kspec.get("sector"),
                    sources={"curated"},
                )
                if target.id in ids:
                    raise SystemExit(f"state_bodies.yaml: {iso3} {kind}: id {target.id} taken")
                ids.add(target.id)
                fresh = [f for f in forms if used.get(f, target.id) == target.id]
                if not fresh:
                    continue
                target.name_ar = fresh[0]
                target.add_alias(*fresh[1:])
                out.append(target)
                by_name[target.name.lower()] = target
            else:
                target.add_alias(*(f for f in forms if used.get(f, target.id) == target.id))
            for form in (target.name_ar, *target.aliases):
                used.setdefault(form, target.id)
    return out
