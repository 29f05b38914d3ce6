"""Signed reports: keygen, `check --sign`, `verify` with and without --inputs, and the
tampering verification must catch. Real Ed25519 keys, real files, the real CLI."""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from checker.errors import InputError
from checker.formats.json_format import render_json
from checker.run import Checker, CheckOptions
from checker.signing import (
    FAIL,
    OK,
    PASSPHRASE_ENV,
    SKIPPED,
    canonical_bytes,
    generate_keypair,
    load_private_key,
    load_public_key,
    public_key_fingerprint,
    sign_report_json,
    verify_report,
)
from conftest import ROOT, SERVICES, run_lgai

AS_OF = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)
OCR = SERVICES / "ai-ocr-lgwan-asp"
GENAI = SERVICES / "genai-chat-internet"
NURSERY = SERVICES / "nursery-matching-mynumber"  # failures, findings and open points
IAC_VIOLATIONS = ROOT / "fixtures" / "iac" / "aws-bedrock-rag-violations"
CITY_RULES = ROOT / "fixtures" / "municipality-rules" / "example-city"
REPORT_SCHEMA = json.loads((ROOT / "docs" / "schema" / "report.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(CheckOptions(as_of=AS_OF, now=NOW))


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    """(private key path, public key path, private key)."""
    d = tmp_path_factory.mktemp("keys")
    private, public = generate_keypair(d / "signer")
    return private, public, load_private_key(private)


@pytest.fixture(scope="module")
def other_key(tmp_path_factory):
    d = tmp_path_factory.mktemp("other")
    private, public = generate_keypair(d / "other")
    return private, public, load_private_key(private)


def copy_service(src: Path, tmp_path: Path, name: str = "svc") -> Path:
    dst = tmp_path / name
    shutil.copytree(src, dst)
    (dst / "expected.yaml").unlink(missing_ok=True)
    return dst


def write_signed(checker: Checker, key, service: Path, dest: Path) -> Path:
    text = sign_report_json(render_json(checker.check(service), "ja"), key)
    dest.write_text(text, encoding="utf-8")
    return dest


def edit_json(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def details(result, key: str, lang: str = "en") -> str:
    return "\n".join(d.get(lang) for d in result.check(key).details)


# --- keys --------------------------------------------------------------------------------


def test_keygen_writes_an_owner_only_private_key_and_a_public_key(tmp_path):
    old = os.umask(0)  # even with a permissive umask the private key is never group/world readable
    try:
        private, public = generate_keypair(tmp_path / "lgai-signing")
    finally:
        os.umask(old)
    assert private == tmp_path / "lgai-signing" and public == tmp_path / "lgai-signing.pub"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert private.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")  # PKCS8, unencrypted
    assert public.read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")  # SubjectPublicKeyInfo
    key = load_private_key(private)
    assert public_key_fingerprint(load_public_key(public)) == public_key_fingerprint(key)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lgai-signing", "lgai-signing.pub"], "no temporary files left"


def test_keygen_refuses_to_overwrite_without_overwrite(tmp_path):
    private, public = generate_keypair(tmp_path / "k")
    before = private.read_bytes(), public.read_bytes()
    with pytest.raises(InputError, match="already exists"):
        generate_keypair(tmp_path / "k")
    assert (private.read_bytes(), public.read_bytes()) == before
    public.unlink()  # the .pub alone existing also blocks, and so does the private key alone
    with pytest.raises(InputError, match="already exists"):
        generate_keypair(tmp_path / "k")
    generate_keypair(tmp_path / "k", overwrite=True)
    assert private.read_bytes() != before[0]
    assert stat.S_IMODE(private.stat().st_mode) == 0o600


def test_keygen_cli(tmp_path):
    key = tmp_path / "key"
    proc = run_lgai("keygen", "-o", str(key))
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and (tmp_path / "key.pub").is_file()
    first = key.read_bytes()
    proc = run_lgai("keygen", "-o", str(key))
    assert proc.returncode == 2 and "already exists" in proc.stderr and "--force" in proc.stderr
    assert key.read_bytes() == first
    proc = run_lgai("keygen", "-o", str(key), "--force")
    assert proc.returncode == 0, proc.stderr
    assert key.read_bytes() != first


def test_load_private_key_rejects_wrong_files(tmp_path, keys):
    _, public, _ = keys
    with pytest.raises(InputError, match="this is a public key"):
        load_private_key(public)
    text = tmp_path / "notes.txt"
    text.write_text("not a key\n")
    text.chmod(0o600)
    with pytest.raises(InputError, match="not a PEM private key"):
        load_private_key(text)
    rsa_key = tmp_path / "rsa"
    rsa_key.write_bytes(
        rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    rsa_key.chmod(0o600)
    with pytest.raises(InputError, match="not an Ed25519 key"):
        load_private_key(rsa_key)


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660])
def test_a_private_key_others_can_read_is_refused(tmp_path, mode):
    private, _ = generate_keypair(tmp_path / "k")
    private.chmod(mode)
    with pytest.raises(InputError, match="too open") as exc:
        load_private_key(private)
    assert f"chmod 600 {private}" in str(exc.value)
    private.chmod(0o400)  # read-only for the owner is fine
    load_private_key(private)


def test_passphrase_from_the_environment_encrypts_the_key(tmp_path, monkeypatch):
    monkeypatch.setenv(PASSPHRASE_ENV, "correct horse battery staple")
    private, public = generate_keypair(tmp_path / "k")
    assert b"-----BEGIN ENCRYPTED PRIVATE KEY-----" in private.read_bytes()
    key = load_private_key(private)
    assert public_key_fingerprint(key) == public_key_fingerprint(load_public_key(public))
    monkeypatch.setenv(PASSPHRASE_ENV, "wrong")
    with pytest.raises(InputError, match="wrong passphrase"):
        load_private_key(private)
    monkeypatch.delenv(PASSPHRASE_ENV)
    with pytest.raises(InputError, match="encrypted") as exc:
        load_private_key(private)
    assert PASSPHRASE_ENV in str(exc.value)


def test_verify_refuses_a_private_key_as_public_key(tmp_path, keys):
    private, _, _ = keys
    with pytest.raises(InputError, match="this is a private key"):
        load_public_key(private)


# --- the signed report -------------------------------------------------------------------


def test_signed_report_is_the_report_plus_a_schema_valid_signature(checker, keys):
    _, public, key = keys
    plain = render_json(checker.check(OCR), "ja")
    assert '"signature"' not in plain, "an unsigned report has no signature key, not even null"
    signed = sign_report_json(plain, key)
    data = json.loads(signed)
    sig = data.pop("signature")
    assert json.dumps(data, ensure_ascii=False, indent=2) + "\n" == plain, "nothing but the signature is added"
    assert sig["algorithm"] == "ed25519"
    assert sig["public_key_sha256"] == public_key_fingerprint(load_public_key(public))
    assert "keys sorted" in sig["signed"] and len(sig["signed"]) < 200, "a description, not a copy"
    assert len(base64.b64decode(sig["value"])) == 64
    jsonschema.Draft202012Validator(REPORT_SCHEMA).validate(json.loads(signed))
    jsonschema.Draft202012Validator(REPORT_SCHEMA).validate(json.loads(plain))
    bad = json.loads(signed)
    bad["signature"]["algorithm"] = "rsa"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(REPORT_SCHEMA).validate(bad)
    assert sign_report_json(signed, key) == signed, "re-signing replaces the signature (Ed25519 is deterministic)"


def test_signature_covers_values_not_layout(checker, keys, tmp_path):
    """Re-indenting or reordering keys keeps the signature; that is what canonical JSON is for."""
    _, public, key = keys
    report = write_signed(checker, key, OCR, tmp_path / "r.json")
    data = json.loads(report.read_text(encoding="utf-8"))
    reordered = dict(reversed(list(data.items())))
    report.write_text(json.dumps(reordered, ensure_ascii=True, separators=(", ", ": ")), encoding="utf-8")
    result = verify_report(report, public)
    assert result.ok, result.render("en")


def test_the_documented_procedure_verifies_without_lgai(checker, keys, tmp_path):
    """docs/signing.md "Verifying without lgai": its Python snippet and its OpenSSL commands,
    run as written, verify a signed report and reproduce the fingerprint; an edit fails."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl not installed")
    _, public, key = keys
    doc = (ROOT / "docs" / "signing.md").read_text(encoding="utf-8")
    section = doc.split("## Verifying without lgai", 1)[1]
    snippet = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    commands = [line for line in re.search(r"```sh\n(.*?)```", section, re.S).group(1).splitlines() if line and not line.startswith("#")]
    (tmp_path / "canonical.py").write_text(snippet, encoding="utf-8")
    shutil.copy(public, tmp_path / "vendor-signing.pub")
    report = write_signed(checker, key, GENAI, tmp_path / "report.json")
    data = json.loads(report.read_text(encoding="utf-8"))

    def run(line: str) -> subprocess.CompletedProcess:
        line = line.replace("python3 ", f"{sys.executable} ", 1)
        return subprocess.run(["bash", "-o", "pipefail", "-c", line], cwd=tmp_path, capture_output=True, text=True)

    out = [run(line) for line in commands]
    assert all(p.returncode == 0 for p in out), [p.stderr for p in out]
    assert (tmp_path / "canonical.json").read_bytes() == canonical_bytes(data), "the snippet builds what lgai signs"
    assert "Signature Verified Successfully" in out[1].stdout
    assert out[2].stdout.split()[0] == data["signature"]["public_key_sha256"]
    edit_json(report, lambda d: d.update(verdict="compliant"))
    assert run(commands[0]).returncode == 0
    assert run(commands[1]).returncode != 0, "OpenSSL rejects the edited report"


# --- end to end through the CLI ----------------------------------------------------------


def test_cli_sign_then_verify(keys, tmp_path):
    private, public, _ = keys
    svc = copy_service(OCR, tmp_path)
    policy = svc / "municipality.yaml"
    report = tmp_path / "r.json"
    proc = run_lgai("check", str(svc), "--policy-data", str(policy), "--as-of", "2026-11-25", "--format", "json", "-o", str(report), "--sign", str(private))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(report.read_text(encoding="utf-8"))["signature"]["algorithm"] == "ed25519"

    proc = run_lgai("verify", str(report), "--pubkey", str(public))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "検証成功" in proc.stdout and "[OK] 4." in proc.stdout
    assert "--inputs なし" in proc.stdout, "says what was not checked"

    proc = run_lgai("verify", str(report), "--pubkey", str(public), "--inputs", str(svc), "--policy-data", str(policy), "--lang", "en")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "VERIFIED" in proc.stdout and "[FAIL]" not in proc.stdout and "[skipped]" not in proc.stdout
    assert "all 105 requirements" in proc.stdout

    edit_json(report, lambda d: d["results"][0].update(status="fail"))
    proc = run_lgai("verify", str(report), "--pubkey", str(public), "--inputs", str(svc), "--policy-data", str(policy), "--lang", "en")
    assert proc.returncode == 1
    assert "the report was changed after signing" in proc.stdout
    assert "LGAI-AI-001: the report says fail, re-evaluation says pass" in proc.stdout
    assert "NOT VERIFIED" in proc.stdout


def test_cli_sign_with_output_dir_then_verify(keys, tmp_path):
    private, public, _ = keys
    out = tmp_path / "out"
    proc = run_lgai("check", str(GENAI), "--as-of", "2026-11-25", "--format", "json", "--format", "markdown", "--output-dir", str(out), "--sign", str(private), "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    report = out / "genai-chat-internet.lgai-report.json"
    proc = run_lgai("verify", str(report), "--pubkey", str(public), "--inputs", str(GENAI))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_cli_verify_a_broken_file_fails_with_a_reason(keys, tmp_path):
    _, public, _ = keys
    broken = tmp_path / "r.json"
    broken.write_text('{"report_format": 1, "verdict": "compliant",\n', encoding="utf-8")
    proc = run_lgai("verify", str(broken), "--pubkey", str(public), "--lang", "en")
    assert proc.returncode == 1, "a file that is no report fails verification (exit 1), it is not a usage error"
    assert "not valid JSON (line 2" in proc.stdout
    assert "[FAIL] 1." in proc.stdout


def test_cli_key_errors_are_input_errors(keys, tmp_path):
    private, public, _ = keys
    proc = run_lgai("verify", str(public), "--pubkey", str(private))
    assert proc.returncode == 2 and "this is a private key" in proc.stderr
    open_key = tmp_path / "open"
    shutil.copy(private, open_key)
    open_key.chmod(0o644)
    proc = run_lgai("check", str(GENAI), "--format", "json", "-o", str(tmp_path / "r.json"), "--sign", str(open_key))
    assert proc.returncode == 2 and "too open" in proc.stderr
    assert not (tmp_path / "r.json").exists()


# --- tampering, in detail ----------------------------------------------------------------


def test_an_unsigned_report_fails(checker, keys, tmp_path):
    _, public, _ = keys
    report = tmp_path / "r.json"
    report.write_text(render_json(checker.check(OCR), "ja"), encoding="utf-8")
    result = verify_report(report, public)
    assert not result.ok
    assert result.check("report").outcome == OK
    assert result.check("signed").outcome == FAIL
    assert "not signed" in details(result, "signed")
    assert "署名がありません" in result.render("ja")
    assert result.check("signature").outcome == SKIPPED


@pytest.mark.parametrize(
    "name, change, reevaluation_says",
    [
        ("status", lambda d: next(r for r in d["results"] if r["status"] == "fail").update(status="pass"), "the report says pass, re-evaluation says fail"),
        ("finding", lambda d: next(r for r in d["results"] if r["findings"])["findings"].pop(0), "in the re-evaluation, missing from the report"),
        ("verdict", lambda d: d.update(verdict="compliant"), "verdict: the report says compliant, re-evaluation says non_compliant"),
        ("open point", lambda d: next(r for r in d["results"] if r["open_points"])["open_points"].clear(), "open point in the re-evaluation"),
        ("value", lambda d: d["service"].update(vendor="別の事業者"), None),
    ],
)
def test_an_edited_report_fails(checker, keys, tmp_path, name, change, reevaluation_says):
    _, public, key = keys
    svc = copy_service(NURSERY, tmp_path)
    report = write_signed(checker, key, svc, tmp_path / "r.json")
    assert verify_report(report, public).ok
    edit_json(report, change)
    result = verify_report(report, public)
    assert not result.ok
    assert result.check("key").outcome == OK, "right key, wrong content"
    assert result.check("signature").outcome == FAIL
    assert "the report was changed after signing" in details(result, "signature")
    assert "署名後に変更されています" in details(result, "signature", "ja")
    if reevaluation_says:
        result = verify_report(report, public, inputs=svc)
        assert result.check("input_hashes").outcome == OK
        assert result.check("reevaluation").outcome == FAIL
        assert reevaluation_says in details(result, "reevaluation")


def test_a_report_signed_with_another_key_fails(checker, keys, other_key, tmp_path):
    _, public, _ = keys
    _, _, intruder = other_key
    report = write_signed(checker, intruder, GENAI, tmp_path / "r.json")
    result = verify_report(report, public)
    assert not result.ok
    assert result.check("key").outcome == FAIL
    assert "signed by another key" in details(result, "key")
    assert public_key_fingerprint(intruder) in details(result, "key")
    # claiming the right fingerprint does not help: the signature then does not hold
    edit_json(report, lambda d: d["signature"].update(public_key_sha256=public_key_fingerprint(load_public_key(public))))
    result = verify_report(report, public)
    assert result.check("key").outcome == OK and result.check("signature").outcome == FAIL


def test_a_malformed_signature_fails(checker, keys, tmp_path):
    _, public, key = keys
    report = write_signed(checker, key, GENAI, tmp_path / "r.json")
    edit_json(report, lambda d: d["signature"].update(value="!!not base64!!"))
    result = verify_report(report, public)
    assert not result.ok and result.check("signed").outcome == FAIL
    assert "not base64" in details(result, "signed")


def test_changed_and_missing_input_files_are_named(checker, keys, tmp_path):
    _, public, key = keys
    svc = copy_service(OCR, tmp_path)
    report = write_signed(checker, key, svc, tmp_path / "r.json")
    assert verify_report(report, public, inputs=svc).ok
    flows = svc / "dataflows.yaml"
    flows.write_text(flows.read_text(encoding="utf-8").replace("retention_days: 7", "retention_days: 400"), encoding="utf-8")
    (svc / "terraform" / "audit.tf").unlink()
    result = verify_report(report, public, inputs=svc)
    assert not result.ok
    assert result.check("signature").outcome == OK, "the report itself is intact"
    hashes = details(result, "input_hashes")
    assert "changed after the check: dataflows.yaml" in hashes
    assert "missing: terraform/audit.tf" in hashes
    assert "lgai.yaml" not in hashes, "unchanged files are not named"
    assert result.check("reevaluation").outcome == FAIL, "the longer retention and the missing audit log change results"


def test_a_new_dataflows_file_is_a_difference(checker, keys, tmp_path):
    _, public, key = keys
    svc = copy_service(OCR, tmp_path)
    report = write_signed(checker, key, svc, tmp_path / "r.json")
    (svc / "dataflows").mkdir()
    (svc / "dataflows" / "extra.yaml").write_text(
        """schema_version: 1
assets:
  - id: extra-asset
    name: 追加の申請書
    confidentiality: "2"
    integrity: "2"
    availability: "1"
    personal: personal
flows:
  - id: extra-upload
    asset: extra-asset
    from: {segment: lgwan}
    to: {component: asp-gateway}
    purpose: 申請書のOCR読取
    transport: lgwan
    payload: file
    tls_min_version: "1.2"
    retention_days: 0
    legal_relation: entrustment
    legal_basis: within_purpose
""",
        encoding="utf-8",
    )
    result = verify_report(report, public, inputs=svc)
    assert not result.ok
    assert result.check("input_hashes").outcome == OK, "every recorded file is unchanged"
    assert result.check("input_set").outcome == FAIL
    assert "a new input file lgai reads now: dataflows/extra.yaml (dataflows)" in details(result, "input_set")


def test_inputs_that_no_longer_load_are_a_failure_not_a_crash(checker, keys, tmp_path):
    _, public, key = keys
    svc = copy_service(OCR, tmp_path)
    report = write_signed(checker, key, svc, tmp_path / "r.json")
    (svc / "lgai.yaml").write_text("schema_version: [\n", encoding="utf-8")
    result = verify_report(report, public, inputs=svc)
    assert not result.ok
    assert "changed after the check: lgai.yaml" in details(result, "input_hashes")
    assert result.check("input_set").outcome == FAIL and "no longer load" in details(result, "input_set")
    assert result.check("reevaluation").outcome == SKIPPED


def test_different_policy_data_on_verify_names_the_parameters(keys, tmp_path):
    _, public, key = keys
    svc = copy_service(OCR, tmp_path)
    policy = svc / "municipality.yaml"
    signer = Checker(CheckOptions(as_of=AS_OF, now=NOW, policy_data=policy))
    report = write_signed(signer, key, svc, tmp_path / "r.json")
    assert verify_report(report, public, inputs=svc, policy_data=policy).ok
    stricter = tmp_path / "stricter.yaml"
    stricter.write_text(policy.read_text(encoding="utf-8").replace("params: {}", "params:\n  min_log_retention_days: 3650\n  max_incident_report_hours: 2"), encoding="utf-8")
    result = verify_report(report, public, inputs=svc, policy_data=stricter)
    assert not result.ok
    assert result.check("signature").outcome == OK
    params = details(result, "params")
    assert "min_log_retention_days: report 365 (built-in), now 3650" in params
    assert "max_incident_report_hours: report 24 (built-in), now 2" in params
    assert "--policy-data must be the file used at signing" in params
    assert "attestation_max_age_days" not in params, "unchanged parameters are not named"
    # without the city's file the municipality and its attestations are missing
    result = verify_report(report, public, inputs=svc)
    assert "municipality: report \"架空市\", now null" in details(result, "params")
    assert "the report says attested, re-evaluation says needs_attestation" in details(result, "reevaluation")


def test_a_different_rule_pack_makes_re_evaluation_not_comparable(checker, keys, tmp_path):
    _, public, key = keys
    report = write_signed(checker, key, GENAI, tmp_path / "r.json")
    result = verify_report(report, public, inputs=GENAI, rules_dirs=[CITY_RULES])
    assert not result.ok
    assert result.check("rule_pack").outcome == FAIL
    assert "re-evaluation is not comparable" in details(result, "rule_pack")
    assert result.check("reevaluation").outcome == SKIPPED


def test_iac_only_inputs_are_verified_too(checker, keys, tmp_path):
    _, public, key = keys
    iac = copy_service(IAC_VIOLATIONS, tmp_path, "iac")
    report = write_signed(checker, key, iac, tmp_path / "r.json")
    assert json.loads(report.read_text(encoding="utf-8"))["scope"] == "iac_only"
    result = verify_report(report, public, inputs=iac)
    assert result.ok, result.render("en")
    tf = next(p for p in sorted(iac.rglob("*.tf")))
    tf.write_text(tf.read_text(encoding="utf-8") + "\n# edited after the check\n", encoding="utf-8")
    result = verify_report(report, public, inputs=iac)
    assert not result.ok
    assert f"changed after the check: {tf.relative_to(iac).as_posix()}" in details(result, "input_hashes")


def test_structural_problems_are_named(keys, tmp_path, checker):
    _, public, key = keys
    report = write_signed(checker, key, GENAI, tmp_path / "r.json")
    text = report.read_text(encoding="utf-8")
    dup = tmp_path / "dup.json"
    dup.write_text(text.replace('"verdict": "non_compliant"', '"verdict": "non_compliant", "verdict": "compliant"'), encoding="utf-8")
    result = verify_report(dup, public)
    assert not result.ok and "the key 'verdict' appears twice" in details(result, "report")
    array = tmp_path / "array.json"
    array.write_text("[" + text + "," + text + "]", encoding="utf-8")
    result = verify_report(array, public)
    assert not result.ok and "a JSON array of 2 reports" in details(result, "report")
    invalid = tmp_path / "invalid.json"
    edit_json(report, lambda d: d["results"][0].update(status="passed"))
    shutil.copy(report, invalid)
    result = verify_report(invalid, public, inputs=GENAI)
    assert result.check("report").outcome == FAIL and "results.0.status" in details(result, "report")
    assert result.check("signature").outcome == FAIL, "the signature is still checked on what could be read"
    assert result.check("reevaluation").outcome == SKIPPED
