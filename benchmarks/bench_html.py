"""graph.html in headless Chromium: file size and time until the page is usable.

Measured for the embedded corpus and, when benchmarks/synthetic.py is present, for a synthetic
corpus N times larger (default 100). Each figure is the median of several fresh page loads:

- ready: from navigation until the page script marks <html data-ready> (the theme × year view
  is drawn and can be clicked); targets 2 s (embedded) and 5 s (100x);
- network: from a click on the "Network of links" tab until vis-network has drawn every node;
- select: from choosing a search result until its neighbourhood is highlighted.

usage: python benchmarks/bench_html.py [--scale N] [--runs R] [--quick] [--page [NAME=]FILE ...]
  --quick             the embedded corpus only
  --page [NAME=]FILE  measure existing graph.html files instead of building (NAME: the row's
                      name; "embedded" and "100x" are checked against their targets)
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TARGETS = {"embedded": 2.0, "100x": 5.0}


def measure(browser, page_file: Path, runs: int) -> dict[str, float]:  # noqa: ANN001
    """Median seconds to ready, to the network drawn, and to a selection; requests seen."""
    ready, network, select = [], [], []
    requests: set[str] = set()
    url = page_file.resolve().as_uri()
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        page = context.new_page()
        page.set_default_timeout(120_000)
        page.on("request", lambda r: requests.add(r.url))
        t0 = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.wait_for_selector("html[data-ready]")
        ready.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        page.click("#tab-network")
        page.wait_for_selector("html[data-network-ready]")
        network.append(time.perf_counter() - t0)
        page.fill("#search", "management oversight")
        button = page.locator("#search-results button").first
        button.wait_for()
        t0 = time.perf_counter()
        button.click()
        page.wait_for_function(
            "document.getElementById('node-title').textContent !== 'Nothing selected'"
        )
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
        select.append(time.perf_counter() - t0)
        context.close()
    return {
        "ready": statistics.median(ready),
        "network": statistics.median(network),
        "select": statistics.median(select),
        "foreign_requests": len(requests - {url}),
    }


def build(corpus: Path, out: Path) -> Path:
    from cskg.graph.pipeline import build as run_build

    t0 = time.perf_counter()
    run_build(corpus, out)
    print(f"  built {corpus.name} in {time.perf_counter() - t0:.0f} s", flush=True)
    return out / "graph.html"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--scale", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--page", action="append", default=[])
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="cskg-bench-html-"))
    try:
        pages: list[tuple[str, Path]] = []
        for spec in args.page:
            name, _, path = spec.rpartition("=")
            pages.append((name or Path(path).parent.name, Path(path)))
        if not pages:
            print("building the embedded corpus...", flush=True)
            pages.append(("embedded", build(ROOT / "corpus", work / "embedded")))
            if not args.quick and (HERE / "synthetic.py").is_file():
                sys.path.insert(0, str(HERE))
                from synthetic import generate

                print(f"generating and building the {args.scale}x corpus...", flush=True)
                corpus = generate(args.scale, work / "corpus")
                pages.append((f"{args.scale}x", build(corpus, work / "large")))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            print("\n| corpus | graph.html | ready | network drawn | select | target (ready) |")
            print("| --- | --- | --- | --- | --- | --- |")
            for name, page_file in pages:
                size = page_file.stat().st_size / 1e6
                m = measure(browser, page_file, args.runs)
                target = TARGETS.get(name)
                verdict = ""
                if target is not None:
                    verdict = f"{target:.0f} s: {'met' if m['ready'] <= target else 'MISSED'}"
                if m["foreign_requests"]:
                    verdict += f"; {m['foreign_requests']} request(s) other than the file!"
                print(
                    f"| {name} | {size:.1f} MB | {m['ready']:.2f} s | {m['network']:.2f} s "
                    f"| {m['select']:.2f} s | {verdict} |",
                    flush=True,
                )
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
