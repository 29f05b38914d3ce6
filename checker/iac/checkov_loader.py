"""Import only the checkov checks lgai runs.

Importing checkov's Terraform runner normally imports every one of its ~1,000 built-in check
modules; a few of them pull in cloudsplaining and policy_sentry, whose IAM database alone takes
about 70 MB. lgai runs only the checks in rules/checkov_map.yaml, so before the first checkov
import it replaces checkov's per-provider check packages with empty packages (same `__path__`,
so any module in them can still be imported) and then imports just the modules that define the
mapped check ids. Measured on the 4,000-resource benchmark corpus: peak memory 217 → 160 MB and
2 s less wall time (docs/iac.md, benchmarks/bench_iac.py).

Graph checks (`CKV2_*` and JSON/YAML checks) are loaded by checkov's graph registry from their
definition files and are not affected. If checkov was already imported in full in this process
(e.g. by a test), nothing changes: the allowlist still decides what runs.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
import types
from functools import lru_cache
from pathlib import Path

# checkov packages whose sub-packages (one per provider) hold Python check modules.
CHECK_PACKAGES = (
    "checkov.terraform.checks.resource",
    "checkov.terraform.checks.data",
    "checkov.terraform.checks.provider",
    "checkov.terraform.checks.module",
    "checkov.cloudformation.checks.resource",
    "checkov.kubernetes.checks.resource",
)
_ID = re.compile(r"""\b(?:check_)?id\s*=\s*["'](CKV2?_[A-Z0-9_]+)["']""")  # `id = ` or `check_id=`
_prepared = False


def _checkov_dir() -> Path:
    spec = importlib.util.find_spec("checkov")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("checkov is not installed")
    return Path(list(spec.submodule_search_locations)[0])


@lru_cache(maxsize=1)
def check_modules() -> dict[str, list[str]]:
    """check id -> the modules that define it (read from checkov's sources, not imported)."""
    base = _checkov_dir()
    index: dict[str, list[str]] = {}
    for pkg in CHECK_PACKAGES:
        pkg_dir = base.joinpath(*pkg.split(".")[1:])
        if not pkg_dir.is_dir():
            continue
        for path in sorted(pkg_dir.glob("*/*.py")):
            if path.name == "__init__.py":
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            module = f"{pkg}.{path.parent.name}.{path.stem}"
            for cid in set(_ID.findall(text)):
                index.setdefault(cid, []).append(module)
    return index


def load_only(check_ids: list[str]) -> None:
    """Stub checkov's check packages and import just the modules defining `check_ids`.

    Must run before anything imports checkov.terraform / cloudformation / kubernetes.
    """
    global _prepared
    if _prepared:
        return
    _prepared = True
    if any(name in sys.modules for name in ("checkov.terraform", "checkov.cloudformation", "checkov.kubernetes")):
        return  # checkov already imported in full: every check is registered, the allowlist filters
    base = _checkov_dir()
    for pkg in CHECK_PACKAGES:
        pkg_dir = base.joinpath(*pkg.split(".")[1:])
        if not pkg_dir.is_dir():
            continue
        for sub in sorted(os.listdir(pkg_dir)):
            sub_dir = pkg_dir / sub
            if (sub_dir / "__init__.py").is_file():
                name = f"{pkg}.{sub}"
                stub = types.ModuleType(name)
                stub.__path__ = [str(sub_dir)]
                stub.__file__ = str(sub_dir / "__init__.py")
                stub.__package__ = name
                sys.modules[name] = stub
    index = check_modules()
    for cid in sorted(set(check_ids)):
        for module in index.get(cid, []):
            importlib.import_module(module)
