"""The rule pack: Rego and Python rules with one metadata contract, loaded and validated.

A Rego rule is one file with an OPA `# METADATA` block (scope package) whose `custom:`
section holds lgai's metadata; a Python rule is a module with a `METADATA` dict and an
`evaluate(doc, params)` function. Both are validated by the same pydantic model.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import RuleError
from .vocabulary import NETWORK_MODELS, Delivery, NetworkModel

Severity = Literal["critical", "high", "medium", "low"]
SEVERITY_ORDER = {"critical": 4, "high": 3, "medium": 2, "low": 1}

FAMILIES = {
    "segmentation": ("ネットワーク分離・無害化", "Network segmentation & sanitisation"),
    "data": ("データ分類・個人情報", "Data classification & personal information"),
    "location": ("所在地・準拠法", "Location & jurisdiction"),
    "cloud": ("クラウド評価・委託", "Cloud assurance & outsourcing"),
    "encryption": ("暗号化", "Encryption"),
    "logging": ("ログ・監視", "Logging & monitoring"),
    "ai": ("AI固有の要件", "AI-specific duties"),
    "operations": ("運用・インシデント", "Operations & incidents"),
    "governance": ("ガバナンス", "Governance"),
    "access": ("認証・アクセス管理", "Authentication & access"),
}


class RuleMeta(BaseModel):
    """Metadata every rule carries, Rego or Python."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[A-Z][A-Z0-9]*-[A-Z]+-\d{3}$")
    title_ja: str
    title_en: str
    description_ja: str
    description_en: str
    severity: Severity
    family: Literal[tuple(FAMILIES)]  # type: ignore[valid-type]
    catalog: list[str] = Field(min_length=1)
    source: str = Field(description="document, edition, section")
    honesty: str = Field(pattern=r"^[VSKPX](/[VSKPX])*$")
    kind: Literal["check", "attestation"] = "check"
    profiles: list[NetworkModel] = Field(default_factory=lambda: list(NETWORK_MODELS))
    delivery: list[Delivery] | None = None
    input: list[Literal["architecture", "dataflows", "iac", "attestation"]] = Field(min_length=1)
    reads: list[str] = Field(default_factory=list, description="input fields the rule reads")
    params: list[str] = Field(default_factory=list, description="policy-data parameters the rule reads")
    remediation_ja: str
    remediation_en: str
    max_age_days: int | None = Field(None, ge=1, description="attestations older than this are stale")
    party: Literal["vendor", "municipality"] = Field(
        "vendor", description="who can give the evidence: the vendor, or the municipality itself"
    )
    evidence_ja: str | None = Field(None, description="attestation rules: which document shows it")
    evidence_en: str | None = None

    def title(self, lang: str) -> str:
        return self.title_ja if lang == "ja" else self.title_en

    def remediation(self, lang: str) -> str:
        return self.remediation_ja if lang == "ja" else self.remediation_en


@dataclass
class Rule:
    meta: RuleMeta
    language: Literal["rego", "python", "attestation"]
    path: Path
    package: str | None = None  # Rego: the package under data.lgai.rules
    evaluate: Callable[[dict, dict], dict] | None = None  # Python
    builtin: bool = True


@dataclass
class RulePack:
    version: str
    rules: list[Rule]
    rego_modules: dict[str, str]  # name -> source, rules and libraries (no tests)
    digest: str
    test_modules: dict[str, str] = field(default_factory=dict)

    def by_id(self, rule_id: str) -> Rule | None:
        for r in self.rules:
            if r.meta.id == rule_id:
                return r
        return None


_META_RE = re.compile(r"^# METADATA\s*$")


def parse_rego_metadata(source: str, shown: str) -> tuple[dict, str]:
    """Return (annotation dict of the package-scoped METADATA block, package name)."""
    lines = source.splitlines()
    meta: dict | None = None
    package = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if _META_RE.match(line) and meta is None:
            block = []
            i += 1
            while i < len(lines) and lines[i].startswith("#"):
                block.append(lines[i][2:] if lines[i].startswith("# ") else lines[i][1:])
                i += 1
            try:
                meta = yaml.safe_load("\n".join(block)) or {}
            except yaml.YAMLError as exc:
                raise RuleError(f"{shown}: METADATA block is not valid YAML: {exc}") from None
            continue
        m = re.match(r"^package\s+([\w.]+)", line)
        if m:
            package = m.group(1)
            break
        i += 1
    if package is None:
        raise RuleError(f"{shown}: no package declaration")
    if meta is None:
        raise RuleError(f"{shown}: no '# METADATA' block before the package")
    return meta, package


def _meta_from_annotation(ann: dict, shown: str) -> RuleMeta:
    custom = dict(ann.get("custom") or {})
    if "title" in ann:
        custom.setdefault("title_en", ann["title"])
    if "description" in ann:
        custom.setdefault("description_en", ann["description"])
    extra = set(ann) - {"title", "description", "custom", "scope", "related_resources", "schemas"}
    if extra:
        raise RuleError(f"{shown}: unknown METADATA keys: {', '.join(sorted(extra))}")
    return _validate_meta(custom, shown)


_FOLDED_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])")


def _validate_meta(raw: dict, shown: str) -> RuleMeta:
    # YAML folding (`>-`) joins lines with a space, which Japanese text does not use.
    raw = {k: _FOLDED_CJK_SPACE.sub("", v) if k.endswith("_ja") and isinstance(v, str) else v for k, v in raw.items()}
    try:
        return RuleMeta.model_validate(raw)
    except ValidationError as exc:
        details = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors(include_url=False))
        raise RuleError(f"{shown}: invalid rule metadata: {details}") from None


