"""Extra gazetteer entries from the project knowledge base and CLDR (training time).

Types carry a ``k`` prefix (``kPERS``, ``kLOC``, ``kORG``, ``kMISC``) so the CRF
weighs them apart from ANERGazet; ``FIRST``/``LAST`` are first and last tokens
of knowledge-base person names. The entries are written into the shipped
``gazetteer.tsv``, so neither the knowledge base nor babel is needed at run time.
"""

from __future__ import annotations

from pathlib import Path

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
            out.extend(_with_name_parts(typ, entry))
    return out


_CURATED = Path(__file__).with_name("data") / "curated.txt"
_CURATED_TYPES = {"ORG": "kORG", "PERS": "kPERS", "MISC": "kMISC", "LOC": "kLOC"}


def curated_entries(path: Path = _CURATED) -> list[tuple[str, str]]:
    """The hand-curated names of ``data/curated.txt`` (companies, media, clubs,
    bodies, parties, events, products, well-known people), as ``k`` types;
    persons also give FIRST/LAST cues."""
    out: list[tuple[str, str]] = []
    typ = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            typ = _CURATED_TYPES[line.strip("[]").split()[0]]
            continue
        out.extend(_with_name_parts(typ, _words(line)))
    return out


def _with_name_parts(typ: str, entry: str) -> list[tuple[str, str]]:
    """The entry, and for a multi-word personal name its first and last words
    as FIRST / LAST cues (name particles such as عبد or بن excepted)."""
    out = [(typ, entry)]
    parts = entry.split()
    if typ in ("kPERS", "kPERSu") and len(parts) > 1:
        if parts[0] not in _PARTICLES:
            out.append(("FIRST", parts[0]))
        if parts[-1] not in _PARTICLES:
            out.append(("LAST", parts[-1]))
    return out


# Words that mark a UniversalPETRARCH actor entry as a title, body or group
# rather than a personal name (entries are lemmatised and ``_``-joined).
_NOT_NAME_TEXT = """
رئيس ملك أمير شيخ سفير وزير جنرال حركة جبهة تنظيم مجلس اتحاد جيش مؤتمر تحالف
عاصمة مسؤول حزب قوة منظمة وزارة أمين عام خارجية دفاع خادم حرمان شريف لواء عقيد
نائب قائد زعيم مرشد حكومة شرطة محكمة دولة ل جامعة بنك شركة لجنة هيئة مكتب سلطة
رابطة جمعية مركز معهد كتلة تيار ائتلاف مليشيا كتيبة سرايا رئاسة برلمان أمة متحدة
مفوض ممثل مبعوث مدير متحدث باسم إدارة حرس أمن مخابرات وكالة
"""
_NOT_NAME = frozenset(normalize(w) for w in _NOT_NAME_TEXT.split())


def petrarch_person_entries(data_dir: Path) -> list[tuple[str, str]]:
    """Personal names from the UniversalPETRARCH Arabic actor dictionary:
    entries with date-bounded codes, two to five words, none of them a title or
    organisation word. The list is noisy (lemmatised, some bodies and places
    slip through), so it gets its own type ``kPERSu`` for the CRF to weigh."""
    path = data_dir.parent / "universalpetrarch_arabic" / "actor_dict_ar_v4.txt"
    if not path.exists():
        return []
    out: list[tuple[str, str]] = []
    name = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if raw.startswith(("\t", " [")) or line.startswith("["):
            dated = any(ch.isdigit() for ch in line)
            if name and dated:
                parts = _words(name.replace("_", " ")).split()
                if 2 <= len(parts) <= 5 and not _NOT_NAME.intersection(parts):
                    out.extend(_with_name_parts("kPERSu", " ".join(parts)))
                name = ""
            continue
        name, _, codes = line.partition("[")
        name = name.strip()
        if codes:  # inline code: never dated in this file's person entries
            name = ""
    return sorted(set(out))


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
