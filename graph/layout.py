"""A deterministic layered layout of the scrutiny network, computed once at build time.

The page opens with physics off, so positions must be good as they stand and cheap to compute
for tens of thousands of nodes. The layout has three layers, top to bottom:

- documents, then assessments, in date order (a timeline);
- one disc per theme: the theme at the centre and its findings and actions around it, on a
  sunflower spiral (weaknesses innermost), the discs packed in rows in scheme order;
- the people and organisations involved.

Positions are rounded to integers and computed from sorted inputs with no randomness, so the
same graph always gets the same coordinates.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable
from typing import Any

import networkx as nx

__all__ = ["LEAF_KINDS", "UNTHEMED", "layout"]

#: Kinds placed around an anchor (their theme) rather than in a row of their own.
LEAF_KINDS = frozenset({"finding", "action"})
#: Anchor of leaves that have no theme: they get a disc of their own, with no hub node.
UNTHEMED = "__unthemed__"

LEAF_SPACING = 24  # distance scale between neighbouring leaves on a spiral
HUB_CLEAR = 36  # free radius around a hub before the first leaf
DISC_GAP = 60  # space between two discs
MIN_DISC = 140  # smallest disc radius: room for the theme's label, wrapped, under its hub
ROW_GAP = 150  # vertical space between the theme discs and the rows above and below
ROW_PITCH = 230  # horizontal distance between two items of a row (their labels are wide)
ROW_HEIGHT = 90  # vertical distance between wrapped rows
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))

TOP_ROWS = ("document", "assessment")
BOTTOM_ROWS = ("actor",)


def _spiral(count: int, clear: tuple[int, int, int] | None) -> list[tuple[int, int]]:
    """Sunflower offsets from a hub: even density, no overlaps, and none inside ``clear``
    (half-width, top, bottom of the hub's label box below it, kept free so it can be read)."""
    out = []
    i = 0
    while len(out) < count:
        r = HUB_CLEAR + LEAF_SPACING * math.sqrt(i + 0.5)
        a = i * GOLDEN_ANGLE
        x, y = round(r * math.cos(a)), round(r * math.sin(a))
        i += 1
        if clear is not None:
            half, top, bottom = clear
            margin = LEAF_SPACING // 2
            if abs(x) < half + margin and top - margin < y < bottom + margin:
                continue
        out.append((x, y))
    return out


def _disc_radius(offsets: list[tuple[int, int]], clear: tuple[int, int, int] | None) -> int:
    far = max((math.isqrt(x * x + y * y) for x, y in offsets), default=0)
    if clear is not None:
        half, _top, bottom = clear
        far = max(far, math.isqrt(half * half + bottom * bottom))
    return max(MIN_DISC, far + LEAF_SPACING)


def _pack(radii: list[int]) -> tuple[list[tuple[int, int]], int, int]:
    """Shelf-pack discs in order into rows of a roughly square block; centres, width, height."""
    if not radii:
        return [], 0, 0
    area = sum((2 * r + DISC_GAP) ** 2 for r in radii)
    width = max(math.ceil(math.sqrt(area) * 1.25), max(2 * r + DISC_GAP for r in radii))
    rows: list[list[int]] = [[]]
    used = 0
    for i, r in enumerate(radii):
        d = 2 * r + DISC_GAP
        if rows[-1] and used + d > width:
            rows.append([])
            used = 0
        rows[-1].append(i)
        used += d
    centres: list[tuple[int, int]] = [(0, 0)] * len(radii)
    y = 0
    for row in rows:
        row_width = sum(2 * radii[i] + DISC_GAP for i in row)
        height = max(2 * radii[i] + DISC_GAP for i in row)
        x = (width - row_width) // 2  # centre each row
        for i in row:
            d = 2 * radii[i] + DISC_GAP
            centres[i] = (x + d // 2, y + height // 2)
            x += d
        y += height
    return centres, width, y


def _rows(items: list[Hashable], width: int, top: int, direction: int) -> dict[Hashable, tuple]:
    """Items in rows of at most ``width`` starting at ``top``; ``direction`` -1 stacks upwards."""
    per_row = max(1, width // ROW_PITCH)
    out = {}
    for i, item in enumerate(items):
        row, col = divmod(i, per_row)
        in_row = min(per_row, len(items) - row * per_row)
        x0 = (width - (in_row - 1) * ROW_PITCH) // 2
        out[item] = (x0 + col * ROW_PITCH, top + direction * row * ROW_HEIGHT)
    return out


def layout(graph: nx.Graph) -> dict[Hashable, tuple[int, int]]:
    """Integer ``(x, y)`` for every node of ``graph`` (y grows downwards, as on screen).

    Node attributes read: ``kind`` (theme, finding, action, assessment, document, actor),
    ``anchor`` (for findings and actions: the theme node they sit around, or None),
    ``order`` (a sort key within a row or a disc) and, for themes, ``clear``: the box of
    their label below them (half-width, top, bottom) that no finding may cover. Themes keep
    the graph's node order.
    """
    data: dict[Hashable, dict[str, Any]] = dict(graph.nodes(data=True))
    hubs = [n for n, d in data.items() if d.get("kind") == "theme"]
    hub_set = set(hubs)
    members: dict[Hashable, list[Hashable]] = defaultdict(list)
    for n, d in data.items():
        if d.get("kind") in LEAF_KINDS:
            anchor = d.get("anchor")
            members[anchor if anchor in hub_set else UNTHEMED].append(n)
    discs = list(hubs)
    if members.get(UNTHEMED):
        discs.append(UNTHEMED)
    for key in discs:
        members[key].sort(key=lambda n: data[n].get("order", ()))
    clears = [data[key].get("clear") if key != UNTHEMED else None for key in discs]
    offsets = [_spiral(len(members[k]), c) for k, c in zip(discs, clears, strict=True)]
    radii = [_disc_radius(o, c) for o, c in zip(offsets, clears, strict=True)]
    centres, width, height = _pack(radii)

    pos: dict[Hashable, tuple[int, int]] = {}
    for key, (cx, cy), around in zip(discs, centres, offsets, strict=True):
        if key != UNTHEMED:
            pos[key] = (cx, cy)
        pos.update(
            (n, (cx + dx, cy + dy)) for n, (dx, dy) in zip(members[key], around, strict=True)
        )

    width = max(width, ROW_PITCH)
    top = -ROW_GAP
    for kind in reversed(TOP_ROWS):  # nearest the discs first, stacked upwards
        items = sorted(
            (n for n, d in data.items() if d.get("kind") == kind),
            key=lambda n: data[n].get("order", ()),
        )
        placed = _rows(items, width, top, -1)
        pos.update(placed)
        top -= ROW_HEIGHT * max(1, math.ceil(len(items) / max(1, width // ROW_PITCH))) + 40
    bottom = height + ROW_GAP
    rest = [n for n in data if n not in pos and data[n].get("kind") not in BOTTOM_ROWS]
    for kind in (*BOTTOM_ROWS, None):  # None: any other kind, so every node gets a position
        if kind is None:
            items = sorted(rest, key=lambda n: data[n].get("order", ()))
        else:
            items = sorted(
                (n for n, d in data.items() if d.get("kind") == kind),
                key=lambda n: data[n].get("order", ()),
            )
        pos.update(_rows(items, width, bottom, 1))
        bottom += ROW_HEIGHT * max(1, math.ceil(len(items) / max(1, width // ROW_PITCH))) + 40
    if not pos:
        return {}
    # centre the drawing on the origin, where vis-network starts
    cx = width // 2
    cy = (min(y for _, y in pos.values()) + max(y for _, y in pos.values())) // 2
    return {n: (x - cx, y - cy) for n, (x, y) in pos.items()}
