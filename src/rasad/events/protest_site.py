"""A protest held before a foreign mission: "تظاهر محتجون أمام السفارة الأمريكية في بيروت"،
"وقفة احتجاجية أمام سفارة X في Y" is a protest by the people of the place (Lebanon, Y's
state) aimed at the state of the mission, not a protest by that state against itself.

A mission noun (cue ``mission_nouns``: سفارة، القنصلية ...) after a word of where a crowd
stands (cue ``protest_sites``: أمام، قرب، خارج، قبالة ...; with at most one word of cue
``site_links`` between: "أمام مقر السفارة"، "بالقرب من السفارة") and followed by its state (a
nisba or a name: "السفارة التركية"، "سفارة فرنسا") near a PROTEST trigger names the target.
The state of the mission is never the protesters'; they are of the place named in the
sentence or, as for every protest, the last place named up to three sentences before
(``directed.unary_sides``). Nor is it the subject of any other trigger (``site_subject``:
"تجمعوا أمام السفارة X مطالبين بطرد السفير" is no request by X).
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Sentence, _strip

__all__ = ["embassy_site", "site_subject"]

_MISSIONS = cue("mission_nouns")
_SITES = cue("protest_sites")
_LINKS = cue("site_links")
#: how far from the protest trigger the mission may be named
_REACH = 12


def _site_before(tokens: list[Token], k: int, lo: int) -> bool:
    """A word of where a crowd stands right before word ``k`` (one link word may come
    between: "أمام مقر السفارة")."""
    for m in range(k - 1, max(lo, k - 3) - 1, -1):
        word = _strip(tokens[m].text)
        if word in _SITES:
            return True
        if word not in _LINKS:
            return False
    return False


def _missions(sent: _Sentence, tokens: list[Token], lo: int, hi: int) -> list[list[Unit]]:
    """The units of each mission's state named after a site word in words ``[lo, hi)``."""
    found: list[list[Unit]] = []
    for k in range(lo, hi):
        if _strip(tokens[k].text) not in _MISSIONS or not _site_before(tokens, k, sent.ti):
            continue
        for u in sent.units:
            if u.i in (k, k + 1) and u.countries and not u.place and u.prep in ("", "ل"):
                found.append([v for v in sent.units if v.group == u.group and v.countries])
                break
    return found


def embassy_site(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit] | None:
    """The units of the state of a mission a protest stands before, or None."""
    lo, hi = max(sent.ti, hit.i - _REACH), min(sent.tj, hit.j + _REACH)
    found = _missions(sent, tokens, lo, hi)
    return found[0] if found else None


def site_subject(subj: list[Unit] | None, sent: _Sentence, tokens: list[Token]) -> bool:
    """True when ``subj`` is only the state of a mission named as where a crowd stands
    ("تجمعوا أمام السفارة الإسرائيلية مطالبين ..."): a place, not who acts."""
    if not subj:
        return False
    sites = {id(u) for units in _missions(sent, tokens, sent.ti, sent.tj) for u in units}
    return all(id(u) in sites for u in subj)
