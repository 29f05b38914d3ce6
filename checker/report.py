"""The Report: what one check found, in a form every output format is rendered from."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_serializer

Status = Literal["pass", "fail", "not_applicable", "needs_attestation", "attested", "error"]
STATUSES: tuple[str, ...] = ("fail", "error", "needs_attestation", "attested", "pass", "not_applicable")
Verdict = Literal["compliant", "conditionally_compliant", "non_compliant", "not_determinable"]

REPORT_FORMAT_VERSION = 1


class Text(BaseModel):
    ja: str
    en: str

    def get(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


class Finding(BaseModel):
    """One piece of evidence: where, what, and the values seen (secrets masked)."""

    file: str
    line: int | None = None
    field: str = Field(description="field path in the file, e.g. components[2].encryption.at_rest")
    message: Text
    values: dict = Field(default_factory=dict)
    check_id: str | None = Field(None, description="the checkov check that produced this finding (IaC)")

    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


class AttestationRef(BaseModel):
    requirement: str
    statement: str
    document: str
    section: str | None = None
    date: str
    age_days: int
    max_age_days: int
    stale: bool
    file: str
    line: int | None = None


class RequirementResult(BaseModel):
    id: str
    title: Text
    severity: Literal["critical", "high", "medium", "low"]
    family: str
    catalog: list[str]
    source: str
    honesty: str
    kind: Literal["check", "attestation"]
    language: Literal["rego", "python", "attestation"]
    party: Literal["vendor", "municipality"] = "vendor"
    evidence_needed: Text | None = Field(None, description="attestation requirements: the document that shows it")
    status: Status
    reason: Text | None = Field(None, description="why not applicable / what a reviewer must confirm / the error")
    findings: list[Finding] = Field(default_factory=list, description="violations (status fail)")
    open_points: list[Finding] = Field(default_factory=list, description="what configuration cannot decide")
    attestation: AttestationRef | None = None
    checkov: list["CheckovCheck"] = Field(default_factory=list, description="checkov checks mapped to this requirement and their counts")
    suppressed: list[Finding] = Field(default_factory=list, description="IaC findings suppressed by a skip comment, with its reason")
    remediation: Text


class CheckovCheck(BaseModel):
    check_id: str
    name: str
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    out_of_scope: int = Field(0, description="failures on resources the requirement does not cover (e.g. linked to 機密性1 data)")


class InputFileRef(BaseModel):
    path: str
    sha256: str
    kind: str


class ParamUsed(BaseModel):
    name: str
    value: object
    source: str
    honesty: str
    origin: str


class Summary(BaseModel):
    by_status: dict[str, int]
    failed_by_severity: dict[str, int]
    by_family: dict[str, dict[str, int]]


class IacFileRef(BaseModel):
    path: str
    framework: str


class IacSummary(BaseModel):
    """What IaC was read and how: files, resources, the checkov build and the checks it ran."""

    files: list[IacFileRef]
    resources: int
    by_cloud: dict[str, int]
    by_category: dict[str, int]
    checkov_version: str
    checks_run: list[str]
    linked: int = Field(0, description="resources linked to a declared component")
    notes: list[str] = Field(default_factory=list)


class Signature(BaseModel):
    """Ed25519 signature over the canonical JSON of the report without this field (docs/signing.md)."""

    algorithm: Literal["ed25519"]
    public_key_sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 (hex) of the signer's raw 32-byte Ed25519 public key")
    signed: str = Field(description="what the signature covers: the canonical JSON of the report without the signature field")
    value: str = Field(description="the 64-byte Ed25519 signature, base64")


class Report(BaseModel):
    report_format: int = REPORT_FORMAT_VERSION
    tool: dict[str, str]
    rule_pack: dict[str, str | int]
    engine: dict[str, str]
    generated_at: str
    as_of: str
    service: dict[str, str | None]
    scope: Literal["service", "iac_only"] = Field(
        "service", description="iac_only: no lgai.yaml, only the IaC requirements were judged"
    )
    inputs: list[InputFileRef]
    profile: dict
    municipality: str | None = None
    params: list[ParamUsed]
    results: list[RequirementResult]
    iac: IacSummary | None = None
    summary: Summary
    verdict: Verdict
    lang: Literal["ja", "en"] = "ja"
    signature: Signature | None = Field(None, description="present when written with `lgai check --sign`; verify with `lgai verify`")

    @model_serializer(mode="wrap")
    def _omit_missing_signature(self, handler):
        """An unsigned report carries no `signature` key at all (not null)."""
        data = handler(self)
        if isinstance(data, dict) and data.get("signature") is None:
            data.pop("signature", None)
        return data


VERDICT_TEXT = {
    "compliant": Text(ja="適合", en="Compliant"),
    "conditionally_compliant": Text(ja="条件付き適合", en="Conditionally compliant"),
    "non_compliant": Text(ja="不適合", en="Non-compliant"),
    "not_determinable": Text(ja="判定不能", en="Not determinable"),
}

STATUS_TEXT = {
    "pass": Text(ja="適合", en="pass"),
    "fail": Text(ja="不適合", en="fail"),
    "not_applicable": Text(ja="対象外", en="not applicable"),
    "needs_attestation": Text(ja="要確認", en="needs attestation"),
    "attested": Text(ja="表明済", en="attested"),
    "error": Text(ja="評価エラー", en="error"),
}

SEVERITY_TEXT = {
    "critical": Text(ja="重大", en="critical"),
    "high": Text(ja="高", en="high"),
    "medium": Text(ja="中", en="medium"),
    "low": Text(ja="低", en="low"),
}


def verdict_of(results: list[RequirementResult]) -> Verdict:
    statuses = {r.status for r in results}
    if "error" in statuses:
        return "not_determinable"
    if "fail" in statuses:
        return "non_compliant"
    if "needs_attestation" in statuses:
        return "conditionally_compliant"
    return "compliant"


def summarise(results: list[RequirementResult]) -> Summary:
    by_status = {s: 0 for s in STATUSES}
    failed = {s: 0 for s in SEVERITY_TEXT}
    by_family: dict[str, dict[str, int]] = {}
    for r in results:
        by_status[r.status] += 1
        if r.status == "fail":
            failed[r.severity] += 1
        fam = by_family.setdefault(r.family, {s: 0 for s in STATUSES})
        fam[r.status] += 1
    return Summary(by_status=by_status, failed_by_severity=failed, by_family=dict(sorted(by_family.items())))
