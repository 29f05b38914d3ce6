"""Real OPA is the reference: every Rego rule gives the same raw output on regorus and on
OPA's own Go evaluator, for every example service under every network-model profile."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.engines import make_engine
from checker.normalise import build_input
from checker.rulepack import builtin_rules_dir, load_rule_pack
from checker.policydata import load_policy_data
from checker.load import load_service
from conftest import service_dirs

PROFILES = [None, "alpha", "alpha_prime", "beta", "beta_prime"]


@pytest.fixture(scope="module")
def engines():
    pack = load_rule_pack()
    policy = load_policy_data(builtin_rules_dir() / "data")
    data = {"lgai": {"params": policy.as_data()}}
    out = {}
    for name in ("regorus", "opa-go"):
        e = make_engine(name)
        e.prepare(pack.rego_modules, data)
        out[name] = e
    return pack, policy, out


def _inputs(policy):
    for svc in service_dirs():
        service = load_service(svc, policy.scheme)
        for profile in PROFILES:
            yield f"{svc.name}:{profile}", build_input(service, policy, profile=profile, as_of=dt.date(2026, 11, 25))


def test_engines_agree_on_every_rule_and_input(engines):
    pack, policy, eng = engines
    packages = [r.package for r in pack.rules if r.language == "rego"]
    compared = 0
    for name, doc in _inputs(policy):
        a = eng["regorus"].evaluate_rules(doc, packages)
        b = eng["opa-go"].evaluate_rules(doc, packages)
        for p in packages:
            assert not isinstance(a[p], Exception), (name, p, a[p])
            assert not isinstance(b[p], Exception), (name, p, b[p])
            assert a[p] == b[p], (name, p)
            compared += 1
    assert compared >= len(packages) * len(PROFILES) * 4


def test_lib_helpers_agree(engines):
    """The shared helpers (graph reachability, region lookups) on the richest example."""
    pack, policy, eng = engines
    for name, doc in _inputs(policy):
        for path in ("lgai.lib.edges", "lgai.lib.closed_graph", "lgai.rules.seg_002.reach"):
            assert eng["regorus"].eval_document(path, doc) == eng["opa-go"].eval_document(path, doc), (name, path)
