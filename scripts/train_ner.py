"""Train and evaluate the Rasad CRF named-entity tagger on ANERcorp.

Usage::

    python scripts/train_ner.py --data /work/shared/data/anercorp \
        --out src/rasad/ner/data/ --eval

The CAMeL Lab split is used (see ``rasad.ner.corpus.camel_split``); the test
split is only read to score the finished model (``--eval``). ``--dev`` trains on
the first 5/6 of train and scores the rest; ``--tune`` grid-searches c1/c2 on
that dev split. Training adds mention-replaced copies of the sentences with an
organisation (``rasad.ner.augment``; ``--no-augment`` leaves them out).
Training is deterministic (L-BFGS, fixed folds, seeded replacement).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import multiprocessing
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from rasad.ner.augment import Copy, name_pool, replace_mentions
from rasad.ner.corpus import Token, evaluate, format_table, load_split
from rasad.ner.features import Featurizer, document_marks, mark_features
from rasad.ner.lexicons import Gazetteer, Lexicon
from rasad.ner.namelike import NameLike, training_words
from rasad.ner.personnames import PersonNames
from rasad.ner.sources import (
    cldr_entries,
    curated_entries,
    kb_entries,
    petrarch_person_entries,
)
from rasad.ner.tagger import CrfTagger, stage1_path
from rasad.ner.wordstats import WordStats

FOLDS = 5
Sent = list[Token]
XSeq = list[list[str]]
_JOB: dict[str, object] = {}  # shared with forked workers


def jackknife(
    sents: Sequence[Sent],
    gaz: Gazetteer,
    stats: WordStats,
    names: NameLike,
    persons: PersonNames,
    bounds: Sequence[int] | None = None,
) -> list[XSeq]:
    """Features of training sentences, each fold's lexicon built without it,
    so lexicon features look on train as they will on unseen text."""
    bounds = bounds or fold_bounds(len(sents))
    out: list[XSeq] = []
    for lo, hi in itertools.pairwise(bounds):
        lexicon = Lexicon.build([*sents[:lo], *sents[hi:]])
        feat = Featurizer(gaz, lexicon, stats, names, persons)
        out.extend(feat.sentence([w for w, _ in s]) for s in sents[lo:hi])
    return out


def fold_bounds(n: int) -> list[int]:
    return [n * k // FOLDS for k in range(FOLDS + 1)]


def with_copies(
    sents: Sequence[Sent], copies: Sequence[Copy]
) -> tuple[list[Sent], list[int], list[int]]:
    """Each sentence followed by its copies; fold bounds that keep a copy in the fold of
    its original (so no lexicon or first-pass label of a copy comes from its original);
    the positions of the originals."""
    by_origin = _by_origin(copies)
    out: list[Sent] = []
    position: list[int] = []
    for i, s in enumerate(sents):
        position.append(len(out))
        out.append(list(s))
        out.extend(c.tokens for c in by_origin.get(i, []))
    bounds = [*position, len(out)]
    return out, [bounds[b] for b in fold_bounds(len(sents))], position


def _by_origin(copies: Sequence[Copy]) -> dict[int, list[Copy]]:
    by_origin: dict[int, list[Copy]] = {}
    for c in copies:
        by_origin.setdefault(c.origin, []).append(c)
    return by_origin


def fit(xs: Sequence[XSeq], ys: Sequence[list[str]], model: Path, params: dict[str, float]) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    trainer.set_params(
        {
            "c1": params["c1"],
            "c2": params["c2"],
            "max_iterations": int(params["iters"]),
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(model))


def _fold_job(k: int) -> list[list[str]]:
    """Out-of-fold first-pass labels for fold k."""
    xs, ys = _JOB["xs"], _JOB["ys"]
    assert isinstance(xs, list) and isinstance(ys, list)
    params, work = _JOB["params"], _JOB["work"]
    assert isinstance(params, dict) and isinstance(work, Path)
    bounds = _JOB["bounds"]
    assert isinstance(bounds, list)
    lo, hi = bounds[k : k + 2]
    model = work / f"fold{k}.crfsuite"
    fit([*xs[:lo], *xs[hi:]], [*ys[:lo], *ys[hi:]], model, params)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    labels = [tagger.tag(x) for x in xs[lo:hi]]
    tagger.close()
    model.unlink()
    return labels


def _final_job(args: tuple[list[XSeq], list[list[str]], Path, dict[str, float]]) -> None:
    fit(*args)


def build(
    sents: Sequence[Sent],
    gaz: Gazetteer,
    stats: WordStats,
    persons: PersonNames,
    model: Path,
    params: dict[str, float],
) -> None:
    """Train both passes on ``sents`` (plus their mention-replaced copies unless
    ``params["augment"]`` is 0) and write the model files next to ``model``."""
    names = NameLike.train(*training_words(gaz.entries, stats.table))
    copies = replace_mentions(sents, name_pool(gaz.entries)) if params.get("augment", 1) else []
    every, bounds, originals = with_copies(sents, copies)
    xs = jackknife(every, gaz, stats, names, persons, bounds)
    ys = [[t for _, t in s] for s in every]
    model.parent.mkdir(parents=True, exist_ok=True)
    lexicon = Lexicon.build(every)
    lexicon.write(model.with_suffix(".lexicon.tsv"))
    gaz.write(model.parent / "gazetteer.tsv")
    stats.write(model.parent / "wordstats.tsv.gz")
    names.write(model.parent / "namelike.tsv.gz")
    persons.write(model.parent / "personnames.txt.gz")
    _JOB.update(xs=xs, ys=ys, params=params, work=model.parent, bounds=bounds)
    jobs = int(params.get("jobs", 1))
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs) if jobs > 1 else contextlib.nullcontext() as pool:
        mapper = pool.map if pool is not None else map
        first = [lab for part in mapper(_fold_job, range(FOLDS)) for lab in part]
        featurizer = Featurizer(gaz, lexicon, stats, names, persons)
        keys = [featurizer.keys([w for w, _ in s]) for s in sents]
        doc = second_pass_features(keys, copies, [first[p] for p in originals])
        xs2 = [[a + b for a, b in zip(x, d, strict=True)] for x, d in zip(xs, doc, strict=True)]
        list(
            mapper(
                _final_job,
                [(xs, ys, stage1_path(model), params), (xs2, ys, model, params)],
            )
        )


def second_pass_features(
    keys: Sequence[list[str]], copies: Sequence[Copy], first: Sequence[list[str]]
) -> list[list[list[str]]]:
    """Document features in :func:`with_copies` order, from the originals' ``keys`` and
    first-pass labels: the originals form the document (as at run time); a copy takes its
    original's marks, an inserted name those of the mention it replaces (as if the name had
    been replaced wherever it occurs)."""
    marks = document_marks(keys, first)
    by_origin = _by_origin(copies)
    out: list[list[list[str]]] = []
    for i, own in enumerate(marks):
        out.append(mark_features(own))
        out.extend(mark_features([own[a] for a in c.align]) for c in by_origin.get(i, []))
    return out


def score(model: Path, sents: Sequence[Sent]) -> str:
    tagger = CrfTagger.load(model, cache=False)
    pred = tagger.tag_sentences([[w for w, _ in s] for s in sents])
    return format_table(evaluate([[t for _, t in s] for s in sents], pred))


SHARED_ANERCORP = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "anercorp"


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--data", type=Path, default=SHARED_ANERCORP)
    ap.add_argument("--out", type=Path, default=Path("src/rasad/ner/data"))
    ap.add_argument("--eval", action="store_true", help="score the model on the test split")
    ap.add_argument("--dev", action="store_true", help="train on 5/6 of train, score the rest")
    ap.add_argument("--tune", action="store_true", help="grid-search c1/c2 on the dev split")
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iters", type=int, default=300)
    ap.add_argument("--jobs", type=int, default=1, help="training processes (default 1)")
    ap.add_argument(
        "--no-augment",
        action="store_true",
        help="train without the mention-replaced copies (rasad.ner.augment)",
    )
    ap.add_argument(
        "--score",
        action="store_true",
        help="only score the shipped model in --out on the test split (no training)",
    )
    args = ap.parse_args(argv)

    train_sents, test_sents = load_split(args.data)
    if args.score:
        print(f"test split: {sum(map(len, test_sents))} tokens (shipped model, no training)")
        print(score(args.out / "anercorp.crfsuite", test_sents))
        return
    gaz = Gazetteer(
        [
            *Gazetteer.from_anergazet(args.data).entries,
            *kb_entries(),
            *cldr_entries(),
            *curated_entries(),
            *petrarch_person_entries(args.data),
        ]
    )
    stats = WordStats.build()
    persons = PersonNames.from_wordfreq()
    params = {
        "c1": args.c1,
        "c2": args.c2,
        "iters": args.iters,
        "jobs": args.jobs,
        "augment": 0.0 if args.no_augment else 1.0,
    }
    cut = len(train_sents) * 5 // 6
    fit_sents, dev_sents = train_sents[:cut], train_sents[cut:]
    if args.tune:
        tune(fit_sents, dev_sents, gaz, stats, persons, args.out / "tune", params)
        return
    if args.dev:
        t0 = time.perf_counter()
        build(fit_sents, gaz, stats, persons, args.out / "dev" / "anercorp.crfsuite", params)
        print(f"dev: trained in {time.perf_counter() - t0:.1f}s")
        print(score(args.out / "dev" / "anercorp.crfsuite", dev_sents))
        return
    model = args.out / "anercorp.crfsuite"
    t0 = time.perf_counter()
    build(train_sents, gaz, stats, persons, model, params)
    size = sum(p.stat().st_size for p in args.out.iterdir() if p.is_file())
    print(
        f"trained on {sum(map(len, train_sents))} tokens in {time.perf_counter() - t0:.1f}s; "
        f"c1={args.c1} c2={args.c2} iters={args.iters}; data dir {size / 1e6:.2f} MB"
    )
    if args.eval:
        print(f"test split: {sum(map(len, test_sents))} tokens")
        print(score(model, test_sents))


def tune(
    fit_sents: Sequence[Sent],
    dev_sents: Sequence[Sent],
    gaz: Gazetteer,
    stats: WordStats,
    persons: PersonNames,
    work: Path,
    params: dict[str, float],
) -> None:
    """Grid over c1/c2 for the two-pass model, scored on dev (micro F1)."""
    results = []
    for c1 in (0.02, 0.1, 0.3):
        for c2 in (0.003, 0.03):
            model = work / "anercorp.crfsuite"
            build(fit_sents, gaz, stats, persons, model, {**params, "c1": c1, "c2": c2})
            tagger = CrfTagger.load(model, cache=False)
            pred = tagger.tag_sentences([[w for w, _ in s] for s in dev_sents])
            f1 = evaluate([[t for _, t in s] for s in dev_sents], pred)["micro"].f1
            print(f"c1={c1} c2={c2} dev micro F1 {100 * f1:.2f}", flush=True)
            results.append((f1, c1, c2))
    print("best (F1, c1, c2):", max(results))


if __name__ == "__main__":
    main()
