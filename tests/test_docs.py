"""The README and docs/ stay true to the code."""

from __future__ import annotations

import re

from checker.fieldref import DERIVED, field_paths, reference_markdown
from checker.rulepack import load_rule_pack
from conftest import ROOT, run_lgai


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_cmd = [line for line in ci.splitlines() if "pytest" in line and not line.startswith("#")]
    assert len(ci_cmd) == 1
    assert ci_cmd[0].strip() in readme


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```sh", 1)[1].split("```", 1)[0]
    assert "lgai check fixtures/services/" in first_block
    assert "pytest" in first_block


def test_readme_minimal_example_is_valid_and_checks(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, re.S)
    decl = next(b for b in blocks if "schema_version: 1\nservice:" in b)
    flows = next(b for b in blocks if "assets:" in b)
    (tmp_path / "lgai.yaml").write_text(decl, encoding="utf-8")
    (tmp_path / "dataflows.yaml").write_text(flows, encoding="utf-8")
    assert run_lgai("validate", str(tmp_path)).returncode == 0
    proc = run_lgai("check", str(tmp_path), "--as-of", "2026-11-25", "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    assert "総合判定" in proc.stdout


def test_input_reference_in_sync():
    assert (ROOT / "docs" / "input-reference.md").read_text(encoding="utf-8") == reference_markdown(), (
        "docs/input-reference.md is stale: run `python -m checker.fieldref > docs/input-reference.md`"
    )


def test_every_field_a_rule_reads_exists_in_the_schema():
    known = field_paths() | DERIVED
    for rule in load_rule_pack().rules:
        for path in rule.meta.reads:
            base = path.rstrip("[]") if path.endswith("[]") else path
            assert base in known, f"{rule.meta.id} reads '{path}', which is neither an input field nor a derived one"


def test_docs_links_resolve():
    for md in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#:]+)\)", md.read_text(encoding="utf-8")):
            assert (md.parent / target).exists(), f"{md.name} links to missing {target}"


def test_every_parameter_is_documented():
    import yaml

    params = yaml.safe_load((ROOT / "rules" / "data" / "params.yaml").read_text(encoding="utf-8"))
    doc = (ROOT / "docs" / "policy-data.md").read_text(encoding="utf-8")
    for name in params:
        assert f"`{name}`" in doc, f"docs/policy-data.md does not document {name}"
