"""JUnit XML for CI test reports (Jenkins, GitLab, GitHub test-report actions, Azure DevOps).

<testsuites name="lgai: <service>"> holds one <testsuite name="lgai.<family>"> per family, in the
rule-pack order, and one <testcase> per requirement: name "<id> <title>", classname "lgai.<family>".
The element layout follows the Jenkins xUnit plugin's junit-10.xsd (tests/schemas/junit-10.xsd).

    status              testcase content
    pass, attested      nothing (a passing test); attested ones carry the attestation in <system-out>
    fail                <failure message="<first finding> (and n more)" type="<severity>">
                        every finding as "file:line field: message", open points, suppressed findings,
                        the remediation and the source
    error               <error message="<reason>" type="error">
    not_applicable      <skipped message="対象外: <reason>">
    needs_attestation   <skipped message="要確認: <reason>">, the evidence needed, open points and
                        the remediation in the body: an attestation is a human's decision, not a
                        test result, so it neither passes nor fails the build here (the exit code
                        and --fail-on decide that)

tests/failures/errors/skipped are counted per suite and in total; timestamp is the report's
generated_at in UTC (ISO 8601 without offset, as JUnit readers expect); time is 0 — a requirement has
no duration of its own.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from ..report import Report, RequirementResult
from . import labels as L
from .csv_format import attestation_text, finding_line, ordered_results

# Characters XML 1.0 does not allow, even escaped.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def render_junit(report: Report, lang: str) -> str:
    results = ordered_results(report)
    families: dict[str, list[RequirementResult]] = {}
    for r in results:
        families.setdefault(r.family, []).append(r)

    root = ET.Element("testsuites")
    root.set("name", _x(f"lgai: {_service_name(report)}"))
    stamp = _timestamp(report.generated_at)
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for n, (family, items) in enumerate(families.items()):
        counts = _counts(items)
        suite = ET.SubElement(root, "testsuite")
        suite.set("name", f"lgai.{family}")
        suite.set("id", str(n))
        suite.set("package", "lgai")
        suite.set("tests", str(counts["tests"]))
        suite.set("failures", str(counts["failures"]))
        suite.set("errors", str(counts["errors"]))
        suite.set("skipped", str(counts["skipped"]))
        suite.set("time", "0")
        suite.set("timestamp", stamp)
        _properties(suite, report, family, lang)
        for r in items:
            _testcase(suite, r, lang)
        for k in totals:
            totals[k] += counts[k]
    for k, v in totals.items():
        root.set(k, str(v))
    root.set("time", "0")
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _counts(items: list[RequirementResult]) -> dict[str, int]:
    return {
        "tests": len(items),
        "failures": sum(r.status == "fail" for r in items),
        "errors": sum(r.status == "error" for r in items),
        "skipped": sum(r.status in ("not_applicable", "needs_attestation") for r in items),
    }


def _properties(suite: ET.Element, report: Report, family: str, lang: str) -> None:
    props = ET.SubElement(suite, "properties")
    values = [
        ("family", L.family(family, lang)),
        ("service", _service_name(report)),
        ("vendor", report.service.get("vendor") or ""),
        ("verdict", report.verdict),
        ("scope", report.scope),
        ("as_of", report.as_of),
        ("rule_pack", f"{report.rule_pack.get('version')} sha256:{report.rule_pack.get('digest')}"),
        ("engine", report.engine.get("version", "")),
    ]
    for name, value in values:
        p = ET.SubElement(props, "property")
        p.set("name", name)
        p.set("value", _x(str(value)))


def _testcase(suite: ET.Element, r: RequirementResult, lang: str) -> None:
    case = ET.SubElement(suite, "testcase")
    case.set("name", _x(f"{r.id} {r.title.get(lang)}"))
    case.set("classname", f"lgai.{r.family}")
    case.set("time", "0")
    first = r.findings[0] if r.findings else (r.open_points[0] if r.open_points else None)
    if first is not None:
        case.set("file", _x(first.file))
        if first.line:
            case.set("line", str(first.line))
    reason = r.reason.get(lang) if r.reason else ""
    if r.status == "fail":
        if r.findings:
            message = " ".join(r.findings[0].message.get(lang).split())
            if len(r.findings) > 1:
                message += f" ({L.label('findings_more', lang).format(n=len(r.findings) - 1)})"
        else:
            message = reason or r.title.get(lang)
        el = ET.SubElement(case, "failure")
        el.set("message", _x(message))
        el.set("type", r.severity)
        el.text = _x(_body(r, lang, remediation=True))
    elif r.status == "error":
        el = ET.SubElement(case, "error")
        el.set("message", _x(f"{L.label('evaluation_error', lang)}: {reason}" if reason else L.label("evaluation_error", lang)))
        el.set("type", "error")
        el.text = _x(_body(r, lang, remediation=False))
    elif r.status in ("not_applicable", "needs_attestation"):
        el = ET.SubElement(case, "skipped")
        if r.status == "needs_attestation":
            why = reason or L.label("attestation_needed", lang)
        else:
            why = reason
        el.set("message", _x(f"{L.status(r.status, lang)}: {why}" if why else L.status(r.status, lang)))
        if r.status == "needs_attestation":
            el.text = _x(_body(r, lang, remediation=True))
    elif r.status == "attested" and r.attestation:
        out = ET.SubElement(case, "system-out")
        out.text = _x(f"{L.status(r.status, lang)}: {attestation_text(r, lang)}\n{L.label('statement', lang)}: {r.attestation.statement}")


def _body(r: RequirementResult, lang: str, *, remediation: bool) -> str:
    lines = [finding_line(f, lang) for f in r.findings]
    lines += [f"{L.label('open_point', lang)}: {finding_line(f, lang)}" for f in r.open_points]
    lines += [f"({L.label('suppressed', lang)}) {finding_line(f, lang)}" for f in r.suppressed]
    if r.status == "needs_attestation":
        if r.attestation:
            lines.append(f"{L.label('document', lang)}: {attestation_text(r, lang)}")
        if r.evidence_needed:
            lines.append(f"{L.label('evidence_needed', lang)}: {r.evidence_needed.get(lang)}")
    if r.status == "error" and r.reason:
        lines.append(r.reason.get(lang))
    if remediation:
        lines.append(f"{L.label('remediation', lang)}: {r.remediation.get(lang)}")
    lines.append(f"{L.label('source', lang)}: {r.source} ({', '.join(r.catalog)})")
    return "\n".join(lines)


def _service_name(report: Report) -> str:
    svc = report.service
    return " ".join(x for x in (svc.get("name"), svc.get("version")) if x)


def _timestamp(stamp: str) -> str:
    t = dt.datetime.fromisoformat(stamp)
    if t.tzinfo is not None:
        t = t.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return t.strftime("%Y-%m-%dT%H:%M:%S")
