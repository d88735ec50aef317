"""Word lists and lexicons used as CRF features.

* Trigger words (hand-written here): titles, professions and nouns that tend
  to precede persons, organisations and places.
* Gazetteers: normalised multi-word lists derived from ANERGazet.
* Label lexicon: how often each normalised word carried each BIO label in the
  training split (counts shipped with the model).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from rasad.ner.normalize import Morph, normalize

_PERS = """
الرئيس رئيس السيد السيدة الشيخ الشيخة الملك الملكة الأمير الأميرة وزير الوزير الوزيرة
نائب النائب الدكتور د المهندس العقيد اللواء العميد الجنرال الفريق المشير الرائد النقيب
القاضي المستشار المدرب اللاعب لاعب الفنان الفنانة الكاتب الكاتبة الشاعر المطرب المطربة
الممثل الممثلة الأستاذ البابا الإمام السفير المتحدث الناطق المدير الأمين المبعوث المندوب
زعيم الزعيم قائد القائد الحاج المفتي المرشح النجم السلطان الخليفة المحامي الصحفي المراسل
الرئيسة المخرج الروائي المؤرخ العالم الفيلسوف الداعية العاهل الحارس المهاجم المدافع
بن ابن أبو أبي أم بنت عبد آل قال أكد أضاف أوضح صرح أعلن ذكر أشار قالت أكدت أضافت
"""
_LOC = """
مدينة المدينة عاصمة العاصمة دولة الدولة منطقة المنطقة إقليم الإقليم محافظة المحافظة ولاية
قرية القرية بلدة البلدة جزيرة الجزيرة جزر نهر بحر البحر جبل جبال شمال جنوب شرق غرب شمالي
جنوبي وسط مطار ميناء حي مخيم شارع ساحة قطاع بلاد أراضي مقاطعة ضاحية سواحل حدود عاصمتها
محيط خليج صحراء وادي بحيرة قارة إمارة مملكة جمهورية
"""
_ORG = """
شركة الشركة وكالة الوكالة منظمة المنظمة حزب الحزب حركة الحركة مجلس المجلس جامعة الجامعة
بنك البنك مصرف المصرف اتحاد الاتحاد جمعية الجمعية هيئة الهيئة مؤسسة المؤسسة صحيفة الصحيفة
جريدة مجلة قناة تلفزيون إذاعة نادي النادي منتخب المنتخب فريق وزارة الوزارة محكمة المحكمة
لجنة اللجنة مركز المركز معهد المعهد مجموعة المجموعة جيش الجيش قوات القوات صندوق الصندوق
مكتب بورصة مستشفى كلية مدرسة تحالف جبهة ائتلاف منتدى رابطة نقابة البرلمان برلمان
إدارة سلطة دائرة مديرية أكاديمية شبكة مجمع مصنع مجلس هيئة مؤسسة دار منظمات شركات
"""
_MISC = """
بطولة البطولة كأس دوري الدوري مهرجان المهرجان جائزة الجائزة مؤتمر المؤتمر معرض المعرض
مسابقة أولمبياد سيارة طائرة صاروخ كتاب رواية فيلم مسلسل برنامج عملية اتفاقية اتفاق
"""


# Function words that end a noun phrase (for the head-noun distance feature).
_STOP = """
في من على إلى الى عن مع أن إن أنه إنه التي الذي الذين اللذين اللتين هو هي هم قد لم لن ما لا
كان كانت بين حيث بعد قبل عند منذ خلال حول ضد لدى عبر أو ثم كما لكن بل إذا حتى يوم أمس اليوم
قال قالت أكد أعلن وقال وأكد وأضاف أضاف
"""
STOPWORDS = frozenset(normalize(w) for w in _STOP.split())


def _triggers() -> dict[str, str]:
    table: dict[str, str] = {}
    for typ, words in (("MISC", _MISC), ("LOC", _LOC), ("ORG", _ORG), ("PERS", _PERS)):
        for w in words.split():
            table[normalize(w)] = typ
    return table


TRIGGERS = _triggers()


WORD_LISTS = frozenset({"FIRST", "LAST"})


class Gazetteer:
    """Longest-match lookup of (possibly multi-word) gazetteer entries."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        self.entries = sorted(set(entries))
        # channel 0: ANERGazet types; channel 1: "k"-types (project KB and CLDR).
        # Word lists (FIRST/LAST names) are single-word features only.
        self._index: tuple[dict[str, list[tuple[tuple[str, ...], str]]], ...] = ({}, {})
        for typ, entry in self.entries:
            words = tuple(entry.split())
            if words and typ not in WORD_LISTS:
                index = self._index[1 if typ.startswith("k") else 0]
                index.setdefault(words[0], []).append((words[1:], typ))
        for index in self._index:
            for tails in index.values():
                tails.sort(key=lambda t: -len(t[0]))

    @classmethod
    def from_anergazet(cls, data_dir: Path) -> Gazetteer:
        """Build from the raw ANERGazet files (separator lines are skipped)."""
        entries: list[tuple[str, str]] = []
        for typ, name in (("PERS", "Pers"), ("LOC", "Loc"), ("ORG", "Org")):
            text = (data_dir / f"{name}Gazetteer.txt").read_text(encoding="utf-8")
            for line in text.splitlines():
                norm = " ".join(normalize(w) for w in line.split())
                if sum(ch.isalpha() for ch in norm) >= 2:
                    entries.append((typ, norm))
        return cls(entries)

    @classmethod
    def read(cls, path: Path) -> Gazetteer:
        lines = path.read_text(encoding="utf-8").splitlines()
        return cls(tuple(line.split("\t", 1)) for line in lines if "\t" in line)  # type: ignore[misc]

    def write(self, path: Path) -> None:
        path.write_text("".join(f"{t}\t{e}\n" for t, e in self.entries), encoding="utf-8")

    def tag(
        self, norms: Sequence[str], firsts: Sequence[tuple[str, ...]], channel: int = 0
    ) -> list[str]:
        """Per-token ``TYPE-B``/``TYPE-I`` marks of the longest matches ('' if none).

        ``norms`` are normalised tokens, ``firsts`` the clitic-stripped variants
        allowed for the first word of a match.
        """
        index = self._index[channel]
        out = [""] * len(norms)
        i, n = 0, len(norms)
        while i < n:
            best, best_typ = 0, ""
            for form in firsts[i]:
                for tail, typ in index.get(form, ()):
                    k = len(tail)
                    if k + 1 > best and tuple(norms[i + 1 : i + 1 + k]) == tail:
                        best, best_typ = k + 1, typ
                        break
            if best:
                out[i] = best_typ + "-B"
                for j in range(i + 1, i + best):
                    out[j] = best_typ + "-I"
                i += best
            else:
                i += 1
        return out


