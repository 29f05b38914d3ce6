"""The `lgai` command end to end: formats, languages, exit codes, files written whole."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, SERVICES, run_lgai

OCR = SERVICES / "ai-ocr-lgwan-asp"
AS_OF = ("--as-of", "2026-11-25")
CITY = ("--policy-data", str(OCR / "municipality.yaml"))  # the municipality attests its own duties


def test_text_report_is_japanese_by_default():
    proc = run_lgai("check", str(OCR), *AS_OF, *CITY)
    assert proc.returncode == 0, proc.stderr
    assert "総合判定: 適合" in proc.stdout
    assert "LGAI-SEG-002" in proc.stdout
    assert "表明済みの事項" in proc.stdout


def test_text_report_in_english():
    proc = run_lgai("check", str(OCR), "--lang", "en", *AS_OF, *CITY)
    assert "Verdict: Compliant" in proc.stdout
    assert "総合判定" not in proc.stdout


def test_json_report_validates_against_published_schema(tmp_path):
    out = tmp_path / "r.json"
    proc = run_lgai("check", str(OCR), "--format", "json", "-o", str(out), *AS_OF, *CITY)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    report = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "docs/schema/report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)
    assert report["verdict"] == "compliant"
    assert report["engine"]["name"] == "regorus"
    assert len(report["rule_pack"]["digest"]) == 64
    files = {f["path"]: f["sha256"] for f in report["inputs"]}
    import hashlib

    for name in ("lgai.yaml", "dataflows.yaml"):
        assert files[name] == hashlib.sha256((OCR / name).read_bytes()).hexdigest()
    assert {p["name"] for p in report["params"]} >= {"min_log_retention_days", "japan_regions"}
    attested = [r for r in report["results"] if r["status"] == "attested"]
    assert report["summary"]["by_status"]["attested"] == len(attested) > 1
    city = [r for r in attested if r["attestation"]["file"].endswith("municipality.yaml")]
    assert city and all(r["party"] == "municipality" for r in city)


def test_failure_evidence_has_file_line_and_values(tmp_path):
    svc = SERVICES / "speech-minutes-us"
    proc = run_lgai("check", str(svc), "--format", "json", *AS_OF)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert report["verdict"] == "non_compliant"
    fails = [r for r in report["results"] if r["status"] == "fail"]
    assert fails
    for r in fails:
        assert r["findings"], r["id"]
        for f in r["findings"]:
            assert f["file"] in ("lgai.yaml", "dataflows.yaml")
            assert isinstance(f["line"], int) and f["line"] > 0
            lines = (svc / f["file"]).read_text(encoding="utf-8").splitlines()
            assert lines[f["line"] - 1].strip(), (r["id"], f)


def test_markdown_report():
    proc = run_lgai("check", str(SERVICES / "nursery-matching-mynumber"), "--format", "markdown", *AS_OF)
    assert proc.returncode == 1
    assert proc.stdout.startswith("## lgai 適合性チェック結果")
    assert "| ❌ 不適合 | 重大 | LGAI-SEG-001 |" in proc.stdout


@pytest.mark.parametrize(
    "fail_on,code",
    [("critical", 1), ("high", 1), ("low", 1), ("never", 0)],
)
def test_fail_on_threshold_critical_failure(fail_on, code):
    proc = run_lgai("check", str(SERVICES / "nursery-matching-mynumber"), "--fail-on", fail_on, *AS_OF)
    assert proc.returncode == code


def test_fail_on_above_the_worst_failure_passes(tmp_path, ocr_copy):
    # Make exactly one high-severity rule fail (log retention below the minimum).
    decl = ocr_copy / "lgai.yaml"
    decl.write_text(decl.read_text(encoding="utf-8").replace("retention_days: 400", "retention_days: 90"), encoding="utf-8")
    assert run_lgai("check", str(ocr_copy), "--fail-on", "high", *AS_OF).returncode == 1
    assert run_lgai("check", str(ocr_copy), "--fail-on", "critical", *AS_OF).returncode == 0


def test_output_file_written_whole_and_replaced(tmp_path):
    out = tmp_path / "report.md"
    out.write_text("old", encoding="utf-8")
    proc = run_lgai("check", str(OCR), "--format", "markdown", "-o", str(out), *AS_OF)
    assert proc.returncode == 0
    assert out.read_text(encoding="utf-8").startswith("## ")
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # no temp file left behind


def test_bad_input_leaves_no_report(tmp_path, ocr_copy):
    (ocr_copy / "lgai.yaml").write_text("service: [\n", encoding="utf-8")
    out = tmp_path / "r.json"
    proc = run_lgai("check", str(ocr_copy), "-o", str(out))
    assert proc.returncode == 2
    assert not out.exists()


def test_several_services_json_array():
    proc = run_lgai("check", str(OCR), str(SERVICES / "speech-minutes-us"), "--format", "json", *AS_OF)
    data = json.loads(proc.stdout)
    assert [d["verdict"] for d in data] == ["conditionally_compliant", "non_compliant"]
    assert proc.returncode == 1


def test_profile_not_declared_fails_gov_001():
    proc = run_lgai("check", str(OCR), "--profile", "beta", "--format", "json", *AS_OF)
    report = json.loads(proc.stdout)
    gov = next(r for r in report["results"] if r["id"] == "LGAI-GOV-001")
    assert gov["status"] == "fail"
    assert report["profile"]["models"] == ["beta"]


def test_engine_opa_go_gives_same_results():
    a = json.loads(run_lgai("check", str(SERVICES / "speech-minutes-us"), "--format", "json", *AS_OF).stdout)
    b = json.loads(run_lgai("check", str(SERVICES / "speech-minutes-us"), "--format", "json", "--engine", "opa-go", *AS_OF).stdout)
    assert b["engine"]["name"] == "opa-go"
    assert a["results"] == b["results"]
    assert a["verdict"] == b["verdict"]


def test_rules_list_and_show():
    proc = run_lgai("rules", "list", "--format", "json")
    rules = json.loads(proc.stdout)["rules"]
    assert len(rules) >= 12
    assert all(r["catalog"] and r["title_ja"] and r["remediation_en"] for r in rules)
    show = run_lgai("rules", "show", "lgai-loc-001", "--lang", "en")
    assert show.returncode == 0
    assert "LGAI-LOC-001" in show.stdout and "GL:CLOUD-004" in show.stdout and "japan_regions" in show.stdout
    missing = run_lgai("rules", "show", "LGAI-LOC-009")
    assert missing.returncode == 2 and "no rule" in missing.stderr


@pytest.mark.parametrize("name", ["lgai", "dataflows", "report"])
def test_published_schemas_are_in_sync(name):
    proc = run_lgai("schema", name)
    assert proc.returncode == 0
    assert proc.stdout == (ROOT / "docs" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"), (
        f"docs/schema/{name}.schema.json is stale: run `lgai schema {name} -o docs/schema/{name}.schema.json`"
    )


def test_example_files_validate_against_published_schema():
    import yaml

    schema = json.loads((ROOT / "docs/schema/lgai.schema.json").read_text(encoding="utf-8"))
    flow_schema = json.loads((ROOT / "docs/schema/dataflows.schema.json").read_text(encoding="utf-8"))
    for svc in sorted(SERVICES.iterdir()):
        doc = yaml.safe_load((svc / "lgai.yaml").read_text(encoding="utf-8"))
        jsonschema.validate(json.loads(json.dumps(doc, default=str)), schema)
        flows = yaml.safe_load((svc / "dataflows.yaml").read_text(encoding="utf-8"))
        jsonschema.validate(json.loads(json.dumps(flows, default=str)), flow_schema)


def test_rules_doc_in_sync():
    proc = run_lgai("rules", "list", "--format", "markdown", "--lang", "ja")
    assert proc.stdout == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8"), (
        "docs/rules.md is stale: run `lgai rules list --format markdown > docs/rules.md`"
    )


def test_report_with_policy_data_override(tmp_path):
    city = tmp_path / "city.yaml"
    city.write_text("schema_version: 1\nmunicipality: 架空市\nparams:\n  min_log_retention_days: 730\n", encoding="utf-8")
    proc = run_lgai("check", str(OCR), "--policy-data", str(city), "--format", "json", *AS_OF)
    report = json.loads(proc.stdout)
    log = next(r for r in report["results"] if r["id"] == "LGAI-LOG-001")
    assert log["status"] == "fail"
    assert "730" in log["findings"][0]["message"]["en"]
    used = next(p for p in report["params"] if p["name"] == "min_log_retention_days")
    assert used["value"] == 730 and used["origin"] == str(city)
    assert report["municipality"] == "架空市"


def test_policy_data_unknown_key(tmp_path):
    city = tmp_path / "city.yaml"
    city.write_text("schema_version: 1\nparams:\n  min_log_retention_day: 730\n", encoding="utf-8")
    proc = run_lgai("check", str(OCR), "--policy-data", str(city))
    assert proc.returncode == 2
    assert "city.yaml:3: params.min_log_retention_day: unknown parameter" in proc.stderr
    assert "did you mean 'min_log_retention_days'?" in proc.stderr


def test_policy_data_wrong_type(tmp_path):
    city = tmp_path / "city.yaml"
    city.write_text("schema_version: 1\nparams:\n  min_log_retention_days: many\n", encoding="utf-8")
    proc = run_lgai("check", str(OCR), "--policy-data", str(city))
    assert proc.returncode == 2
    assert "city.yaml:3" in proc.stderr and "min_log_retention_days" in proc.stderr
