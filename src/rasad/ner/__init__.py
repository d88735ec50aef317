"""Statistical named-entity recognition for Arabic news (CRF trained on ANERcorp).

>>> from rasad.ner import CrfTagger, tokenize
>>> CrfTagger.load().entities(text)  # [(start, end, "PER" | "LOC" | "ORG" | "MISC"), ...]
"""

from rasad.ner.tagger import CrfTagger
from rasad.ner.tokenize import tokenize

__all__ = ["CrfTagger", "tokenize"]
