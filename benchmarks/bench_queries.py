"""Every named query on the Oxigraph engine against rdflib's own SPARQL engine.

For the embedded corpus and, when benchmarks/synthetic.py is present, a synthetic corpus N
times larger (default 100): build it, then for each named query (default parameters) time

- oxigraph: ``run_query`` on the read-only pyoxigraph store (union default graph);
- rdflib: ``run_query(engine="rdflib")`` on an rdflib ``Dataset`` parsed from graph.trig
  (default graph = union), parsed once and not counted;

each the median of ``--runs`` runs, both including the serialisation of the results to SPARQL
JSON. An rdflib run over ``--limit`` seconds is stopped (it runs in a forked child) and shown
as ">limit". The last column says whether both engines returned the same distinct rows (the
parts of a GROUP_CONCAT compared as a set: its order is the engine's).

usage: python benchmarks/bench_queries.py [--scale N] [--runs R] [--limit S] [--quick]
                                         [--large DIR]
  --large DIR  use the N-times build already in DIR (output folder) instead of building one
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _norm(value: str) -> str:
    # GROUP_CONCAT has no defined order: compare its parts as a set
    for sep in ("; ", ", "):
        if sep in value:
            return sep.join(sorted(value.split(sep)))
    return value


def _rows(result: Any) -> set[tuple[tuple[str, str], ...]]:
    if result.kind == "graph":
        return {(("triple", str(t)),) for t in result.triples()}
    if result.kind == "ask":
        return {(("boolean", str(result.boolean)),)}
    return {
        tuple(sorted((k, type(v).__name__ + " " + _norm(v.value)) for k, v in row.items()))
        for row in result.rows()
    }


def _time(fn: Any, runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def _rdflib_child(conn: Any, query: Any, dataset: Any, runs: int) -> None:
    from cskg.errors import CskgError
    from cskg.queries import run_query

    try:
        seconds, result = _time(lambda: run_query(query, engine="rdflib", dataset=dataset), runs)
        conn.send((seconds, _rows(result)))
    except CskgError as err:
        conn.send((-1.0, str(err)))
    conn.close()


def rdflib_timed(query: Any, dataset: Any, runs: int, limit: float) -> tuple[float | None, Any]:
    """Median seconds and rows in a forked child (the dataset is shared); None past ``limit``."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_rdflib_child, args=(child, query, dataset, runs))
    proc.start()
    child.close()
    if parent.poll(limit * runs + 5):
        seconds, rows = parent.recv()
        proc.join()
        return seconds, rows
    proc.terminate()
    proc.join()
    return None, None


def bench(name: str, out: Path, runs: int, limit: float, rdflib_runs: int | None = None) -> None:
    """``rdflib_runs`` (default ``runs``): a run of many seconds needs no median of five."""
    from cskg.graph.store import open_store
    from cskg.queries import list_queries, load_dataset, run_query

    rdflib_runs = rdflib_runs or runs
    store = open_store(out)
    t0 = time.perf_counter()
    dataset = load_dataset(out)
    parse = time.perf_counter() - t0
    print(
        f"\n### {name}: {len(store)} quads; rdflib parses graph.trig in {parse:.1f} s "
        "(not counted below)\n"
    )
    print("| query | rows | oxigraph | rdflib | rdflib / oxigraph | same rows |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    ratios, bounds, stopped = [], [], 0
    for q in list_queries():
        ox_s, ox_result = _time(lambda q=q: run_query(q, store=store), runs)
        ox_rows = _rows(ox_result)
        rdf_s, rdf_rows = rdflib_timed(q, dataset, rdflib_runs, limit)
        if rdf_s is None:
            stopped += 1
            bounds.append(limit / ox_s)
            rdf, ratio, same = f">{limit:.0f} s", f">{limit / ox_s:.0f}×", "—"
        elif rdf_s < 0:
            rdf, ratio, same = "error", "—", f"rdflib: {str(rdf_rows).split(': ', 1)[-1]}"
        else:
            ratios.append(rdf_s / ox_s)
            rdf, ratio = f"{rdf_s * 1000:.0f} ms", f"{rdf_s / ox_s:.0f}×"
            same = "yes" if rdf_rows == ox_rows else f"no ({len(rdf_rows)} vs {len(ox_rows)})"
        print(
            f"| {q.name} | {len(ox_rows)} | {ox_s * 1000:.1f} ms | {rdf} | {ratio} | {same} |",
            flush=True,
        )
    if ratios:
        print(
            f"\nmedian ratio rdflib / oxigraph over the {len(ratios)} queries rdflib finished: "
            f"{statistics.median(ratios):.0f}×; {stopped} stopped at the {limit:.0f} s limit"
        )
    if bounds:
        # a stopped query's ratio is at least limit / oxigraph time: the median of the finished
        # ratios and those lower bounds is a lower bound of the median over every query
        every = statistics.median(ratios + bounds)
        print(
            f"median ratio over all {len(ratios) + len(bounds)} queries, each stopped one "
            f"counted at its lower bound: at least {every:.0f}×"
        )


def build(corpus: Path, out: Path) -> Path:
    from cskg.graph.pipeline import build as run_build

    t0 = time.perf_counter()
    result = run_build(corpus, out)
    print(
        f"built {corpus} in {time.perf_counter() - t0:.0f} s "
        f"({result.counts['triples']} triples)",
        flush=True,
    )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--scale", type=int, default=100, help="size of the synthetic corpus")
    ap.add_argument("--runs", type=int, default=5, help="runs per query (median)")
    ap.add_argument("--limit", type=float, default=60.0, help="seconds per rdflib run")
    ap.add_argument("--quick", action="store_true", help="the embedded corpus only")
    ap.add_argument("--large", type=Path, help="an existing build of the large corpus")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cskg-bench-queries-"))
    try:
        embedded = build(ROOT / "corpus", work / "embedded")
        bench("embedded corpus", embedded, args.runs, args.limit)
        large = args.large
        if large is None and not args.quick and (HERE / "synthetic.py").is_file():
            sys.path.insert(0, str(HERE))
            from synthetic import generate

            corpus = generate(args.scale, work / "corpus")
            large = build(corpus, work / "large")
        if large is not None and not args.quick:
            bench(f"{args.scale}x synthetic corpus", large, max(3, args.runs // 2), args.limit,
                  rdflib_runs=1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
