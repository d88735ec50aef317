"""Tests of the shipped knowledge base and its loader (rasad.kb)."""

from __future__ import annotations

import json
import re
import time
from datetime import date
from pathlib import Path

import pytest

from rasad.kb import OFFICE_KINDS, Entity, KnowledgeBase, build_kb, load_kb, shipped_meta
from rasad.kb.loader import shipped_records

QID = re.compile(r"^Q[1-9]\d*$")
ISO3 = re.compile(r"^[A-Z]{3}$")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def must(base: KnowledgeBase, eid: str) -> Entity:
    ent = base.get(eid)
    assert ent is not None, eid
    return ent


def names(entities: list[Entity]) -> list[str]:
    return sorted(e.name for e in entities)


def test_load_time_under_one_second() -> None:
    start = time.perf_counter()
    fresh = build_kb(shipped_records())
    elapsed = time.perf_counter() - start
    assert len(fresh) > 500
    assert elapsed < 1.0, f"loading took {elapsed:.3f}s"


def test_load_kb_is_cached(kb: KnowledgeBase) -> None:
    assert load_kb() is kb


def test_ids_unique_and_sorted() -> None:
    ids = [r["id"] for r in shipped_records()]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)


def test_id_shapes_and_fields(kb: KnowledgeBase) -> None:
    prefixes = {"PER": "per:", "ORG": "org:", "GPE": "gpe:", "LOC": "loc:", "MISC": "misc:"}
    for ent in kb:
        if ent.is_country:
            assert ISO3.match(ent.id)
            assert ent.country == ent.id
        else:
            assert ent.id.startswith(prefixes[ent.type]), ent.id
        assert ent.name, ent.id
        assert ent.name_ar, ent.id
        assert ent.sources, ent.id
        if ent.country is not None:
            assert kb.get(ent.country) is not None, ent.id
        if ent.capital is not None:
            assert kb.get(ent.capital) is not None, ent.id
        for form in ent.aliases:
            assert form, ent.id
            assert form == form.strip(), ent.id
        for term in ent.offices:
            assert term.office in OFFICE_KINDS
            assert term.end is None or term.start <= term.end, ent.id


def test_every_iso_country_present(kb: KnowledgeBase) -> None:
    pycountry = pytest.importorskip("pycountry")
    for country in pycountry.countries:
        ent = kb.get(country.alpha_3)
        assert ent is not None, country.alpha_3
        assert ent.type == "GPE"
        assert ent.name_ar
    for extra in ("XKX", "SUN", "PSE", "YUG"):
        assert kb.get(extra) is not None, extra


def test_canonical_country_names(kb: KnowledgeBase) -> None:
    expected = {
        "TUR": "Turkey",
        "RUS": "Russia",
        "USA": "United States",
        "GBR": "United Kingdom",
        "IRN": "Iran",
        "SYR": "Syria",
        "KOR": "South Korea",
        "SUN": "Soviet Union",
    }
    for iso3, name in expected.items():
        assert must(kb, iso3).name == name


def test_focus_countries_have_nisba_and_capital(kb: KnowledgeBase) -> None:
    focus = shipped_meta()["focus_countries"]
    assert len(focus) >= 60
    for iso3 in focus:
        ent = kb.get(iso3)
        assert ent is not None, iso3
        assert ent.nisba, iso3
        assert ent.capital is not None, iso3


def test_nisba_forms(kb: KnowledgeBase) -> None:
    tur = set(must(kb, "TUR").nisba)
    assert {
        "التركي",
        "التركية",
        "تركي",
        "تركية",
        "الأتراك",
        "أتراك",
        "التركيين",
        "التركيتين",
        "التركيان",
    } <= tur
    rus = set(must(kb, "RUS").nisba)
    assert {"الروسي", "الروسية", "روسي", "روسية", "الروس", "الروسيين"} <= rus
    usa = set(must(kb, "USA").nisba)
    assert {"الأمريكي", "الأميركي", "الأمريكية", "الأميركية", "الأمريكيين"} <= usa


def test_country_spellings(kb: KnowledgeBase) -> None:
    def forms(iso3: str) -> set[str]:
        return set(must(kb, iso3).surface_forms())

    assert {"كازاخستان", "كازخستان"} <= forms("KAZ")
    assert {"قيرغيزستان", "قرغيزستان", "قيرغيزيا"} <= forms("KGZ")
    assert {"أوزبكستان", "اوزبكستان"} <= forms("UZB")
    assert {"الولايات المتحدة", "أمريكا", "أميركا", "الولايات المتحدة الأمريكية"} <= forms("USA")
    assert {"روسيا", "روسيا الاتحادية"} <= forms("RUS")
    assert "الاتحاد السوفياتي" in forms("SUN")


