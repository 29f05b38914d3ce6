"""SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps, the VS Code SARIF viewer).

One run. `tool.driver.rules` holds every requirement of the report (judged or not), in the
checklist order (family, then id), with help text and Markdown (source, catalog rows, basis,
remediation, the evidence an attestation needs). `results` holds what a reviewer must act on:

    requirement status  result(s)                                         kind    level
    fail                one per finding, at its file:line                 fail    from severity (below)
    fail, no finding    one, at the declaration (lgai.yaml)               fail    from severity
    error               one, at the declaration, plus a tool-execution    fail    error
                        notification; invocation.executionSuccessful=false when the verdict is
                        not determinable
    needs_attestation   one per open point, else one at the stale         review  none
                        attestation or the declaration
    suppressed IaC      one per checkov finding a skip comment            fail    from severity,
    finding             suppressed, with suppressions[inSource]                   shown as suppressed
    pass, attested,     none: code-scanning UIs turn every result into an alert whatever its
    not_applicable      `kind`, so passing requirements would raise alerts

Severity to level (rules' defaultConfiguration.level and fail results): critical and high → error,
medium → warning, low → note. Rules also carry GitHub's `security-severity` (critical 9.5, high 8.0,
medium 5.5, low 3.0) so alerts show the same four severities.

Why `review`/`none` for needs_attestation: SARIF §3.27.10 requires level "none" when kind is not
"fail", and "review" is the kind for "a human must decide" — what an attestation is. GitHub lists
such alerts without a severity; they never fail a gate that filters on error/warning.

Locations are relative to the checked directory (uriBaseId %SRCROOT%), as in the report; run lgai
on the repository root (or upload with the checkout path set to the service directory) so that the
code-scanning UI finds the files. partialFingerprints["lgaiFindingHash/v1"] hashes rule id, file,
field and checkov check id (not the line or the message), so an alert survives edits elsewhere in
the file; a second identical key in one run gets ":2", ":3"….
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from urllib.parse import quote

from ..report import Finding, Report, RequirementResult
from . import labels as L
from .csv_format import attestation_text, ordered_results

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json"
# The public home of lgai, for tool.driver.informationUri (an absolute URI); None leaves it out.
INFORMATION_URI: str | None = None
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "lgaiFindingHash/v1"

LEVEL = {"critical": "error", "high": "error", "medium": "warning", "low": "note"}
SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0"}


def render_sarif(report: Report, lang: str) -> str:
    results = ordered_results(report)
    index = {r.id: i for i, r in enumerate(results)}
    fallback = _fallback_file(report)
    seen: dict[str, int] = {}
    sarif_results: list[dict] = []
    notifications: list[dict] = []
    for r in results:
        sarif_results += _results_of(r, index[r.id], lang, fallback, seen)
        if r.status == "error":
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": _error_text(r, lang)},
                    "associatedRule": {"id": r.id, "index": index[r.id]},
                }
            )
    when = _utc(report.generated_at)
    invocation: dict = {
        "executionSuccessful": report.verdict != "not_determinable",
        "startTimeUtc": when,
        "endTimeUtc": when,
        "properties": {"verdict": report.verdict, "asOf": report.as_of},
    }
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {"driver": _driver(report, results, lang)},
        "invocations": [invocation],
        "automationDetails": {
            "id": f"lgai/{_slug(report.service.get('name') or 'service')}/{when}",
            "description": {"text": f"{L.label('title', lang)}: {_service_name(report)}"},
        },
        "originalUriBaseIds": {
            SRCROOT: {"description": {"text": "the directory lgai checked (the service or IaC directory)"}},
        },
        "artifacts": [
            {
                "location": {"uri": _uri(i.path), "uriBaseId": SRCROOT},
                "hashes": {"sha-256": i.sha256},
                "roles": ["analysisTarget"],
                "properties": {"kind": i.kind},
            }
            for i in report.inputs
        ],
        "language": lang,
        "results": sarif_results,
        "properties": _run_properties(report, lang),
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


# --- rules ---------------------------------------------------------------------------------


def _driver(report: Report, results: list[RequirementResult], lang: str) -> dict:
    version = report.tool.get("version", "")
    driver = {
        "name": report.tool.get("name", "lgai"),
        "version": version,
        "semanticVersion": version,
        "fullName": f"lgai {version} (rule pack {report.rule_pack.get('version')})",
        "language": lang,
        "rules": [_rule(r, lang) for r in results],
        "properties": {
            "rulePack": dict(report.rule_pack),
            "engine": dict(report.engine),
        },
    }
    if INFORMATION_URI:
        driver["informationUri"] = INFORMATION_URI
    return driver


def _rule(r: RequirementResult, lang: str) -> dict:
    title = r.title.get(lang)
    tags = ["security", "compliance", f"lgai/{r.family}", f"severity/{r.severity}", *r.catalog]
    props = {
        "tags": list(dict.fromkeys(tags)),
        "security-severity": SECURITY_SEVERITY[r.severity],
        "family": r.family,
        "familyName": L.family(r.family, lang),
        "severity": r.severity,
        "catalog": list(r.catalog),
        "source": r.source,
        "honesty": r.honesty,
        "kind": r.kind,
        "party": r.party,
    }
    if r.checkov:
        props["checkovChecks"] = [c.check_id for c in r.checkov]
    return {
        "id": r.id,
        "name": _pascal(r.title.en) or r.id,
        "shortDescription": {"text": title},
        "fullDescription": {"text": f"{title} ({L.label('source', lang)}: {r.source})"},
        "help": {"text": _help_text(r, lang), "markdown": _help_markdown(r, lang)},
        "defaultConfiguration": {"level": LEVEL[r.severity]},
        "properties": props,
    }


def _help_lines(r: RequirementResult, lang: str) -> list[tuple[str, str]]:
    lines = [
        (L.label("severity", lang), L.severity(r.severity, lang)),
        (L.label("family", lang), L.family(r.family, lang)),
        (L.label("source", lang), r.source),
        (L.label("catalog", lang), ", ".join(r.catalog)),
        (L.label("honesty", lang), L.honesty(r.honesty, lang)),
        (L.label("remediation", lang), r.remediation.get(lang)),
    ]
    if r.evidence_needed:
        lines.append((L.label("evidence_needed", lang), r.evidence_needed.get(lang)))
    if r.checkov:
        lines.append((L.label("checkov_checks", lang), ", ".join(f"{c.check_id} ({c.name})" for c in r.checkov)))
    return lines


def _help_text(r: RequirementResult, lang: str) -> str:
    return "\n".join([f"{r.id} {r.title.get(lang)}", ""] + [f"{k}: {v}" for k, v in _help_lines(r, lang)])


def _help_markdown(r: RequirementResult, lang: str) -> str:
    out = [f"**{_md(r.id)} {_md(r.title.get(lang))}**", ""]
    out += [f"- **{_md(k)}**: {_md(v)}" for k, v in _help_lines(r, lang)]
    return "\n".join(out)


# --- results -------------------------------------------------------------------------------


def _results_of(r: RequirementResult, rule_index: int, lang: str, fallback: str | None, seen: dict[str, int]) -> list[dict]:
    level = LEVEL[r.severity]
    out: list[dict] = []
    if r.status == "fail":
        for f in r.findings:
            out.append(_finding_result(r, rule_index, f, lang, "fail", level, seen))
        if not r.findings:
            text = r.reason.get(lang) if r.reason else r.title.get(lang)
            out.append(_result(r, rule_index, text, "fail", level, _place(fallback), seen, "fail"))
    elif r.status == "error":
        out.append(_result(r, rule_index, _error_text(r, lang), "fail", "error", _place(fallback), seen, "error"))
    elif r.status == "needs_attestation":
        head = f"{L.status(r.status, lang)}: {r.reason.get(lang) if r.reason else L.label('attestation_needed', lang)}"
        if r.evidence_needed:
            head += f" ({L.label('evidence_needed', lang)}: {r.evidence_needed.get(lang)})"
        for f in r.open_points:
            out.append(_finding_result(r, rule_index, f, lang, "review", "none", seen, prefix=head))
        if not r.open_points:
            a = r.attestation
            place = (a.file, a.line, a.file) if a else _place(fallback)
            text = head + (f" — {attestation_text(r, lang)}" if a else "")
            out.append(_result(r, rule_index, text, "review", "none", place, seen, "needs_attestation"))
    for f in r.suppressed:
        res = _finding_result(r, rule_index, f, lang, "fail", level, seen)
        res["suppressions"] = [{"kind": "inSource", "state": "accepted", "justification": f.message.get(lang)}]
        res["properties"]["lgaiStatus"] = "suppressed"
        out.append(res)
    return out


def _finding_result(r, rule_index, f: Finding, lang, kind, level, seen, prefix: str | None = None) -> dict:
    text = f.message.get(lang)
    if prefix:
        text = f"{prefix}\n{text}"
    res = _result(r, rule_index, text, kind, level, (f.file, f.line, f.field), seen, r.status, check_id=f.check_id)
    props = res["properties"]
    props["field"] = f.field
    if f.values:
        props["values"] = f.values
    if f.check_id:
        props["checkovCheckId"] = f.check_id
    return res


def _result(r, rule_index, text, kind, level, place, seen, status, check_id: str | None = None) -> dict:
    file, line, field = place
    res: dict = {
        "ruleId": r.id,
        "ruleIndex": rule_index,
        "kind": kind,
        "level": level,
        "message": {"text": text},
    }
    if file:
        phys: dict = {"artifactLocation": {"uri": _uri(file), "uriBaseId": SRCROOT}}
        if line:
            phys["region"] = {"startLine": int(line)}
        res["locations"] = [{"physicalLocation": phys}]
    res["partialFingerprints"] = {FINGERPRINT_KEY: _fingerprint(r.id, file or "", field or "", check_id, seen)}
    res["properties"] = {"lgaiStatus": status, "severity": r.severity}
    return res


def _place(fallback: str | None) -> tuple[str | None, None, str]:
    return (fallback, None, "")


def _fallback_file(report: Report) -> str | None:
    """Where a result with no file of its own points: the declaration, else the first input."""
    for i in report.inputs:
        if i.kind == "declaration":
            return i.path
    return report.inputs[0].path if report.inputs else None


def _fingerprint(rule_id: str, file: str, field: str, check_id: str | None, seen: dict[str, int]) -> str:
    digest = hashlib.sha256("\0".join([rule_id, file, field, check_id or ""]).encode("utf-8")).hexdigest()[:32]
    seen[digest] = seen.get(digest, 0) + 1
    return digest if seen[digest] == 1 else f"{digest}:{seen[digest]}"


def _error_text(r: RequirementResult, lang: str) -> str:
    reason = r.reason.get(lang) if r.reason else ""
    return f"{L.label('evaluation_error', lang)}: {reason}".rstrip(": ")


# --- run metadata --------------------------------------------------------------------------


def _run_properties(report: Report, lang: str) -> dict:
    props: dict = {
        "verdict": report.verdict,
        "verdictText": L.verdict(report.verdict, lang),
        "scope": report.scope,
        "asOf": report.as_of,
        "generatedAt": report.generated_at,
        "service": dict(report.service),
        "profile": report.profile,
        "summary": report.summary.model_dump(),
    }
    if report.municipality:
        props["municipality"] = report.municipality
    return props


def _service_name(report: Report) -> str:
    svc = report.service
    return " ".join(x for x in (svc.get("name"), svc.get("version")) if x)


def _utc(stamp: str) -> str:
    """RFC 3339 UTC with 'Z', as SARIF's date/time properties want."""
    t = dt.datetime.fromisoformat(stamp)
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.timezone.utc)
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/")


def _slug(name: str) -> str:
    return re.sub(r"[^\w.-]+", "-", name).strip("-") or "service"


def _pascal(text: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in re.findall(r"[A-Za-z0-9]+", text))


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)
