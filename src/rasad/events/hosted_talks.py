"""Talks hosted by a third party (CONSULT ``third-party``).

A state that welcomes, announces or reports talks between two other sides held on its own
soil hosts them: "رحبت X و Y ببدء المحادثات بين A و B في مدينة <city of X>" makes X and Y the
third party of the talks between A and B; so does a statement of X ("بيان X") saying that A
and B go on talking in a city of X. The talks' sides are the group after "بين" (or the
sentence's actors other than the host, read by the caller from the pair of the document);
the host is the place's state, which must belong to the speaker: a state welcoming talks
held elsewhere ("رحبت مصر بالمحادثات بين X و Y في بغداد") only backs them.
"""

from __future__ import annotations

from .arguments import Unit
from .lexicon import Hit
from .sides import _Sentence, _Side

__all__: list[str] = []  # internal to the events package

#: how far after the noun its "بين" may stand ("المحادثات الأولية بين ممثلي ...")
_BETWEEN_REACH = 4


def _speaker(hit: Hit, sent: _Sentence, reporter: Unit | None) -> list[Unit]:
    """The actors who speak of the talks: the group at the start of the clause before the
    noun ("رحبت X و Y ببدء المحادثات"), else the nisbas of the statement that reports them
    ("بيان X Y"), else the reporter."""
    before = [u for u in sent.units if u.j <= hit.i and u.is_actor and u.countries and not u.prep]
    if before:
        g = before[0].group
        return [u for u in before if u.group == g]
    nisbas = [u for u in sent.units if u.j <= hit.i and u.nisba and u.countries]
    if nisbas:
        run = nisbas[:1]
        for u in nisbas[1:]:
            if u.i == run[-1].j:
                run.append(u)
        return run
    return [reporter] if reporter is not None and reporter.countries else []


def hosted_sides(hit: Hit, sent: _Sentence, reporter: Unit | None) -> tuple[_Side, _Side] | None:
    """(host and co-hosts, the sides of the talks) of talks held on the speaker's soil."""
    places = [u for u in sent.units if u.place and u.countries and u.kind == "GPE" and u.i > hit.i]
    if not places:
        return None
    host = places[0].countries[0]
    speaker = _speaker(hit, sent, reporter)
    between = [u for u in sent.units if u.prep == "بين" and u.countries and u.i >= hit.j]
    if not between or between[0].i - hit.j > _BETWEEN_REACH:
        return None
    g = between[0].group
    sides = tuple(dict.fromkeys(c for u in sent.units if u.group == g for c in u.countries))
    if not sides or not speaker:
        return None
    who = tuple(dict.fromkeys(c for u in speaker for c in u.countries))
    if host not in who or set(who) & set(sides) or host in sides:
        return None
    return _Side(who, speaker[0].entity, speaker[0].sector), _Side(sides, None, None)