def test_places_and_orgs(kb: KnowledgeBase) -> None:
    for pid, country in [
        ("gpe:sochi", "RUS"),
        ("gpe:almaty", "KAZ"),
        ("gpe:kyiv", "UKR"),
        ("gpe:ankara", "TUR"),
        ("loc:donbas", "UKR"),
        ("loc:nagorno-karabakh", "AZE"),
        ("loc:idlib-governorate", "SYR"),
    ]:
        ent = kb.get(pid)
        assert ent is not None, pid
        assert ent.country == country, pid
    assert must(kb, "loc:caucasus").country is None
    nato = kb.by_code("NATO")
    assert [e.id for e in nato] == ["org:nato"]
    assert nato[0].country is None
    assert "الناتو" in nato[0].aliases
    assert must(kb, "org:kurdistan-workers-party").country == "TUR"
    assert must(kb, "org:islamic-state").country is None
    assert must(kb, "org:moscow-kremlin").name == "Moscow Kremlin"
    assert must(kb, "org:anadolu-agency").country == "TUR"


@pytest.mark.parametrize(
    ("office", "of", "on", "expected"),
    [
        ("foreign_minister", "TUR", date(2015, 10, 1), "Feridun Sinirlioğlu"),
        ("foreign_minister", "TUR", date(2014, 12, 1), "Mevlüt Çavuşoğlu"),
        ("foreign_minister", "TUR", date(2020, 1, 1), "Mevlüt Çavuşoğlu"),
        ("foreign_minister", "TUR", date(2024, 1, 1), "Hakan Fidan"),
        ("foreign_minister", "TUR", date(2012, 1, 1), "Ahmet Davutoğlu"),
        ("head_of_state", "RUS", date(2010, 1, 1), "Dmitry Medvedev"),
        ("head_of_state", "RUS", date(2022, 3, 1), "Vladimir Putin"),
        ("foreign_minister", "RUS", date(2022, 3, 1), "Sergey Lavrov"),
        ("presidential_spokesperson", "RUS", date(2021, 1, 1), "Dmitry Peskov"),
        ("foreign_ministry_spokesperson", "RUS", date(2021, 1, 1), "Maria Zakharova"),
        ("head_of_state", "TUR", date(2016, 1, 1), "Recep Tayyip Erdoğan"),
        ("head_of_government", "TUR", date(2016, 1, 1), "Ahmet Davutoğlu"),
        ("secretary_general", "NATO", date(2020, 1, 1), "Jens Stoltenberg"),
        ("secretary_general", "UN", date(2020, 1, 1), "António Guterres"),
        ("foreign_ministry_spokesperson", "USA", date(2022, 1, 1), "Ned Price"),
        ("foreign_minister", "KAZ", date(2025, 9, 25), "Murat Nurtleu"),
        ("foreign_minister", "KAZ", date(2025, 9, 26), "Yermek Kosherbayev"),
        ("head_of_government", "BLR", date(2025, 6, 1), "Alexander Turchin"),
        ("foreign_minister", "UZB", date(2024, 1, 1), "Bakhtiyor Saidov"),
        ("secretary_general", "CSTO", date(2025, 6, 1), "Imangali Tasmagambetov"),
        ("secretary_general", "CSTO", date(2026, 2, 1), "Taalatbek Masadykov"),
    ],
)
def test_holders(kb: KnowledgeBase, office: str, of: str, on: date, expected: str) -> None:
    assert names(kb.holders(office, of, on)) == [expected]


def test_holders_handover_day_is_exclusive(kb: KnowledgeBase) -> None:
    assert names(kb.holders("foreign_minister", "TUR", date(2015, 8, 28))) == [
        "Feridun Sinirlioğlu"
    ]


def test_no_overlapping_terms_for_single_holder_offices(kb: KnowledgeBase) -> None:
    """Offices with one holder at a time never have two people on any term start."""
    single = {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "secretary_general",
        "commission_president",
        "council_president",
        "high_representative",
    }
    checked = 0
    for ent in kb:
        for term in ent.offices:
            if term.office in single:
                held = kb.holders(term.office, term.of, term.start)
                assert [e.id for e in held] == [ent.id], (ent.id, term)
                checked += 1
    assert checked > 100


