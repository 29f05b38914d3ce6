"""checkov's check results, merged into requirement results through rules/checkov_map.yaml.

A failed mapped check is a finding of each requirement it maps to (with the check id and
file:line), and fails that requirement unless the requirement does not apply to this
service (profile or delivery), or the resource is outside the requirement's scope: checkov
does not know what data a resource holds, lgai does (checker/iac/normalise.py). The scope of
each requirement is in rules/checkov_map.yaml (`scopes:`): `protected` — only resources holding
機密性2+ or personal data, or not linked to a component; `availability` — only resources holding
availability-2 data, or not linked; `all`. Out-of-scope failures are counted, not reported. A check skipped by a `checkov:skip=` comment is listed as
suppressed with its reason. Every result lists the mapped checks that ran and their counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..report import CheckovCheck, Finding, RequirementResult, Text
from ..secrets import mask
from .checkov_map import CheckovMap
from .scan import CheckRecord


def resource_address(framework: str, checkov_resource: str) -> str:
    """checkov's resource name -> lgai's address (Terraform: the same; CloudFormation
    `AWS::S3::Bucket.Docs` -> `Docs`; Kubernetes `Deployment.ns.name` -> `Deployment/ns/name`)."""
    if framework == "cloudformation":
        return checkov_resource.rsplit(".", 1)[-1]
    if framework == "kubernetes":
        parts = checkov_resource.split(".", 2)
        return "/".join(parts) if len(parts) == 3 else checkov_resource
    return checkov_resource


def in_scope(scope: str, holds: dict | None) -> bool:
    if scope == "all" or holds is None or holds.get("assumed", True):
        return True
    if scope == "availability":
        return holds["avail_rank_max"] >= 2
    return holds["conf_rank_max"] >= 2 or holds["personal_rank_max"] >= 1


@dataclass
class IacCheckEvidence:
    mapping: CheckovMap
    records: list[CheckRecord]
    resources: list[dict] = field(default_factory=list)  # input.iac.resources (with holds)
    _by_req: dict[str, list[CheckRecord]] = field(default_factory=dict, init=False)
    _holds: dict[str, dict] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        for rec in self.records:
            for req in self.mapping.requirements_of(rec.check_id):
                self._by_req.setdefault(req, []).append(rec)
        self._holds = {r["address"]: r["holds"] for r in self.resources}

    def merge(self, result: RequirementResult, applies: bool) -> None:
        records = self._by_req.get(result.id)
        if not records:
            return
        counts: dict[str, CheckovCheck] = {}
        for rec in sorted(records, key=lambda r: (r.check_id, r.file, r.line or 0, r.resource)):
            c = counts.setdefault(rec.check_id, CheckovCheck(check_id=rec.check_id, name=rec.check_name))
            scope = self.mapping.scope_of(result.id)
            if rec.result == "failed" and not in_scope(scope, self._holds.get(resource_address(rec.framework, rec.resource))):
                c.out_of_scope += 1
                continue
            setattr(c, rec.result, getattr(c, rec.result) + 1)
            if rec.result == "failed" and applies:
                result.findings.append(_finding(rec))
            elif rec.result == "skipped":
                result.suppressed.append(_finding(rec, suppressed=True))
        result.checkov = list(counts.values())
        if result.findings and result.status not in ("fail", "error") and applies:
            result.status = "fail"
            result.reason = None


def _finding(rec: CheckRecord, suppressed: bool = False) -> Finding:
    if suppressed:
        why = mask(rec.suppress_comment or "")
        ja = f"checkov {rec.check_id} ({rec.check_name}) は抑止コメントで除外: {why}"
        en = f"checkov {rec.check_id} ({rec.check_name}) suppressed by a skip comment: {why}"
    else:
        ja = f"checkov {rec.check_id} 不合格: {rec.check_name} ({rec.resource})"
        en = f"checkov {rec.check_id} failed: {rec.check_name} ({rec.resource})"
    values = {"check_id": rec.check_id, "resource": rec.resource}
    if rec.evaluated_keys:
        values["evaluated_keys"] = rec.evaluated_keys[:10]
    return Finding(file=rec.file, line=rec.line, field=rec.resource, message=Text(ja=ja, en=en), values=mask(values), check_id=rec.check_id)
