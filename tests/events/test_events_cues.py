"""The cue word loader: data/cues.tsv is the one home of the rules' word lists."""

from importlib import resources

from rasad.arabic import fold
from rasad.events.cues import cue, cue_names


def test_words_are_folded_and_codes_kept() -> None:
    assert fold("إنهاء") in cue("halt_heads")
    assert "IRQ" in cue("masculine_countries")


def test_every_set_is_used_by_the_rules() -> None:
    names = set(cue_names())
    assert {"complementizers", "clause_breaks", "topic_heads", "agent_bridges"} <= names
    src = "".join(
        p.read_text("utf-8")
        for p in resources.files("rasad.events").iterdir()
        if p.name.endswith(".py")
    )
    unused = [n for n in names if f'cue("{n}")' not in src]
    assert unused == []


def test_unknown_set_is_an_error() -> None:
    try:
        cue("no such set")
    except KeyError:
        return
    raise AssertionError("expected KeyError")


def test_un_organs_act_for_the_un() -> None:
    from rasad.doc import DocEntity
    from rasad.events.arguments import _countries

    council = DocEntity("org:unsc", "United Nations Security Council", None, "ORG", None, "IGO")
    assert _countries(council, lambda _id: "UNSC") == ("UN",)
    board = DocEntity("org:bog", "IAEA Board of Governors", None, "ORG", None, "IGO")
    assert _countries(board, lambda _id: "IAEABOG") == ("IAEA",)
    nato = DocEntity("org:nato", "NATO", None, "ORG", None, "IGO")
    assert _countries(nato, lambda _id: "NATO") == ("NATO",)
