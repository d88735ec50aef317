"""A generated corpus for the batch tests: invented pages built from the sample pages' own
paragraphs (written by the Rasad authors), several outlets, stories reported by several of them
with small edits (near duplicates), exact copies, and site furniture."""

from __future__ import annotations

import json
import random
from pathlib import Path

from conftest import CORPUS

_FURNITURE = [
    "تابعونا على قناتنا لمزيد من الأخبار العاجلة",
    "جميع الحقوق محفوظة لدى الموقع",
    "اشترك في النشرة البريدية اليومية",
]


def _pool() -> tuple[list[str], list[str]]:
    paras, titles = [], []
    for path in sorted(CORPUS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            if len(words) >= 15 and line.rstrip().endswith("."):
                paras.append(line.strip())
            elif 6 <= len(words) <= 14 and not line.startswith("-"):
                titles.append(line.strip())
    return paras, titles


def generate(out: Path, pages: int, *, seed: int = 3, sites: int = 6) -> list[str]:
    """Write ``pages`` pages under ``out`` (one folder per outlet, the last outlet as one JSON
    Lines file); returns the inputs to give to the pipeline."""
    rng = random.Random(seed)
    paras, titles = _pool()
    vocab = sorted({w for p in paras for w in p.split() if len(w) > 3})
    sidebars = [[f"- {rng.choice(titles)}" for _ in range(6)] for _ in range(sites)]
    jsonl: list[str] = []
    for i in range(pages):
        story = i // 3
        srng = random.Random(story)
        title = srng.choice(titles)
        body = [p.split() for p in srng.sample(paras, srng.randint(3, 6))]
        site = (story + i % 3) % sites
        if i % 3 == 1:  # another outlet's edit of the same story: a few words changed
            for words in body:
                words[rng.randrange(len(words))] = rng.choice(vocab)
        lines = sidebars[site] + [title, *(" ".join(w) for w in body), *_FURNITURE[: 1 + site % 3]]
        text = "\n".join(lines) + "\n"
        if site == sites - 1:
            jsonl.append(json.dumps({"url": f"https://site{site}.example/a/{i}", "text": text},
                                    ensure_ascii=False))
            continue
        folder = out / f"site{site}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"p{i:05d}.txt").write_text(text, encoding="utf-8")
    (out / "feed.jsonl").write_text("\n".join(jsonl) + "\n", encoding="utf-8")
    return [str(out / f"site{s}") for s in range(sites - 1)] + [str(out / "feed.jsonl")]
