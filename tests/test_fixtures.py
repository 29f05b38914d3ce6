"""Every example service gives exactly the results its expected.yaml states, on both engines."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from checker.rulepack import load_rule_pack
from checker.run import Checker, CheckOptions
from conftest import service_dirs

ENGINES = ["regorus", "opa-go"]
_checkers: dict = {}


def checker_for(engine: str, profile: str | None, as_of: dt.date) -> Checker:
    key = (engine, profile, as_of)
    if key not in _checkers:
        _checkers[key] = Checker(CheckOptions(engine=engine, profile=profile, as_of=as_of))
    return _checkers[key]


def expected_of(svc):
    return yaml.safe_load((svc / "expected.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("svc", service_dirs(), ids=lambda p: p.name)
def test_fixture_matches_expected(svc, engine):
    exp = expected_of(svc)
    as_of = exp["as_of"] if isinstance(exp["as_of"], dt.date) else dt.date.fromisoformat(exp["as_of"])
    report = checker_for(engine, exp.get("profile"), as_of).check(svc)
    got = {r.id: r.status for r in report.results}
    assert got == exp["results"], {k: (got.get(k), exp["results"].get(k)) for k in set(got) | set(exp["results"]) if got.get(k) != exp["results"].get(k)}
    assert report.verdict == exp["verdict"]
    for rule_id, fields in (exp.get("findings") or {}).items():
        result = next(r for r in report.results if r.id == rule_id)
        assert sorted(f.field for f in result.findings) == sorted(fields), rule_id
        for f in result.findings:
            assert f.line is not None and f.line > 0, (rule_id, f)


def test_every_fixture_lists_every_rule():
    ids = {r.meta.id for r in load_rule_pack().rules}
    for svc in service_dirs():
        assert set(expected_of(svc)["results"]) == ids, svc.name


def test_examples_cover_every_verdict_kind_we_promise():
    verdicts = {expected_of(svc)["verdict"] for svc in service_dirs()}
    assert {"compliant", "non_compliant"} <= verdicts


def test_every_check_rule_fails_somewhere_and_passes_somewhere():
    """The examples show each rule in both directions (attestation-only rules excepted)."""
    pack = load_rule_pack()
    statuses: dict[str, set] = {r.meta.id: set() for r in pack.rules if r.meta.kind == "check"}
    for svc in service_dirs():
        for rid, st in expected_of(svc)["results"].items():
            if rid in statuses:
                statuses[rid].add(st)
    missing_fail = sorted(r for r, s in statuses.items() if "fail" not in s)
    missing_pass = sorted(r for r, s in statuses.items() if "pass" not in s)
    assert not missing_pass, f"rules never passing in an example: {missing_pass}"
    assert not missing_fail, f"rules never failing in an example: {missing_fail}"
