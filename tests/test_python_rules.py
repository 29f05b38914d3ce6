"""Unit tests of the Python rule LGAI-AI-003 (rules/python/ai_003.py).

The rule is loaded the way the pack loads it and fed real normalised documents: the
compliant base service (rules/testing/base_service/, the source of `base` in
rules/testing/base.rego) is written to a temporary directory, loaded, validated and
normalised by the checker itself.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest

from checker.evaluate import _RawOutputs
from checker.load import load_service
from checker.normalise import build_input
from checker.policydata import load_policy_data
from checker.rulepack import builtin_rules_dir, load_rule_pack

AS_OF = dt.date(2026, 11, 25)

BASE_SERVICE = builtin_rules_dir() / "testing" / "base_service"
LGAI_YAML = (BASE_SERVICE / "lgai.yaml").read_text(encoding="utf-8")
DATAFLOWS_YAML = (BASE_SERVICE / "dataflows.yaml").read_text(encoding="utf-8")


# --- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pack():
    return load_rule_pack()


@pytest.fixture(scope="module")
def rule(pack):
    r = pack.by_id("LGAI-AI-003")
    assert r is not None and r.language == "python"
    return r


@pytest.fixture(scope="module")
def policy():
    return load_policy_data(builtin_rules_dir() / "data")


@pytest.fixture(scope="module")
def params(policy):
    return policy.as_data()


def write_service(root: Path, lgai_yaml: str = LGAI_YAML) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "lgai.yaml").write_text(lgai_yaml, encoding="utf-8")
    (root / "dataflows.yaml").write_text(DATAFLOWS_YAML, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def base_doc(tmp_path_factory, policy):
    root = write_service(tmp_path_factory.mktemp("service"))
    return build_input(load_service(root), policy, profile="alpha", as_of=AS_OF)


@pytest.fixture
def doc(base_doc):
    return copy.deepcopy(base_doc)


def with_model(doc: dict, model_id: str = "llm", **fields) -> dict:
    """Patch (or add, copying `llm`) one AI model of a normalised document."""
    m = copy.deepcopy(doc["ai_models"].get(model_id) or doc["ai_models"]["llm"])
    m.update(id=model_id, **fields)
    if model_id not in doc["ai_models"]:
        m["_at"] = {"file": "lgai.yaml", "path": f"ai_models[{len(doc['ai_models'])}]"}
    doc["ai_models"][model_id] = m
    return doc


def run(rule, doc, params):
    out = rule.evaluate(doc, params)
    _RawOutputs.model_validate(out)  # the output contract every rule must meet
    return out


def by_field(out, field):
    return [f for f in out["deny"] if f["field"] == field]


# --- compliant input -------------------------------------------------------------------------


def test_compliant_model_passes(rule, doc, params):
    out = run(rule, doc, params)
    assert out == {"deny": [], "undetermined": [], "not_applicable": []}


def test_base_fixture_matches_the_rego_fixture(pack, base_doc, params):
    """rules/testing/base.rego `base` is exactly what the normaliser builds for this service."""
    from checker.engines import make_engine

    engine = make_engine("regorus")
    modules = dict(pack.rego_modules)
    modules.update({k: v for k, v in pack.test_modules.items() if "/testing/" in k})
    engine.prepare(modules, {"lgai": {"params": params}})
    assert engine.eval_document("lgai.testing.base", {}) == base_doc


# --- version: aliases are not pinned -----------------------------------------------------------

ALIASES = [
    "latest",
    "LATEST",
    " latest ",
    "gpt-4o-latest",
    "chatgpt-4o-latest",
    "claude-3-5-sonnet-latest",
    "claude-3-5-sonnet@latest",
    "llama3:latest",
    "models/gemini-pro/latest",
    "gemini_stable",
    "2024-05-01-preview",
    "gpt-4-turbo-preview",
    "preview",
    "default",
    "auto",
    "stable",
    "current",
    "newest",
    "*",
    "",
]


@pytest.mark.parametrize("version", ALIASES)
def test_alias_version_is_denied(rule, doc, params, version):
    out = run(rule, with_model(doc, version=version), params)
    findings = by_field(out, "version")
    assert len(findings) == 1
    f = findings[0]
    assert f["values"] == {"version": version.strip()}
    assert f["at"] == doc["ai_models"]["llm"]["_at"]
    assert "alias" in f["msg"]["en"] and "別名" in f["msg"]["ja"]
    assert by_field(out, "change_notice_days") == []


PINNED = [
    "20240620-v1:0",
    "2024-08-06",
    "gpt-4o-2024-08-06",
    "claude-3-5-sonnet-20241022",
    "gemini-1.5-pro-002",
    "2026.04.1",
    "3.2.0",
    "gpt-4-0613",
]


@pytest.mark.parametrize("version", PINNED)
def test_pinned_version_passes(rule, doc, params, version):
    out = run(rule, with_model(doc, version=version), params)
    assert out["deny"] == []


# Regression: a version that only repeats the model name ("gpt-4o" / "gpt-4o", a tag that
# moves to each new snapshot) is not pinned and is denied.
def test_version_that_only_repeats_the_model_name_is_denied(rule, doc, params):
    out = run(rule, with_model(doc, model="gpt-4o", version="gpt-4o"), params)
    assert [f["values"] for f in by_field(out, "version")] == [{"version": "gpt-4o"}]


NO_DIGIT = ["stable-release", "gpt", "GA", "release-candidate", "v-next"]


@pytest.mark.parametrize("version", NO_DIGIT)
def test_version_without_any_digit_is_denied(rule, doc, params, version):
    out = run(rule, with_model(doc, version=version), params)
    assert [f["values"] for f in by_field(out, "version")] == [{"version": version}]
    assert by_field(out, "change_notice_days") == []


@pytest.mark.parametrize(
    "model,version",
    [
        ("gpt-4o", "GPT-4o"),
        ("gpt-4o", " gpt-4o "),
        ("anthropic.claude-3-5-sonnet", "Anthropic.Claude-3-5-Sonnet"),
        ("gemini-1.5-pro", "gemini-1.5-pro"),
    ],
)
def test_version_equal_to_model_name_ignoring_case_is_denied(rule, doc, params, model, version):
    out = run(rule, with_model(doc, model=model, version=version), params)
    findings = by_field(out, "version")
    assert [f["values"] for f in findings] == [{"version": version.strip()}]
    assert findings[0]["at"] == doc["ai_models"]["llm"]["_at"]


@pytest.mark.parametrize(
    "model,version",
    [
        ("gpt-4o", "gpt-4o-2024-08-06"),
        ("gpt-4o", "2024-08-06"),
        ("anthropic.claude-3-5-sonnet", "anthropic.claude-3-5-sonnet-20241022"),
        ("gemini-1.5-pro", "gemini-1.5-pro-002"),
    ],
)
def test_dated_version_of_the_model_passes(rule, doc, params, model, version):
    assert run(rule, with_model(doc, model=model, version=version), params)["deny"] == []


# --- change notice ---------------------------------------------------------------------------------


def test_missing_change_notice_is_denied(rule, doc, params):
    out = run(rule, with_model(doc, change_notice_days=None), params)
    assert [f["field"] for f in out["deny"]] == ["change_notice_days"]
    f = out["deny"][0]
    assert f["values"] == {"change_notice_days": None, "minimum": 30}
    assert f["at"] == doc["ai_models"]["llm"]["_at"]


def test_short_change_notice_is_denied(rule, doc, params):
    out = run(rule, with_model(doc, change_notice_days=29), params)
    assert [f["values"] for f in out["deny"]] == [{"change_notice_days": 29, "minimum": 30}]


def test_change_notice_at_the_minimum_passes(rule, doc, params):
    assert run(rule, with_model(doc, change_notice_days=30), params)["deny"] == []


def test_param_min_model_change_notice_days(rule, doc, params):
    stricter = dict(params, min_model_change_notice_days=90)
    out = run(rule, doc, stricter)
    assert [f["values"] for f in out["deny"]] == [{"change_notice_days": 60, "minimum": 90}]
    relaxed = dict(params, min_model_change_notice_days=0)
    assert run(rule, with_model(doc, change_notice_days=0), relaxed)["deny"] == []


def test_alias_and_missing_notice_are_both_reported(rule, doc, params):
    out = run(rule, with_model(doc, version="latest", change_notice_days=None), params)
    assert [f["field"] for f in out["deny"]] == ["version", "change_notice_days"]


def test_every_model_is_judged_in_id_order(rule, doc, params):
    doc = with_model(doc, "a-embed", version="latest")
    doc = with_model(doc, "z-rerank", change_notice_days=7)
    out = run(rule, doc, params)
    assert [(f["at"]["path"], f["field"]) for f in out["deny"]] == [
        ("ai_models[1]", "version"),
        ("ai_models[2]", "change_notice_days"),
    ]


# --- not applicable ------------------------------------------------------------------------------


def test_no_models_is_not_applicable(rule, doc, params):
    doc["ai_models"] = {}
    out = run(rule, doc, params)
    assert out["deny"] == [] and out["undetermined"] == []
    assert out["not_applicable"] == [{"ja": "AIモデルが宣言されていない", "en": "no AI model is declared"}]


# --- end to end ------------------------------------------------------------------------------------


def test_checker_reports_alias_as_fail(tmp_path):
    from checker.run import Checker, CheckOptions

    root = write_service(tmp_path / "svc", LGAI_YAML.replace("version: 20240620-v1:0", "version: latest"))
    report = Checker(CheckOptions(profile="alpha", as_of=AS_OF)).check(root)
    result = next(r for r in report.results if r.id == "LGAI-AI-003")
    assert result.status == "fail"
    assert [(f.file, f.field, f.values) for f in result.findings] == [("lgai.yaml", "ai_models[0].version", {"version": "latest"})]
    assert result.findings[0].line is not None


def test_generated_rego_test_base_is_in_sync():
    from checker.testgen import main

    assert main(["--check"]) == 0, "rules/testing/base.rego is stale: run python -m checker.testgen"
