"""A national build: every council's Ofsted reports in one folder, against a scrape tool's table.

Not a test and not in CI: it needs the reports, which are not in this repository. Get them with

    python benchmarks/bench_national.py PDF_DIR --extract-from GIT_DIR

where GIT_DIR is a git directory of github.com/JT-39/ofsted-ilacs-scrape-tool (its
``export_data/inspection_reports/<urn>_<council>/<file>.pdf`` files are copied, flat, into
PDF_DIR as ``<urn>_<council>__<file>.pdf``, and its ``ofsted_csc_ilacs_history.csv`` beside
them as ``PDF_DIR/../ilacs_history.csv``), or give an existing folder and ``--csv``.

In one run it measures, side by side:

* the floor: pypdfium2's text extraction of the same files alone (serially, and with the
  same number of worker processes as the build), with nothing else of cskg;
* `cskg build --keep-going` of the folder (no manifest) in a child process: wall time, its
  ratio to the floor, and the peak resident memory of the build with all its workers;
* the grades cskg read for each report's own inspection, against the CSV: agreement where the
  CSV has a grade (each disagreement printed with the row cskg quotes from the report, to
  judge who is right), and coverage where it has none (the CSV's parser reads no pre-2018
  layout), by report format.

usage: python benchmarks/bench_national.py PDF_DIR [--csv CSV] [--extract-from GIT_DIR]
                                           [--out DIR] [--workers N] [--json FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable

# cskg's judgement area (as the report words it) -> the CSV's column
COLUMNS = {
    "Overall effectiveness": ("overall_effectiveness_grade",),
    "The impact of leaders on social work practice with children and families": (
        "impact_of_leaders_grade",
    ),
    "The experiences and progress of children who need help and protection": (
        "help_and_protection_grade",
    ),
    "The experiences and progress of children in care": ("in_care_grade",),
    "The experiences and progress of care leavers": ("care_leavers_grade",),
    # the three-area reports (2018-22) grade children in care and care leavers together
    "The experiences and progress of children in care and care leavers": (
        "in_care_grade",
        "care_leavers_grade",
    ),
}
CSV_GRADES = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires improvement": "Requires improvement to be good",
    "inadequate": "Inadequate",
}
GRADED_FORMATS = ("pre-2014", "SIF", "ILACS", "post-2025 ILACS")

# Runs in a child process: the build, then what it read of each document, as JSON on stdout.
CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from cskg.graph.pipeline import build
from cskg.loaders.ofsted import assessment_key, read_report

t0 = time.perf_counter()
result = build(Path(sys.argv[1]), Path(sys.argv[2]), keep_going=True)
seconds = time.perf_counter() - t0
x = result.extraction
by_key = {a.key: a for a in x.assessments}
docs = []
for d in x.documents:
    report = read_report(d.text)
    own = None
    if report is not None and report.year is not None and d.council:
        month = int(report.start_date[5:7]) if report.start_date else None
        key = assessment_key(d.council, report.kind, report.year,
                             month if report.kind == "monitoring visit" else None)
        own = by_key.get(key)
    # the grades the graph gives this report's own inspection (the evidence kept may be
    # another report's statement of the same grade)
    grades = [
        {"area": j.domain, "grade": j.grade, "quote": j.excerpt.quote,
         "evidence": j.excerpt.doc_id}
        for j in x.judgements if own is not None and j.assessment == own.key
    ]
    docs.append({
        "file": d.path.split("/", 1)[1],
        "format": report.format if report else None,
        "council": d.council,
        "type": d.doc_type,
        "date": d.date,
        "assessment": own.key if own else None,
        "year": own.year if own else None,
        "start": own.start_date if own else None,
        "end": own.end_date if own else None,
        "grades": grades,
    })
print(json.dumps({
    "seconds": seconds,
    "counts": result.counts,
    "skipped": list(result.skipped),
    "maxrss_self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "documents": docs,
}))
"""


