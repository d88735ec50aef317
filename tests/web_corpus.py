"""A store built once per test process from the sample corpus plus invented pages (web tests)."""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

import rasad.api as api

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "corpus"

# Invented text: an article whose body carries markup and a script that must stay inert.
HOSTILE = (
    "أنقرة – وكالة المثال\n"
    "بحث وزير الخارجية التركي هاكان فيدان مع نظيره الروسي سيرغي لافروف في اتصال هاتفي "
    "اليوم الاثنين ملف الممرات التجارية بين البلدين، وحمّله رسالة شكر لبوتين.\n"
    "وكتب معلق على الصفحة <script>window.__pwned = 1</script> "
    'و<img src=x onerror="window.__pwned=2">'
    " ثم <b>نص عريض</b> في نهاية التعليق.\n"
    "وقال المتحدث إن الجانبين اتفقا على مواصلة التنسيق في الأسابيع المقبلة.\n"
)

# Invented text: a later article used to show that an alert sees newly ingested events.
LATER = (
    "موسكو – وكالة المثال\n"
    "استقبل الرئيس الروسي فلاديمير بوتين في الكرملين اليوم الخميس الرئيس التركي رجب طيب "
    "أردوغان، وبحث الرئيسان مشاريع الطاقة والتجارة بين البلدين.\n"
    "وأضاف البيان أن الزعيمين اتفقا على عقد جولة جديدة من المحادثات قبل نهاية العام.\n"
)


@lru_cache(maxsize=1)
def sample_db() -> Path:
    """The sample corpus and the hostile page, ingested into a fresh database."""
    tmp = Path(tempfile.mkdtemp(prefix="rasad-web-"))
    page = tmp / "pages" / "hostile-page.txt"
    page.parent.mkdir()
    page.write_text(HOSTILE, encoding="utf-8")
    db = tmp / "web.db"
    api.ingest([str(SAMPLES), str(page)], db=db, date="2025-12-01")
    return db


def copy_db(dest: Path) -> Path:
    """A private copy of the sample database (for tests that write)."""
    import sqlite3

    src = sqlite3.connect(sample_db())
    out = sqlite3.connect(dest)
    src.backup(out)
    src.close()
    out.close()
    return dest
