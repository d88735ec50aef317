"""Victims named before the attack that struck them: "مقتل جنود X في هجوم Y"، "إصابة ثلاثة
X بقصف Y"، "قتل خمسة مواطنين X جراء غارة Y"، "أن سبعة مدنيين X قتلوا في غارة Y" (Y's attack
on X).

A casualty word opens the phrase: a noun (cue ``casualty_nouns``: مقتل، إصابة، استشهاد، جرح،
سقوط ...) or a passive verb (cue ``casualty_verbs``: قتل، أصيب، استشهدوا ...). Its victims
follow it (a plural nationality, a people noun with its nisba, a place: any unit of a state),
or, for a verb with none after it, stand right before it as its subject; then a link (cue
``casualty_links``: في، جراء، إثر ...; or the clitic "بـ" of the act noun: "برصاص"، "بغارة")
and the act noun, whose agent is named as for an act undergone (``undergone._agent``: its
nisba, definite or indefinite, the actor right after it, an agent link "شنته X", "من قبل X").

``victim_sides`` gives the act noun the pair (agent, victims' state): without it the victims,
the first actors of the clause, were read as the one who attacks ("إصابة ثلاثة سوريين في قصف
إسرائيلي" was SYR → ISR) or the act gave nothing. When no agent is named, no victims of a
state are, or the victims are all of the agent's own state ("مقتل جنود روس في قصف روسي
بالخطأ"), it returns None and the act is read as before (a noun flagged ``victimsonly``,
"رصاص", then gives nothing). ``casualty_words`` marks the casualty word of each phrase whose
agent is named and whose victims are not all of the agent's state: its own reading ("مقتل"
read with the speaker as the one who kills, the passive "قتل" with the victims as its
subject) then gives no event, the act noun tells it (``_Sentence.struck``), and a stance whose
object is the casualty word ("أدانت X مقتل جنود Y في هجوم Z"، "نددت بمقتل ...") is aimed at
the agent, not at the victims (``undergone.exposed_object``).
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Sentence, _Side
from .undergone import _agent

__all__: list[str] = []  # internal to the events package

#: the dead or hurt: "مقتل"، "إصابة"، "استشهاد"
_NOUNS = cue("casualty_nouns")
#: the passive verbs of the dead or hurt: "قتل"، "أصيبوا"، "استشهدا"
_VERBS = cue("casualty_verbs")
#: between the victims and the act: "في"، "جراء"، "إثر"
_LINKS = cue("casualty_links")
#: how far before the link the casualty word may stand ("إصابة أربعة أطفال فلسطينيين من
#: سكان مخيم جنين في ...")
_REACH = 8
#: how far after the act noun the place it struck may be named
_PLACE_REACH = 9
#: clitics a casualty word may carry: "ومقتل"، "بإصابة"، "وباستشهاد"
_PREFIXES = "وفبل"


def _casualty_word(word: str) -> bool:
    for cut in range(3):
        if word[cut:] in _NOUNS or word[cut:] in _VERBS:
            return all(c in _PREFIXES for c in word[:cut])
    return False


def _is_verb(word: str) -> bool:
    return word in _VERBS or (len(word) > 3 and word[0] in "وف" and word[1:] in _VERBS)


def _link(hit: Hit, sent: _Sentence, tokens: list[Token]) -> int | None:
    """The word before which the victims end: the act noun itself when it carries "بـ"
    ("برصاص")، else the link word right before it ("في قصف")."""
    if hit.clitic in ("ب", "وب", "فب"):
        return hit.i
    k = hit.i - 1
    if k >= sent.ti and tokens[k].text in _LINKS:
        return k
    if hit.clitic == "و" and k > sent.ti:
        # "إثر قصف وإطلاق رصاص من الجيش X": an act joined to the one after the link
        if tokens[k - 1].text in _LINKS:
            return k - 1
        if tokens[k].text.startswith("ب") and len(tokens[k].text) > 3:
            return k
    return None


def _casualty(link: int, sent: _Sentence, tokens: list[Token]) -> list[int]:
    """The casualty words a few words before ``link``, in the same clause, the nearest first;
    one joined by "و" goes on to the one before it ("بمقتل خمسة مدنيين وإصابة تسعة آخرين
    في قصف ...")."""
    stops = set(sent.breaks)
    found: list[int] = []
    lo = max(sent.ti, link - _REACH)
    k = link - 1
    while k >= lo:
        word = tokens[k].text
        if _casualty_word(word):
            found.append(k)
            if word[0] != "و":
                break
            lo = max(sent.ti, k - _REACH)
        elif k in stops:
            break
        k -= 1
    return found


def _phrase(hit: Hit, sent: _Sentence, tokens: list[Token]) -> tuple[list[int], list[Unit]] | None:
    """The casualty words and the victims of the act noun ``hit`` (maybe none of a state),
    or None when the act is not told after a casualty word."""
    if hit.entry.type != "ASSAULT" or hit.form.tense != "noun" or hit.form.suffix:
        return None
    link = _link(hit, sent, tokens)
    if link is None:
        return None
    words = _casualty(link, sent, tokens)
    if not words:
        return None
    word = words[-1]
    victims = [u for u in sent.units if word < u.i and u.j <= link and u.countries]
    if not victims and _is_verb(tokens[word].text):
        # "أن سبعة مدنيين عراقيين قتلوا في غارة": the verb's subject right before it
        before = [u for u in sent.units if u.j == word and u.countries and not u.prep]
        victims = [u for u in sent.units if before and u.group == before[0].group]
    return words, victims


_Found = tuple[list[int], list[Unit], tuple[str, ...]]


def _sides(hit: Hit, sent: _Sentence, tokens: list[Token]) -> _Found | None:
    """The casualty words, the agent and the victims' states not the agent's, or None when
    not this construction, no agent of a state is named, or the victims named are all of the
    agent's own state."""
    found = _phrase(hit, sent, tokens)
    if found is None:
        return None
    agent = _agent(hit, sent, tokens)
    source = _Side.of(agent) if agent else None
    if agent is None or source is None or not source.countries:
        return None
    hurt = tuple(
        dict.fromkeys(c for u in found[1] for c in u.countries if c not in source.countries)
    )
    if found[1] and not hurt:
        return None  # "مقتل جنود روس في قصف روسي بالخطأ"
    return found[0], agent, hurt


def _struck_place(hit: Hit, sent: _Sentence, source: _Side) -> tuple[str, ...]:
    """The state of the place the act struck, named after it in its clause ("بغارة إسرائيلية
    على دمشق"، "في قصف استهدف مبنى في مدينة X"): a name (not a nisba) of another state than
    the agent's, within a few words, before a comma or a clause break."""
    stop = min(
        [k for k in sent.breaks + sent.commas if k >= hit.j] + [sent.tj, hit.j + _PLACE_REACH]
    )
    for u in sent.units:
        if (
            hit.j <= u.i < stop
            and u.kind in ("GPE", "LOC")
            and not u.nisba
            and not u.adjective
            and u.countries
            and not set(u.countries) & set(source.countries)
        ):
            return u.countries[:1]
    return ()


def victim_sides(
    hit: Hit, sent: _Sentence, tokens: list[Token]
) -> list[tuple[_Side, _Side]] | None:
    """(attacker, victims' state), and (attacker, the place's state) when the act struck a
    place of a third state ("مقتل مستشارين X بغارة Y على دمشق"), for the act noun ``hit``
    after its victims; None when not this construction, no agent is named, or the victims
    named are all of the agent's own state. Victims of no state named with a place struck
    after the act ("بمقتل 17 مدنيا في غارة Y على ولاية Z") give the place's state alone."""
    found = _sides(hit, sent, tokens)
    if found is None:
        return None
    source = _Side.of(found[1])
    targets = tuple(dict.fromkeys(found[2][:1] + _struck_place(hit, sent, source)))
    if not targets:
        return None
    return [(source, _Side((c,), None, None)) for c in targets]


def casualty_words(hits: list[Hit], sent: _Sentence, tokens: list[Token]) -> dict[int, list[Unit]]:
    """The agent of the act after each casualty word whose act names its agent: the casualty
    word's own trigger then gives no event (the act noun tells it), and a stance whose object
    is that word ("أدانت X مقتل جنود Y في هجوم Z") is aimed at the agent
    (``undergone.exposed_object``)."""
    out: dict[int, list[Unit]] = {}
    for hit in hits:
        found = _sides(hit, sent, tokens)
        if found is not None:
            for k in found[0]:
                out.setdefault(k, found[1])
    return out
