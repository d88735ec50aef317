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

Memory is bounded: at most ``MAX_LIVE`` articles are kept in the index; beyond that the story
joined least recently is dropped whole (as ``StoryIndex.forget`` drops stories out of the date
window), so a long run of undated pages, which ``forget`` cannot prune, does not grow without
bound. Below ``MAX_LIVE`` articles the decisions are unchanged.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib.resources import files

import numpy as np
import numpy.typing as npt

from .arabic import clitic_stems

THRESHOLD = 0.26
WINDOW_DAYS = 4
KEY_TERMS = 24
MIN_SHARED = 2
PSEUDO_DOCS = 50
MAX_MEMBERS = 16
BACKGROUND_SATURATION = 100
MAX_LIVE = 100_000  # articles kept in a StoryIndex; then the least recently joined story goes
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
    counts: dict[str, int] = {}
    for text in norm_texts:
        # each distinct token once, in order of first occurrence: the same counts and the same
        # order of terms as counting token by token
        for tok, n in Counter(_TOKEN.findall(text)).items():
            t = _term(tok)
            if t:
                counts[t] = counts.get(t, 0) + n
    return counts


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


def _tf(terms: dict[str, int]) -> dict[str, float]:
    """Sublinear term frequency of each term."""
    return {t: 1 + math.log(c) for t, c in terms.items()}


