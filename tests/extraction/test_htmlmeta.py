"""The HTML path reads trafilatura's metadata without the parts Rasad never uses: the same
lines and fields as ``trafilatura.bare_extraction(with_metadata=True)``."""

from __future__ import annotations

import re
import warnings
from typing import Any

import pytest

from rasad.extraction.htmlmeta import _AUTHOR_WORDS
from rasad.extraction.segment import html_lines

trafilatura = pytest.importorskip("trafilatura")

_BODY = (
    "<p>أعلن المجلس البلدي في المدينة الساحلية اليوم عن خطة جديدة لتوسيع شبكة النقل العام "
    "تشمل خطوط حافلات إضافية ومحطات انتظار مظللة على الطرق الرئيسية.</p>"
    "<p>وقال رئيس المجلس في مؤتمر صحفي إن المشروع سيستغرق عامين وإن تمويله يأتي من "
    "ميزانية البلدية ومن قرض ميسر، مضيفا أن الأعمال تبدأ في الربيع المقبل.</p>"
    "<p>وأشار إلى أن الخطة تتضمن أيضا ممرات للدراجات وتحسين الإنارة في الأحياء القديمة "
    "التي اشتكى سكانها طويلا من ضعف الخدمات.</p>"
)


def _page(head: str = "", top: str = "") -> str:
    return (
        "<!doctype html><html lang='ar'><head><meta charset='utf-8'>"
        f"<title>خطة جديدة للنقل العام | موقع المدينة</title>{head}</head><body>"
        f"<nav><ul><li><a href='/a'>الرئيسية</a></li><li><a href='/b'>اقتصاد</a></li></ul></nav>"
        f"{top}<article><h1>خطة جديدة للنقل العام في المدينة الساحلية</h1>{_BODY}</article>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    )


PAGES = [
    _page(),
    _page(top="<span class='author-name'>Samir Haddad</span>"),
    _page(top="<div class='byline'>By Laila Noor</div>"),
    _page(top="<p class='post-&#97;uthor'>Omar Khalil Saleh</p>"),
    _page(head="<meta name='author' content='Rana Youssef'>"),
    _page(head="<link rel='canonical' href='https://news.example.org/2024/03/05/plan'>"),
    _page(
        head='<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
        '"عنوان من البيانات", "datePublished": "2024-03-05", "author": {"name": "Hadi Aziz"}}'
        "</script>"
    ),
    _page(head="<meta property='og:site_name' content='@cityportal'>"),
]


def _reference(html: str, url: str | None) -> tuple[list[str], dict[str, Any]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,
        )
    text = str(result.text or "") if result is not None else ""
    if not text.strip():
        return [], {}
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    fields = ("title", "author", "sitename", "hostname", "date")
    return lines, {k: getattr(result, k) for k in fields}


@pytest.mark.parametrize("url", [None, "https://www.city.example/news/2024/03/05/plan"])
@pytest.mark.parametrize("n", range(len(PAGES)))
def test_same_lines_and_metadata_as_trafilatura(n: int, url: str | None) -> None:
    got = html_lines(PAGES[n], url)
    assert got == _reference(PAGES[n], url)
    assert got[0]  # the body was found


def test_author_fields_are_found() -> None:
    authors = [html_lines(p, None)[1]["author"] for p in PAGES[1:5]]
    assert all(authors), authors


def test_author_words_cover_every_literal_of_trafilaturas_author_xpaths() -> None:
    """The pre-check may skip the author XPaths only if no literal they test is in the page."""
    from trafilatura.xpaths import AUTHOR_XPATHS

    literals = [lit for expr in AUTHOR_XPATHS for lit in re.findall(r"'([^']*)'", expr.path)]
    assert len(literals) > 10
    for lit in literals:
        for alt in lit.replace("[Aa]", "a").replace("[Bb]", "b").replace("-?", "").split("|"):
            if alt == "me":  # rel='me': a child element named rel
                assert _AUTHOR_WORDS.search("<rel>me</rel>")
                continue
            assert _AUTHOR_WORDS.search(alt), alt
    assert re.search(r"//author\b", " ".join(e.path for e in AUTHOR_XPATHS))
    assert _AUTHOR_WORDS.search("<author>")
    assert not _AUTHOR_WORDS.search(_page())
