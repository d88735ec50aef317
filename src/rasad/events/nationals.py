"""Foreign nationals acted on: diplomats expelled and people detained, told by a people noun
and their nationality after the verb ("طردت فرنسا دبلوماسيين روسا"، "اعتقلت إيران مواطنين
فرنسيين"، "أوقفت السلطات الإيرانية صحفيا أمريكيا"). The nationality is the target, not a state
named elsewhere in the sentence ("... بعد حادث في بولندا") and not the arresting state itself.

- ``expelled``: for an expulsion (SANCTION, mode ``expel``), a word of cue ``expelled_staff``
  (دبلوماسيين، السفير، القائم بالأعمال ...) in the few words after the trigger, or, for a
  declaration told after its object ("أعلنت X القائم بالأعمال الإسرائيلي شخصا غير مرغوب
  فيه", flag ``persona``), in the few words before it, followed by its nationality; the
  one who declares is then the last actor before the envoy noun (``declarer``).
- ``detained``: for an arrest (COERCE, mode ``arrest``) told by a verb, a people noun (cues
  ``victims``, ``arrested_people`` and ``detained_people``: سائحا، باحثا، مراسلا) followed by
  its nationality, past the subject. When the subject read for the verb is that nationality
  ("أعلنت السلطات X أنها ألقت القبض على صحفي Y"), the speaker is the one who arrests.

A nationality is a linked state's nisba or name right after the noun (past one word of the
envoy's title, "بالأعمال"), or an accusative broken plural the linker does not know
(``data/accusative_plurals.tsv``: "روسا"، "أتراكا").

Used by ``directed.directed_sides`` (``expelled``, ``declarer``) and ``directed.unary_sides``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..arabic import fold
from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Sentence, _strip

__all__: list[str] = []  # internal to the events package

_STAFF = cue("expelled_staff")
#: a word of an envoy's title between the noun and the nationality ("القائم بالأعمال")
_TITLE_TAIL = cue("envoy_title_tail")
_PEOPLE = cue("victims") | cue("arrested_people") | cue("detained_people")
#: how many words after the trigger (past a subject of up to four words) the noun may stand
_REACH = 7
#: how many words before a declaration told after its object the envoy noun may stand
_BACK = 6


@lru_cache(maxsize=1)
def _plurals() -> dict[str, str]:
    """Accusative broken plurals of nationalities (folded word → ISO3)."""
    text = (
        resources.files("rasad.events").joinpath("data/accusative_plurals.tsv").read_text("utf-8")
    )
    out: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        word, sep, code = line.partition("\t")
        if not sep or not code.strip():
            raise ValueError(f"accusative_plurals.tsv line {n}: expected 'word<TAB>ISO3'")
        out[fold(word.strip())] = code.strip()
    return out


def _nationality(k: int, sent: _Sentence, tokens: list[Token]) -> list[Unit]:
    """The nationality right after the people noun at word ``k``."""
    m = k + 1
    if m < sent.tj and _strip(tokens[m].text) in _TITLE_TAIL:
        m += 1
    if m >= sent.tj:
        return []
    for u in sent.units:
        if u.i == m and u.countries and u.kind == "GPE" and not u.prep and not u.place:
            return [u]
    code = _plurals().get(tokens[m].text)
    if code is None:
        return []
    t = tokens[m]
    return [Unit(m, m + 1, t.start, t.end, None, "GPE", (code,), None)]


def _stop(sent: _Sentence, k: int) -> int:
    return min([b for b in sent.breaks if b > k] + [sent.tj])


def expelled(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit]:
    """The nationality of the diplomats expelled by ``hit`` ([] when none is told)."""
    if hit.entry.type != "SANCTION" or hit.entry.mode != "expel":
        return []
    if hit.entry.has("persona"):
        span = range(max(sent.ti, hit.i - _BACK), hit.i)
    else:
        span = range(hit.j, min(_stop(sent, hit.j), hit.j + _REACH))
    for k in span:
        if _strip(tokens[k].text) in _STAFF:
            found = _nationality(k, sent, tokens)
            if found:
                return found
    return []


def declarer(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit] | None:
    """Who declares the envoy before a ``persona`` trigger unwelcome: the last actor named
    before the envoy noun ("أعلنت تركيا السفير الإسرائيلي شخصا غير مرغوب فيه" is Turkey, not
    the envoy's nisba, which is the nearest before the trigger); None when the envoy's
    nationality is not told."""
    if not hit.entry.has("persona"):
        return None
    for k in range(hit.i - 1, max(sent.ti, hit.i - _BACK) - 1, -1):
        if _strip(tokens[k].text) in _STAFF and _nationality(k, sent, tokens):
            before = [u for u in sent.units if u.j <= k and u.is_actor]
            return before[-1:] or None
    return None


def detained(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit]:
    """The nationality of the people arrested by the verb ``hit`` ([] when none is told)."""
    if hit.entry.type != "COERCE" or hit.entry.mode != "arrest" or hit.form.tense == "noun":
        return []
    for k in range(hit.j, min(_stop(sent, hit.j), hit.j + _REACH)):
        if _strip(tokens[k].text) in _PEOPLE:
            return _nationality(k, sent, tokens)
    return []
