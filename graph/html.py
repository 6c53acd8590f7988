"""The offline HTML page for scrutiny members: one self-contained file, graph.html.

The page has two views: a theme × year table of what inspections and reviews found (the
landing view) and a network of themes, findings, assessments, documents, actors and actions.
The network is modelled with pyvis (``Network.add_node``/``add_edge``), laid out once here
(:mod:`cskg.graph.layout`) and drawn by the vis-network bundle that pyvis ships, inlined.

Safety: every piece of document text travels as JSON inside
``<script type="application/json" id="data">`` with ``<``, ``>``, ``&``, U+2028 and U+2029
escaped, and the page script builds the DOM with ``textContent``. A Content-Security-Policy
allows only the page's own two scripts (by hash) and no request of any kind.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any

from cskg.errors import CskgError
from cskg.graph import iri
from cskg.graph.build import QuadBuilder, action_iri, finding_iri
from cskg.graph.derive import Recurrence, state_at
from cskg.loaders.records import Excerpt, Extraction
from cskg.ontology.themes import JUDGEMENT_AREAS, ThemeScheme

__all__ = ["embed_json", "network_model", "page_data", "render_page", "vis_bundle_path"]

VIS_VERSION = "9.1.2"
TEMPLATE_PACKAGE = "cskg.graph"
_MARKER = re.compile(r"\{\{ ([a-z_]+) \}\}")
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}

# The order rows appear in the theme × year table: what keeps coming back first.
STATE_ORDER = {"persisting": 0, "new": 1, "improved": 2, "resolved": 3, "": 4}
POLARITY_CODE = {"Weakness": "W", "Strength": "S", "Neutral": "N"}
POLARITY_ORDER = {"W": 0, "N": 1, "S": 2}

FONT = "Segoe UI, Helvetica Neue, Arial, sans-serif"
# Okabe–Ito colours (safe for the common colour-vision deficiencies); every colour on the page
# also comes with a shape or a word, never alone.
GROUPS: dict[str, dict[str, Any]] = {
    "theme": {"shape": "hexagon", "color": ("#CC79A7", "#7E3F66"), "font": 46, "size": 16},
    "finding-W": {"shape": "dot", "color": ("#D55E00", "#7A3600"), "font": 9, "size": 7},
    "finding-S": {"shape": "dot", "color": ("#0072B2", "#00466D"), "font": 9, "size": 7},
    "finding-N": {"shape": "dot", "color": ("#B8B8B8", "#6B6B6B"), "font": 9, "size": 7},
    "assessment": {"shape": "diamond", "color": ("#E69F00", "#8A5F00"), "font": 15, "size": 15},
    "document": {"shape": "square", "color": ("#009E73", "#005C43"), "font": 14, "size": 11},
    "actor": {"shape": "triangle", "color": ("#56B4E9", "#1F6E99"), "font": 14, "size": 11},
    "action": {"shape": "star", "color": ("#F0E442", "#857C00"), "font": 9, "size": 10},
    "note": {"shape": "text", "color": ("#FFFFFF", "#FFFFFF"), "font": 46, "size": 10},
}
THEME_LABEL_WIDTH = 380  # theme labels wrap at this width (graph units)
NOTE_ID = "n0"  # a label at the centre of the findings and actions that no theme matched
DIM = {"background": "#EEF0F2", "border": "#D5D9DE"}
BIG_NETWORK = 3000  # nodes above which edges hide while dragging and zooming, for speed
# vis-network spends about a millisecond per node it draws. Above "open" nodes the network view
# opens without findings and actions and asks before drawing that many; above "dim" shown
# nodes a selection is highlighted without greying out the rest.
LIMITS = {"open": 15000, "dim": 5000}


# ---------------------------------------------------------------------------------- data


def _excerpt(e: Excerpt, doc_index: dict[str, int], sections: dict[str, int]) -> dict[str, Any]:
    """A quote, its document (by index) and section (by index into the page's section list:
    a few headings are shared by thousands of quotes)."""
    out: dict[str, Any] = {"quote": e.quote, "doc": doc_index.get(e.doc_id, -1)}
    if e.section:
        out["section"] = sections.setdefault(e.section, len(sections))
    if e.page is not None:
        out["page"] = e.page
    return out


def _iri_tail(value: str, kind: str) -> str:
    prefix = f"{iri.ID}{kind}/"
    if not value.startswith(prefix):
        raise CskgError(f"unexpected {kind} IRI {value}: expected it under {prefix}")
    return value[len(prefix) :]


def _statement(item: dict[str, Any]) -> str:
    """The text of a finding or action in page data (its first quote unless given apart)."""
    return item["text"] if "text" in item else item["ex"][0]["quote"]


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:.") + "…"


def _domain_key(domain: str) -> tuple[int, str]:
    if domain == "Overall effectiveness":
        return (0, "")
    if domain in JUDGEMENT_AREAS:
        return (1 + JUDGEMENT_AREAS.index(domain), "")
    return (len(JUDGEMENT_AREAS) + 1, domain.lower())


def page_data(
    x: Extraction,
    recurrences: list[Recurrence],
    scheme: ThemeScheme,
    tags: Mapping[str, Sequence[str]] | None = None,
    limits: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    """Everything the page shows, as JSON-ready data (lists in a deterministic order).

    :param tags: theme ids by finding and action IRI, as the graph build tagged them
        (``QuadBuilder.tags``); when absent the statements are tagged again, the same way.
    """
    builder = QuadBuilder(x, scheme)
    docs = sorted(x.documents, key=lambda d: (d.date, d.title, d.id))
    doc_index = {d.id: i for i, d in enumerate(docs)}
    sections: dict[str, int] = {}  # section headings, numbered as first met
    actors = sorted(x.agents, key=lambda a: (a.label.lower(), a.key))
    actor_index = {a.key: i for i, a in enumerate(actors)}
    assessments = sorted(x.assessments, key=lambda a: (a.year, a.start_date or "", a.label, a.key))
    assessment_index = {a.key: i for i, a in enumerate(assessments)}
    order = {t.id: i for i, t in enumerate(scheme.themes)}

    depth = {t.id: len(scheme.ancestors(t.id)) for t in scheme.themes}

    # themes of each finding and action, as the graph has them, and the most specific of
    # them: the theme a statement is drawn around in the network
    def themes_of(key: str, tagger: Callable[[], Iterable[str]]) -> tuple[list[str], str | None]:
        if tags is not None:
            ids = sorted(t for t in tags.get(key, ()) if t in order)
        else:
            ids = list(tagger())
        anchor = max(ids, key=lambda t: (depth[t], -order[t])) if ids else None
        return ids, anchor

    finding_tags = [
        themes_of(finding_iri(f), lambda f=f: builder.finding_theme_ids(f)) for f in x.findings
    ]
    action_tags = [
        themes_of(action_iri(a), lambda a=a: builder.action_theme_ids(a)) for a in x.actions
    ]

    def reach(ids: Iterable[str]) -> set[str]:
        out = set(ids)
        for t in ids:
            out.update(a.id for a in scheme.ancestors(t))
        return out

    used = set()
    for ids, _ in (*finding_tags, *action_tags):
        used |= reach(ids)
    themes = [t for t in scheme.themes if t.id in used]
    theme_index = {t.id: i for i, t in enumerate(themes)}
    by_theme = {r.theme: r for r in recurrences}

    # a statement's text is left out where it is its quote, and its IRI is sent as the part
    # after meta.iri[kind]: together a third of the page for a large corpus
    findings = []
    for f, (ids, first) in zip(x.findings, finding_tags, strict=True):
        item: dict[str, Any] = {
            "pol": POLARITY_CODE.get(f.polarity, "N"),
            "year": f.year,
            "a": assessment_index.get(f.assessment, -1),
            "themes": [theme_index[t] for t in ids],
            "ex": [_excerpt(e, doc_index, sections) for e in f.excerpts],
            "who": sorted(actor_index[k] for k in set(f.involves) if k in actor_index),
            "id": _iri_tail(finding_iri(f), "finding"),
        }
        if not f.excerpts or f.text != f.excerpts[0].quote:
            item["text"] = f.text
        if first is not None:
            item["anchor"] = theme_index[first]
        findings.append(item)

    actions = []
    for a, (ids, first) in zip(x.actions, action_tags, strict=True):
        item = {
            "year": a.year,
            "who": actor_index.get(a.responsible, -1),
            "themes": [theme_index[t] for t in ids],
            "ex": [_excerpt(a.excerpt, doc_index, sections)],
            "id": _iri_tail(action_iri(a), "action"),
        }
        if a.text != a.excerpt.quote:
            item["text"] = a.text
        if a.due:
            item["due"] = a.due
        also = [actor_index[k] for k in a.jointly if k in actor_index]
        if also:
            item["also"] = also  # named with "who" as the subject
        if first is not None:
            item["anchor"] = theme_index[first]
        actions.append(item)

    # the theme × year grids (all councils, then each council when there are several): a
    # broader theme counts its narrower themes' findings, as the derived recurrence facts do
    reach_of = [sorted(reach(ids)) for ids, _ in finding_tags]
    assessment_order = {i: (a.year, a.start_date or "") for i, a in enumerate(assessments)}
    councils = sorted({a.local_authority for a in assessments if a.local_authority}) or sorted(
        {d.council for d in docs if d.council}
    )
    council_index = {c: i for i, c in enumerate(councils)}
    grid_args = (findings, reach_of, theme_index, order, assessment_order)
    everything = list(range(len(findings)))
    all_years = sorted({a.year for a in assessments} | {f.year for f in x.findings})
    grids = [_grid(everything, all_years, *grid_args, recurrences=by_theme)]
    if len(councils) > 1:
        by_council: dict[int, list[int]] = defaultdict(list)
        for i, f in enumerate(findings):
            if f["a"] >= 0 and assessments[f["a"]].local_authority in council_index:
                by_council[council_index[assessments[f["a"]].local_authority]].append(i)
        for c, name in enumerate(councils):
            years = sorted(
                {a.year for a in assessments if a.local_authority == name}
                | {findings[i]["year"] for i in by_council[c]}
            )
            grids.append({"council": c, **_grid(by_council[c], years, *grid_args)})

    theme_items = []
    for t in themes:
        r = by_theme.get(t.id)
        item = {
            "id": t.id,
            "label": t.pref_label,
            "path": [a.pref_label for a in reversed(scheme.ancestors(t.id))],
            "broader": theme_index.get(t.broader, -1) if t.broader else -1,
            "definition": t.definition,
            "state": r.state if r else "",
            "weak": list(r.weak_years) if r else [],
            "strong": list(r.strong_years) if r else [],
        }
        theme_items.append(item)

    roles = [
        {
            "person": actor_index.get(r.agent, -1),
            "role": r.role,
            "org": actor_index.get(r.organisation, -1),
            "year": r.year,
            "ex": _excerpt(r.excerpt, doc_index, sections),
        }
        for r in sorted(x.roles, key=lambda r: (r.year, r.agent, r.role, r.organisation))
    ]

    data: dict[str, Any] = {
        "meta": {
            "councils": councils,
            "years": all_years,
            "latestYear": all_years[-1] if all_years else None,
            "iri": {kind: f"{iri.ID}{kind}/" for kind in ("finding", "action")},
            "limits": {**LIMITS, **(limits or {})},
            "counts": {
                "documents": len(docs),
                "assessments": len(assessments),
                "findings": len(findings),
                "themes": len(themes),
                "actors": len(actors),
                "actions": len(actions),
            },
        },
        "judgements": _judgements(
            x, assessments, assessment_index, doc_index, council_index, sections
        ),
        "docs": [
            {
                "title": d.title,
                "date": d.date,
                "type": d.doc_type,
                "publisher": d.publisher,
                "path": d.path,
                "council": council_index.get(d.council, -1),
            }
            for d in docs
        ],
        "assessments": [
            {
                "label": a.label,
                "kind": a.kind,
                "year": a.year,
                "by": actor_index.get(a.conducted_by, -1),
                "byName": a.conducted_by,
                "start": a.start_date or "",
                "end": a.end_date or "",
                "docs": [doc_index[d] for d in a.reported_in if d in doc_index],
                "council": council_index.get(a.local_authority, -1),
            }
            for a in assessments
        ],
        "themes": theme_items,
        "grids": grids,
        "findings": findings,
        "actions": actions,
        "actors": [{"label": a.label, "kind": a.kind} for a in actors],
        "roles": roles,
        "sections": list(sections),
    }
    data["network"] = _network_json(data)
    return data


def _grid(
    members: list[int],
    years: list[int],
    findings: list[dict[str, Any]],
    reach_of: list[list[str]],
    theme_index: dict[str, int],
    order: dict[str, int],
    assessment_order: dict[int, tuple],
    recurrences: Mapping[str, Recurrence] | None = None,
) -> dict[str, Any]:
    """One theme × year table over the findings ``members``: rows in the order of what keeps
    coming back, each with its recurrence state (from ``recurrences`` when given, else derived
    here by the same rule) and, per year, its findings, weaknesses first."""
    cells: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    weak: dict[str, set[int]] = defaultdict(set)
    strong: dict[str, set[int]] = defaultdict(set)
    for i in members:
        f = findings[i]
        for t in reach_of[i]:
            cells[t][f["year"]].append(i)
            if f["pol"] == "W":
                weak[t].add(f["year"])
            elif f["pol"] == "S":
                strong[t].add(f["year"])
    latest = max((findings[i]["year"] for i in members), default=None)
    rows = []
    for t in theme_index:
        if recurrences is not None:
            r = recurrences.get(t)
            if r is None:
                continue
            state, w, s = r.state, list(r.weak_years), list(r.strong_years)
        elif weak[t] or strong[t]:
            state = state_at(weak[t], strong[t], latest or 0)
            w, s = sorted(weak[t]), sorted(strong[t])
        else:
            continue
        weak_count = sum(1 for ids in cells[t].values() for i in ids if findings[i]["pol"] == "W")
        rows.append(((STATE_ORDER.get(state, 9), -len(w), -weak_count, order[t]), t, state, w, s))
    rows.sort()

    def finding_sort(i: int) -> tuple:
        f = findings[i]
        return (POLARITY_ORDER[f["pol"]], assessment_order.get(f["a"], (0, "")), i)

    return {
        "years": years,
        "latestYear": latest,
        "rows": [
            {
                "theme": theme_index[t],
                "state": state,
                "weak": w,
                "strong": s,
                "cells": {
                    str(y): sorted(cells[t][y], key=finding_sort) for y in years if cells[t].get(y)
                },
            }
            for _, t, state, w, s in rows
        ],
    }


def _judgements(
    x: Extraction,
    assessments: list,
    assessment_index: dict[str, int],
    doc_index: dict[str, int],
    council_index: dict[str, int],
    sections: dict[str, int],
) -> list[dict[str, Any]]:
    """Judgement sets by assessment, latest first (the page shows the first two)."""
    by_assessment: dict[str, list] = defaultdict(list)
    for j in x.judgements:
        by_assessment[j.assessment].append(j)
    known = {a.key: a for a in assessments}

    def when(key: str) -> tuple:
        a = known.get(key)
        return (a.year, a.start_date or "", a.label) if a else (0, "", key)

    out = []
    for key in sorted(by_assessment, key=when, reverse=True):
        a = known.get(key)
        seen: dict[str, Any] = {}
        for j in sorted(by_assessment[key], key=lambda j: (_domain_key(j.domain), j.grade)):
            seen.setdefault(j.domain, j)  # one grade per area: the first a report gives
        out.append(
            {
                "a": assessment_index.get(key, -1),
                "council": council_index.get(a.local_authority, -1) if a else -1,
                "label": a.label if a else key,
                "year": a.year if a else None,
                "rows": [
                    {
                        "domain": j.domain,
                        "grade": j.grade,
                        "ex": _excerpt(j.excerpt, doc_index, sections),
                    }
                    for j in seen.values()
                ],
            }
        )
    return out


# ------------------------------------------------------------------------------- network


class _IdList(list):
    """A list of node ids with O(1) membership: pyvis checks each new node and edge with
    ``in`` on a plain list, which is quadratic for tens of thousands of nodes."""

    def __init__(self) -> None:
        super().__init__()
        self._set: set[Hashable] = set()

    def append(self, item: Hashable) -> None:  # noqa: D102 - list API
        super().append(item)
        self._set.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._set


def _network_items(data: dict[str, Any]) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """Nodes (id, kind, group, label, title, anchor, order) and edges of the network view."""
    nodes: list[dict[str, Any]] = []
    edges: list[tuple[str, str]] = []
    themes, findings = data["themes"], data["findings"]
    tcount = [0] * len(themes)
    for f in findings:
        for t in f["themes"]:
            tcount[t] += 1
    for i, d in enumerate(data["docs"]):
        nodes.append(
            {
                "id": f"d{i}",
                "kind": "document",
                "group": "document",
                "label": _short(d["title"], 60),
                "order": (d["date"], i),
            }
        )
    for i, a in enumerate(data["assessments"]):
        nodes.append(
            {
                "id": f"a{i}",
                "kind": "assessment",
                "group": "assessment",
                "label": _short(a["label"], 70),
                "order": (a["year"], a["start"], i),
            }
        )
        edges.extend((f"a{i}", f"d{d}") for d in a["docs"])
        if a["by"] >= 0:
            edges.append((f"a{i}", f"p{a['by']}"))
    for i, t in enumerate(themes):
        size = GROUPS["theme"]["size"] + min(22, round(2.2 * math.sqrt(tcount[i])))
        nodes.append(
            {
                "id": f"t{i}",
                "kind": "theme",
                "group": "theme",
                "label": t["label"],
                "size": size,
            }
        )
        if t["broader"] >= 0:
            edges.append((f"t{i}", f"t{t['broader']}"))
    if any("anchor" not in item for item in (*findings, *data["actions"])):
        # kind "theme" for the layout: the note sits at the centre of its own disc
        nodes.append(
            {
                "id": NOTE_ID,
                "kind": "theme",
                "group": "note",
                "label": "Findings and actions\nthat no theme matched",
            }
        )
    for i, f in enumerate(findings):
        nodes.append(
            {
                "id": f"f{i}",
                "kind": "finding",
                "group": f"finding-{f['pol']}",
                "label": _short(_statement(f), 40),
                "anchor": f"t{f['anchor']}" if "anchor" in f else NOTE_ID,
                "order": (0, POLARITY_ORDER[f["pol"]], f["year"], i),
            }
        )
        edges.extend((f"f{i}", f"t{t}") for t in f["themes"])
        if f["a"] >= 0:
            edges.append((f"f{i}", f"a{f['a']}"))
        edges.extend((f"f{i}", f"p{p}") for p in f["who"])
    for i, act in enumerate(data["actions"]):
        nodes.append(
            {
                "id": f"x{i}",
                "kind": "action",
                "group": "action",
                "label": _short(_statement(act), 40),
                "anchor": f"t{act['anchor']}" if "anchor" in act else NOTE_ID,
                "order": (1, 0, act["year"], i),
            }
        )
        edges.extend((f"x{i}", f"t{t}") for t in act["themes"])
        if act["who"] >= 0:
            edges.append((f"x{i}", f"p{act['who']}"))
        edges.extend((f"x{i}", f"p{p}") for p in act.get("also", ()))
        for e in act["ex"]:
            if e["doc"] >= 0:
                edges.append((f"x{i}", f"d{e['doc']}"))
    for i, a in enumerate(data["actors"]):
        nodes.append(
            {
                "id": f"p{i}",
                "kind": "actor",
                "group": "actor",
                "label": _short(a["label"], 50),
                "order": (a["kind"] != "Person", a["label"], i),
            }
        )
    for r in data["roles"]:
        if r["person"] >= 0 and r["org"] >= 0 and r["person"] != r["org"]:
            edges.append((f"p{r['person']}", f"p{r['org']}"))
    return nodes, list(dict.fromkeys(edges))


def _label_box(label: str, group: str, size: int) -> tuple[int, int, int]:
    """Half-width, top and bottom of a hub's label as vis-network draws it: below a theme's
    hexagon, on the note's centre (greedy word wrap; glyphs about 0.55 em wide)."""
    font = GROUPS[group]["font"]
    per_line = max(1, int(THEME_LABEL_WIDTH / (0.55 * font)))
    lines, used, longest = 0, 0, 0
    for text_line in label.split("\n"):
        lines += 1
        used = 0
        for word in text_line.split():
            if used and used + 1 + len(word) > per_line:
                lines, used = lines + 1, len(word)
            else:
                used += len(word) + (1 if used else 0)
            longest = max(longest, used)
    width = round(0.55 * font * longest)
    height = round(lines * font * 1.15)
    if group == "note":  # drawn on its centre, a little larger than the estimate
        return round(width * 0.6), -round(height * 0.6), round(height * 0.6)
    return min(width, THEME_LABEL_WIDTH) // 2, size // 2, size + height


