"""rules/checkov_map.yaml: which checkov checks evidence which lgai requirements.

    checks:
      CKV_AWS_19:
        requirements: [LGAI-IAC-001]
        note: S3 bucket encrypted at rest (server-side encryption configured)

Built-in check ids are shared by checkov's Terraform and CloudFormation variants, so one
entry covers both. lgai's own checks (CKV_LGAI_*, rules/checkov/) are listed here too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import RuleError

MAP_FILE = "checkov_map.yaml"


class MapEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    requirements: list[str] = Field(min_length=1)
    note: str = Field(min_length=5)


Scope = Literal["protected", "availability", "all"]


class CheckovMap(BaseModel):
    model_config = ConfigDict(extra="forbid")
    scopes: dict[str, Scope] = Field(
        default_factory=dict, description="requirement id -> which resources its checkov failures count on (default protected)"
    )
    checks: dict[str, MapEntry]

    def scope_of(self, requirement: str) -> str:
        return self.scopes.get(requirement, "protected")

    def requirements_of(self, check_id: str) -> list[str]:
        entry = self.checks.get(check_id)
        return entry.requirements if entry else []

    def by_requirement(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for cid, entry in sorted(self.checks.items()):
            for req in entry.requirements:
                out.setdefault(req, []).append(cid)
        return out


def load_checkov_map(rules_dir: Path, known_requirements: set[str]) -> CheckovMap:
    path = rules_dir / MAP_FILE
    if not path.is_file():
        return CheckovMap(checks={})
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        mapping = CheckovMap.model_validate(data)
    except (yaml.YAMLError, ValidationError) as exc:
        raise RuleError(f"{path}: {exc}") from exc
    unknown = sorted(({r for e in mapping.checks.values() for r in e.requirements} | set(mapping.scopes)) - known_requirements)
    if unknown:
        raise RuleError(f"{path}: maps checks to unknown requirements: {', '.join(unknown)}")
    return mapping
