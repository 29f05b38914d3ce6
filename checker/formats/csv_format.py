"""CSV for a procurement checklist in Excel: UTF-8 with BOM, CRLF, one row per requirement.

Columns (Japanese headers by default, English with lang="en"):

    項番 No.            1..n in the row order: family (rule-pack order), then requirement id
    分類 Family         the family's name
    要件 Requirement    "<id> <title>"
    出典 Source         the source document; catalog rows on the next line; the basis (honesty) after
    重要度 Severity     重大 / 高 / 中 / 低
    判定 Status         the status label; for 対象外, 要確認 and 評価エラー the reason on the next line
    根拠 Evidence       findings (fail), then open points (what configuration cannot decide), one per line
                        as "file:line field: message";
                        the attestation statement (表明済); suppressed IaC findings, marked
    是正策 Remediation  only for 不適合 and 要確認, empty otherwise
    証跡 Evidence doc.  表明済 / stale: "document section (date)"; 要確認: the document needed

Excel reads UTF-8 only with the BOM, and keeps in-cell line breaks (LF) inside quoted fields.
Vendor-written text reaches cells (attestation documents, statements, names), so every cell that
a spreadsheet would take for a formula gets a leading apostrophe (OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import io

from ..report import Finding, Report, RequirementResult
from ..rulepack import FAMILIES
from . import labels as L

BOM = "\ufeff"
COLUMNS = ("item_no", "family", "requirement", "source", "severity", "status", "evidence", "remediation", "document")

# A cell starting with one of these is a formula (or becomes one) in Excel, LibreOffice and
# Google Sheets; the full-width forms are included because an IME may produce them.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
_FAMILY_ORDER = {f: i for i, f in enumerate(FAMILIES)}


def ordered_results(report: Report) -> list[RequirementResult]:
    """The stable order every checklist-like format uses: family (rule-pack order), then id."""
    return sorted(report.results, key=lambda r: (_FAMILY_ORDER.get(r.family, len(_FAMILY_ORDER)), r.family, r.id))


def defuse(cell: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would evaluate as a formula."""
    if cell.startswith(_FORMULA_START) or (cell[:1].isspace() and cell.lstrip().startswith(_FORMULA_START)):
        return "'" + cell
    return cell


def finding_line(f: Finding, lang: str) -> str:
    """'file:line field: message' — the evidence of one finding on one line."""
    text = " ".join(f.message.get(lang).split())
    return f"{f.location()} {f.field}: {text}"


def attestation_text(r: RequirementResult, lang: str) -> str:
    """'document section (date)', with the staleness when the attestation is too old."""
    a = r.attestation
    if a is None:
        return ""
    doc = " ".join(x for x in (a.document, a.section) if x)
    text = f"{doc} ({a.date})"
    if a.stale:
        text += " — " + L.label("stale_attestation", lang).format(age=a.age_days, max=a.max_age_days)
    return text


def _source(r: RequirementResult, lang: str) -> str:
    return "\n".join(
        [r.source, ", ".join(r.catalog), f"{L.label('honesty', lang)}: {L.honesty(r.honesty, lang)}"]
    )


def _status(r: RequirementResult, lang: str) -> str:
    text = L.status(r.status, lang)
    if r.status in ("not_applicable", "needs_attestation", "error") and r.reason:
        text += "\n" + r.reason.get(lang)
    return text


def _evidence(r: RequirementResult, lang: str) -> str:
    lines = [finding_line(f, lang) for f in r.findings]
    lines += [f"{L.label('open_point', lang)}: {finding_line(f, lang)}" for f in r.open_points]
    if r.status == "attested" and r.attestation:
        a = r.attestation
        where = f"{a.file}:{a.line}" if a.line else a.file
        lines.append(f"{L.label('statement', lang)} ({where}): {a.statement}")
    lines += [f"({L.label('suppressed', lang)}) {finding_line(f, lang)}" for f in r.suppressed]
    return "\n".join(lines)


def _document(r: RequirementResult, lang: str) -> str:
    parts = []
    if r.status in ("attested", "needs_attestation") and r.attestation:
        parts.append(attestation_text(r, lang))
    if r.status == "needs_attestation" and r.evidence_needed:
        parts.append(f"{L.label('evidence_needed', lang)}: {r.evidence_needed.get(lang)}")
    return "\n".join(parts)


def rows(report: Report, lang: str) -> list[list[str]]:
    """Header row, then one row per requirement (cells not yet defused)."""
    out = [[L.label(c, lang) for c in COLUMNS]]
    for n, r in enumerate(ordered_results(report), start=1):
        out.append(
            [
                str(n),
                L.family(r.family, lang),
                f"{r.id} {r.title.get(lang)}",
                _source(r, lang),
                L.severity(r.severity, lang),
                _status(r, lang),
                _evidence(r, lang),
                r.remediation.get(lang) if r.status in ("fail", "needs_attestation") else "",
                _document(r, lang),
            ]
        )
    return out


def render_csv(report: Report, lang: str) -> str:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    for row in rows(report, lang):
        writer.writerow([defuse(cell) for cell in row])
    return BOM + buf.getvalue()
