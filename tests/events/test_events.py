"""Event extraction: triggers, flags, argument attachment, merging, intensity, the stages.

The documents are built with a tiny stub linker (surface → entity), so these tests do not
depend on the knowledge base; the sentences are written for these tests.
"""

from __future__ import annotations

import dataclasses

import pytest
from stub_linker import link_stub

from rasad.arabic import fold
from rasad.doc import Doc, DocEntity, Event, Mention
from rasad.events import plover
from rasad.events.extractor import detect_types, extract_events
from rasad.events.lexicon import load_lexicon, tokenize
from rasad.events.merge import merge_events
from rasad.stages.events import EventExtractor, EventMerger

# surface -> (entity id, name, type, country)
_STUB: dict[str, tuple[str, str, str, str | None]] = {
    "بوتين": ("per:putin", "Vladimir Putin", "PER", "RUS"),
    "أردوغان": ("per:erdogan", "Recep Tayyip Erdoğan", "PER", "TUR"),
    "لافروف": ("per:lavrov", "Sergey Lavrov", "PER", "RUS"),
    "جاويش أوغلو": ("per:cavusoglu", "Mevlüt Çavuşoğlu", "PER", "TUR"),
    "بلينكن": ("per:blinken", "Antony Blinken", "PER", "USA"),
    "ماكرون": ("per:macron", "Emmanuel Macron", "PER", "FRA"),
    "الروسي": ("gpe:RUS", "Russia", "GPE", "RUS"),
    "التركي": ("gpe:TUR", "Turkey", "GPE", "TUR"),
    "الفرنسي": ("gpe:FRA", "France", "GPE", "FRA"),
    "روسيا": ("gpe:RUS", "Russia", "GPE", "RUS"),
    "تركيا": ("gpe:TUR", "Turkey", "GPE", "TUR"),
    "أوكرانيا": ("gpe:UKR", "Ukraine", "GPE", "UKR"),
    "إيران": ("gpe:IRN", "Iran", "GPE", "IRN"),
    "موسكو": ("gpe:moscow", "Moscow", "GPE", "RUS"),
    "أنقرة": ("gpe:ankara", "Ankara", "GPE", "TUR"),
    "سوتشي": ("gpe:sochi", "Sochi", "GPE", "RUS"),
    "طهران": ("gpe:tehran", "Tehran", "GPE", "IRN"),
    "الناتو": ("org:nato", "NATO", "ORG", None),
    "وكالة الأنباء": ("org:agency", "News Agency", "ORG", "TUR"),
    "الأرمينية": ("gpe:ARM", "Armenia", "GPE", "ARM"),
    "التركية": ("gpe:TUR", "Turkey", "GPE", "TUR"),
    "تركية": ("gpe:TUR", "Turkey", "GPE", "TUR"),
    "الأذربيجانية": ("gpe:AZE", "Azerbaijan", "GPE", "AZE"),
    "الإيراني": ("gpe:IRN", "Iran", "GPE", "IRN"),
    "الأمريكية": ("gpe:USA", "United States", "GPE", "USA"),
    "الأمريكيين": ("gpe:USA", "United States", "GPE", "USA"),
    "نظيره الإيراني": ("per:araghchi", "Abbas Araghchi", "PER", "IRN"),
    "باكو": ("gpe:baku", "Baku", "GPE", "AZE"),
    "أنطاليا": ("gpe:antalya", "Antalya", "GPE", "TUR"),
    "بغداد": ("gpe:baghdad", "Baghdad", "GPE", "IRQ"),
    "كورسك": ("gpe:kursk", "Kursk", "GPE", "RUS"),
    "أتراك": ("gpe:TUR", "Turkey", "GPE", "TUR"),
    "سوريا": ("gpe:SYR", "Syria", "GPE", "SYR"),
    "السعودية": ("gpe:SAU", "Saudi Arabia", "GPE", "SAU"),
    "غوتيريش": ("per:guterres", "António Guterres", "PER", "PRT"),
    "السفير المجري": ("per:hu-ambassador", "Ambassador of Hungary", "PER", "HUN"),
}


def _link(doc: Doc) -> None:
    link_stub(doc, _STUB)


def make_doc(text: str, *, published: str | None = "2022-01-06", outlet: str = "site",
             cluster: str | None = None) -> Doc:
    doc = Doc(source=f"test:{abs(hash(text))}", published=published, outlet=outlet,
              cluster=cluster)
    doc.set_text(text)
    _link(doc)
    return doc


def events_of(text: str, **kwargs: str | None) -> list[Event]:
    return extract_events(make_doc(text, **kwargs))  # type: ignore[arg-type]


def dyad(event: Event) -> frozenset[frozenset[str]]:
    return frozenset({frozenset(event.source.countries), frozenset(event.target.countries)})


RT = frozenset({frozenset({"RUS"}), frozenset({"TUR"})})


