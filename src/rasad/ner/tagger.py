"""Two-pass CRF tagger: loads the shipped python-crfsuite models and lexicons.

The first pass tags each sentence from local features; the second pass adds
document features (how the first pass labelled the same word in nearby
sentences), which makes repeated names consistent.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Protocol, cast

import pycrfsuite

from rasad.ner.consistency import propagate
from rasad.ner.corpus import SENTENCE_END
from rasad.ner.crfmodel import attributes
from rasad.ner.features import Featurizer, document_features
from rasad.ner.lexicons import Gazetteer, Lexicon
from rasad.ner.namelike import NameLike
from rasad.ner.personnames import PersonNames
from rasad.ner.pruned import Pruned
from rasad.ner.tokenize import tokenize
from rasad.ner.wordstats import WordStats

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_MODEL = DATA_DIR / "anercorp.crfsuite"
MAX_SENTENCE = 120  # longer runs without sentence punctuation are cut here
TYPE_NAMES = {"PERS": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
_SEEN = 20_000  # one-pass sentence results kept
_Labels = tuple[list[str], list[float]]


class _Crf(Protocol):
    def open(self, path: str) -> object: ...
    def tag(self, xseq: list[list[str]] | list[list[bytes]]) -> list[str]: ...
    def marginal(self, y: str, pos: int) -> float: ...


def _open(path: Path) -> _Crf:
    crf = cast(_Crf, pycrfsuite.Tagger())
    crf.open(str(path))
    return crf


def stage1_path(model: Path) -> Path:
    return model.with_suffix(".stage1.crfsuite")


_loaded: dict[Path, CrfTagger] = {}


class CrfTagger:
    """Named-entity tagger for Arabic news (ANERcorp label set)."""

    def __init__(
        self,
        featurizer: Featurizer,
        final: _Crf,
        first: _Crf | None = None,
        first_known: frozenset[str] | None = None,
    ) -> None:
        self.featurizer = featurizer
        self._final = final
        self._first = first
        # The first-pass model's attribute names: one-pass ``scored_entities`` sends it only
        # those features (it ignores the others; same labels and marginals, less work).
        self._pruned = Pruned(first_known) if first_known is not None else None
        self._seen: dict[tuple[tuple[str, ...], tuple[str, ...] | None], _Labels] = {}
        # False: tag with the first pass only (about 1.7x faster, ~1 F1 lower).
        self.two_pass = first is not None
        # False: leave untagged repeats of names tagged 3 times nearby alone (ner.consistency).
        self.propagate = True

    @classmethod
    def load(cls, path: Path | None = None, *, cache: bool = True) -> CrfTagger:
        """Load a model (default: the shipped one). ``<stem>.stage1.crfsuite``,
        ``<stem>.lexicon.tsv``, ``gazetteer.tsv``, ``wordstats.tsv.gz``,
        ``namelike.tsv.gz`` and ``personnames.txt.gz`` are read from the model's
        directory (the shipped ones if missing); instances are cached per path
        unless ``cache`` is false."""
        model = Path(path or DEFAULT_MODEL).resolve()
        if cache and model in _loaded:
            return _loaded[model]
        gaz_path = model.parent / "gazetteer.tsv"
        gazetteer = Gazetteer.read(gaz_path if gaz_path.exists() else DATA_DIR / "gazetteer.tsv")
        stats_path = model.parent / "wordstats.tsv.gz"
        stats = WordStats.read(stats_path if stats_path.exists() else DATA_DIR / stats_path.name)
        lexicon = Lexicon.read(model.with_suffix(".lexicon.tsv"))
        names_path = model.parent / "namelike.tsv.gz"
        names = NameLike.read(names_path if names_path.exists() else DATA_DIR / names_path.name)
        persons_path = model.parent / "personnames.txt.gz"
        persons = PersonNames.read(
            persons_path if persons_path.exists() else DATA_DIR / persons_path.name
        )
        featurizer = Featurizer(
            gazetteer, lexicon, stats if stats.table else None, names, persons or None
        )
        first, known = None, None
        if stage1_path(model).exists():
            first = _open(stage1_path(model))
            known = attributes(stage1_path(model))
        tagger = cls(featurizer, _open(model), first, known)
        if cache:
            _loaded[model] = tagger
        return tagger

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO labels (B-PERS, I-LOC, ..., O) for one sentence of tokens."""
        return self.tag_sentences([tokens])[0]

    def tag_sentences(self, sentences: Sequence[list[str]]) -> list[list[str]]:
        """Tag consecutive sentences of one document (context is shared)."""
        feats = [self.featurizer.sentence(s) if s else [] for s in sentences]
        keys = [self.featurizer.keys(s) for s in sentences]
        if self._first is None or not self.two_pass:
            crf = self._first if self._first is not None else self._final
            labels = [crf.tag(x) if x else [] for x in feats]
        else:
            first = [self._first.tag(x) if x else [] for x in feats]
            doc = document_features(keys, first)
            labels = [
                self._final.tag([a + b for a, b in zip(x, d, strict=True)]) if x else []
                for x, d in zip(feats, doc, strict=True)
            ]
        return propagate(keys, labels) if self.propagate else labels

    def tag_text(self, tokens: list[str]) -> list[str]:
        """Like :meth:`tag` for a whole text: splits the token list at sentence
        punctuation (and every ``MAX_SENTENCE`` tokens) and tags it as one document."""
        return [lab for labels in self.tag_sentences(_split(tokens)) for lab in labels]

    def entities(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, type)`` character spans of the entities in ``text``;
        types are PER, LOC, ORG and MISC."""
        spans = tokenize(text)
        labels = self.tag_text([text[s:e] for s, e in spans])
        out: list[tuple[int, int, str]] = []
        kind = ""
        for (s, e), lab in zip(spans, labels, strict=True):
            prefix, _, typ = lab.partition("-")
            if prefix == "I" and typ == kind:
                out[-1] = (out[-1][0], e, out[-1][2])
            elif prefix in ("B", "I"):
                kind = typ
                out.append((s, e, TYPE_NAMES.get(typ, typ)))
            else:
                kind = ""
        return out

    def scored_entities(
        self,
        text: str,
        *,
        two_pass: bool | None = None,
        types: Collection[str] | None = None,
    ) -> list[tuple[int, int, str, float]]:
        """Like :meth:`entities`, one sentence-split pass without propagation, each span with
        the lowest marginal probability the model gives its labels (0..1). ``two_pass``
        (default: ``self.two_pass``) False tags with the first-pass model alone. With
        ``types`` (e.g. ``("PER",)``) only spans of those types are returned (and only their
        marginals computed)."""
        if two_pass is None:
            two_pass = self.two_pass
        spans = tokenize(text)
        sentences = _split([text[s:e] for s, e in spans])
        if self._first is not None and two_pass:
            labels, probs = self._scored_two_pass(sentences, self._first, types)
        else:
            labels, probs = [], []
            for x in sentences:
                if not x:
                    continue
                got = self._scored_one_pass(x, types)
                labels += got[0]
                probs += got[1]
        return _spans(spans, labels, probs, types)

    def _scored_one_pass(
        self, tokens: list[str], types: Collection[str] | None
    ) -> tuple[list[str], list[float]]:
        """Labels and marginals of one sentence, tagged on its own (first model if any).
        The result depends on the tokens alone, so repeated sentences (furniture, wire
        copies) are looked up (``_SEEN`` sentences at most)."""
        key = (tuple(tokens), None if types is None else tuple(types))
        hit = self._seen.get(key)
        if hit is None:
            if self._first is not None and self._pruned is not None:
                feats = self.featurizer.coded(tokens, self._pruned)
                hit = _scored(self._first, [feats], types)
            else:
                crf = self._first if self._first is not None else self._final
                hit = _scored(crf, [self.featurizer.sentence(tokens)], types)
            if len(self._seen) >= _SEEN:
                self._seen.clear()
            self._seen[key] = hit
        return hit

    def _scored_two_pass(
        self, sentences: list[list[str]], first_crf: _Crf, types: Collection[str] | None
    ) -> tuple[list[str], list[float]]:
        feats = [self.featurizer.sentence(x) if x else [] for x in sentences]
        keys = [self.featurizer.keys(x) for x in sentences]
        first = [first_crf.tag(x) if x else [] for x in feats]
        feats = [
            [a + b if b else a for a, b in zip(x, d, strict=True)]
            for x, d in zip(feats, document_features(keys, first), strict=True)
        ]
        return _scored(self._final, [x for x in feats if x], types)


def _spans(
    spans: list[tuple[int, int]],
    labels: list[str],
    probs: list[float],
    types: Collection[str] | None,
) -> list[tuple[int, int, str, float]]:
    """Entity spans of BIO labels, each with the lowest marginal of its labels."""
    out: list[tuple[int, int, str, float]] = []
    kind = ""
    for (s, e), lab, p in zip(spans, labels, probs, strict=True):
        prefix, _, typ = lab.partition("-")
        if prefix == "I" and typ == kind:
            out[-1] = (out[-1][0], e, out[-1][2], min(out[-1][3], p))
        elif prefix in ("B", "I"):
            kind = typ
            out.append((s, e, TYPE_NAMES.get(typ, typ), p))
        else:
            kind = ""
    return out if types is None else [x for x in out if x[2] in types]


def _scored(
    crf: _Crf,
    feats: list[list[list[str]]] | list[list[list[bytes]]],
    types: Collection[str] | None = None,
) -> tuple[list[str], list[float]]:
    """Labels of the (non-empty) sentences and the marginal probability of each entity label
    (of ``types`` if given; 1.0 for the other labels, whose marginals no span uses)."""
    labels: list[str] = []
    probs: list[float] = []
    for x in feats:
        tags = crf.tag(x)
        labels += tags
        probs += [
            crf.marginal(y, i) if y != "O" and _wanted(y, types) else 1.0
            for i, y in enumerate(tags)
        ]
    return labels, probs


def _wanted(label: str, types: Collection[str] | None) -> bool:
    return types is None or TYPE_NAMES.get(label[2:], label[2:]) in types


def _split(tokens: list[str]) -> list[list[str]]:
    """Sentences of a token list: cut at sentence punctuation and every ``MAX_SENTENCE``."""
    sentences: list[list[str]] = []
    start, n = 0, len(tokens)
    for i, tok in enumerate(tokens):
        end = tok in SENTENCE_END and (i + 1 == n or tokens[i + 1] not in SENTENCE_END)
        if end or i + 1 - start >= MAX_SENTENCE or i + 1 == n:
            sentences.append(tokens[start : i + 1])
            start = i + 1
    return sentences