class MemorySampler:
    """Peak resident memory of a process and all its descendants, sampled from /proc.

    The build's workers start from a fork server, so they are not the build's children and
    getrusage cannot see them; sampling the whole tree twice a second can.
    """

    def __init__(self, pid: int) -> None:
        import threading

        self.pid = pid
        self.peak_total_kb = 0
        self.peak_one_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> dict[int, int]:
        parents: dict[int, int] = {}
        rss: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as fh:
                    fields = dict(line.split(":", 1) for line in fh if ":" in line)
                parents[int(entry)] = int(fields["PPid"])
                rss[int(entry)] = int(fields.get("VmRSS", "0 kB").split()[0])
            except (OSError, KeyError, ValueError):
                continue
        tree = {self.pid}
        grew = True
        while grew:
            grew = False
            for pid, ppid in parents.items():
                if ppid in tree and pid not in tree:
                    tree.add(pid)
                    grew = True
        return {pid: rss.get(pid, 0) for pid in tree}

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            sizes = self._tree()
            self.peak_total_kb = max(self.peak_total_kb, sum(sizes.values()))
            self.peak_one_kb = max(self.peak_one_kb, max(sizes.values(), default=0))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def extract_from_git(git_dir: Path, dest: Path) -> Path:
    """Copy the scrape tool's reports (flat) and its CSV out of a git directory; return the CSV."""
    dest.mkdir(parents=True, exist_ok=True)
    prefix = "export_data/inspection_reports/"
    names = (
        subprocess.run(
            ["git", "-C", str(git_dir), "ls-tree", "-r", "-z", "--name-only", "HEAD", prefix],
            check=True,
            capture_output=True,
        )
        .stdout.decode("utf-8")
        .split("\0")
    )
    for name in filter(None, names):
        folder, _, file = name[len(prefix) :].partition("/")
        data = subprocess.run(
            ["git", "-C", str(git_dir), "show", f"HEAD:{name}"], check=True, capture_output=True
        ).stdout
        (dest / f"{folder}__{file}").write_bytes(data)
    table = dest.parent / "ilacs_history.csv"
    table.write_bytes(
        subprocess.run(
            ["git", "-C", str(git_dir), "show", "HEAD:ofsted_csc_ilacs_history.csv"],
            check=True,
            capture_output=True,
        ).stdout
    )
    return table


def _pdf_text_chars(path: str) -> int:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        return 0  # not a PDF (an HTML page saved as .pdf): the build skips it too
    n = 0
    for page in pdf:
        textpage = page.get_textpage()
        n += len(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    return n


def floor(files: list[Path], workers: int) -> tuple[float, float, int]:
    """Seconds to extract every file's text with pypdfium2 alone: serially, and in parallel."""
    from concurrent.futures import ProcessPoolExecutor

    t0 = time.perf_counter()
    chars = sum(_pdf_text_chars(str(f)) for f in files)
    serial = time.perf_counter() - t0
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_pdf_text_chars, [str(f) for f in files], chunksize=2))
    parallel = time.perf_counter() - t0
    return serial, parallel, chars


def csv_rows(table: Path) -> dict[tuple[str, str], dict[str, str]]:
    with table.open(encoding="utf-8", newline="") as fh:
        return {(r["urn"], r["pdf_filename"]): r for r in csv.DictReader(fh)}


def compare(docs: list[dict], rows: dict[tuple[str, str], dict[str, str]]) -> dict:
    """Agreement with the CSV where it has grades, coverage where it has none."""
    agree = 0
    disagreements = []
    coverage: dict[str, Counter] = defaultdict(Counter)
    ungraded = []
    dates = Counter()
    for d in docs:
        folder, _, pdf = d["file"].partition("__")
        row = rows.get((folder.split("_")[0], pdf))
        mine = {}
        quotes = {}
        evidence = {}
        for g in d["grades"]:
            for col in COLUMNS.get(g["area"], ()):
                mine[col] = g["grade"]
                quotes[col] = g["quote"]
                evidence[col] = g["evidence"]
        csv_has = row is not None and any(
            row[c] in CSV_GRADES for cols in COLUMNS.values() for c in cols
        )
        fmt = d["format"] or "not an Ofsted report"
        if csv_has:
            for col in sorted({c for cols in COLUMNS.values() for c in cols}):
                value = row[col]
                if value not in CSV_GRADES:
                    continue
                if mine.get(col) == CSV_GRADES[value]:
                    agree += 1
                else:
                    disagreements.append(
                        {
                            "file": d["file"],
                            "column": col,
                            "csv": value,
                            "cskg": mine.get(col),
                            "quote": quotes.get(col),
                            "evidence": evidence.get(col),
                            "csv_row": {c: row[c] for cols in COLUMNS.values() for c in cols},
                        }
                    )
            if row.get("inspection_start_date"):
                iso = [_iso(row["inspection_start_date"]), _iso(row["inspection_end_date"])]
                dates["agree" if iso == [d["start"], d["end"]] else "differ"] += 1
        else:
            coverage[fmt]["reports"] += 1
            coverage[fmt]["with grades"] += bool(d["grades"])
        if fmt in GRADED_FORMATS and not d["grades"]:
            ungraded.append(d["file"])
    return {
        "agree": agree,
        "disagreements": disagreements,
        "coverage": {k: dict(v) for k, v in sorted(coverage.items())},
        "graded_reports_without_grades": ungraded,
        "dates_vs_csv": dict(dates),
    }


