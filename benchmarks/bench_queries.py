"""Every named query on the Oxigraph engine against rdflib's own SPARQL engine, each engine on
the better of the query's equivalent forms.

For the embedded corpus and, when benchmarks/synthetic.py is present, a synthetic corpus N
times larger (default 100): build it, then for each named query (default parameters) time

- oxigraph: ``run_query`` on the read-only pyoxigraph store (union default graph);
- rdflib: ``run_query(engine="rdflib")`` on an rdflib ``Dataset`` parsed from graph.trig
  (default graph = union), parsed once and not counted;

each the median of ``--runs`` runs, both including the serialisation of the results to SPARQL
JSON. An rdflib run over ``--limit`` seconds is stopped (it runs in a forked child) and shown
as ">limit"; a ratio from it is a lower bound.

Eleven named queries were rewritten for Oxigraph's planner (commit 3e20ffd: each property in
its own sub-select), a form that rdflib's engine, which evaluates sub-selects naively, runs far
slower. Their earlier forms, with the same rows, are kept in ``benchmarks/query_forms/``: such a
query is run in both forms on both engines, and the fair ratio is rdflib's better time over
Oxigraph's better time ("best ÷ best"); the same-form ratios are printed too. The last column
says whether every result returned the same distinct rows (the parts of a GROUP_CONCAT compared
as a set: its order is the engine's); a difference is printed after the table and makes the
script exit with an error.

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
FORMS = HERE / "query_forms"  # pre-rewrite forms of some named queries


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
    # a GROUP_CONCAT over no values: rdflib's engine gives "", Oxigraph leaves the column
    # unbound; both say "nothing", so an empty string is compared as unbound
    return {
        tuple(
            sorted(
                (k, type(v).__name__ + " " + _norm(v.value))
                for k, v in row.items()
                if v.value != ""
            )
        )
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
        result = None
        for _ in range(runs):
            t0 = time.perf_counter()
            result = run_query(query, engine="rdflib", dataset=dataset)
            conn.send(("run", time.perf_counter() - t0))
        conn.send(("rows", _rows(result)))
    except CskgError as err:
        conn.send(("error", str(err)))
    conn.close()


def rdflib_timed(query: Any, dataset: Any, runs: int, limit: float) -> tuple[float | None, Any]:
    """Median seconds and rows, run in a forked child (the dataset is shared).

    ``(None, None)`` when a run takes over ``limit`` seconds (the child is stopped then: a stopped
    query took at least ``limit``); ``(-1.0, message)`` when rdflib fails.
    """
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_rdflib_child, args=(child, query, dataset, runs))
    proc.start()
    child.close()
    times: list[float] = []
    try:
        while True:
            # each run within the limit (the last wait also covers turning the result into rows)
            if not parent.poll(limit if len(times) < runs else limit + 60):
                proc.terminate()
                return None, None
            kind, value = parent.recv()
            if kind == "run":
                times.append(value)
            elif kind == "error":
                return -1.0, value
            else:
                return statistics.median(times), value
    except EOFError:
        return -1.0, f"rdflib's child process ended without a result (exit code {proc.exitcode})"
    finally:
        proc.join()


def query_forms(query: Any) -> list[tuple[str, Any]]:
    """The forms of a named query to time: its own, then its pre-rewrite form if there is one.

    ``query_forms/NAME.rq`` is the form of ``queries/NAME.rq`` before commit 3e20ffd rewrote it
    for Oxigraph's planner (the same rows); rdflib's engine runs most of those forms far faster.
    """
    from cskg.queries import load_query

    alt = FORMS / f"{query.name}.rq"
    return [("current", query)] + ([("pre-rewrite", load_query(alt))] if alt.is_file() else [])


def best(times: list[float | None], limit: float) -> tuple[float, bool] | None:
    """The least of some forms' times, and whether it is only a lower bound.

    ``None`` is a run stopped at ``limit``: counted as ``limit``, a lower bound of its time.
    A negative time (an error) is left out; ``None`` when no form has a time.
    """
    known = [(limit, True) if t is None else (t, False) for t in times if t is None or t >= 0]
    return min(known, key=lambda k: (k[0], k[1])) if known else None


def _difference(ours: set[Any], theirs: set[Any]) -> list[str]:
    """One row only the reference has and one only the other result has, to show a mismatch."""
    only = [("only in oxigraph current", ours - theirs), ("only here", theirs - ours)]
    return [f"{what} ({len(rows)} rows), e.g. {dict(min(rows))}" for what, rows in only if rows]


def _ratio(rdf: tuple[float, bool] | None, ox_s: float) -> tuple[float | None, str]:
    if rdf is None:
        return None, "—"
    value = rdf[0] / ox_s
    return value, f"{'>' if rdf[1] else ''}{value:.0f}×"


def _ms(seconds: float | None, limit: float, digits: int = 0) -> str:
    if seconds is None:
        return f">{limit:.0f} s"
    return "error" if seconds < 0 else f"{seconds * 1000:.{digits}f} ms"


def _median(values: list[tuple[float, bool]]) -> str:
    """The median of ratios some of which are lower bounds: then itself a lower bound."""
    if not values:
        return "—"
    m = statistics.median(v for v, _ in values)
    return f"at least {m:.0f}×" if any(b for _, b in values) else f"{m:.0f}×"


def bench(name: str, out: Path, runs: int, limit: float, rdflib_runs: int | None = None) -> int:
    """Time every named query in each of its forms on both engines; the number of row mismatches.

    ``rdflib_runs`` (default ``runs``): a run of many seconds needs no median of five.
    """
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
    print(
        "Times are medians (oxigraph of "
        f"{runs} runs, rdflib of {rdflib_runs}); each query in its current form, then in its "
        'pre-rewrite form where it has one (benchmarks/query_forms/). ">" marks an rdflib run '
        f"stopped at the {limit:.0f} s limit: its time, and a ratio from it, are lower bounds.\n"
    )
    print(
        "| query | rows | oxigraph: current, pre-rewrite | rdflib: current, pre-rewrite "
        "| rdflib ÷ oxigraph, same form: current, pre-rewrite | oxigraph best | rdflib best "
        "| rdflib best ÷ oxigraph best | same rows |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    same_now, same_old, fair = [], [], []
    runs_rdflib = stopped = 0
    mismatches: list[str] = []  # lines to print; ``differing`` counts the queries
    differing = 0
    for q in list_queries():
        forms = query_forms(q)
        ox_times: list[float] = []
        rdf_times: list[float | None] = []
        rows: list[tuple[str, Any]] = []
        for label, form in forms:
            ox_s, ox_result = _time(lambda form=form: run_query(form, store=store), runs)
            ox_times.append(ox_s)
            rows.append((f"oxigraph {label}", _rows(ox_result)))
        errors = []
        for label, form in forms:
            rdf_s, rdf_rows = rdflib_timed(form, dataset, rdflib_runs, limit)
            runs_rdflib += 1
            stopped += rdf_s is None
            rdf_times.append(rdf_s)
            if rdf_s is not None and rdf_s < 0:
                errors.append(f"rdflib {label}: {str(rdf_rows).split(': ', 1)[-1]}")
            elif rdf_s is not None:
                rows.append((f"rdflib {label}", rdf_rows))
        reference = rows[0][1]
        differ = [f"{k} {len(r)} rows" for k, r in rows[1:] if r != reference]
        if differ:
            differing += 1
            mismatches.append(
                f"{q.name}: against oxigraph current ({len(reference)} rows): " + ", ".join(differ)
            )
            mismatches += [
                f"  {k}: {example}" for k, r in rows[1:] for example in _difference(reference, r)
            ]
            same = f"**NO** ({'; '.join(differ)})"
        elif len(rows) == 1:
            same = "—"  # nothing finished to compare with
        elif len(rows) < 2 * len(forms):
            same = f"yes ({len(rows)} of {2 * len(forms)} results; the rest stopped)"
        else:
            same = "yes"
        if errors:
            same = f"{same}; {'; '.join(errors)}"
        # same form: each form on both engines
        ratios = [_ratio(best([r], limit), o) for r, o in zip(rdf_times, ox_times, strict=True)]
        now = ratios[0]
        old = ratios[-1]  # the pre-rewrite form where there is one, else the only form
        if now[0] is not None:
            same_now.append((now[0], rdf_times[0] is None))
        if old[0] is not None:
            same_old.append((old[0], rdf_times[-1] is None))
        multi = len(forms) > 1
        ox_best = min(ox_times)
        ox_cell = f"{ox_best * 1000:.1f} ms"
        if multi:
            ox_cell += f" ({forms[ox_times.index(ox_best)][0]})"
        rdf_best = best(rdf_times, limit)
        fair_ratio = _ratio(rdf_best, ox_best)
        rdf_cell = "—"
        if rdf_best is not None and fair_ratio[0] is not None:
            fair.append((fair_ratio[0], rdf_best[1]))
            rdf_cell = _ms(None if rdf_best[1] else rdf_best[0], limit)
            if multi and rdf_best[1]:
                rdf_cell += " (no form finished)"
            elif multi:
                rdf_cell += f" ({forms[[best([t], limit) for t in rdf_times].index(rdf_best)][0]})"
        print(
            f"| {q.name} | {len(reference)} "
            f"| {', '.join(_ms(t, limit, 1) for t in ox_times)} "
            f"| {', '.join(_ms(t, limit) for t in rdf_times)} "
            f"| {', '.join(r[1] for r in ratios)} "
            f"| {ox_cell} | {rdf_cell} | {fair_ratio[1]} | {same} |",
            flush=True,
        )
    bounded = sum(b for _, b in fair)
    print(
        f"\nmedian over the {len(list_queries())} queries, rdflib ÷ oxigraph:\n"
        f"- each engine on the better of the query's forms (best ÷ best): **{_median(fair)}** "
        f"over {len(fair)} queries ({bounded} of them counted at a lower bound)\n"
        f"- same form, the current one: {_median(same_now)} over {len(same_now)}\n"
        f"- same form, the pre-rewrite one where there is one: {_median(same_old)} over "
        f"{len(same_old)}\n"
        f"{stopped} of {runs_rdflib} rdflib timings (each form of each query) hit the "
        f"{limit:.0f} s limit: each is counted at the limit, so its ratio, and any median it "
        'enters, is a lower bound ("at least").'
    )
    if mismatches:
        print(
            "\n!!! ROWS DIFFER between forms or engines (the ratios above compare unlike results):"
        )
        for line in mismatches:
            print(f"!!! {line}")
    return differing


def build(corpus: Path, out: Path) -> Path:
    from cskg.graph.pipeline import build as run_build

    t0 = time.perf_counter()
    result = run_build(corpus, out)
    print(
        f"built {corpus} in {time.perf_counter() - t0:.0f} s ({result.counts['triples']} triples)",
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
    mismatches = 0
    try:
        embedded = build(ROOT / "corpus", work / "embedded")
        mismatches += bench("embedded corpus", embedded, args.runs, args.limit)
        large = args.large
        if large is None and not args.quick and (HERE / "synthetic.py").is_file():
            sys.path.insert(0, str(HERE))
            from synthetic import generate

            corpus = generate(args.scale, work / "corpus")
            large = build(corpus, work / "large")
        if large is not None and not args.quick:
            mismatches += bench(
                f"{args.scale}x synthetic corpus",
                large,
                max(3, args.runs // 2),
                args.limit,
                rdflib_runs=1,
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if mismatches:
        sys.exit(f"{mismatches} queries whose forms or engines returned different rows (see above)")


if __name__ == "__main__":
    main()
