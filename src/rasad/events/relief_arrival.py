"""Relief told as the arrival of a state's plane or convoy (AID, frame ``relief``).

"وصلت طائرة إماراتية محملة بمواد إغاثية إلى مطار دمشق"، "هبطت في مطار بيروت طائرة مساعدات
أردنية"، "وصلت إلى مطار حلب طائرة من بيلاروسيا تحمل مساعدات"، "وصلت 7 طائرات من الكويت
وعمان والجزائر تحمل مواد إغاثية": the state sending is written on the carrier itself, by a
nisba right after it (at most one word of relief between: "طائرة مساعدات أردنية") or by
"من" + the states right after it (each state of the list sends); the stricken state is the
place reached (``relief._recipient``), or the city of the airport or port named in the
sentence (cue ``arrival_ports``: "مطار دمشق"، "ميناء بيروت"). A carrier with no relief
near it, a plane of war or one carrying a person is idle (``relief.idle``); a state's own
plane landing at home is no event. Used by ``special.special_events`` before ``relief_sides``.
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .relief import _MOTION, _WAR_CARRIER, _WORDS_REACH, _forms, _has, _passenger, _recipient, idle
from .sides import _Sentence, _Side

__all__: list[str] = []  # internal to the events package

_CARRIERS = cue("relief_carriers")
_WORDS = cue("relief_words")
_PORTS = cue("arrival_ports")
#: how far after the carrier its nisba or "من" may stand
_GAP = 1
_GIVEN = cue("relief_given_by")
#: how far after the carrier "مقدمة من" may stand
_GIVEN_REACH = 6
_DISASTERS = cue("disasters")


def _senders(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit]:
    """The states written on the carrier: its nisba, or "من" + a list of states."""
    for u in sent.units:
        if u.i < hit.j or u.i > hit.j + _GAP + 1 or not u.countries or u.kind != "GPE":
            continue
        words = [tokens[k].text for k in range(hit.j, u.i)]
        if u.prep == "من" and words and words[-1] == "من":
            words = words[:-1]  # the preposition written apart
        if len(words) > _GAP or any(not (_forms(w) & _WORDS) for w in words):
            return []
        if not u.prep and (u.nisba or u.adjective):
            return [u]  # "طائرة إماراتية"، "طائرة مساعدات أردنية"
        if u.prep == "من" and not u.place:  # "طائرات من الكويت وعمان والجزائر"
            group = [v for v in sent.units if v.group == u.group and v.countries]
            return [v for v in group if v.kind == "GPE" and not v.place] or [u]
        return []
    return _given_by(hit, sent, tokens)


def _given_by(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit]:
    """ "طائرتين محملتين بالمساعدات مقدمة من الإمارات"، "قافلة مساعدات مقدمة من الحكومة
    البيلاروسية": the state after "مقدمة من" (cue ``relief_given_by``) near the carrier."""
    hi = min(sent.tj - 1, hit.j + _GIVEN_REACH)
    for k in range(hit.j, hi):
        if not _forms(tokens[k].text) & _GIVEN or tokens[k + 1].text != "من":
            continue
        for u in sent.units:
            if k + 2 <= u.i <= k + 4 and u.countries and u.kind == "GPE" and not u.place:
                return [u]
        return []
    return []


def _port_city(sent: _Sentence, tokens: list[Token], senders: set[str]) -> str | None:
    """The state of a city named right after an airport or port word in the sentence."""
    for u in sent.units:
        if u.i - 1 < sent.ti or not u.countries or set(u.countries) & senders:
            continue
        if _forms(tokens[u.i - 1].text) & _PORTS:
            return u.countries[0]
    return None


def named_carrier(hit: Hit, sent: _Sentence, tokens: list[Token]) -> bool:
    """A carrier that names its states, with a word of moving anywhere in its sentence and a
    word of relief near it ("ووصلت إلى مطارات X 7 طائرات من A و B تحمل مواد إغاثية"): not
    idle even when the verb of arrival stands far before it."""
    if hit.entry.frame != "relief" or not _forms(tokens[hit.i].text) & _CARRIERS:
        return False
    if not _senders(hit, sent, tokens) or not _has(tokens, sent.ti, sent.tj, _MOTION):
        return False
    if hit.j < sent.tj and _forms(tokens[hit.j].text) & _WAR_CARRIER:
        return False
    lo, hi = max(sent.ti, hit.i - _WORDS_REACH), min(sent.tj, hit.j + _WORDS_REACH)
    near = _has(tokens, lo, hi, _WORDS) or _has(tokens, 0, sent.tj, _DISASTERS)
    return near and not _passenger(hit, sent, tokens)


def idle_carrier(hit: Hit, sent: _Sentence, tokens: list[Token]) -> bool:
    """Idle for ``relief.idle`` and no carrier that names its states (``named_carrier``): the
    extractor drops such hits before dates are given."""
    return idle(hit, sent, tokens) and not named_carrier(hit, sent, tokens)


def arrival_sides(
    hit: Hit, sent: _Sentence, tokens: list[Token]
) -> list[tuple[_Side, _Side]] | None:
    """(sender, stricken state) for each state written on a relief carrier, or None when the
    carrier names no state of its own (``relief_sides`` reads it then)."""
    if hit.entry.frame != "relief" or not _forms(tokens[hit.i].text) & _CARRIERS:
        return None
    if idle_carrier(hit, sent, tokens):
        return None
    units = _senders(hit, sent, tokens)
    if not units:
        return None
    states = list(dict.fromkeys(c for u in units for c in u.countries[:1]))
    out: list[tuple[_Side, _Side]] = []
    placed = False  # a destination is written in the sentence
    for state in states:
        side = _Side((state,), None, None)
        to = _recipient(hit, sent, tokens, _Side(tuple(states), None, None))
        to = to or _port_city(sent, tokens, set(states))
        placed = placed or to is not None
        if to is not None and to != state:
            out.append((side, _Side((to,), None, None)))
    # no destination written ("أن تصل بعد ساعة طائرة عراقية تحمل مساعدات"): ``relief_sides``
    # reads it from the stricken place of the sentences before
    return out if placed else None