class _Columns:
    """The stored articles as arrays (term ids and counts), with per-term document and
    background frequencies, so that the cosines of a new article against every candidate
    member are computed in a few vectorised passes instead of term by term in Python. Only
    the first ``MAX_MEMBERS`` articles of a story are ever compared, so only theirs are kept
    (6 bytes per term: a 32-bit term id and a 16-bit count)."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self.df = np.zeros(1024)
        self.bg = np.zeros(1024)
        self.query = np.zeros(1024)
        self.ids: dict[str, npt.NDArray[np.int32]] = {}
        self.counts: dict[str, npt.NDArray[np.uint16 | np.uint32]] = {}
        self.tf = np.zeros(1)  # sublinear tf of each count (``_tf``'s values, by index)

    def count(self, terms: dict[str, int]) -> npt.NDArray[np.int32]:
        """Count one more document for each of ``terms``; their term ids."""
        bg = background()
        ids = np.empty(len(terms), dtype=np.int32)
        for i, t in enumerate(terms):
            k = self.vocab.get(t)
            if k is None:
                k = self.vocab[t] = len(self.vocab)
                if k >= len(self.df):
                    self.df = np.concatenate([self.df, np.zeros(len(self.df))])
                    self.bg = np.concatenate([self.bg, np.zeros(len(self.bg))])
                self.bg[k] = bg.get(t, 0.0)
            ids[i] = k
        self.df[ids] += 1
        return ids

    def store(self, doc_id: str, ids: npt.NDArray[np.int32], terms: dict[str, int]) -> None:
        top = max(terms.values(), default=0)
        self.ids[doc_id] = ids
        dtype = np.uint16 if top < 1 << 16 else np.uint32
        self.counts[doc_id] = np.fromiter(terms.values(), dtype=dtype, count=len(terms))
        if top >= len(self.tf):  # the same floats as ``_tf`` (math.log), looked up by count
            self.tf = np.array([0.0] + [1 + math.log(c) for c in range(1, 2 * top + 1)])

    def drop(self, doc_id: str) -> None:
        self.ids.pop(doc_id, None)
        self.counts.pop(doc_id, None)

    def pack(self, members: list[str]) -> _Pack:
        """The term ids and counts of ``members`` joined, with the length of each non-empty
        member's part and its place in ``members``."""
        full = [i for i, m in enumerate(members) if len(self.ids[m])]
        if not full:
            return _Pack(np.empty(0, np.int32), np.empty(0), _NONE, _NONE)
        return _Pack(
            np.concatenate([self.ids[members[i]] for i in full]),
            self.tf[np.concatenate([self.counts[members[i]] for i in full])],
            np.array([len(self.ids[members[i]]) for i in full], dtype=np.int64),
            np.array(full, dtype=np.int64),
        )

    def cosines(
        self, vec: dict[str, float], n: int, packs: list[tuple[_Pack, int]]
    ) -> npt.NDArray[np.float64]:
        """Cosine of ``vec`` with each member's vector at today's idf (``n`` documents), for
        the members of each ``(pack, number of members)`` in turn (0 for an empty member)."""
        sizes = [size for _, size in packs]
        cos = np.zeros(sum(sizes))
        live = [i for i, (p, _) in enumerate(packs) if len(p.lens)]
        if not live:
            return cos
        known = [(k, v) for t, v in vec.items() if (k := self.vocab.get(t)) is not None]
        if not known:
            return cos
        offsets = np.cumsum([0, *sizes[:-1]])
        full = np.concatenate([packs[i][0].full + offsets[i] for i in live])
        lens = np.concatenate([packs[i][0].lens for i in live])
        ids = np.concatenate([packs[i][0].ids for i in live])
        tf = np.concatenate([packs[i][0].tf for i in live])
        starts = np.zeros(len(lens), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        v = len(self.vocab)
        if len(ids) > v:  # the idf of each term of the vocabulary once, then looked up
            val = tf * np.log(n / (self.df[:v] + self.bg[:v] + 1))[ids]
        else:  # (the same floats: the same operations on each term, elementwise)
            val = tf * np.log(n / (self.df[ids] + self.bg[ids] + 1))
        norms = np.sqrt(np.add.reduceat(val * val, starts))
        norms[norms == 0] = 1.0
        # the query as a dense vector over the vocabulary: a buffer set and reset per call
        qids = np.array([k for k, _ in known], dtype=np.int64)
        if len(self.query) < len(self.df):
            self.query = np.zeros(len(self.df))
        self.query[qids] = [v for _, v in known]
        cos[full] = np.add.reduceat(self.query[ids] * val, starts) / norms
        self.query[qids] = 0.0
        return cos


_NONE = np.empty(0, dtype=np.int64)


@dataclass(slots=True)
class _Pack:
    """The stored arrays of a story's compared members, joined once (``_Columns.pack``)."""

    ids: npt.NDArray[np.int32]
    tf: npt.NDArray[np.float64]  # sublinear tf of each term
    lens: npt.NDArray[np.int64]  # terms of each non-empty member
    full: npt.NDArray[np.int64]  # their places among the members


def _averages(cos: npt.NDArray[np.float64], sizes: list[int]) -> npt.NDArray[np.float64]:
    """The mean of each run of ``sizes`` values of ``cos``, summed member by member in order
    (the same floats as ``sum(cos[at : at + size]) / size`` for each run)."""
    size = np.array(sizes, dtype=np.int64)
    at = np.zeros(len(sizes), dtype=np.int64)
    np.cumsum(size[:-1], out=at[1:])
    sums = np.zeros(len(sizes))
    for j in range(int(size.max(initial=0))):
        has = size > j
        sums[has] += cos[at[has] + j]
    return sums / size


@dataclass(slots=True)
class StoryIndex:
    """Story assignment over a stream of articles; the decisions depend only on their order.

    It keeps, per article, its story and key-term postings; the term vectors and dates of the
    first ``MAX_MEMBERS`` articles of each story (the only ones compared); and counts of
    documents per term. ``forget`` drops every story that no article dated on or after a day
    can join any more (a run that knows its remaining articles' dates keeps a window only)."""

    threshold: float = THRESHOLD
    window_days: int = WINDOW_DAYS
    df: Counter[str] = field(default_factory=Counter)
    n_docs: int = 0
    seen: set[str] = field(default_factory=set)
    days: dict[str, date | None] = field(default_factory=dict)
    story: dict[str, str] = field(default_factory=dict)
    postings: dict[str, list[str]] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)
    columns: _Columns = field(default_factory=_Columns)
    gone: set[str] = field(default_factory=set)  # stories dropped by ``forget``
    first_day: dict[str, int] = field(default_factory=dict)  # earliest member day (ordinal)
    by_day: list[tuple[int, str]] = field(default_factory=list)  # heap of (first_day, story)
    stale: int = 0  # dropped articles still named in ``postings``
    max_live: int = MAX_LIVE
    last_join: dict[str, None] = field(default_factory=dict)  # live stories, least recent first
    #: per story: its compared members' arrays joined, and their days (first, last ordinal),
    #: kept until a member is added
    packs: dict[str, tuple[_Pack, int]] = field(default_factory=dict)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)

    def _vector(self, terms: dict[str, int]) -> dict[str, float]:
        """Sublinear tf times idf (at the current state), normalised."""
        n, df, bg, log = self.n_docs + PSEUDO_DOCS, self.df, background(), math.log
        vec = {
            t: (1 + log(c)) * log(n / (df.get(t, 0) + bg.get(t, 0.0) + 1)) for t, c in terms.items()
        }
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
        stories: list[tuple[str, list[str]]] = []
        found = {
            s for o, n in shared.items() if n >= MIN_SHARED and (s := self.story.get(o)) is not None
        }  # (an article of a story ``forget`` dropped has none)
        today = day.toordinal() if day else None
        for story in sorted(found):
            members = self.members[story][:MAX_MEMBERS]
            span = self.spans.get(story)  # the first and last day of its dated members
            if (
                today is not None
                and span is not None
                and (today - span[0] > self.window_days or span[1] - today > self.window_days)
            ):
                continue
            stories.append((story, members))
        if not stories:
            return None
        # the cosines against every member of every candidate story in one vectorised pass
        packs = []
        for story, members in stories:
            pack = self.packs.get(story)
            if pack is None or pack[1] != len(members):
                pack = self.packs[story] = (self.columns.pack(members), len(members))
            packs.append(pack)
        cos = self.columns.cosines(vec, self.n_docs + PSEUDO_DOCS, packs)
        sims = _averages(cos, [len(members) for _, members in stories])
        # the first story (in order) of the highest average, if it reaches the threshold
        best = int(np.argmax(sims))
        return stories[best][0] if sims[best] >= self.threshold else None

    def add(self, doc_id: str, terms: dict[str, int], published: str | None, story: str) -> None:
        if doc_id in self.seen:
            return
        self.seen.add(doc_id)
        self.n_docs += 1
        self.df.update(terms.keys())
        ids = self.columns.count(terms)
        if story in self.gone:  # no later article can join it: nothing else to keep
            return
        self.story[doc_id] = story
        self.last_join.pop(story, None)
        self.last_join[story] = None
        members = self.members.setdefault(story, [])
        members.append(doc_id)
        if len(members) <= MAX_MEMBERS:
            self.columns.store(doc_id, ids, terms)
            day = self.days[doc_id] = _day(published)
            if day:
                lo, hi = self.spans.get(story, (day.toordinal(), day.toordinal()))
                self.spans[story] = (min(lo, day.toordinal()), max(hi, day.toordinal()))
            if day and day.toordinal() < self.first_day.get(story, 1 << 30):
                self.first_day[story] = day.toordinal()
                heapq.heappush(self.by_day, (day.toordinal(), story))
        for t in self._keys(self._vector(terms)):
            self.postings.setdefault(t, []).append(doc_id)
        while len(self.story) > self.max_live:  # the least recently joined story goes
            self._drop(next(iter(self.last_join)))

    def forget(self, earliest: date) -> int:
        """Drop the stories that no article dated ``earliest`` or later can join (a member of
        theirs lies more than ``window_days`` before it). Exact only if every later call of
        ``assign`` gives such a date; returns the number of articles dropped."""
        dropped = 0
        horizon = earliest.toordinal() - self.window_days
        while self.by_day and self.by_day[0][0] < horizon:
            _, story = heapq.heappop(self.by_day)
            if story not in self.gone:
                dropped += self._drop(story)
        return dropped

    def _drop(self, story: str) -> int:
        """Forget one story: later articles can no longer join it. Its number of articles."""
        self.gone.add(story)
        self.first_day.pop(story, None)
        self.last_join.pop(story, None)
        self.packs.pop(story, None)
        self.spans.pop(story, None)
        members = self.members.pop(story, [])
        for m in members:
            del self.story[m]
            self.days.pop(m, None)
            self.columns.drop(m)
        self.stale += len(members)
        if self.stale > max(1024, len(self.story)):  # compact the postings now and then
            live = self.story
            self.postings = {
                t: kept
                for t, docs in self.postings.items()
                if (kept := [o for o in docs if o in live])
            }
            self.stale = 0
        return len(members)
