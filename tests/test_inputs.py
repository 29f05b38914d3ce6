"""Bad input: a clear message naming file, line and field; exit code 2; no traceback."""

from __future__ import annotations

import pytest

from conftest import run_lgai


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text changed: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path, needle):
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(needle)


def _fails_with(svc, *expected):
    proc = run_lgai("check", str(svc))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    for text in expected:
        assert text in proc.stderr, proc.stderr
    assert proc.stdout == ""
    return proc.stderr


def test_malformed_yaml_names_file_and_line(ocr_copy):
    decl = ocr_copy / "lgai.yaml"
    _replace(decl, "  version: \"3.2.0\"", "  version: [\"3.2.0\"")
    line = _line_of(decl, 'version: ["3.2.0"')
    err = _fails_with(ocr_copy, "lgai.yaml:", "malformed YAML")
    # the parser reports the position where it noticed the problem: on or just after the line
    reported = int(err.split("lgai.yaml:")[1].split(":")[0])
    assert line <= reported <= line + 2


def test_wrong_type_names_field_and_line(ocr_copy):
    decl = ocr_copy / "lgai.yaml"
    _replace(decl, "report_within_hours: 4", "report_within_hours: 四時間")
    line = _line_of(decl, "report_within_hours")
    _fails_with(ocr_copy, f"lgai.yaml:{line}: operations.incident.report_within_hours:", "'四時間'")


def test_wrong_enum_value(ocr_copy):
    flows = ocr_copy / "dataflows.yaml"
    _replace(flows, "personal: personal", "personal: maybe")
    line = _line_of(flows, "personal: maybe")
    _fails_with(ocr_copy, f"dataflows.yaml:{line}: assets[0].personal:", "'maybe'")


def test_unknown_key_is_an_error_with_did_you_mean(ocr_copy):
    decl = ocr_copy / "lgai.yaml"
    _replace(decl, "    region: ap-northeast-1\n    cloud_service: Amazon S3", "    regoin: ap-northeast-1\n    cloud_service: Amazon S3")
    line = _line_of(decl, "regoin:")
    _fails_with(ocr_copy, f"lgai.yaml:{line}: components[2].regoin: unknown key 'regoin'", "did you mean 'region'?")


def test_unknown_top_level_key(ocr_copy):
    decl = ocr_copy / "lgai.yaml"
    decl.write_text(decl.read_text(encoding="utf-8") + "attestation: []\n", encoding="utf-8")
    _fails_with(ocr_copy, "unknown key 'attestation'", "did you mean 'attestations'?")


def test_missing_required_field(ocr_copy):
    decl = ocr_copy / "lgai.yaml"
    _replace(decl, "  human_review: always\n", "")
    _fails_with(ocr_copy, "service.human_review: required field is missing")


def test_several_problems_reported_together(ocr_copy):
    decl = ocr_copy / "lgai.yaml"
    _replace(decl, "human_review: always", "human_review: sometimes")
    _replace(ocr_copy / "dataflows.yaml", "transport: lgwan", "transport: carrier_pigeon")
    err = _fails_with(ocr_copy, "service.human_review", "dataflows.yaml:")
    assert "carrier_pigeon" in err


def test_reference_to_undeclared_component(ocr_copy):
    flows = ocr_copy / "dataflows.yaml"
    _replace(flows, "to: {component: image-store}", "to: {component: image-stor}")
    line = _line_of(flows, "image-stor}")
    _fails_with(ocr_copy, f"dataflows.yaml:{line}: flows[2].to.component: 'image-stor' is not a declared component", "did you mean 'image-store'?")


def test_duplicate_key(ocr_copy):
    decl = ocr_copy / "lgai.yaml"
    _replace(decl, "delivery: lgwan_asp\n", "delivery: lgwan_asp\ndelivery: public_cloud\n")
    line = _line_of(decl, "delivery: public_cloud")
    _fails_with(ocr_copy, f"lgai.yaml:{line}: delivery: duplicate key 'delivery'")


def test_duplicate_component_id(ocr_copy):
    decl = ocr_copy / "lgai.yaml"
    _replace(decl, "  - id: image-store", "  - id: ocr-engine")
    _fails_with(ocr_copy, "duplicate id 'ocr-engine'")


def test_unknown_attestation_requirement(ocr_copy):
    decl = ocr_copy / "lgai.yaml"
    _replace(decl, "requirement: LGAI-OPS-002", "requirement: LGAl-OPS-002")
    line = _line_of(decl, "LGAl-OPS-002")
    _fails_with(ocr_copy, f"lgai.yaml:{line}: attestations[0].requirement: attestation names unknown requirement", "did you mean 'LGAI-OPS-002'?")


def test_confidentiality_outside_scheme(ocr_copy):
    flows = ocr_copy / "dataflows.yaml"
    _replace(flows, 'confidentiality: "2"', 'confidentiality: "3"')
    _fails_with(ocr_copy, "confidentiality '3' is not a class of the 'r6_five_level' scheme", "legacy")


def test_missing_directory(tmp_path):
    proc = run_lgai("check", str(tmp_path / "nope"))
    assert proc.returncode == 2
    assert "no such file or directory" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_empty_directory(tmp_path):
    proc = run_lgai("check", str(tmp_path))
    assert proc.returncode == 2
    assert "no lgai.yaml in this directory" in proc.stderr


