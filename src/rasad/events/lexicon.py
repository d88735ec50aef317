"""The Arabic trigger lexicon: loading, inflection and one-pass matching on folded text.

``data/triggers.tsv`` lists lemmas (see its header). Loading expands every lemma into its
surface forms on folded text (``rasad.arabic.fold``):

- verbs: past and present stems in 3rd person singular, feminine, dual and plural (التقى،
  التقت، التقيا، التقوا، يلتقي، تلتقي، يلتقيان، يلتقون), 1st person plural, and object pronouns
  (التقاه، استقبله);
- participles of manner (pos P: داعيا، محملة، متهمين), read as verbs whose subject is the
  clause's;
- nouns: definite/indefinite, accusative alif (اتصالا هاتفيا), possessive pronouns with the
  taa marbuta opened (زيارته، استقالتها، لقائهما).

Matching walks the words of the text once. Each word is looked up as it is and with glued
proclitics removed (و ف, then ب ل ك س; لل → ال), and multiword entries check the words that
follow. The longest entry wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from ..arabic import fold
from .frame_table import frame_names

__all__ = ["Entry", "Hit", "Lexicon", "Token", "load_lexicon", "tokenize"]

_TOKEN = re.compile(r"[\u0621-\u064a\u066e-\u06d3\w]+")
_FUNCTION_WORDS = frozenset({"عن", "على", "علي", "في", "من", "الى", "مع", "ب", "ل"})
_POSSESSIVE = ("ه", "ها", "هما", "هم", "هن", "ي", "نا", "كم", "كما")


class Token(NamedTuple):
    """One word of a folded text (a named tuple: made once per word, three times faster to
    build than a frozen dataclass)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon line."""

    id: int
    lemma: str
    pos: str  # V, N, P (participle of manner), A (adjective of state) or X
    type: str
    mode: str | None
    flags: frozenset[str]
    notnext: tuple[str, ...] = ()  # not when the next word is one of these
    notprev: tuple[str, ...] = ()  # not when one of these is in the three words before
    frame: str = "directed"  # the name of its frame in frames.tsv
    tailed: bool = False  # has tail words (a hit that covers the verb alone found them later)

    def has(self, flag: str) -> bool:
        return flag in self.flags


@dataclass(frozen=True, slots=True)
class Form:
    """What a surface form says beyond its entry: tense, number, pronoun suffix."""

    tense: str  # past, present, noun
    number: str  # sg, dual, pl
    suffix: str  # attached pronoun ("" if none)
    fem: bool = False  # a feminine verb form (اتهمت، تطالب): countries and cities take these
    first: bool = False  # first person (ندين، أطالب): the speaker is the subject
    hal: bool = False  # a participle of manner (داعيا، متهما): the clause's subject acts


@dataclass(frozen=True, slots=True)
class Hit:
    """A trigger found in the text: words ``[i, j)`` and norm offsets ``[start, end)``."""

    i: int
    j: int
    start: int
    end: int
    entry: Entry
    form: Form
    clitic: str  # proclitics removed from the first word


def tokenize(norm: str) -> list[Token]:
    """Words of a folded text, with offsets."""
    new = tuple.__new__  # the named tuple's own __new__ is a Python function: 20% slower
    return [new(Token, (m.start(), m.end(), m.group())) for m in _TOKEN.finditer(norm)]


# --- inflection ----------------------------------------------------------------------------


def _past_forms(past: str) -> Iterator[tuple[str, Form]]:
    sg, du, pl = (Form("past", n, "") for n in ("sg", "dual", "pl"))
    fsg = Form("past", "sg", "", fem=True)
    yield past, sg
    if past.endswith("ي"):  # defective in ى: التقى
        base = past[:-1]
        yield from (
            (base + "ت", fsg),
            (base + "يا", du),
            (base + "تا", du),
            (base + "وا", pl),
            (base + "ين", pl),
            (base + "ينا", pl),
        )
        obj = base + "ا"
    elif past.endswith("ا"):  # defective in ا: دعا
        base = past[:-1]
        yield from ((base + "ت", fsg), (base + "وا", pl), (base + "تا", du))
        obj = past
    else:
        yield from (
            (past + "ت", fsg),
            (past + "ا", du),
            (past + "تا", du),
            (past + "وا", pl),
            (past + "ن", pl),
            (past + "نا", pl),
            (past + "تم", pl),
        )
        obj = past
    fem = (past[:-1] if past.endswith(("ي", "ا")) else past) + "ت"
    for suf in ("ه", "ها", "هم", "هما"):
        yield obj + suf, Form("past", "sg", suf)
        yield fem + suf, Form("past", "sg", suf, fem=True)  # دعتهما، التقته


def _present_forms(present: str) -> Iterator[tuple[str, Form]]:
    core = present[1:] if present[:1] in "يت" else present
    sg, du, pl = (Form("present", n, "") for n in ("sg", "dual", "pl"))
    fsg = Form("present", "sg", "", fem=True)
    first = Form("present", "sg", "", first=True)
    for pre in "يتنا":
        yield pre + core, fsg if pre == "ت" else first if pre in "نا" else sg
    if core.endswith(("ي", "و")):  # defective: jussive drops the last letter (لم يلتق)
        stem = core[:-1]
        for pre in "يتن":
            yield pre + stem, fsg if pre == "ت" else first if pre == "ن" else sg
        duals = [core + "ان", core + "ا"] if core.endswith("ي") else [core + "ان"]
        plurals = [stem + "ون", stem + "وا"]
    else:
        duals, plurals = [core + "ان", core + "ا"], [core + "ون", core + "وا", core + "ن"]
    for pre in "يت":
        for form in duals:
            yield pre + form, du
        for form in plurals:
            yield pre + form, pl
    for suf in ("ه", "ها", "هم"):
        yield "ي" + core + suf, Form("present", "sg", suf)
        yield "ت" + core + suf, Form("present", "sg", suf, fem=True)


def _participle_forms(word: str) -> Iterator[tuple[str, Form]]:
    """An active participle used as a verb of manner after a comma ("داعيا", "محملة",
    "متهمين"): accusative masculine, feminine, and the oblique dual and plural."""
    hal = Form("past", "sg", "", hal=True)
    for suffix in ("ا", "ه", "ين", "تين"):
        yield word + suffix, hal


def _adjective_forms(word: str) -> Iterator[tuple[str, Form]]:
    """An adjective of the speaker's or the subject's own state ("ممتن"، "إنها ممتنة"،
    "نحن ممتنون"): masculine and feminine, singular, dual and plural, in any case."""
    told = Form("past", "sg", "", hal=True)
    yield word, told
    for suffix in ("ا", "ه", "ان", "ين", "ون", "ات", "تان", "تين"):
        yield word + suffix, told


def _noun_forms(word: str, *, head: bool) -> Iterator[tuple[str, Form]]:
    if word in _FUNCTION_WORDS:
        yield word, Form("noun", "sg", "")
        return
    bare = word[2:] if word.startswith("ال") and len(word) > 4 else word
    plain = Form("noun", "sg", "")
    yield bare, plain
    yield "ال" + bare, plain
    if not bare.endswith(("ه", "ا", "ات")):
        yield bare + "ا", plain
    if bare.endswith("ه"):
        stems = [bare[:-1] + "ت"]
    elif bare.endswith("اء"):
        stems = [bare, bare[:-1] + "ي", bare[:-1] + "و"]
    else:
        stems = [bare]
    for stem in stems:
        for suf in _POSSESSIVE:
            yield stem + suf, Form("noun", "sg", suf)


def _verb_forms(lemma: str) -> Iterator[tuple[str, Form]]:
    past, _, present = lemma.partition("/")
    yield from _past_forms(past)
    if present:
        yield from _present_forms(present)


# --- the lexicon ---------------------------------------------------------------------------

TailSlot = frozenset[str]
_Candidate = tuple[tuple[TailSlot, ...], Entry, Form]


class Lexicon:
    """Surface forms → entries, with multiword tails."""

    def __init__(self, entries: list[tuple[Entry, str, list[str]]]) -> None:
        self.entries: list[Entry] = []
        self._rows = entries
        self._model: Lexicon | None = None
        self._subsets: dict[str, Lexicon] = {}
        self._index: dict[str, list[_Candidate]] = {}
        self._cues: dict[str, set[str]] = {}
        self._stop: set[str] = set()
        self._lookup: dict[str, tuple[tuple[str, list[_Candidate]], ...]] = {}
        for entry, lemma, tail_words in entries:
            self.entries.append(entry)
            if entry.type == "_OCCUR":
                self._cues.setdefault(entry.mode or "", set()).add(lemma)
                continue
            if entry.type == "_STOP":  # a word that is never a trigger (وزارة, not و+زاره)
                self._stop.update(f for f, _ in _noun_forms(lemma, head=True))
                continue
            self._add(entry, lemma, tail_words)
        for cands in self._index.values():
            cands.sort(key=lambda c: -len(c[0]))

    def _add(self, entry: Entry, lemma: str, tail_words: list[str]) -> None:
        words = [fold(w) for w in lemma.split()]
        tail = [fold(w) for w in tail_words]
        if entry.pos == "V":
            heads = list(_verb_forms(words[0]))
            rest = words[1:] + tail
        elif entry.pos == "N":
            heads = list(_noun_forms(words[0], head=True))
            if entry.has("own"):  # with a possessive pronoun only: "تضامنها"، not "تضامن"
                heads = [(f, info) for f, info in heads if info.suffix]
            rest = words[1:] + tail
        elif entry.pos == "P":
            heads = list(_participle_forms(words[0]))
            rest = words[1:] + tail
        elif entry.pos == "A":
            heads = list(_adjective_forms(words[0]))
            rest = words[1:] + tail
        else:
            heads = [(words[0], Form("noun", "sg", ""))]
            rest = words[1:] + tail
        slots: list[TailSlot] = []
        for w in rest:
            if w.endswith("+"):  # "سفير+": with a possessive pronoun only (سفيرها)
                # not ي: "سفيري بريطانيا" is "the ambassadors of", not "my ambassador"
                # the taa marbuta opens before a pronoun: "سفارة+" → سفارتها
                stem = w[:-2] + "ت" if w[:-1].endswith("ه") else w[:-1]
                slots.append(frozenset(stem + suf for suf in _POSSESSIVE if suf != "ي"))
            elif entry.pos == "X":
                slots.append(frozenset({w}))
            else:
                slots.append(frozenset(f for f, _ in _noun_forms(w, head=False)))
        for form, info in heads:
            self._index.setdefault(form, []).append((tuple(slots), entry, info))

    def for_model(self) -> Lexicon:
        """This lexicon without the rows flagged ``nomodel``: the sentence classifier reads the
        lexicon it was trained with (rows added since stay out of its features)."""
        if self._model is None:
            rows = [r for r in self._rows if not r[0].has("nomodel")]
            self._model = self if len(rows) == len(self._rows) else Lexicon(rows)
        return self._model

    def subset(self, flag: str) -> Lexicon:
        """This lexicon's rows flagged ``flag`` only (built once per flag)."""
        if flag not in self._subsets:
            self._subsets[flag] = Lexicon([r for r in self._rows if r[0].has(flag)])
        return self._subsets[flag]

    def starts(self, word: str) -> bool:
        """True when ``word`` (with its clitics) is the first word of an entry."""
        found = self._lookup.get(word)
        return bool(found if found is not None else self._look_up(word))

    def __len__(self) -> int:
        return len(self.entries)

    def cued_types(self, tokens: list[Token]) -> tuple[frozenset[str], frozenset[str]]:
        """(types that have ``_OCCUR`` cue rows, types whose cues occur in ``tokens``)."""
        words = {t.text for t in tokens}
        words |= {w[1:] for w in words if len(w) > 2 and w[0] in "وف"}
        found = frozenset(k for k, cues in self._cues.items() if words & cues)
        return frozenset(self._cues), found

    def _look_up(self, word: str) -> tuple[tuple[str, list[_Candidate]], ...]:
        """The index entries of a word's stems, as (clitic, candidates); none for a stop word.
        Kept per word: a text repeats its words."""
        stems = _stems(word)
        if self._stop and any(stem in self._stop for stem, _ in stems):
            found: tuple[tuple[str, list[_Candidate]], ...] = ()
        else:
            found = tuple((c, self._index[s]) for s, c in stems if self._index.get(s))
        if len(self._lookup) < 200_000:
            self._lookup[word] = found
        return found

    def forms(self) -> int:
        return len(self._index)

    def match(
        self, tokens: list[Token], *, gaps: bool = False, heads: frozenset[str] = frozenset()
    ) -> list[Hit]:
        """All trigger hits, left to right; overlapping hits keep the longest. ``gaps``: a
        verb's tail may also come up to three words after it, past its subject ("أطلق حزب الله
        صواريخ"), or five when the word after the verb is one of ``heads`` (a long title:
        "ووافق رئيس الوزراء الإسرائيلي بنيامين نتنياهو على"); such a hit covers the verb
        alone."""
        hits: list[Hit] = []
        n = len(tokens)
        i = 0
        lookup = self._lookup
        while i < n:
            best: Hit | None = None
            found = lookup.get(tokens[i].text)
            if found is None:
                found = self._look_up(tokens[i].text)
            for clitic, cands in found:
                for slots, entry, info in cands:
                    if not _clitic_ok(clitic, entry, info):
                        continue
                    j = i + 1 + len(slots)
                    if slots and (
                        j > n
                        or not all(tokens[i + 1 + k].text in slot for k, slot in enumerate(slots))
                    ):
                        if not (
                            gaps
                            and slots
                            and entry.pos in ("V", "P")
                            and _tail_after_gap(tokens, i, slots, heads, entry.has("longgap"))
                        ):
                            continue
                        j = i + 1  # the verb alone: its subject stands in between
                    if entry.notnext and j < n and tokens[j].text in entry.notnext:
                        continue
                    if entry.notprev and _prev_has(tokens, i, entry.notprev):
                        continue
                    if best is None or j > best.j:
                        best = Hit(i, j, tokens[i].start, tokens[j - 1].end, entry, info, clitic)
                    break
            if best is not None:
                hits.append(best)
                i = best.j
            else:
                i += 1
        return hits


