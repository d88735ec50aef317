"""Distributional cues of a stem, derived from a general Arabic word-frequency list.

A name such as ``ساركوزي`` is rare, almost never takes the article ``ال`` and
never a possessive suffix or a plural ending; a common noun such as ``وزارة``
does all of these. These cues come from how often the stem's inflected forms
occur in general Arabic text, so they also hold for names that never occur in
the NER training data.

At build time (``scripts/train_ner.py``) the table is computed from the Arabic
list of the ``wordfreq`` package (Robyn Speer et al., data CC BY-SA 4.0) and
written to ``data/wordstats.tsv.gz``; at run time only that file is read.
"""

from __future__ import annotations

import gzip
import math
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from pathlib import Path

from rasad.ner.normalize import normalize

_DATA = Path(__file__).with_name("data") / "wordstats.tsv.gz"
_ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B))
# Ratio thresholds of inflected forms relative to the bare stem (see _code).
_RARE = 0.005
_OFTEN = 0.05
_MIN_ZIPF = 1.5


def _zipf(freq: float) -> float:
    return math.log10(freq * 1e9) if freq > 0 else 0.0


def _code(freqs: Mapping[str, float], stem: str) -> str:
    """Compact cue string of ``stem``: zipf bucket, ``ال`` share, possessive,
    plural and nisba flags, e.g. ``4|2|p|l|`` (empty flags stay empty)."""
    base = freqs.get(stem, 0.0)
    al = freqs.get("ال" + stem, 0.0)
    total = base + al
    share = al / total if total else 0.0
    al_bucket = 0 if share < 0.05 else 1 if share < 0.3 else 2 if share < 0.7 else 3

    bound = stem[:-1] + "ت" if stem.endswith("ه") else stem  # taa marbuta before a suffix

    def level(*suffixes: str) -> str:
        """How often the stem occurs with these suffixes, relative to its total:
        '' never, 'a' rarely, 'b' sometimes, 'c' often."""
        got = sum(freqs.get(bound + s, 0.0) + freqs.get("ال" + bound + s, 0.0) for s in suffixes)
        ratio = got / total if total else 0.0
        return "" if ratio == 0 else "a" if ratio < _RARE else "b" if ratio < _OFTEN else "c"

    poss = level("ها", "هم", "كم", "نا", "ه")
    plural = level("ات", "ون", "ين", "ان")
    nisba = level("يه", "يون", "يين") if not stem.endswith("ي") else level("ه", "ون", "ين")
    return f"{min(int(_zipf(total)), 7)}|{al_bucket}|{poss}|{plural}|{nisba}"


def build_table(freqs: Mapping[str, float]) -> dict[str, str]:
    """Cue codes for every stem (without ``ال``) frequent enough to matter.

    ``freqs`` maps normalised words to frequencies (fractions of all tokens).
    """
    stems: set[str] = set()
    for word in freqs:
        stem = word[2:] if word.startswith("ال") and len(word) > 4 else word
        if len(stem) >= 2:
            stems.add(stem)
    out: dict[str, str] = {}
    for stem in stems:
        total = freqs.get(stem, 0.0) + freqs.get("ال" + stem, 0.0)
        if _zipf(total) >= _MIN_ZIPF:
            out[stem] = _code(freqs, stem)
    return out


def wordfreq_frequencies() -> dict[str, float]:
    """Normalised Arabic word frequencies from ``wordfreq`` (build time only)."""
    from wordfreq import get_frequency_dict

    out: dict[str, float] = {}
    for word, freq in get_frequency_dict("ar", "large").items():
        norm = normalize(word)
        if norm and all(ch in _ARABIC_LETTERS for ch in norm):
            out[norm] = out.get(norm, 0.0) + freq
    return out


class SortedTable(Mapping[str, str]):
    """A read-only ``key -> value`` table over the sorted ``key\tvalue`` lines of a file,
    looked up by bisection: loading is one split, with no dictionary of 276,000 entries to
    build (the tagger looks up a few thousand stems per process)."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines

    @classmethod
    def parse(cls, text: str) -> Mapping[str, str]:
        """The table of ``text``; a plain dict when its lines are not sorted by key."""
        lines = text.split("\n")
        if lines and not lines[-1]:
            lines.pop()
        if text.count("\t") != len(lines):  # a line without a tab, or with two
            lines = [line for line in lines if "\t" in line]
        if sorted(lines) == lines:
            return cls(lines)
        return dict(line.split("\t", 1) for line in lines)

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        if "\t" in key:
            return default
        probe = key + "\t"
        i = bisect_left(self._lines, probe)
        if i < len(self._lines) and self._lines[i].startswith(probe):
            return self._lines[i][len(probe) :]
        return default

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        return (line.split("\t", 1)[0] for line in self._lines)

    def __len__(self) -> int:
        return len(self._lines)


class WordStats:
    """Stem -> distributional cue features (``zf=``, ``al=``, ``fx=``)."""

    def __init__(self, table: Mapping[str, str]) -> None:
        self.table = table if isinstance(table, SortedTable) else dict(table)

    @classmethod
    def build(cls) -> WordStats:
        return cls(build_table(wordfreq_frequencies()))

    @classmethod
    def read(cls, path: Path = _DATA) -> WordStats:
        if not path.exists():
            return cls({})
        return cls(SortedTable.parse(gzip.decompress(path.read_bytes()).decode("utf-8")))

    def write(self, path: Path = _DATA) -> None:
        rows = "".join(f"{k}\t{v}\n" for k, v in sorted(self.table.items()))
        with gzip.GzipFile(path, "wb", mtime=0) as fh:
            fh.write(rows.encode("utf-8"))

    def features(self, stem: str) -> list[str]:
        code = self.table.get(stem)
        if code is None:
            return ["zf=none"]
        zf, al, poss, plural, nisba = code.split("|")
        feats = [f"zf={zf}", f"al={al}", f"za={zf}{al}"]
        levels = zip("pln", (poss, plural, nisba), strict=True)
        feats.extend(f"fx{kind}={level or '0'}" for kind, level in levels)
        return feats
