"""The `cskg` command: thin commands over the library, one error boundary.

Each command parses its options, calls one library function and renders the result.
Heavy libraries are imported inside the commands so that a lookup starts fast.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import typer

from cskg.errors import CskgError

app = typer.Typer(
    name="cskg",
    help="Children's services knowledge graph: council and Ofsted records as an RDF graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

T = TypeVar("T")

# Line breaks and terminal control sequences: a file name or a document may hold any of them,
# and printed as they are they would split the line or drive the terminal (set its title...).
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """``text`` safe to print as one terminal line: control characters shown as escapes."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@contextmanager
def reported() -> Iterator[None]:
    """Turn a :class:`CskgError` into one line on stderr and exit code 1; Ctrl-C into 130."""
    try:
        yield
    except CskgError as err:
        typer.echo(f"Error: {one_line(str(err))}", err=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        raise typer.Exit(130) from None


def call(fn: Callable[..., T], *args: object, **kwargs: object) -> T:
    """Run a library function under the error boundary."""
    with reported():
        return fn(*args, **kwargs)


def choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    """Check an option's value against a list, with a one-line error."""
    if value not in allowed:
        typer.echo(f"Error: {option} {value!r} is not one of: {', '.join(allowed)}", err=True)
        raise typer.Exit(2)
    return value


def _register() -> None:
    # the command modules attach themselves to `app` when imported
    from cskg.cli import core  # noqa: F401

    for name in ("lookup", "sparql"):
        try:
            __import__(f"cskg.cli.{name}")
        except ModuleNotFoundError as err:
            if err.name != f"cskg.cli.{name}":
                raise


_register()


def main() -> None:
    """Entry point of the `cskg` console script."""
    try:
        app()
    except BrokenPipeError:  # `cskg ... | head`
        sys.stderr.close()
        sys.exit(0)
    except Exception as err:
        # the last resort: anything not a CskgError is a bug in cskg, still one line
        if os.environ.get("CSKG_DEBUG"):
            raise
        detail = one_line(" ".join(str(err).split())[:200])
        typer.echo(
            f"Error: unexpected {type(err).__name__}: {detail} "
            "(a bug in cskg; run again with CSKG_DEBUG=1 to see where)",
            err=True,
        )
        sys.exit(1)