def _options(n_nodes: int) -> dict[str, Any]:
    big = n_nodes > BIG_NETWORK
    groups: dict[str, Any] = {}
    for name, g in GROUPS.items():
        background, border = g["color"]
        groups[name] = {
            "shape": g["shape"],
            "color": {
                "background": background,
                "border": border,
                "highlight": {"background": background, "border": "#111111"},
                "hover": {"background": background, "border": "#111111"},
            },
            "font": {"size": g["font"]},
            "size": g["size"],
        }
    groups["theme"]["font"].update({"strokeWidth": 4, "color": "#111111"})
    groups["note"]["font"].update({"color": "#4B5563", "strokeWidth": 0})
    for name in ("assessment", "document", "actor"):
        groups[name]["widthConstraint"] = {"maximum": 190}
    groups["theme"]["widthConstraint"] = {"maximum": THEME_LABEL_WIDTH}
    # a greyed-out twin of each group, for what lies outside a selection's neighbourhood:
    # the same shape and size, no label
    dim_color = {"background": DIM["background"], "border": DIM["border"]}
    for name in list(groups):
        groups[f"dim-{name}"] = {
            **groups[name],
            "color": {**dim_color, "highlight": dim_color, "hover": dim_color},
            "font": {
                "size": groups[name]["font"]["size"],
                "color": "rgba(0,0,0,0)",
                "strokeWidth": 0,
            },
        }
    return {
        "autoResize": True,
        "groups": groups,
        "nodes": {
            "borderWidth": 1,
            "borderWidthSelected": 3,
            "font": {"face": FONT, "color": "#1B1F24", "strokeWidth": 3, "strokeColor": "#FFFFFF"},
            "scaling": {"label": {"drawThreshold": 8}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.3}},
            "color": {
                "color": "rgba(110,120,130,0.16)",
                "highlight": "#1B1F24",
                "hover": "#4B5563",
                "inherit": False,
            },
            "smooth": False,
            "width": 0.8,
            "selectionWidth": 1.6,
            "hoverWidth": 0.4,
        },
        "physics": {
            "enabled": False,
            "solver": "forceAtlas2Based",
            "stabilization": {"enabled": False},
        },
        "layout": {"improvedLayout": False},
        "interaction": {
            "hover": not big,
            "tooltipDelay": 150,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "zoomSpeed": 0.7,
        },
    }


