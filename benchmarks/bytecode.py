"""cskg's own modules compiled to bytecode before anything is timed, as `make run` does, and
its fixed regular expressions compiled ahead (cskg.graph.prepare), as `make run` does too.

pip compiles the dependencies when it installs them, but not an editable install's own
sources; where PYTHONDONTWRITEBYTECODE is set, every timed run would otherwise compile them
again, a cost no installed user pays.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("cskg", "cli", "graph", "loaders", "ontology", "queries")


def precompile() -> None:
    """Write (or refresh) the bytecode of cskg's sources and its compiled patterns."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", *SOURCES], cwd=ROOT, check=True)
    subprocess.run(
        [sys.executable, "-m", "cskg.graph.prepare"], cwd=ROOT, check=True, capture_output=True
    )
