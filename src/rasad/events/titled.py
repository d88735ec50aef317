"""A subject after a chain of titles and honorifics: "التقى نائب رئيس مجلس الوزراء وزير
الخارجية السيد X نظيره ..." — the named person comes more than three words after the verb,
past words that only say who he is (cue ``title_chain``: نائب، رئيس، مجلس، الوزراء، وزير،
الخارجية، معالي، سمو، السيد ...).

Used by ``subject.first_side`` after the usual subject finders, for a singular verb.
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Sentence, _strip

__all__: list[str] = []  # internal to the events package

_TITLE_CHAIN = cue("title_chain")
#: at most this many title words before the name
_REACH = 8


def titled_subject(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit] | None:
    """The first actor after ``hit`` when every word between is a title word."""
    for u in sent.units:
        if u.i < hit.j or not u.is_actor:
            continue
        if u.prep or u.i - hit.j > _REACH or u.i == hit.j:
            return None
        if not all(
            _strip(tokens[k].text) in _TITLE_CHAIN or tokens[k].text in _TITLE_CHAIN
            for k in range(hit.j, u.i)
        ):
            return None
        return [v for v in sent.units if v.group == u.group and v.is_actor and not v.prep]
    return None
