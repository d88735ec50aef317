"""Line classifier on fixtures written for these tests."""

from __future__ import annotations

from rasad.extraction.layout import classify_lines
from rasad.extraction.lines import is_body_like, line_key, meta_kind, rule_furniture

P1 = (
    "أعلن وزير الخارجية الأذربيجاني اليوم الثلاثاء أن بلاده مستعدة لاستئناف المفاوضات مع "
    "أرمينيا في أقرب وقت، مشيرا إلى أن الوساطة الروسية ما زالت قائمة."
)
P2 = (
    "وأضاف الوزير في مؤتمر صحفي عقده في العاصمة باكو أن الجانبين قطعا شوطا مهما في ملف "
    "ترسيم الحدود خلال الأشهر الماضية."
)
P3 = "وكان الطرفان قد وقعا في الخريف الماضي بيانا مشتركا بشأن فتح طرق النقل في المنطقة."
TITLE = "باكو مستعدة لاستئناف المفاوضات مع يريفان بوساطة روسية"

PAGE = [
    "الرئيسية » أخبار » القوقاز",
    "- عنوان خبر أول عن الطاقة في آسيا الوسطى",
    "- عنوان خبر ثان عن قمة إقليمية مرتقبة",
    "- عنوان خبر ثالث عن التجارة مع الصين",
    "إلهام علييف",
    TITLE,
    "",
    "باكو ـ سامر الحلبي",
    "10:15 ص 14/05/2024",
    P1,
    "اقرأ أيضا: وزير الدفاع يزور قاعدة عسكرية في الشمال",
    P2,
    P3,
    "المصدر: وكالات",
    "شارك عبر فيسبوك تويتر واتساب",
    "روسيا تعلن عن مناورات بحرية واسعة في بحر قزوين خلال…",
    "التعليقات مغلقة.",
    "هذا الموقع يستخدم ملفات تعريف الارتباط لتحسين تجربتك.",
    "خبر آخر عن زيارة رسمية مرتقبة للعاصمة",
]


def labels(page: list[str]) -> list[tuple[str, str]]:
    return [(lab.kind, lab.reason) for lab in classify_lines(page)]


def test_page_lines_classified() -> None:
    got = labels(PAGE)
    by_line = dict(zip(PAGE, got, strict=True))
    assert by_line[TITLE][0] == "title"
    assert by_line[P1][0] == by_line[P2][0] == by_line[P3][0] == "body"
    assert by_line["الرئيسية » أخبار » القوقاز"] == ("furniture", "breadcrumb")
    assert by_line["- عنوان خبر أول عن الطاقة في آسيا الوسطى"] == ("furniture", "headline_list")
    assert by_line["إلهام علييف"] == ("furniture", "caption")
    assert by_line["باكو ـ سامر الحلبي"] == ("meta", "dateline")
    assert by_line["10:15 ص 14/05/2024"] == ("meta", "date")
    assert by_line["المصدر: وكالات"] == ("meta", "source")
    assert by_line["اقرأ أيضا: وزير الدفاع يزور قاعدة عسكرية في الشمال"][0] == "furniture"
    assert by_line["شارك عبر فيسبوك تويتر واتساب"] == ("furniture", "share")
    assert by_line["روسيا تعلن عن مناورات بحرية واسعة في بحر قزوين خلال…"] == (
        "furniture",
        "teaser",
    )
    assert by_line["التعليقات مغلقة."] == ("furniture", "comments")
    assert by_line["هذا الموقع يستخدم ملفات تعريف الارتباط لتحسين تجربتك."] == (
        "furniture",
        "cookies",
    )
    assert by_line["خبر آخر عن زيارة رسمية مرتقبة للعاصمة"][0] == "furniture"


def test_template_lines_removed() -> None:
    page = ["قائمة روابط الموقع الثابتة", TITLE, P1, P2]
    got = classify_lines(page, template_keys={line_key("- قائمة روابط الموقع الثابتة")})
    assert (got[0].kind, got[0].reason) == ("furniture", "template")
    assert got[1].kind == "title"


def test_question_title_and_no_title() -> None:
    q = "ماذا طلب الرئيس الروسي من نظيره التركي؟"
    assert [lab.kind for lab in classify_lines([q, "", P1, P2])] == [
        "title",
        "blank",
        "body",
        "body",
    ]
    assert [lab.kind for lab in classify_lines([P1, P2, P3])] == ["body", "body", "body"]


