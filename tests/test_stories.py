"""Story clusters across outlets, on invented reports."""

from __future__ import annotations

from rasad.arabic import fold
from rasad.doc import Doc
from rasad.stages.dedup import Deduplicator, Fingerprinter, NearDuplicateDeduplicator
from rasad.stories import StoryIndex, story_terms
from rasad.stories_eval import pairwise

# One invented occasion told by three outlets: edited, cut and framed differently.
WIRE_A = (
    "وقع وزيرا الزراعة في منغوليا وكازاخستان في أولان باتور اتفاقية لتقاسم مياه نهر إرتيش "
    "الأعلى مدتها 15 عاما، تنص على إنشاء لجنة فنية مشتركة لرصد منسوب النهر في محطة بوغات.\n"
    "وقال الوزير المنغولي باتبولد دورجسورين إن الاتفاقية تضمن حصة ثابتة لمزارعي إقليم خوفد "
    "خلال مواسم الجفاف، فيما أكد نظيره الكازاخستاني أن بلاده ستمول نصف كلفة محطة بوغات.\n"
    "وتأتي الاتفاقية بعد ثلاث جولات من المفاوضات استضافتها أستانا خلال العام الماضي."
)
WIRE_B = (
    "أولان باتور - وكالات: اتفقت منغوليا وكازاخستان على تقاسم مياه نهر إرتيش الأعلى بموجب "
    "اتفاقية مدتها 15 عاما وقعها وزيرا الزراعة في البلدين اليوم.\n"
    "وبحسب الاتفاقية، تتولى لجنة فنية مشتركة رصد منسوب النهر عند محطة بوغات، التي ستتحمل "
    "كازاخستان نصف كلفتها.\n"
    "وأوضح الوزير باتبولد دورجسورين أن مزارعي إقليم خوفد سيحصلون على حصة ثابتة في سنوات الجفاف."
)
WIRE_C = (
    "أعلنت وزارة الزراعة الكازاخستانية توقيع اتفاقية مع منغوليا لتقاسم مياه نهر إرتيش الأعلى، "
    "تنشأ بموجبها لجنة فنية مشتركة ومحطة رصد في بوغات.\n"
    "وأشارت الوزارة إلى أن مدة الاتفاقية 15 عاما، وأن الوزير المنغولي باتبولد دورجسورين وصفها "
    "بأنها ضمانة لمزارعي خوفد."
)
# The same two states, two phone calls a year apart.
CALL_1 = (
    "بحث رئيس منغوليا في اتصال هاتفي مع رئيس كازاخستان التعاون في مجال الطاقة وخطط ربط "
    "شبكتي الكهرباء بين البلدين، واتفقا على عقد اجتماع للجنة الحكومية المشتركة."
)
CALL_2 = (
    "بحث رئيس منغوليا في اتصال هاتفي مع رئيس كازاخستان التعاون في مجال الطاقة والنقل، واتفقا "
    "على عقد اجتماع للجنة الحكومية المشتركة وتوسيع ربط شبكتي الكهرباء بين البلدين."
)
OTHER = (
    "افتتحت بوليفيا والبيرو جسرا جديدا فوق بحيرة تيتيكاكا بطول 900 متر، في مشروع مولته "
    "مؤسسة إقليمية للتنمية، وحضر الافتتاح وزيرا النقل في البلدين وممثلون عن البلديات المجاورة."
)


def _terms(text: str) -> dict[str, int]:
    return story_terms([fold(text)])


def _assign(items: list[tuple[str, str, str | None]], **kw: float) -> dict[str, str]:
    index = StoryIndex(**kw)  # type: ignore[arg-type]
    out: dict[str, str] = {}
    for doc_id, text, day in items:
        terms = _terms(text)
        story = index.assign(doc_id, terms, day) or doc_id
        index.add(doc_id, terms, day, story)
        out[doc_id] = story
    return out


def test_story_terms_fold_clitics_and_drop_function_words() -> None:
    terms = _terms("وقال الوزير إن والمزارعين في بوغات وللمزارعين 15")
    assert terms.get("مزارعين") == 2  # the و+ال and ل+ل glued forms
    assert "15" in terms
    assert not {"قال", "في", "ان"} & set(terms)


def test_wire_copies_of_one_occasion_share_a_story() -> None:
    stories = _assign(
        [("a", WIRE_A, None), ("other", OTHER, None), ("b", WIRE_B, None), ("c", WIRE_C, None)]
    )
    assert stories["a"] == stories["b"] == stories["c"] == "a"
    assert stories["other"] == "other"


