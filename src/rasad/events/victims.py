"""Victims named before the attack that struck them: "مقتل جنود X في هجوم Y"، "إصابة ثلاثة
X بقصف Y"، "قتل خمسة مواطنين X جراء غارة Y" (Y's attack on X).

A casualty word (cue ``casualty_nouns``: مقتل، إصابة، استشهاد، جرح، سقوط ...; also the passive
verbs read alike: قتل، أصيب، استشهد) opens the phrase; its victims follow (a plural
nationality, a people noun with its nisba, a place: any unit of a state); then a link (cue
``casualty_links``: في، جراء، إثر ...; or the clitic "بـ" of the act noun: "برصاص"، "بغارة")
and the act noun, whose agent is named as for an act undergone (``undergone._agent``: its
nisba, definite or indefinite, the actor right after it, an agent link "شنته X", "من قبل X").

``victim_sides`` gives the act noun the pair (agent, victims' state): without it the victims,
the first actors of the clause, were read as the one who attacks ("إصابة ثلاثة سوريين في قصف
إسرائيلي" was SYR → ISR) or the act gave nothing. When no agent is named, or the victims are
all of the agent's own state ("مقتل جنود روس في قصف روسي بالخطأ"), it returns None and the act
is read as before. ``casualty_words`` marks the casualty word of each such phrase, whose own
reading ("مقتل"، the passive "قتل" with the victims as its subject) then gives no event: the
act noun tells it (``_Sentence.struck``).
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Sentence, _Side
from .undergone import _agent

__all__: list[str] = []  # internal to the events package

#: the dead or hurt: "مقتل"، "إصابة"، "استشهاد"، the passive "قتل"
_CASUALTY = cue("casualty_nouns")
#: between the victims and the act: "في"، "جراء"، "إثر"
_LINKS = cue("casualty_links")
#: how far before the link the casualty word may stand ("إصابة أربعة أطفال فلسطينيين من
#: سكان مخيم جنين في ...")
_REACH = 8
#: clitics a casualty word may carry: "ومقتل"، "بإصابة"، "وباستشهاد"
_PREFIXES = "وفبل"


def _is_casualty(word: str) -> bool:
    for cut in range(3):
        if word[cut:] in _CASUALTY:
            return all(c in _PREFIXES for c in word[:cut])
    return False


def _link(hit: Hit, sent: _Sentence, tokens: list[Token]) -> int | None:
    """The word before which the victims end: the act noun itself when it carries "بـ"
    ("برصاص")، else the link word right before it ("في قصف")."""
    if hit.clitic in ("ب", "وب", "فب"):
        return hit.i
    k = hit.i - 1
    if k >= sent.ti and tokens[k].text in _LINKS:
        return k
    return None


def _casualty(link: int, sent: _Sentence, tokens: list[Token]) -> int | None:
    """The casualty word a few words before ``link``, in the same clause."""
    stops = set(sent.breaks)
    for k in range(link - 1, max(sent.ti, link - _REACH) - 1, -1):
        if _is_casualty(tokens[k].text):
            return k
        if k in stops:
            return None
    return None


def _phrase(hit: Hit, sent: _Sentence, tokens: list[Token]) -> tuple[int, list[Unit]] | None:
    """The casualty word and the victims of the act noun ``hit``, or None."""
    if hit.entry.type != "ASSAULT" or hit.form.tense != "noun" or hit.form.suffix:
        return None
    link = _link(hit, sent, tokens)
    if link is None:
        return None
    word = _casualty(link, sent, tokens)
    if word is None:
        return None
    victims = [u for u in sent.units if word < u.i and u.j <= link and u.countries]
    return (word, victims) if victims else None


def victim_sides(hit: Hit, sent: _Sentence, tokens: list[Token]) -> tuple[_Side, _Side] | None:
    """(attacker, victims' state) of the act noun ``hit`` after its victims; None when not
    this construction, no agent is named, or the victims are of the agent's own state."""
    found = _phrase(hit, sent, tokens)
    if found is None:
        return None
    agent = _agent(hit, sent, tokens)
    if not agent:
        return None
    source = _Side.of(agent)
    if not source.countries:
        return None
    hurt = tuple(
        dict.fromkeys(c for u in found[1] for c in u.countries if c not in source.countries)
    )
    if not hurt:
        return None  # "مقتل جنود روس في قصف روسي بالخطأ"
    return source, _Side(hurt[:1], None, None)


def casualty_words(hits: list[Hit], sent: _Sentence, tokens: list[Token]) -> set[int]:
    """The casualty words of the phrases read by ``victim_sides`` (their own triggers then
    give no event)."""
    out: set[int] = set()
    for hit in hits:
        if victim_sides(hit, sent, tokens) is not None:
            found = _phrase(hit, sent, tokens)
            if found is not None:
                out.add(found[0])
    return out
