"""Date expressions and their resolution against the publication date."""

from __future__ import annotations

import random
import re

import pytest

from rasad.arabic import MONTHS, fold
from rasad.events.dates import (
    _PATTERNS,
    _RX,
    _SUB,
    DateExpr,
    _key,
    find_dates,
    may_hold_dates,
    resolve,
    resolve_text,
)
from rasad.events.lexicon import tokenize

PUB = "2022-01-06"  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اليوم", "2022-01-06"),
        ("اليوم الخميس", "2022-01-06"),
        ("أمس", "2022-01-05"),
        ("بالأمس", "2022-01-05"),
        ("أول أمس", "2022-01-04"),
        ("أول من أمس", "2022-01-04"),
        ("غداً", "2022-01-07"),
        ("بعد غد", "2022-01-08"),
        ("الخميس", "2022-01-06"),
        ("والأربعاء", "2022-01-05"),
        ("يوم الأحد", "2022-01-02"),
        ("الخميس الماضي", "2021-12-30"),
        ("الخميس المقبل", "2022-01-13"),
        ("قبل يومين", "2022-01-04"),
        ("قبل ثلاثة أيام", "2022-01-03"),
        ("منذ 10 أيام", "2021-12-27"),
        ("قبل أسبوع", "2021-12-30"),
        ("الأسبوع الماضي", "2021-W52"),
        ("الأسبوع المقبل", "2022-W02"),
        ("وبداية الأسبوع", "2022-W01"),
        ("الشهر الماضي", "2021-12"),
        ("الشهر المقبل", "2022-02"),
        ("قبل شهرين", "2021-11"),
        ("العام الماضي", "2021"),
        ("في الـ26 من نوفمبر", "2021-11-26"),
        ("26 تشرين الثاني", "2021-11-26"),
        ("5 كانون الثاني", "2022-01-05"),
        ("12 يناير", "2021-01-12"),
        ("يوم 5 مارس 2021", "2021-03-05"),
        ("14 أغسطس (آب) 2019", "2019-08-14"),
        ("2021/03/05", "2021-03-05"),
        ("05.03.2021", "2021-03-05"),
        ("٥ آذار ٢٠٢١", "2021-03-05"),
        ("١٠ أيلول", "2021-09-10"),
        ("في مارس الماضي", "2021-03"),
        ("تشرين الأول 2020", "2020-10"),
        ("عام 2019", "2019"),
    ],
)
def test_dates_resolve_past(text: str, expected: str) -> None:
    assert resolve_text(text, PUB) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الخميس", "2022-01-06"),
        ("السبت", "2022-01-08"),
        ("الأربعاء", "2022-01-12"),
        ("12 يناير", "2022-01-12"),
        ("في 3 يناير", "2023-01-03"),
        ("في أبريل", "2022-04"),
    ],
)
def test_dates_resolve_future_intent(text: str, expected: str) -> None:
    assert resolve_text(text, PUB, future=True) == expected


def test_dates_year_rollover_backwards() -> None:
    # early January: a December date without a year is last year's
    assert resolve_text("في 28 ديسمبر", "2022-01-02") == "2021-12-28"
    assert resolve_text("الجمعة", "2022-01-02") == "2021-12-31"
    assert resolve_text("أمس", "2022-01-01") == "2021-12-31"
    assert resolve_text("الشهر الماضي", "2022-01-15") == "2021-12"


def test_dates_year_rollover_forwards() -> None:
    assert resolve_text("غدا", "2021-12-31") == "2022-01-01"
    assert resolve_text("3 يناير", "2021-12-30", future=True) == "2022-01-03"
    assert resolve_text("الشهر المقبل", "2021-12-10") == "2022-01"
    assert resolve_text("بعد غد", "2024-02-28") == "2024-03-01"  # leap year


def test_dates_invalid_day_is_dropped() -> None:
    assert resolve_text("31 فبراير 2021", PUB) is None


def test_dates_without_publication_date() -> None:
    assert resolve_text("أمس", None) is None
    assert resolve_text("الخميس", None) is None
    # explicit dates with a year do not need it
    assert resolve_text("يوم 5 مارس 2021", None) == "2021-03-05"


def test_dates_keys_compare_without_publication_date() -> None:
    keys = [d.key for d in find_dates(fold("التقيا أمس ثم اتصلا اليوم الخميس"))]
    assert keys == ["rel:-1", "rel:0"]


def test_dates_offsets_point_into_norm() -> None:
    norm = fold("وقال الوزير أمس إن الاجتماع عقد في الـ26 من نوفمبر")
    found = find_dates(norm)
    assert [norm[d.start : d.end] for d in found] == ["امس", "في ال26 من نوفمبر"]


@pytest.mark.parametrize("text", ["مارس ضغوطا على الحكومة", "الشهر", "زار الأب ابنه", "العام"])
def test_dates_no_false_positives(text: str) -> None:
    assert find_dates(fold(text)) == []


