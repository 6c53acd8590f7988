"""graph.html without a browser: escaping, the embedded JSON, the network model, determinism."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cskg.errors import CskgError
from cskg.graph import html
from cskg.graph.build import QuadBuilder, finding_iri
from cskg.graph.derive import recurrences
from cskg.graph.html import embed_json, network_model, page_data, render_page
from cskg.loaders.records import (
    Action,
    Agent,
    Assessment,
    Document,
    Excerpt,
    Extraction,
    Finding,
    Judgement,
    RoleAssignment,
)
from cskg.ontology.themes import load_themes

HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)> \"quotes' & </script>"
TEXT = (
    "Management oversight is weak. "
    f"Caseloads are too high {HOSTILE}. "
    "Assessments are thorough and timely.\u2028Care leavers are well supported.\u2029"
)


def _ex(quote: str, section: str = "What needs to improve?") -> Excerpt:
    start = TEXT.index(quote)
    return Excerpt("doc-1", start, start + len(quote), quote, section)


def _extraction() -> Extraction:
    doc = Document(
        id="doc-1",
        path="corpus/doc-1.txt",
        title=f"Report {HOSTILE}",
        doc_type="inspection report",
        date="2023-09-01",
        publisher="Ofsted",
        council="Testshire",
        sha256="0" * 64,
        text=TEXT,
        assessment_keys=("ilacs-2019", "ilacs-2023"),
    )
    assessments = tuple(
        Assessment(
            key=f"ilacs-{y}",
            label=f"Inspection {y}",
            kind="inspection",
            year=y,
            conducted_by="ofsted",
            local_authority="Testshire",
            reported_in=("doc-1",),
        )
        for y in (2019, 2023)
    )
    weak = "Management oversight is weak."
    caseloads = f"Caseloads are too high {HOSTILE}."
    strong = "Assessments are thorough and timely."
    leavers = "Care leavers are well supported."
    findings = (
        Finding(weak, "ilacs-2019", 2019, "Weakness", (_ex(weak),), ("director",)),
        Finding(weak + " ", "ilacs-2023", 2023, "Weakness", (_ex(weak),)),
        Finding(caseloads, "ilacs-2023", 2023, "Weakness", (_ex(caseloads),)),
        Finding(strong, "ilacs-2023", 2023, "Strength", (_ex(strong),)),
        Finding(strong, "ilacs-2019", 2019, "Weakness", (_ex(strong),)),
        Finding(leavers, "ilacs-2023", 2023, "Strength", (_ex(leavers),)),
    )
    agents = (
        Agent("ofsted", "Organisation", "Ofsted"),
        Agent("director", "Person", f"Jo Bloggs {HOSTILE}\u2028\u2029"),
        Agent("council", "Organisation", "Testshire Council"),
    )
    return Extraction(
        documents=(doc,),
        assessments=assessments,
        judgements=(
            Judgement("ilacs-2023", "Overall effectiveness", "Good", _ex(strong)),
            Judgement("ilacs-2019", "Overall effectiveness", "Inadequate", _ex(weak)),
        ),
        findings=findings,
        agents=agents,
        roles=(RoleAssignment("director", "Director of People", "council", 2023, _ex(weak)),),
        actions=(Action(caseloads, "council", 2023, _ex(caseloads), due="2024"),),
        figures=(),
    )


@pytest.fixture(scope="module")
def scheme():
    return load_themes()


@pytest.fixture(scope="module")
def inputs(scheme):
    x = _extraction()
    builder = QuadBuilder(x, scheme)
    tagged = [
        (finding_iri(f), f, builder.theme_ids(f.text, f.excerpts[0].section)) for f in x.findings
    ]
    return x, recurrences(tagged, scheme)


@pytest.fixture(scope="module")
def page(inputs, scheme) -> str:
    x, recs = inputs
    return render_page(x, recs, scheme)


def _embedded(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S)
    assert m, "no data element"
    return json.loads(m.group(1))


# ---------------------------------------------------------------------------- embed_json


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("</script>", '"\\u003c/script\\u003e"'),
        ("a & b", '"a \\u0026 b"'),
        ("<!--", '"\\u003c!--"'),
        ("line\u2028para\u2029", '"line\\u2028para\\u2029"'),
        # quotes and backslashes are JSON's own escapes; non-ASCII stays as UTF-8
        ("\"quotes' \\ £ é", '"\\"quotes\' \\\\ £ é"'),
        ({"<k>": ["&"]}, '{"\\u003ck\\u003e":["\\u0026"]}'),
    ],
)
def test_embed_json_escapes(value, expected: str) -> None:
    assert embed_json(value) == expected
    assert json.loads(expected) == value


# Text as documents give it: any character but a lone surrogate, which UTF-8 cannot encode
# (texts are decoded strictly, PDFium's by pypdfium2 without them)
_text = st.text(st.characters(exclude_categories=("Cs",)))
_json = st.recursive(
    _text | st.integers(-(2**53), 2**53) | st.booleans() | st.none(),
    lambda c: st.lists(c) | st.dictionaries(_text, c),
    max_leaves=8,
)


@given(_json)
def test_embed_json_round_trips_and_never_leaves_markup(value) -> None:
    text = embed_json(value)
    assert json.loads(text) == value
    assert not re.search("[<>&\u2028\u2029]", text)


def _escaped_compact_json(value: object) -> str:
    compact = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char in "<>&\u2028\u2029":
        compact = compact.replace(char, f"\\u{ord(char):04x}")
    return compact


@given(_json)
def test_embed_json_is_the_standard_librarys_compact_json_escaped(value) -> None:
    assert embed_json(value) == _escaped_compact_json(value)


@pytest.mark.parametrize("value", [[2**64], {"n": -(2**63) - 1}, ["\ud800"]])
def test_embed_json_takes_what_orjson_refuses_as_the_standard_library_does(value) -> None:
    assert embed_json(value) == _escaped_compact_json(value)


def test_the_page_data_is_the_standard_librarys_json(inputs, scheme) -> None:
    x, recs = inputs
    data = page_data(x, recs, scheme)
    assert embed_json(data) == _escaped_compact_json(data)


# ---------------------------------------------------------------------------- the page


def test_page_is_one_file_with_no_external_reference(page: str) -> None:
    outside_scripts = re.sub(r"<script\b[^>]*>.*?</script>", "", page, flags=re.S)
    assert not re.search(r"\b(src|href)\s*=", outside_scripts.replace('href="#views"', ""))
    assert "<link" not in outside_scripts
    assert "@import" not in page and "url(http" not in page
    # (the vis bundle holds the string "<script>" mid-line; real tags start a line)
    assert re.findall(r"^<script\b[^>]*>", page, flags=re.M) == [
        '<script type="application/json" id="data">',
        "<script>",
        "<script>",
    ]
    assert page.count("</script") == 3  # hostile text never closes an element
    assert "vis-network" in page and "@version 9.1.2" in page  # the bundle pyvis ships, inlined


def test_page_forbids_every_request_and_foreign_script(page: str) -> None:
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert m
    policy = m.group(1)
    assert "default-src &#x27;none&#x27;" in policy
    assert policy.count("sha256-") == 3  # two scripts and one stylesheet, by hash
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_hostile_text_is_escaped_in_markup_and_intact_in_data(page: str) -> None:
    assert HOSTILE not in page
    data = _embedded(page)
    assert data["docs"][0]["title"] == f"Report {HOSTILE}"
    assert any(HOSTILE in f["ex"][0]["quote"] for f in data["findings"])
    assert any(HOSTILE in a["label"] for a in data["actors"])
    assert data["actors"][0]["label"] == f"Jo Bloggs {HOSTILE}\u2028\u2029"
    assert "\u2028" not in page and "\u2029" not in page  # raw, they end a line in old JS
    # the title is HTML-escaped where it appears as markup
    assert "<title>Children&#x27;s services in Testshire: what keeps coming back</title>" in page


def test_render_is_deterministic(inputs, scheme, page: str) -> None:
    x, recs = inputs
    assert render_page(x, recs, scheme) == page


def test_page_has_no_innerhtml_or_inline_handlers() -> None:
    from importlib import resources

    js = (resources.files("cskg.graph") / "templates" / "page.js").read_text(encoding="utf-8")
    assert "innerHTML" not in js.replace("never innerHTML", "")
    assert "insertAdjacentHTML" not in js and "document.write" not in js
    assert not re.search(r"setAttribute\(\s*[\"']on", js)
    template = (resources.files("cskg.graph") / "templates" / "page.html").read_text("utf-8")
    assert not re.search(r"\son[a-z]+\s*=", template)


# ---------------------------------------------------------------------------- page data


def test_grid_matches_the_derived_recurrences(inputs, scheme) -> None:
    x, recs = inputs
    data = page_data(x, recs, scheme)
    by_id = {r.theme: r for r in recs}
    grid = data["grids"][0]
    assert len(data["grids"]) == 1  # one council: no per-council tables
    assert grid["rows"], "some theme must recur"
    for row in grid["rows"]:
        theme = data["themes"][row["theme"]]
        r = by_id[theme["id"]]
        weak_years = sorted(
            int(y)
            for y, ids in row["cells"].items()
            if any(data["findings"][i]["pol"] == "W" for i in ids)
        )
        assert weak_years == list(r.weak_years), theme["id"]
        assert theme["state"] == row["state"] == r.state
        assert row["weak"] == list(r.weak_years) and row["strong"] == list(r.strong_years)
    states = [row["state"] for row in grid["rows"]]
    order = ["persisting", "new", "improved", "resolved", ""]
    assert states == sorted(states, key=order.index)  # what keeps coming back comes first


def test_management_oversight_persists(inputs, scheme) -> None:
    x, recs = inputs
    data = page_data(x, recs, scheme)
    theme = next(t for t in data["themes"] if t["id"] == "management-oversight")
    assert theme["state"] == "persisting"
    assert theme["weak"] == [2019, 2023]
    assert theme["path"] == ["Workforce"]


def test_judgements_latest_first(inputs, scheme) -> None:
    x, recs = inputs
    sets = page_data(x, recs, scheme)["judgements"]
    grades = [(s["year"], s["rows"][0]["grade"]) for s in sets]
    assert grades == [(2023, "Good"), (2019, "Inadequate")]
    assert sets[0]["rows"][0]["ex"]["quote"] == "Assessments are thorough and timely."


def test_findings_carry_quote_document_section_and_year(inputs, scheme) -> None:
    x, recs = inputs
    data = page_data(x, recs, scheme)
    f = data["findings"][0]
    assert f["year"] == 2019 and f["pol"] == "W"
    assert f["ex"] == [{"quote": "Management oversight is weak.", "doc": 0, "section": 0}]
    assert data["sections"][0] == "What needs to improve?"
    assert "text" not in f  # the same as its quote
    assert data["findings"][1]["text"] == "Management oversight is weak. "  # not its quote
    assert data["meta"]["iri"]["finding"] + f["id"] == str(finding_iri(x.findings[0]))
    assert data["actors"][f["who"][0]]["label"].startswith("Jo Bloggs")


# ---------------------------------------------------------------------------- network


def test_network_model_is_pyvis_with_labels_positions_and_physics_off(inputs, scheme) -> None:
    from pyvis.network import Network

    x, recs = inputs
    data = page_data(x, recs, scheme)
    net = network_model(data)
    assert isinstance(net, Network)
    ids = {n["id"] for n in net.nodes}
    assert len(ids) == len(net.nodes)
    for n in net.nodes:
        assert n["label"] and n["label"] != n["id"]  # labels, never ids
        assert isinstance(n["x"], int) and isinstance(n["y"], int)
        assert n["group"] in net.options["groups"]
        assert n["shape"] == net.options["groups"][n["group"]]["shape"]
    for e in net.edges:
        assert e["from"] in ids and e["to"] in ids
    assert net.options["physics"]["enabled"] is False
    groups = net.options["groups"]
    for name, group in groups.items():  # each group has a greyed-out twin of the same shape
        if not name.startswith("dim-"):
            twin = groups[f"dim-{name}"]
            assert (twin["shape"], twin["size"]) == (group["shape"], group["size"])
    kinds = {n["id"][0] for n in net.nodes}
    assert kinds == {"t", "f", "a", "d", "p", "x"}
    # the embedded copy is pyvis's model, less what the groups and edge options say once
    assert data["network"]["nodes"] == [
        {k: v for k, v in n.items() if k != "shape"} for n in net.nodes
    ]
    assert data["network"]["edges"] == [{"from": e["from"], "to": e["to"]} for e in net.edges]
    assert all(e["arrows"] == "to" for e in net.edges)
    assert data["network"]["options"]["edges"]["arrows"]["to"]["enabled"] is True


def test_missing_vis_bundle_is_a_clear_error(inputs, scheme, monkeypatch, tmp_path) -> None:
    x, recs = inputs
    missing = tmp_path / "vis-network.min.js"
    monkeypatch.setattr(html, "vis_bundle_path", lambda: missing)
    with pytest.raises(CskgError, match=r"min\.js: cannot read the vis-network bundle"):
        render_page(x, recs, scheme)


def test_a_bundle_that_would_close_its_script_is_refused(inputs, scheme, monkeypatch, tmp_path):
    x, recs = inputs
    bad = tmp_path / "vis-network.min.js"
    bad.write_text("var a = '</script>';", encoding="utf-8")
    monkeypatch.setattr(html, "vis_bundle_path", lambda: bad)
    with pytest.raises(CskgError, match=r"cannot be inlined"):
        render_page(x, recs, scheme)


def test_tags_from_the_build_give_the_same_page_data(inputs, scheme) -> None:
    x, recs = inputs
    builder = QuadBuilder(x, scheme)
    for _ in builder.document_quads():  # tagging happens as the quads are made
        pass
    assert page_data(x, recs, scheme, builder.tags) == page_data(x, recs, scheme)


def test_each_council_gets_its_own_table(inputs, scheme) -> None:
    x, _ = inputs
    other = Assessment(
        key="otherby-2023",
        label="Otherby inspection 2023",
        kind="inspection",
        year=2023,
        conducted_by="ofsted",
        local_authority="Otherby",
        reported_in=("doc-1",),
    )
    weak = "Management oversight is weak."
    x = replace(
        x,
        assessments=(*x.assessments, other),
        findings=(
            *x.findings,
            Finding(weak + "  ", "otherby-2023", 2023, "Weakness", (_ex(weak),)),
        ),
    )
    builder = QuadBuilder(x, scheme)
    tagged = [
        (finding_iri(f), f, builder.theme_ids(f.text, f.excerpts[0].section)) for f in x.findings
    ]
    data = page_data(x, recurrences(tagged, scheme), scheme)
    assert data["meta"]["councils"] == ["Otherby", "Testshire"]
    assert [g.get("council") for g in data["grids"]] == [None, 0, 1]

    def state(grid: dict, theme_id: str) -> str:
        index = next(i for i, t in enumerate(data["themes"]) if t["id"] == theme_id)
        return next(r["state"] for r in grid["rows"] if r["theme"] == index)

    all_councils, otherby, testshire = data["grids"]
    assert state(all_councils, "management-oversight") == "persisting"
    assert state(testshire, "management-oversight") == "persisting"
    assert state(otherby, "management-oversight") == "new"  # Otherby's first weakness
    assert otherby["years"] == [2023] and testshire["years"] == [2019, 2023]
    assert [s["council"] for s in data["judgements"]] == [1, 1]
