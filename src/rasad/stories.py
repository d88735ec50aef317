"""Story clusters across outlets: reports of one occasion share a story, even when edited, cut
and framed by different furniture.

Each article becomes a bag of content terms: the words of its title and cleaned text, folded,
glued proclitics and the article removed (``rasad.arabic.clitic_stems``), function words and
reporting verbs left out (``data/story_stopwords.txt``), numbers of two digits or more kept (a
death toll or a number of targets is a strong sign of one occasion). Terms are weighted by
sublinear tf times an inverse document frequency counted over the articles seen so far plus
``PSEUDO_DOCS`` background documents: a term's background document frequency grows with its
count in a general news corpus (the ANERcorp word counts the NER lexicon ships,
``ner/data/anercorp.lexicon.tsv``) and saturates at ``BACKGROUND_SATURATION`` occurrences, so
"minister", "foreign" or "Turkey" weigh little even in a run of five pages, while names, places
and numbers particular to one occasion carry the similarity.

An article joins the story whose articles it resembles most on average (cosine similarity of the
weighted term vectors, averaged over the story's first ``MAX_MEMBERS`` articles: average link,
so a chain of loosely related reports does not snowball into one story) when that average is at
least ``THRESHOLD`` and its publication date, when known, lies within ``WINDOW_DAYS`` days of
every dated article of the story; otherwise it starts a story. Candidate stories come from an
inverted index over each article's ``KEY_TERMS`` heaviest terms (``MIN_SHARED`` shared key terms
at least), so the work grows with the number of articles sharing rare words, not with n².
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib.resources import files

from .arabic import clitic_stems

THRESHOLD = 0.26
WINDOW_DAYS = 4
KEY_TERMS = 24
MIN_SHARED = 2
PSEUDO_DOCS = 50
MAX_MEMBERS = 16
BACKGROUND_SATURATION = 100
_TOKEN = re.compile(r"[^\W\d_]{3,}|\d{2,}")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    text = files("rasad").joinpath("data/story_stopwords.txt").read_text(encoding="utf-8")
    return frozenset(
        w for line in text.splitlines() if not line.startswith("#") for w in line.split()
    )


@lru_cache(maxsize=200_000)
def _term(token: str) -> str | None:
    stem = min(clitic_stems(token, min_len=3), key=len) if not token.isdigit() else token
    stop = stopwords()
    if stem in stop or token in stop or (len(stem) < 3 and not stem.isdigit()):
        return None
    return stem


def story_terms(norm_texts: Iterable[str]) -> dict[str, int]:
    """Term counts of an article from its folded title and text."""
    counts: Counter[str] = Counter()
    for text in norm_texts:
        for tok in _TOKEN.findall(text):
            t = _term(tok)
            if t:
                counts[t] += 1
    return dict(counts)


@lru_cache(maxsize=1)
def background() -> dict[str, float]:
    """Background document frequency (0..PSEUDO_DOCS) of each story term."""
    from .arabic import fold

    text = files("rasad").joinpath("ner/data/anercorp.lexicon.tsv").read_text(encoding="utf-8")
    counts: Counter[str] = Counter()
    for line in text.splitlines():
        word, *tags = line.split("\t")
        n = sum(int(t.rsplit("=", 1)[1]) for t in tags if "=" in t)
        for tok in _TOKEN.findall(fold(word)):
            if t := _term(tok):
                counts[t] += n
    return {t: PSEUDO_DOCS * min(1.0, c / BACKGROUND_SATURATION) for t, c in counts.items()}


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


@dataclass(slots=True)
class StoryIndex:
    """Story assignment over a stream of articles; the decisions depend only on their order."""

    threshold: float = THRESHOLD
    window_days: int = WINDOW_DAYS
    df: Counter[str] = field(default_factory=Counter)
    n_docs: int = 0
    terms: dict[str, dict[str, int]] = field(default_factory=dict)
    days: dict[str, date | None] = field(default_factory=dict)
    story: dict[str, str] = field(default_factory=dict)
    postings: dict[str, list[str]] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)

    def _idf(self, term: str) -> float:
        n = self.n_docs + PSEUDO_DOCS
        return math.log(n / (self.df.get(term, 0) + background().get(term, 0.0) + 1))

    def _vector(self, terms: dict[str, int]) -> dict[str, float]:
        vec = {t: (1 + math.log(c)) * self._idf(t) for t, c in terms.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def _keys(self, vec: dict[str, float]) -> list[str]:
        return sorted(vec, key=lambda t: (-vec[t], t))[:KEY_TERMS]

    def similarity(self, a: dict[str, int], b: dict[str, int]) -> float:
        va, vb = self._vector(a), self._vector(b)
        if len(va) > len(vb):
            va, vb = vb, va
        return sum(v * vb.get(t, 0.0) for t, v in va.items())

    def assign(self, doc_id: str, terms: dict[str, int], published: str | None) -> str | None:
        """The story of the most similar earlier article, or None (a new story). The article is
        then recorded with ``add``, under the story it was given."""
        vec = self._vector(terms)
        shared: Counter[str] = Counter()
        for t in self._keys(vec):
            shared.update(self.postings.get(t, ()))
        day = _day(published)
        best, best_sim = None, self.threshold
        for story in sorted({self.story[o] for o, n in shared.items() if n >= MIN_SHARED}):
            members = self.members[story][:MAX_MEMBERS]
            days = [d for d in (self.days[m] for m in members) if d]
            if day and any(abs((day - d).days) > self.window_days for d in days):
                continue
            sim = sum(self._cosine(vec, m) for m in members) / len(members)
            if sim >= best_sim and (best is None or sim > best_sim):
                best, best_sim = story, sim
        return best

    def _cosine(self, vec: dict[str, float], other: str) -> float:
        ovec = self._vector(self.terms[other])
        return sum(v * ovec.get(t, 0.0) for t, v in vec.items())

    def add(self, doc_id: str, terms: dict[str, int], published: str | None, story: str) -> None:
        if doc_id in self.terms:
            return
        self.n_docs += 1
        self.df.update(terms.keys())
        self.terms[doc_id] = terms
        self.days[doc_id] = _day(published)
        self.story[doc_id] = story
        self.members.setdefault(story, []).append(doc_id)
        for t in self._keys(self._vector(terms)):
            self.postings.setdefault(t, []).append(doc_id)
