"""`lgai test-rules`: run a rule pack's own tests — the Rego unit tests beside the rules and
the fixture cases that say which status each rule must give on an example service.

A rule directory (the built-in `rules/` or a municipality's `--rules-dir`) may hold:
    *_test.rego                 Rego unit tests (`test_*` rules must be true)
    tests/*.yaml                fixture cases:
        service: ../../services/some-service   # a service directory, relative to this file
        as_of: 2026-11-25
        profile: null                          # or alpha / alpha-prime / beta / beta-prime
        policy_data: null                      # optional, relative to this file
        results: {CITY-AI-001: fail, ...}      # the statuses the named rules must give
The built-in pack's fixture cases are the example services' expected.yaml files
(fixtures/services/*/expected.yaml in a source checkout).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from .engines import make_engine
from .errors import InputError
from .regotest import run_rego_tests
from .rulepack import builtin_rules_dir, load_rule_pack
from .run import Checker, CheckOptions


@dataclass
class TestOutcome:
    kind: str  # "rego" or "fixture"
    name: str
    passed: bool
    detail: str = ""


def _cases(rules_dir: Path | None) -> list[tuple[Path, dict]]:
    """Fixture cases of a rule directory, or the example services for the built-in pack."""
    found = []
    if rules_dir is not None:
        for path in sorted((rules_dir / "tests").glob("*.yaml")):
            found.append((path, yaml.safe_load(path.read_text(encoding="utf-8")) or {}))
        return found
    examples = builtin_rules_dir().parent / "fixtures" / "services"
    for path in sorted(examples.glob("*/expected.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        case.setdefault("service", ".")
        found.append((path, case))
    return found


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def run_fixture_case(path: Path, case: dict, engine: str, rules_dirs: list[Path]) -> TestOutcome:
    name = str(path)
    try:
        service = (path.parent / case["service"]).resolve()
        policy = case.get("policy_data")
        checker = Checker(
            CheckOptions(
                engine=engine,
                profile=case.get("profile"),
                as_of=_date(case.get("as_of", dt.date.today())),
                policy_data=(path.parent / policy) if policy else None,
                rules_dirs=rules_dirs,
            )
        )
        report = checker.check(service)
    except (InputError, KeyError, ValueError) as exc:
        return TestOutcome("fixture", name, False, f"cannot run the case: {exc}")
    got = {r.id: r.status for r in report.results}
    wrong = [f"{rid}: expected {want}, got {got.get(rid, 'missing')}" for rid, want in (case.get("results") or {}).items() if got.get(rid) != want]
    verdict = case.get("verdict")
    if verdict and report.verdict != verdict:
        wrong.append(f"verdict: expected {verdict}, got {report.verdict}")
    return TestOutcome("fixture", name, not wrong, "; ".join(wrong))


def run_rule_tests(rules_dir: Path | None = None, engine: str = "regorus") -> list[TestOutcome]:
    """Rego unit tests of the directory (or the built-in pack) and its fixture cases."""
    from .policydata import load_policy_data

    extra = [rules_dir] if rules_dir is not None else []
    pack = load_rule_pack(extra)
    # a municipality's directory runs its own tests (with the built-in test helpers available)
    prefix = "custom/" if rules_dir is not None else "builtin/"
    data = {"lgai": {"params": load_policy_data(builtin_rules_dir() / "data").as_data()}}
    outcomes = [
        TestOutcome("rego", f"{r.module}: {r.name}", r.passed, r.detail)
        for r in run_rego_tests(pack, make_engine(engine), data, prefix)
    ]
    for path, case in _cases(rules_dir):
        outcomes.append(run_fixture_case(path, case, engine, extra))
    return outcomes
