"""The package's public API: a small, sorted ``__all__`` whose names all resolve."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import rasad
from rasad.doc import Doc


def test_public_api_all_is_sorted_and_small() -> None:
    assert rasad.__all__ == sorted(rasad.__all__)
    assert set(rasad.__all__) == {
        "Doc",
        "RasadError",
        "__version__",
        "extract",
        "ingest",
        "pipeline",
    }


def test_public_api_names_resolve() -> None:
    for name in rasad.__all__:
        assert getattr(rasad, name) is not None, name
    assert rasad.Doc is Doc
    assert callable(rasad.pipeline)


def test_public_api_unknown_name_is_attribute_error() -> None:
    with pytest.raises(AttributeError):
        _ = rasad.no_such_name  # type: ignore[attr-defined]


def test_public_api_import_is_cheap() -> None:
    code = "import sys, rasad; print('rasad.api' in sys.modules, 'numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_public_api_pipeline_and_extract(tmp_path: Path) -> None:
    import rasad.stages.pipeline  # a submodule import must not shadow ``rasad.pipeline()``

    pipe = rasad.pipeline(entities=False, events=False)
    assert "extract.clean.v1" in pipe.names
    page = tmp_path / "page.txt"
    page.write_text(
        "عنوان تجريبي قصير\n"
        "قال المتحدث باسم الوزارة في بيان صدر اليوم إن الاجتماع المقبل سيعقد في موعده المحدد.\n",
        encoding="utf-8",
    )
    (doc,) = rasad.extract([str(page)], entities=False, events=False)
    assert isinstance(doc, rasad.Doc)
    assert doc.reject is None
    assert "الاجتماع المقبل" in doc.text
