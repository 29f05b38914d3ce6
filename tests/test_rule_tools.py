"""`lgai explain`, `lgai test-rules`, `lgai rules coverage` and a municipality's own rules."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from checker.catalog import coverage, load_not_encoded, load_snapshot, parse_catalog
from checker.rulepack import load_rule_pack
from conftest import ROOT, SERVICES, run_lgai

CITY = ROOT / "fixtures" / "municipality-rules" / "example-city"
SHARED_CATALOG = ROOT.parent / "shared" / "catalog"


# --- coverage of the catalogs ------------------------------------------------------------


def test_every_catalog_row_is_encoded_attested_or_explained():
    rows = coverage(load_rule_pack())
    assert len(rows) == 114
    for c in rows:
        assert c.rules or c.not_encoded, f"{c.row['id']} is neither encoded nor listed in rules/not_encoded.yaml"
        assert not (c.rules and c.not_encoded), f"{c.row['id']} is encoded and also listed as not encoded"


def test_rules_cite_only_real_catalog_rows():
    known = {r["id"] for r in load_snapshot()}
    for rule in load_rule_pack().rules:
        for row in rule.meta.catalog:
            assert row in known, f"{rule.meta.id} cites {row}, which is not a catalog row"
    assert set(load_not_encoded()) <= known


@pytest.mark.skipif(not SHARED_CATALOG.is_dir(), reason="../shared/catalog is not beside this checkout")
def test_catalog_snapshot_matches_the_catalogs():
    assert parse_catalog(SHARED_CATALOG) == load_snapshot(), "rules/catalog.yaml is stale: python -m checker.catalog ../shared/catalog > rules/catalog.yaml"


def test_coverage_doc_in_sync():
    proc = run_lgai("rules", "coverage")
    assert proc.returncode == 0
    assert proc.stdout == (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8"), (
        "docs/coverage.md is stale: run `lgai rules coverage > docs/coverage.md`"
    )


# --- explain ---------------------------------------------------------------------------------


def test_explain_japanese_by_default():
    proc = run_lgai("explain", "LGAI-LOG-001")
    assert proc.returncode == 0
    out = proc.stdout
    for text in ("## 要件", "## 根拠", "GL:LOG-002", "## 判定の方法", "components[].logging.retention_days",
                 "## 適用中のしきい値", "min_log_retention_days` = 365", "## 是正の方法", "提案"):
        assert text in out, text


def test_explain_english_and_policy_data(tmp_path):
    city = tmp_path / "city.yaml"
    city.write_text("schema_version: 1\nparams:\n  min_log_retention_days: 730\n", encoding="utf-8")
    proc = run_lgai("explain", "lgai-log-001", "--lang", "en", "--policy-data", str(city))
    assert proc.returncode == 0
    assert "## How it is checked" in proc.stdout
    assert f"min_log_retention_days` = 730 ({city}" in proc.stdout


def test_explain_attestation_requirement():
    proc = run_lgai("explain", "LGAI-OPS-002", "--lang", "en")
    assert "met by an attestation" in proc.stdout and "GL:OPS-003" in proc.stdout


def test_explain_municipality_rule_and_unknown_id():
    proc = run_lgai("explain", "CITY-AI-001", "--rules-dir", str(CITY))
    assert proc.returncode == 0 and "架空市" in proc.stdout
    bad = run_lgai("explain", "LGAI-LOG-0001")
    assert bad.returncode == 2 and "did you mean LGAI-LOG-001" in bad.stderr


# --- test-rules ------------------------------------------------------------------------------


def test_test_rules_on_the_example_city():
    proc = run_lgai("test-rules", str(CITY))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "rego unit tests: 3/3 passed; fixture cases: 3/3 passed" in proc.stdout
    assert proc.stdout.rstrip().endswith("6 passed, 0 failed")


def test_test_rules_reports_a_wrong_expectation(tmp_path):
    city = tmp_path / "city"
    shutil.copytree(CITY, city)
    case = city / "tests" / "genai-chat.yaml"
    data = yaml.safe_load(case.read_text(encoding="utf-8"))
    data["service"] = str(SERVICES / "genai-chat-internet")
    data["results"]["CITY-AI-001"] = "pass"
    case.write_text(yaml.safe_dump(data), encoding="utf-8")
    for other in ("ocr.yaml", "genai-chat-city-attested.yaml"):
        (city / "tests" / other).unlink()
    proc = run_lgai("test-rules", str(city))
    assert proc.returncode == 1
    assert "FAIL  [fixture]" in proc.stdout and "CITY-AI-001: expected pass, got fail" in proc.stdout


def test_test_rules_reports_a_failing_rego_test(tmp_path):
    city = tmp_path / "city"
    shutil.copytree(CITY, city)
    shutil.rmtree(city / "tests")
    t = city / "city_ai_001_test.rego"
    t.write_text(t.read_text(encoding="utf-8") + "\ntest_wrong if {\n\tcount(city_ai_001.deny) == 0 with input as t.base\n}\n", encoding="utf-8")
    proc = run_lgai("test-rules", str(city), "--engine", "opa-go")
    assert proc.returncode == 1
    assert "FAIL  [rego] custom/city_ai_001_test.rego: test_wrong" in proc.stdout


def test_test_rules_builtin_pack():
    proc = run_lgai("test-rules")
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "fixture cases: 5/5 passed" in proc.stdout


def test_check_with_the_city_rules():
    proc = run_lgai("check", str(SERVICES / "genai-chat-internet"), "--rules-dir", str(CITY),
                    "--format", "json", "--as-of", "2026-11-25")
    report = json.loads(proc.stdout)
    ids = {r["id"]: r for r in report["results"]}
    assert ids["CITY-AI-001"]["status"] == "fail"
    assert ids["CITY-GOV-001"]["party"] == "municipality"
    assert ids["CITY-LOG-001"]["language"] == "python"
