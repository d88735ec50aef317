"""A stage that cannot run fails when it is built (a missing data file: E206, a missing module:
E403), and a data file that cannot be parsed stops the run at first use: never a reject a page."""

from __future__ import annotations

import sys
from importlib.resources.abc import Traversable
from pathlib import Path

import pytest

from rasad.doc import Doc
from rasad.errors import ConfigError, MissingDependencyError, StageError
from rasad.stages import base
from rasad.stages.pipeline import default_stages


def _without(monkeypatch: pytest.MonkeyPatch, module: str, rel: str, tmp_path: Path) -> None:
    """Make the shipped data file ``rel`` look absent to the stages of ``module``."""
    real = base.package_file

    def fake(name: str) -> Traversable | Path:
        return tmp_path / "absent" / Path(name).name if name == rel else real(name)

    monkeypatch.setattr(f"{module}.package_file", fake)


def test_every_standard_stage_declares_data_that_ships() -> None:
    for stage in default_stages():
        for path in stage.data_files():
            assert path.is_file(), (stage.name, path)


def test_entity_model_missing_fails_at_construction(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from rasad.stages.entities import EntityLinker

    _without(monkeypatch, "rasad.stages.entities", "ner/data/anercorp.crfsuite", tmp_path)
    with pytest.raises(StageError, match="E206") as err:
        EntityLinker(model=True, on_error="skip")
    assert "anercorp.crfsuite" in str(err.value)
    assert EntityLinker(model=False).name == "entities.kb.v1"  # the model is not needed


def test_knowledge_base_missing_fails_at_construction(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from rasad.stages.entities import EntityLinker

    _without(monkeypatch, "rasad.stages.entities", "kb/data/entities.jsonl", tmp_path)
    with pytest.raises(StageError, match="E206"):
        EntityLinker(model=False)


def test_entity_extra_file_missing_is_a_config_error(tmp_path: Path) -> None:
    from rasad.stages.entities import EntityLinker

    with pytest.raises(ConfigError, match="E402"):
        EntityLinker(extra=tmp_path / "absent.jsonl", model=False)


def test_crf_package_missing_is_a_missing_dependency(monkeypatch: pytest.MonkeyPatch) -> None:
    from rasad.stages.entities import EntityLinker

    monkeypatch.setitem(sys.modules, "pycrfsuite", None)  # importing it fails
    with pytest.raises(MissingDependencyError, match="E403") as err:
        EntityLinker(model=True)
    assert "python-crfsuite" in str(err.value)
    EntityLinker(model=False)


def test_html_extractor_missing_is_a_missing_dependency(monkeypatch: pytest.MonkeyPatch) -> None:
    from rasad.stages.extract import Segmenter

    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(MissingDependencyError, match="E403"):
        Segmenter(on_error="skip")


def test_dedup_background_missing_fails_at_construction(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from rasad.stages.dedup import BACKGROUND_FILE, Deduplicator, NearDuplicateDeduplicator

    _without(monkeypatch, "rasad.stages.dedup", BACKGROUND_FILE, tmp_path)
    with pytest.raises(StageError, match="E206"):
        Deduplicator(on_error="skip")
    NearDuplicateDeduplicator()  # no story terms: the file is not read


def test_sentence_model_missing_fails_at_construction(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from rasad.stages.events import EventExtractor

    _without(monkeypatch, "rasad.stages.base", "events/data/sentence_model.npz", tmp_path)
    with pytest.raises(StageError, match="E206"):
        EventExtractor(on_error="skip")


def test_a_bad_lexicon_fails_at_construction(tmp_path: Path) -> None:
    from rasad.stages.events import EventExtractor

    with pytest.raises(ConfigError, match="E402"):
        EventExtractor(lexicon_path=str(tmp_path / "absent.tsv"), on_error="skip")


def test_a_damaged_model_stops_the_run_at_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    from rasad.stages import events

    def damaged() -> None:
        raise ValueError("sentence_model.npz: bad zip header")

    stage = events.EventExtractor(on_error="skip")  # the files are there: it builds
    monkeypatch.setattr(events, "load_sentence_model", damaged)
    docs = []
    for n in range(3):
        doc = Doc(source=f"p{n}.txt")
        doc.set_text("نص قصير لا حدث فيه.")
        docs.append(doc)
    with pytest.raises(StageError, match="E206") as err:
        list(stage(docs))
    assert "bad zip header" in str(err.value)
    assert all(d.reject is None for d in docs)  # no page was rejected for it


def test_a_damaged_table_stops_a_batch_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    from rasad.stages import dedup

    def damaged() -> None:
        raise OSError("anercorp.lexicon.tsv: read error")

    stage = dedup.Deduplicator(on_error="skip")
    monkeypatch.setattr(dedup, "background", damaged)
    with pytest.raises(StageError, match="E206"):
        list(stage([Doc(source="a.txt"), Doc(source="b.txt")]))
