"""YAML reading for cskg's data files: safe loading only, with libyaml's fast loader if built."""

from __future__ import annotations

from typing import Any

import yaml

try:  # libyaml's C loader is about ten times faster; the pure-Python one is equally safe
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


def safe_load(text: str) -> Any:
    """Parse YAML text into plain Python data (no arbitrary objects)."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader
