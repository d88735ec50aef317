"""The story index's vectorised scoring: the same floats, hence the same decisions, as the
member-by-member computation it replaced (one idf per vocabulary term instead of one per
stored term; the per-story averages summed with numpy member by member in order)."""

from __future__ import annotations

import hashlib
import random

import numpy as np

from rasad import stories
from rasad.stories import PSEUDO_DOCS, StoryIndex, _averages

Article = tuple[int, str, dict[str, int], str | None]


def _stream(n: int, seed: int) -> list[Article]:
    """Invented articles on 25 topics drawn from one small vocabulary (every article shares
    terms with most earlier ones, as the generated benchmark pages do), most undated: many
    candidate stories per article, stories of more than ``MAX_MEMBERS`` articles."""
    rng = random.Random(seed)
    common = [f"عام{i}" for i in range(120)]
    topics = [[f"موضوع{k}x{j}" for j in range(30)] for k in range(25)]
    out: list[Article] = []
    for i in range(n):
        topic = topics[rng.randrange(len(topics))]
        terms: dict[str, int] = {}
        for t in rng.sample(topic, rng.randint(6, 20)) + rng.sample(common, rng.randint(20, 60)):
            terms[t] = rng.randint(1, 5)
        day = None if rng.random() < 0.7 else f"2026-01-{1 + i // 40:02d}"
        out.append((i, f"a{i:04d}", terms, day))
    return out


def _decide(articles: list[Article]) -> tuple[StoryIndex, list[str]]:
    index = StoryIndex()
    got = []
    for _, doc_id, terms, day in articles:
        story = index.assign(doc_id, terms, day) or doc_id
        index.add(doc_id, terms, day, story)
        got.append(story)
    return index, got


def test_decisions_equal_those_of_the_member_by_member_scoring() -> None:
    # digests of the stories the index gave before the vectorised scoring (commit 4fefa69),
    # on the same streams: any change of a float that flips a decision changes them
    expected = {1: "6cc6690982c8b3a5", 2: "427b20a3db894cc0"}
    for seed, digest in expected.items():
        _, got = _decide(_stream(600, seed))
        assert max(got.count(s) for s in set(got)) > stories.MAX_MEMBERS
        assert hashlib.sha256(" ".join(got).encode()).hexdigest()[:16] == digest


def test_vocabulary_idf_equals_the_idf_of_each_stored_term() -> None:
    index, _ = _decide(_stream(300, 3))
    members = {s: m[: stories.MAX_MEMBERS] for s, m in index.members.items()}
    packs = [(index.columns.pack(m), len(m)) for _, m in sorted(members.items())]
    vec = index._vector(_stream(301, 3)[-1][2])
    n = index.n_docs + PSEUDO_DOCS
    assert sum(len(p.ids) for p, _ in packs) > len(index.columns.vocab)  # the vocabulary path
    by_vocab = index.columns.cosines(vec, n, packs)
    cols = index.columns
    for k in range(10 * sum(len(p.ids) for p, _ in packs)):  # now each stored term's own idf
        cols.vocab[f"غائب{k}"] = len(cols.vocab)
    by_term = cols.cosines(vec, n, packs)
    assert by_vocab.tobytes() == by_term.tobytes()
    # and each member alone (the sums of one member's terms: ``reduceat``, as before)
    at = 0
    for pack, size in packs:
        starts = np.cumsum([0, *pack.lens[:-1]])
        for i, (start, length) in enumerate(zip(starts, pack.lens, strict=True)):
            ids = pack.ids[start : start + length]
            val = pack.tf[start : start + length] * np.log(n / (cols.df[ids] + cols.bg[ids] + 1))
            norm = np.sqrt(np.add.reduceat(val * val, [0])[0]) or 1.0
            q = np.array([vec.get(t, 0.0) for t in _names(cols.vocab, ids)])
            assert by_term[at + pack.full[i]] == np.add.reduceat(q * val, [0])[0] / norm
        at += size


def _names(vocab: dict[str, int], ids: np.ndarray) -> list[str]:
    back = {k: t for t, k in vocab.items()}
    return [back[int(k)] for k in ids]


def test_averages_sum_member_by_member() -> None:
    rng = random.Random(5)
    sizes = [rng.randint(1, 16) for _ in range(300)]
    cos = np.array([rng.uniform(-0.2, 1.0) for _ in range(sum(sizes))])
    got = _averages(cos, sizes)
    at = 0
    for j, size in enumerate(sizes):
        assert got[j] == sum(cos[at : at + size].tolist()) / size
        at += size


def test_batch_pass_equals_the_index_on_a_dense_stream() -> None:
    from rasad.batch import cluster

    articles = _stream(400, 4)
    _, got = _decide(articles)
    ref = {o: (s, None) for (o, doc_id, _, _), s in zip(articles, got, strict=True) if s != doc_id}
    assert len(ref) > 300  # most articles join an earlier story
    assert cluster.assign([], lambda: iter(articles)) == ref
