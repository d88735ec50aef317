"""Could the story pass of a batch run be split exactly? Two measures on a finished run folder.

    rasad batch DIR/txt --out RUN --executor local --shard-size 187
    python bench/story_split.py RUN [BLOCK ...]

- components: the connected components of the candidate graph (each article joined to the
  earlier articles sharing ``MIN_SHARED`` of its key terms, as ``StoryIndex.assign`` finds
  them). Only a partition into unions of components can be decided part by part exactly.
- for each BLOCK size: the share of member cosines that a block-speculative pass would redo
  serially (scored in parallel against the story state at the block's start; the members
  added inside the block, and the members of stories begun inside it, scored again).

Every article asks the index here (linked copies included), so the counts are an upper bound
for the batch pass, which skips the articles with a duplicate link.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from rasad import stories
from rasad.batch.work import story_terms


def main() -> None:
    run = Path(sys.argv[1])
    blocks = [int(b) for b in sys.argv[2:]] or [250, 1000]
    terms = sorted(run.glob("_work/k/*.terms.pkl"))
    if not terms:
        raise SystemExit(f"{run}: no _work/k/*.terms.pkl (a finished batch run with stories)")

    class _S:  # what ``story_terms`` reads of a shard
        def __init__(self, i: int, p: Path) -> None:
            self.index, self.id = i, p.name.removesuffix(".terms.pkl")

    shards = [_S(i, p) for i, p in enumerate(terms)]
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    index = stories.StoryIndex()
    frozen: dict[int, dict[str, int]] = {b: {} for b in blocks}
    compared = {b: 0 for b in blocks}
    redo = {b: 0 for b in blocks}
    pairs = 0
    for i, (_, doc_id, bag, published) in enumerate(story_terms(str(run), shards)):  # type: ignore[arg-type]
        for b in blocks:
            if i % b == 0:
                frozen[b] = {s: len(m[: stories.MAX_MEMBERS]) for s, m in index.members.items()}
        shared: Counter[str] = Counter()
        for t in index._keys(index._vector(bag)):
            shared.update(index.postings.get(t, ()))
        find(doc_id)
        found = set()
        for other, n in shared.items():
            if n >= stories.MIN_SHARED:
                pairs += 1
                parent[find(other)] = find(doc_id)
                if (s := index.story.get(other)) is not None:
                    found.add(s)
        for s in found:
            m = len(index.members[s][: stories.MAX_MEMBERS])
            for b in blocks:
                compared[b] += m
                redo[b] += m - min(m, frozen[b].get(s, 0))
        story = index.assign(doc_id, bag, published) or doc_id
        index.add(doc_id, bag, published, story)
    sizes = Counter(find(x) for x in parent)
    print(
        f"articles {len(parent)}, candidate pairs {pairs}, components {len(sizes)}, "
        f"largest {max(sizes.values())}, stories {len(index.members)}"
    )
    for b in blocks:
        share = 100 * redo[b] / max(1, compared[b])
        print(f"block {b}: member cosines {compared[b]}, to redo serially {redo[b]} ({share:.1f}%)")


if __name__ == "__main__":
    main()
