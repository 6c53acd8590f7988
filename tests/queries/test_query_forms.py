"""The pre-rewrite query forms that benchmarks/bench_queries.py times: the same queries."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from cskg.queries import load_query, run_query

ROOT = Path(__file__).resolve().parents[2]
FORMS = sorted((ROOT / "benchmarks" / "query_forms").glob("*.rq"))


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location(
        "bench_queries", ROOT / "benchmarks" / "bench_queries.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _bench()


def test_forms_are_there() -> None:
    # the eleven queries commit 3e20ffd rewrote for Oxigraph's planner
    assert len(FORMS) == 11
    assert bench.FORMS == FORMS[0].parent


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.stem)
def test_form_has_the_named_query_header(path: Path) -> None:
    form, named = load_query(path), load_query(path.stem)
    assert path.read_text(encoding="utf-8").startswith("# Benchmark data, not a named query")
    assert (form.title, form.description, form.params) == (
        named.title,
        named.description,
        named.params,
    )
    assert [label for label, _ in bench.query_forms(named)] == ["current", "pre-rewrite"]


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.stem)
def test_form_gives_the_same_rows_on_oxigraph(store: Any, path: Path) -> None:
    ours = bench._rows(run_query(load_query(path.stem), store=store))
    assert ours
    assert bench._rows(run_query(load_query(path), store=store)) == ours


@pytest.fixture(scope="module")
def dataset(built: Path) -> Any:
    from cskg.queries import load_dataset

    return load_dataset(built)


@pytest.mark.slow
@pytest.mark.parametrize(
    "path", [p for p in FORMS if p.stem != "compare_neighbours"], ids=lambda p: p.stem
)
def test_form_gives_the_same_rows_on_rdflib(store: Any, dataset: Any, path: Path) -> None:
    # (compare_neighbours takes rdflib's engine minutes in either form)
    ours = bench._rows(run_query(load_query(path.stem), store=store))
    theirs = run_query(load_query(path), engine="rdflib", dataset=dataset)
    assert bench._rows(theirs) == ours


def test_best_of_forms() -> None:
    # a stopped run (None) counts at the limit, as a lower bound; an error (< 0) is left out
    assert bench.best([2.0, 0.5], 30) == (0.5, False)
    assert bench.best([None, 0.5], 30) == (0.5, False)
    assert bench.best([None, None], 30) == (30, True)
    assert bench.best([None, -1.0], 30) == (30, True)
    assert bench.best([-1.0], 30) is None
    assert bench._median([(10.0, False), (40.0, True), (20.0, False)]) == "at least 20×"
    assert bench._median([(10.0, False), (20.0, False)]) == "15×"


def test_a_difference_is_shown_by_example() -> None:
    ours = {(("x", "Literal 1"),), (("x", "Literal 2"),)}
    theirs = {(("x", "Literal 1"),), (("x", "Literal 2"), ("y", "Literal "))}
    assert bench._difference(ours, theirs) == [
        "only in oxigraph current (1 rows), e.g. {'x': 'Literal 2'}",
        "only here (1 rows), e.g. {'x': 'Literal 2', 'y': 'Literal '}",
    ]
    assert bench._difference(ours, set(ours)) == []