def test_bylines_and_datelines() -> None:
    assert meta_kind("سوشال: متابعات") == "byline"
    assert meta_kind("أخبار القوقاز – وكالات") == "byline"
    assert meta_kind("أنقرة ـ خاص") == "byline"
    assert meta_kind("موسكو ـ حسن عمارة") == "dateline"
    assert meta_kind("14:01 GMT 07.10.2025") == "date"
    assert meta_kind(P1) is None
    assert meta_kind(TITLE) is None


def test_body_likeness_and_rules() -> None:
    assert is_body_like(P1)
    assert not is_body_like(TITLE)
    assert rule_furniture(P1) is None
    assert rule_furniture("اشترك الآن في نشرتنا اليومية لتصلك آخر الأخبار") == "subscribe"
    assert rule_furniture("قد يهمك أيضَا :") == "read_also"
    assert rule_furniture("صورة أرشيفية للقاء الرئيسين") == "caption"


def test_reading_aids_dates_and_captions() -> None:
    assert rule_furniture("وقت القراءة: 3 دقائق") == "reading_aids"
    assert rule_furniture("استمع إلى المقال") == "reading_aids"
    assert rule_furniture("حجم الخط") == "reading_aids"
    assert rule_furniture("عدد القراءات 1520") == "reading_aids"
    assert rule_furniture("[ سفينة شحن ترسو في ميناء مطل على الخليج ]") == "caption"
    assert rule_furniture("وزير الطاقة يتفقد حقلا نفطيا جنوب البلاد (رويترز)") == "caption"
    assert rule_furniture("جنود على حاجز قرب الحدود الشمالية / AFP") == "caption"
    assert (
        rule_furniture("A border guard, at the crossing, checks papers near the lake") == "foreign"
    )
    assert rule_furniture("جميع الحقوق محفوظة لموقعنا 2025") == "copyright"
    assert meta_kind("تاريخ النشر: 3 مارس 2024") == "date"
    assert meta_kind("آخر تحديث: 2024/03/03 الساعة 10:20") == "date"
    assert meta_kind("الأحد 3 مارس-آذار 2024 الساعة 10 صباحا / وكالة محلية - متابعات") == "date"
    assert rule_furniture(P1) is None
    assert meta_kind(P1) is None


def test_head_lines_title_repeat_subtitle_and_caption_pair() -> None:
    sub = "الوزيران بحثا ملف الطاقة وترسيم الحدود خلال لقاء مطول"
    cap = "الوزير الأذربيجاني خلال المؤتمر الصحفي"
    page = ["أخبار", "", "جولة جديدة", "", TITLE, "", sub, TITLE, cap, cap, "", P1, P2]
    got = labels(page)
    assert got[4] == ("title", "")
    assert got[2] == ("furniture", "caption")  # a lone section name, not a kicker
    assert got[6] == ("head", "subtitle")
    assert got[7] == ("head", "repeat")
    assert got[8] == got[9] == ("furniture", "caption")
    kicker = ["مفاوضات السلام المتعثرة", TITLE, P1, P2]
    assert labels(kicker)[0] == ("head", "kicker")


def test_first_headline_is_the_title_and_decorated_copy_is_not() -> None:
    page = [TITLE + " ● موقع الأخبار", "", TITLE, "", P1, P2]
    got = labels(page)
    assert got[2] == ("title", "")
    assert got[0] == ("furniture", "caption")


def test_wrapped_paragraph_and_cut_tail() -> None:
    wrapped = [
        "أعلنت وزارة الخارجية في بيان صدر مساء اليوم أن",
        "الوزير سيتوجه إلى العاصمة الأذربيجانية الأسبوع المقبل في",
        "زيارة تستمر يومين يبحث خلالها ملفات الطاقة والنقل والحدود.",
    ]
    page = [TITLE, "", *wrapped, "", P2, "", "وكان الطرفان قد اتفقا في الربيع الماضي على تشكيل لج"]
    got = labels(page)
    assert got[0] == ("title", "")
    assert [g[0] for g in got[2:5]] == ["body", "body", "body"]
    assert got[8] == ("partial", "cut")
    # a headline list at the end of a page is not a cut paragraph
    tail = [TITLE, P1, P2, "التعليقات مغلقة.", "خبر آخر عن زيارة رسمية مرتقبة للعاصمة"]
    assert labels(tail)[-1][0] == "furniture"
