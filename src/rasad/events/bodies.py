"""State bodies the linker leaves unresolved, read as actors of the state in context.

News names a ruling body without its state when the sentence or the one before says which
("ذكرت الإذاعة الرسمية في النيجر أن المجلس العسكري أمر ..."), and some bodies bear a name that
several states share ("وزارة الخارجية والمغتربين"). The linker cannot tell whose they are, so
they get no mention. Here a body phrase (cue ``state_bodies``) that no unit covers becomes an
actor unit of the state named right after it ("وزارة الدفاع في باكو"), else nearest before it
in its sentence (a country, a city, a nisba), else the state the document has named most so
far (at least twice); with none of these it stays unread.
"""

from __future__ import annotations

from bisect import bisect_left

from .arguments import Unit
from .cues import cue
from .lexicon import Token

__all__: list[str] = []  # internal to the events package

_BODIES = tuple(sorted((tuple(p.split()) for p in cue("state_bodies")), key=len, reverse=True))
_FIRST = frozenset(p[0] for p in _BODIES)
#: the phrases of each first word, longest first (the order of ``_BODIES``)
_BY_HEAD: dict[str, list[tuple[str, ...]]] = {
    head: [p for p in _BODIES if p[0] == head] for head in _FIRST
}
#: group numbers of the added units, apart from those of the linker's units
_GROUP_BASE = 1_000_000


def _heads(word: str) -> list[tuple[str, str]]:
    """(head, preposition) readings of a word that may open a body phrase: without a glued
    و or ف, with لل read as ل + ال; only heads that are the first word of some phrase."""
    out = []
    for clitic in ("", "و", "ف"):
        if clitic and not word.startswith(clitic):
            continue
        head = word[len(clitic) :]
        prep = ""
        if head.startswith("لل"):
            head, prep = "ال" + head[2:], "ل"
        elif head.startswith("ل") and head[1:] in _FIRST:
            head, prep = head[1:], "ل"  # "بيان لوزارة الدفاع": a statement of the ministry
        if head in _FIRST:
            out.append((head, prep))
    return out


#: word → its readings (``_heads``), kept per word: most words of a text open no phrase
_HEADS: dict[str, list[tuple[str, str]]] = {}


def _opens(word: str) -> list[tuple[str, str]]:
    """The readings of ``word`` (``_heads``), kept per word."""
    heads = _HEADS.get(word)
    if heads is None:
        heads = _heads(word)
        if len(_HEADS) < 200_000:
            _HEADS[word] = heads
    return heads


def _body_at(tokens: list[Token], k: int) -> tuple[int, str] | None:
    """(length, preposition) of a body phrase starting at word ``k``."""
    for head, prep in _opens(tokens[k].text):
        for phrase in _BY_HEAD[head]:
            n = len(phrase)
            if all(k + m < len(tokens) and tokens[k + m].text == phrase[m] for m in range(1, n)):
                return n, prep
    return None


def _state_before(units: list[Unit], lo: int, pos: int) -> tuple[str, ...] | None:
    """The country of the last state named (a country, a city, a nisba) in ``units[lo:pos]``."""
    for u in reversed(units[lo:pos]):
        if u.kind == "GPE" and len(u.countries) == 1 and not u.modifier:
            return u.countries  # not a topic's nisba ("العملية العسكرية الأذربيجانية")
    return None


def _bare(word: str) -> str:
    """``word`` without a glued و / ف / ب / ل and its article ("والخارجية" → "خارجية")."""
    for clitic in ("و", "ف", "ب", "ل"):
        if word.startswith(clitic) and len(word) > len(clitic) + 2:
            rest = word[len(clitic) :]
            if rest.startswith("ال") or clitic in "بل":
                word = rest
                break
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _named_before(
    units: list[Unit], tokens: list[Token], phrase: list[str], here: int
) -> tuple[str, ...] | None:
    """The country of the last body of one state named in full before ``here`` whose words
    hold the phrase's first two ("وزارة الخارجية اللبنانية" for a later "وزارة الخارجية
    والمغتربين", "الخارجية", "الوزارة")."""
    keys = {_bare(w) for w in phrase[:2]}
    for u in reversed(units[:here]):
        if u.kind != "ORG" or u.sector != "GOV" or len(u.countries) != 1 or u.entity is None:
            continue
        if keys <= {_bare(t.text) for t in tokens[u.i : u.j]}:
            return u.countries
    return None


def _main_state(units: list[Unit]) -> tuple[str, ...] | None:
    """The state named most often so far (the latest of equals), if named twice."""
    counts: dict[str, int] = {}
    for u in units:
        if u.kind == "GPE" and len(u.countries) == 1:
            c = u.countries[0]
            counts[c] = counts.pop(c, 0) + 1  # re-inserted: the latest ranks last
    if not counts:
        return None
    best = max(counts.values())
    if best < 2:
        return None
    return ([c for c, n in counts.items() if n == best][-1],)


def add_bodies(units: list[Unit], tokens: list[Token], spans: list[tuple[int, int]]) -> list[Unit]:
    """``units`` with a unit for each unresolved body phrase whose state the context gives."""
    if not _BODIES:
        return units
    known = _HEADS
    opens = [  # the words that may open a phrase (most words of a text open none)
        k for k, t in enumerate(tokens) if (known[t.text] if t.text in known else _opens(t.text))
    ]
    if not opens:
        return units
    starts = [u.start for u in units]
    covered = {k for u in units for k in range(u.i, u.j)}
    t_starts = [t.start for t in tokens]
    added: list[Unit] = []
    for s, e in spans:
        ti, tj = bisect_left(t_starts, s), bisect_left(t_starts, e)
        k = ti  # the next word a phrase may start at
        for o in opens[bisect_left(opens, ti) : bisect_left(opens, tj)]:
            if o < k or o in covered:
                continue
            found = _body_at(tokens, o)
            if found is None:
                continue
            k = o
            n, prep = found
            here = bisect_left(starts, tokens[k].start)
            after = units[here] if here < len(units) else None
            if after is not None and after.i == k + n and after.nisba:
                k += n  # "وزارة الدفاع الأذربيجانية": the nisba already names the actor
                continue
            countries = (
                after.countries  # "وزارة الدفاع في باكو"
                if after is not None
                and after.kind == "GPE"
                and len(after.countries) == 1
                and after.i <= k + n + 1
                and (after.prep == "في" or after.nisba)
                else _state_before(units, bisect_left(starts, s), here)
            )
            if countries is None:  # the body named in full earlier in the text
                countries = _named_before(units, tokens, [t.text for t in tokens[k : k + n]], here)
            if countries is None:
                countries = _main_state(units[:here])
            if countries is not None and not any(m in covered for m in range(k, k + n)):
                unit = Unit(
                    k,
                    k + n,
                    tokens[k].start,
                    tokens[k + n - 1].end,
                    None,
                    "ORG",
                    countries,
                    "GOV",
                    prep=prep,
                    group=_GROUP_BASE + len(added),
                )
                added.append(unit)
            k += n
    if not added:
        return units
    return sorted(units + added, key=lambda u: u.start)
