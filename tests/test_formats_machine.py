"""CSV (Excel checklist), SARIF 2.1.0 and JUnit XML rendered from real reports of the fixtures.

SARIF is validated against the official OASIS schema and JUnit against the Jenkins xUnit plugin's
junit-10.xsd, both vendored under tests/schemas/ (see tests/schemas/README.md).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from jsonschema import Draft7Validator, FormatChecker

from checker.formats import render
from checker.formats.csv_format import BOM, defuse, ordered_results
from checker.formats.sarif import FINGERPRINT_KEY, LEVEL
from checker.report import Finding, Report, Text, summarise, verdict_of
from checker.rulepack import FAMILIES
from checker.run import CheckOptions, Checker
from conftest import ROOT, SERVICES, run_lgai

SCHEMAS = Path(__file__).parent / "schemas"
IAC = ROOT / "fixtures" / "iac"
NURSERY = SERVICES / "nursery-matching-mynumber"
OCR = SERVICES / "ai-ocr-lgwan-asp"
NOW = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.timezone.utc)


def _options(**kw) -> CheckOptions:
    return CheckOptions(as_of=dt.date(2026, 11, 25), now=NOW, **kw)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(_options())


@pytest.fixture(scope="module")
def reports(checker) -> dict[str, Report]:
    """Real reports: non-compliant, conditionally compliant, compliant, IaC in a service, IaC only."""
    out = {
        "nursery": checker.check(NURSERY),
        "aerial": checker.check(SERVICES / "aerial-photo-govcloud"),
        "iac_service": checker.check(IAC / "service-ai-ocr-drift"),
        "iac_only": checker.check(IAC / "aws-bedrock-rag-violations"),
    }
    out["ocr"] = Checker(_options(policy_data=OCR / "municipality.yaml")).check(OCR)
    assert out["nursery"].verdict == "non_compliant"
    assert out["aerial"].verdict == "conditionally_compliant"
    assert out["ocr"].verdict == "compliant"
    assert out["iac_only"].scope == "iac_only"
    out["error"] = _with_error(out["nursery"])
    out["suppressed"] = _with_suppressed(out["iac_only"])
    return out


def _with_error(report: Report) -> Report:
    """The nursery report as if one rule had failed to evaluate (verdict not determinable)."""
    r = report.model_copy(deep=True)
    res = next(x for x in r.results if x.id == "LGAI-GOV-005")
    res.status = "error"
    res.findings = []
    res.reason = Text(ja="ルールの評価中に例外: KeyError 'granularity'", en="the rule raised KeyError 'granularity'")
    r.summary = summarise(r.results)
    r.verdict = verdict_of(r.results)
    assert r.verdict == "not_determinable"
    return r


def _with_suppressed(report: Report) -> Report:
    """An IaC report with a checkov finding suppressed by a skip comment (no fixture has one)."""
    r = report.model_copy(deep=True)
    res = next(x for x in r.results if x.id == "LGAI-IAC-013")
    res.suppressed.append(
        Finding(
            file="app.tf",
            line=81,
            field="aws_ecr_repository.chat",
            message=Text(
                ja="checkov CKV_AWS_136 (Ensure that ECR repositories are encrypted using KMS) は抑止コメントで除外: AES256 で十分",
                en="checkov CKV_AWS_136 (Ensure that ECR repositories are encrypted using KMS) suppressed by a skip comment: AES256 is enough",
            ),
            values={"check_id": "CKV_AWS_136", "resource": "aws_ecr_repository.chat"},
            check_id="CKV_AWS_136",
        )
    )
    return r


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    (dst / "expected.yaml").unlink(missing_ok=True)
    return dst


# --- CSV -----------------------------------------------------------------------------------

HEADERS = {
    "ja": ["項番", "分類", "要件", "出典", "重要度", "判定", "根拠", "是正策", "証跡"],
    "en": ["No.", "Family", "Requirement", "Source", "Severity", "Status", "Evidence", "Remediation", "Evidence document"],
}


def _csv_rows(text: str) -> list[list[str]]:
    raw = text.encode("utf-8")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def _by_id(rows: list[list[str]]) -> dict[str, list[str]]:
    return {row[2].split(" ", 1)[0]: row for row in rows[1:]}


@pytest.mark.parametrize("name", ["nursery", "aerial", "ocr", "iac_only", "iac_service"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_csv_is_an_excel_checklist_one_row_per_requirement(reports, name, lang):
    report = reports[name]
    text = render(report, "csv", lang)
    raw = text.encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM, so that Excel reads UTF-8"
    assert raw.count(BOM.encode("utf-8")) == 1

    rows = _csv_rows(text)
    assert rows[0] == HEADERS[lang]
    assert len(rows) - 1 == len(report.results)
    assert all(len(row) == 9 for row in rows)
    assert [row[0] for row in rows[1:]] == [str(n) for n in range(1, len(report.results) + 1)]

    # Stable order: family in rule-pack order, then id.
    family_rank = {f: i for i, f in enumerate(FAMILIES)}
    ids = [row[2].split(" ", 1)[0] for row in rows[1:]]
    families = {r.id: r.family for r in report.results}
    assert sorted(ids) == sorted(r.id for r in report.results)
    assert ids == sorted(ids, key=lambda i: (family_rank[families[i]], i))

    # Every record ends with CRLF; line breaks inside a cell are LF and only inside quotes.
    assert text.endswith("\r\n")
    outside_quotes = re.sub(r'"(?:[^"]|"")*"', "", text)
    assert "\n" not in outside_quotes.replace("\r\n", "")
    assert outside_quotes.count("\r\n") == len(rows)


def test_csv_cells_carry_the_report_in_japanese(reports):
    report = reports["nursery"]
    rows = _by_id(_csv_rows(render(report, "csv", "ja")))
    res = {r.id: r for r in report.results}

    seg = rows["LGAI-SEG-001"]
    assert seg[1] == "ネットワーク分離・無害化"
    assert seg[2] == "LGAI-SEG-001 " + res["LGAI-SEG-001"].title.ja
    assert seg[3].splitlines()[0] == res["LGAI-SEG-001"].source
    assert seg[3].splitlines()[1] == ", ".join(res["LGAI-SEG-001"].catalog)
    assert (seg[4], seg[5]) == ("重大", "不適合")
    evidence = seg[6].split("\n")
    assert len(evidence) == len(res["LGAI-SEG-001"].findings) == 2
    f = res["LGAI-SEG-001"].findings[0]
    assert evidence[0] == f"{f.file}:{f.line} {f.field}: {f.message.ja}"
    assert seg[7] == res["LGAI-SEG-001"].remediation.ja
    assert seg[8] == ""

    na = rows["LGAI-SEG-002"]
    assert na[5] == "対象外\n" + res["LGAI-SEG-002"].reason.ja
    assert na[7] == "", "no remediation for a requirement that does not apply"

    stale = rows["LGAI-OPS-102"]  # needs_attestation: the attestation is too old
    assert stale[5].startswith("要確認\n")
    assert stale[7] == res["LGAI-OPS-102"].remediation.ja
    assert "えらぼ 脆弱性診断報告書 (2025年9月) (2025-09-30)" in stale[8]
    assert "421日経過" in stale[8] and "必要な証跡: 直近の脆弱性診断報告書" in stale[8]

    attested = rows["LGAI-CLOUD-101"]
    assert attested[5] == "表明済"
    assert attested[8] == "えらぼ 責任分界表 第2版 別表1 (2026-04-01)"
    assert "自治体・当社・AWS の責任分界表" in attested[6]
    assert attested[7] == ""

    open_point = rows["LGAI-DATA-008"]  # needs_attestation with an open point at dataflows.yaml:10
    assert open_point[6].startswith("未確定: dataflows.yaml:10 assets[0].personal: ")
    assert open_point[8].startswith("必要な証跡: 公表した特定個人情報保護評価書")


def test_csv_english_headers_and_labels(reports):
    rows = _by_id(_csv_rows(render(reports["nursery"], "csv", "en")))
    assert rows["LGAI-SEG-001"][4:6] == ["critical", "fail"]
    assert rows["LGAI-SEG-002"][5].startswith("not applicable\n")
    assert rows["LGAI-CLOUD-101"][5] == "attested"


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", " =1", "＝1+1"])
def test_csv_defuses_formula_cells(cell):
    assert defuse(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["", "1", "LGAI-SEG-001 分離", "適合", "a=b", "file.tf:3 x: -1"])
def test_csv_leaves_ordinary_cells_alone(cell):
    assert defuse(cell) == cell


def test_csv_vendor_text_cannot_inject_a_formula(tmp_path, checker):
    """Vendor-written attestation text that starts a cell is prefixed with an apostrophe."""
    svc = _copy(NURSERY, tmp_path / "svc")
    y = svc / "lgai.yaml"
    text = y.read_text(encoding="utf-8")
    evil_doc = '=HYPERLINK("http://evil.example/x","開く")'
    text = text.replace("evidence: {document: えらぼ 責任分界表 第2版, section: 別表1}", "evidence: {document: '" + evil_doc + "', section: 別表1}")
    text = text.replace("evidence: {document: えらぼ 効果測定計画書}", "evidence: {document: '@SUM(1+1)*cmd|\" /C calc\"!A0'}")
    assert evil_doc in text and "@SUM(1+1)" in text
    y.write_text(text, encoding="utf-8")
    report = checker.check(svc)

    for lang in ("ja", "en"):
        rows = _csv_rows(render(report, "csv", lang))
        by_id = _by_id(rows)
        assert by_id["LGAI-CLOUD-101"][8] == "'" + evil_doc + " 別表1 (2026-04-01)"
        assert by_id["LGAI-GOV-104"][8].startswith("'@SUM(1+1)")
        for row in rows:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_csv_opens_in_libreoffice_as_text_cells(tmp_path, reports):
    """Only where LibreOffice is installed: convert to xlsx and check no cell became a formula."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    src = tmp_path / "report.csv"
    src.write_text(render(reports["nursery"], "csv", "ja"), encoding="utf-8", newline="")
    subprocess.run(
        [soffice, "--headless", "--infilter=CSV:44,34,76", "--convert-to", "xlsx", "--outdir", str(tmp_path), str(src)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with zipfile.ZipFile(tmp_path / "report.xlsx") as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
        strings = z.read("xl/sharedStrings.xml").decode("utf-8")
    assert "<f>" not in sheet
    assert "マイナンバー利用事務系の分離" in strings and "是正策" in strings


# --- SARIF ---------------------------------------------------------------------------------

_URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")


def _format_checker() -> FormatChecker:
    """jsonschema checks 'uri' and 'date-time' only with optional packages: check them here."""
    fc = FormatChecker(formats=())

    @fc.checks("uri")
    def _uri(value):
        return not isinstance(value, str) or (re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value) is not None and _URI_CHARS.match(value) is not None)

    @fc.checks("uri-reference")
    def _uri_ref(value):
        return not isinstance(value, str) or _URI_CHARS.match(value) is not None

    @fc.checks("date-time")
    def _date_time(value):
        return not isinstance(value, str) or _DATE_TIME.match(value) is not None

    return fc


@pytest.fixture(scope="module")
def sarif_validator() -> Draft7Validator:
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema, format_checker=_format_checker())


