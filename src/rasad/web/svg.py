"""Charts rendered on the server as SVG (no script runs in the browser).

Every text that reaches the SVG is escaped here; colours are presentation attributes, not
inline styles, so the Content-Security-Policy needs no ``unsafe-inline``.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from html import escape
from typing import Any

from .queries import QUADS

QUAD_COLOURS = {
    "verbal cooperation": "#7fbf7b",
    "material cooperation": "#1b7837",
    "verbal conflict": "#f4a582",
    "material conflict": "#b2182b",
}
QUAD_AR = {
    "verbal cooperation": "تعاون لفظي",
    "material cooperation": "تعاون مادي",
    "verbal conflict": "نزاع لفظي",
    "material conflict": "نزاع مادي",
}
W, H = 960, 260
PAD_L, PAD_R, PAD_T, PAD_B = 44, 34, 14, 30


def _all_weeks(weeks: list[dict[str, Any]]) -> list[str]:
    if not weeks:
        return []
    first = date.fromisoformat(weeks[0]["week"])
    last = date.fromisoformat(weeks[-1]["week"])
    n = (last - first).days // 7 + 1
    return [(first + timedelta(weeks=i)).isoformat() for i in range(n)]


def _nice_max(v: float) -> int:
    if v <= 5:
        return max(1, math.ceil(v))
    mag = 10 ** int(math.log10(v))
    for step in (1, 2, 5, 10):
        if step * mag >= v:
            return int(step * mag)
    return int(10 * mag)


def timeline(weeks: list[dict[str, Any]]) -> str:
    """Weekly events stacked by quad class, with the mean intensity (-10..10) as a line."""
    labels = _all_weeks(weeks)
    if not labels:
        return ""
    by_week = {w["week"]: w for w in weeks}
    top = _nice_max(max(w["events"] for w in weeks))
    pw, ph = W - PAD_L - PAD_R, H - PAD_T - PAD_B
    step = pw / len(labels)
    bar = max(1.0, step * 0.8)
    out = [
        f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" xmlns="http://www.w3.org/2000/svg"'
        ' aria-label="weekly events by quad class">',
    ]
    for i in range(5):
        y = PAD_T + ph * i / 4
        out.append(
            f'<line x1="{PAD_L}" x2="{W - PAD_R}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>'
        )
        out.append(
            f'<text x="{PAD_L - 6}" y="{y + 4:.1f}" text-anchor="end" '
            f'class="tick">{round(top * (4 - i) / 4)}</text>'
        )
    points: list[str] = []
    for i, label in enumerate(labels):
        x = PAD_L + i * step + (step - bar) / 2
        w = by_week.get(label)
        if w is None:
            continue
        y = PAD_T + ph
        for quad in QUADS:
            n = w[quad]
            if not n:
                continue
            h = ph * n / top
            y -= h
            out.append(
                f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{QUAD_COLOURS[quad]}"><title>{escape(label)} · {escape(quad)}: {n}'
                "</title></rect>"
            )
        cy = PAD_T + ph * (10 - w["mean_intensity"]) / 20
        points.append(f"{x + bar / 2:.1f},{cy:.1f}")
    if points:
        out.append(
            f'<polyline class="intensity" points="{" ".join(points)}" fill="none" '
            'stroke="#2c3e75" stroke-width="2"/>'
        )
        for p in points:
            cx, cy = p.split(",")
            out.append(f'<circle cx="{cx}" cy="{cy}" r="3" fill="#2c3e75"/>')
    for value in (10, 0, -10):
        y = PAD_T + ph * (10 - value) / 20
        out.append(
            f'<text x="{W - PAD_R + 2}" y="{y + 4:.1f}" class="tick axis2">{value:+d}</text>'
        )
    zero = PAD_T + ph / 2
    out.append(
        f'<line x1="{PAD_L}" x2="{W - PAD_R}" y1="{zero:.1f}" y2="{zero:.1f}" '
        'stroke="#2c3e75" stroke-dasharray="4 4" stroke-opacity="0.5"/>'
    )
    for i in sorted({0, len(labels) // 2, len(labels) - 1}):
        x = PAD_L + i * step + step / 2
        anchor = "start" if i == 0 else ("end" if i == len(labels) - 1 else "middle")
        out.append(
            f'<text x="{x:.1f}" y="{H - 8}" text-anchor="{anchor}" class="tick">'
            f"{escape(labels[i])}</text>"
        )
    out.append("</svg>")
    return "".join(out)


def network(center: dict[str, Any], others: list[dict[str, Any]]) -> str:
    """The actor in the middle and its most frequent counterparts around it; edge width is the
    number of events, edge colour the mean intensity (green cooperation, red conflict)."""
    if not others:
        return ""
    size, r = 520, 190
    cx = cy = size / 2
    top = max(o["events"] for o in others)
    edges: list[str] = []
    nodes: list[str] = []
    for i, o in enumerate(others):
        angle = 2 * math.pi * i / len(others) - math.pi / 2
        x, y = cx + r * math.cos(angle), cy + r * math.sin(angle)
        colour = "#1b7837" if (o["mean_intensity"] or 0) >= 0 else "#b2182b"
        width = 1 + 7 * o["events"] / top
        label = escape(o["name_ar"] or o["name"] or o["id"])
        edges.append(
            f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="{colour}" '
            f'stroke-width="{width:.1f}" stroke-opacity="0.6"/>'
        )
        nodes.append(
            f'<a href="/actor/{escape(o["id"], quote=True)}"><circle cx="{x:.1f}" cy="{y:.1f}"'
            f' r="{6 + 8 * o["events"] / top:.1f}" fill="#fff" stroke="{colour}" '
            f'stroke-width="2"><title>{label}: {o["events"]}</title></circle>'
            f'<text x="{x:.1f}" y="{y + 28:.1f}" text-anchor="middle" class="node">{label}'
            "</text></a>"
        )
    name = escape(center.get("name_ar") or center["name"])
    return (
        f'<svg class="chart network" viewBox="0 0 {size} {size}" role="img" '
        'xmlns="http://www.w3.org/2000/svg" aria-label="counterparts">'
        + "".join(edges)
        + "".join(nodes)
        + f'<circle cx="{cx}" cy="{cy}" r="22" fill="#2c3e75"/>'
        f'<text x="{cx}" y="{cy + 44}" text-anchor="middle" class="node centre">{name}</text>'
        "</svg>"
    )
