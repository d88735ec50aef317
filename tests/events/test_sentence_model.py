"""The PROTEST / ASSAULT sentence classifier: shipped weights, features, training helpers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from conftest import load_script
from rasad.events.extractor import detect_types
from rasad.events.sentence_model import (
    FEATURE_GROUPS,
    MODEL_TYPES,
    SentenceModel,
    feature_names,
    hashed_features,
    load_sentence_model,
    sentence_scores,
    supports_event,
)

ROOT = Path(__file__).parents[2]
MODEL = ROOT / "src" / "rasad" / "events" / "data" / "sentence_model.npz"

# written for these tests (not from the GSR)
PROTEST = "تظاهر آلاف الطلاب أمس أمام مبنى البرلمان احتجاجا على رفع الأسعار."
ASSAULT = "قتل مسلحون ثلاثة جنود وأصابوا خمسة آخرين في هجوم على نقطة تفتيش أمس."
MENTION = "تحدث الكاتب في كتابه الجديد عن تاريخ الاحتجاجات في القرن الماضي."


def test_shipped_model_is_small_and_complete() -> None:
    assert MODEL.stat().st_size < 5_000_000
    model = load_sentence_model()
    assert model is load_sentence_model()  # cached
    assert model.types == MODEL_TYPES
    assert all(set(g) <= set(FEATURE_GROUPS) for g in model.groups)
    assert all(0.0 < th < 1.0 for th in model.thresholds)
    assert all(0.0 < fl <= th for fl, th in zip(model.floors, model.thresholds, strict=True))
    assert set(model.meta["cv"]) == set(MODEL_TYPES)


def test_scores_separate_reports_from_mentions() -> None:
    assert detect_types(PROTEST) >= {"PROTEST"}
    assert "ASSAULT" not in detect_types(PROTEST)
    assert detect_types(ASSAULT) >= {"ASSAULT"}
    assert not detect_types(MENTION) & {"PROTEST", "ASSAULT"}
    scores = sentence_scores(PROTEST)
    assert all(0.0 <= p <= 1.0 for p in scores.values())
    assert scores == load_sentence_model().scores(PROTEST)


def test_supports_event() -> None:
    assert supports_event("PROTEST", PROTEST)
    assert supports_event("ASSAULT", ASSAULT)
    assert supports_event("CONSULT", MENTION)  # not a model type: always supported


def test_features_are_deterministic_and_unit_length() -> None:
    names = feature_names(PROTEST)
    assert set(names) == set(FEATURE_GROUPS)
    assert "r:PROTEST" in names["l"]
    assert "g:GRIEV" in names["g"]
    idx, vals = hashed_features(names, FEATURE_GROUPS, 20)
    idx2, _ = hashed_features(feature_names(PROTEST), FEATURE_GROUPS, 20)
    assert np.array_equal(idx, idx2)
    assert np.all(np.diff(idx) > 0)
    assert float(vals @ vals) == pytest.approx(1.0, abs=1e-5)


def test_save_load_roundtrip(tmp_path: Path) -> None:
    model = load_sentence_model()
    path = tmp_path / "m.npz"
    model.save(str(path))
    again = SentenceModel.load(str(path))
    assert again.types == model.types
    assert again.groups == model.groups
    assert again.scores(ASSAULT) == pytest.approx(model.scores(ASSAULT), abs=1e-6)


def test_span_verb_features() -> None:
    names = feature_names(PROTEST, span_verbs={"PROTEST": frozenset({"تظاهر"})})
    assert {"v:PROTEST", "v:PROTEST:تظاهر", "v:PROTEST:crowd"} <= set(names["v"])
    assert feature_names(PROTEST)["v"] == []


def test_kernel_logistic_regression_fits_a_toy_problem() -> None:
    train = load_script("train_sentence_model")
    rng = np.random.default_rng(0)
    y = np.array([0.0, 1.0] * 20)
    noise = [sorted(rng.choice(np.arange(3, 40), 3, replace=False).tolist()) for _ in y]
    rows = [
        (np.array([0, 1 + int(label), *extra]), np.full(5, 0.5, dtype=np.float32))
        for label, extra in zip(y, noise, strict=True)
    ]
    x = train.Rows(rows)
    gram = x.gram(dense_above=4)
    dense = np.zeros((len(rows), len(x.columns)))
    dense[x.row_of, x.col] = x.val
    assert np.allclose(gram, dense @ dense.T)
    z, proj = train.embed(gram, 100)
    assert np.allclose(z @ z.T, gram)
    assert np.allclose(gram @ proj, z)
    w, b = train.fit(z, y, np.ones(len(y)), 1e-3)
    p = 1.0 / (1.0 + np.exp(-(gram @ (proj @ w) + b)))
    assert np.all((p > 0.5) == (y > 0.5))
    th, f1 = train.best_threshold(y, p)
    assert f1 == 1.0
    assert 0.0 < th < 1.0
