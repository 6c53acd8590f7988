"""`cskg recurring`, `theme`, `actor`, `search` and `explain`: the officers' lookups.

Each command opens the built store (building it first only when the corpus changed), calls
one function of :mod:`cskg.queries.lookup` and renders the result: a rich table, CSV, or JSON
(a list of objects, keys in a stable order, UTF-8). rich and pyoxigraph are imported only
when a command runs, and rdflib never, so a lookup starts fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from cskg.cli.app import app, call, choice
from cskg.cli.core import CorpusOpt, OutOpt

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from cskg.queries import lookup as lk

FORMATS = ("table", "csv", "json")
FormatOpt = Annotated[
    str, typer.Option("--format", "-f", help="Output: table, csv or json (a list of objects).")
]
QUOTE_CELL = 160  # a quote in a table is cut with "…" after this many characters
ID_CELL = 8  # tables show the start of an id; `cskg explain` takes any unique start

_STATE_STYLE = {
    "persisting": "bold red",
    "new": "yellow",
    "improved": "green",
    "resolved": "cyan",
}
_POLARITY_STYLE = {"weakness": "red", "strength": "green", "neutral": "dim"}


# ------------------------------------------------------------------------------ commands


@app.command()
def recurring(
    min_years: Annotated[
        str,
        typer.Option(
            "--min-years", metavar="N", help="Raised as a weakness in at least N distinct years."
        ),
    ] = "2",
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="YEAR", help="Count only weakness years from YEAR on."),
    ] = None,
    compare: Annotated[
        str | None,
        typer.Option(
            "--compare",
            metavar="COUNCIL",
            help="COUNCIL's recurring weaknesses against its statistical neighbours' "
            "(the named query compare_neighbours).",
        ),
    ] = None,
    broad: Annotated[
        bool,
        typer.Option(
            "--broad/--narrow-only",
            help="List broad themes (e.g. Workforce), which gather their narrower ones, "
            "beside the narrower themes; --narrow-only leaves them out.",
        ),
    ] = True,
    fmt: FormatOpt = "table",
    out: OutOpt = Path("build"),
    corpus: CorpusOpt = None,
) -> None:
    """Themes raised as weaknesses in several assessment years: when, and where they stand now."""
    choice(fmt, FORMATS, "--format")
    n = _whole(min_years, "--min-years")
    if n < 1:
        _bad_option(f"--min-years must be 1 or more, not {n}")
    year = None if since is None else _whole(since, "--since")
    from cskg.queries import lookup

    if compare is not None and year is not None:
        _bad_option("--since cannot be combined with --compare")
    store = _open(out, corpus)
    if compare is not None:
        from cskg.queries import format_result, load_query, run_query

        params = {"council": compare, "min_years": str(n)}
        result = call(run_query, load_query("compare_neighbours"), params, store=store)
        if not len(result):
            typer.echo(
                f"Error: {compare!r} raised no theme as a weakness in {n} or more "
                "assessment years; `cskg query compare_neighbours` lists the councils",
                err=True,
            )
            raise typer.Exit(1)
        text = call(format_result, result, fmt)
        _write(text if text.endswith("\n") else text + "\n")
        return
    items = call(lookup.recurring, store, n, year, broad)
    _emit(items, fmt, lambda c: _recurring_table(c, items, n, year))


@app.command()
def theme(
    text: Annotated[
        list[str],
        typer.Argument(metavar="TEXT", help="A theme's name, e.g. early help or workforce."),
    ],
    fmt: FormatOpt = "table",
    out: OutOpt = Path("build"),
    corpus: CorpusOpt = None,
) -> None:
    """A theme's history year by year: findings (with narrower themes') and actions."""
    choice(fmt, FORMATS, "--format")
    from cskg.queries import lookup

    store = _open(out, corpus)
    items = call(lookup.theme, store, " ".join(text))
    _emit(items, fmt, lambda c: _theme_tables(c, items))


@app.command()
def actor(
    text: Annotated[
        list[str],
        typer.Argument(
            metavar="TEXT",
            help="Part of a person's, organisation's or post's name, or of a post someone held.",
        ),
    ],
    fmt: FormatOpt = "table",
    out: OutOpt = Path("build"),
    corpus: CorpusOpt = None,
) -> None:
    """People, organisations and posts by name: posts held, findings, actions owned."""
    choice(fmt, FORMATS, "--format")
    from cskg.queries import lookup

    store = _open(out, corpus)
    items = call(lookup.actor, store, " ".join(text))
    _emit(items, fmt, lambda c: _actor_tables(c, items))


@app.command()
def search(
    text: Annotated[
        list[str],
        typer.Argument(
            metavar="TEXT", help="Words every result contains (any case, at a word's start)."
        ),
    ],
    fmt: FormatOpt = "table",
    out: OutOpt = Path("build"),
    corpus: CorpusOpt = None,
) -> None:
    """Full-text search of findings and actions, with the words highlighted."""
    choice(fmt, FORMATS, "--format")
    from cskg.queries import lookup

    store = _open(out, corpus)
    words = " ".join(text)
    items = call(lookup.search, store, words)
    _emit(items, fmt, lambda c: _search_table(c, items, words))


@app.command()
def explain(
    ident: Annotated[
        str, typer.Argument(metavar="ID", help="A finding's or action's IRI, id or id start.")
    ],
    fmt: FormatOpt = "table",
    out: OutOpt = Path("build"),
    corpus: CorpusOpt = None,
) -> None:
    """Why a finding or action is where it is: its year, themes and exact quote."""
    choice(fmt, FORMATS, "--format")
    from cskg.queries import lookup

    store = _open(out, corpus)
    item = call(lookup.explain, store, ident, out)
    _emit([item], fmt, lambda c: _explain_view(c, item))


# ------------------------------------------------------------------------------ plumbing


def _bad_option(message: str) -> NoReturn:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(2)


def _whole(value: str, option: str) -> int:
    """An option's value as a whole number, or a one-line error (exit 2)."""
    try:
        return int(value.strip())
    except ValueError:
        _bad_option(f"{option} {value!r} is not a whole number")