def network_model(  # noqa: ANN201 - pyvis is imported lazily
    data: dict[str, Any],
    items: tuple[list[dict[str, Any]], list[tuple[str, str]]] | None = None,
    edges: bool = True,
):
    """The pyvis Network of the page data, laid out (positions fixed, physics off).

    :param items: the network's nodes and edges (:func:`_network_items`) if already made.
    :param edges: False leaves the edges out (the page adds them as plain pairs).
    """
    import networkx as nx
    from pyvis.network import Network

    from cskg.graph.layout import layout

    nodes, pairs = items or _network_items(data)
    g = nx.Graph()
    for n in nodes:
        g.add_node(
            n["id"],
            kind=n["kind"],
            anchor=n.get("anchor"),
            order=n.get("order", ()),
            clear=_label_box(n["label"], n["group"], n.get("size", GROUPS[n["group"]]["size"]))
            if n["group"] in ("theme", "note")
            else None,
        )
    pos = layout(g)  # positions come from the nodes and their attributes alone: no edges

    # directed: pyvis looks for an existing reverse edge on every add_edge of an undirected
    # network (quadratic); our edges are unique, and their direction is meaningful
    net = Network(directed=True)
    net.node_ids = _IdList()
    for n in nodes:
        x, y = pos[n["id"]]
        extra: dict[str, Any] = {"group": n["group"], "x": x, "y": y}
        if "size" in n:  # themes, by their number of findings; the rest by their group
            extra["size"] = n["size"]
        net.add_node(n["id"], label=n["label"], shape=GROUPS[n["group"]]["shape"], **extra)
    for a, b in pairs if edges else ():
        net.add_edge(a, b)
    net.options = _options(len(nodes))
    return net