def _tail_after_gap(
    tokens: list[Token],
    i: int,
    slots: tuple[TailSlot, ...],
    heads: frozenset[str],
    longgap: bool = False,
) -> bool:
    """The tail within three words after the verb (five after a title head; six for an entry
    flagged ``longgap``: "وصوتت روسيا وبيلاروسيا وكوريا الشمالية ضد")."""
    n = len(tokens)
    long = i + 1 < n and tokens[i + 1].text in heads
    for gap in range(1, 7 if longgap else 6 if long else 4):
        start = i + 1 + gap
        if start + len(slots) <= n and all(
            tokens[start + k].text in slot for k, slot in enumerate(slots)
        ):
            return True
    return False


def _prev_has(tokens: list[Token], i: int, words: tuple[str, ...]) -> bool:
    """One of ``words`` (with or without proclitics) in the three words before word ``i``."""
    return any(stem in words for k in range(max(0, i - 3), i) for stem, _ in _stems(tokens[k].text))


def _clitic_ok(clitic: str, entry: Entry, info: Form) -> bool:
    if not clitic:
        return True
    inner = clitic.lstrip("وف")
    if entry.pos == "V":
        return inner in ("", "س", "ل") and (not inner or info.tense == "present")
    if entry.pos in ("P", "A"):
        return not inner
    return inner in ("", "ب", "ل", "ك", "لل")


