"""Word lists of the entity stage (hand-written, folded with ``rasad.arabic.fold`` on import).

- ``COMMON_WORDS``: frequent words that are also names of something (a party called "Hope", a
  first name that means "peace"); a one-word alias equal to one of them is never matched alone.
- ``FUNCTION_WORDS``: particles, pronouns, frequent verbs and nouns that end a personal name
  (used by the new-person patterns and the spelling-variant guard).
- ``TITLE_NOUNS``: nouns that introduce a person's name ("the researcher", "the analyst").
- ``ROLE_HEADS``: phrases naming an office, with the office kind of the knowledge base.
"""

from __future__ import annotations

from typing import Final

from ..arabic import fold


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


COMMON_WORDS: Final = _folded(
    """
    أمل الأمل سلام السلام نور النور حسن الحسن كريم الكريم سعيد السعيد جميل الجميل عادل العادل
    رشيد صالح الصالح أمين الأمين منصور المنصور فتح الفتح الجزيرة جزيرة المستقبل مستقبل النهضة
    نهضة الدعوة الوفاق الاتحاد اتحاد التحالف الحرية حرية العدالة عدالة التنمية الإصلاح إصلاح
    الأصالة البناء الوسط الشرق الغرب الشمال الجنوب الأمة الوطن الشعب الدولة الحكومة الرئاسة
    الخارجية الدفاع الداخلية العمل الحياة الوطنية الشروق الأهرام الأخبار اليوم الرأي النهار
    الصباح المساء الحق العهد الفجر البيان الثورة الجمهورية الوحدة التقدم السبيل الهدى العرب
    عرب المجلس البرلمان الجيش الحزب الحركة الجبهة المنظمة الوزارة اللجنة المحكمة القوات
    أفاد أفادت قال أكد شمال جنوب شرق غرب وسط الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت
    """
)

FUNCTION_WORDS: Final = _folded(
    """
    في من على عن إلى الى مع بعد قبل حتى منذ عند لدى خلال بين ضد حول دون نحو عبر أمام وراء
    إن أن إنه أنه إنها أنها إنهم أنهم لأن كان كانت يكون تكون ليس ليست قد لقد لم لن لا ما ماذا
    هذا هذه ذلك تلك هؤلاء الذي التي الذين اللذان اللتان هو هي هم هما نحن أنا أنت كل بعض غير
    أي أيضا كما كذلك حيث بينما إذ إذا لو لكن لكنه لكنها بل ثم أو أم وقد فقد قال قالت يقول تقول
    وقال وقالت أكد أكدت يؤكد وأكد أضاف أضافت وأضاف أوضح أوضحت وأوضح أشار أشارت وأشار ذكر ذكرت
    أعلن أعلنت صرح صرحت تابع وتابع بحث بحثا ناقش ناقشا التقى استقبل اتصل أجرى أجرت دعا طالب
    يرى ترى رأى اليوم أمس غدا الآن حاليا سابقا السابق السابقة الحالي الجديد الجديدة عام العام
    الماضي المقبل الأسبوع الشهر السنة مساء صباح نفسه نفسها ذاته عليه عليها إليه إليها منه منها
    له لها لهم به بها بهم فيه فيها عنه عنها معه معها يوم شهر سنة لدى بشأن بخصوص وفق وفقا حسب
    جدا فقط أكثر أقل أول أولى آخر أخرى الذي عقب إثر رغم برغم بسبب لأجل بهدف لقاء اجتماع
    تم يتم لايزال مازال يزال يريد تريد يعتقد تعتقد يمكن سوف محادثات مباحثات زيارة بناء
    """
)

#: Nouns that introduce a personal name: "<title> [complements] <Name Name>".
TITLE_NOUNS: Final = _folded(
    """
    الباحث الباحثة المحلل المحللة الخبير الخبيرة الكاتب الكاتبة الصحفي الصحفية الصحافي
    المراسل المراسلة الأستاذ الأستاذة البروفيسور الدكتور الدكتورة المستشار المستشارة السفير
    السفيرة المبعوث المبعوثة المندوب المندوبة النائب النائبة القيادي القيادية الناشط الناشطة
    المعارض الجنرال اللواء العميد العقيد المشير الأدميرال القائد القاضي
    المحامي المحامية السيد السيدة الشيخ الزعيم
    الأكاديمي المفكر المؤرخ الاقتصادي الدبلوماسي السياسي المسؤول المسؤولة البرلماني
    المتحدث المتحدثة الناطق الناطقة
    """
)

