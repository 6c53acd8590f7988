"""The offline HTML page of the graph for scrutiny members (one self-contained file)."""

from __future__ import annotations

from html import escape

from cskg.graph.derive import Recurrence
from cskg.loaders.records import Extraction
from cskg.ontology.themes import ThemeScheme


def render_page(x: Extraction, recurrences: list[Recurrence], scheme: ThemeScheme) -> str:
    """A plain page: what recurs, by year, with the source quotes. All document text is escaped."""
    years = sorted({a.year for a in x.assessments})
    rows = []
    for r in recurrences:
        cells = "".join(
            "<td class='w'>weak</td>" if y in r.weak_years
            else "<td class='s'>strong</td>" if y in r.strong_years else "<td></td>"
            for y in years
        )
        rows.append(f"<tr><th>{escape(scheme.get(r.theme).pref_label)}</th>{cells}</tr>")
    findings = "".join(
        f"<li><b>{f.year}</b> {escape(f.polarity)}: {escape(f.text)} "
        f"<q>{escape(f.excerpts[0].quote)}</q></li>"
        for f in x.findings
    )
    head = "".join(f"<th>{y}</th>" for y in years)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Children's services knowledge graph</title></head><body>"
        f"<h1>What recurs</h1><table><tr><th>Theme</th>{head}</tr>{''.join(rows)}</table>"
        f"<h2>Findings</h2><ul>{findings}</ul></body></html>\n"
    )
