"""The story index keeps at most ``max_live`` articles (``stories.MAX_LIVE`` by default): beyond
that the story joined least recently is dropped whole, so undated input, which the date window
cannot prune, does not grow memory without bound; below the bound nothing changes."""

from __future__ import annotations

import random

from rasad import stories
from rasad.stories import StoryIndex

Article = tuple[str, dict[str, int]]


def _undated(n: int, *, seed: int) -> list[Article]:
    """Undated articles of many stories (four articles a story, in a row), each sharing most
    of its story's own terms and a few terms common to all."""
    rng = random.Random(seed)
    common = [f"عام{i}" for i in range(30)]
    out: list[Article] = []
    for i in range(n):
        own = [f"حدث{i // 4}ب{k}" for k in range(20)]
        terms = {t: rng.randint(1, 3) for t in rng.sample(own, 15) + rng.sample(common, 5)}
        out.append((f"a{i:05d}", terms))
    return out


def _run(index: StoryIndex, articles: list[Article]) -> tuple[list[str], int]:
    """The story of each article, and the most articles the index held at once."""
    got, most = [], 0
    for doc_id, terms in articles:
        story = index.assign(doc_id, terms, None) or doc_id
        index.add(doc_id, terms, None, story)
        got.append(story)
        most = max(most, len(index.story))
    return got, most


def test_undated_stream_is_bounded() -> None:
    articles = _undated(600, seed=5)
    whole, whole_most = _run(StoryIndex(), articles)
    index = StoryIndex(max_live=40)
    bounded, most = _run(index, articles)
    assert whole_most == 600  # undated: without the bound every article stays
    assert most <= 40
    assert len(index.columns.ids) <= 40  # the term vectors go with their articles
    assert sum(len(m) for m in index.members.values()) <= 40
    assert len(set(bounded)) < len(bounded) / 2  # stories still form
    # stories in a row of four: the bound (ten stories) keeps every story a later article joins
    assert bounded == whole


def test_least_recently_joined_story_goes_first() -> None:
    index = StoryIndex(max_live=6)
    terms = {f"s{s}": {f"حدث{s}ب{k}": 2 for k in range(12)} for s in range(3)}
    for i, s in enumerate([0, 0, 1, 1, 0, 2, 2]):  # story 1 is joined least recently at the end
        doc_id = f"a{i}"
        story = index.assign(doc_id, terms[f"s{s}"], None) or doc_id
        index.add(doc_id, terms[f"s{s}"], None, story)
    assert len(index.story) <= 6
    assert "a2" in index.gone  # story 1 (named after its first article) was dropped
    assert {"a0", "a5"} <= set(index.last_join)
    assert index.assign("late", terms["s1"], None) is None  # it can no longer be joined


def test_default_bound() -> None:
    assert StoryIndex().max_live == stories.MAX_LIVE == 100_000
