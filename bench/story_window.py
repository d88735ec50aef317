"""The batch driver's story pass on invented dated articles: how many term vectors the story
index holds at most, with the window (``cluster.assign``: dates read first, ``forget``) and
without (one index that keeps everything), and the resident memory the pass adds.

    python bench/story_window.py 12000 window
    python bench/story_window.py 12000 all

Articles of 200 terms (40 of their story's 60, 160 of 3,000 common ones), four per story on
average (a fifth join an older story), 40 a day in date order with +-2 days of jitter.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta

from rasad.batch import cluster
from rasad.stories import StoryIndex


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4096 / 2**20


def stream(n: int, seed: int = 1) -> Iterator[tuple[int, str, dict[str, int], str | None]]:
    rng = random.Random(seed)
    common = [f"عام{i}" for i in range(3000)]
    start = date(2026, 1, 1)
    for i in range(n):
        story = i // 4 if rng.random() < 0.8 else rng.randrange(max(1, i // 4))
        own = [f"خبر{story}x{k}" for k in range(60)]
        terms = {t: rng.randint(1, 4) for t in rng.sample(own, 40) + rng.sample(common, 160)}
        day = start + timedelta(days=i // 40 + rng.randint(-2, 2))
        yield (i, f"{i:016x}", terms, day.isoformat())


def main() -> None:
    n, mode = int(sys.argv[1]), sys.argv[2]
    held = [0]
    forget = StoryIndex.forget

    def counting(self: StoryIndex, earliest: date) -> int:
        dropped = forget(self, earliest)
        held[0] = max(held[0], len(self.columns.ids))
        return dropped

    StoryIndex.forget = counting  # type: ignore[method-assign]
    r0, t = rss_mb(), time.process_time()
    if mode == "window":
        links = len(cluster.assign([], lambda: stream(n)))
    else:
        index, links = StoryIndex(), 0
        for _, doc_id, terms, published in stream(n):
            story = index.assign(doc_id, terms, published) or doc_id
            index.add(doc_id, terms, published, story)
            links += story != doc_id
        held[0] = len(index.columns.ids)
    print(
        f"{mode} n={n} rss_added_mb={rss_mb() - r0:.1f} vectors_held_max={held[0]} "
        f"cpu={time.process_time() - t:.1f}s linked={links}"
    )


if __name__ == "__main__":
    main()
