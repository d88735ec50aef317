"""A rejection of an agreement made by others is a disapproval of its first party (issue 12).

"رفض X الاتفاق بين Y و Z"، "رفض X للاتفاقية التي وقعتها Y مع Z": X does not refuse an offer
made to it, it disapproves of what Y did (ACCUSE disapprove X → Y). The agreement nouns are
cue ``deal_nouns``; the first party is the first actor after "بين", or after a relative
pronoun when "مع" follows it (the deal was made with another), within a few words of the
noun. "رفض X الاتفاق الذي اقترحته Y" (an offer to X) stays a rejection.
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import RELATIVES, _Sentence

__all__: list[str] = []  # internal to the events package

#: nouns of an agreement: الاتفاق، الاتفاقية، الصفقة، المذكرة
_DEALS = cue("deal_nouns")
_NOUN_REACH = 3  # words from the rejection to the agreement noun
_PARTY_REACH = 5  # words from the agreement noun to its first party


def _deal(word: str) -> bool:
    w = word[1:] if len(word) > 3 and word[0] in "وف" else word
    if w.startswith("لل"):
        w = "ال" + w[2:]
    return w in _DEALS


def deal_party(
    hit: Hit, sent: _Sentence, tokens: list[Token], subj: list[Unit] | None
) -> list[Unit] | None:
    """The first party of the agreement another actor made that ``hit`` (a rejection)
    is about, or None."""
    if hit.entry.type != "REJECT" or not subj:
        return None
    noun = next(
        (k for k in range(hit.j, min(sent.tj, hit.j + _NOUN_REACH)) if _deal(tokens[k].text)),
        None,
    )
    if noun is None:
        return None
    own = {c for u in subj for c in u.countries}
    for u in sent.units:
        if u.i <= noun or u.i > noun + _PARTY_REACH or not u.is_actor:
            continue
        between = [tokens[m].text for m in range(noun + 1, u.i)]
        made_with = any(  # "التي وقعتها Y مع Z": made with another, not offered to X
            tokens[m].text == "مع" for m in range(u.j, min(sent.tj, u.j + 2))
        )
        if (
            u.prep == "بين"
            or "بين" in between
            or (made_with and any(w in RELATIVES for w in between))
        ):
            if set(u.countries) & own or not u.countries:
                return None
            return [u]
        return None
    return None