def test_dates_resolve_is_pure() -> None:
    expr = find_dates(fold("الأحد"))[0]
    assert resolve(expr, "2022-01-06") == "2022-01-02"
    assert resolve(expr, "2022-01-09") == "2022-01-09"


@pytest.mark.parametrize(
    "text",
    ["بعد يومين من اعتقال الصحفيين", "قبل أسبوع من الانتخابات", "بعد أيام على توقيع الاتفاق"],
)
def test_dates_counted_from_another_event_are_not_resolved(text: str) -> None:
    # "two days after the arrest" is not two days after the publication date
    assert find_dates(fold(text)) == []


def test_dates_min_doon_still_reads_the_period() -> None:
    assert [d.key for d in find_dates(fold("منذ ثلاثة أيام من دون كهرباء"))] == ["ago:day:-3"]


def _words(norm: str) -> list[str]:
    return [t.text for t in tokenize(norm)]


@pytest.mark.parametrize(
    "text",
    ["اليوم الخميس", "بالأمس", "وبداية الأسبوع", "في الـ26 من نوفمبر", "5 كانون الثاني", "فبعد غد"],
)
def test_dates_word_check_lets_dates_through(text: str) -> None:
    norm = fold(f"وقال الوزير {text} إن الوفد وصل")
    assert find_dates(norm)
    assert may_hold_dates(_words(norm))


def test_dates_word_check_rules_out_plain_sentences() -> None:
    assert not may_hold_dates(_words(fold("وقال الوزير إن الوفد وصل إلى العاصمة لبحث التعاون")))


def _random_texts(seed: int, n: int) -> list[str]:
    """Random folded texts of date words (every Arabic word of the patterns), clitics, numbers
    and other words, with spaces, punctuation and line breaks between them."""
    rnd = random.Random(seed)
    words = (
        "و ف ب ل وب فل ال امس غدا غد اليوم الخميس الاحد قبل منذ بعد الاسبوع الشهر العام السنه"
        " يوم في من شهر عام اول الماضي المقبل الحالي يومين ايام ثلاثه هذا بدايه 2021 26 5 ١٠"
        " 03/05 الـ26 \u0670 الطعام الخامس وزير قال"
    )
    from_patterns = {w for _, rx in _PATTERNS for w in re.findall(r"[\u0621-\u064a]+", rx)}
    phrases = [
        "اول امس",
        "اول من امس",
        "امس الاول",
        "بعد غد",
        "الليله الماضيه",
        "هذا الاسبوع",
        "هذه السنه",
        "مطلع الشهر",
        "اوائل العام",
        "نهايه الشهر",
        "اواخر السنه",
        "منتصف الشهر",
        "في مارس",
        "خلال يناير الماضي",
        "منذ ابريل",
        "شهر مايو",
        "يوم الخميس",
        "يوم 5 مارس",
        "في ال26 من نوفمبر",
        "قبل يومين",
        "منذ ثلاثه ايام",
        "بعد اسبوع",
        "سنه 2020",
        "عام 2019",
        "العام 2018",
        "اغسطس الماضي",
    ]
    pieces = [*MONTHS, *words.split(), *sorted(from_patterns), *phrases]
    seps = [" ", " ", " ", "", "\n", "، ", ". ", "-", "(", ")", "/"]
    return [
        fold("".join(rnd.choice(pieces) + rnd.choice(seps) for _ in range(rnd.randint(1, 8))))
        for _ in range(n)
    ]


def test_dates_word_check_never_hides_a_date() -> None:
    # the words of every match of the date expressions pass the cheap word check (so a text
    # that fails it has none)
    found = 0
    for norm in _random_texts(3, 4000):
        tokens = tokenize(norm)
        for m in _RX.finditer(norm):
            found += 1
            inside = [t.text for t in tokens if t.start < m.end() and t.end > m.start()]
            assert may_hold_dates(inside), (norm, m.group())
    assert found > 1000


def _find_dates_everywhere(norm: str) -> list[DateExpr]:
    """``find_dates`` as it was: the expression tried at every position of the text."""
    out: list[DateExpr] = []
    for m in _RX.finditer(norm):
        kind = (m.lastgroup or "_")[1:]
        sub = None
        for skip in range(3):
            sub = _SUB[kind].fullmatch(norm, m.start() + skip, m.end())
            if sub is not None:
                break
        if sub is None:
            continue
        key = _key(kind, sub)
        if key is not None:
            out.append(DateExpr(sub.start(), sub.end(), norm[sub.start() : sub.end()], key))
    return out


def test_dates_found_at_word_starts_as_everywhere() -> None:
    texts = _random_texts(5, 6000)
    assert sum(bool(_find_dates_everywhere(t)) for t in texts) > 1500
    for norm in texts:
        assert find_dates(norm) == _find_dates_everywhere(norm), norm
