"""A small statistical sentence classifier for PROTEST and ASSAULT reports.

The trigger lexicon finds the words of a protest or an attack, but a sentence that holds such a
word often does not report one ("the assassination file", "the right to protest", a football
"attack"). This module scores a sentence with one logistic regression per type over hashed,
binary features of its folded text, scaled to unit length. Feature groups:

- ``w`` words, ``b`` word bigrams, ``s`` the forms left after stripping glued proclitics,
  ``c`` character 3-5-grams inside words (with word-boundary marks);
- ``l`` what the lexicon sees: trigger types, lemmas and tenses, occurrence cues, the rule
  decision; ``k`` where the first triggers stand and whether a crowd word is near them, the first
  word, the length, questions and quotes;
- ``g`` pooled cue classes (grievance, crowd, protest action, police, time, modality, negation,
  casualties, attack words) and their pairs;
- ``v`` the event-verb words of the GSR's gold verb spans (a word list kept in the model's meta):
  which occur, how many, how early, near a crowd word;
- ``p`` the shape of a protest report: a protest act verb (VSO singular forms included), noun or
  participant word and, near it, a head count, a purpose (احتجاجا على، للمطالبة), a place (أمام،
  ساحة) or a time; how many of these there are; participants as subject or as object of the
  police; the act in a relative clause, after a speech verb, a modal or future, a history word.

The weights (``data/sentence_model.npz``) are trained on the Arabic event GSR by
``scripts/train_sentence_model.py``, which picks each type's feature groups, L2 strength, class
weight and decision threshold by cross-validation inside its training rows; ``scripts/eval_gsr.py
--cv`` measures that procedure by nested cross-validation. Loaded lazily, cached.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt

from ..arabic import clitic_stems, fold
from .lexicon import Lexicon, load_lexicon, tokenize

__all__ = [
    "FEATURE_GROUPS",
    "FEATURE_VERSION",
    "MODEL_TYPES",
    "SentenceModel",
    "feature_names",
    "hashed_features",
    "load_sentence_model",
    "sentence_scores",
    "supports_event",
]

#: Bumped whenever :func:`feature_names` changes; a model trained on other features is refused.
FEATURE_VERSION = 4
FEATURE_GROUPS = ("w", "s", "c", "b", "l", "k", "g", "v", "p")
#: Types the shipped model scores.
MODEL_TYPES = ("PROTEST", "ASSAULT")
_MODEL_FILE = "data/sentence_model.npz"
SpanVerbs = dict[str, frozenset[str]]


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


_CROWD = _folded("آلاف الآلاف ألف مئات المئات عشرات العشرات حشود الحشود جموع جماهير الجماهير")
_CUES: dict[str, frozenset[str]] = {
    "GRIEV": _folded(
        "احتجاجا للاحتجاج احتجاج مطالبين للمطالبة مطالبة تطالب يطالبون طالبوا طالب"
        " ضد تنديدا للتنديد منددين تندد منددة رفضا تضامنا للتضامن تأييدا دعما"
        " مناهضة مناوئة معارضة المعارضين مؤيدين المؤيدين"
    ),
    "CROWD": _CROWD
    | _folded(
        "المواطنين مواطنين الطلاب طلاب العمال عمال أنصار الشبان نشطاء الناشطين الأهالي السكان"
    ),
    "ACT": _folded(
        "تظاهر تظاهروا اعتصم اعتصموا تجمع تجمعوا احتشد احتشدوا خرج خرجوا سار ساروا"
        " جابت جاب نزل نزلوا قطع قطعوا أغلق أغلقوا أحرق أحرقوا أضرم أضرموا رشق رشقوا"
        " هتف هتفوا ردد رددوا رفع رفعوا يهتفون يرددون يرفعون حملوا اقتحم اقتحموا"
        " توجه توجهوا"
    ),
    "POLICE": _folded(
        "الشرطة قوات الأمن تفريق لتفريق المسيل مكافحة الجيش اعتقال اعتقلت اعتقل طوقت"
    ),
    "TIME": _folded("أمس اليوم السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة مساء صباح ليل"),
    "MODAL": _folded("يجب هل لو إذا ربما سوف لن يمكن ينبغي كان كانت"),
    "NEG": _folded("لم لا لن ليس ليست"),
    "HURT": _folded(
        "قتل قتلوا قتلى قتيل قتيلا مقتل أصيب أصيبوا جرح جرحى جريح جريحا بجروح إصابة مصرع حتفه"
    ),
    "ATTACK": _folded(
        "هجوم هاجم هاجموا انفجار تفجير فجر عبوة انتحاري مسلحون مسلحين اغتيال اغتال"
        " أطلق النار الرصاص قصف"
    ),
}

# group "p": word classes of a protest report (written for Rasad, folded)
_P: dict[str, frozenset[str]] = {
    k: _folded(v)
    for k, v in {
        "act": "تظاهر تظاهروا تظاهرت يتظاهر يتظاهرون تتظاهر تظاهرن اعتصم اعتصموا اعتصمت يعتصم"
        " يعتصمون احتشد احتشدوا احتشدت يحتشدون تجمع تجمعوا تجمعت يتجمعون تجمهر تجمهروا خرج"
        " خرجوا خرجت يخرجون نزل نزلوا نزلت ينزلون سار ساروا سارت يسيرون جاب جابوا جابت يجوبون"
        " هتف هتفوا هتفت يهتفون ردد رددوا رددت يرددون رفع رفعوا يرفعون حمل حملوا يحملون أحرق"
        " أحرقوا أحرقت أضرم أضرموا أضرمت أغلق أغلقوا قطع قطعوا سد سدوا رشق رشقوا احتج احتجوا"
        " احتجت يحتجون أضرب أضربوا أضربت يضربون قاطعوا تدفق تدفقوا اقتحموا نصبوا شارك شاركوا"
        " شاركت نظم نظموا نظمت ينظمون انطلقت اندلعت تجددت عمت تواصلت شهد شهدت طاف طافوا"
        " توجهوا زحفوا أشعل أشعلوا ألقى ألقوا تحدى تحدوا انضم انضموا احتل احتلوا حاصر حاصروا"
        " قام قاموا قامت يقوم يقومون أقدم أقدموا أقدمت نفذ نفذوا نفذت",
        "noun": "مظاهرة مظاهرات تظاهرة تظاهرات مسيرة مسيرات احتجاج احتجاجات احتجاجي احتجاجية"
        " اعتصام اعتصامات إضراب إضرابات تجمع تجمعات شغب انتفاضة عصيان وقفة سلسلة هتافات"
        " شعارات لافتات تحرك تحركات",
        "pers": "متظاهر متظاهرون متظاهرين متظاهرا محتجون محتجين محتجا معتصمون معتصمين مضربون"
        " مضربين",
        "nom": "متظاهرون محتجون معتصمون مضربون",
        "count": "آلاف الآلاف ألف ألفا آلافا الألوف مئات المئات عشرات العشرات مئة مائة مئتي مائتي"
        " مليون مليوني ملايين حشد حشود الحشود جموع جماهير الجماهير",
        "unit": "متظاهر متظاهرون متظاهرين متظاهرا محتجون محتجين محتجا معتصمون معتصمين مضربون"
        " مضربين شخص شخصا طالب مواطن",
        "purpose": "احتجاجا للاحتجاج تنديدا للتنديد منددين منددة تضامنا للتضامن للمطالبة مطالبين"
        " مطالبة رفضا هاتفين مرددين حاملين رافعين تأييدا دعما استنكارا غاضبون غاضبين"
        " يطالبون طالبوا تطالب يرددون يهتفون",
        "place": "أمام ساحة ميدان شوارع شارع وسط قرب خارج مقر مبنى سفارة قنصلية البرلمان محيط"
        " مدخل بوابة جامعة",
        "time": "أمس اليوم السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة مساء صباح ليل الليلة"
        " ظهر فجر",
        "speech": "قال قالت يقول تقول أضاف أضافت أكد أكدت أوضح أوضحت ذكر ذكرت أشار أشارت صرح اعتبر"
        " اعتبرت رأى يرى أعلن أعلنت أفاد أفادت نقلت نقل حذر حذرت دعا دعت طالب كتب",
        "modal": "سوف لن قد يجب ينبغي يمكن هل لو إذا ربما يعتزم تعتزم يعتزمون المقرر تخطط يخطط"
        " دعوة دعوات دعا دعت الدعوة حق",
        "hist": "الثورة ثورة حركة موجة ظاهرة تاريخ التاريخ عام سنوات عقود مرحلة منذ",
        "patient": "تفريق لتفريق فرقت فضت قمع قمعت اعتقال اعتقلت على ضد بين استهدف أطلقت قتل مقتل",
        "rel": "الذي التي الذين اللذين اللتين اللواتي اللاتي",
    }.items()
}


def feature_names(
    sentence: str, lexicon: Lexicon | None = None, span_verbs: SpanVerbs | None = None
) -> dict[str, list[str]]:
    """Feature group → the (unhashed) feature strings of one sentence.

    ``span_verbs``: type → folded event-verb words (from the GSR's gold verb spans), for ``v``.
    """
    span_verbs = span_verbs or {}
    lex = (lexicon or load_lexicon()).for_model()
    tokens = tokenize(fold(sentence))
    words = [t.text for t in tokens]
    out: dict[str, list[str]] = {g: [] for g in FEATURE_GROUPS}
    stems = [clitic_stems(w) for w in words]
    for w, st in zip(words, stems, strict=True):
        out["w"].append("w:" + w)
        out["s"].extend("s:" + s for s in st[1:])
        padded = f"<{w}>"
        out["c"].extend(
            "c:" + padded[k : k + n] for n in (3, 4, 5) for k in range(len(padded) - n + 1)
        )
    out["b"].extend(f"b:{a} {b}" for a, b in pairwise(words))
    hits = lex.match(tokens)
    needs_cue, cued = lex.cued_types(tokens)
    lx, kx = out["l"], out["k"]
    for h in hits:
        etype, tense = h.entry.type, h.form.tense
        lx.extend((f"t:{etype}", f"l:{etype}:{h.entry.lemma}", f"f:{etype}:{tense}"))
        if etype.startswith("_"):
            continue
        where = "b0" if h.i <= 1 else "b1" if h.i <= 4 else "b2"
        kx.extend((f"k:{etype}:{tense}:{where}", f"k:{etype}:{where}"))
        near = {s for st in stems[max(0, h.i - 3) : h.j + 4] for s in st}
        if near & _CROWD:
            kx.extend((f"k:{etype}:crowd", f"k:{etype}:{tense}:crowd"))
        if not h.entry.has("nodetect") and (etype not in needs_cue or etype in cued):
            lx.append("r:" + etype)
    lx.extend("q:" + t for t in sorted(cued))
    if words:
        kx.append("k:first:" + stems[0][-1])
    kx.append(f"k:len:{min(len(words) // 10, 5)}")
    if "?" in sentence or "؟" in sentence:
        kx.append("k:question")
    if "«" in sentence or '"' in sentence:
        kx.append("k:quote")
    first: dict[str, int] = {}
    for k, st in enumerate(stems):
        for group, cue_words in _CUES.items():
            if group not in first and any(s in cue_words for s in st):
                first[group] = k
    found = sorted(first)
    out["g"].extend("g:" + g for g in found)
    out["g"].extend(f"g:{a}+{b}" for n, a in enumerate(found) for b in found[n + 1 :])
    out["g"].extend(f"g:{g}:early" for g in found if first[g] <= 3)
    for etype, vocab in sorted(span_verbs.items()):
        _verb_features(etype, vocab, stems, out["v"])
    _protest_features(words, stems, out["p"])
    return out


def _protest_features(words: list[str], stems: list[tuple[str, ...]], out: list[str]) -> None:
    """Group ``p``: how much of a protest report (act, head count, purpose, place, time) the
    sentence holds, and what speaks against one (speech, modality, history, police object)."""
    at = {c: [k for k, st in enumerate(stems) if any(s in v for s in st)] for c, v in _P.items()}
    count = at["count"] + [
        k
        for k, w in enumerate(words[:-1])
        if w.isdigit() and any(s in _P["unit"] for s in stems[k + 1])
    ]
    act, core = at["act"], sorted(set(at["act"]) | set(at["noun"]) | set(at["pers"]))
    if not core:
        out.append("p:none")
        return

    def near(a: list[int], b: list[int], window: int) -> bool:
        return any(abs(i - j) <= window for i in a for j in b)

    found = [
        name
        for name, hit in (
            ("act", bool(act)),
            ("cnt", near(count, core, 6)),
            ("pur", near(at["purpose"], core, 10)),
            ("plc", near(at["place"], core, 10)),
            ("tim", near(at["time"], core, 10)),
        )
        if hit
    ]
    out.extend("p:" + f for f in found)
    out.append(f"p:nev{min(len(found), 4)}")
    out.extend(f"p:nev>={k}" for k in range(1, min(len(found), 4) + 1))
    if act:
        out.append(f"p:act@{min(act[0] // 3, 3)}")
        if near(act, at["pers"], 3) or near(act, count, 4):
            out.append("p:act+who")
        if near(act, at["noun"], 4):
            out.append("p:act+noun")
        if all(k > 0 and any(s in _P["rel"] for s in stems[k - 1]) for k in act):
            out.append("p:act:rel")
    if set(at["pers"]) & set(at["nom"]):
        out.append("p:pers:nom")
    if any(k > 0 and any(s in _P["patient"] for s in stems[k - 1]) for k in at["pers"]):
        out.append("p:pers:obj")
    if set(at["speech"]) & {0, 1}:
        out.append("p:speech0")
    if at["speech"] and at["speech"][0] < core[0]:
        out.append("p:speech<core")
    if any(core[0] - 4 <= k <= core[0] for k in at["modal"]):
        out.append("p:modal")
    if any(
        w.startswith("س") and len(w) > 3 and w[1] in "يتن"
        for w in words[max(0, core[0] - 2) : core[0] + 2]
    ):
        out.append("p:future")
    if at["hist"]:
        out.append("p:hist")
    if any(len(w) == 4 and w.isdigit() and w[:2] in ("19", "20") for w in words):
        out.append("p:year")
    out.append(f"p:core@{min(core[0] // 3, 3)}")


def _verb_features(
    etype: str, vocab: frozenset[str], stems: list[tuple[str, ...]], out: list[str]
) -> None:
    """Group ``v``: which span-verb words occur, how many, how early, near a crowd word."""
    verbs = [k for k, st in enumerate(stems) if any(s in vocab for s in st)]
    out.extend(f"v:{etype}:" + next(s for s in stems[k] if s in vocab) for k in verbs)
    if verbs:
        out.extend(
            (
                f"v:{etype}",
                f"v:{etype}:n{min(len(verbs), 4)}",
                f"v:{etype}:at{min(verbs[0] // 3, 3)}",
            )
        )
        if any(s in _CROWD for k in verbs for st in stems[max(0, k - 3) : k + 4] for s in st):
            out.append(f"v:{etype}:crowd")


def hashed_features(
    names: dict[str, list[str]], groups: tuple[str, ...], bits: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
    """Sorted unique hashed indices of ``groups`` and their values (binary, unit L2 norm)."""
    mask = (1 << bits) - 1
    idx = np.unique(
        np.fromiter(
            (zlib.crc32(f.encode("utf-8")) & mask for g in groups for f in names[g]), dtype=np.int64
        )
    )
    vals = np.full(idx.shape, 1.0 / np.sqrt(max(len(idx), 1)), dtype=np.float32)
    return idx, vals


@dataclass(frozen=True, slots=True)
class SentenceModel:
    """One logistic regression per type over hashed sentence features."""

    types: tuple[str, ...]
    groups: tuple[tuple[str, ...], ...]  # feature groups of each type
    bits: int
    weights: npt.NDArray[np.float32]  # (len(types), 2**bits)
    bias: npt.NDArray[np.float32]  # (len(types),)
    thresholds: npt.NDArray[np.float32]  # decision thresholds on probabilities
    floors: npt.NDArray[np.float32]  # below this an extracted event is not supported
    meta: dict[str, Any]
    span_verbs: SpanVerbs = field(default_factory=dict)  # type → verb words (group "v")

    def scores(self, sentence: str, lexicon: Lexicon | None = None) -> dict[str, float]:
        """P(the sentence reports an event of the type), for each type of the model."""
        names = feature_names(sentence, lexicon, self.span_verbs)
        out: dict[str, float] = {}
        for t, etype in enumerate(self.types):
            idx, vals = hashed_features(names, self.groups[t], self.bits)
            z = float(self.weights[t, idx] @ vals) + float(self.bias[t])
            out[etype] = 1.0 / (1.0 + float(np.exp(-z)))
        return out

    def detect(self, sentence: str, lexicon: Lexicon | None = None) -> set[str]:
        """The types whose probability reaches their threshold."""
        scores = self.scores(sentence, lexicon)
        return {
            t for t, th in zip(self.types, self.thresholds, strict=True) if scores[t] >= float(th)
        }

    def save(self, path: str) -> None:
        """Write the model as a compressed ``.npz`` (sparse float16 weights)."""
        meta = dict(
            self.meta,
            feature_version=FEATURE_VERSION,
            groups=["".join(g) for g in self.groups],
            span_verbs={t: sorted(v) for t, v in self.span_verbs.items()},
        )
        arrays: dict[str, Any] = {
            "types": np.array(self.types),
            "bits": np.array(self.bits),
            "bias": self.bias,
            "thresholds": self.thresholds,
            "floors": self.floors,
            "meta": np.array(json.dumps(meta, ensure_ascii=False, sort_keys=True)),
        }
        for t in range(len(self.types)):
            nz = np.flatnonzero(self.weights[t])
            arrays[f"idx{t}"] = nz.astype(np.int32)
            arrays[f"w{t}"] = self.weights[t, nz].astype(np.float16)
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: str | None = None) -> SentenceModel:
        """The shipped model (or one written by :meth:`save`)."""
        if path is None:
            with resources.files("rasad.events").joinpath(_MODEL_FILE).open("rb") as f:
                return cls._from_npz(dict(np.load(f, allow_pickle=False)))
        with np.load(path, allow_pickle=False) as data:
            return cls._from_npz(dict(data))

    @classmethod
    def _from_npz(cls, data: dict[str, npt.NDArray[Any]]) -> SentenceModel:
        meta = json.loads(str(data["meta"]))
        if meta.get("feature_version") != FEATURE_VERSION:
            raise ValueError(
                f"sentence model has feature version {meta.get('feature_version')}"
                f", expected {FEATURE_VERSION}"
            )
        types = tuple(str(t) for t in data["types"])
        bits = int(data["bits"])
        weights = np.zeros((len(types), 1 << bits), dtype=np.float32)
        for t in range(len(types)):
            weights[t, data[f"idx{t}"]] = data[f"w{t}"].astype(np.float32)
        return cls(
            types,
            tuple(tuple(g) for g in meta["groups"]),
            bits,
            weights,
            data["bias"].astype(np.float32),
            data["thresholds"].astype(np.float32),
            data["floors"].astype(np.float32),
            meta,
            {t: frozenset(v) for t, v in meta.get("span_verbs", {}).items()},
        )


@lru_cache(maxsize=1)
def load_sentence_model() -> SentenceModel:
    """The shipped model, loaded once."""
    return SentenceModel.load()


@lru_cache(maxsize=4096)
def _shipped_scores(sentence: str) -> tuple[tuple[str, float], ...]:
    return tuple(load_sentence_model().scores(sentence).items())


def sentence_scores(sentence: str, lexicon: Lexicon | None = None) -> dict[str, float]:
    """Type → probability under the shipped model (cached for the shipped lexicon)."""
    if lexicon is not None and lexicon is not load_lexicon():
        return load_sentence_model().scores(sentence, lexicon)
    return dict(_shipped_scores(sentence))


def supports_event(event_type: str, sentence: str) -> bool:
    """False when the model scores ``sentence`` very low for ``event_type`` (a passing mention
    rather than a report); True for the types the model does not score."""
    model = load_sentence_model()
    if event_type not in model.types:
        return True
    floor = float(model.floors[model.types.index(event_type)])
    return sentence_scores(sentence)[event_type] >= floor