def _network_json(data: dict[str, Any]) -> dict[str, Any]:
    items = _network_items(data)
    # the edges are unique pairs of the nodes: pyvis would check each against every node and
    # wrap it in an Edge, then we would take the wrapping off (200k edges at 500 documents)
    net = network_model(data, items, edges=False)
    nodes, _edges, _heading, _height, _width, options = net.get_network_data()
    # pyvis repeats on every node its shape and on every edge its arrow; the groups and the
    # edge options say the same once (a tenth of the page for a large corpus)
    return {
        "nodes": [{k: v for k, v in n.items() if k != "shape"} for n in nodes],
        "edges": [{"from": a, "to": b} for a, b in items[1]],
        "options": json.loads(options),
    }


# ---------------------------------------------------------------------------------- page


def embed_json(data: Any) -> str:
    """JSON safe to place inside ``<script type="application/json">``: no ``<``, ``>``, ``&``,
    U+2028 or U+2029 left unescaped, so no text can close the element or start markup."""
    import orjson  # the same text as json.dumps(ensure_ascii=False, compact), five times faster

    try:
        text = orjson.dumps(data).decode("utf-8")
    except TypeError:  # an integer beyond 64 bits, a lone surrogate: the standard library's
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escaped in _JSON_ESCAPES.items():  # five passes in C: faster than one in Python
        if char in text:
            text = text.replace(char, escaped)
    return text