def test_two_calls_a_year_apart_stay_apart() -> None:
    stories = _assign([("x", CALL_1, "2023-03-02"), ("y", CALL_2, "2024-03-05")])
    assert stories["y"] == "y"
    # the same two reports within days of each other are one occasion
    stories = _assign([("x", CALL_1, "2024-03-02"), ("y", CALL_2, "2024-03-04")])
    assert stories["y"] == "x"


def test_deduplicator_puts_wire_copies_in_one_cluster() -> None:
    docs = []
    for n, text in enumerate([WIRE_A, OTHER, WIRE_B]):
        doc = Doc(source=f"p{n}.txt")
        doc.set_text(text)
        Fingerprinter().process(doc)
        docs.append(doc)
    Deduplicator().process_batch(docs)
    assert docs[0].cluster == docs[2].cluster == docs[0].id
    assert docs[1].cluster == docs[1].id
    assert docs[2].duplicate_of is None
    off = [Doc(source=f"q{n}.txt") for n in range(2)]
    for n, doc in enumerate(off):
        doc.set_text([WIRE_A, WIRE_B][n])
        Fingerprinter().process(doc)
    NearDuplicateDeduplicator().process_batch(off)
    assert off[0].cluster != off[1].cluster  # v1: near duplicates only


def test_pairwise_scores() -> None:
    clusters = {"a": "1", "b": "1", "c": "2", "d": "2"}
    score = pairwise(clusters, {"a": "x", "b": "x", "c": "x", "d": "y"})
    assert (score.tp, score.fp, score.fn) == (1, 1, 2)
    assert score.cross_label == [("c", "d")]
    assert round(score.precision, 2) == 0.5


# A cut copy of WIRE_A: its first paragraph only, with an outlet's furniture around it.
WIRE_CUT = (
    "عاجل | متابعات\n"
    "أولان باتور: وقع وزيرا الزراعة في منغوليا وكازاخستان اتفاقية لتقاسم مياه نهر إرتيش "
    "الأعلى لمدة 15 عاما، مع لجنة فنية مشتركة لرصد منسوب النهر.\n"
    "اقرأ أيضا: أسعار القمح في الأسواق العالمية"
)


def test_a_cut_copy_joins_and_another_occasion_of_the_same_states_does_not() -> None:
    stories = _assign(
        [("a", WIRE_A, None), ("cut", WIRE_CUT, None), ("call", CALL_1, None), ("b", WIRE_B, None)]
    )
    assert stories["cut"] == stories["b"] == "a"
    assert stories["call"] == "call"  # same two states, another occasion, no dates


def test_band_index_uses_datasketch_bands_and_candidates() -> None:
    import numpy as np
    from datasketch import MinHashLSH

    from rasad.fingerprint import NUM_PERM, THRESHOLD, BandIndex, band_ranges

    ours = BandIndex()
    theirs = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    assert band_ranges() == list(theirs.hashranges)
    assert band_ranges(0.8, 64) == list(MinHashLSH(threshold=0.8, num_perm=64).hashranges)
    rng = np.random.default_rng(3)
    base = rng.integers(0, 2**32, NUM_PERM, dtype=np.uint32)

    class _Sig:  # what MinHashLSH reads from a MinHash
        def __init__(self, v: np.ndarray) -> None:
            self.hashvalues, self.seed = v.astype(np.uint64), 1

        def __len__(self) -> int:
            return NUM_PERM

    sigs = []
    for i in range(40):  # copies of one signature with more and more values changed
        sig = base.copy()
        sig[rng.choice(NUM_PERM, size=3 * i, replace=False)] = rng.integers(0, 2**32, 3 * i)
        sigs.append(sig)
        ours.insert(f"k{i}", sig)
        theirs.insert(f"k{i}", _Sig(sig), check_duplication=False)
    for sig in sigs:
        assert ours.query(sig) == set(theirs.query(_Sig(sig)))
    assert 1 < len(ours.query(sigs[0])) < 40


def test_minhash_mersenne_reduction_equals_the_modulo() -> None:
    import numpy as np

    from rasad.fingerprint import _MERSENNE, _mod_mersenne

    rng = np.random.default_rng(1)
    edge = [0, 2**61 - 2, 2**61 - 1, 2**61, 2**62 - 1, 2**62, 2**64 - 1]
    x = np.concatenate(
        [rng.integers(0, 2**64, 100_000, dtype=np.uint64), np.array(edge, dtype=np.uint64)]
    )
    assert (_mod_mersenne(x.copy()) == x % _MERSENNE).all()
