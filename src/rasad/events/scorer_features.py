"""Features of a candidate event for the learned scorer (``scorer.py``).

A candidate is one event the rules built from one trigger, before merging. Its features are
binary strings, read from what the rules leave behind rather than from how they work, so that a
change of rules or data files needs a retraining, not new code:

- ``t``/``m``/``lem``/``f``/``form``: the trigger's type, mode, lexicon lemma, flags and form
  (tense, number, pronoun suffix, proclitic);
- ``src``/``tgt``: how each side was found: the nearest mention in the sentence with its
  countries (before or after the trigger, distance in words, the preposition in front, kind,
  nisba, counterpart), or none (the side came from the document context: anaphora, last pair,
  last speaker); how many countries it holds; ``pair``: whether the sides are coordinated,
  overlap, or are the same mention;
- ``cue``: cue sets of the rules (negation, modality, attribution, ...; ``cues.tsv``) in the
  words around the trigger; ``prev``/``next``: the words on either side;
- ``s``: the sentence: its number and place in the document, its length, how many actors and
  candidates it holds, a question mark, quotes, a colon, a line without final punctuation
  (captions and teasers), the title line;
- ``d``: the document: how many candidates share the event's key, how prominent its countries
  are among the document's actor mentions, whether they are named in the title;
- ``conf``: the rules' own confidence (it drops when a side is filled from the context).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..doc import Doc, Event
from .arguments import Unit
from .cues import cue, cue_names
from .lexicon import Hit, Token
from .sides import _strip

__all__ = ["FEATURE_VERSION", "FeatureCache", "Note", "candidate_features"]

#: Bumped whenever the features change; a model trained on other features is refused.
FEATURE_VERSION = 1

#: cue sets looked for around the trigger (a set the rules no longer have is skipped)
_CUE_SETS = (
    "negators",
    "future",
    "planned",
    "hypothetical",
    "hypo_after",
    "offer",
    "attribution",
    "topic_heads",
    "halt_heads",
    "complementizers",
    "clause_breaks",
    "noun_context",
    "phone",
    "multi",
)


@dataclass(slots=True)
class Note:
    """Where a candidate came from: its trigger and its sentence (number, word range, units)."""

    hit: Hit
    n: int
    ti: int
    tj: int
    units: list[Unit] = field(default_factory=list)


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, frozenset[str]], ...]:
    have = set(cue_names())
    return tuple((name, cue(name)) for name in _CUE_SETS if name in have)


def _bin(x: float, edges: Sequence[float]) -> str:
    for k, e in enumerate(edges):
        if x <= e:
            return str(k)
    return str(len(edges))


def _side(name: str, countries: list[str], note: Note, out: list[str]) -> Unit | None:
    out.append(f"{name}:n={_bin(len(countries), (1, 2))}")
    want = set(countries)
    found = [u for u in note.units if u.countries and want.issuperset(u.countries)]
    if not found:
        out.append(f"{name}:ctx")
        return None
    hit = note.hit
    u = min(found, key=lambda v: (abs(v.i - hit.i), v.i))
    after = u.i >= hit.j
    dist = u.i - hit.j if after else hit.i - u.j
    where = "after" if after else "before"
    out.append(f"{name}:{where}")
    out.append(f"{name}:{where}:d={_bin(dist, (0, 1, 3, 6, 10))}")
    out.append(f"{name}:prep={u.prep or '-'}")
    out.append(f"{name}:{where}:prep={u.prep or '-'}")
    out.append(f"{name}:kind={u.kind}{':nisba' if u.nisba else ''}")
    if u.counterpart:
        out.append(f"{name}:counterpart")
    if u.place:
        out.append(f"{name}:place")
    if not u.is_actor:
        out.append(f"{name}:notactor")
    out.append(f"{name}:mentions={_bin(len(found), (1, 2))}")
    return u


@lru_cache(maxsize=1)
def _cue_index() -> dict[str, frozenset[int]]:
    """Each cue word → the numbers (in ``_cues()``) of the cue sets that hold it."""
    index: dict[str, set[int]] = {}
    for k, (_, words) in enumerate(_cues()):
        for w in words:
            index.setdefault(w, set()).add(k)
    return {w: frozenset(ks) for w, ks in index.items()}


@lru_cache(maxsize=1)
def _bigram_firsts() -> frozenset[str]:
    """The first words of the two-word cues."""
    return frozenset(w.split(" ", 1)[0] for w in _cue_index() if " " in w)


def _window(tokens: list[Token], lo: int, hi: int) -> set[int]:
    """The cue sets (numbers in ``_cues()``) that hold a word of ``tokens[lo:hi]``, the word
    without its و/ف, or two words in a row ("من المقرر")."""
    index = _cue_index()
    firsts = _bigram_firsts()
    found: set[int] = set()
    for k in range(lo, hi):
        w = tokens[k].text
        hit = index.get(w)
        if hit:
            found |= hit
        if len(w) > 2 and w[0] in "وف":  # ``_strip``
            hit = index.get(w[1:])
            if hit:
                found |= hit
        if k + 1 < hi and w in firsts:
            hit = index.get(f"{w} {tokens[k + 1].text}")
            if hit:
                found |= hit
    return found


@dataclass(slots=True)
class FeatureCache:
    """What the candidates of one document share: per sentence (its word range) the cue sets
    in it and its flags; the document's countries ranked by mentions."""

    sentences: dict[tuple[int, int], tuple[set[int], list[str]]] = field(default_factory=dict)
    ranks: dict[str, int] | None = None


