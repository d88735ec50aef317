"""The page metadata Rasad reads from trafilatura (title, author, site name, host name, date),
without the parts it never reads.

``trafilatura.bare_extraction(with_metadata=True)`` runs ``trafilatura.metadata.extract_metadata``,
which also finds categories, tags and a licence, and looks for an author by copying the whole
tree and pruning it, about 40% of the extraction time on a news page. ``metadata`` takes the same
steps in the same order with trafilatura's own functions for the five fields Rasad uses, so they
come out equal, and skips the rest:

- categories, tags and licence are not looked for (no field used depends on them);
- the author search by element (``extract_author``) runs only when one of its XPath
  expressions matches the unpruned tree: its expressions test an element's own name,
  attributes and children, so pruning elements can only remove matches, never add one; with
  no match on the whole tree there is none on the pruned copy and the author is None. Those
  expressions (EXSLT regular expressions, slow) are only evaluated when the page's source
  holds one of the words they test (``_AUTHOR_WORDS``, case-folded) or a character reference
  that could spell one.

The text extraction runs with ``with_metadata=False`` on the same parsed tree. Metadata never
changes that tree (``extract_author`` and ``htmldate.find_date`` work on copies), and the URL
that metadata finds only reaches the extraction to resolve links, which Rasad drops.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

FIELDS = ("title", "author", "sitename", "hostname", "date")


#: Every literal that trafilatura's ``AUTHOR_XPATHS`` test in a name or attribute value (2.x),
#: lower-cased: a page whose source contains none of them has no match.
_AUTHOR_WORDS = re.compile(
    r"author|byl|bbl|username|zuozhe|bianji|xiaobian|channel-name|submitted-by|posted-by|"
    r"journalist-name|screenname|writer|<\s*rel|&#",
    re.I,
)


def metadata(
    tree: Any, url: str | None, date_params: dict[str, Any], source: str = "&#"
) -> dict[str, Any]:
    """The five fields of ``extract_metadata(tree, url, date_params)`` that Rasad uses
    (``source``: the HTML the tree was parsed from, for the author pre-check)."""
    from courlan import extract_domain
    from htmldate import find_date
    from trafilatura import metadata as tm
    from trafilatura.xpaths import AUTHOR_XPATHS

    meta = tm.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    with contextlib.suppress(Exception):  # trafilatura's own guard (bugs in json_metadata.py)
        meta = tm.extract_meta_json(tree, meta)
    if not meta.title:
        meta.title = tm.extract_title(tree)
    if (
        not meta.author
        and _AUTHOR_WORDS.search(source)
        and any(expr(tree) for expr in AUTHOR_XPATHS)
    ):
        meta.author = tm.extract_author(tree)
    if not meta.url:
        meta.url = tm.extract_url(tree, url)
    if meta.url:
        meta.hostname = extract_domain(meta.url, fast=True)
    meta.date = find_date(tree, **{**date_params, "url": meta.url})
    if not meta.sitename:
        meta.sitename = tm.extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url and (m := tm.META_URL.match(meta.url)):
        meta.sitename = m[1]
    meta.clean_and_trim()
    return {k: getattr(meta, k) for k in FIELDS}
