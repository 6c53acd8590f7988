"""The precomputed network layout: deterministic, complete, layered, no overlaps."""

from __future__ import annotations

import math

import networkx as nx

from cskg.graph.layout import layout


def _graph(findings: int = 40) -> nx.Graph:
    g = nx.Graph()
    for i in range(3):
        g.add_node(f"d{i}", kind="document", order=(f"2019-0{i + 1}", i))
        g.add_node(f"a{i}", kind="assessment", order=(2019, "", i))
        g.add_edge(f"a{i}", f"d{i}")
    for t in ("t0", "t1", "t2"):
        g.add_node(t, kind="theme")
    g.add_node("p0", kind="actor", order=(False, "Jo", 0))
    for i in range(findings):
        anchor = None if i % 7 == 0 else f"t{i % 3}"
        g.add_node(f"f{i}", kind="finding", anchor=anchor, order=(0, i % 3, 2019, i))
        g.add_edge(f"f{i}", f"a{i % 3}")
        if anchor:
            g.add_edge(f"f{i}", anchor)
    g.add_node("x0", kind="action", anchor="t1", order=(1, 0, 2019, 0))
    g.add_node("q0", kind="something else")
    return g


def test_every_node_gets_integer_coordinates() -> None:
    g = _graph()
    pos = layout(g)
    assert set(pos) == set(g.nodes)
    assert all(isinstance(c, int) for xy in pos.values() for c in xy)


def test_layout_is_deterministic() -> None:
    assert layout(_graph()) == layout(_graph())


def test_no_two_nodes_share_a_position() -> None:
    pos = layout(_graph(400))
    assert len(set(pos.values())) == len(pos)


def test_layers_run_documents_assessments_themes_actors_top_to_bottom() -> None:
    pos = layout(_graph())
    y = {n: xy[1] for n, xy in pos.items()}
    assert max(y[f"d{i}"] for i in range(3)) < min(y[f"a{i}"] for i in range(3))
    assert max(y[f"a{i}"] for i in range(3)) < min(y[t] for t in ("t0", "t1", "t2"))
    assert max(y[n] for n in y if n[0] in "tfx") < y["p0"] <= y["q0"]


def test_findings_sit_around_their_theme() -> None:
    g = _graph()
    pos = layout(g)
    for n, d in g.nodes(data=True):
        if d.get("kind") == "finding" and d["anchor"]:
            (x, y), (hx, hy) = pos[n], pos[d["anchor"]]
            nearest = min(math.dist(pos[n], pos[t]) for t in ("t0", "t1", "t2"))
            assert math.dist((x, y), (hx, hy)) == nearest


def test_empty_graph() -> None:
    assert layout(nx.Graph()) == {}
