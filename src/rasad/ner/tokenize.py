"""Regex tokeniser in the style of ANERcorp.

Words keep their attached clitics (``والعراق`` is one token, as in ANERcorp);
numbers keep inner separators and a trailing percent sign; every other
non-space character (punctuation, symbols) is a token of its own.
"""

from __future__ import annotations

import re

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_TOKEN = re.compile(
    r"\d+(?:[.,:/\u066b\u066cر]\d+)*[%\u066a]?"  # numbers: 3.5  2005/12/1  30%
    rf"|(?:[^\W\d_]|[{_MARKS}])(?:[^\W_]|[{_MARKS}])*"  # words (letters, marks, digits)
    r"|[^\s\u200e\u200f]",  # any other single visible character
)


def tokenize(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character spans of the tokens of ``text``."""
    return [m.span() for m in _TOKEN.finditer(text)]


def token_strings(text: str) -> list[str]:
    return [m.group() for m in _TOKEN.finditer(text)]
