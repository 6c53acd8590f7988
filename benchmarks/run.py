"""`make bench`: build and lookup figures measured side by side in one run, as ratios.

The machine is small and noisy, so every figure is a median of several runs and is reported
against a floor measured in the same run: the bare interpreter importing cskg's main
dependencies.

usage: python benchmarks/run.py [--quick] [--builds-only] [--scale N] [--runs R]
  --quick        skip the 100x corpus (build scaling, incremental rebuild)
  --builds-only  skip the lookup, query and page benchmarks (bench_*.py)
  --scale N  the large synthetic corpus is N times the embedded one (default 100)
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
CSKG = str(Path(PY).with_name("cskg"))
FLOOR = "import rdflib, pyoxigraph, networkx, typer, yaml"


def timed(cmd: list[str], runs: int = 1, before=None) -> float:  # noqa: ANN001
    """Median wall time of ``cmd`` over ``runs`` runs; ``before`` runs untimed before each."""
    times = []
    for _ in range(runs):
        if before:
            before()
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def peak_mb(cmd: list[str]) -> tuple[float, float]:
    """Wall time and peak resident memory (MB, the largest process) of one run of ``cmd``."""
    probe = (
        "import resource, subprocess, sys, time; t=time.perf_counter(); "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
        "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([PY, "-c", probe, *cmd], check=True, capture_output=True, text=True)
    seconds, kb = out.stdout.split()
    return float(seconds), int(kb) / 1024


def row(rows: list[tuple[str, str, str]], name: str, value: str, target: str = "") -> None:
    rows.append((name, value, target))
    print(f"  {name}: {value}" + (f"  (target {target})" if target else ""), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--builds-only", action="store_true")
    ap.add_argument("--scale", type=int, default=100)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    from bytecode import precompile
    from synthetic import generate

    precompile()

    work = Path(tempfile.mkdtemp(prefix="cskg-bench-"))
    rows: list[tuple[str, str, str]] = []
    try:
        print("measuring the floor and the embedded corpus build...", flush=True)
        floor = timed([PY, "-c", FLOOR], runs=args.runs)
        row(rows, "import floor (rdflib, pyoxigraph, networkx, typer, yaml)", f"{floor:.2f} s")
        out1 = work / "b1"

        def clean() -> None:
            shutil.rmtree(out1, ignore_errors=True)

        cold = timed(
            [CSKG, "build", "--corpus", str(ROOT / "corpus"), "--out", str(out1)],
            runs=3,
            before=clean,
        )
        row(rows, "1. build, embedded corpus (cold) / floor", f"{cold / floor:.1f}x", "<= 2")
        kept_patterns = Path(
            subprocess.run(
                [PY, "-c", "from cskg.loaders.regexcache import cache_path; print(cache_path())"],
                check=True, capture_output=True, text=True,
            ).stdout.strip()
        )  # fmt: skip

        def clean_all() -> None:
            clean()
            kept_patterns.unlink(missing_ok=True)

        first = timed(
            [CSKG, "build", "--corpus", str(ROOT / "corpus"), "--out", str(out1)],
            runs=3,
            before=clean_all,
        )
        precompile()  # the compiled patterns back, as `make run` leaves them
        row(
            rows,
            "   the same with no compiled patterns kept (cskg.graph.prepare not run) / floor",
            f"{first / floor:.1f}x",
        )
        same = [CSKG, "build", "--corpus", str(ROOT / "corpus"), "--out", str(out1)]
        warm = timed([*same, "--force"], runs=3)
        row(
            rows,
            "   rebuild with --force, nothing changed (cached extraction) / floor",
            f"{warm / floor:.1f}x",
        )
        kept = timed(same, runs=3)
        row(
            rows,
            "   build again, nothing changed (kept as up to date) / floor",
            f"{kept / floor:.1f}x",
        )

        if not args.quick:
            n10, nbig = max(args.scale // 10, 1), args.scale
            c10, cbig = generate(n10, work / "c10"), generate(nbig, work / "cbig")
            print(f"building {n10}x and {nbig}x synthetic corpora...", flush=True)
            t10 = timed([CSKG, "build", "--corpus", str(c10), "--out", str(work / "b10")])
            tbig, mem = peak_mb([CSKG, "build", "--corpus", str(cbig), "--out", str(work / "bbig")])
            row(rows, f"2. build {nbig}x / build {n10}x", f"{tbig / t10:.1f}", "<= 11")
            row(
                rows,
                f"   build {nbig}x: documents, time, peak memory",
                f"{5 * nbig} docs, {tbig:.0f} s, {mem:.0f} MB",
            )
            victim = sorted(cbig.glob("*.txt"))[len(list(cbig.glob("*.txt"))) // 2]
            victim.write_text(
                victim.read_text(encoding="utf-8") + "\nLeaders must act.\n", encoding="utf-8"
            )
            tinc = timed([CSKG, "build", "--corpus", str(cbig), "--out", str(work / "bbig")])
            row(
                rows,
                f"5. rebuild after one document changes, {nbig}x / full build",
                f"{tinc / tbig:.2f}",
                "<= 0.2",
            )

        if args.builds_only:
            return report(rows)
        print("lookups, queries and the page (benchmarks/bench_*.py)...", flush=True)
        big = work / "bbig" if (work / "bbig" / "graph.trig").exists() else None
        runs = {
            "bench_lookup.py": ["--out", str(out1)],
            "bench_queries.py": ["--large", str(big)] if big else ["--quick"],
            "bench_html.py": ["--page", f"embedded={out1 / 'graph.html'}"]
            + (["--page", f"{args.scale}x={big / 'graph.html'}"] if big else []),
        }
        for script, extra in runs.items():
            res = subprocess.run([PY, str(HERE / script), *extra], capture_output=True, text=True)
            print(res.stdout.rstrip() or res.stderr.rstrip()[-2000:], flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(rows)


def report(rows: list[tuple[str, str, str]]) -> None:
    meta = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cores": __import__("os").cpu_count(),
    }
    print("\n| figure | value | target |\n| --- | --- | --- |")
    for name, value, target in rows:
        print(f"| {name} | {value} | {target} |")
    print(json.dumps(meta))


if __name__ == "__main__":
    main()
