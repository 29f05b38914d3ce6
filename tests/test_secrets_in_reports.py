"""Secrets that reach lgai through its inputs never appear in any report format or error message.

The inputs carry an AWS access key id, a password, a token and a connection string in places that
end up in reports: attestation statements and evidence documents (quoted in every format), a
hard-coded database password and a Lambda environment token in Terraform (IaC facts and checkov
findings), and a YAML syntax error on a line holding a password (error message)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from checker.formats import FORMATS, render
from checker.run import Checker, CheckOptions
from conftest import run_lgai

AWS_KEY = "AKIAIOSFODNN7EXAMPLE"
PASSWORD = "S3cr3t-Passw0rd-9481"
TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
CONN = "DefaultEndpointsProtocol=https;AccountName=city;AccountKey=c2VjcmV0a2V5dmFsdWUxMjM0NTY3ODkw"
RAW = (AWS_KEY, PASSWORD, TOKEN, "c2VjcmV0a2V5dmFsdWUxMjM0NTY3ODkw")


@pytest.fixture
def leaky_service(ocr_copy):
    decl = ocr_copy / "lgai.yaml"
    text = decl.read_text(encoding="utf-8")
    text = text.replace(
        "statement: 本サービスのインシデント対応計画を定め、自治体CSIRTへの報告経路を明記している。",
        f'statement: "計画書の保管先 s3 (key {AWS_KEY}), password={PASSWORD}"',
    )
    text = text.replace(
        "evidence: {document: よみとりくん インシデント対応計画書 v2.1, section: \"3. 連絡体制\"}",
        f'evidence: {{document: "共有 token={TOKEN} {CONN}", section: "3. 連絡体制"}}',
    )
    decl.write_text(text, encoding="utf-8")
    (ocr_copy / "terraform" / "leak.tf").write_text(
        f'''resource "aws_db_instance" "legacy" {{
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = false
  username          = "admin"
  password          = "{PASSWORD}"
}}

resource "aws_lambda_function" "notify" {{
  function_name = "notify"
  role          = "arn:aws:iam::123456789012:role/notify"
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "notify.zip"
  environment {{
    variables = {{
      GITHUB_TOKEN      = "{TOKEN}"
      AWS_ACCESS_KEY_ID = "{AWS_KEY}"
    }}
  }}
}}
''',
        encoding="utf-8",
    )
    return ocr_copy


def _assert_clean(text: str, where: str) -> None:
    for raw in RAW:
        assert raw not in text, f"{where}: a secret leaked ({raw[:6]}…)"


def test_no_format_contains_a_secret(leaky_service):
    checker = Checker(CheckOptions(as_of=dt.date(2026, 11, 25), now=dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)))
    report = checker.check(leaky_service)
    hardcoded = next(r for r in report.results if r.id == "LGAI-IAC-014")
    assert hardcoded.status == "fail", "the hard-coded password and token are found (as a field, not a value)"
    attested = [r for r in report.results if r.attestation and "****" in (r.attestation.statement + r.attestation.document)]
    assert attested, "the attestation with secrets is in the report, masked"
    assert set(FORMATS) >= {"text", "json", "markdown", "html", "csv", "sarif", "junit", "oscal"}
    for fmt in FORMATS:
        for lang in ("ja", "en"):
            _assert_clean(render(report, fmt, lang), f"{fmt}/{lang}")


def test_iac_facts_and_cli_outputs_contain_no_secret(leaky_service, tmp_path):
    out = tmp_path / "out"
    proc = run_lgai("check", str(leaky_service), *sum((("--format", f) for f in FORMATS if f != "text"), ()), "--output-dir", str(out), "--as-of", "2026-11-25")
    assert proc.returncode == 1, proc.stderr
    _assert_clean(proc.stdout + proc.stderr, "stdout/stderr")
    for f in out.iterdir():
        _assert_clean(f.read_text(encoding="utf-8-sig"), f.name)
    facts = run_lgai("iac", "facts", str(leaky_service), "--format", "json")
    assert facts.returncode == 0, facts.stderr
    _assert_clean(facts.stdout, "lgai iac facts")
    kinds = {s["kind"] for r in json.loads(facts.stdout)["resources"] for s in r["secrets"]}
    assert "password" in kinds


def test_error_messages_contain_no_secret(ocr_copy):
    decl = ocr_copy / "lgai.yaml"
    decl.write_text(decl.read_text(encoding="utf-8") + f'extra_secret: "password={PASSWORD}\n  broken: [\n', encoding="utf-8")
    proc = run_lgai("check", str(ocr_copy))
    assert proc.returncode == 2
    _assert_clean(proc.stdout + proc.stderr, "error message")
