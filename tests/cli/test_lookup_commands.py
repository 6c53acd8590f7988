"""`cskg recurring`, `theme`, `actor`, `search` and `explain` on the embedded corpus.

The JSON output of the four lookups is compared with golden files in tests/cli/golden/.
When extraction or tagging changes on purpose, review the difference and regenerate them:

    CSKG_UPDATE_GOLDEN=1 .venv/bin/pytest tests/cli/test_lookup_commands.py
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cskg.cli.app import app

runner = CliRunner()
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("CSKG_UPDATE_GOLDEN") == "1"

GOLDEN_CASES = {
    "recurring": ["recurring"],
    "theme": ["theme", "early help"],
    "actor": ["actor", "Director of People"],
    "search": ["search", "early"],
}


def run(built: Path, *args: str):  # noqa: ANN201 - click Result
    return runner.invoke(app, [*args, "--out", str(built)])


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_json_matches_golden(built: Path, name: str) -> None:
    result = run(built, *GOLDEN_CASES[name], "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, list) and data and all(isinstance(x, dict) for x in data)
    path = GOLDEN / f"{name}.json"
    if UPDATE:
        path.write_text(result.stdout, encoding="utf-8")
    assert path.is_file(), f"no golden file {path}; run with CSKG_UPDATE_GOLDEN=1"
    assert result.stdout == path.read_text(encoding="utf-8"), (
        f"`cskg {' '.join(GOLDEN_CASES[name])} --format json` differs from {path.name}; "
        "if the change is intended, regenerate with CSKG_UPDATE_GOLDEN=1"
    )


def test_json_is_utf8_not_escaped(built: Path) -> None:
    result = run(built, "search", "children's", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "\\u" not in result.stdout
    assert "’" in result.stdout or "'" in result.stdout


def test_recurring_table(built: Path) -> None:
    result = run(built, "recurring", "--min-years", "3")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for text in ("Management oversight", "Workforce", "Early help", "Assessment quality"):
        assert text in out
    assert "persisting" in out and "One example per weakness year" in out


def test_recurring_lists_the_themes_officers_ask_about_with_their_years(built: Path) -> None:
    # by default the broad Workforce theme (all its narrower themes) is a row of its own
    result = run(built, "recurring", "--min-years", "3", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = {r["theme_id"]: r for r in json.loads(result.stdout)}
    expected = {  # weakness years the reports give (a subset: later reports may add years)
        "management-oversight": {2015, 2018, 2019, 2023},
        "workforce": {2015, 2018, 2019, 2023},
        "early-help": {2013, 2015, 2018, 2019},
        "assessment-quality": {2013, 2019, 2023},
    }
    for theme_id, years in expected.items():
        assert theme_id in rows, f"{theme_id} is not listed"
        assert years <= set(rows[theme_id]["weak_years"]), (theme_id, rows[theme_id])
    narrow = run(built, "recurring", "--min-years", "3", "--narrow-only", "--format", "json")
    assert "workforce" not in {r["theme_id"] for r in json.loads(narrow.stdout)}


def test_recurring_csv_has_a_row_per_example(built: Path) -> None:
    result = run(built, "recurring", "--min-years", "3", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0])[:8] == [
        "theme",
        "theme_id",
        "council",
        "weak_years",
        "count",
        "strong_years",
        "latest_state",
        "latest_year",
    ]
    early = [r for r in rows if r["theme_id"] == "early-help"]
    assert [r["year"] for r in early] == early[0]["weak_years"].split("; ")
    assert all(r["quote"] and r["document"] for r in rows)


def test_recurring_since(built: Path) -> None:
    result = run(built, "recurring", "--since", "2019", "--format", "json")
    assert result.exit_code == 0, result.output
    assert all(min(r["weak_years"]) >= 2019 for r in json.loads(result.stdout))


@pytest.mark.parametrize(
    "args",
    [
        ["theme", "early help"],
        ["actor", "Director of People"],
        ["search", "early help"],
    ],
)
def test_tables_render(built: Path, args: list[str]) -> None:
    result = run(built, *args)
    assert result.exit_code == 0, result.output
    assert "Error" not in result.output
    assert len(result.stdout.splitlines()) > 5


def test_an_action_of_several_agents_names_each(built: Path) -> None:
    # by the short name officers use, and with every agent named (labels hold commas: "·")
    result = run(built, "actor", "CQC")
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.replace("│", " ").split())
    assert "Care Quality Commission (CQC) · Ofsted" in flat or "Ofsted · Care Quality" in flat


def test_search_csv_is_plain_text(built: Path) -> None:
    result = run(built, "search", "early", "help", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all("**" not in r["text"] and "[" not in r["highlights"] for r in rows)
    first = rows[0]
    start, end = (int(x) for x in first["highlights"].split("; ")[0].split("-"))
    assert first["text"][start:end].lower() in ("early", "help")


def test_explain(built: Path) -> None:
    hit = json.loads(run(built, "search", "management oversight", "--format", "json").stdout)[0]
    result = run(built, "explain", hit["id"][:12])
    assert result.exit_code == 0, result.output
    assert "Why this year" in result.stdout and "offsets checked" in result.stdout
    data = json.loads(run(built, "explain", hit["id"], "--format", "json").stdout)
    assert [d["id"] for d in data] == [hit["id"]]
    assert data[0]["excerpts"][0]["verified"] is True


# ------------------------------------------------------------------------------ errors


def themes_line() -> str:
    from cskg.ontology.themes import load_themes

    themes = sorted(load_themes().themes, key=lambda t: (t.pref_label.casefold(), t.id))
    return ", ".join(t.pref_label for t in themes)


FORMAT_XML = "Error: --format 'xml' is not one of: table, csv, json"
NO_SEARCH = "Error: the search is empty; give one or more words, such as 'early help'"


@pytest.mark.parametrize(
    ("args", "code", "line"),
    [
        (["recurring", "--format", "xml"], 2, FORMAT_XML),
        (["search", "early", "--format", "xml"], 2, FORMAT_XML),
        (["recurring", "--min-years", "0"], 2, "Error: --min-years must be 1 or more, not 0"),
        (["recurring", "--min-years", "two"], 2, "Error: --min-years 'two' is not a whole number"),
        (["recurring", "--since", "20x9"], 2, "Error: --since '20x9' is not a whole number"),
        (
            ["recurring", "--min-years", "99"],
            1,
            "Error: no theme was raised as a weakness in 99 or more assessment years",
        ),
        (["theme", "xyzzy"], 1, None),  # the line names every theme: built below
        (
            ["actor", "nobody at all"],
            1,
            "Error: no person, organisation or post matches 'nobody at all'",
        ),
        (["search", "zebra"], 1, "Error: no finding or action contains 'zebra'"),
        (["search", "  "], 1, NO_SEARCH),
        (
            ["explain", "ffffffffffffffff"],
            1,
            "Error: no finding or action has id 'ffffffffffffffff'",
        ),
    ],
)
def test_errors_are_one_line(built: Path, args: list[str], code: int, line: str | None) -> None:
    result = run(built, *args)
    assert result.exit_code == code, result.output
    if line is None:
        line = f"Error: no theme matches 'xyzzy'; themes include: {themes_line()}"
    assert result.output == line + "\n"


def test_missing_corpus_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["recurring", "--out", str(tmp_path / "b"), "--corpus", str(tmp_path / "nope")],
    )
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'nope'}: no such corpus folder\n"


OWN_THEMES = """\
themes:
  - id: staffing
    prefLabel: Social work staffing
    match: [social worker*, caseload*]
  - id: leaders
    prefLabel: Leaders
    match: [leader*]
"""


def test_a_build_with_its_own_theme_scheme_is_looked_up_and_explained_with_it(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    fixture = Path(__file__).parents[1] / "fixtures" / "other_council" / "newham-ilacs-2019.txt"
    (corpus / fixture.name).write_bytes(fixture.read_bytes())
    themes = tmp_path / "themes.yaml"
    themes.write_text(OWN_THEMES, encoding="utf-8")
    out = tmp_path / "out"
    built = runner.invoke(
        app, ["build", "--corpus", str(corpus), "--out", str(out), "--themes", str(themes)]
    )
    assert built.exit_code == 0, built.output
    assert ", 2 themes," in built.stdout
    rows = json.loads(run(out, "recurring", "--min-years", "1", "--format", "json").stdout)
    assert {r["theme_id"] for r in rows} <= {"staffing", "leaders"}
    hits = json.loads(run(out, "search", "social workers", "--format", "json").stdout)
    (explained,) = json.loads(run(out, "explain", hits[0]["id"], "--format", "json").stdout)
    staffing = [t for t in explained["themes"] if t["theme_id"] == "staffing"]
    assert staffing and staffing[0]["term"] == "social worker*"  # the phrase of this scheme