# --- lexicon -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("word", "etype", "number"),
    [
        ("التقى", "CONSULT", "sg"), ("يلتقي", "CONSULT", "sg"), ("التقت", "CONSULT", "sg"),
        ("التقيا", "CONSULT", "dual"), ("التقوا", "CONSULT", "pl"), ("وسيلتقي", "CONSULT", "sg"),
        ("بحث", "CONSULT", "sg"), ("بحثا", "CONSULT", "dual"), ("بحثت", "CONSULT", "sg"),
        ("ويبحث", "CONSULT", "sg"), ("ناقشا", "CONSULT", "dual"), ("فناقش", "CONSULT", "sg"),
        ("يناقشان", "CONSULT", "dual"), ("استقبله", "CONSULT", "sg"), ("اتفقا", "AGREE", "dual"),
        ("وتعهدت", "AGREE", "sg"), ("انتقد", "ACCUSE", "sg"), ("ويتهم", "ACCUSE", "sg"),
        ("طالبوا", "REQUEST", "pl"), ("دعا", "REQUEST", "sg"), ("يدعوان", "REQUEST", "dual"),
        ("حذرت", "THREATEN", "sg"), ("هددوا", "THREATEN", "pl"), ("رفضت", "REJECT", "sg"),
        ("قصفت", "ASSAULT", "sg"), ("تظاهروا", "PROTEST", "pl"), ("استقال", "RETREAT", "sg"),
        ("انسحبت", "RETREAT", "sg"),
    ],
)
def test_events_lexicon_verb_conjugations(word: str, etype: str, number: str) -> None:
    hits = load_lexicon().match(tokenize(fold(word)))
    assert [h.entry.type for h in hits] == [etype]
    assert hits[0].form.number == number


@pytest.mark.parametrize(
    ("phrase", "etype", "mode"),
    [
        ("أجرى اتصالاً هاتفياً", "CONSULT", "phone"),
        ("خلال مكالمة هاتفية", "CONSULT", "phone"),
        ("في اتصال هاتفي", "CONSULT", "phone"),
        ("بحث هاتفيا", "CONSULT", "phone"),
        ("وزيارته", "CONSULT", "visit"),
        ("للاجتماع", "CONSULT", "meet"),
        ("القمة", "CONSULT", "multilateral"),
        ("وقف إطلاق النار", "RETREAT", "ceasefire"),
        ("استقالتها", "RETREAT", "resign"),
        ("فرض عقوبات", "SANCTION", None),
        ("والاحتجاجات", "PROTEST", "demo"),
        ("إضراب", "PROTEST", "strike"),
        ("غارة", "ASSAULT", "aerial"),
        ("اشتباكات", "ASSAULT", "firearms"),
        ("أفرجت عن", "RETREAT", "release"),
        ("أرسلت قوات", "MOBILIZE", "troops"),
        ("وقّع اتفاقاً", "AGREE", None),  # signing is AGREE (PLOVER; the gold sets)
    ],
)
def test_events_lexicon_nouns_and_multiword(phrase: str, etype: str, mode: str | None) -> None:
    hits = [h for h in load_lexicon().match(tokenize(fold(phrase)))
            if not h.entry.type.startswith("_")]
    assert [(h.entry.type, h.entry.mode) for h in hits] == [(etype, mode)]


def test_events_lexicon_search_is_not_discussion() -> None:
    assert load_lexicon().match(tokenize(fold("يبحث عن حل"))) == []


# --- arguments -----------------------------------------------------------------------------

def test_events_dual_verb_with_coordinated_subject() -> None:
    events = events_of("الرئيس بوتين ونظيره التركي أردوغان بحثا هاتفيا الوضع في أوكرانيا.")
    consult = [e for e in events if e.type == "CONSULT"]
    assert len(consult) == 1
    assert dyad(consult[0]) == RT
    assert consult[0].mode == "phone"
    assert consult[0].place == "Ukraine"


def test_events_counterpart_after_ma3() -> None:
    events = events_of("التقى جاويش أوغلو مع نظيره الروسي في مدينة سوتشي اليوم.")
    assert [(e.type, e.source.countries, e.target.countries) for e in events] == [
        ("CONSULT", ["TUR"], ["RUS"])]
    assert events[0].place == "Sochi"
    assert events[0].date == "2022-01-06"
    assert events[0].date_text == "اليوم"


def test_events_bayn_after_noun() -> None:
    events = events_of("وجاء ذلك خلال اتصال هاتفي بين بوتين وأردوغان الأحد.")
    assert len(events) == 1
    assert events[0].mode == "phone"
    assert dyad(events[0]) == RT
    assert events[0].date == "2022-01-02"


def test_events_vso_directed_with_target() -> None:
    events = events_of("وانتقد بوتين الشهر الماضي أوكرانيا بسبب الهجمات على المدنيين.")
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert [(e.source.countries, e.target.countries) for e in accuse] == [(["RUS"], ["UKR"])]
    assert accuse[0].date == "2021-12"
    assert accuse[0].quad == "verbal conflict"


def test_events_anaphoric_sides() -> None:
    text = ("التقى بوتين مع أردوغان في سوتشي أمس.\n"
            "وقال المتحدث إن الجانبين اتفقا على مواصلة الحوار.")
    events = events_of(text)
    agree = [e for e in events if e.type == "AGREE"]
    assert len(agree) == 1
    assert dyad(agree[0]) == RT


def test_events_attribution_gives_reporter_and_source() -> None:
    events = events_of("وقال جاويش أوغلو إنهم طالبوا روسيا بوقف الهجمات.")
    request = [e for e in events if e.type == "REQUEST"]
    assert len(request) == 1
    assert request[0].source.countries == ["TUR"]
    assert request[0].target.countries == ["RUS"]
    assert request[0].reported_by == "per:cavusoglu"


