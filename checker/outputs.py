"""Which report goes where: `--format` (repeatable), `-o` (one per format, in order) and
`--output-dir` (every requested format, named after the service) resolved into a plan,
rendered in full before anything is written, then each file written atomically."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .formats import EXTENSIONS, render
from .report import Report


class OutputUsageError(ValueError):
    """The combination of formats and destinations makes no sense."""


@dataclass
class Output:
    fmt: str
    path: Path | None  # None: standard output
    directory: bool = False  # path is a directory: one file per report, named after its service


def plan_outputs(formats: list[str], outputs: list[str], output_dir: str | None, n_reports: int) -> list[Output]:
    formats = list(formats) or ["text"]
    if len(set(formats)) != len(formats):
        raise OutputUsageError("a format is given twice")
    if output_dir and outputs:
        raise OutputUsageError("use either -o/--output or --output-dir, not both")
    if output_dir:
        return [Output(f, Path(output_dir), directory=True) for f in formats]
    if outputs:
        if n_reports > 1:
            raise OutputUsageError("-o/--output takes one service; use --output-dir for several services")
        if len(outputs) != len(formats):
            raise OutputUsageError(f"give one -o per --format, in the same order ({len(formats)} formats, {len(outputs)} outputs)")
        return [Output(f, Path(o)) for f, o in zip(formats, outputs)]
    if len(formats) > 1:
        raise OutputUsageError("several formats need -o per format or --output-dir")
    return [Output(formats[0], None)]


def _slug(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("_") or "service"


def file_name(source: Path, fmt: str) -> str:
    """<service directory name>.lgai-report.<ext>, e.g. ai-ocr-lgwan-asp.lgai-report.html."""
    return f"{_slug(Path(source).resolve().name)}.lgai-report.{EXTENSIONS[fmt]}"


def render_all(plan: list[Output], reports: list[tuple[Path, Report]], lang: str, *, color: bool, sign=None) -> list[tuple[Path | None, str]]:
    """Every (destination, text) of the plan; `sign(json_text) -> json_text` signs JSON reports."""
    rendered: list[tuple[Path | None, str]] = []
    for out in plan:
        if out.directory:
            for source, report in reports:
                rendered.append((out.path / file_name(source, out.fmt), _render_one(report, out.fmt, lang, color=False, sign=sign)))
            continue
        texts = [_render_one(r, out.fmt, lang, color=color and out.path is None, sign=sign) for _, r in reports]
        if out.fmt == "json" and len(texts) > 1:
            text = "[\n" + ",\n".join(t.rstrip("\n") for t in texts) + "\n]\n"
        else:
            text = "\n".join(texts)
        rendered.append((out.path, text))
    return rendered


def _render_one(report: Report, fmt: str, lang: str, *, color: bool, sign) -> str:
    text = render(report, fmt, lang, color=color)
    if fmt == "json" and sign is not None:
        text = sign(text)
    return text
