"""Headless Chromium for the graph.html tests: Debian's chromium driven by Playwright.

When Chromium is missing the session runs scripts/install-chromium (apt-get, as root), as
`make test` does first. Without a browser the tests skip, except under CI (CI=true), where
they fail.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium tries to reach the network on start.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HERE = Path(__file__).resolve().parent
INSTALL = HERE.parents[1] / "scripts" / "install-chromium"
XSS_CORPUS = HERE.parent / "fixtures" / "xss"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: the browser tests must run under CI (scripts/install-chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """One headless Chromium for the session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    if not os.access(CHROMIUM, os.X_OK):
        subprocess.run(["bash", str(INSTALL)], check=False)  # apt-get as root; else says why
    if not os.access(CHROMIUM, os.X_OK):
        _unavailable(f"{CHROMIUM} is missing (run scripts/install-chromium as root)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield b
        finally:
            b.close()


@dataclass
class Visit:
    """A page opened by file:// URL, with everything it logged, requested or popped up."""

    page: object
    url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def data(self) -> dict:
        """The JSON the page embeds."""
        return self.page.evaluate("JSON.parse(document.getElementById('data').textContent)")

    def show_network(self) -> None:
        self.page.click("#tab-network")
        self.page.wait_for_selector("html[data-network-ready]", timeout=20_000)


@pytest.fixture
def open_page(browser) -> Iterator[Callable[[Path], Visit]]:
    """Open an HTML file in a fresh page and record console errors, page errors and requests."""
    contexts = []

    def visit(path: Path, width: int = 1366, height: int = 900) -> Visit:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        v = Visit(page=page, url=path.resolve().as_uri())
        page.on(
            "console",
            lambda m: (
                v.errors.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning", "assert")
                else None
            ),
        )
        page.on("pageerror", lambda e: v.errors.append(f"page error: {e}"))
        page.on("request", lambda r: v.requests.append(r.url))

        def on_dialog(d) -> None:  # noqa: ANN001 - playwright Dialog
            v.dialogs.append(f"{d.type}: {d.message}")
            d.dismiss()

        page.on("dialog", on_dialog)
        page.goto(v.url)
        page.wait_for_selector("html[data-ready]", timeout=20_000)
        return v

    yield visit
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def page_file(built: Path) -> Path:
    """graph.html of the embedded corpus."""
    return built / "graph.html"


@pytest.fixture(scope="session")
def hostile_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """graph.html of the hostile corpus in tests/fixtures/xss."""
    from cskg.graph.pipeline import build

    out = tmp_path_factory.mktemp("xss") / "build"
    build(XSS_CORPUS, out)
    return out / "graph.html"


@pytest.fixture(scope="session")
def large_mode_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile corpus's page drawn as if it were very large (tiny node limits)."""
    from cskg.graph.html import render_page
    from cskg.graph.pipeline import build, graph_quads
    from cskg.ontology.themes import load_themes

    out = tmp_path_factory.mktemp("large") / "build"
    x = build(XSS_CORPUS, out).extraction
    recs = graph_quads(x)[1]
    page = out / "large.html"
    page.write_text(
        render_page(x, recs, load_themes(), limits={"open": 25, "dim": 10}),
        encoding="utf-8",
        newline="\n",
    )
    return page
