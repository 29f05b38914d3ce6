"""Status logic: attestations, staleness, fail-closed on rule errors, custom rule directories."""

from __future__ import annotations

import datetime as dt
import json
import textwrap

import pytest

from checker.errors import RuleError
from checker.run import Checker, CheckOptions
from conftest import SERVICES, run_lgai

OCR = SERVICES / "ai-ocr-lgwan-asp"

PY_META = dict(
    title_ja="テスト", title_en="test", description_ja="テスト", description_en="test", severity="low",
    family="governance", catalog=["GL:GOV-003"], source="test", honesty="P", input=["architecture"],
    remediation_ja="なし", remediation_en="none",
)


def _py_rule(directory, rule_id, body):
    directory.mkdir(parents=True, exist_ok=True)
    meta = dict(PY_META, id=rule_id)
    (directory / f"{rule_id.lower().replace('-', '_')}.py").write_text(
        f"METADATA = {meta!r}\n\ndef evaluate(doc, params):\n" + textwrap.indent(body, "    ") + "\n", encoding="utf-8"
    )


def _status(report, rule_id):
    return next(r for r in report.results if r.id == rule_id)


def test_attestation_ages_into_needs_attestation():
    fresh = Checker(CheckOptions(as_of=dt.date(2026, 11, 25))).check(OCR)
    assert _status(fresh, "LGAI-OPS-002").status == "attested"
    # The attestation is dated 2026-04-01; with the 365-day maximum it is stale from 2027-04-02.
    stale = Checker(CheckOptions(as_of=dt.date(2027, 4, 2))).check(OCR)
    r = _status(stale, "LGAI-OPS-002")
    assert r.status == "needs_attestation"
    assert r.attestation.stale and "stale" in r.reason.en
    assert stale.verdict in ("conditionally_compliant", "non_compliant")


def test_attestation_without_one_is_needs_attestation(ocr_copy):
    decl = ocr_copy / "lgai.yaml"
    text = decl.read_text(encoding="utf-8")
    decl.write_text(text[: text.index("attestations:")], encoding="utf-8")
    report = Checker(CheckOptions(as_of=dt.date(2026, 11, 25))).check(ocr_copy)
    assert _status(report, "LGAI-OPS-002").status == "needs_attestation"
    assert report.verdict == "conditionally_compliant"


def test_attestation_can_cite_a_catalog_row(ocr_copy):
    decl = ocr_copy / "lgai.yaml"
    decl.write_text(decl.read_text(encoding="utf-8").replace("requirement: LGAI-OPS-002", "requirement: GL:OPS-003"), encoding="utf-8")
    report = Checker(CheckOptions(as_of=dt.date(2026, 11, 25))).check(ocr_copy)
    assert _status(report, "LGAI-OPS-002").status == "attested"


def test_attestation_in_the_future_is_an_input_error(ocr_copy):
    proc = run_lgai("check", str(ocr_copy), "--as-of", "2026-01-01")
    assert proc.returncode == 2
    assert "attestations[0].date: attestation date 2026-04-01 is in the future" in proc.stderr


def test_a_rule_that_raises_makes_the_verdict_not_determinable(tmp_path):
    _py_rule(tmp_path / "city", "CITY-GOV-001", "raise KeyError('boom')")
    out = tmp_path / "r.json"
    proc = run_lgai("check", str(OCR), "--rules-dir", str(tmp_path / "city"), "--format", "json", "-o", str(out), "--as-of", "2026-11-25")
    assert proc.returncode == 2
    assert "not determinable" in proc.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["verdict"] == "not_determinable"
    r = next(x for x in report["results"] if x["id"] == "CITY-GOV-001")
    assert r["status"] == "error" and "boom" in r["reason"]["en"]


def test_a_rule_with_malformed_output_is_an_error(tmp_path):
    _py_rule(tmp_path / "city", "CITY-GOV-002", "return {'deny': [{'where': 'x'}]}")
    report = Checker(CheckOptions(rules_dirs=[tmp_path / "city"], as_of=dt.date(2026, 11, 25))).check(OCR)
    assert _status(report, "CITY-GOV-002").status == "error"
    assert report.verdict == "not_determinable"


