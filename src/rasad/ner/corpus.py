"""ANERcorp reading, the CAMeL Lab train/test split and CoNLL-style evaluation."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..metrics import PRF

LABELS = ("B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC", "O")
TYPES = ("PERS", "LOC", "ORG", "MISC")
SENTENCE_END = frozenset({".", "!", "?", "؟"})
_ZERO_WIDTH = str.maketrans({"\u200f": None, "\u200e": None, "·": ".", "•": "."})

Token = tuple[str, str]


def read_anercorp(path: Path) -> list[Token]:
    """Read ``token TAG`` lines; clean tokens the way the CAMeL Lab release did.

    Right-to-left marks (U+200F) are removed, middle/bold dots become ``.``, and
    tokens that are empty after cleaning (191 lines of U+200F only) are dropped.
    The last space separates token and tag (one line has an inner space).
    """
    tokens: list[Token] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        word, _, tag = line.rpartition(" ")
        word = word.translate(_ZERO_WIDTH).strip()
        if tag not in LABELS:
            raise ValueError(f"unexpected tag {tag!r} in line {line!r}")
        if word:
            tokens.append((word.replace(" ", ""), tag))
    return tokens


def sentences(tokens: Sequence[Token]) -> list[list[Token]]:
    """Pseudo-sentences: a boundary follows each run of sentence-final punctuation."""
    out: list[list[Token]] = []
    current: list[Token] = []
    for i, tok in enumerate(tokens):
        current.append(tok)
        nxt = tokens[i + 1][0] if i + 1 < len(tokens) else ""
        if tok[0] in SENTENCE_END and nxt not in SENTENCE_END:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def camel_split(tokens: Sequence[Token]) -> tuple[list[list[Token]], list[list[Token]]]:
    """CAMeL Lab split: sentences holding the first 5/6 of the tokens are train.

    On the cleaned stream (150,091 tokens) the 5/6 point is token 125,075, whose
    sentence ends at token 125,084; test therefore starts at raw file line
    125,276 (``المفرق``) and holds the last 25,007 tokens.
    """
    sents = sentences(tokens)
    target = (len(tokens) * 5) // 6
    seen = 0
    for k, sent in enumerate(sents):
        seen += len(sent)
        if seen > target:
            return sents[: k + 1], sents[k + 1 :]
    return sents, []


def load_split(data_dir: Path) -> tuple[list[list[Token]], list[list[Token]]]:
    return camel_split(read_anercorp(data_dir / "ANERCorp"))


def spans(labels: Sequence[str]) -> set[tuple[int, int, str]]:
    """Exact (start, end, type) chunks, conlleval style (a stray I- opens a chunk)."""
    out: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, lab in enumerate([*labels, "O"]):
        prefix, _, typ = lab.partition("-")
        if kind and (prefix != "I" or typ != kind):
            out.add((start, i, kind))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind):
            start, kind = i, typ
    return out


Score = PRF  # entity-level counts with precision, recall and F1 (shared with ``rasad eval``)


def evaluate(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> dict[str, Score]:
    """Entity-level scores per type plus ``micro`` over all types."""
    scores = {t: Score() for t in (*TYPES, "micro")}
    for g_seq, p_seq in zip(gold, pred, strict=True):
        g, p = spans(g_seq), spans(p_seq)
        for typ in TYPES:
            gt = {s for s in g if s[2] == typ}
            pt = {s for s in p if s[2] == typ}
            sc = scores[typ]
            sc.tp += len(gt & pt)
            sc.fp += len(pt - gt)
            sc.fn += len(gt - pt)
    micro = scores["micro"]
    for typ in TYPES:
        micro.tp += scores[typ].tp
        micro.fp += scores[typ].fp
        micro.fn += scores[typ].fn
    return scores


def format_table(scores: dict[str, Score]) -> str:
    rows = ["type     P      R      F1     support"]
    for name, sc in scores.items():
        rows.append(
            f"{name:<6} {100 * sc.precision:6.2f} {100 * sc.recall:6.2f} "
            f"{100 * sc.f1:6.2f}  {sc.tp + sc.fn}"
        )
    return "\n".join(rows)
