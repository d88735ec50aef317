"""Words known as parts of person names, in Arabic script, from Wikidata via rigour.

rigour (OpenSanctions, MIT) ships a corpus of person-name aliases derived from the
given-name and family-name items of Wikidata (CC0) in many scripts; its name tagger marks
a word that is one of these aliases with a ``NAME`` symbol. That covers Arabic names
(``طلعت``, ``زكريا``) and transliterated foreign ones (``توماس``, ``مارادونا``) that occur
in no gazetteer of the project and not in the NER training data.

At build time (``scripts/train_ner.py``) every word of the Arabic ``wordfreq`` list is
passed through that tagger, and the normalised forms of the hits are written to
``data/personnames.txt.gz``; at run time only that file is read. Many hits are also
common words (``جمال``, ``صالح``, the preposition ``على`` folded to ``علي``), so this is a
feature the CRF weighs together with the word's frequency class, not a gazetteer.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path

from rasad.ner.normalize import normalize

_DATA = Path(__file__).with_name("data") / "personnames.txt.gz"


class PersonNames:
    """Normalised words that are a known part of a person's name."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)

    def __len__(self) -> int:
        return len(self.words)

    def __contains__(self, word: object) -> bool:
        return word in self.words

    def features(self, forms: Iterable[str], freq_class: str) -> list[str]:
        """``pn`` and ``pnz=<frequency class>`` if any of ``forms`` (the word, its
        clitic-free form, its stem) is a known name part, else nothing."""
        if any(f in self.words for f in forms):
            return ["pn", f"pnz={freq_class}"]
        return []

    @classmethod
    def build(cls, words: Iterable[str]) -> PersonNames:
        """The words (unnormalised, as written) that rigour's person-name tagger
        marks as a name; build time only (needs the ``train`` extra)."""
        from rigour.names import NameTypeTag, Symbol, analyze_names

        hits: set[str] = set()
        for word in words:
            if len(word) < 2:
                continue
            names = analyze_names(
                NameTypeTag.PER, [word], consolidate=False, phonetics=False, numerics=False
            )
            if any(s.category == Symbol.Category.NAME for n in names for s in n.symbols):
                hits.add(normalize(word))
        return cls(hits)

    @classmethod
    def from_wordfreq(cls) -> PersonNames:
        """:meth:`build` over the Arabic ``wordfreq`` list (build time only)."""
        from wordfreq import get_frequency_dict

        return cls.build(get_frequency_dict("ar", "large"))

    @classmethod
    def read(cls, path: Path = _DATA) -> PersonNames:
        if not path.exists():
            return cls(())
        return cls(gzip.decompress(path.read_bytes()).decode("utf-8").split())

    def write(self, path: Path = _DATA) -> None:
        text = "".join(f"{w}\n" for w in sorted(self.words))
        path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
