"""OPA bundles of lgai's rules: what `opa run --server --bundle` (or a bundle service) loads.

A bundle holds the Rego modules (the shared library and every Rego rule, built-in and from
--rules-dir; no tests) and the rule parameters as `data.lgai.params`. Its revision names the
rule pack and the parameters, so lgai refuses a server that would judge with other rules or
other thresholds (engines/opa_remote.py). Python rules and attestations cannot run in OPA:
the manifest lists them, and lgai keeps evaluating them locally whatever the engine.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .atomic import write_atomic
from .policydata import PolicyData, load_policy_data
from .rulepack import RulePack, builtin_rules_dir, load_rule_pack

DATA_FILE = "lgai/params/data.json"
MANIFEST = ".manifest"
# A fixed timestamp: the same rules and data give the same bytes.
_MTIME = 0


@dataclass
class BundleInfo:
    path: Path
    revision: str
    roots: list[str]
    modules: list[str]  # file names inside the bundle
    python_rules: list[str]  # rule ids lgai evaluates itself (not in the bundle)
    attestation_requirements: list[str]  # requirement ids satisfied by attestations, judged by lgai
    size: int = 0
    manifest: dict = field(default_factory=dict)


def policy_digest(policy: PolicyData) -> str:
    """sha256 of the parameters as OPA sees them (data.lgai.params)."""
    return hashlib.sha256(_canonical(policy.as_data()).encode("utf-8")).hexdigest()


def bundle_revision(pack: RulePack, policy: PolicyData) -> str:
    """<rule pack version>+<rule pack digest>+<parameters digest>: changes whenever a rule file,
    the pack's built-in data or the municipality's parameters change."""
    return f"{pack.version}+{pack.digest[:16]}+{policy_digest(policy)[:16]}"


def bundle_roots(pack: RulePack) -> list[str]:
    """The data roots the bundle owns: `lgai`, plus the first segment of any other package."""
    roots = {"lgai"}
    for name, source in pack.rego_modules.items():
        m = re.search(r"^package\s+([\w]+)", source, re.MULTILINE)
        if m:
            roots.add(m.group(1))
    return sorted(roots)


def build_bundle(out: Path, policy_data: Path | None = None, rules_dirs: list[Path] | None = None) -> BundleInfo:
    """Write the bundle to `out` (tar.gz, atomically) and describe it."""
    pack = load_rule_pack([Path(d) for d in rules_dirs or []])
    policy = load_policy_data(builtin_rules_dir() / "data", Path(policy_data) if policy_data else None)
    return write_bundle(Path(out), pack, policy)


def write_bundle(out: Path, pack: RulePack, policy: PolicyData) -> BundleInfo:
    revision = bundle_revision(pack, policy)
    roots = bundle_roots(pack)
    python_rules = sorted(r.meta.id for r in pack.rules if r.language == "python")
    attestations = sorted(r.meta.id for r in pack.rules if r.language == "attestation")
    manifest = {
        "revision": revision,
        "roots": roots,
        "rego_version": 1,
        "metadata": {
            "lgai_version": __version__,
            "rule_pack_version": pack.version,
            "rule_pack_digest": pack.digest,
            "policy_data_digest": policy_digest(policy),
            "municipality": policy.municipality,
            "rego_rules": sorted(r.meta.id for r in pack.rules if r.language == "rego"),
            "python_rules_evaluated_by_lgai": python_rules,
            "attestation_requirements": attestations,
        },
    }
    files: list[tuple[str, bytes]] = [(MANIFEST, _json_bytes(manifest))]
    modules = []
    for name, source in sorted(pack.rego_modules.items()):
        # rego_modules holds no tests (*_test.rego, testing/): RulePack keeps them apart.
        if name.endswith("_test.rego") or "/testing/" in f"/{name}":
            continue
        modules.append(name)
        files.append((name, source.encode("utf-8")))
    files.append((DATA_FILE, _json_bytes(policy.as_data())))
    raw = _tar_gz(files)
    write_atomic(out, raw)
    return BundleInfo(
        path=out, revision=revision, roots=roots, modules=modules, python_rules=python_rules,
        attestation_requirements=attestations, size=len(raw), manifest=manifest,
    )


def read_manifest(path: Path) -> dict:
    """The manifest of a bundle file."""
    with tarfile.open(path, "r:gz") as tar:
        for member in tar.getmembers():
            if member.name.lstrip("/") == MANIFEST:
                return json.loads(tar.extractfile(member).read().decode("utf-8"))
    raise ValueError(f"{path}: no {MANIFEST} in the bundle")


def _tar_gz(files: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=_MTIME) as gz:
        with tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
            for name, data in files:
                info = tarfile.TarInfo("/" + name)  # opa build writes absolute names: /.manifest, /data.json
                info.size = len(data)
                info.mtime = _MTIME
                info.mode = 0o644
                tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _json_bytes(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _canonical(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
