"""The batch driver's story pass keeps a window of days, not the corpus: stories that no later
article can join are dropped (``StoryIndex.forget``), with the same decisions as the index that
keeps everything."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest

from rasad import stories
from rasad.batch import cluster
from rasad.stories import StoryIndex

Article = tuple[int, str, dict[str, int], str | None]


def _stream(n: int, *, seed: int, undated_at: int | None = None) -> list[Article]:
    """Articles of many stories, roughly in date order (a few days out of order), each story
    reported by several articles over a few days, sharing key terms with its siblings; common
    terms shared by all."""
    rng = random.Random(seed)
    common = [f"عام{i}" for i in range(40)]
    start = date(2026, 1, 1)
    out: list[Article] = []
    for i in range(n):
        story = i // 4 if rng.random() < 0.8 else rng.randrange(max(1, i // 4))
        srng = random.Random(story)
        own = [f"خبر{story}x{k}" for k in range(25)]
        terms: dict[str, int] = {}
        for t in rng.sample(own, 18) + rng.sample(common, 10):
            terms[t] = rng.randint(1, 4)
        day = start + timedelta(days=i // 6 + rng.randint(-2, 2) + srng.randint(0, 1))
        published = None if i == undated_at else day.isoformat()
        out.append((i, f"a{i:05d}", terms, published))
    return out


def _reference(articles: list[Article]) -> dict[int, tuple[str, str | None]]:
    """Every article through one index that keeps everything (the single-machine stage)."""
    index = StoryIndex()
    out: dict[int, tuple[str, str | None]] = {}
    for order, doc_id, terms, published in articles:
        story = index.assign(doc_id, terms, published) or doc_id
        index.add(doc_id, terms, published, story)
        if story != doc_id:
            out[order] = (story, None)
    return out


@pytest.mark.parametrize(("seed", "undated_at"), [(1, None), (2, 150), (3, 0)])
def test_story_pass_with_a_window_equals_the_whole_index(
    seed: int, undated_at: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = _stream(400, seed=seed, undated_at=undated_at)
    dropped: list[int] = []
    real = StoryIndex.forget

    def counting(self: StoryIndex, earliest: date) -> int:
        n = real(self, earliest)
        dropped.append(n)
        return n

    monkeypatch.setattr(StoryIndex, "forget", counting)
    got = cluster.assign([], lambda: iter(articles))
    ref = _reference(articles)
    assert got == ref
    assert len({c for c, _ in ref.values()}) > 20  # many stories of several articles
    if undated_at is not None:  # no story is dropped before the last undated article
        assert len(dropped) <= len(articles) - undated_at
    assert sum(dropped) > 200  # most articles left the index before the end


def test_forget_drops_only_stories_out_of_the_window() -> None:
    index = StoryIndex(window_days=4)
    terms: dict[str, Any] = {"مدينة": 2, "جسر": 1, "افتتاح": 1}
    index.add("old", terms, "2026-01-01", "old")
    index.add("undated", terms, None, "undated")
    index.add("late", terms, "2026-01-05", "late")
    assert index.forget(date(2026, 1, 5)) == 0  # 4 days: still joinable
    assert index.forget(date(2026, 1, 6)) == 1
    assert set(index.members) == {"undated", "late"}
    index.add("copy", terms, "2026-01-06", "old")  # a linked copy of the dropped story
    assert "old" not in index.members
    assert index.n_docs == 4
    assert stories.MAX_MEMBERS >= 2