def _open(out: Path, corpus: Path | None) -> Any:
    from cskg.queries import lookup

    show = sys.stderr.isatty()

    def progress(msg: str) -> None:
        if show:
            sys.stderr.write(f"\r\033[Kbuilding the graph first: {msg[:80]}")
            sys.stderr.flush()

    store = call(lookup.open_built, out, corpus, progress)
    if show:
        sys.stderr.write("\r\033[K")
    return store


def _emit(items: Sequence[Any], fmt: str, table: Callable[[Console], None]) -> None:
    if fmt == "json":
        _write(to_json(items))
    elif fmt == "csv":
        _write(to_csv(items))
    else:
        table(_console())


def _write(text: str) -> None:
    # bytes go to the binary stream as they are: UTF-8 whatever the locale
    typer.echo(text.encode("utf-8"), nl=False)


def to_json(items: Sequence[Any]) -> str:
    """Records as a JSON list of objects, keys in field order, non-ASCII kept."""
    import json
    from dataclasses import asdict

    return json.dumps([asdict(i) for i in items], ensure_ascii=False, indent=2) + "\n"


def to_csv(items: Sequence[Any]) -> str:
    """Records as CSV: one row per nested record (quote, post, theme …), parents repeated."""
    import csv
    import io
    from dataclasses import asdict

    nested = _record_fields(type(items[0])) if items else []
    rows = [row for i in items for row in _flatten(asdict(i), nested)]
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_cell(v) for k, v in row.items()})
    return buf.getvalue()


def _record_fields(cls: type) -> list[str]:
    """Fields of a record class that hold records, e.g. ``examples: tuple[Example, ...]``."""
    import re
    from dataclasses import fields

    return [f.name for f in fields(cls) if re.fullmatch(r"tuple\[[A-Z]\w*, \.\.\.\]", str(f.type))]


def _flatten(obj: dict[str, Any], nested: list[str]) -> list[dict[str, Any]]:
    """One row per record of each nested list (``part`` names the list when there are
    several), the object's own fields repeated; a child field that clashes is prefixed."""
    scalars = {k: v for k, v in obj.items() if k not in nested}
    rows = []
    for name in nested:
        for child in obj.get(name) or ():
            row = dict(scalars)
            if len(nested) > 1:
                row["part"] = name
            for key, value in child.items():
                row[key if key not in scalars else f"{name}_{key}"] = value
            rows.append(row)
    return rows or [scalars]


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "; ".join(
            "-".join(str(x) for x in v) if isinstance(v, list | tuple) else str(v) for v in value
        )
    return str(value)


def _console() -> Console:
    from rich.console import Console

    width = None
    if not sys.stdout.isatty() and "COLUMNS" not in os.environ:
        width = 120  # piped or captured: wide enough for quotes, narrow enough to read
    return Console(width=width, highlight=False, emoji=False)


# ------------------------------------------------------------------------------ tables