def test_empty_declaration_file(tmp_path):
    (tmp_path / "lgai.yaml").write_text("# nothing yet\n", encoding="utf-8")
    proc = run_lgai("check", str(tmp_path))
    assert proc.returncode == 2
    assert "lgai.yaml:1: file is empty" in proc.stderr


def test_top_level_not_a_mapping(tmp_path):
    (tmp_path / "lgai.yaml").write_text("- a\n- b\n", encoding="utf-8")
    proc = run_lgai("check", str(tmp_path))
    assert proc.returncode == 2
    assert "top level must be a mapping" in proc.stderr


def test_shift_jis_file_gets_conversion_hint(ocr_copy):
    decl = ocr_copy / "lgai.yaml"
    decl.write_bytes(decl.read_text(encoding="utf-8").encode("shift_jis", errors="replace"))
    _fails_with(ocr_copy, "not valid UTF-8", "Shift_JIS", "iconv")


def test_binary_file(ocr_copy):
    (ocr_copy / "dataflows.yaml").write_bytes(b"\x00\x01\x02PNG")
    _fails_with(ocr_copy, "dataflows.yaml: file is binary")


def test_bom_and_crlf_are_accepted(ocr_copy):
    decl = ocr_copy / "lgai.yaml"
    decl.write_bytes(b"\xef\xbb\xbf" + decl.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    proc = run_lgai("check", str(ocr_copy), "--as-of", "2026-11-25")
    assert proc.returncode == 0, proc.stderr


def test_alias_bomb_is_refused_quickly(ocr_copy):
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(8):
        prev, cur = chr(97 + i), chr(98 + i)
        lines.append(f"{cur}: &{cur} [" + ",".join(f"*{prev}" for _ in range(9)) + "]")
    (ocr_copy / "dataflows.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _fails_with(ocr_copy, "alias bomb")


def test_deep_nesting_is_refused(ocr_copy):
    (ocr_copy / "dataflows.yaml").write_text("a: " + "[" * 200 + "]" * 200 + "\n", encoding="utf-8")
    _fails_with(ocr_copy, "nested deeper than")


def test_several_yaml_documents(ocr_copy):
    flows = ocr_copy / "dataflows.yaml"
    flows.write_text(flows.read_text(encoding="utf-8") + "---\nschema_version: 1\n", encoding="utf-8")
    _fails_with(ocr_copy, "several YAML documents")


def test_secret_in_bad_value_is_masked_in_error(ocr_copy):
    decl = ocr_copy / "lgai.yaml"
    _replace(decl, "report_within_hours: 4", "report_within_hours: postgres://app:hunter2@db/x")
    err = _fails_with(ocr_copy, "report_within_hours")
    assert "hunter2" not in err


@pytest.mark.parametrize("flag", ["--profile gamma", "--fail-on sometimes", "--format pdf", "--as-of yesterday"])
def test_bad_usage_exits_2(ocr_copy, flag):
    proc = run_lgai("check", str(ocr_copy), *flag.split())
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_validate_reports_each_file(ocr_copy):
    proc = run_lgai("validate", str(ocr_copy))
    assert proc.returncode == 0, proc.stderr
    assert "OK" in proc.stdout and "lgai.yaml" in proc.stdout and "dataflows.yaml" in proc.stdout


def test_validate_bad_input(ocr_copy):
    _replace(ocr_copy / "lgai.yaml", "delivery: lgwan_asp", "delivery: carrier")
    proc = run_lgai("validate", str(ocr_copy))
    assert proc.returncode == 2
    assert "delivery" in proc.stderr


def test_manifest_split_into_dataflows_directory(ocr_copy):
    """dataflows/*.yaml is read like dataflows.yaml; ids are unique across files; errors name the file."""
    import yaml

    whole = yaml.safe_load((ocr_copy / "dataflows.yaml").read_text(encoding="utf-8"))
    (ocr_copy / "dataflows.yaml").unlink()
    (ocr_copy / "dataflows").mkdir()
    (ocr_copy / "dataflows" / "assets.yaml").write_text(
        yaml.safe_dump({"schema_version": 1, "assets": whole["assets"]}, allow_unicode=True), encoding="utf-8"
    )
    (ocr_copy / "dataflows" / "flows.yaml").write_text(
        yaml.safe_dump({"schema_version": 1, "flows": whole["flows"]}, allow_unicode=True), encoding="utf-8"
    )
    import json

    proc = run_lgai("check", str(ocr_copy), "--format", "json", "--as-of", "2026-11-25")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert [f["path"] for f in report["inputs"] if not f["kind"].startswith("iac:")] == ["lgai.yaml", "dataflows/assets.yaml", "dataflows/flows.yaml"]
    assert report["verdict"] == "conditionally_compliant"  # only the municipality's own attestations are open
    # a duplicate flow id across files is an error naming the second file
    (ocr_copy / "dataflows" / "more.yaml").write_text(
        yaml.safe_dump({"schema_version": 1, "flows": whole["flows"][:1]}, allow_unicode=True), encoding="utf-8"
    )
    err = _fails_with(ocr_copy, "dataflows/more.yaml", "duplicate flow id 'upload-images' (also in dataflows/flows.yaml)")
    assert err
