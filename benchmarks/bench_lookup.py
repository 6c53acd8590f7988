"""How fast the officers' lookups start and answer, against the cost of importing the stack.

Runs, interleaved so that both share whatever else the machine is doing, the median of
``--runs`` wall-clock times of:

- ``cskg recurring`` and ``cskg search early`` (the venv's ``cskg``, as subprocesses, on an
  already built store; the store is built first, untimed, if ``--out`` has none);
- ``python -c "import rdflib"``;
- the import floor ``python -c "import rdflib, pyoxigraph, networkx, typer, yaml"``;

and prints each lookup's median divided by both. The target is at most 1.5 times the floor.

    .venv/bin/python benchmarks/bench_lookup.py [--runs 7] [--out build]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.5


def timed(argv: list[str]) -> float:
    """Wall-clock seconds of one run of ``argv``; fails loudly if it fails."""
    t0 = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode(errors='replace')}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per command (median; >= 5)")
    parser.add_argument("--out", type=Path, default=ROOT / "build", help="built output folder")
    args = parser.parse_args()
    runs = max(args.runs, 5)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bytecode import precompile

    precompile()
    python = sys.executable
    cskg = str(Path(python).with_name("cskg"))
    out = str(args.out)
    if not (args.out / "store").is_dir():
        subprocess.run([cskg, "build", "--out", out, "--quiet"], check=True)

    commands = {
        "cskg recurring": [cskg, "recurring", "--out", out],
        "cskg search early": [cskg, "search", "early", "--out", out],
        "import rdflib": [python, "-c", "import rdflib"],
        "import floor": [python, "-c", "import rdflib, pyoxigraph, networkx, typer, yaml"],
    }
    for argv in commands.values():  # warm the file cache and make sure each one works
        timed(argv)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            samples[name].append(timed(argv))
    median = {name: statistics.median(s) for name, s in samples.items()}

    rdflib, floor = median["import rdflib"], median["import floor"]
    print(f"median of {runs} runs, seconds (import rdflib {rdflib:.3f}, floor {floor:.3f})")
    print(f"{'command':<20} {'median s':>9} {'÷ rdflib':>9} {'÷ floor':>8}  target ≤ {TARGET}")
    for name in ("cskg recurring", "cskg search early"):
        ratio = median[name] / floor
        verdict = "ok" if ratio <= TARGET else "over"
        print(
            f"{name:<20} {median[name]:>9.3f} {median[name] / rdflib:>9.2f} "
            f"{ratio:>8.2f}  {verdict}"
        )


if __name__ == "__main__":
    main()
