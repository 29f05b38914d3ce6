"""Run the Rego unit tests of a rule pack (`test_*` rules in `*_test.rego`) on an engine.

Test modules and the helpers under `testing/` are compiled together with the rules and
the built-in policy data; each `test_*` rule must evaluate to true.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .engines import Engine, EngineError
from .rulepack import RulePack

_PACKAGE = re.compile(r"^package\s+([\w.]+)", re.M)
_TEST = re.compile(r"^(test_\w+)\b", re.M)


@dataclass
class RegoTestResult:
    module: str
    package: str
    name: str
    passed: bool
    detail: str = ""


def discover(pack: RulePack, prefix: str = "") -> list[tuple[str, str, str]]:
    """(module, package, test name) for every test rule in the pack's modules named `prefix`…"""
    found = []
    for module, source in sorted(pack.test_modules.items()):
        if not module.startswith(prefix):
            continue
        m = _PACKAGE.search(source)
        if not m:
            continue
        for name in sorted(set(_TEST.findall(source))):
            found.append((module, m.group(1), name))
    return found


def run_rego_tests(pack: RulePack, engine: Engine, data: dict, prefix: str = "") -> list[RegoTestResult]:
    modules = dict(pack.rego_modules)
    modules.update(pack.test_modules)
    engine.prepare(modules, data)
    results = []
    # One query per test package, not per test: OPA keeps a prepared query per distinct query
    # string, and hundreds of them grew its memory to many GB.
    by_package: dict[tuple[str, str], list[str]] = {}
    for module, package, name in discover(pack, prefix):
        by_package.setdefault((module, package), []).append(name)
    for (module, package), names in by_package.items():
        try:
            values = engine.eval_document(package, {}) or {}
        except EngineError:
            values = None
        for name in names:
            if values is None:  # isolate the failing test(s) of this package
                try:
                    value = engine.eval_document(f"{package}.{name}", {})
                except EngineError as exc:
                    results.append(RegoTestResult(module, package, name, False, str(exc)))
                    continue
            else:
                value = values.get(name)
            results.append(RegoTestResult(module, package, name, value is True, "" if value is True else f"evaluated to {value!r}"))
    return results