#: Words right before a personal name that support an unseen spelling of it.
NAME_CONTEXT: Final = TITLE_NOUNS | _folded(
    """
    الرئيس الرئيسة الوزير الوزيرة الملك العاهل الأمير نظيره نظيرته نظيرها الزعيم
    """
)

#: Words that may appear between a title noun and the name ("in Turkish affairs").
TITLE_LINKS: Final = _folded("في باسم ب لدى لشؤون بشؤون عن من")

#: Office phrases (folded, clitic-free) → office kind. ``minister`` and ``counterpart`` and
#: ``spokesperson`` are resolved by the role grammar; the rest are knowledge-base kinds.
ROLE_HEADS: Final[dict[str, str]] = {
    fold(k): v
    for k, v in {
        "رئيس الوزراء": "head_of_government",
        "رئيسة الوزراء": "head_of_government",
        "رئيس الحكومة": "head_of_government",
        "رئيسة الحكومة": "head_of_government",
        "وزير الخارجية": "foreign_minister",
        "وزيرة الخارجية": "foreign_minister",
        "وزير خارجية": "foreign_minister",
        "وزيرة خارجية": "foreign_minister",
        "وزير الدفاع": "defence_minister",
        "وزيرة الدفاع": "defence_minister",
        "وزير دفاع": "defence_minister",
        "نائب الرئيس": "vice_president",
        "نائبة الرئيس": "vice_president",
        "الرئيس": "head_of_state",
        "الرئيسة": "head_of_state",
        "رئيس": "head_of_state",
        "رئيسة": "head_of_state",
        "الملك": "head_of_state",
        "العاهل": "head_of_state",
        "الأمين العام": "secretary_general",
        "الأمينة العامة": "secretary_general",
        "رئيس المفوضية الأوروبية": "commission_president",
        "رئيسة المفوضية الأوروبية": "commission_president",
        "رئيس المجلس الأوروبي": "council_president",
        "الممثل الأعلى": "high_representative",
        "المتحدث باسم": "spokesperson",
        "المتحدثة باسم": "spokesperson",
        "المتحدث الرسمي باسم": "spokesperson",
        "الناطق باسم": "spokesperson",
        "الناطقة باسم": "spokesperson",
        "الناطق الرسمي باسم": "spokesperson",
        "الوزير": "minister",
        "الوزيرة": "minister",
        "نظيره": "counterpart",
        "نظيرته": "counterpart",
        "نظيرها": "counterpart",
        "نظيريه": "counterpart",
        "نظرائه": "counterpart",
        "نظيراه": "counterpart",
        "الرئيسان": "dual:head_of_state",
        "الرئيسين": "dual:head_of_state",
        "الزعيمان": "dual:head_of_state",
        "الزعيمين": "dual:head_of_state",
        "الوزيران": "dual:minister",
        "الوزيرين": "dual:minister",
    }.items()
}

#: What the spokesperson speaks for, when it is named by a common noun + nisba.
SPOKES_OBJECTS: Final[dict[str, str]] = {
    fold(k): v
    for k, v in {
        "الرئاسة": "presidential_spokesperson",
        "الرئيس": "presidential_spokesperson",
        "وزارة الخارجية": "foreign_ministry_spokesperson",
        "الخارجية": "foreign_ministry_spokesperson",
    }.items()
}

#: Ministries that count as a foreign minister's: the holder of "minister" of a country
#: named beside a foreign ministry.
MINISTER_KINDS: Final = frozenset({"foreign_minister", "defence_minister", "head_of_government"})

#: English labels of office kinds (names of role pseudo-entities).
OFFICE_LABELS: Final[dict[str, str]] = {
    "head_of_state": "head of state",
    "head_of_government": "head of government",
    "foreign_minister": "foreign minister",
    "defence_minister": "defence minister",
    "presidential_spokesperson": "presidential spokesperson",
    "foreign_ministry_spokesperson": "foreign ministry spokesperson",
    "secretary_general": "secretary-general",
    "commission_president": "president of the Commission",
    "council_president": "president of the Council",
    "high_representative": "high representative",
    "vice_president": "vice president",
    "leader": "leader",
    "minister": "minister",
    "spokesperson": "spokesperson",
}

#: Common nouns that refer back to an organisation named earlier in the document:
#: ``igo`` any international organisation, ``alliance`` a military alliance (NATO, CSTO).
ANAPHORS: Final[dict[str, str]] = {
    fold(k): v for k, v in {"المنظمة": "igo", "التكتل": "igo", "الحلف": "alliance"}.items()
}

#: Adjectives that may follow such a noun without making it a new, different body.
ANAPHOR_ADJECTIVES: Final = _folded("الدولية الأممية العسكري الغربي الأطلسي الإقليمي الإقليمية")