def test_people_focus(kb: KnowledgeBase) -> None:
    ocalan = must(kb, "per:abdullah-ocalan")
    assert ocalan is not None
    assert ocalan.country == "TUR"
    assert ocalan.offices == ()
    erdogan = must(kb, "per:recep-tayyip-erdogan")
    assert {"أردوغان", "إردوغان", "اردوغان"} <= set(erdogan.surface_forms())
    lavrov = must(kb, "per:sergey-lavrov")
    assert {"سيرغي لافروف", "سيرجي لافروف", "لافروف"} <= set(lavrov.surface_forms())


def test_override_file(tmp_path: Path) -> None:
    extra = tmp_path / "extra.jsonl"
    records = [
        {"id": "per:sergey-lavrov", "aliases": ["لافروڤ"], "sector": "DIP"},
        {
            "id": "per:test-person",
            "name": "Test Person",
            "name_ar": "شخص تجريبي",
            "type": "PER",
            "country": "TUR",
            "offices": [
                {"office": "foreign_minister", "of": "XXX", "start": "2030-01-01", "end": None}
            ],
        },
    ]
    extra.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8"
    )
    custom = load_kb(extra)
    assert custom is not load_kb()
    lavrov = must(custom, "per:sergey-lavrov")
    assert "لافروڤ" in lavrov.aliases
    assert "لافروف" in lavrov.aliases
    assert lavrov.sector == "DIP"
    assert lavrov.name == "Sergey Lavrov"
    assert names(custom.holders("foreign_minister", "XXX", date(2031, 1, 1))) == ["Test Person"]
    assert load_kb().get("per:test-person") is None


def test_override_file_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "name": "X", "type": "BAD"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown entity type"):
        load_kb(bad)
    bad.write_text("not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match="invalid JSON"):
        load_kb(bad)


def test_wikidata_ids_only_from_sources(kb: KnowledgeBase) -> None:
    """A QID is allowed only where rigour (the only QID source) is named as a source."""
    with_qid = [e for e in kb if e.wikidata is not None]
    assert len(with_qid) > 200
    for ent in with_qid:
        assert QID.match(ent.wikidata or ""), ent.id
        assert "rigour" in ent.sources, ent.id
    assert must(kb, "TUR").wikidata == "Q43"
    assert all(e.wikidata is None for e in kb if e.type == "PER")


def test_wikidata_ids_exist_in_rigour(kb: KnowledgeBase) -> None:
    territories = pytest.importorskip("rigour.territories")
    known = {t.qid for t in territories.get_territories()}
    for ent in kb:
        if ent.wikidata is not None:
            assert ent.wikidata in known, ent.id


def test_meta_counts(kb: KnowledgeBase) -> None:
    meta = shipped_meta()
    assert meta["entities"] == len(kb)
    assert meta["countries"] == len(kb.countries())
    assert set(meta["sources"]) >= {"cldr", "rigour", "curated"}


def test_common_spellings_of_central_asian_and_caucasus_capitals(kb: KnowledgeBase) -> None:
    # spellings met in news pages: "بيشكيك" is as common as CLDR's "بشكيك"
    for eid, spelling in (("gpe:bishkek", "بيشكيك"), ("gpe:tbilisi", "تفليس"),
                          ("gpe:tashkent", "تاشكند")):
        ent = kb.get(eid)
        assert ent is not None, eid
        assert spelling in ent.aliases, eid


def test_common_spellings_of_central_asian_leaders_and_blocs(kb: KnowledgeBase) -> None:
    # spellings met in news pages that the fuzzy variant match does not reach
    for eid, spelling in (("per:emomali-rahmon", "إمام علي رحمان"),
                          ("per:emomali-rahmon", "رحمونوف"),
                          ("per:sooronbay-jeenbekov", "سوورونباي جيينبيكوف"),
                          ("per:kassym-jomart-tokayev", "توقاييف"),
                          ("org:csto", "منظمة الأمن الجماعي"),
                          ("org:organization-of-turkic-states",
                           "مجلس تعاون الدول الناطقة بالتركية")):
        ent = kb.get(eid)
        assert ent is not None, eid
        assert spelling in ent.surface_forms(), (eid, spelling)
