"""JSON: the Report itself (docs/schema/report.schema.json), keys in a stable order."""

from __future__ import annotations

from ..report import Report


def render_json(report: Report, lang: str) -> str:
    return report.model_copy(update={"lang": lang}).model_dump_json(indent=2) + "\n"
