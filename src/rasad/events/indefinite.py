"""Indefinite nisba adjectives: "غارات إسرائيلية"، "قصف تركي"، and the accusative "قصفا
أميركيا"، "هجوما إسرائيليا" (a speaker saying there was an American bombardment).

Whether a word is an adjective is a question for the knowledge base, not for the spelling: the
accusative ends in "يا" like the names of many countries (تركيا، روسيا، بريطانيا). With the
knowledge base's nisba forms (``NisbaAt``, from the entity stage's knowledge base), a word is
an indefinite nisba when it is a nisba form of its country that names no entity ("أميركيا"،
"إسرائيليا"), or a form that is a country's name too written with tanween ("تركياً": a name
takes none). Without it, and for every word, the spelling of the masculine and feminine
forms ("تركي"، "إسرائيلية") is read as before. A plural of people ("سوريين"، "مغاربة":
``kb.peoples``) is never an adjective of an act noun: it names the people acted on
(``nationals.py``).

- ``mark_adjectives`` sets ``Unit.adjective``, read by ``act_agent.indefinite_agent`` (the
  agent of an indefinite act noun) and ``relief_arrival`` (whose aid arrives).
- ``dual_as_noun``: a bare past dual right before an accusative indefinite nisba ("قصفا
  أميركيا") is the act's noun with tanween, not "they two bombed": an adjective after it
  agrees with a noun, and a verb's object would be a noun.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..doc import Doc
from ..kb.peoples import is_people_plural
from .arguments import Unit
from .lexicon import Form, Hit, Token

__all__ = ["NisbaAt"]

#: a folded word -> (its country, whether some entity is also named so), for the nisba forms
#: of one country the knowledge base knows
NisbaAt = Callable[[str], "tuple[str, bool] | None"]

#: an indefinite nisba adjective by its spelling: "إسرائيلية"، "تركي" (not "تركيا": the
#: country's name too; that one is the knowledge base's to tell)
_SPELLED = re.compile(r"^[^\sو]\S+(?:ي|يه|يين|يون)$")
_TANWEEN = frozenset("\u064b\u064c\u064d")
#: what may stand between two nisba adjectives of one run: nothing, or a dash
_RUN_GAPS = frozenset({"", "-", "–", "ـ"})


def _tanween(doc: Doc, unit: Unit) -> bool:
    span = doc.span_from_norm(unit.start, unit.end)
    if span is None:
        return False
    return bool(_TANWEEN.intersection(doc.text[span[0] : span[1] + 1]))


def mark_adjectives(
    doc: Doc, units: list[Unit], tokens: list[Token], kb_nisba: NisbaAt | None
) -> None:
    """Set ``Unit.adjective`` on each unit that is an indefinite nisba adjective."""
    norm = doc.norm
    prev: Unit | None = None
    for u in units:
        after, prev = prev, u
        word = norm[u.start : u.end]
        if word.startswith("ال"):
            continue  # "الروسية": definite (``Unit.nisba``)
        if is_people_plural(word):
            continue  # "اعتقال مغاربة"، "مقتل سوريين": people (nationals.py), not an adjective
        if _SPELLED.match(tokens[u.i].text):
            u.adjective = True
            continue
        if kb_nisba is None or u.kind != "GPE" or u.j - u.i != 1:
            continue
        found = kb_nisba(word)
        if found is None or found[0] not in u.countries:
            continue
        # "قصفا أميركيا - بريطانيا": a name right after an adjective agrees with it too
        run = (
            after is not None
            and after.adjective
            and 0 <= u.i - after.j <= 1
            and norm[after.end : u.start].strip() in _RUN_GAPS
        )
        u.adjective = not found[1] or run or _tanween(doc, u)


def dual_as_noun(hits: list[Hit], units: list[Unit], tokens: list[Token]) -> list[Hit]:
    """The hits with each bare past dual right before an accusative indefinite nisba read as
    its verbal noun ("قصفا أميركيا": an American bombardment)."""
    at = {u.i: u for u in units if u.adjective and not u.prep}
    out: list[Hit] = []
    for h in hits:
        u = at.get(h.j)
        if (
            u is not None
            and h.form.tense == "past"
            and h.form.number == "dual"
            and not h.form.suffix
            and not h.clitic
            and not h.form.fem
            and tokens[u.i].text.endswith("ا")
        ):
            h = replace(h, form=Form("noun", "sg", ""))
        out.append(h)
    return out
