"""`cskg build`, `cskg manifest` and `cskg validate`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from cskg.cli.app import app, call, one_line

CorpusOpt = Annotated[
    Path | None,
    typer.Option(
        "--corpus",
        help="Folder of .txt/.md/.pdf/.html documents [default: ./corpus or the embedded corpus].",
    ),
]
OutOpt = Annotated[Path, typer.Option("--out", help="Output folder.")]


@app.command()
def build(
    corpus: CorpusOpt = None,
    out: OutOpt = Path("build"),
    keep_going: Annotated[
        bool, typer.Option("--keep-going", help="Skip a broken document with a warning.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary.")] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Build even when the build in --out is up to date.")
    ] = False,
    themes: Annotated[
        Path | None,
        typer.Option(
            "--themes",
            metavar="FILE",
            help="A theme scheme (YAML, as ontology/themes.yaml) to tag with instead.",
        ),
    ] = None,
) -> None:
    """Build graph.trig, graph.html and the query store from a corpus folder.

    A build made from the same corpus files by the same cskg is kept as it is (--force
    rebuilds it).
    """
    from cskg.graph.pipeline import build as run_build

    show = sys.stderr.isatty() and not quiet

    def progress(msg: str) -> None:
        if show:
            sys.stderr.write(f"\r\033[K{msg[:100]}")
            sys.stderr.flush()

    result = call(
        run_build,
        corpus,
        out,
        keep_going=keep_going,
        progress=progress,
        if_changed=not force,
        themes=themes,
    )
    if show:
        sys.stderr.write("\r\033[K")
    for w in result.warnings:
        typer.echo(f"Warning: {one_line(w)}", err=True)
    c = result.counts
    head = (
        f"Up to date: {result.out}/graph.trig (same corpus files, same cskg; --force rebuilds)"
        if result.up_to_date
        else f"Built {result.out}/graph.trig in {result.seconds:.1f} s"
    )
    typer.echo(
        f"{head}: "
        f"{c['documents']} documents, {c['assessments']} assessments, "
        f"{c['judgements']} judgements, {c['findings']} findings, {c['themes']} themes, "
        f"{c['actors']} actors, {c['actions']} actions, {c['figures']} figures, "
        f"{c['triples']} triples"
        + (f"; skipped {len(result.skipped)} broken file(s)" if result.skipped else "")
    )


@app.command()
def manifest(
    corpus: Annotated[Path, typer.Argument(help="Corpus folder.")],
    keep_going: Annotated[
        bool,
        typer.Option("--keep-going", help="Name a broken document in a comment; draft the rest."),
    ] = False,
) -> None:
    """Print the manifest inferred from a corpus folder's documents (YAML), to review and keep."""
    from cskg.loaders.manifest_draft import draft_manifest

    typer.echo(call(draft_manifest, corpus, keep_going=keep_going), nl=False)


@app.command()
def validate(
    out: OutOpt = Path("build"),
    corpus: CorpusOpt = None,
) -> None:
    """Check the built graph against ontology/shapes.ttl; exit 0 conforms, 1 violations, 2 error."""
    from cskg.graph.pipeline import ensure_built, validate_build

    try:
        call(ensure_built, corpus, out)
        violations = call(validate_build, out)
    except typer.Exit as e:
        raise typer.Exit(2) from e
    if not violations:
        typer.echo(f"{out}/graph.trig conforms to ontology/shapes.ttl.")
        return
    for v in violations:
        typer.echo(v.line())
    typer.echo(f"{len(violations)} violation(s).", err=True)
    raise typer.Exit(1)
