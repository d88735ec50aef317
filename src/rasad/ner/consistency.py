"""One sense per discourse: untagged repeats of a name the tagger keeps finding.

The CRF sometimes tags a name several times in an article and misses the very same
words once or twice ("بركات" tagged three times, left out twice; "البنك التجاري" tagged
four times, left out once). After both passes, :func:`propagate` tags every untagged run
of words that the tagger labelled as one whole entity at least ``min_count`` times in
the sentences within ``window`` of it. Only runs of ``O`` labels are changed: a repeat
that the tagger labelled (even differently) is left as it is. Words are compared by their
clitic-free forms, so "للبنك التجاري" repeats "البنك التجاري".

Three sightings, not one: a name tagged once may be a one-off error, and spreading it
does more harm than good (out-of-fold first-pass labels of ANERcorp train, 125k tokens:
one sighting adds 75 multi-word entities of which 28 % are right; three sightings add
114 entities, 69 % right, +0.42 micro F1; on the dev split +0.19 to +0.62 over ten
models). See docs/ner.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from rasad.ner.corpus import spans

__all__ = ["propagate"]

Key = tuple[str, ...]


def propagate(
    keys: Sequence[Sequence[str]],
    labels: Sequence[Sequence[str]],
    window: int = 25,
    min_count: int = 3,
) -> list[list[str]]:
    """New labels: ``labels`` with the untagged repeats of frequently tagged entities tagged.

    ``keys``: per sentence, the clitic-free form of each token; ``labels``: BIO labels of
    consecutive sentences of one document. An entity counts when its words were tagged
    with one type at least ``min_count`` times within ``window`` sentences (the sentence
    itself included); that type is given to its untagged repeats (ties: alphabetical)."""
    found: list[list[tuple[Key, str]]] = [
        [(tuple(ks[a:b]), typ) for a, b, typ in sorted(spans(ls))]
        for ks, ls in zip(keys, labels, strict=True)
    ]
    out = [list(ls) for ls in labels]
    counts: dict[Key, dict[str, int]] = {}  # entities of the sentences within the window

    def add(sj: int, step: int) -> None:
        for key, typ in found[sj]:
            by_type = counts.setdefault(key, {})
            by_type[typ] = by_type.get(typ, 0) + step
            if not by_type[typ]:
                del by_type[typ]
                if not by_type:
                    del counts[key]

    for sj in range(min(len(keys), window)):
        add(sj, 1)
    for si, ks in enumerate(keys):
        if si + window < len(keys):
            add(si + window, 1)
        if si - window - 1 >= 0:
            add(si - window - 1, -1)
        frequent: list[tuple[Key, str]] = []
        for key, by_type in counts.items():
            typ = max(sorted(by_type), key=by_type.__getitem__)
            if by_type[typ] >= min_count:
                frequent.append((key, typ))
        if not frequent:
            continue
        starts: dict[str, list[int]] = {}
        for i, k in enumerate(ks):
            starts.setdefault(k, []).append(i)
        for key, typ in sorted(frequent, key=lambda kt: (-len(kt[0]), kt[0])):
            n = len(key)
            for a in starts.get(key[0], ()):
                run = out[si][a : a + n]
                if tuple(ks[a : a + n]) == key and all(lab == "O" for lab in run):
                    out[si][a : a + n] = [f"B-{typ}"] + [f"I-{typ}"] * (n - 1)
    return out
