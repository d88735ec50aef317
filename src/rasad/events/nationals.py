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

- ``people``: a plural nationality standing alone for the people of its state, with no people
  noun ("اعتقلت السلطات خمسة سوريين"، "اعتقال ثلاثة أفغان"، "مقتل فلسطينيين";
  ``kb.peoples``: sound plurals of a ``-ي`` nisba and the knowledge base's broken
  plurals). It stands alone after a count word (cue ``people_counts``, or digits), right
  after a noun trigger or a verb's tail ("أفرجت عن أتراك"), right after a feminine verb when
  it is a masculine sound plural (which cannot be that verb's subject), or indefinite after a
  definite word it cannot qualify ("اعتقلت الشرطة لبنانيين"). The people joined to it by
  "و" ("أربعة لبنانيين وثلاثة أميركيين") are held too. After a number in digits, an
  indefinite singular nisba counts the same ("200 سوري": Arabic counts with a singular).
  Used by ``detained`` (arrest verbs) and, for the nouns of arrests and attacks, by
  ``directed`` beside ``sides._victims``.

Used by ``directed.directed_sides`` (``expelled``, ``declarer``) and ``directed.unary_sides``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..arabic import fold
from ..kb.peoples import is_people_plural
from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Sentence, _strip

__all__: list[str] = []  # internal to the events package

_STAFF = cue("expelled_staff")
#: a word of an envoy's title between the noun and the nationality ("القائم بالأعمال")
_TITLE_TAIL = cue("envoy_title_tail")
_PEOPLE = cue("victims") | cue("arrested_people") | cue("detained_people")
#: count words before a plural nationality ("خمسة سوريين"، "عشرات الأفغان")
_COUNTS = cue("people_counts")
#: masculine sound plurals (folded): never the subject of a feminine verb
_MASC_SOUND = ("يين", "يون")
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
            return _nationality(k, sent, tokens) or _people_at(k + 1, hit, sent, tokens)
        found = _people_at(k, hit, sent, tokens)
        if found:
            return found
    return []


def people_after(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit]:
    """ "اعتقال ثلاثة أفغان"، "مقتل فلسطينيين": the people of a plural nationality right
    after the noun of an arrest or attack (past a count word), [] when none."""
    if hit.form.tense != "noun" or hit.entry.type not in ("ASSAULT", "COERCE"):
        return []
    for k in (hit.j, hit.j + 1):
        found = _people_at(k, hit, sent, tokens)
        if found:
            return found
    return []


def _plural_unit(
    k: int, sent: _Sentence, tokens: list[Token], counted: bool = False
) -> Unit | None:
    """The one-word plural nationality at word ``k`` ("سوريين"، "الأتراك"), if any; after a
    number in digits (``counted``) an indefinite singular too ("200 سوري"، "23 أميركيا":
    Arabic counts eleven and more with a singular)."""
    word = _head(tokens[k].text) if k < len(tokens) else ""
    if not (
        is_people_plural(word)
        or (counted and not word.startswith("ال") and word.endswith(("ي", "يا")))
    ):
        return None
    for u in sent.units:
        if (
            u.i == k
            and u.j == k + 1
            and u.kind == "GPE"
            and len(u.countries) == 1
            and not u.place
            and not u.counterpart
            and not u.city  # "5 دبي": a city, not people
        ):
            return u
    return None


def _head(word: str) -> str:
    """The word without a proclitic و/ف (the linker's span starts after it)."""
    return _strip(word)


def _people_at(k: int, hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit]:
    """The people named by a plural nationality standing alone at word ``k`` (module doc),
    with those joined to it by "و" and a count ("أربعة لبنانيين وثلاثة أميركيين")."""
    if not hit.j <= k < sent.tj:
        return []
    prev = _strip(tokens[k - 1].text) if k > 0 else ""
    u = _plural_unit(k, sent, tokens, counted=prev.isdigit())
    if u is None:
        return []
    word = _head(tokens[k].text)
    alone = (
        prev in _COUNTS
        or prev.isdigit()
        or (k == hit.j and (hit.form.tense == "noun" or hit.j - hit.i > 1))
        or (k == hit.j and hit.form.fem and word.endswith(_MASC_SOUND))
        or (k > hit.j and not word.startswith("ال") and prev.startswith("ال"))
    )
    if not alone:
        return []
    out = [u]
    m = k + 1
    while m + 1 < sent.tj and tokens[m].text[:1] == "و" and tokens[m].text[1:] in _COUNTS:
        nxt = _plural_unit(m + 1, sent, tokens)
        if nxt is None:
            break
        out.append(nxt)
        m += 2
    return out