def test_events_international_body_code() -> None:
    events = events_of("وتطالب روسيا الناتو بتقديم ضمانات أمنية.")
    assert [(e.type, e.source.countries, e.target.countries) for e in events] == [
        ("REQUEST", ["RUS"], ["NATO"])]


def test_events_unary_protest_takes_place_country() -> None:
    events = events_of("اندلعت احتجاجات واسعة في طهران على ارتفاع الأسعار.")
    assert [(e.type, e.mode, e.source.countries, e.target.countries) for e in events] == [
        ("PROTEST", "demo", ["IRN"], ["IRN"])]
    assert events[0].quad == "material conflict"


# --- flags ---------------------------------------------------------------------------------

def test_events_negation_is_flagged_not_dropped() -> None:
    events = events_of("ولم يلتق بوتين مع أردوغان خلال القمة.")
    consult = [e for e in events if e.type == "CONSULT" and e.mode != "multilateral"]
    assert consult
    assert consult[0].negated


def test_events_future_and_planned_intent() -> None:
    future = events_of("وسيلتقي بوتين مع أردوغان الخميس.")
    assert future[0].intent == "future"
    assert future[0].date == "2022-01-06"
    planned = events_of("ويعتزم ماكرون زيارة روسيا الشهر المقبل.")
    assert [(e.type, e.intent) for e in planned] == [("CONSULT", "planned")]
    assert planned[0].source.countries == ["FRA"]
    assert planned[0].target.countries == ["RUS"]


def test_events_no_publication_date_keeps_date_text() -> None:
    events = events_of("التقى بوتين مع أردوغان أمس.", published=None)
    assert events[0].date is None
    assert events[0].date_text == "أمس"


# --- merging -------------------------------------------------------------------------------

CALL_STORY = (
    "أجرى بوتين اتصالا هاتفيا مع أردوغان اليوم.\n"
    "وذكرت وكالة الأنباء أن بوتين وأردوغان بحثا هاتفيا العلاقات.\n"
    "وأضافت أن الرئيسين ناقشا خلال الاتصال الهاتفي الوضع في أوكرانيا.\n"
)


def test_events_within_doc_merge_of_repeated_reports() -> None:
    doc = make_doc(CALL_STORY)
    events = extract_events(doc)
    consult = [e for e in events if e.type == "CONSULT"]
    assert len(consult) == 1
    assert len(consult[0].evidence) == 3
    for start, end in consult[0].evidence:
        assert 0 <= start < end <= len(doc.text)


def test_events_call_and_meeting_stay_apart() -> None:
    text = ("أجرى بوتين اتصالا هاتفيا مع أردوغان اليوم.\n"
            "وكان الرئيسان قد عقدا لقاء في سوتشي أمس.\n")
    consult = [e for e in events_of(text) if e.type == "CONSULT"]
    assert sorted((e.mode or "", e.date or "") for e in consult) == [
        ("meet", "2022-01-05"), ("phone", "2022-01-06")]


def test_events_ids_are_stable() -> None:
    first = [e.id for e in extract_events(make_doc(CALL_STORY))]
    second = [e.id for e in extract_events(make_doc(CALL_STORY))]
    assert first == second
    assert len(set(first)) == len(first)


def test_events_cluster_merge_counts_and_reciprocals() -> None:
    docs = [
        make_doc(CALL_STORY, outlet="a", cluster="c1"),
        make_doc("أجرى أردوغان اتصالا هاتفيا مع بوتين اليوم.", outlet="b", cluster="c1"),
        make_doc("بحث أردوغان هاتفيا مع بوتين اليوم الأزمة.", outlet="b", cluster="c1"),
    ]
    for doc in docs:
        doc.events = extract_events(doc)
    merged = [e for e in merge_events(docs) if e.type == "CONSULT"]
    assert len(merged) == 1  # A->B and B->A are one call
    assert merged[0].counts == {"mentions": 5, "articles": 3, "outlets": 2}
    stage = EventMerger()
    list(stage(docs))
    assert all(e.counts["articles"] == 3 for d in docs for e in d.events if e.type == "CONSULT")
    assert "c1" in stage.cluster_events


def test_events_intensity_and_quad_on_every_event() -> None:
    text = CALL_STORY + "وقصفت روسيا مواقع في أوكرانيا أمس.\n"
    events = events_of(text)
    assert {e.type for e in events} >= {"CONSULT", "ASSAULT"}
    for event in events:
        assert event.quad == plover.QUADS[event.type]
        assert event.intensity is not None
        assert -10 <= event.intensity <= 10
    assault = next(e for e in events if e.type == "ASSAULT")
    assert assault.intensity is not None
    assert assault.intensity < -8


def test_events_plover_tables_cover_all_types() -> None:
    assert len(plover.TYPES) == 16
    assert set(plover.MODES) == set(plover.TYPES)
    for etype in plover.TYPES:
        assert -10 <= plover.intensity(etype) <= 10
    assert plover.intensity("ASSAULT", negated=True) > plover.intensity("ASSAULT")


# --- sentence detection and the stage --------------------------------------------------------

