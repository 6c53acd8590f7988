"""`cskg build`, `cskg manifest`, `cskg validate` and the error boundary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from cskg.cli.app import app

runner = CliRunner()


def test_build_prints_a_summary(corpus_dir: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["build", "--corpus", str(corpus_dir), "--out", str(tmp_path / "b")]
    )
    assert result.exit_code == 0, result.output
    assert "5 documents" in result.output
    assert "findings" in result.output and "triples" in result.output
    assert (tmp_path / "b" / "graph.trig").is_file()


def test_build_again_is_up_to_date_unless_forced(corpus_dir: Path, tmp_path: Path) -> None:
    args = ["build", "--corpus", str(corpus_dir), "--out", str(tmp_path / "b")]
    assert runner.invoke(app, args).stdout.startswith(f"Built {tmp_path / 'b'}/graph.trig in ")
    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.output
    assert again.stdout.startswith(
        f"Up to date: {tmp_path / 'b'}/graph.trig (same corpus files, same cskg; --force "
        "rebuilds): 5 documents, "
    )
    forced = runner.invoke(app, [*args, "--force"])
    assert forced.exit_code == 0 and forced.stdout.startswith("Built "), forced.output


def test_missing_corpus_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["build", "--corpus", str(tmp_path / "nope"), "--out", str(tmp_path / "b")]
    )
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'nope'}: no such corpus folder\n"


def test_validate_conforms(built: Path) -> None:
    result = runner.invoke(app, ["validate", "--out", str(built)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_manifest_prints_yaml(corpus_dir: Path) -> None:
    import yaml

    result = runner.invoke(app, ["manifest", str(corpus_dir)])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(result.output)
    assert len(data["documents"]) == 5
    assert {d["type"] for d in data["documents"]} >= {"inspection report", "cabinet report"}


def _commands() -> list[Any]:
    return list(get_command(app).commands.values())


@pytest.mark.parametrize("command", _commands(), ids=lambda c: c.name)
def test_commands_have_help(command: Any) -> None:
    assert command.help, f"{command.name} is missing its help"
