"""Plural nationality words that stand for the people of a state ("خمسة سوريين"، "ثلاثة أتراك"،
"عشرات الأفغان"), from the knowledge base's nisba adjectives.

The entity linker already gives such a word its state (``entities.matcher._nisba_forms`` adds
the sound plurals of a ``-ي`` nisba; broken plurals are listed in the knowledge base). This
module says which linked words are *plurals of people*, so that the event rules can read them
as the persons acted on (``events/nationals.py``):

- a sound plural of a nisba in ``-ي``: masculine ``-يين`` / ``-يون``, feminine ``-يات``
  (``سوريين``، ``اللبنانيون``، ``أميركيات``), with or without the article;
- a broken plural: a nisba form of a state in the knowledge base that is not of the ``-ي``
  family (``أتراك``، ``روس``، ``أفغان``، ``مغاربة``), unless ``data/ethnic_plurals.txt`` lists
  it as the name of a people that is not one state's citizens (``تركمان`` in Iraq and Syria).

Words the knowledge base gives no state (``عرب``، ``أكراد``) or gives several are never
linked to a state, so they never count here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from rasad.arabic import fold
from rasad.kb.loader import DATA_DIR, DATA_PACKAGE, load_kb

__all__ = ["broken_plurals", "is_people_plural"]

#: the forms of the -ي family (singular, feminine, dual, sound plurals), folded
_I_FAMILY = re.compile(r"(?:ي|يه|يان|يين|يون|يتان|يتين|يات)$")
#: a sound plural of a -ي nisba (folded), article and proclitics excluded
_SOUND = re.compile(r"^\S{2,}ي(?:ين|ون|ات)$")


def _article_less(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _ethnic() -> frozenset[str]:
    text = resources.files(DATA_PACKAGE).joinpath(DATA_DIR, "ethnic_plurals.txt")
    lines = text.read_text(encoding="utf-8").splitlines()
    return frozenset(
        _article_less(fold(w.strip())) for w in lines if w.strip() and not w.startswith("#")
    )


@lru_cache(maxsize=1)
def broken_plurals() -> dict[str, str]:
    """Broken plurals of nationalities (folded, without the article) → the state's id."""
    ethnic = _ethnic()
    out: dict[str, str] = {}
    clash: set[str] = set()
    for ent in load_kb().countries():
        for form in ent.nisba:
            key = fold(form.strip())
            if form.strip().startswith("ال"):
                key = _article_less(key)  # "الألمان", not "ألمان" (folded "المان")
            if " " in key or _I_FAMILY.search(key) or key in ethnic:
                continue
            if key in out and out[key] != ent.id:
                clash.add(key)
            out[key] = ent.id
    return {k: v for k, v in out.items() if k not in clash}


def is_people_plural(word: str) -> bool:
    """Whether the folded word (the linked mention's text, no proclitic) is a plural of a
    nationality: a sound plural of a ``-ي`` nisba or a known broken plural."""
    bare = _article_less(word)
    known = broken_plurals()
    return bool(_SOUND.match(bare)) or word in known or bare in known