def test_events_detect_types_needs_an_occurrence() -> None:
    assert detect_types("وقتل ثلاثة أشخاص في هجوم انتحاري استهدف سوقا شعبية") == {"ASSAULT"}
    assert "ASSAULT" not in detect_types("ناقش البرلمان ملف الاغتيالات السياسية")
    assert "PROTEST" in detect_types("وخرج الآلاف في مظاهرات حاشدة ضد الحكومة")


def test_events_stage_assigns_events() -> None:
    stage = EventExtractor()
    assert stage.name == "events.rules.v1"
    assert "doc.mentions" in stage.requires
    doc = make_doc(CALL_STORY)
    out = list(stage([doc]))
    assert out[0].events
    assert out[0].events[0].type == "CONSULT"
    import pickle

    clone = pickle.loads(pickle.dumps(stage))
    assert clone.name == stage.name


# --- general rules found on the sample pages (sentences written for these tests) -----------

def test_events_ministry_is_not_a_visit() -> None:
    """وزارة is the ministry, not و + زاره ("and he visited him")."""
    hits = load_lexicon().match(tokenize(fold("أعلنت وزارة الخارجية ووزارة الدفاع")))
    assert all(h.entry.type != "CONSULT" for h in hits)


def test_events_ceasefire_is_not_shooting() -> None:
    hits = load_lexicon().match(tokenize(fold("دعا إلى وقف فوري لإطلاق النار")))
    assert "ASSAULT" not in {h.entry.type for h in hits}
    hits = load_lexicon().match(tokenize(fold("تبادل الجانبان إطلاق النار")))
    assert "ASSAULT" in {h.entry.type for h in hits}


def test_events_verb_gender_is_recorded() -> None:
    (hit,) = load_lexicon().match(tokenize(fold("طالبت")))
    assert hit.form.fem
    (hit,) = load_lexicon().match(tokenize(fold("طالب")))
    assert not hit.form.fem


def test_events_nisba_after_noun_and_adjective_is_an_actor() -> None:
    """"القوات المسلحة الأرمينية": the nisba qualifies القوات across one adjective."""
    evs = events_of("اتهمت وزارة الدفاع الأذربيجانية القوات المسلحة الأرمينية بخرق الهدنة.")
    acc = [e for e in evs if e.type == "ACCUSE"]
    assert acc
    assert acc[0].source.countries == ["AZE"]
    assert acc[0].target.countries == ["ARM"]


def test_events_counterpart_inside_the_mention() -> None:
    """"اتصالا هاتفيا بنظيره الإيراني": نظيره is inside the linked span, the call has two
    sides."""
    evs = events_of("وأجرى لافروف أمس اتصالا هاتفيا بنظيره الإيراني.")
    phone = [e for e in evs if e.type == "CONSULT"]
    assert phone
    assert dyad(phone[0]) == frozenset({frozenset({"RUS"}), frozenset({"IRN"})})
    assert phone[0].mode == "phone"


def test_events_received_call_from() -> None:
    evs = events_of("تلقى بوتين اليوم اتصالا هاتفيا من أردوغان.")
    assert [(e.type, e.mode, dyad(e)) for e in evs] == [("CONSULT", "phone", RT)]


def test_events_masculine_verb_does_not_take_a_city_as_subject() -> None:
    """"وطالب باكو بـ..." is "he asked Baku"; Baku asking would be "وطالبت باكو"."""
    evs = events_of("وقال لافروف إن موسكو مستعدة للمساعدة، وطالب باكو بضبط النفس.")
    req = [e for e in evs if e.type == "REQUEST"]
    assert req
    assert req[0].source.countries == ["RUS"]
    assert req[0].target.countries == ["AZE"]
    evs = events_of("وطالبت باكو أنقرة بتوضيح موقفها.")
    req = [e for e in evs if e.type == "REQUEST"]
    assert req
    assert req[0].source.countries == ["AZE"]
    assert req[0].target.countries == ["TUR"]


def test_events_dual_anaphor_as_object() -> None:
    """"دعا الوزير الجانبين": the pair of sides of the last meeting, less the caller."""
    text = "التقى بوتين وأردوغان في سوتشي. ودعا بلينكن الجانبين إلى الحوار."
    req = [e for e in events_of(text) if e.type == "REQUEST"]
    assert req
    assert req[0].source.countries == ["USA"]
    assert set(req[0].target.countries) == {"RUS", "TUR"}


def test_events_continued_subject_after_comma() -> None:
    """A verb joined by و after a comma keeps the sentence's subject; what follows it with
    its بـ complement is the object, and the object of the first verb goes on."""
    text = "ورفضت الخارجية الأمريكية القرار، وطالبت تركيا بالتراجع عنه، ولوحت بفرض قيود."
    evs = events_of(text)
    req = [e for e in evs if e.type == "REQUEST"]
    assert req
    assert req[0].source.countries == ["USA"]
    assert req[0].target.countries == ["TUR"]
    thr = [e for e in evs if e.type == "THREATEN"]
    assert thr
    assert thr[0].source.countries == ["USA"]
    assert thr[0].target.countries == ["TUR"]


def test_events_planned_visit_and_past_meeting_are_two_occasions() -> None:
    text = ("ومن المقرر أن يزور بوتين أنقرة الشهر المقبل. "
            "وكان بوتين وأردوغان قد التقيا في سوتشي الشهر الماضي.")
    consult = [e for e in events_of(text) if e.type == "CONSULT"]
    assert sorted((e.mode, e.intent) for e in consult) == [("meet", None),
                                                          ("visit", "planned")]


