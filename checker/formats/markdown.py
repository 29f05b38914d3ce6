"""Markdown, for pull-request comments and wiki pages."""

from __future__ import annotations

from ..report import Report
from . import labels as L
from .text import ORDER, SEV_ORDER, iac_line

ICON = {"pass": "✅", "fail": "❌", "error": "⚠️", "needs_attestation": "📝", "attested": "📎", "not_applicable": "➖"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report, lang: str) -> str:
    svc = report.service
    name = " ".join(x for x in (svc["name"], svc.get("version")) if x)
    out = [f"## {L.label('title', lang)}: {name}", ""]
    out.append(f"**{L.label('verdict', lang)}: {L.verdict(report.verdict, lang)}**")
    out.append("")
    if report.scope == "iac_only":
        out.append(f"- {L.label('scope', lang)}: {L.label('scope_iac_only', lang)}")
    if svc.get("vendor"):
        out.append(f"- {L.label('vendor', lang)}: {svc['vendor']}")
    out.append(f"- {L.label('profile', lang)}: {L.models(report.profile, lang)}")
    out.append(f"- {L.label('as_of', lang)}: {report.as_of}")
    out.append(f"- {L.label('rule_pack', lang)}: {report.rule_pack['version']} (`{str(report.rule_pack['digest'])[:12]}`)")
    if report.iac is not None:
        out.append(f"- {L.label('iac', lang)}: {iac_line(report, lang)}")
    counts = report.summary.by_status
    out.append(f"- {L.label('summary', lang)}: " + ", ".join(f"{L.status(s, lang)} {counts[s]}" for s in ORDER if counts.get(s)))
    out.append("")
    out.append(f"| {L.label('status', lang)} | {L.label('severity', lang)} | ID | {L.label('requirement', lang)} | {L.label('evidence', lang)} |")
    out.append("|---|---|---|---|---|")
    for r in sorted(report.results, key=lambda r: (ORDER[r.status], SEV_ORDER[r.severity], r.id)):
        if r.findings:
            ev = "<br>".join(_cell(f"`{f.location()}` {f.message.get(lang)}") for f in r.findings)
        elif r.reason:
            ev = _cell(r.reason.get(lang))
        else:
            ev = ""
        out.append(
            f"| {ICON[r.status]} {L.status(r.status, lang)} | {L.severity(r.severity, lang)} | {r.id} | {_cell(r.title.get(lang))} | {ev} |"
        )
    failed = [r for r in report.results if r.status == "fail"]
    if failed:
        out.append("")
        out.append(f"### {L.label('remediation', lang)}")
        for r in sorted(failed, key=lambda r: (SEV_ORDER[r.severity], r.id)):
            out.append(f"- **{r.id}** {_cell(r.remediation.get(lang))} ({L.label('source', lang)}: {_cell(r.source)})")
    return "\n".join(out) + "\n"
