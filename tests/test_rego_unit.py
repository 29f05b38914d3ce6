"""The Rego unit tests beside each rule (`*_test.rego`) pass on regorus and on real OPA."""

from __future__ import annotations

import pytest

from checker.engines import make_engine
from checker.policydata import load_policy_data
from checker.regotest import discover, run_rego_tests
from checker.rulepack import builtin_rules_dir, load_rule_pack

PACK = load_rule_pack()
DATA = {"lgai": {"params": load_policy_data(builtin_rules_dir() / "data").as_data()}}
_results: dict = {}


def results(engine):
    if engine not in _results:
        _results[engine] = {(r.package, r.name): r for r in run_rego_tests(PACK, make_engine(engine), DATA)}
    return _results[engine]


TESTS = discover(PACK)


@pytest.mark.parametrize("engine", ["regorus", "opa-go"])
@pytest.mark.parametrize("module,package,name", TESTS, ids=[f"{p}.{n}" for _, p, n in TESTS])
def test_rego_unit(engine, module, package, name):
    r = results(engine)[(package, name)]
    assert r.passed, f"{module}: {name}: {r.detail}"


def test_every_rego_rule_has_unit_tests():
    tested = {p.removesuffix("_test") for _, p, _ in TESTS}
    for rule in PACK.rules:
        if rule.language == "rego":
            assert f"lgai.rules.{rule.package}" in tested, f"{rule.meta.id} ({rule.path.name}) has no _test.rego"
