"""IaC through the `lgai` command: IaC-only directories and files, services with IaC, input errors,
secrets, and the cost of IaC support when there is no IaC."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

from conftest import ROOT, SERVICES, run_lgai

IAC = ROOT / "fixtures" / "iac"
AS_OF = ("--as-of", "2026-11-25")


def test_iac_only_directory_gets_a_report_on_iac_requirements(tmp_path):
    out = tmp_path / "r.json"
    proc = run_lgai("check", str(IAC / "aws-rds-s3-minimal"), "--format", "json", "-o", str(out), *AS_OF)
    assert proc.returncode == 1, proc.stderr  # an unencrypted database: a high failure
    report = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(report, json.loads((ROOT / "docs/schema/report.schema.json").read_text(encoding="utf-8")))
    assert report["scope"] == "iac_only"
    assert report["iac"]["resources"] >= 2 and report["iac"]["checkov_version"]
    assert {r["id"].split("-")[1] for r in report["results"]} == {"IAC"}, "only IaC requirements are judged"
    enc = next(r for r in report["results"] if r["id"] == "LGAI-IAC-001")
    assert enc["status"] == "fail"
    assert {(f["file"], f["line"], f["check_id"]) for f in enc["findings"]} >= {("main.tf", 4, None), ("main.tf", 4, "CKV_AWS_16")}
    assert any(i["kind"] == "iac:terraform" and i["path"] == "main.tf" for i in report["inputs"])


def test_iac_only_text_report_says_its_scope():
    proc = run_lgai("check", str(IAC / "aws-rds-s3-minimal"), *AS_OF)
    assert "IaC のみ" in proc.stdout and "main.tf:4" in proc.stdout
    proc = run_lgai("check", str(IAC / "aws-rds-s3-minimal"), "--lang", "en", *AS_OF)
    assert "IaC only" in proc.stdout


def test_a_single_iac_file_can_be_checked(tmp_path):
    tf = tmp_path / "db.tf"
    tf.write_text('resource "aws_db_instance" "db" {\n  engine = "postgres"\n  storage_encrypted = true\n}\n', encoding="utf-8")
    (tmp_path / "other.tf").write_text('resource "aws_db_instance" "x" {\n  storage_encrypted = false\n}\n', encoding="utf-8")
    proc = run_lgai("check", str(tf), "--format", "json", *AS_OF)
    report = json.loads(proc.stdout)
    assert [i["path"] for i in report["inputs"]] == ["db.tf"]
    assert proc.returncode == 0, proc.stdout


def test_unparseable_iac_is_an_input_error_naming_the_file(tmp_path):
    (tmp_path / "main.tf").write_text('resource "aws_s3_bucket" "x" {\n  bucket = "a"\n', encoding="utf-8")
    proc = run_lgai("check", str(tmp_path), *AS_OF)
    assert proc.returncode == 2
    assert "main.tf" in proc.stderr and "cannot parse" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_unparseable_iac_in_a_service_is_an_input_error(ocr_copy):
    (ocr_copy / "infra").mkdir()
    (ocr_copy / "infra" / "broken.tf").write_text('resource "aws_s3_bucket" "x" {', encoding="utf-8")
    proc = run_lgai("check", str(ocr_copy), *AS_OF)
    assert proc.returncode == 2
    assert "infra/broken.tf" in proc.stderr


def test_declared_iac_path_that_does_not_exist_is_an_input_error(ocr_copy):
    decl = ocr_copy / "lgai.yaml"
    decl.write_text(decl.read_text(encoding="utf-8") + "iac:\n  paths: [deploy/terraform]\n", encoding="utf-8")
    proc = run_lgai("check", str(ocr_copy), *AS_OF)
    assert proc.returncode == 2
    assert "deploy/terraform" in proc.stderr and "does not exist" in proc.stderr


def test_directory_without_declaration_or_iac_is_an_input_error(tmp_path):
    (tmp_path / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    proc = run_lgai("check", str(tmp_path), *AS_OF)
    assert proc.returncode == 2
    assert "lgai.yaml" in proc.stderr


def test_service_report_merges_iac_and_consistency_findings(tmp_path):
    out = tmp_path / "r.json"
    run_lgai("check", str(IAC / "service-ai-ocr-drift"), "--format", "json", "-o", str(out), *AS_OF)
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["scope"] == "service"
    kinds = {i["kind"] for i in report["inputs"]}
    assert {"declaration", "dataflows", "iac:terraform"} <= kinds
    by_id = {r["id"]: r for r in report["results"]}
    assert any(r.startswith("LGAI-ENC-") for r in by_id), "declaration rules still run"
    drift = by_id["LGAI-CON-002"]
    assert drift["status"] == "fail"
    assert all(f["file"] == "terraform/main.tf" and f["line"] for f in drift["findings"])


def test_iac_facts_command_masks_secrets(tmp_path):
    (tmp_path / "db.tf").write_text(
        'resource "aws_db_instance" "db" {\n  engine = "postgres"\n  password = "Sup3rSecretPassw0rd!"\n}\n', encoding="utf-8"
    )
    proc = run_lgai("iac", "facts", str(tmp_path), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert "Sup3rSecretPassw0rd" not in proc.stdout
    doc = json.loads(proc.stdout)
    assert doc["resources"][0]["address"] == "aws_db_instance.db"
    report = run_lgai("check", str(tmp_path), "--format", "json", *AS_OF)
    assert "Sup3rSecretPassw0rd" not in report.stdout + report.stderr


def test_declaration_only_check_never_imports_checkov():
    code = (
        "import sys, datetime as dt; sys.path.insert(0, %r)\n"
        "from checker.run import Checker, CheckOptions\n"
        "Checker(CheckOptions(as_of=dt.date(2026, 11, 25))).check(%r)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'checkov'))\n"
    ) % (str(ROOT), str(SERVICES / "nursery-matching-mynumber"))  # a service without IaC
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_iac_only_directory_without_resources_is_not_judged_compliant(tmp_path):
    (tmp_path / "main.tf").write_text('variable "region" {}\n', encoding="utf-8")
    proc = run_lgai("check", str(tmp_path), *AS_OF)
    assert proc.returncode == 2, proc.stdout
    assert "no resources" in proc.stderr and "main.tf" in proc.stderr
