"""IaC fixtures: each directory under fixtures/iac/ is checked end to end (checkov's parsers and
checks, the extractors, the Rego rules) and compared with its expected.yaml:

    results:                      # requirement id -> expected status (only the ids listed are compared)
      LGAI-IAC-001: fail
    findings:                     # optional: requirement id -> exactly these findings, as "file:line" or
      LGAI-IAC-001:               # "file:line CHECK_ID" for a finding from a mapped checkov check
        - main.tf:4
        - main.tf:4 CKV_AWS_16
    facts:                        # optional: address -> a subset of the resource's normalised facts
      aws_db_instance.db:
        category: database
        encryption: {at_rest: false}
    profile: beta                 # optional
    scope: iac_only               # optional: iac_only (default when no lgai.yaml) or service
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from checker.iac.dump import facts_document
from checker.run import Checker, CheckOptions

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted(p for p in (ROOT / "fixtures" / "iac").iterdir() if (p / "expected.yaml").is_file())
AS_OF = dt.date(2026, 11, 25)
_CHECKERS: dict = {}


def checker(profile: str | None = None) -> Checker:
    if profile not in _CHECKERS:
        _CHECKERS[profile] = Checker(CheckOptions(profile=profile, as_of=AS_OF, now=dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)))
    return _CHECKERS[profile]


def expected_of(d: Path) -> dict:
    return yaml.safe_load((d / "expected.yaml").read_text(encoding="utf-8"))


def _subset(actual, expected, path=""):
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: expected an object, got {actual!r}"
        for k, v in expected.items():
            assert k in actual, f"{path}.{k}: missing (have {sorted(actual)})"
            _subset(actual[k], v, f"{path}.{k}")
    else:
        assert actual == expected, f"{path}: expected {expected!r}, got {actual!r}"


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.name for p in FIXTURES])
def test_iac_fixture(fixture):
    exp = expected_of(fixture)
    c = checker(exp.get("profile"))
    report = c.check(fixture)
    assert report.scope == exp.get("scope", "iac_only" if not (fixture / "lgai.yaml").exists() else "service")
    by_id = {r.id: r for r in report.results}
    for rid, status in exp.get("results", {}).items():
        assert rid in by_id, f"{rid} not in the report"
        r = by_id[rid]
        assert r.status == status, f"{rid}: {r.status} != {status}: {[f.message.en for f in r.findings + r.open_points]} {r.reason}"
    for rid, wanted in (exp.get("findings") or {}).items():
        got = sorted(f"{f.file}:{f.line}" + (f" {f.check_id}" if f.check_id else "") for f in by_id[rid].findings)
        assert got == sorted(wanted), f"{rid}: findings differ"
    if exp.get("facts"):
        doc = facts_document(c, fixture)
        resources = {r["address"]: r for r in doc["resources"]}
        for address, facts in exp["facts"].items():
            assert address in resources, f"{address} not extracted (have {sorted(resources)[:20]})"
            _subset(resources[address], facts, address)


def test_every_iac_rule_fails_and_passes_somewhere():
    """Every IaC rule (input iac) has a fixture where it fails and one where it passes (IaC fixtures
    and example services with IaC)."""
    c = checker()
    iac_ids = {r.meta.id for r in c.pack.rules if "iac" in r.meta.input and r.meta.kind == "check"}
    seen: dict[str, set] = {rid: set() for rid in iac_ids}
    services = sorted(p for p in (ROOT / "fixtures" / "services").iterdir() if (p / "expected.yaml").is_file())
    for d in FIXTURES + services:
        for rid, status in (expected_of(d).get("results") or {}).items():
            if rid in seen:
                seen[rid].add(status)
    missing = {rid: sorted({"pass", "fail"} - st) for rid, st in seen.items() if not {"pass", "fail"} <= st}
    assert not missing, f"IaC rules without a passing and a failing fixture: {missing}"