def test_events_nobody_visits_their_own_country() -> None:
    """"دعوة وجهها أردوغان لزيارة تركيا": the visitor is the one invited."""
    evs = events_of("قبل بوتين دعوة وجهها أردوغان لزيارة تركيا.")
    visit = [e for e in evs if e.mode == "visit"]
    assert visit
    assert visit[0].source.countries == ["RUS"]
    assert visit[0].target.countries == ["TUR"]


def test_events_meeting_named_by_its_city_is_a_back_reference() -> None:
    evs = events_of("وقال لافروف إن اجتماع أنطاليا كان مفيدا.")
    assert not [e for e in evs if e.type == "CONSULT"]


def test_events_topic_nouns_and_summit_venues_are_not_events() -> None:
    assert not events_of("وشرح بوتين لأردوغان سير المفاوضات مع إيران.")
    evs = events_of("والتقى بوتين أردوغان على هامش قمة في طهران.")
    assert [e.mode for e in evs if e.type == "CONSULT"] == ["meet"]


def test_events_possible_meeting_and_offer_are_hypothetical() -> None:
    evs = events_of("وتحدثت تقارير عن لقاء محتمل بين بوتين وأردوغان.")
    assert [e.intent for e in evs] == ["hypothetical"]
    evs = events_of("وجدد أردوغان استعداد أنقرة لاستضافة جولة من المفاوضات بين روسيا وأوكرانيا.")
    assert all(e.intent == "hypothetical" for e in evs if e.type == "CONSULT")


def test_events_past_verb_after_preposition_is_a_noun() -> None:
    """"في قصف نفذته طائرة تركية على ... بغداد": the noun, with its agent after نفذته."""
    evs = events_of("قتل مدنيان أمس في قصف نفذته طائرة تركية على سيارة قرب بغداد.")
    ass = [e for e in evs if e.type == "ASSAULT"]
    assert ass
    assert ass[0].source.countries == ["TUR"]
    assert ass[0].target.countries == ["IRQ"]


def test_events_summons_and_protest_note_are_accusations() -> None:
    text = "استدعت وزارة الخارجية التركية السفير الإيراني وسلمته مذكرة احتجاج."
    acc = [e for e in events_of(text) if e.type == "ACCUSE"]
    assert acc
    assert acc[0].source.countries == ["TUR"]
    assert acc[0].target.countries == ["IRN"]
    assert not [e for e in events_of(text) if e.type == "PROTEST"]


def test_events_proposal_to_counterpart_is_a_request() -> None:
    evs = events_of("وقال أردوغان إنه اقترح على نظيره الإيراني عقد جولة جديدة.")
    req = [e for e in evs if e.type == "REQUEST"]
    assert req
    assert req[0].source.countries == ["TUR"]
    assert req[0].target.countries == ["IRN"]


def test_events_domestic_opposition_as_target() -> None:
    evs = events_of("واتهم أردوغان أحزاب المعارضة بالتحريض على العنف.")
    acc = [e for e in evs if e.type == "ACCUSE"]
    assert acc
    assert acc[0].source.countries == ["TUR"]
    assert acc[0].target.countries == ["TUR"]


def test_events_authority_announcing_its_own_strike() -> None:
    text = "أعلنت وزارة الدفاع التركية تحييد 5 مسلحين من حزب في غارات على بغداد."
    ass = [e for e in events_of(text) if e.type == "ASSAULT"]
    assert ass
    assert ass[0].source.countries == ["TUR"]


def test_events_directed_verb_object_has_a_reach() -> None:
    """"أشاد X بـ... واقترح ... بالتنسيق مع Y" : Y far away is not the object."""
    text = ("أشاد أردوغان بما وصفه بالمستوى الممتاز للعلاقات الثنائية في كل المجالات "
            "الاقتصادية والتجارية والثقافية والعلمية، واقترح لجنة بالتنسيق مع إيران.")
    assert not [e for e in events_of(text) if e.type == "SUPPORT"]


# --- misreadings found on pages written for probing (2026-11-23) -----------------------------

def test_events_region_named_muqataa_is_not_a_boycott() -> None:
    # "مقاطعة" before a region's name is the region, not a boycott; before a country it is one
    evs = events_of("قصفت أوكرانيا مواقع عسكرية في مقاطعة كورسك أمس.")
    assert [e.type for e in evs] == ["ASSAULT"]
    assert dyad(evs[0]) == frozenset({frozenset({"UKR"}), frozenset({"RUS"})})
    hits = load_lexicon().match(tokenize(fold("دعت إلى مقاطعة روسيا")))
    assert "PROTEST" in {h.entry.type for h in hits}


def test_events_same_state_named_twice_is_not_its_own_target() -> None:
    evs = events_of("هددت إيران أمس بالرد على العقوبات، ونفت طهران الاتهامات.")
    assert not [e for e in evs if e.type == "THREATEN"]


def test_events_direct_object_before_ma_phrase_is_the_target() -> None:
    evs = events_of("طالبت تركيا إيران أمس بوقف تعاونها العسكري مع موسكو.")
    assert [(e.type, dyad(e)) for e in evs] == [
        ("REQUEST", frozenset({frozenset({"TUR"}), frozenset({"IRN"})}))]


