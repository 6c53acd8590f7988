"""The bad-input catalogue: every case runs the real CLI against a folder that already holds a
good build, and checks the one-line error (or warning), the exit code, that no traceback
escaped, and that the previous build is byte for byte what it was.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cskg.cli.app import app

ROOT = Path(__file__).resolve().parent.parent.parent
GOOD = ROOT / "corpus" / "000_4b6353ed468da645.txt"  # a cabinet report on an inspection, 11 kB
PDFS = ROOT / "tests" / "fixtures" / "pdf"

runner = CliRunner()


def snapshot(out: Path) -> dict[str, str]:
    """SHA-256 of every file under ``out``, by relative path."""
    return {
        str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="session")
def previous(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A good build of a one-document corpus, made once; each case works on a copy."""
    from cskg.graph.pipeline import build

    base = tmp_path_factory.mktemp("previous")
    corpus = base / "corpus"
    corpus.mkdir()
    shutil.copy(GOOD, corpus / GOOD.name)
    return build(corpus, base / "build").out


@dataclass
class Case:
    """One bad-input case: a good corpus to break, and a good build that must survive."""

    corpus: Path
    out: Path
    before: dict[str, str] = field(default_factory=dict)

    good = GOOD  # the one good document of ``corpus``
    pdfs = PDFS
    snapshot = staticmethod(snapshot)

    def manifest(self, text: str) -> Path:
        """Write ``corpus/manifest.yaml``."""
        path = self.corpus / "manifest.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    def entry(self, extra: str = "", doc_id: str = "letter") -> str:
        """A manifest document entry for the good file, with ``extra`` lines appended."""
        return f"  - id: {doc_id}\n    file: {GOOD.name}\n    type: cabinet report\n{extra}"

    def run(self, *args: object, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, [str(a) for a in args], env=env)

    def build(self, *extra: object, corpus: Path | None = None) -> Result:
        return self.run("build", "--corpus", corpus or self.corpus, "--out", self.out, *extra)

    def query(self, *args: object) -> Result:
        return self.run("query", *args, "--out", self.out)

    def fails(self, result: Result, line: str, code: int = 1) -> None:
        """The command failed with exactly ``Error: line``, and the build is untouched."""
        self.failed(result, code)
        errors = [x for x in result.stderr.splitlines() if x.startswith("Error:")]
        assert errors == [f"Error: {line}"], result.output
        self.untouched()

    def failed(self, result: Result, code: int = 1) -> None:
        assert result.exit_code == code, result.output
        # CliRunner swallows an escaped exception into result.exception: that is a crash too
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(
            result.exception
        )
        assert "Traceback" not in result.output
        assert result.stdout == "", result.output  # errors go to stderr only

    def untouched(self) -> None:
        assert snapshot(self.out) == self.before
        leftovers = sorted(p.name for p in self.out.parent.glob(f".{self.out.name}.*"))
        assert leftovers in ([], [f".{self.out.name}.lock"]), leftovers

    def succeeds(self, result: Result) -> list[str]:
        """The command worked; returns its warning lines."""
        assert result.exit_code == 0, result.output
        assert result.exception is None, repr(result.exception)
        assert "Traceback" not in result.output
        return [x for x in result.stderr.splitlines() if x.startswith("Warning:")]


@pytest.fixture
def case(tmp_path: Path, previous: Path) -> Case:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(GOOD, corpus / GOOD.name)
    out = tmp_path / "build"
    shutil.copytree(previous, out)
    return Case(corpus=corpus, out=out, before=snapshot(out))
