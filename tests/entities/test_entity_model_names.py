"""The CRF is asked only about name-cue sentences, and only confident, guarded spans count."""

from __future__ import annotations

from rasad.arabic import fold
from rasad.entities.model_names import MIN_PROB, accept, cue_windows, model_people


def test_cue_windows_keep_only_sentences_with_a_cue() -> None:
    norm = fold("ارتفعت الأسعار في الأسواق اليوم. وقال الباحث سامر قندلجي إن الوضع صعب.")
    windows = cue_windows(norm, bytearray(len(norm)))
    assert len(windows) == 1
    assert "الباحث" in norm[windows[0][0] : windows[0][1]]


def test_accept_guards() -> None:
    norm = fold("التقى سامر قندلجي وزير الخارجية")
    taken = bytearray(len(norm))
    s = norm.index("سامر")
    e = s + len("سامر قندلجي")
    assert accept(norm, s, e, taken)
    assert not accept(norm, s, s + 4, taken)  # one word
    w = norm.index("وزير")
    assert not accept(norm, w, len(norm), taken)  # office words are not a name
    taken[s : s + 2] = b"\x01\x01"
    assert not accept(norm, s, e, taken)  # overlaps a known mention


def test_model_people_filters_on_probability() -> None:
    text = "وقال الباحث سامر قندلجي إن الوضع صعب. ارتفعت الأسعار."
    norm = fold(text)
    seen: list[str] = []

    def tagger(part: str) -> list[tuple[int, int, str, float]]:
        seen.append(part)
        s = part.index("سامر")
        return [(s, s + len("سامر قندلجي"), "PER", MIN_PROB + 0.01)]

    out = model_people(text, norm, lambda i: i, lambda a, b: (a, b), [], tagger)
    assert [norm[s:e] for s, e in out] == ["سامر قندلجي"]
    assert all("الاسعار" not in p for p in seen)  # the sentence without a cue is not tagged

    def unsure(part: str) -> list[tuple[int, int, str, float]]:
        return [(a, b, t, MIN_PROB - 0.2) for a, b, t, _ in tagger(part)]

    assert model_people(text, norm, lambda i: i, lambda a, b: (a, b), [], unsure) == []


def test_the_default_pipeline_runs_the_crf_first_pass() -> None:
    from functools import partial

    from rasad.stages.entities import EntityLinker
    from rasad.stages.pipeline import default_stages

    stage = next(s for s in default_stages() if isinstance(s, EntityLinker))
    assert stage.model
    tagger = stage.linker.tagger
    assert isinstance(tagger, partial)
    assert tagger.keywords == {"two_pass": False, "types": ("PER",)}
    assert EntityLinker(model=False).linker.tagger is None


def test_scored_entities_one_pass_uses_the_first_model() -> None:
    from rasad.ner.tagger import CrfTagger

    crf = CrfTagger.load()
    text = "قال الباحث محمود الزهيري إن الاتفاق صامد."
    one = crf.scored_entities(text, two_pass=False)
    assert all(0.0 <= p <= 1.0 for *_, p in one)
    assert ("PER", "محمود الزهيري") in {(t, text[s:e]) for s, e, t, _ in one}
    assert crf.two_pass  # the shared (cached) tagger keeps its own setting
    labels = crf._first.tag(crf.featurizer.sentence(text.replace(".", " .").split()))
    assert [lab for lab in labels if lab != "O"] == ["B-PERS", "I-PERS"]