def test_events_results_of_talks_are_a_topic() -> None:
    evs = events_of("أطلع بوتين أردوغان أمس على نتائج المفاوضات مع أوكرانيا.")
    assert not [e for e in evs if e.type == "CONSULT" and "UKR" in e.target.countries]


def test_events_arrest_of_foreign_citizens_targets_their_country() -> None:
    evs = events_of("أعلنت روسيا أمس اعتقال مواطنين أتراك في موسكو.")
    arrests = [e for e in evs if e.type == "COERCE"]
    assert [(e.source.countries, e.target.countries) for e in arrests] == [(["RUS"], ["TUR"])]


def test_events_aid_sent_to_a_country() -> None:
    evs = events_of("وأرسلت روسيا مساعدات إنسانية إلى سوريا أمس.")
    assert [(e.type, e.source.countries, e.target.countries) for e in evs] == [
        ("AID", ["RUS"], ["SYR"])]


def test_events_saudi_arabia_is_a_name_not_an_adjective() -> None:
    evs = events_of("اتفقت السعودية وإيران أمس على استئناف العلاقات.")
    assert [(e.type, dyad(e)) for e in evs] == [
        ("AGREE", frozenset({frozenset({"SAU"}), frozenset({"IRN"})}))]


def test_events_bayna_pair_after_a_complement_of_the_noun() -> None:
    evs = events_of("وتم توقيع اتفاقية للتعاون في مجال الطاقة بين تركيا وروسيا أمس.")
    assert [dyad(e) for e in evs] == [RT]
    # here بين belongs to the topic noun, not to the call
    evs = events_of("ناقش أردوغان خلال الاتصال التوتر القائم بين روسيا وأوكرانيا.")
    assert not [e for e in evs if "UKR" in e.target.countries or "UKR" in e.source.countries]


def test_events_fima_opens_another_clause() -> None:
    evs = events_of("ورحب أردوغان أمس بالاتفاق، فيما أشادت روسيا بدورها.")
    assert not [e for e in evs if e.type == "SUPPORT" and dyad(e) == RT]


def test_events_official_of_an_international_body_acts_for_it() -> None:
    doc = make_doc("التقى غوتيريش أردوغان أمس في أنقرة.")
    doc.entities["per:guterres"] = dataclasses.replace(doc.entities["per:guterres"], sector="IGO")
    evs = extract_events(doc, kb_body=lambda eid, _on: "UN" if eid == "per:guterres" else None)
    assert [dyad(e) for e in evs] == [frozenset({frozenset({"UN"}), frozenset({"TUR"})})]
    plain = extract_events(make_doc("التقى غوتيريش أردوغان أمس في أنقرة."))
    assert [dyad(e) for e in plain] == [frozenset({frozenset({"PRT"}), frozenset({"TUR"})})]


def test_events_rejection_of_another_states_presence() -> None:
    evs = events_of("رفضت روسيا أمس الوجود العسكري التركي في سوريا.")
    assert [(e.type, e.source.countries, e.target.countries) for e in evs] == [
        ("REJECT", ["RUS"], ["TUR"])]


def test_events_body_an_official_acts_for_depends_on_the_date() -> None:
    from rasad.stages.events import _kb_lookups

    lookups = _kb_lookups()
    assert lookups is not None
    _code, body_at = lookups
    assert body_at("per:antonio-guterres", "2023-03-10") == "UN"
    assert body_at("per:antonio-guterres", "2000-01-01") is None  # Portugal's prime minister
    assert body_at("per:donald-tusk", "2016-05-01") == "EU"
    assert body_at("per:donald-tusk", "2024-05-01") is None  # Poland's prime minister again
    assert body_at("per:antonio-guterres", None) == "UN"  # no date: the office still held
    assert body_at("per:antonio-guterres", "not a date") == "UN"


def test_events_border_clashes_set_the_pair_for_what_follows() -> None:
    evs = events_of(
        "اندلعت اشتباكات مسلحة أمس على الحدود بين تركيا وإيران. "
        "وأعلن البلدان في وقت لاحق التوصل إلى اتفاق لوقف إطلاق النار. "
        "وحذرت موسكو الطرفين من التصعيد، ودعتهما إلى الحوار."
    )
    ti = frozenset({frozenset({"TUR"}), frozenset({"IRN"})})
    got = {(e.type, e.mode) for e in evs if dyad(e) == ti}
    assert {("ASSAULT", "firearms"), ("RETREAT", "ceasefire")} <= got
    assert ("REQUEST", ["RUS"], ["TUR", "IRN"]) in [
        (e.type, e.source.countries, e.target.countries) for e in evs]


def test_events_lexicon_feminine_past_with_object_pronouns() -> None:
    for word, suffix in (("ودعتهما", "هما"), ("دعته", "ه"), ("التقته", "ه")):
        hits = load_lexicon().match(tokenize(fold(word)))
        assert [h.form.suffix for h in hits] == [suffix], word


def test_events_opposed_sanctions_are_not_sanctions() -> None:
    evs = events_of("وأكد لافروف أمس أن روسيا تعارض أي عقوبات جديدة على إيران.")
    assert not [e for e in evs if e.type == "SANCTION"]


