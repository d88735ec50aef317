"""The learned scorer of candidate events (``rasad.events.scorer``). Invented sentences only."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from rasad.arabic import fold
from rasad.doc import Actor, Doc, DocEntity, Event, Mention
from rasad.events import scorer
from rasad.events.extractor import extract_events
from rasad.events.scorer import ScorerModel, load_scorer, recording, scoring_filter
from rasad.events.scorer_features import FEATURE_VERSION
from rasad.events.scorer_fit import fit, group_folds, out_of_fold
from rasad.scorer_eval import GoldDoc, choose_threshold, pipeline_counts

_STUB = {
    "بوتين": ("per:putin", "Vladimir Putin", "PER", "RUS"),
    "أردوغان": ("per:erdogan", "Recep Tayyip Erdoğan", "PER", "TUR"),
    "روسيا": ("gpe:RUS", "Russia", "GPE", "RUS"),
    "تركيا": ("gpe:TUR", "Turkey", "GPE", "TUR"),
    "إيران": ("gpe:IRN", "Iran", "GPE", "IRN"),
}

# invented: a phone call, a denied meeting
_TEXT = (
    "أجرى الرئيس بوتين اتصالا هاتفيا مع نظيره أردوغان اليوم.\n"
    "ولم يلتق بوتين مع أردوغان في إيران الشهر الماضي."
)


def _doc(text: str = _TEXT) -> Doc:
    doc = Doc(source="invented.txt")
    doc.set_text(text)
    for surface, (eid, name, etype, country) in _STUB.items():
        doc.entities[eid] = DocEntity(eid, name, None, etype, country)
        for m in re.finditer(
            r"(?<!\w)(?:و|ب|ل)?(" + re.escape(fold(surface)) + r")(?!\w)", doc.norm
        ):
            span = doc.span_from_norm(*m.span(1))
            assert span is not None
            doc.mentions.append(Mention(span[0], span[1], doc.text[span[0] : span[1]], eid))
    doc.mentions.sort(key=lambda m: m.start)
    return doc


def _reject_all() -> ScorerModel:
    return ScorerModel({}, bias=-5.0, threshold=0.5, filter=True)


def test_recording_keeps_every_candidate_with_features() -> None:
    with recording() as cands:
        events = extract_events(_doc())
    assert cands, "the phone call is a candidate"
    call = next(c for c in cands if c.event.type == "CONSULT" and not c.event.negated)
    assert "t=CONSULT" in call.features
    assert any(f.startswith("src:") for f in call.features)
    assert "s:first_line" in call.features
    assert {e.type for e in events} >= {"CONSULT"}


def test_filter_drops_asserted_candidates_but_keeps_negated_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(scorer, "load_scorer", _reject_all)
    with scoring_filter(True):
        events = extract_events(_doc())
    assert events, "the denied meeting is kept (flagged, never dropped)"
    assert all(e.negated or e.intent == "hypothetical" for e in events)
    with scoring_filter(False):
        kept = extract_events(_doc())
    assert any(not e.negated for e in kept)
    # the model's probability is the confidence (merging may add a little)
    assert all(e.confidence <= 0.1 for e in kept)


def test_shipped_model_loads_and_scores() -> None:
    model = load_scorer()
    assert model is not None
    assert 0.0 <= model.threshold < 1.0
    assert model.weights
    p = model.probability(["t=CONSULT", "src:before", "tgt:after"])
    assert 0.0 < p < 1.0


def test_model_round_trip_and_version_check(tmp_path: Path) -> None:
    model = ScorerModel({"a": 1.5, "b": -0.25}, 0.1, 0.4, True)
    data = model.to_json({"note": "x"})
    assert data["feature_version"] == FEATURE_VERSION
    again = ScorerModel.from_json(data)
    assert again == model
    assert again.probability(["a", "a"]) == model.probability(["a"])  # features are a set
    with pytest.raises(ValueError, match="train_event_scorer"):
        ScorerModel.from_json({**data, "feature_version": FEATURE_VERSION + 1})


def test_fit_learns_a_separable_feature_and_is_deterministic() -> None:
    rows = [["good", "x"]] * 20 + [["bad", "x"]] * 20 + [["good", "bad"]] * 3
    labels = [1] * 20 + [0] * 20 + [1] * 3
    model = fit(rows, labels, l2=0.1, min_count=3)
    assert model.probability(["good"]) > 0.8 > 0.2 > model.probability(["bad"])
    assert fit(rows, labels, l2=0.1, min_count=3) == model
    rare = fit([*rows, ["once"]], [*labels, 1], l2=1.0, min_count=3)
    assert "once" not in rare.weights  # below the minimum count


def test_group_folds_and_out_of_fold_hold_groups_out() -> None:
    groups = ["t3", "t1", "t2", "t1", "t4", "t5"]
    folds = group_folds(groups, 2)
    assert folds == [{"t1", "t3", "t5"}, {"t2", "t4"}]
    rows = [["f"]] * 6
    seen: list[int] = []

    def fitter(r: object, y: list[int]) -> ScorerModel:
        seen.append(len(y))
        return ScorerModel({}, 0.0, 0.5, False)

    probs = out_of_fold(rows, [1, 0, 1, 0, 1, 0], groups, 2, fitter)
    assert seen == [2, 4]  # each model is fitted without the rows of its held-out groups
    assert probs == [0.5] * 6


def _candidate(doc_id: str, etype: str, src: str, tgt: str) -> scorer.Candidate:
    ev = Event("", etype, None, Actor(None, [src]), Actor(None, [tgt]))
    return scorer.Candidate(doc_id, ev, None, [])


def test_pipeline_counts_and_threshold_choice() -> None:
    gold = [{"type": "CONSULT", "source": ["RUS"], "target": ["TUR"]}]
    d = GoldDoc("x:1", "g", gold)
    d.cands = [
        _candidate("1", "CONSULT", "TUR", "RUS"),  # matches (unordered pair)
        _candidate("1", "ACCUSE", "RUS", "IRN"),  # false
        _candidate("1", "CONSULT", "RUS", "TUR"),  # merges with the first
    ]
    d.cands[1] = replace(d.cands[1], event=replace(d.cands[1].event, negated=True))
    assert d.labels() == [1, 0, 1]
    everything = pipeline_counts([d], lambda doc, n: True)
    assert (everything.tp, everything.fp, everything.fn) == (1, 0, 0)  # negated: not scored
    d.cands[1].event.negated = False
    assert pipeline_counts([d], lambda doc, n: True).fp == 1
    assert pipeline_counts([d], lambda doc, n: n != 1).fp == 0
    probs = {(id(d), 0): 0.9, (id(d), 1): 0.2, (id(d), 2): 0.6}
    t = choose_threshold([d], probs)
    assert 0.2 < t <= 0.6  # drops the false candidate, keeps the true one
