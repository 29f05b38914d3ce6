"""Output formats. Each renders a Report to text in one language; `render` picks one.

    text      terminal (rich)                      formats/text.py
    json      the Report itself (schema: docs/schema/report.schema.json)
    markdown  pull-request comments                formats/markdown.py
    html      one self-contained page, prints on A4 formats/html.py (+ templates/)
    csv       Excel checklist, UTF-8 with BOM       formats/csv_format.py
    sarif     SARIF 2.1.0 for code scanning         formats/sarif.py
    junit     JUnit XML, one testcase a requirement formats/junit.py
    oscal     OSCAL assessment results (JSON)       formats/oscal.py
"""

from __future__ import annotations

import importlib

from ..report import Report

# format -> (module, function, file extension)
_RENDERERS = {
    "text": ("text", "render_text", "txt"),
    "json": ("json_format", "render_json", "json"),
    "markdown": ("markdown", "render_markdown", "md"),
    "html": ("html", "render_html", "html"),
    "csv": ("csv_format", "render_csv", "csv"),
    "sarif": ("sarif", "render_sarif", "sarif"),
    "junit": ("junit", "render_junit", "junit.xml"),
    "oscal": ("oscal", "render_oscal", "oscal.json"),
}
FORMATS = tuple(_RENDERERS)
EXTENSIONS = {fmt: ext for fmt, (_, _, ext) in _RENDERERS.items()}


def render(report: Report, fmt: str, lang: str, *, color: bool = False, width: int = 110) -> str:
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown format {fmt}")
    module, function, _ = _RENDERERS[fmt]
    fn = getattr(importlib.import_module(f"{__name__}.{module}"), function)
    if fmt == "text":
        return fn(report, lang, color=color, width=width)
    return fn(report, lang)