class Lexicon:
    """Label counts of normalised words (and their stems) in training data."""

    def __init__(self, counts: dict[str, dict[str, int]]) -> None:
        self.counts = counts
        # summaries are made on first lookup (a process looks up a few thousand words)
        self._word: dict[str, tuple[str, ...]] = {}
        self._stem_counts: dict[str, dict[str, int]] = {}
        self._stem: dict[str, tuple[str, ...]] = {}

    def index_stems(self, morph: Morph) -> None:
        """Aggregate counts by stem (clitics and ال removed) for :meth:`stem`."""
        stems: dict[str, dict[str, int]] = {}
        for w, c in self.counts.items():
            acc = stems.setdefault(morph.variants(w)[2], {})
            for lab, k in c.items():
                acc[lab] = acc.get(lab, 0) + k
        self._stem_counts = stems
        self._stem = {}

    @classmethod
    def build(cls, sents: Iterable[Sequence[tuple[str, str]]]) -> Lexicon:
        counts: dict[str, dict[str, int]] = {}
        for sent in sents:
            for word, lab in sent:
                c = counts.setdefault(normalize(word), {})
                c[lab] = c.get(lab, 0) + 1
        return cls(counts)

    @classmethod
    def read(cls, path: Path) -> Lexicon:
        counts: dict[str, dict[str, int]] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            word, *cells = line.split("\t")
            counts[word] = {lab: int(k) for lab, k in (c.split("=") for c in cells)}
        return cls(counts)

    def write(self, path: Path) -> None:
        rows = []
        for w in sorted(self.counts):
            cells = "\t".join(f"{lab}={k}" for lab, k in sorted(self.counts[w].items()))
            rows.append(f"{w}\t{cells}\n")
        path.write_text("".join(rows), encoding="utf-8")

    def word(self, norm: str) -> tuple[str, ...]:
        return _cached(self._word, self.counts, norm)

    def stem(self, stem: str) -> tuple[str, ...]:
        return _cached(self._stem, self._stem_counts, stem)


_UNK = ("UNK",)


def _cached(
    memo: dict[str, tuple[str, ...]], counts: dict[str, dict[str, int]], key: str
) -> tuple[str, ...]:
    hit = memo.get(key)
    if hit is None:
        c = counts.get(key)
        hit = _summary(c) if c else _UNK
        if len(memo) > 400_000:
            memo.clear()
        memo[key] = hit
    return hit


def _summary(counts: dict[str, int]) -> tuple[str, ...]:
    total = sum(counts.values())
    top = max(counts, key=lambda lab: (counts[lab], lab))
    feats = [top, "f1" if total == 1 else "f2" if total < 5 else "f5"]
    ent = total - counts.get("O", 0)
    if ent and top == "O":
        feats.append("mixed" if 5 * ent >= total else "rare")
        types: dict[str, int] = {}
        for lab, k in counts.items():
            if lab != "O":
                types[lab[2:]] = types.get(lab[2:], 0) + k
        feats.append("T" + max(types, key=lambda t: (types[t], t)))
    return tuple(feats)