def _template(name: str) -> str:
    try:
        return (resources.files(TEMPLATE_PACKAGE) / "templates" / name).read_text(encoding="utf-8")
    except OSError as err:
        raise CskgError(
            f"graph/templates/{name}: cannot read the page template ({err}); reinstall cskg"
        ) from err


def vis_bundle_path() -> Path:
    """The vis-network bundle that the installed pyvis ships."""
    import pyvis

    return (
        Path(pyvis.__file__).parent
        / "templates"
        / "lib"
        / f"vis-{VIS_VERSION}"
        / ("vis-network.min.js")
    )


def _vis_bundle() -> str:
    path = vis_bundle_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise CskgError(
            f"{path}: cannot read the vis-network bundle pyvis ships ({err.strerror}); "
            "reinstall pyvis (pip install 'pyvis>=0.3.2,<0.4')"
        ) from err
    return text


def _inline_script(text: str, name: str) -> str:
    lowered = text.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise CskgError(f"{name}: contains '</script' or '<!--' and cannot be inlined in a page")
    return text


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _fill(template: str, parts: dict[str, str]) -> str:
    """Replace ``{{ name }}`` markers in one pass (inserted text is never scanned again)."""

    def sub(m: re.Match[str]) -> str:
        try:
            return parts[m.group(1)]
        except KeyError:
            raise CskgError(f"graph/templates/page.html: unknown marker {m.group()}") from None

    return _MARKER.sub(sub, template)