def test_a_rego_runtime_error_is_isolated_to_its_rule(tmp_path):
    city = tmp_path / "city"
    city.mkdir()
    (city / "conflict.rego").write_text(
        textwrap.dedent(
            """\
            # METADATA
            # title: conflicting rule
            # description: produces two values for a complete rule
            # custom:
            #   id: CITY-LOG-001
            #   title_ja: 競合
            #   description_ja: 競合
            #   severity: low
            #   family: logging
            #   catalog: ["GL:LOG-001"]
            #   source: test
            #   honesty: P
            #   input: [architecture]
            #   remediation_ja: なし
            #   remediation_en: none
            package lgai.rules.city_log_001

            x := 1 if input.delivery
            x := 2 if input.delivery

            deny contains {"at": {"file": "lgai.yaml", "path": ""}, "field": "x", "msg": {"ja": "x", "en": "x"}, "values": {}} if x == 3
            """
        ),
        encoding="utf-8",
    )
    for engine in ("regorus", "opa-go"):
        report = Checker(CheckOptions(engine=engine, rules_dirs=[city], as_of=dt.date(2026, 11, 25))).check(OCR)
        assert _status(report, "CITY-LOG-001").status == "error", engine
        assert _status(report, "LGAI-SEG-002").status == "pass", engine  # the others still answer
        assert report.verdict == "not_determinable"


def test_custom_rule_id_colliding_with_builtin_is_refused(tmp_path):
    _py_rule(tmp_path / "city", "LGAI-SEG-001", "return {}")
    with pytest.raises(RuleError, match="already used"):
        Checker(CheckOptions(rules_dirs=[tmp_path / "city"]))
    proc = run_lgai("check", str(OCR), "--rules-dir", str(tmp_path / "city"))
    assert proc.returncode == 2 and "already used" in proc.stderr


def test_custom_rule_with_bad_metadata_is_refused(tmp_path):
    city = tmp_path / "city"
    city.mkdir()
    (city / "bad.py").write_text("METADATA = {'id': 'CITY-X-1'}\ndef evaluate(doc, params):\n    return {}\n", encoding="utf-8")
    proc = run_lgai("check", str(OCR), "--rules-dir", str(city))
    assert proc.returncode == 2
    assert "invalid rule metadata" in proc.stderr and "bad.py" in proc.stderr


def test_custom_rule_participates(tmp_path):
    _py_rule(
        tmp_path / "city",
        "CITY-GOV-003",
        "return {'deny': [{'at': doc['components']['image-store']['_at'], 'field': 'backup.enabled', "
        "'msg': {'ja': 'バックアップなし', 'en': 'no backup'}, 'values': {}}]}",
    )
    report = Checker(CheckOptions(rules_dirs=[tmp_path / "city"], as_of=dt.date(2026, 11, 25))).check(OCR)
    r = _status(report, "CITY-GOV-003")
    assert r.status == "fail"
    assert r.findings[0].field == "components[2].backup.enabled"
    lines = (OCR / "lgai.yaml").read_text(encoding="utf-8").splitlines()
    assert "backup:" in lines[r.findings[0].line - 1]
    assert report.verdict == "non_compliant"


def test_ismap_expiry_is_judged_on_as_of():
    later = Checker(CheckOptions(as_of=dt.date(2027, 7, 1))).check(OCR)
    r = _status(later, "LGAI-CLOUD-001")
    assert r.status == "fail"
    assert any(f.field.endswith("ismap.valid_until") for f in r.findings)


def test_secrets_in_inputs_never_reach_the_report(ocr_copy):
    decl = ocr_copy / "lgai.yaml"
    secret = "AKIAIOSFODNN7EXAMPLE"
    decl.write_text(
        decl.read_text(encoding="utf-8").replace(
            "model: yomitori-ocr", f"model: global.yomitori-ocr?key={secret}"
        ),
        encoding="utf-8",
    )
    for fmt in ("json", "text", "markdown"):
        proc = run_lgai("check", str(ocr_copy), "--format", fmt, "--lang", "en", "--as-of", "2026-11-25")
        assert secret not in proc.stdout, fmt
        assert "global.yomitori-ocr" in proc.stdout or fmt != "json", fmt