def package_for(rule_id: str) -> str:
    """LGAI-SEG-001 -> lgai.rules.seg_001; CITY-LOG-001 -> lgai.rules.city_log_001."""
    prefix, family, num = rule_id.split("-")
    name = f"{family}_{num}".lower() if prefix == "LGAI" else f"{prefix}_{family}_{num}".lower()
    return f"lgai.rules.{name}"


def builtin_rules_dir() -> Path:
    """rules/ as installed in the wheel (checker/rules) or beside the source tree."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if (candidate / "pack.yaml").is_file():
            return candidate
    raise RuleError("built-in rule pack not found (rules/pack.yaml)")


def load_rule_dir(directory: Path, *, builtin: bool) -> tuple[list[Rule], dict[str, str], dict[str, str], list[Path]]:
    """Load every rule under `directory`. Returns rules, Rego modules, Rego tests, files read."""
    rules: list[Rule] = []
    modules: dict[str, str] = {}
    tests: dict[str, str] = {}
    files: list[Path] = []
    for path in sorted(directory.rglob("*.rego")):
        rel = path.relative_to(directory).as_posix()
        shown = f"{'rules' if builtin else directory}/{rel}"
        source = path.read_text(encoding="utf-8")
        files.append(path)
        name = f"{'builtin' if builtin else 'custom'}/{rel}"
        if path.name.endswith("_test.rego") or rel.startswith("testing/"):
            tests[name] = source
            continue
        modules[name] = source
        if rel.startswith("lib/"):
            continue
        ann, package = parse_rego_metadata(source, shown)
        meta = _meta_from_annotation(ann, shown)
        expected = package_for(meta.id)
        if package != expected:
            raise RuleError(f"{shown}: package is {package}, rule {meta.id} must use package {expected}")
        rules.append(Rule(meta, "rego", path, package=package.removeprefix("lgai.rules."), builtin=builtin))
    for path in sorted(directory.glob("attestations*.yaml")):
        shown = f"{'rules' if builtin else directory}/{path.name}"
        files.append(path)
        try:
            entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        except yaml.YAMLError as exc:
            raise RuleError(f"{shown}: not valid YAML: {exc}") from None
        if not isinstance(entries, list):
            raise RuleError(f"{shown}: expected a list of attestation requirements")
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict):
                raise RuleError(f"{shown}: entry {i} is not a mapping")
            meta = _validate_meta(dict(entry, kind="attestation"), f"{shown} [{i}]")
            if not (meta.evidence_ja and meta.evidence_en):
                raise RuleError(f"{shown} [{i}] {meta.id}: an attestation requirement names its evidence (evidence_ja/en)")
            rules.append(Rule(meta, "attestation", path, builtin=builtin))
    for path in sorted(directory.rglob("*.py")):
        if path.name.startswith("_") or path.name.startswith("test_"):
            continue
        if "checkov" in path.relative_to(directory).parts[:-1]:
            files.append(path)  # custom checkov checks (checker/iac/scan.py loads them), not Python rules
            continue
        shown = f"{'rules' if builtin else directory}/{path.relative_to(directory).as_posix()}"
        files.append(path)
        module = _import_rule_module(path, shown)
        if not hasattr(module, "METADATA") or not callable(getattr(module, "evaluate", None)):
            raise RuleError(f"{shown}: a Python rule needs a METADATA dict and an evaluate(doc, params) function")
        meta = _validate_meta(module.METADATA, shown)
        rules.append(Rule(meta, "python", path, evaluate=module.evaluate, builtin=builtin))
    return rules, modules, tests, files


def _import_rule_module(path: Path, shown: str):
    name = "lgai_rule_" + hashlib.sha1(str(path).encode()).hexdigest()[:12]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise RuleError(f"{shown}: cannot import")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # a broken rule file must be reported, not crash the run
        raise RuleError(f"{shown}: import failed: {exc.__class__.__name__}: {exc}") from None
    return module


def load_rule_pack(extra_dirs: list[Path] | None = None) -> RulePack:
    root = builtin_rules_dir()
    pack_info = yaml.safe_load((root / "pack.yaml").read_text(encoding="utf-8"))
    rules, modules, tests, files = load_rule_dir(root, builtin=True)
    for d in extra_dirs or []:
        d = Path(d)
        if not d.is_dir():
            raise RuleError(f"{d}: rules directory not found")
        r2, m2, t2, f2 = load_rule_dir(d, builtin=False)
        rules += r2
        modules.update(m2)
        tests.update(t2)
        files += f2
    seen: dict[str, Rule] = {}
    for r in rules:
        if r.meta.id in seen:
            raise RuleError(f"{r.path}: rule id {r.meta.id} is already used by {seen[r.meta.id].path}")
        seen[r.meta.id] = r
    files += sorted((root / "data").glob("*.yaml")) + [root / "pack.yaml"]
    files += [p for p in [root / "checkov_map.yaml"] if p.is_file()] + sorted((root / "checkov").rglob("_*.py"))
    digest = hashlib.sha256()
    for f in sorted(set(files)):
        try:
            rel = f.relative_to(root).as_posix()
        except ValueError:
            rel = str(f)
        digest.update(rel.encode() + b"\0" + f.read_bytes() + b"\0")
    rules.sort(key=lambda r: r.meta.id)
    return RulePack(str(pack_info["version"]), rules, modules, digest.hexdigest(), tests)