def _iso(dmy: str) -> str:
    d, m, y = dmy.split("/")
    year = int(y) + 2000 if len(y) == 2 else int(y)
    return f"{year:04d}-{int(m):02d}-{int(d):02d}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pdf_dir", type=Path)
    ap.add_argument("--csv", type=Path, help="the scrape tool's ofsted_csc_ilacs_history.csv")
    ap.add_argument("--extract-from", type=Path, help="git directory of the scrape tool")
    ap.add_argument("--out", type=Path, help="build folder (default: a temporary one)")
    ap.add_argument("--workers", type=int, default=min(os.cpu_count() or 1, 8))
    ap.add_argument("--json", type=Path, help="also write every figure and row here")
    args = ap.parse_args()
    table = args.csv
    if args.extract_from:
        table = extract_from_git(args.extract_from, args.pdf_dir)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bytecode import precompile

    precompile()
    files = sorted(p for p in args.pdf_dir.iterdir() if p.suffix.lower() == ".pdf")
    if not files:
        sys.exit(f"{args.pdf_dir}: no .pdf files")
    load = os.getloadavg()[0]
    print(
        f"{len(files)} PDFs in {args.pdf_dir}; {os.cpu_count()} cores; load {load:.1f}", flush=True
    )

    serial, parallel, chars = floor(files, args.workers)
    print(
        f"floor: pypdfium2 text of every file: {serial:.1f} s serially, {parallel:.1f} s "
        f"with {args.workers} processes ({chars:,} characters)",
        flush=True,
    )

    with tempfile.TemporaryDirectory(prefix="cskg-national-") as tmp:
        out = args.out or Path(tmp) / "build"
        t0 = time.perf_counter()
        child = subprocess.Popen(
            [PY, "-c", CHILD, str(args.pdf_dir), str(out)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        sampler = MemorySampler(child.pid)
        stdout, stderr = child.communicate()
        wall = time.perf_counter() - t0
        sampler.stop()
        if child.returncode != 0:
            sys.exit(f"the build failed:\n{stderr[-3000:]}")
        built = json.loads(stdout)
    docs = built["documents"]
    formats = Counter(d["format"] or "not an Ofsted report" for d in docs)
    result = {
        "pdfs": len(files),
        "documents": built["counts"]["documents"],
        "skipped": built["skipped"],
        "counts": built["counts"],
        "floor_serial_s": round(serial, 1),
        "floor_parallel_s": round(parallel, 1),
        "build_s": round(wall, 1),
        "build_over_floor_serial": round(wall / serial, 2),
        "build_over_floor_parallel": round(wall / parallel, 2),
        "peak_rss_build_mb": round(built["maxrss_self_kb"] / 1024),
        "peak_rss_one_process_mb": round(sampler.peak_one_kb / 1024),
        "peak_rss_all_processes_mb": round(sampler.peak_total_kb / 1024),
        "load_before": round(load, 1),
        "load_after": round(os.getloadavg()[0], 1),
        "formats": dict(sorted(formats.items())),
    }
    if table is not None:
        result["grades"] = compare(docs, csv_rows(table))
    print()
    print("| figure | value | target |")
    print("| --- | --- | --- |")
    print(
        f"| documents built (of {len(files)} PDFs) | {result['documents']} "
        f"({len(result['skipped'])} skipped: not PDFs) | all readable |"
    )
    print(
        f"| floor: pypdfium2 text alone | {serial:.1f} s serial, {parallel:.1f} s on "
        f"{args.workers} processes | |"
    )
    print(f"| build (`cskg build --keep-going`) | {wall:.1f} s | |")
    print(
        f"| build ÷ floor | {wall / serial:.2f}× serial, {wall / parallel:.2f}× parallel | ≤ 3× |"
    )
    print(
        f"| peak memory (resident) | {result['peak_rss_all_processes_mb']} MB all processes "
        f"together; {result['peak_rss_build_mb']} MB the build process | |"
    )
    print(f"| formats | {', '.join(f'{k} {v}' for k, v in result['formats'].items())} | |")
    if table is not None:
        g = result["grades"]
        n = g["agree"] + len(g["disagreements"])
        print(
            f"| grades vs CSV, where it has one | {g['agree']}/{n} agree | 100% where the "
            f"CSV is right |"
        )
        cov = "; ".join(
            f"{k}: {v.get('with grades', 0)}/{v['reports']}" for k, v in g["coverage"].items()
        )
        print(
            f"| reports the CSV has no grades for, graded by cskg | {cov} | every report "
            f"with a grade table |"
        )
        print(
            f"| graded formats without any grade read | "
            f"{len(g['graded_reports_without_grades'])} | 0 |"
        )
        print(f"| inspection dates vs CSV | {g['dates_vs_csv']} | |")
        print()
        for dis in g["disagreements"]:
            quote = " ".join((dis["quote"] or "(no row read)").split())
            print(
                f"DISAGREE {dis['file']}: {dis['column']}: CSV {dis['csv']!r}, cskg "
                f"{dis['cskg']!r}; evidence {dis['evidence']}: {quote!r}; "
                f"CSV row: {dis['csv_row']}"
            )
        for name in g["graded_reports_without_grades"]:
            print(f"NO GRADES {name}")
    print(f"\nload average {result['load_before']} before, {result['load_after']} after")
    if args.json:
        result["documents_read"] = docs
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
