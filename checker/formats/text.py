"""Terminal text (rich): verdict first, then the requirements table, then what to fix."""

from __future__ import annotations

import io

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text as RText

from ..report import Report
from . import labels as L

STATUS_STYLE = {
    "pass": "green",
    "fail": "bold red",
    "error": "bold magenta",
    "needs_attestation": "yellow",
    "attested": "cyan",
    "not_applicable": "dim",
}
VERDICT_STYLE = {
    "compliant": "bold white on green",
    "conditionally_compliant": "bold black on yellow",
    "non_compliant": "bold white on red",
    "not_determinable": "bold white on magenta",
}
SEVERITY_STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "dim"}
ORDER = {"fail": 0, "error": 1, "needs_attestation": 2, "attested": 3, "pass": 4, "not_applicable": 5}
SEV_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}


def render_text(report: Report, lang: str, *, color: bool = False, width: int = 110) -> str:
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=color, no_color=not color, highlight=False, emoji=False)
    print_report(console, report, lang)
    return buf.getvalue()


def print_report(console: Console, report: Report, lang: str) -> None:
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    svc = report.service
    head.add_row(L.label("service", lang), " ".join(x for x in (svc["name"], svc.get("version")) if x))
    if svc.get("vendor"):
        head.add_row(L.label("vendor", lang), svc["vendor"])
    if report.scope == "iac_only":
        head.add_row(L.label("scope", lang), L.label("scope_iac_only", lang))
    head.add_row(L.label("profile", lang), L.models(report.profile, lang))
    head.add_row(L.label("as_of", lang), report.as_of)
    head.add_row(
        L.label("rule_pack", lang),
        f"{report.rule_pack['version']} ({report.rule_pack['rules']} rules, sha256 {str(report.rule_pack['digest'])[:12]}…)",
    )
    head.add_row(L.label("engine", lang), report.engine["version"])
    if report.iac is not None:
        head.add_row(L.label("iac", lang), iac_line(report, lang))
    verdict = RText(f" {L.label('verdict', lang)}: {L.verdict(report.verdict, lang)} ", style=VERDICT_STYLE[report.verdict])
    console.print(Panel(head, title=L.label("title", lang), subtitle=verdict, expand=True))

    counts = report.summary.by_status
    line = "  ".join(f"{L.status(s, lang)} {counts[s]}" for s in ORDER if counts.get(s))
    fails = report.summary.failed_by_severity
    sev = "  ".join(f"{L.severity(s, lang)} {n}" for s, n in fails.items() if n)
    console.print(f"{L.label('summary', lang)}: {line}")
    if sev:
        console.print(f"{L.label('failed_by_severity', lang)}: {sev}")
    console.print()

    table = Table(show_lines=False, expand=True)
    table.add_column(L.label("status", lang), no_wrap=True)
    table.add_column(L.label("severity", lang), no_wrap=True)
    table.add_column("ID", no_wrap=True)
    table.add_column(L.label("requirement", lang), overflow="fold")
    table.add_column(L.label("family", lang))
    for r in sorted(report.results, key=lambda r: (ORDER[r.status], SEV_ORDER[r.severity], r.id)):
        table.add_row(
            RText(L.status(r.status, lang), style=STATUS_STYLE[r.status]),
            RText(L.severity(r.severity, lang), style=SEVERITY_STYLE[r.severity]),
            r.id,
            r.title.get(lang),
            L.family(r.family, lang),
        )
    console.print(table)

    failed = [r for r in report.results if r.status in ("fail", "error")]
    if failed:
        console.print()
        console.print(RText(L.label("failures", lang), style="bold"))
        for r in sorted(failed, key=lambda r: (SEV_ORDER[r.severity], r.id)):
            console.print(
                RText(f"■ {r.id} {r.title.get(lang)} [{L.severity(r.severity, lang)}]", style=STATUS_STYLE[r.status])
            )
            console.print(f"  {L.label('source', lang)}: {r.source}  ({', '.join(r.catalog)}; {L.honesty(r.honesty, lang)})")
            if r.reason:
                console.print(f"  {L.label('reason', lang)}: {r.reason.get(lang)}")
            for f in r.findings:
                console.print(f"  - {f.location()}  {f.field}")
                console.print(f"    {f.message.get(lang)}")
            for f in r.suppressed:
                console.print(f"  ({L.label('suppressed', lang)}) {f.location()}  {f.message.get(lang)}")
            console.print(f"  {L.label('remediation', lang)}: {r.remediation.get(lang)}")

    pending = [r for r in report.results if r.status == "needs_attestation"]
    if pending:
        console.print()
        console.print(RText(L.label("attestations", lang), style="bold yellow"))
        for party in ("vendor", "municipality"):
            items = [r for r in pending if r.party == party]
            if not items:
                continue
            console.print(RText(L.label(f"party_{party}", lang), style="yellow"))
            for r in items:
                console.print(f"□ {r.id} {r.title.get(lang)}: {r.reason.get(lang) if r.reason else ''}")
                if r.evidence_needed:
                    console.print(f"  {L.label('document', lang)}: {r.evidence_needed.get(lang)}")
                for f in r.open_points:
                    console.print(f"  - {f.location()}  {f.message.get(lang)}")
    attested = [r for r in report.results if r.status == "attested" and r.attestation]
    if attested:
        console.print()
        console.print(RText(L.label("attested", lang), style="bold cyan"))
        for r in attested:
            a = r.attestation
            console.print(f"✓ {r.id} {r.title.get(lang)}: {a.document} ({a.date})")


def iac_line(report: Report, lang: str) -> str:
    """One line on the IaC read: files, resources per cloud, linked resources, checkov build and checks."""
    iac = report.iac
    clouds = ", ".join(f"{k} {v}" for k, v in iac.by_cloud.items())
    return (
        f"{L.label('iac_files', lang)} {len(iac.files)} / {L.label('iac_resources', lang)} {iac.resources} ({clouds})"
        f" / {L.label('iac_linked', lang)} {iac.linked} / checkov {iac.checkov_version}, {len(iac.checks_run)} {L.label('checkov_checks', lang)}"
    )