def _doc_counts(units: Iterable[Unit]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for u in units:
        if u.is_actor or u.nisba:
            counts.update(set(u.countries))
    return counts


def candidate_features(
    event: Event,
    note: Note,
    tokens: list[Token],
    doc: Doc,
    *,
    key_count: int,
    sent_candidates: int,
    n_sentences: int,
    country_counts: Counter[str],
    title_countries: frozenset[str],
    cache: FeatureCache | None = None,
) -> list[str]:
    """The binary features of one candidate (see the module docstring); ``cache``: shared by
    the candidates of one document (the same features, computed once)."""
    if cache is None:
        cache = FeatureCache()
    hit, entry, form = note.hit, note.hit.entry, note.hit.form
    t = event.type
    out = [f"t={t}", f"m={t}:{event.mode or '-'}", f"lem={t}:{entry.lemma}", f"pos={entry.pos}"]
    out += [f"f={fl}" for fl in sorted(entry.flags)]
    out += [
        f"form={form.tense}",
        f"form={form.tense}:{form.number}",
        f"t={t}:{form.tense}",
        f"suffix={bool(form.suffix)}",
        f"clitic={hit.clitic or '-'}",
        f"conf={event.confidence:.2f}",
    ]
    if form.fem:
        out.append("form=fem")
    if event.intent:
        out.append(f"intent={event.intent}")
    if event.reported_by:
        out.append("reported")
    src = _side("src", event.source.countries, note, out)
    tgt = _side("tgt", event.target.countries, note, out)
    if src is not None and tgt is not None:
        if src is tgt:
            out.append("pair:same_unit")
        elif src.group == tgt.group and src.group >= 0:
            out.append("pair:coordinated")
        out.append(f"pair:order={'st' if src.i <= tgt.i else 'ts'}")
    elif src is None and tgt is None:
        out.append("pair:both_ctx")
    if set(event.source.countries) & set(event.target.countries):
        out.append("pair:overlap")
    # the words around the trigger
    prev = _strip(tokens[hit.i - 1].text) if hit.i > note.ti else "<s>"
    nxt = _strip(tokens[hit.j].text) if hit.j < note.tj else "</s>"
    out += [f"prev={prev}", f"next={nxt}"]
    before = _window(tokens, max(note.ti, hit.i - 4), hit.i)
    after = _window(tokens, hit.j, min(note.tj, hit.j + 3))
    sentence = cache.sentences.get((note.ti, note.tj))
    if sentence is None:
        sentence = _sentence_features(note, tokens, doc)
        cache.sentences[(note.ti, note.tj)] = sentence
    whole, flags = sentence
    for k, (name, _) in enumerate(_cues()):
        if k in before:
            out.append(f"cue:{name}:before")
        if k in after:
            out.append(f"cue:{name}:after")
        if k in whole:
            out.append(f"cue:{name}:sent")
    # the sentence
    out += [
        f"s:n={_bin(note.n, (0, 1, 3, 6, 12))}",
        f"s:rel={_bin(note.n / max(1, n_sentences - 1), (0.2, 0.5, 0.8))}",
        f"s:len={_bin(note.tj - note.ti, (6, 12, 25, 45))}",
        f"s:actors={_bin(sum(u.is_actor for u in note.units), (1, 2, 3, 5))}",
        f"s:cands={_bin(sent_candidates, (1, 2, 4))}",
        f"s:trig_at={_bin(hit.i - note.ti, (0, 2, 5, 10, 20))}",
    ]
    out += flags
    # the document
    out.append(f"d:key={_bin(key_count, (1, 2, 4))}")
    total = sum(country_counts.values()) or 1
    if cache.ranks is None:
        cache.ranks = {c: k for k, (c, _) in enumerate(country_counts.most_common())}
    ranks = cache.ranks
    for name, side in (("src", event.source.countries), ("tgt", event.target.countries)):
        share = max((country_counts[c] for c in side), default=0) / total
        rank = min((ranks[c] for c in side if c in ranks), default=99)
        out.append(f"d:{name}:share={_bin(share, (0.02, 0.05, 0.1, 0.2, 0.35))}")
        out.append(f"d:{name}:rank={_bin(rank, (0, 1, 2, 4))}")
        if set(side) & title_countries:
            out.append(f"d:{name}:title")
    return out


def _sentence_features(note: Note, tokens: list[Token], doc: Doc) -> tuple[set[int], list[str]]:
    """The cue sets in the whole sentence and its flags: a question, quotes, a colon, no final
    punctuation, the title line."""
    whole = _window(tokens, note.ti, note.tj)
    flags: list[str] = []
    sent_text = (
        doc.norm[tokens[note.ti].start : tokens[note.tj - 1].end] if note.tj > note.ti else ""
    )
    line_end = doc.norm.find("\n", tokens[note.tj - 1].end) if note.tj > note.ti else -1
    tail = doc.norm[tokens[note.tj - 1].end : line_end if line_end >= 0 else len(doc.norm)]
    if "?" in sent_text or "؟" in sent_text or tail.lstrip(" ").startswith(("?", "؟")):
        flags.append("s:question")
    if any(q in sent_text for q in ('"', "«", "»", "“", "”")):
        flags.append("s:quote")
    if ":" in sent_text:
        flags.append("s:colon")
    if not tail.strip(" \t").startswith((".", "!", "?", "؟", "،", ":", "؛")):
        flags.append("s:no_stop")
    first_nl = doc.norm.find("\n")
    if first_nl < 0 or tokens[note.ti].start < first_nl:
        flags.append("s:first_line")
    return whole, flags


def rival_features(events: Sequence[Event]) -> list[list[str]]:
    """Features from the document's other candidates: a rival of the same type that shares a
    country but not the pair (one of the two misread its sides), how often each is proposed,
    and how many other types the same pair has."""
    keys = [
        (e.type, frozenset({frozenset(e.source.countries), frozenset(e.target.countries)}))
        for e in events
    ]
    count = Counter(keys)
    pair_types: dict[frozenset[frozenset[str]], set[str]] = {}
    for t, pair in keys:
        pair_types.setdefault(pair, set()).add(t)
    # the features depend on the key alone (its countries are the candidate's): once a key
    countries = {k: frozenset(c for side in k[1] for c in side) for k in count}
    of_type: dict[str, list[tuple[str, frozenset[frozenset[str]]]]] = {}
    for k in count:
        of_type.setdefault(k[0], []).append(k)
    per_key: dict[tuple[str, frozenset[frozenset[str]]], list[str]] = {}
    for key in count:
        t, pair = key
        mine = countries[key]
        rivals = [k for k in of_type[t] if k[1] != pair and mine & countries[k]]
        feats = [f"d:types_of_pair={_bin(len(pair_types[pair]) - 1, (0, 1))}"]
        if rivals:
            top = max(count[k] for k in rivals)
            feats.append("d:rival")
            feats.append(
                "d:rival:"
                + ("stronger" if top > count[key] else "equal" if top == count[key] else "weaker")
            )
            wider = any(mine < countries[k] for k in rivals)
            if wider:
                feats.append("d:rival:wider")
        per_key[key] = feats
    return [list(per_key[k]) for k in keys]
