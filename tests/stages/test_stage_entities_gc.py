"""The entity stage keeps its long-lived tables out of the garbage collector's full passes."""

from __future__ import annotations

import gc

from rasad.stages.entities import EntityLinker


def test_building_the_linker_freezes_what_is_loaded() -> None:
    gc.unfreeze()
    stage = EntityLinker(model=False)
    stage.load()
    try:
        assert gc.get_freeze_count() > 0  # the knowledge base and automata among them
    finally:
        gc.unfreeze()