def render_page(
    x: Extraction,
    recurrences: list[Recurrence],
    scheme: ThemeScheme,
    tags: Mapping[str, Sequence[str]] | None = None,
    limits: Mapping[str, int] | None = None,
) -> str:
    """The whole page, self-contained: data, vis-network, styles and script inlined.

    :param tags: theme ids by finding and action IRI from the graph build (``QuadBuilder.tags``),
        which saves tagging every statement a second time.
    :param limits: overrides of :data:`LIMITS` (tests use small ones).
    """
    data = page_data(x, recurrences, scheme, tags, limits)
    css = _template("page.css")
    js = _inline_script(_template("page.js"), "graph/templates/page.js")
    vis = _inline_script(_vis_bundle(), str(vis_bundle_path()))
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_csp_hash(vis)} {_csp_hash(js)}",
            f"style-src {_csp_hash(css)}",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    councils = data["meta"]["councils"]
    place = " and ".join(councils) if len(councils) <= 3 else "several councils"
    title = (
        f"Children's services in {place}: what keeps coming back"
        if councils
        else ("Children's services: what keeps coming back")
    )
    return _fill(
        _template("page.html"),
        {
            "csp": escape(csp),
            "title": escape(title),
            "css": css,
            "data": embed_json(data),
            "vis": vis,
            "js": js,
        },
    )