def _cut(text: str, limit: int = QUOTE_CELL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _years(years: Sequence[int]) -> str:
    return ", ".join(str(y) for y in years) or "—"


def _source(document: str, section: str, page: int | None = None) -> Text:
    from rich.text import Text

    where = document + (f" p.{page}" if page else "")
    return Text(f"{where} § {_cut(section, 60)}" if section else where, style="dim")


def _statement(s: lk.Statement, highlights: Sequence[Sequence[int]] = ()) -> Text:
    from rich.text import Text

    text = Text(" ".join(s.text.split()) if not highlights else s.text)
    for start, end in highlights:
        text.stylize("bold black on yellow", start, end)
    if highlights:
        # collapse runs of whitespace after styling, so offsets stayed right
        text = _squeeze(text)
    extra = []
    if s.responsible:
        extra.append("→ " + " · ".join(s.responsible))
    if s.due:
        extra.append(f"due {s.due}")
    if extra:
        text.append("\n" + "; ".join(extra), style="dim")
    return text


def _squeeze(text: Text) -> Text:
    import re

    from rich.text import Text

    out = Text()
    pos = 0
    plain = text.plain
    for m in re.finditer(r"\s+", plain):
        out.append_text(text[pos : m.start()])
        if m.start() > 0 and m.end() < len(plain):
            out.append(" ")
        pos = m.end()
    out.append_text(text[pos:])
    return out


def _polarity(p: str, kind: str = "finding") -> Text:
    from rich.text import Text

    if kind == "action":
        return Text("action", style="blue")
    return Text(p, style=_POLARITY_STYLE.get(p, ""))


def _recurring_table(
    console: Console, items: Sequence[lk.Recurring], min_years: int, since: int | None
) -> None:
    from rich.table import Table
    from rich.text import Text

    latest = next((r.latest_year for r in items if r.latest_year), None)
    title = f"Themes raised as weaknesses in {min_years} or more assessment years"
    if since:
        title += f" from {since} on"
    table = Table(title=title, title_justify="left")
    councils = len({r.council for r in items}) > 1
    if councils:
        table.add_column("Council")
    table.add_column("Theme", style="bold")
    table.add_column("Weakness years")
    table.add_column("N", justify="right")
    table.add_column("Strength years")
    table.add_column(f"Latest ({latest})" if latest else "Latest")
    for r in items:
        table.add_row(
            *([r.council] if councils else []),
            r.theme,
            _years(r.weak_years),
            str(r.count),
            _years(r.strong_years),
            Text(r.latest_state, style=_STATE_STYLE.get(r.latest_state, "")),
        )
    console.print(table)
    console.print()
    console.print(Text("One example per weakness year", style="bold underline"))
    for r in items:
        head = Text(f"{r.theme} ", style="bold")
        head.append(r.latest_state, style=_STATE_STYLE.get(r.latest_state, ""))
        console.print(head)
        for e in r.examples:
            tail = _source(e.document, e.section, e.page)
            console.print(
                _hanging(console, f"  {e.year} ", f"“{_cut(e.quote)}”", tail), soft_wrap=True
            )


def _hanging(console: Console, lead: str, body: str, tail: Text) -> Text:
    """``lead`` then ``body`` wrapped to the console, continued under it, ``tail`` below.

    Wrapped here rather than by rich: a long list of examples renders several times faster.
    """
    import textwrap

    from rich.text import Text

    pad = " " * len(lead)
    lines = textwrap.wrap(body, max(30, console.width - len(lead))) or [""]
    text = Text(lead, style="bold")
    text.append(lines[0])
    for line in lines[1:]:
        text.append(f"\n{pad}{line}")
    text.append(f"\n{pad}")
    text.append_text(tail)
    return text


def _statements_table(title: str, rows: Sequence[lk.Statement]) -> Any:
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    table.add_column("Year", justify="right")
    table.add_column("Type")
    table.add_column("Statement", ratio=3)
    table.add_column("Source", ratio=1, max_width=36)
    table.add_column("Id", no_wrap=True)
    year = None
    for s in rows:
        if year is not None and s.year != year:
            table.add_section()
        year = s.year
        table.add_row(
            str(s.year),
            _polarity(s.polarity, s.kind),
            _statement(s, getattr(s, "highlights", ())),
            _source(s.document, s.section, s.page),
            s.id[:ID_CELL],
        )
    return table


def _theme_tables(console: Console, items: Sequence[lk.ThemeHistory]) -> None:
    from rich.text import Text

    for i, h in enumerate(items):
        if i:
            console.print()
        head = Text(f"{h.theme} ", style="bold")
        head.append(f"({h.theme_id})", style="dim")
        head.append(f"  weakness: {_years(h.weak_years)} · strength: {_years(h.strong_years)}")
        if h.latest_state:
            head.append(" · latest: ")
            head.append(h.latest_state, style=_STATE_STYLE.get(h.latest_state, ""))
        console.print(head)
        if not h.statements:
            console.print(Text("no findings or actions on this theme", style="dim"))
            continue
        findings = sum(1 for s in h.statements if s.kind == "finding")
        actions = len(h.statements) - findings
        console.print(
            _statements_table(f"{findings} findings and {actions} actions, by year", h.statements)
        )


def _actor_tables(console: Console, items: Sequence[lk.Actor]) -> None:
    from rich.table import Table
    from rich.text import Text

    for i, a in enumerate(items):
        if i:
            console.print()
        head = Text(a.actor, style="bold")
        head.append(f" ({a.type}; matched by {', '.join(a.matched_by)})", style="dim")
        console.print(head)
        if not (a.posts or a.findings or a.actions):
            console.print(Text("no posts, findings or actions recorded", style="dim"))
        if a.posts:
            table = Table(title="Posts held", title_justify="left")
            table.add_column("Year", justify="right")
            table.add_column("Post")
            table.add_column("Organisation")
            table.add_column("Quote", ratio=4)
            table.add_column("Source", ratio=2)
            for p in a.posts:
                table.add_row(
                    str(p.year),
                    p.post,
                    p.organisation,
                    f"“{_cut(p.quote)}”",
                    _source(p.document, p.section, p.page),
                )
            console.print(table)
        if a.findings:
            console.print(_statements_table("Findings that involve them", a.findings))
        if a.actions:
            console.print(_statements_table("Actions they are responsible for", a.actions))


def _search_table(console: Console, items: Sequence[lk.Hit], text: str) -> None:
    findings = sum(1 for h in items if h.kind == "finding")
    title = f"{findings} findings and {len(items) - findings} actions contain {text.strip()!r}"
    console.print(_statements_table(title, items))


def _explain_view(console: Console, e: lk.Explanation) -> None:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    text = Text(e.text)
    for t in e.themes:
        if t.source == "text":
            text.stylize("bold black on yellow", t.start, t.end)
    grid.add_row(e.kind.capitalize(), Text(e.id, style="dim"))
    grid.add_row("Text", text)
    if e.polarity:
        grid.add_row("Polarity", _polarity(e.polarity))
    grid.add_row("Year", str(e.year))
    if e.assessment:
        kind = f" ({e.assessment_kind})" if e.assessment_kind else ""
        grid.add_row("Assessment", f"{e.assessment}{kind}; year {e.assessment_year}")
    grid.add_row("Why this year", e.why)
    if e.involves:
        grid.add_row("Involves", ", ".join(e.involves))
    if e.responsible:
        grid.add_row("Responsible", " · ".join(e.responsible))
    if e.due:
        grid.add_row("Due", e.due)
    console.print(grid)
    if e.themes:
        table = Table(title="Themes, and the words that matched", title_justify="left")
        table.add_column("Theme", style="bold")
        table.add_column("Phrase (ontology/themes.yaml)")
        table.add_column("Matched")
        table.add_column("In")
        table.add_column("Offsets", justify="right")
        for t in e.themes:
            if not t.term:
                table.add_row(
                    t.theme, Text("not found: rebuild the graph", style="dim"), "", "", ""
                )
                continue
            where = {"antecedent": "sentence before", "sentence": "its sentence"}.get(
                t.source, t.source
            )
            table.add_row(t.theme, t.term, t.matched, where, f"{t.start}–{t.end}")
        console.print(table)
    else:
        console.print(Text("No theme.", style="dim"))
    for q in e.excerpts:
        body = Text()
        if q.before:
            body.append("…" + q.before.lstrip(), style="dim")
        body.append(q.quote, style="bold")
        if q.after:
            body.append(q.after.rstrip() + "…", style="dim")
        check = {True: "offsets checked", False: "offsets do NOT match the text", None: ""}
        title = f"{q.document}, characters {q.start}–{q.end}" + (
            f", page {q.page}" if q.page else ""
        )
        sub = f"§ {q.section}" if q.section else ""
        console.print(
            Panel(
                body,
                title=title,
                title_align="left",
                subtitle=" · ".join(x for x in (sub, check[q.verified]) if x),
                subtitle_align="left",
            )
        )
