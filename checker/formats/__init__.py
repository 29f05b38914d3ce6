"""Output formats. Each renders a Report to text in one language; `render` picks one."""

from __future__ import annotations

from ..report import Report

FORMATS = ("text", "json", "markdown")


def render(report: Report, fmt: str, lang: str, *, color: bool = False, width: int = 110) -> str:
    if fmt == "json":
        from .json_format import render_json

        return render_json(report, lang)
    if fmt == "markdown":
        from .markdown import render_markdown

        return render_markdown(report, lang)
    if fmt == "text":
        from .text import render_text

        return render_text(report, lang, color=color, width=width)
    raise ValueError(f"unknown format {fmt}")
