"""Arabic orthographic normalisation with an offset map back into the original text.

``normalize(text)`` returns ``(norm, OffsetMap)``. The folding is character based: every source
character becomes zero, one or several normalised characters, so a span of ``norm`` always maps
back to a slice of ``text``. What is folded:

- diacritics and every other combining mark (harakat, shadda, sukun, superscript alef, Latin
  accents after NFD), tatweel, bidi and zero-width format characters: removed;
- alef forms (أ إ آ ٱ) → ا; alef maqsura ى and yeh forms (ی ې ئ) → ي; waw with hamza ؤ → و;
  taa marbuta ة and heh forms (ۃ ہ ھ ە) → ه (the keys used for matching and search);
- Persian/Urdu letters → Arabic (ک → ك, گ → ك, پ → ب, چ → ج, ژ → ز, ڤ → ف, ڨ → ق);
- Arabic-Indic and Persian digits → ASCII digits; Arabic decimal/thousands/percent signs;
- quotation marks (« » “ ” „ ″) → ``"`` and (‘ ’ ‚ ′) → ``'``; dashes → ``-``;
  exotic spaces → space;
- presentation forms and ligatures (ﻻ, ﷲ, U+FDFD) → their letters (NFKC), each output character
  mapped to the whole source character;
- Latin, Greek and Cyrillic: case folded, accents removed (Erdoğan → erdogan).

The folding is idempotent: ``fold(fold(s)) == fold(s)``.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from functools import lru_cache

__all__ = [
    "PROCLITICS",
    "OffsetMap",
    "clitic_stems",
    "fold",
    "normalize",
    "words",
]

_LETTER_MAP: dict[str, str] = {
    # alef forms
    "\u0622": "\u0627",
    "\u0623": "\u0627",
    "\u0625": "\u0627",
    "\u0671": "\u0627",
    "\u0672": "\u0627",
    "\u0673": "\u0627",
    "\u0675": "\u0627",
    # yeh / alef maqsura forms
    "\u0649": "\u064a",
    "\u06cc": "\u064a",
    "\u06d0": "\u064a",
    "\u06cd": "\u064a",
    "\u0626": "\u064a",
    "\u06d2": "\u064a",
    "\u06ce": "\u064a",
    # waw with hamza and Turkic waw forms
    "\u0624": "\u0648",
    "\u06c6": "\u0648",
    "\u06c7": "\u0648",
    "\u06cb": "\u0648",
    "\u0676": "\u0648",
    # taa marbuta and heh forms
    "\u0629": "\u0647",
    "\u06c3": "\u0647",
    "\u06c1": "\u0647",
    "\u06be": "\u0647",
    "\u06d5": "\u0647",
    "\u06c0": "\u0647",
    # Persian / Urdu letters
    "\u06a9": "\u0643",
    "\u06aa": "\u0643",
    "\u06af": "\u0643",
    "\u067e": "\u0628",
    "\u0686": "\u062c",
    "\u0698": "\u0632",
    "\u06a4": "\u0641",
    "\u06a8": "\u0642",
    "\u06ad": "\u0643",
    "\u0679": "\u062a",
    "\u0688": "\u062f",
    "\u0691": "\u0631",
    "\u06ba": "\u0646",
    # signs
    "\u066b": ".",
    "\u066c": ",",
    "\u066a": "%",
    "\u060d": ",",
    # quotes, dashes
    "\u00ab": '"',
    "\u00bb": '"',
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\uff02": '"',
    "\u301d": '"',
    "\u301e": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    # ligatures without a Unicode decomposition
    "\ufdfd": "بسم الله الرحمن الرحيم",
}
_LETTER_MAP.update({chr(0x0660 + i): str(i) for i in range(10)})
_LETTER_MAP.update({chr(0x06F0 + i): str(i) for i in range(10)})

# The characters the folding looks at; everything else is kept as it is.
_RANGES = [
    (0x0000, 0x052F),  # Latin, Greek, Cyrillic
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),  # Arabic blocks
    (0x1E00, 0x1EFF),  # Latin extended additional
    (0x2000, 0x206F),  # general punctuation (spaces, bidi, quotes)
    (0x2100, 0x214F),
    (0x2200, 0x2212),
    (0x3000, 0x3000),
    (0x301D, 0x301E),
    (0xFB00, 0xFB06),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),  # ligatures, presentation forms
    (0xFF01, 0xFF5E),  # full width ASCII
]


def _fold_char_once(ch: str) -> str:
    if ch in _LETTER_MAP:
        return _LETTER_MAP[ch]
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me", "Cf") or ch == "\u0640":
        return ""
    if cat == "Zs" or ch in "\u2028\u2029":
        return " " if ch not in "\u2028\u2029" else "\n"
    code = ord(ch)
    if 0xFB00 <= code <= 0xFEFF or 0xFF01 <= code <= 0xFF5E or 0x2100 <= code <= 0x214F:
        nfkc = unicodedata.normalize("NFKC", ch)
        if nfkc != ch:
            return nfkc
    if code <= 0x052F or 0x1E00 <= code <= 0x1EFF:
        decomposed = unicodedata.normalize("NFD", ch.casefold())
        return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return ch


def _fold_char(ch: str) -> str:
    out = ch
    for _ in range(4):  # apply until a fixed point: ﻷ → لأ → لا
        nxt = "".join(_fold_char_once(c) for c in out)
        if nxt == out:
            return out
        out = nxt
    return out


def _build_tables() -> tuple[dict[int, str], dict[int, str | None], re.Pattern[str]]:
    one_to_one: dict[int, str] = {}
    full: dict[int, str | None] = {}
    special: list[str] = []
    for lo, hi in _RANGES:
        for code in range(lo, hi + 1):
            ch = chr(code)
            if unicodedata.category(ch) == "Cs":
                continue
            out = _fold_char(ch)
            if out == ch:
                continue
            full[code] = out if out else None
            if len(out) == 1:
                one_to_one[code] = out
            else:
                special.append(ch)
    # format characters outside the ranges (tag characters, etc.) are removed too
    for code in (0xFEFF, 0x180E, 0xE0001):
        full[code] = None
        if chr(code) not in special:
            special.append(chr(code))
    pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(set(special))) + "]")
    return one_to_one, full, pattern


_ONE_TO_ONE, _FULL, _SPECIAL = _build_tables()


def fold(text: str) -> str:
    """The normalised form of ``text`` (no offset map): for keys, queries and lookups."""
    return text.translate(_FULL)


class OffsetMap:
    """Maps positions of a normalised string back to positions in its source text.

    ``starts[i]`` is the index in the source of the character that produced ``norm[i]``;
    ``starts[len(norm)] == len(text)``. The map is monotone non-decreasing. ``None`` stands for
    the identity (nothing was removed or expanded), which is the common case for clean text.
    """

    __slots__ = ("_starts", "norm_len", "text_len")

    def __init__(self, starts: array[int] | None, norm_len: int, text_len: int) -> None:
        self._starts = starts
        self.norm_len = norm_len
        self.text_len = text_len

    @property
    def is_identity(self) -> bool:
        return self._starts is None

    def __len__(self) -> int:
        return self.norm_len + 1

    def __getitem__(self, i: int) -> int:
        if self._starts is None:
            if not 0 <= i <= self.norm_len:
                raise IndexError(i)
            return i
        return self._starts[i]

    def to_list(self) -> list[int]:
        if self._starts is None:
            return list(range(self.norm_len + 1))
        return list(self._starts)

    def span(self, start: int, end: int, text: str) -> tuple[int, int]:
        """The slice of ``text`` that produced ``norm[start:end]`` (``start < end``).

        The end is extended over marks removed right after the last character (a name with a
        final diacritic keeps it), never over a following character that produced output.
        """
        if not 0 <= start < end <= self.norm_len:
            raise IndexError((start, end))
        t_start = self[start]
        t_end = self[end - 1] + 1
        limit = self[end] if end < self.norm_len else self.text_len
        while t_end < limit and not _FULL.get(ord(text[t_end]), "x"):
            t_end += 1
        return t_start, t_end

    def to_norm(self, text_index: int) -> int:
        """The first normalised position produced at or after ``text_index``."""
        if self._starts is None:
            return min(text_index, self.norm_len)
        return bisect_left(self._starts, text_index, 0, self.norm_len)


def normalize(text: str) -> tuple[str, OffsetMap]:
    """Fold ``text`` and return the normalised string with its offset map."""
    if _SPECIAL.search(text) is None:
        return text.translate(_ONE_TO_ONE), OffsetMap(None, len(text), len(text))
    pieces: list[str] = []
    starts: array[int] = array("q")
    prev = 0
    for m in _SPECIAL.finditer(text):
        p = m.start()
        if p > prev:
            pieces.append(text[prev:p].translate(_ONE_TO_ONE))
            starts.extend(range(prev, p))
        out = _FULL.get(ord(text[p])) or ""
        if out:
            pieces.append(out)
            starts.extend([p] * len(out))
        prev = p + 1
    if prev < len(text):
        pieces.append(text[prev:].translate(_ONE_TO_ONE))
        starts.extend(range(prev, len(text)))
    norm = "".join(pieces)
    starts.append(len(text))
    return norm, OffsetMap(starts, len(norm), len(text))


# --- words and clitics -------------------------------------------------------------------

_WORD = re.compile(r"[\u0621-\u064a\u066e-\u06d3\w]+")

#: One-letter proclitics (conjunctions and prepositions) and the article combinations that
#: may be glued to a name, longest first. Applies to folded text.
PROCLITICS: tuple[str, ...] = (
    "وبال",
    "فبال",
    "وكال",
    "فكال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "ال",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "فك",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)
_ARTICLE_PREFIXES = {
    "وال": "ال",
    "فال": "ال",
    "بال": "ال",
    "كال": "ال",
    "لل": "ال",
    "وبال": "ال",
    "فبال": "ال",
    "وكال": "ال",
    "فكال": "ال",
    "ولل": "ال",
    "فلل": "ال",
}


#: The proclitics by their first letter, in the order of ``PROCLITICS``.
_PROCLITICS_BY_FIRST: dict[str, tuple[str, ...]] = {
    c: tuple(p for p in PROCLITICS if p[0] == c) for c in {p[0] for p in PROCLITICS}
}


def words(norm: str) -> list[tuple[int, int]]:
    """Word spans (start, end) of a normalised string."""
    return [m.span() for m in _WORD.finditer(norm)]


@lru_cache(maxsize=200_000)
def clitic_stems(word: str, min_len: int = 2) -> tuple[str, ...]:
    """The word and the forms left after removing glued proclitics (folded input).

    ``clitic_stems("وبوتين") == ("وبوتين", "بوتين")``; ``clitic_stems("للرئيس")`` gives
    ``("للرئيس", "الرئيس", "رئيس")`` in folded form. Stems shorter than ``min_len`` are dropped.
    """
    out = [word]
    for pre in _PROCLITICS_BY_FIRST.get(word[:1], ()):
        if word.startswith(pre) and len(word) - len(pre) >= min_len:
            rest = word[len(pre) :]
            art = _ARTICLE_PREFIXES.get(pre)
            if art and pre != "ال":
                out.append(art + rest)
            out.append(rest)
    seen: dict[str, None] = dict.fromkeys(out)
    return tuple(seen)


#: The one table of month names (folded spelling -> month number), read by the publication
#: date (``rasad.extraction.pubdate``) and by event dates (``rasad.events.dates``). All three
#: systems:
#: the names from Latin (Egypt, Gulf), the Maghreb spellings (Algeria/Tunisia and Morocco) and
#: the Syriac names (Levant, Iraq).
MONTHS: dict[str, int] = {
    # from the Latin names (Egypt, Gulf, Sudan)
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "اغسطس": 8, "اغسطوس": 8, "سبتمبر": 9, "اكتوبر": 10,
    "نوفمبر": 11, "ديسمبر": 12,
    # Algeria and Tunisia (from French)
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7,
    "اوت": 8,
    # Morocco
    "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
    # Levant and Iraq (Syriac names)
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6,
    "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11,
    "كانون الاول": 12,
}  # fmt: skip
#: Month spellings that are also common words: a month only next to a day number or a year.
AMBIGUOUS_MONTHS = frozenset({"اب", "ماي", "مارس", "اوت"})


# The light folding the shipped NER model (``rasad.ner``) was trained on: diacritics, Quranic
# marks, tatweel and joiners removed, alef forms, alef maqsura / Farsi yeh and taa marbuta folded,
# Arabic-Indic digits to ASCII, the lam-alef ligatures split. Unlike ``fold`` it keeps hamza on
# its carrier (ئ ؤ), quotes and letter case: the CRF's features, lexicons and word statistics are
# keyed by this form, so changing it means retraining (``scripts/train_ner.py``).
_LIGHT: dict[int, str | None] = {
    ord(ch): None
    for ch in (
        [chr(c) for c in range(0x064B, 0x0660)]
        + [chr(c) for c in range(0x0610, 0x061B)]
        + ["\u0670", "\u0640", "\u200c", "\u200d", "\u200e", "\u200f"]
    )
}
_LIGHT.update({ord(a): b for a, b in zip("أإآٱىیة", "ااااييه", strict=True)})
_LIGHT.update({ord(chr(0x0660 + d)): str(d) for d in range(10)})
_LIGHT.update({0xFEF7: "لا", 0xFEF8: "لا", 0xFEF9: "لا", 0xFEFA: "لا", 0xFEFB: "لا"})


def fold_light(word: str) -> str:
    """The NER model's folding of one word (see ``_LIGHT``); ``fold`` is the full one."""
    return word.translate(_LIGHT)
