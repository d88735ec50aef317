"""PLOVER event types, their modes, quad classes and intensity scores.

The sixteen PLOVER types (``openeventdata/PLOVER``; modes as in the structured codebook shipped
with NGEC) are grouped into the four "quad" classes used by GDELT/POLECAT summaries, and each
type (and a few modes) carries an intensity on a -10..+10 scale. The scale is our own reading
of the Goldstein-like scores POLECAT/NGEC publish: cooperative verbal acts are mildly positive,
material help more so; verbal conflict is mildly negative, material conflict strongly negative.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "MODES",
    "QUADS",
    "SYMMETRIC",
    "TYPES",
    "UNARY_MODES",
    "intensity",
    "quad",
]

VERBAL_COOPERATION: Final = "verbal cooperation"
MATERIAL_COOPERATION: Final = "material cooperation"
VERBAL_CONFLICT: Final = "verbal conflict"
MATERIAL_CONFLICT: Final = "material conflict"

#: type -> quad class
QUADS: Final[dict[str, str]] = {
    "AGREE": VERBAL_COOPERATION,
    "CONSULT": VERBAL_COOPERATION,
    "SUPPORT": VERBAL_COOPERATION,
    "CONCEDE": VERBAL_COOPERATION,
    "COOPERATE": MATERIAL_COOPERATION,
    "AID": MATERIAL_COOPERATION,
    "RETREAT": MATERIAL_COOPERATION,
    "REQUEST": VERBAL_CONFLICT,
    "ACCUSE": VERBAL_CONFLICT,
    "REJECT": VERBAL_CONFLICT,
    "THREATEN": VERBAL_CONFLICT,
    "PROTEST": MATERIAL_CONFLICT,
    "SANCTION": MATERIAL_CONFLICT,
    "MOBILIZE": MATERIAL_CONFLICT,
    "COERCE": MATERIAL_CONFLICT,
    "ASSAULT": MATERIAL_CONFLICT,
}

TYPES: Final[tuple[str, ...]] = tuple(QUADS)

#: The modes of the PLOVER codebook, per type (None = no mode).
MODES: Final[dict[str, frozenset[str]]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"phone", "visit", "meet", "multilateral", "third-party"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset(),
    "RETREAT": frozenset(
        {"resign", "ceasefire", "withdraw", "release", "return", "disarm", "access"}
    ),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "allege", "investigate"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset(
        {"restrict", "ban", "arrest", "relations", "rights", "expel", "territory", "violence"}
    ),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset(
        {
            "seize",
            "restrict",
            "ban",
            "censor",
            "curfew",
            "arrest",
            "deport",
            "withhold",
            "misinformation",
            "cyber",
        }
    ),
    "ASSAULT": frozenset(
        {
            "abduct",
            "beat",
            "torture",
            "execute",
            "sexual",
            "assassinate",
            "destroy",
            "primitive",
            "firearms",
            "explosives",
            "suicide-attack",
            "aerial",
            "drone",
            "heavy-weapons",
            "crowd-control",
            "cleansing",
            "massacre",
            "unconventional",
        }
    ),
}

#: Types whose two sides are interchangeable (A meets B is B meets A).
SYMMETRIC: Final[frozenset[str]] = frozenset({"CONSULT", "AGREE", "COOPERATE"})

#: (type, mode) pairs that concern one actor only: source and target are the same country
#: (a resignation, a protest, a state of emergency).
UNARY_MODES: Final[frozenset[tuple[str, str | None]]] = frozenset(
    {
        ("PROTEST", "demo"),
        ("PROTEST", "riot"),
        ("PROTEST", "strike"),
        ("PROTEST", "hunger"),
        ("PROTEST", None),
        ("RETREAT", "resign"),
        ("COERCE", "curfew"),
        ("COERCE", "arrest"),
        ("COERCE", "restrict"),
        ("MOBILIZE", "police"),
    }
)

_INTENSITY: Final[dict[str, float]] = {
    "AGREE": 4.0,
    "CONSULT": 1.0,
    "SUPPORT": 3.5,
    "CONCEDE": 5.0,
    "COOPERATE": 6.0,
    "AID": 7.0,
    "RETREAT": 6.5,
    "REQUEST": -1.5,
    "ACCUSE": -3.0,
    "REJECT": -4.0,
    "THREATEN": -6.0,
    "PROTEST": -6.5,
    "SANCTION": -5.0,
    "MOBILIZE": -7.0,
    "COERCE": -7.5,
    "ASSAULT": -9.5,
}

_MODE_INTENSITY: Final[dict[tuple[str, str], float]] = {
    ("CONSULT", "visit"): 2.0,
    ("CONSULT", "multilateral"): 1.5,
    ("CONSULT", "phone"): 1.0,
    ("ACCUSE", "investigate"): -2.0,
    ("ACCUSE", "allege"): -3.5,
    ("PROTEST", "riot"): -7.5,
    ("PROTEST", "strike"): -5.5,
    ("RETREAT", "ceasefire"): 7.0,
    ("RETREAT", "resign"): 5.0,
    ("THREATEN", "violence"): -7.0,
    ("ASSAULT", "massacre"): -10.0,
    ("ASSAULT", "unconventional"): -10.0,
    ("ASSAULT", "beat"): -8.0,
    ("ASSAULT", "abduct"): -9.0,
}


def quad(event_type: str) -> str:
    """The quad class of a PLOVER type (``KeyError`` for an unknown type)."""
    return QUADS[event_type]


def intensity(event_type: str, mode: str | None = None, *, negated: bool = False) -> float:
    """The -10..+10 intensity of an event. A negated event counts for a third of its score
    with the sign kept (a denied attack is still news of conflict, but much weaker)."""
    score = _MODE_INTENSITY.get((event_type, mode or ""), _INTENSITY[event_type])
    if negated:
        score = round(score / 3.0, 2)
    return score
