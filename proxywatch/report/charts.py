"""Small SVG charts written directly, so the report needs no script or network to open.

Every label passes through :func:`html.escape`; callers give plain text.
"""

from __future__ import annotations

import math
from html import escape

import networkx as nx

WIDTH, HEIGHT, PAD = 720, 220, 40


def line_chart(
    points: list[tuple[str, float | None]],
    low: float = -1.0,
    high: float = 1.0,
    shade: list[tuple[str, str]] | None = None,
    title: str = "",
) -> str:
    """A line chart of values per labelled x position; ``shade`` marks ranges of labels (rifts)."""
    if not points:
        return '<p class="empty">No data for this chart.</p>'
    n = len(points)
    step = (WIDTH - 2 * PAD) / max(n - 1, 1)

    def x(i: int) -> float:
        return PAD + i * step

    def y(v: float) -> float:
        return HEIGHT - PAD - (v - low) / (high - low) * (HEIGHT - 2 * PAD)

    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}">']
    labels = [p[0] for p in points]
    for start, end in shade or []:
        if start in labels and end in labels:
            x0, x1 = x(labels.index(start)) - step / 2, x(labels.index(end)) + step / 2
            parts.append(
                f'<rect class="rift" x="{x0:.1f}" y="{PAD}" width="{x1 - x0:.1f}" '
                f'height="{HEIGHT - 2 * PAD}"><title>rift {escape(start)} to {escape(end)}</title></rect>'
            )
    parts.append(f'<line class="axis" x1="{PAD}" y1="{y(0):.1f}" x2="{WIDTH - PAD}" y2="{y(0):.1f}"/>')
    for v in (low, high):
        parts.append(f'<text class="tick" x="4" y="{y(v) + 4:.1f}">{v:+.0f}</text>')
    segment: list[str] = []
    for i, (label, value) in enumerate(points):
        if value is None:
            if len(segment) > 1:
                parts.append(f'<polyline class="line" points="{" ".join(segment)}"/>')
            segment = []
            continue
        segment.append(f"{x(i):.1f},{y(value):.1f}")
        parts.append(
            f'<circle class="dot" cx="{x(i):.1f}" cy="{y(value):.1f}" r="4">'
            f"<title>{escape(label)}: {value:+.2f}</title></circle>"
        )
    if len(segment) > 1:
        parts.append(f'<polyline class="line" points="{" ".join(segment)}"/>')
    every = max(1, n // 12)
    for i, (label, _) in enumerate(points):
        if i % every == 0:
            parts.append(
                f'<text class="tick" x="{x(i):.1f}" y="{HEIGHT - 12}" text-anchor="middle">'
                f"{escape(label)}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(
    points: list[tuple[str, float]], title: str = "", shade: list[tuple[str, str]] | None = None
) -> str:
    """Bars per label (friction counts), with rift ranges shaded."""
    if not points:
        return '<p class="empty">No data for this chart.</p>'
    high = max([v for _, v in points] + [1.0])
    n = len(points)
    width = (WIDTH - 2 * PAD) / n
    labels = [p[0] for p in points]
    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}">']
    for start, end in shade or []:
        if start in labels and end in labels:
            x0 = PAD + labels.index(start) * width
            x1 = PAD + (labels.index(end) + 1) * width
            parts.append(
                f'<rect class="rift" x="{x0:.1f}" y="{PAD}" width="{x1 - x0:.1f}" '
                f'height="{HEIGHT - 2 * PAD}"><title>rift {escape(start)} to {escape(end)}</title></rect>'
            )
    for i, (label, value) in enumerate(points):
        h = value / high * (HEIGHT - 2 * PAD)
        parts.append(
            f'<rect class="bar" x="{PAD + i * width + 1:.1f}" y="{HEIGHT - PAD - h:.1f}" '
            f'width="{max(width - 2, 1):.1f}" height="{h:.1f}">'
            f"<title>{escape(label)}: {value:g}</title></rect>"
        )
    every = max(1, n // 12)
    for i, (label, _) in enumerate(points):
        if i % every == 0:
            parts.append(
                f'<text class="tick" x="{PAD + i * width:.1f}" y="{HEIGHT - 12}">{escape(label)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def network(G: nx.DiGraph, highlight: set[str], names: dict[str, str], title: str = "") -> str:
    """The network as nodes and arrows (a seeded spring layout, so the picture is stable)."""
    if G.number_of_nodes() == 0:
        return '<p class="empty">No network to draw.</p>'
    size = 640
    pos = nx.spring_layout(G, seed=7, k=1.6 / math.sqrt(G.number_of_nodes()))
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]

    def sx(v: float) -> float:
        return 60 + (v - min(xs)) / ((max(xs) - min(xs)) or 1) * (size - 120)

    def sy(v: float) -> float:
        return 40 + (v - min(ys)) / ((max(ys) - min(ys)) or 1) * (size - 80)

    parts = [
        f'<svg class="network" viewBox="0 0 {size} {size}" role="img" aria-label="{escape(title)}">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="18" refY="5" markerWidth="6" markerHeight="6" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead"/></marker></defs>',
    ]
    for u, v, data in G.edges(data=True):
        kind = escape(str(data.get("tie", "")))
        parts.append(
            f'<line class="edge {kind}" x1="{sx(pos[u][0]):.1f}" y1="{sy(pos[u][1]):.1f}" '
            f'x2="{sx(pos[v][0]):.1f}" y2="{sy(pos[v][1]):.1f}" marker-end="url(#arrow)">'
            f"<title>{escape(names.get(u, u))} {kind} {escape(names.get(v, v))}</title></line>"
        )
    for node, (px, py) in pos.items():
        cls = "node key" if node in highlight else "node"
        label = escape(names.get(node, node))
        parts.append(
            f'<circle class="{cls}" cx="{sx(px):.1f}" cy="{sy(py):.1f}" r="7"><title>{label}</title></circle>'
            f'<text class="label" x="{sx(px) + 9:.1f}" y="{sy(py) + 4:.1f}">{label}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
