"""Extra gazetteer entries from the project knowledge base and CLDR (training time).

Types carry a ``k`` prefix (``kPERS``, ``kLOC``, ``kORG``, ``kMISC``) so the CRF
weighs them apart from ANERGazet; ``FIRST``/``LAST`` are first and last tokens
of knowledge-base person names. The entries are written into the shipped
``gazetteer.tsv``, so neither the knowledge base nor babel is needed at run time.
"""

from __future__ import annotations

from rasad.ner.normalize import normalize
from rasad.ner.tokenize import token_strings

_KB_TYPES = {"PER": "kPERS", "GPE": "kLOC", "LOC": "kLOC", "ORG": "kORG", "MISC": "kMISC"}

# Hand-written MISC cues (ANERcorp tags religions, currencies, events as MISC).
_MISC = """
الإسلام
المسيحية
اليهودية
البوذية
الهندوسية
القرآن
الإنجيل
التوراة
دولار
يورو
درهم
دينار
جنيه
ريال
ليرة
شيكل
فرنك
روبل
ين
الحرب العالمية الأولى
الحرب العالمية الثانية
كأس العالم
الألعاب الأولمبية
المونديال
جائزة نوبل
الأوسكار
"""
# Name particles that are not useful as FIRST/LAST cues on their own.
_PARTICLE_TEXT = "عبد أبو أبي بن ابن آل أم بنت ال دي فون فان لا"
_PARTICLES = frozenset(normalize(w) for w in _PARTICLE_TEXT.split())


def _words(text: str) -> str:
    return " ".join(normalize(w) for w in token_strings(text))


def kb_entries() -> list[tuple[str, str]]:
    """``(type, normalised entry)`` pairs from ``rasad.kb`` (names, aliases)."""
    from rasad.kb import load_kb

    out: list[tuple[str, str]] = []
    for ent in load_kb():
        typ = _KB_TYPES.get(ent.type)
        if typ is None:
            continue
        for name in {ent.name_ar, *ent.aliases}:
            if not name:
                continue
            entry = _words(name)
            if sum(ch.isalpha() for ch in entry) < 2:
                continue
            out.append((typ, entry))
            parts = entry.split()
            if typ == "kPERS" and len(parts) > 1:
                if parts[0] not in _PARTICLES:
                    out.append(("FIRST", parts[0]))
                if parts[-1] not in _PARTICLES:
                    out.append(("LAST", parts[-1]))
    return out


def cldr_entries() -> list[tuple[str, str]]:
    """Territory names and time-zone exemplar cities (kLOC) and currency names
    (kMISC, also their first word) from CLDR via babel, plus hand-written MISC cues."""
    import babel

    loc = babel.Locale("ar")
    out: list[tuple[str, str]] = []
    for code, name in loc.territories.items():
        if not code.isdigit():  # skip regions such as 001 "العالم"
            out.append(("kLOC", _words(name)))
    for data in loc.time_zones.values():
        city = data.get("city")
        if isinstance(city, str):
            out.append(("kLOC", _words(city)))
    for name in loc.currencies.values():
        entry = _words(name.split("-")[0].split("(")[0])
        if entry:
            out.append(("kMISC", entry))
            out.append(("kMISC", entry.split()[0]))
    out.extend(("kMISC", _words(line)) for line in _MISC.strip().splitlines())
    return [(t, e) for t, e in out if sum(ch.isalpha() for ch in e) >= 2]
