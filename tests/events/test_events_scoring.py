"""The event half of ``rasad eval``: strict and lenient matching, per-type counts."""

from rasad.events.scoring import EventScore, event_key, match


def _g(t: str, s: list[str], g: list[str], optional: bool = False) -> dict[str, object]:
    return {"type": t, "source": s, "target": g, "optional": optional}


def test_strict_match_is_unordered_and_counts_optional_apart() -> None:
    gold = [_g("CONSULT", ["TUR"], ["RUS"]), _g("AGREE", ["TUR"], ["RUS"], optional=True)]
    pred = [event_key("CONSULT", ["RUS"], ["TUR"]), event_key("AGREE", ["RUS"], ["TUR"])]
    m = match(pred, gold)
    assert m.matched == [(0, 0)]
    assert m.optional == [(1, 1)]
    assert m.missed == []
    assert m.false == []


def test_lenient_match_takes_type_and_a_shared_country() -> None:
    gold = [_g("ACCUSE", ["USA"], ["IRN"]), _g("SANCTION", ["EU"], ["RUS"])]
    pred = [event_key("ACCUSE", ["USA"], ["YEM"]), event_key("REQUEST", ["EU"], ["RUS"])]
    assert match(pred, gold).matched == []
    loose = match(pred, gold, lenient=True)
    assert loose.matched == [(0, 0)]
    assert loose.missed == [1]
    assert loose.false == [1]


def test_score_by_type() -> None:
    score = EventScore()
    gold = [_g("ACCUSE", ["USA"], ["IRN"]), _g("ASSAULT", ["ISR"], ["LBN"])]
    score.add([event_key("ACCUSE", ["IRN"], ["USA"]), event_key("ASSAULT", ["ISR"], ["SYR"])], gold)
    data = score.to_json()
    assert data["tp"] == 1
    assert data["fp"] == 1
    assert data["fn"] == 1
    assert data["lenient"]["tp"] == 2
    assert data["by_type"]["ASSAULT"]["strict"]["required_recall"] == 0.0
    assert data["by_type"]["ASSAULT"]["lenient"]["required_recall"] == 1.0