def test_events_prisoner_exchange_is_a_release_by_both() -> None:
    # two events, one release each way (the gold codes an exchange so)
    evs = events_of("أعلنت روسيا اليوم إتمام عملية تبادل للأسرى مع أوكرانيا.")
    assert sorted((e.type, e.mode, e.source.countries[0], e.target.countries[0]) for e in evs) == [
        ("RETREAT", "release", "RUS", "UKR"), ("RETREAT", "release", "UKR", "RUS")]


def test_events_in_protest_is_the_purpose_of_another_act() -> None:
    evs = events_of("استدعت تركيا أمس السفير المجري احتجاجا على تصريحات أوربان.")
    assert "PROTEST" not in {e.type for e in evs}
    assert "PROTEST" in {e.type for e in events_of("خرج آلاف في أنقرة أمس احتجاجا على الغلاء.")}


def test_events_fajr_before_a_day_is_dawn_not_a_bombing() -> None:
    lex = load_lexicon()
    assert lex.match(tokenize(fold("فجر اليوم"))) == []
    hits = lex.match(tokenize(fold("فجر مسلحون سيارة")))
    assert [(h.i, h.entry.type) for h in hits] == [(0, "ASSAULT")]


def test_events_verb_tail_after_the_subject() -> None:
    tokens = tokenize(fold("أطلقت إيران صواريخ على تركيا"))
    assert load_lexicon().match(tokens) == []  # detect_types and the GSR features: unchanged
    assert [h.entry.type for h in load_lexicon().match(tokens, gaps=True)] == ["ASSAULT"]
    evs = events_of("أطلقت إيران أمس صواريخ على تركيا.")
    assert [(e.type, e.source.countries, e.target.countries) for e in evs] == [
        ("ASSAULT", ["IRN"], ["TUR"])]


def test_events_an_attack_and_the_attack_back_stay_two() -> None:
    evs = events_of("قصفت تركيا أمس مواقع في إيران، فيما أطلقت إيران صواريخ على تركيا.")
    assert sorted((e.source.countries[0], e.target.countries[0]) for e in evs
                  if e.type == "ASSAULT") == [("IRN", "TUR"), ("TUR", "IRN")]


def test_events_subject_before_qad() -> None:
    evs = events_of("وكان أردوغان قد التقى بوتين على هامش قمة سوتشي قبل يومين.")
    assert [(e.type, dyad(e)) for e in evs] == [("CONSULT", RT)]


def test_events_counterpart_as_subject_of_a_directed_verb() -> None:
    evs = events_of("وقال لافروف أمس إن بلاده مستعدة للحوار، بينما اتهم نظيره الإيراني تركيا "
                    "بالمماطلة.")
    accuse = [e for e in evs if e.type == "ACCUSE"]
    assert [(e.source.countries, e.target.countries) for e in accuse] == [(["IRN"], ["TUR"])]


def test_events_talks_between_the_ministers_of_two_states() -> None:
    evs = events_of("انطلقت أمس جولة جديدة من المفاوضات بين وزيري خارجية تركيا وروسيا.")
    assert [(e.type, dyad(e)) for e in evs] == [("CONSULT", RT)]


def test_events_dateline_place_is_not_the_subject() -> None:
    evs = events_of("أنقرة - انتقد أردوغان أمس روسيا بشدة.")
    assert [(e.type, e.source.entity, e.target.countries) for e in evs] == [
        ("ACCUSE", "per:erdogan", ["RUS"])]
    from rasad.events.arguments import build_units

    for text, dateline in (("أنقرة - انتقد أردوغان روسيا.", True),
                           ("أنقرة تنتقد روسيا بشدة.", False)):
        doc = make_doc(text)
        first = build_units(doc, tokenize(doc.norm))[0]
        assert (first.entity, first.place) == ("gpe:ankara", dateline)


def test_events_title_and_body_before_the_object() -> None:
    evs = events_of("انتقد المدير العام لوكالة الأنباء أمس روسيا بشدة.")
    assert [(e.type, e.source.entity, e.target.countries) for e in evs] == [
        ("ACCUSE", "org:agency", ["RUS"])]


def test_events_signing_several_agreements() -> None:
    evs = events_of("ووقع أردوغان وبوتين عدة اتفاقيات أمس في مجال الطاقة.")
    assert ("AGREE", RT) in [(e.type, dyad(e)) for e in evs]


def test_events_date_of_the_announcement_is_not_the_events() -> None:
    evs = events_of("وأعلن الكرملين اليوم الخميس أن بوتين سيزور تركيا الشهر المقبل.")
    visit = [e for e in evs if e.type == "CONSULT"]
    assert [(e.date, e.intent) for e in visit] == [("2022-02", "future")]


def test_events_expected_meeting_between_two() -> None:
    evs = events_of("ونفى لافروف أمس تقارير عن لقاء مرتقب بين بوتين وأردوغان.")
    assert [(e.type, dyad(e), e.negated) for e in evs] == [("CONSULT", RT, True)]


def test_events_invitation_from_the_counterpart() -> None:
    evs = events_of("وسيزور بوتين تركيا الشهر المقبل تلبية لدعوة من أردوغان.")
    invites = [e for e in evs if e.type == "REQUEST"]
    assert [(e.source.countries, e.target.countries) for e in invites] == [(["TUR"], ["RUS"])]


