"""A broken theme scheme: the build stops before any work, naming the file and the problem.

Each case runs through the library's ``build(..., themes=PATH)`` and through
`cskg build --themes PATH`.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from cskg.errors import CskgError
from cskg.graph.pipeline import build
from cskg.ontology.themes import load_themes

CYCLE = """\
themes:
  - id: workforce
    prefLabel: Workforce
    broader: caseloads
    match: [social worker*]
  - id: caseloads
    prefLabel: Caseloads
    broader: workforce
    match: [caseload*]
"""


def _fails(case, themes: Path, message: str) -> None:
    t0 = time.perf_counter()
    with pytest.raises(CskgError) as err:
        build(case.corpus, case.out, themes=themes)
    assert str(err.value) == message
    assert time.perf_counter() - t0 < 2  # before reading or extracting anything
    case.untouched()
    case.fails(case.build("--themes", themes), message)  # the same line from the CLI


def test_cycle_in_the_theme_scheme(case, tmp_path: Path) -> None:
    path = tmp_path / "themes.yaml"
    path.write_text(CYCLE, encoding="utf-8")
    message = f"{path}: theme 'workforce' is its own ancestor via workforce → caseloads → workforce"
    with pytest.raises(CskgError, match="its own ancestor"):
        load_themes(path)
    _fails(case, path, message)


def test_theme_scheme_missing(case, tmp_path: Path) -> None:
    path = tmp_path / "themes.yaml"
    _fails(case, path, f"{path}: cannot read theme scheme (No such file or directory)")


def test_theme_scheme_with_a_python_tag(case, tmp_path: Path) -> None:
    path = tmp_path / "themes.yaml"
    path.write_text("themes: !!python/object/apply:os.system ['touch pwned']\n")
    with pytest.raises(CskgError, match="malformed YAML at line 1, column 9"):
        build(case.corpus, case.out, themes=path)
    assert not Path("pwned").exists() and not (tmp_path / "pwned").exists()
    case.untouched()
