"""Line classifier on fixtures written for these tests."""

from __future__ import annotations

from rasad.lines import classify_lines, is_body_like, line_key, meta_kind, rule_furniture

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