def test_events_military_operation_against_a_target() -> None:
    evs = events_of("أطلقت تركيا أمس عملية عسكرية جديدة ضد مواقع في إيران.")
    assert [(e.type, e.source.countries, e.target.countries) for e in evs] == [
        ("ASSAULT", ["TUR"], ["IRN"])]


def test_events_meeting_on_the_sidelines_of_a_summit_is_bilateral() -> None:
    evs = events_of("وعلى هامش القمة، التقى أردوغان بوتين أمس.")
    assert [(e.type, e.mode, dyad(e)) for e in evs] == [("CONSULT", "meet", RT)]
    evs = events_of("وعقد أردوغان وبوتين أمس قمة في سوتشي.")
    assert [e.mode for e in evs if e.type == "CONSULT"] == ["multilateral"]


# --- agents of act nouns, condemnation of an act, mediation ---------------------------------

def test_nisba_after_an_act_noun_is_its_agent() -> None:
    evs = events_of("أدانت موسكو القصف التركي على طهران أمس.")
    kinds = {(e.type, tuple(e.source.countries), tuple(e.target.countries)) for e in evs}
    assert ("ASSAULT", ("TUR",), ("IRN",)) in kinds
    # condemning an act accuses its agent, not the place struck
    assert ("ACCUSE", ("RUS",), ("TUR",)) in kinds
    assert ("ACCUSE", ("RUS",), ("IRN",)) not in kinds


def test_nisba_of_the_target_place_is_not_the_agent() -> None:
    evs = events_of("أدانت موسكو القصف على المدن التركية أمس.")
    assert not any(e.type == "ASSAULT" and e.source.countries == ["TUR"] for e in evs)


def test_mediation_between_two_sides() -> None:
    evs = [e for e in events_of("وتوسطت السعودية بين روسيا وأوكرانيا في صفقة جديدة.")
           if e.type == "CONSULT"]
    assert len(evs) == 1
    assert evs[0].mode == "third-party"
    assert evs[0].source.countries == ["SAU"]
    assert sorted(evs[0].target.countries) == ["RUS", "UKR"]


def test_mediation_without_sides_is_dropped() -> None:
    assert not [e for e in events_of("وتوسطت السعودية في صفقة جديدة.") if e.type == "CONSULT"]


def test_the_subject_of_a_call_is_not_the_parties_of_the_agreement_called_for() -> None:
    evs = events_of("ودعت روسيا وتركيا إلى اتفاق جديد.")
    assert not [e for e in evs if e.type == "AGREE"]
    signed = events_of("ووقعت روسيا اتفاقا جديدا مع تركيا أمس.")
    assert any(e.type == "AGREE" and dyad(e) == RT for e in signed)


@pytest.mark.parametrize("text", ["وهدد أردوغان بالرد على تركيا.", "وشكر أردوغان الشعب التركي."])
def test_a_state_does_not_threaten_or_thank_itself(text: str) -> None:
    evs = events_of(text)
    assert not [e for e in evs if e.source.countries == e.target.countries]


def test_domestic_groups_are_the_target_of_their_own_state() -> None:
    evs = events_of("واتهم بوتين المعارضة بتنظيم أعمال عنف.")
    assert any(e.type == "ACCUSE" and e.target.countries == ["RUS"] for e in evs)


def test_a_protest_lodged_with_an_envoy_is_not_a_demonstration() -> None:
    evs = events_of("واستدعت أنقرة السفير الروسي وأبلغته احتجاجها على التصريحات.")
    assert not [e for e in evs if e.type == "PROTEST"]
    evs = events_of("وسيستدعي أردوغان السفير الروسي للاحتجاج على التصريحات.")
    assert not [e for e in evs if e.type == "PROTEST"]


def test_a_meeting_with_each_of_a_list() -> None:
    evs = events_of("وعقد لافروف اجتماعا رباعيا مع كل من أردوغان، وماكرون، وبلينكن في موسكو.")
    meets = [e for e in evs if e.type == "CONSULT"]
    assert len(meets) == 1
    assert meets[0].source.countries == ["RUS"]
    assert sorted(meets[0].target.countries) == ["FRA", "TUR", "USA"]


def test_the_speaker_after_a_longer_head() -> None:
    evs = events_of("وأعلن مكتب الناطق باسم الحكومة أردوغان أن الجانب الآخر رفض اللقاء مع بوتين.")
    assert any(e.reported_by == "per:erdogan" for e in evs)


def test_centrifuges_are_not_an_expulsion() -> None:
    evs = events_of("وركبت إيران أجهزة طرد مركزي جديدة في منشأة تركية.")
    assert not [e for e in evs if e.type == "SANCTION"]


def test_a_body_voicing_concern_over_protesters_is_not_protesting() -> None:
    doc = make_doc("وأعربت الأمم المتحدة عن قلقها حيال قمع المتظاهرين.")
    doc.entities["org:un"] = DocEntity("org:un", "United Nations", None, "ORG", None, "IGO")
    start = doc.text.index("الأمم المتحدة")
    doc.mentions.append(Mention(start, start + len("الأمم المتحدة"), "الأمم المتحدة", "org:un"))
    doc.mentions.sort(key=lambda m: m.start)
    evs = extract_events(doc, kb_code=lambda _id: "UN")
    assert not [e for e in evs if e.type == "PROTEST" and "UN" in e.source.countries]