@lru_cache(maxsize=100_000)
def _stems(word: str) -> tuple[tuple[str, str], ...]:
    out = [(word, "")]
    if len(word) >= 3 and word[0] in "وف":
        out.append((word[1:], word[0]))
    for stem, pre in list(out):
        if len(stem) > 3 and stem.startswith("لل"):
            out.append(("ال" + stem[2:], pre + "لل"))
        if len(stem) > 3 and stem[0] in "بلكس":
            out.append((stem[1:], pre + stem[0]))
    return tuple(out)


def _parse_line(i: int, line: str) -> tuple[Entry, str, list[str]] | None:
    line = line.rstrip("\n")
    if not line.strip() or line.startswith("#"):
        return None
    cols = line.split("\t")
    if len(cols) not in (6, 7):
        raise ValueError(f"triggers.tsv line {i}: expected 7 columns, got {len(cols)}")
    lemma, tail, pos, etype, mode, flags = cols[:6]
    frame_name = cols[6].strip() if len(cols) == 7 and cols[6].strip() != "-" else "directed"
    flag_set = frozenset(f for f in flags.split(",") if f and f != "-")
    notnext = next(
        (
            tuple(fold(w) for w in f.split("=", 1)[1].split("|"))
            for f in flag_set
            if f.startswith("notnext=")
        ),
        (),
    )
    notprev = next(
        (
            tuple(fold(w) for w in f.split("=", 1)[1].split("|"))
            for f in flag_set
            if f.startswith("notprev=")
        ),
        (),
    )
    entry = Entry(
        i,
        lemma,
        pos,
        etype,
        None if mode == "-" else mode,
        frozenset(f for f in flag_set if not f.startswith(("notnext=", "notprev="))),
        notnext,
        notprev,
        frame_name,
        tail != "-",
    )
    return entry, fold(lemma), [] if tail == "-" else tail.split()


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The shipped lexicon (or a user's TSV file with the same columns)."""
    if path is None:
        text = resources.files("rasad.events").joinpath("data/triggers.tsv").read_text("utf-8")
    else:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    rows = [
        row
        for i, line in enumerate(text.splitlines(), 1)
        if (row := _parse_line(i, line)) is not None
    ]
    known = set(frame_names())
    for entry, _, _ in rows:
        if entry.frame not in known:
            raise ValueError(f"triggers.tsv line {entry.id}: unknown frame {entry.frame!r}")
    return Lexicon(rows)