def _schema_errors(validator, log) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]


ALL = ["nursery", "aerial", "ocr", "iac_service", "iac_only", "error", "suppressed"]


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_sarif_is_valid_against_the_official_schema(reports, sarif_validator, name, lang):
    log = json.loads(render(reports[name], "sarif", lang))
    assert _schema_errors(sarif_validator, log) == []
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1


def test_the_sarif_validator_rejects_what_the_schema_forbids(reports, sarif_validator):
    """The vendored schema and the format checks are live: broken logs are caught."""
    good = json.loads(render(reports["nursery"], "sarif", "ja"))
    assert _schema_errors(sarif_validator, good) == []
    for breaking in (
        lambda log: log["runs"][0]["results"][0].__setitem__("level", "critical"),
        lambda log: log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"].__setitem__("startLine", 0),
        lambda log: log["runs"][0]["tool"]["driver"].pop("name"),
        lambda log: log["runs"][0]["invocations"][0].__setitem__("startTimeUtc", "25/11/2026"),
        lambda log: log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"].__setitem__("uri", "a b.tf"),
        lambda log: log.__setitem__("version", "2.0.0"),
    ):
        bad = json.loads(json.dumps(good))
        breaking(bad)
        assert _schema_errors(sarif_validator, bad), breaking


@pytest.mark.parametrize("name", ALL)
def test_sarif_rules_and_results_follow_the_report(reports, name):
    report = reports[name]
    run = json.loads(render(report, "sarif", "ja"))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "lgai"
    assert run["tool"]["driver"]["version"] == report.tool["version"]
    assert [r["id"] for r in rules] == [r.id for r in ordered_results(report)]
    by_id = {r.id: r for r in report.results}
    for rule in rules:
        req = by_id[rule["id"]]
        assert rule["defaultConfiguration"]["level"] == LEVEL[req.severity]
        assert rule["shortDescription"]["text"] == req.title.ja
        assert req.remediation.ja.split("。")[0] in rule["help"]["text"]
        assert req.source in rule["help"]["text"]
        assert rule["help"]["markdown"].startswith(f"**{rule['id']} ")
        tags = rule["properties"]["tags"]
        assert f"lgai/{req.family}" in tags and f"severity/{req.severity}" in tags
        assert set(req.catalog) <= set(tags)

    results = run["results"]
    for res in results:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
    fps = [res["partialFingerprints"][FINGERPRINT_KEY] for res in results]
    assert len(fps) == len(set(fps)), "fingerprints are unique within a run"

    # What becomes a result: every finding of a failed requirement, the errors, what needs an
    # attestation (each open point), suppressed findings; never pass/attested/not_applicable.
    expected = 0
    for r in report.results:
        if r.status == "fail":
            expected += max(1, len(r.findings))
        elif r.status == "error":
            expected += 1
        elif r.status == "needs_attestation":
            expected += max(1, len(r.open_points))
        expected += len(r.suppressed)
    assert len(results) == expected
    judged = {by_id[res["ruleId"]].status for res in results if res["properties"]["lgaiStatus"] != "suppressed"}
    assert judged <= {"fail", "error", "needs_attestation"}

    for res in results:
        req = by_id[res["ruleId"]]
        if res["properties"]["lgaiStatus"] == "suppressed":
            assert res["suppressions"][0]["kind"] == "inSource"
        elif req.status == "fail":
            assert (res["kind"], res["level"]) == ("fail", LEVEL[req.severity])
        elif req.status == "error":
            assert (res["kind"], res["level"]) == ("fail", "error")
        elif req.status == "needs_attestation":
            assert (res["kind"], res["level"]) == ("review", "none")  # SARIF §3.27.10: not fail → none
        for loc in res.get("locations", []):
            assert loc["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"

    # Every finding with a line is a result at that file and line.
    located = {
        (loc["physicalLocation"]["artifactLocation"]["uri"], loc["physicalLocation"].get("region", {}).get("startLine"))
        for res in results
        for loc in res.get("locations", [])
    }
    for r in report.results:
        if r.status == "fail":
            for f in r.findings:
                assert (f.file, f.line) in located

    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is (report.verdict != "not_determinable")
    assert inv["startTimeUtc"] == "2026-11-25T09:30:00Z"
    assert run["properties"]["verdict"] == report.verdict
    assert run["automationDetails"]["id"].startswith("lgai/")
    assert "%SRCROOT%" in run["originalUriBaseIds"]
    assert [a["hashes"]["sha-256"] for a in run["artifacts"]] == [i.sha256 for i in report.inputs]


def test_sarif_compliant_service_has_no_results(reports):
    run = json.loads(render(reports["ocr"], "sarif", "ja"))["runs"][0]
    assert run["results"] == []
    assert len(run["tool"]["driver"]["rules"]) == len(reports["ocr"].results)
    assert run["invocations"][0]["executionSuccessful"] is True


def test_sarif_iac_findings_have_file_line_and_checkov_ids(reports):
    report = reports["iac_only"]
    run = json.loads(render(report, "sarif", "en"))["runs"][0]
    rds = [
        r for r in run["results"]
        if r["ruleId"] == "LGAI-IAC-001" and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "storage.tf"
    ]
    assert {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in rds} == {117}
    assert {r["properties"].get("checkovCheckId") for r in rds} == {None, "CKV_AWS_16"}
    checkov_findings = {(f.check_id, f.file, f.line) for r in report.results for f in r.findings if f.check_id}
    assert checkov_findings, "the fixture has checkov findings"
    in_sarif = {
        (r["properties"]["checkovCheckId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
        for r in run["results"]
        if "checkovCheckId" in r["properties"]
    }
    assert in_sarif == checkov_findings
    # English messages in an English log.
    msgs = {r["message"]["text"] for r in run["results"]}
    assert {f.message.en for r in report.results for f in r.findings} <= msgs
    assert run["language"] == "en"
    # Findings in a subdirectory keep their relative path.
    svc = json.loads(render(reports["iac_service"], "sarif", "ja"))["runs"][0]
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in svc["results"] for loc in r.get("locations", [])}
    assert any(u.startswith("terraform/") for u in uris), uris


def test_sarif_error_requirement_is_an_error_and_the_run_did_not_succeed(reports):
    run = json.loads(render(reports["error"], "sarif", "ja"))["runs"][0]
    err = [r for r in run["results"] if r["ruleId"] == "LGAI-GOV-005"]
    assert len(err) == 1
    assert (err[0]["kind"], err[0]["level"]) == ("fail", "error")
    assert "KeyError" in err[0]["message"]["text"]
    assert err[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "lgai.yaml"
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    note = inv["toolExecutionNotifications"][0]
    assert note["level"] == "error" and note["associatedRule"]["id"] == "LGAI-GOV-005"


def test_sarif_fingerprints_survive_a_rerun_and_moved_lines(tmp_path, checker, reports):
    """partialFingerprints do not depend on the run's time or on line numbers."""
    svc = _copy(NURSERY, tmp_path / "svc")
    y = svc / "lgai.yaml"
    y.write_text("# a comment added at the top moves every line down by one\n" + y.read_text(encoding="utf-8"), encoding="utf-8")
    later = Checker(CheckOptions(as_of=dt.date(2026, 11, 25), now=NOW + dt.timedelta(days=1))).check(svc)

    def fingerprints(report):
        run = json.loads(render(report, "sarif", "ja"))["runs"][0]
        out = {}
        for r in run["results"]:
            loc = r["locations"][0]["physicalLocation"]
            out[r["partialFingerprints"][FINGERPRINT_KEY]] = (r["ruleId"], loc["artifactLocation"]["uri"], loc.get("region", {}).get("startLine"))
        return out

    before, after = fingerprints(reports["nursery"]), fingerprints(later)
    assert before.keys() == after.keys()
    moved = [k for k in before if before[k][1] == "lgai.yaml" and before[k][2]]
    assert moved
    for k in moved:
        assert after[k][2] == before[k][2] + 1
    assert render(reports["nursery"], "sarif", "ja") == render(reports["nursery"], "sarif", "ja"), "deterministic"


# --- JUnit ---------------------------------------------------------------------------------

XS = "{http://www.w3.org/2001/XMLSchema}"


def _load_xsd(path: Path) -> dict[str, dict]:
    """The element declarations of an XSD written like junit-10.xsd: global elements whose complex
    types allow attributes and, through sequence/choice with maxOccurs unbounded, any number of the
    referenced children in any order. Returns name → {attrs, required, children, text}."""
    root = ET.parse(path).getroot()
    decls = {}
    for el in root.findall(f"{XS}element"):
        name = el.get("name")
        ctype = el.find(f"{XS}complexType")
        if ctype is None:  # simple type (system-out, system-err): text only
            decls[name] = {"attrs": set(), "required": set(), "children": set(), "text": True}
            continue
        attrs = {a.get("name") for a in ctype.iter(f"{XS}attribute")}
        required = {a.get("name") for a in ctype.iter(f"{XS}attribute") if a.get("use") == "required"}
        children = {c.get("ref") for c in ctype.iter(f"{XS}element")}
        decls[name] = {"attrs": attrs, "required": required, "children": children, "text": ctype.get("mixed") == "true"}
    return decls


def _xsd_errors(decls: dict, el: ET.Element, path: str = "") -> list[str]:
    here = f"{path}/{el.tag}"
    if el.tag not in decls:
        return [f"{here}: element not declared"]
    d = decls[el.tag]
    errors = [f"{here}: attribute {a} not allowed" for a in el.attrib if a not in d["attrs"]]
    errors += [f"{here}: attribute {a} missing" for a in d["required"] if a not in el.attrib]
    if not d["text"] and (el.text or "").strip():
        errors.append(f"{here}: text not allowed")
    for child in el:
        if child.tag not in d["children"]:
            errors.append(f"{here}: child {child.tag} not allowed")
        if (child.tail or "").strip() and not d["text"]:
            errors.append(f"{here}: text not allowed")
        errors += _xsd_errors(decls, child, here)
    return errors


@pytest.fixture(scope="module")
def junit_xsd() -> dict[str, dict]:
    decls = _load_xsd(SCHEMAS / "junit-10.xsd")
    assert {"testsuites", "testsuite", "testcase", "failure", "error", "skipped", "properties", "property"} <= decls.keys()
    return decls


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_junit_follows_the_schema_and_counts(reports, junit_xsd, name, lang):
    report = reports[name]
    text = render(report, "junit", lang)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    assert _xsd_errors(junit_xsd, root) == []

    results = report.results
    status = lambda s: sum(r.status == s for r in results)  # noqa: E731
    assert int(root.get("tests")) == len(results)
    assert int(root.get("failures")) == status("fail")
    assert int(root.get("errors")) == status("error")

    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == list(dict.fromkeys(f"lgai.{r.family}" for r in ordered_results(report)))
    assert sum(int(s.get("tests")) for s in suites) == len(results)
    assert sum(int(s.get("skipped")) for s in suites) == status("not_applicable") + status("needs_attestation")
    stamp = dt.datetime.fromisoformat(report.generated_at).astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    by_id = {r.id: r for r in results}
    seen = []
    for s in suites:
        cases = s.findall("testcase")
        assert int(s.get("tests")) == len(cases)
        assert int(s.get("failures")) == len([c for c in cases if c.find("failure") is not None])
        assert int(s.get("errors")) == len([c for c in cases if c.find("error") is not None])
        assert int(s.get("skipped")) == len([c for c in cases if c.find("skipped") is not None])
        assert s.get("timestamp") == stamp
        for c in cases:
            rid = c.get("name").split(" ", 1)[0]
            r = by_id[rid]
            seen.append(rid)
            assert c.get("name") == f"{rid} {r.title.get(lang)}"
            assert c.get("classname") == f"lgai.{r.family}" == s.get("name")
            kids = [k.tag for k in c if k.tag != "system-out"]
            expected = {"fail": ["failure"], "error": ["error"], "not_applicable": ["skipped"], "needs_attestation": ["skipped"]}.get(r.status, [])
            assert kids == expected, (rid, r.status, kids)
            if r.status == "fail":
                failure = c.find("failure")
                assert failure.get("type") == r.severity
                assert r.remediation.get(lang) in failure.text
                for f in r.findings:
                    assert f"{f.location()} {f.field}: " in failure.text
    assert sorted(seen) == sorted(by_id)


def test_junit_messages_for_skipped_and_attested(reports):
    root = ET.fromstring(render(reports["nursery"], "junit", "ja").encode("utf-8"))
    cases = {c.get("name").split(" ", 1)[0]: c for c in root.iter("testcase")}
    na = cases["LGAI-SEG-002"].find("skipped")
    assert na.get("message").startswith("対象外: ")
    pending = cases["LGAI-SEG-101"].find("skipped")
    assert pending.get("message") == "要確認: " + next(r for r in reports["nursery"].results if r.id == "LGAI-SEG-101").reason.ja
    assert "必要な証跡: " in pending.text
    attested = cases["LGAI-CLOUD-101"]
    assert attested.find("skipped") is None and attested.find("failure") is None
    assert "えらぼ 責任分界表 第2版" in attested.find("system-out").text
    err = ET.fromstring(render(reports["error"], "junit", "en").encode("utf-8"))
    e = next(c for c in err.iter("testcase") if c.get("name").startswith("LGAI-GOV-005 ")).find("error")
    assert "KeyError" in e.get("message") and e.get("type") == "error"


def test_junit_validator_catches_what_the_xsd_forbids(reports, junit_xsd):
    root = ET.fromstring(render(reports["nursery"], "junit", "ja").encode("utf-8"))
    root.set("skipped", "3")  # <testsuites> has no skipped attribute in junit-10.xsd
    suite = root.find("testsuite")
    del suite.attrib["tests"]  # required
    ET.SubElement(suite.find("testcase"), "warning")
    errors = _xsd_errors(junit_xsd, root)
    assert any("attribute skipped not allowed" in e for e in errors)
    assert any("attribute tests missing" in e for e in errors)
    assert any("child warning not allowed" in e for e in errors)


def test_junit_survives_control_characters_in_vendor_text(reports):
    r = reports["nursery"].model_copy(deep=True)
    res = next(x for x in r.results if x.id == "LGAI-SEG-001")
    res.findings[0].message = Text(ja="ベル\x07と<タグ>&\"引用\"", en="bell\x07 <tag> & \"quote\"")
    text = render(r, "junit", "ja")
    root = ET.fromstring(text.encode("utf-8"))
    failure = next(c for c in root.iter("testcase") if c.get("name").startswith("LGAI-SEG-001 ")).find("failure")
    assert "<タグ>&\"引用\"" in failure.get("message") and "\x07" not in failure.get("message")


# --- CLI -----------------------------------------------------------------------------------


def test_cli_writes_csv_sarif_junit_into_an_output_dir(tmp_path, sarif_validator):
    out = tmp_path / "out"
    proc = run_lgai("check", str(NURSERY), "--format", "csv", "--format", "sarif", "--format", "junit", "--output-dir", str(out), "--as-of", "2026-11-25")
    assert proc.returncode == 1, proc.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "nursery-matching-mynumber.lgai-report.csv",
        "nursery-matching-mynumber.lgai-report.junit.xml",
        "nursery-matching-mynumber.lgai-report.sarif",
    ]
    raw = (out / names[0]).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    log = json.loads((out / names[2]).read_text(encoding="utf-8"))
    assert _schema_errors(sarif_validator, log) == []
    assert ET.parse(out / names[1]).getroot().get("failures") == "11"


def test_cli_one_output_per_format(tmp_path):
    c, s, j = tmp_path / "checklist.csv", tmp_path / "scan.sarif", tmp_path / "tests.xml"
    proc = run_lgai(
        "check", str(NURSERY),
        "--format", "csv", "-o", str(c),
        "--format", "sarif", "-o", str(s),
        "--format", "junit", "-o", str(j),
        "--as-of", "2026-11-25", "--lang", "en",
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""
    assert _csv_rows(c.read_text(encoding="utf-8"))[0] == HEADERS["en"]
    assert json.loads(s.read_text(encoding="utf-8"))["runs"][0]["language"] == "en"
    assert ET.parse(j).getroot().tag == "testsuites"
