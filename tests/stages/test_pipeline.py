"""Extraction, dedup and clusters over the bundled sample corpus; executors agree."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, SEEDS, needs_shared
from rasad import api
from rasad.doc import Doc
from rasad.errors import Errors, InputError, PipelineError, Reject
from rasad.stages.base import BatchStage, MapStage
from rasad.stages.dedup import Deduplicator
from rasad.stages.extract import Cleaner
from rasad.stages.pipeline import Pipeline


def run(paths: list[str], **kw: object) -> dict[str, Doc]:
    docs = api.extract(paths, entities=False, events=False, **kw)  # type: ignore[arg-type]
    return {Path(d.source).name: d for d in docs}


@pytest.fixture(scope="module")
def corpus() -> dict[str, Doc]:
    return run([str(CORPUS)])


def test_corpus_has_no_rejects(corpus: dict[str, Doc]) -> None:
    assert len(corpus) >= 12
    assert [n for n, d in corpus.items() if d.reject] == []


def test_syndicated_pair_shares_a_cluster(corpus: dict[str, Doc]) -> None:
    a = corpus["anatolia_03_fidan-moscow.txt"]
    b = corpus["asiahorizons_04_fidan-moscow.html"]
    assert a.cluster == b.cluster
    assert a.id != b.id
    assert a.duplicate_of is None
    assert b.duplicate_of is None


def test_other_stories_do_not_cluster(corpus: dict[str, Doc]) -> None:
    clusters: dict[str, list[str]] = {}
    for name, doc in corpus.items():
        clusters.setdefault(doc.cluster or "", []).append(name)
    shared = [names for names in clusters.values() if len(names) > 1]
    assert shared  # the syndicated pair at least
    for names in shared:
        # single-page files are named site_NN_story; records of a multi-page file carry no story
        stories = {_story(n) for n in names} - {None}
        assert len(stories) <= 1, names  # two different stories never share a cluster
        assert len(names) == 2, names


def _story(name: str) -> str | None:
    parts = name.split(".", 1)[0].split("_", 2)
    return parts[2] if len(parts) == 3 and parts[1].isdigit() else None


def test_site_sidebar_removed_but_bodies_kept(corpus: dict[str, Doc]) -> None:
    site = [d for n, d in corpus.items() if n.startswith("caucasuspulse_")]
    assert len(site) >= 3
    for doc in site:
        reasons = {f["reason"] for f in doc.furniture}
        assert reasons & {"headline_list", "template"}
        assert len(doc.text.split("\n")) >= 3
        assert not any(line.startswith("- ") for line in doc.text.split("\n"))


def test_html_metadata(corpus: dict[str, Doc]) -> None:
    doc = corpus["asiahorizons_01_batken-clashes.html"]
    assert doc.title
    assert doc.published == "2022-09-16"
    assert doc.published_from == "html"
    assert doc.outlet


def test_text_immutable(corpus: dict[str, Doc]) -> None:
    doc = next(iter(corpus.values()))
    with pytest.raises(AttributeError):
        doc.set_text("x")


def test_date_option_and_url_date(tmp_path: Path) -> None:
    body = (
        "أعلنت وزارة الخارجية الكازاخستانية اليوم أن الوزير سيزور أنقرة الأسبوع المقبل "
        "لبحث العلاقات الثنائية والتعاون في مجال الطاقة والنقل."
    )
    (tmp_path / "a.txt").write_text(body + "\n" + body.replace("أنقرة", "باكو"), encoding="utf-8")
    doc = run([str(tmp_path / "a.txt")], date="2024-02-03")["a.txt"]
    assert (doc.published, doc.published_from) == ("2024-02-03", "option")


@needs_shared
def test_seeds_never_share_a_cluster() -> None:
    docs = run([str(SEEDS)])
    assert len(docs) == 5
    assert len({d.cluster for d in docs.values()}) == 5


@pytest.mark.slow
def test_pool_executor_matches_local(corpus: dict[str, Doc]) -> None:
    pooled = run([str(CORPUS)], workers=2)
    assert {n: d.to_json() for n, d in pooled.items()} == {
        n: d.to_json() for n, d in corpus.items()
    }


def test_pipeline_checks_requirements() -> None:
    with pytest.raises(PipelineError, match="E201"):
        Pipeline([Deduplicator()])
    with pytest.raises(PipelineError, match="E201"):
        Pipeline([Cleaner()])


def test_missing_optional_dependency_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from rasad.errors import MissingDependencyError
    from rasad.stages.pipeline import default_stages

    monkeypatch.setitem(sys.modules, "rasad.stages.events", None)  # importing it fails
    with pytest.raises(MissingDependencyError, match="E403"):
        default_stages()
    assert default_stages(events=False)[-1].name == "entities.kb.v1"


class _Refuses(MapStage):
    name = "refuses.v1"

    def process(self, doc: Doc) -> None:
        raise InputError(Errors.E108, source=doc.source)


class _Breaks(MapStage):
    name = "breaks.v1"

    def process(self, doc: Doc) -> None:
        raise KeyError("no such key")


def test_a_refused_page_carries_a_typed_reject() -> None:
    docs = list(Pipeline([_Refuses()])([Doc(source="a.txt"), Doc(source="b.txt")]))
    assert [d.reject for d in docs] == [
        Reject(name, "refuses.v1", "E108", Errors.E108.format(source=name))
        for name in ("a.txt", "b.txt")
    ]
    with pytest.raises(dataclasses.FrozenInstanceError):
        docs[0].reject.code = "E101"  # type: ignore[misc, union-attr]
    broken = next(iter(_Breaks(on_error="skip")([Doc(source="c.txt")])))
    assert broken.reject is not None
    assert (broken.reject.stage, broken.reject.code) == ("breaks.v1", "E203")
    assert "KeyError" in broken.reject.reason
    with pytest.raises(KeyError):
        list(_Breaks(on_error="raise")([Doc(source="c.txt")]))


def test_reject_round_trips_through_json() -> None:
    doc = Doc(source="x.html", reject=Reject("x.html", "read", "E107", "E107 page too large"))
    data = json.loads(json.dumps(doc.to_json()))
    assert data["reject"] == {
        "source": "x.html",
        "stage": "read",
        "code": "E107",
        "reason": "E107 page too large",
    }
    assert Doc.from_json(data).reject == doc.reject
    # a reject written without its source (older JSON) takes the document's
    del data["reject"]["source"]
    assert Doc.from_json(data).reject == doc.reject
    moved = doc.reject.moved("x.html", "https://a.example/x.html")  # type: ignore[union-attr]
    assert moved.source == "https://a.example/x.html"
    assert moved.reason == "E107 page too large"


class _Sizes(BatchStage):
    """Records the size of every batch it sees; fails on pages named ``bad*`` or ``refused*``."""

    name = "sizes.v1"

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.sizes: list[int] = []

    def process_batch(self, docs: list[Doc]) -> None:
        self.sizes.append(len(docs))
        for doc in docs:
            if doc.source.startswith("bad"):
                raise ZeroDivisionError("hostile page")
            if doc.source.startswith("refused"):
                raise InputError(Errors.E108, source=doc.source)
            doc.meta["seen"] = True


def _docs(*names: str) -> list[Doc]:
    return [Doc(source=n) for n in names]


def test_one_batching_rule_for_every_way_of_running() -> None:
    from rasad import runner
    from rasad.executors import LocalExecutor
    from rasad.stages.pipeline import BATCH_SIZE

    assert runner.BATCH_SIZE == api.BATCH_SIZE == BATCH_SIZE == Pipeline([]).batch_size
    names = [f"p{i}" for i in range(7)]
    direct, executed, ran = _Sizes(), _Sizes(), _Sizes()
    assert len(list(Pipeline([direct], batch_size=3)(_docs(*names)))) == 7
    assert len(list(LocalExecutor().run(Pipeline([executed], batch_size=3), _docs(*names)))) == 7
    batches = list(runner.run(Pipeline([ran], batch_size=3), _docs(*names)))
    assert direct.sizes == executed.sizes == ran.sizes == [3, 3, 1]
    assert [len(b) for b in batches] == [3, 3, 1]
    assert [d.source for b in batches for d in b] == names  # order kept
    whole = _Sizes()
    list(LocalExecutor(batch_size=100).run(Pipeline([whole], batch_size=3), _docs(*names)))
    assert whole.sizes == [7]  # an executor's own size overrides (tests use the whole input)
    with pytest.raises(ValueError, match="at least 1"):
        Pipeline([], batch_size=0)


def test_batch_stage_honours_on_error() -> None:
    skip = _Sizes(on_error="skip")
    docs = list(skip(_docs("a", "bad", "b")))
    assert [d.reject.code if d.reject else None for d in docs] == [None, "E203", None]
    assert docs[1].reject is not None
    assert "ZeroDivisionError" in docs[1].reject.reason
    assert [bool(d.meta.get("seen")) for d in docs] == [True, False, True]
    with pytest.raises(ZeroDivisionError):
        list(_Sizes(on_error="raise")(_docs("a", "bad", "b")))
    for mode in ("raise", "skip"):  # a page the stage refuses is a reject with its code
        refused = list(_Sizes(on_error=mode)(_docs("a", "refused", "b")))  # type: ignore[arg-type]
        assert [d.reject.code if d.reject else None for d in refused] == [None, "E108", None]


def test_a_bad_lexicon_fails_when_the_pipeline_is_built(tmp_path: Path) -> None:
    from rasad.errors import ConfigError
    from rasad.stages.events import EventExtractor
    from rasad.stages.pipeline import default_stages

    stages = default_stages()
    at = [s.name for s in stages].index(EventExtractor.name)
    stages[at] = bad = EventExtractor(on_error="skip")
    bad.lexicon_path, bad._lexicon = str(tmp_path / "absent.tsv"), None  # changed once built
    with pytest.raises(ConfigError, match="E402"):
        Pipeline(stages)
    EventExtractor().check()  # the shipped lexicon loads
