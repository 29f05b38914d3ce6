"""Rule parameters: the built-in values in rules/data/, overridden by a municipality's file.

The report prints every value used and where it came from, so two municipalities'
verdicts stay comparable.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from . import classification
from .declaration import Attestation
from .errors import InputError, Problem
from .vocabulary import AuditLogField, IncidentCategory, ReevaluationTrigger
from .load import _problem_from_error
from .yamlsource import load_yaml


class Params(BaseModel):
    """The parameter values rules read, as `data.lgai.params` in Rego."""

    model_config = ConfigDict(extra="forbid")

    confidentiality_scheme: Literal["r6_five_level", "legacy_three_level"]
    japan_regions: dict[str, list[str]]
    min_log_retention_days: int = Field(ge=0)
    max_input_retention_days: int = Field(ge=0)
    min_model_change_notice_days: int = Field(ge=0)
    max_incident_report_hours: int = Field(ge=0)
    attestation_max_age_days: int = Field(ge=1)
    min_tls_version: Literal["1.2", "1.3"]
    mynumber_allowed_hosting: list[str]
    mynumber_allowed_transport: list[str]
    max_conf_rank_to_cloud_ai: int = Field(ge=1, le=5)
    max_access_review_interval_days: int = Field(ge=1)
    max_patch_critical_days: int = Field(ge=0)
    max_patch_high_days: int = Field(ge=0)
    min_subprocessor_change_notice_days: int = Field(ge=0)
    max_ai_log_retention_days: int | None = Field(None, ge=1)
    required_ai_log_fields: list[AuditLogField]
    required_incident_categories: list[IncidentCategory]
    required_reevaluation_triggers: list[ReevaluationTrigger]
    max_restore_test_age_days: int = Field(ge=1)
    contractor_ai_use_consent_required: bool
    admin_ports: list[Annotated[int, Field(ge=1, le=65535)]]

    @field_validator("japan_regions")
    @classmethod
    def _non_empty(cls, v):
        if not any(v.values()):
            raise ValueError("at least one Japanese region is needed")
        return v


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: object
    source: str
    honesty: Literal["V", "S", "K", "P", "X"]


class _Override(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_version: Literal[1]
    municipality: str | None = None
    params: dict[str, object] = {}
    attestations: list[Attestation] = []


@dataclass
class ParamValue:
    value: object
    source: str
    honesty: str
    origin: str  # "built-in" or the override file


@dataclass
class PolicyData:
    params: Params
    provenance: dict[str, ParamValue]
    municipality: str | None = None
    attestations: list[Attestation] = field(default_factory=list)
    doc: object = None  # the SourceDoc of the municipality's file, for attestation line numbers

    @property
    def scheme(self) -> str:
        return self.params.confidentiality_scheme

    def as_data(self) -> dict:
        """The `data.lgai.params` document."""
        d = self.params.model_dump()
        d["japan_region_set"] = sorted({r for regions in d["japan_regions"].values() for r in regions})
        d["conf_rank_schemes"] = classification.SCHEMES  # the one rank map rules compare through
        return d


def load_policy_data(builtin_dir: Path, override: Path | None = None) -> PolicyData:
    provenance: dict[str, ParamValue] = {}
    for path in sorted(builtin_dir.glob("*.yaml")):
        doc = load_yaml(path, f"rules/data/{path.name}")
        for key, raw in (doc.data or {}).items():
            try:
                entry = _Entry.model_validate(raw)
            except ValidationError as exc:
                raise InputError([_problem_from_error(_Entry, doc, e) for e in exc.errors(include_url=False)]) from None
            provenance[key] = ParamValue(entry.value, entry.source, entry.honesty, "built-in")
    municipality = None
    attestations: list[Attestation] = []
    odoc = None
    if override is not None:
        if not Path(override).is_file():
            raise InputError.single(str(override), "policy data file not found")
        doc = load_yaml(Path(override), str(override))
        if not isinstance(doc.data, dict):
            raise InputError.single(doc.file, "policy data must be a mapping with schema_version and params", line=1)
        try:
            ov = _Override.model_validate(doc.data)
        except ValidationError as exc:
            raise InputError([_problem_from_error(_Override, doc, e) for e in exc.errors(include_url=False)]) from None
        municipality = ov.municipality
        attestations = ov.attestations
        odoc = doc
        problems = []
        for key, value in ov.params.items():
            if key not in provenance:
                close = difflib.get_close_matches(key, list(provenance), n=1)
                problems.append(
                    Problem(
                        doc.file,
                        f"unknown parameter '{key}'",
                        line=doc.line_of(("params", key)),
                        field=f"params.{key}",
                        hint=f"did you mean '{close[0]}'?" if close else "see docs/policy-data.md",
                    )
                )
                continue
            source = doc.file + (f" ({municipality})" if municipality else "")
            provenance[key] = ParamValue(value, source, "municipality", doc.file)
        if problems:
            raise InputError(problems)
        try:
            params = Params.model_validate({k: v.value for k, v in provenance.items()})
        except ValidationError as exc:
            raise InputError(
                [
                    Problem(doc.file, e["msg"], line=doc.line_of(("params",) + tuple(e["loc"][:1])), field="params." + ".".join(map(str, e["loc"])))
                    for e in exc.errors(include_url=False)
                ]
            ) from None
    else:
        params = Params.model_validate({k: v.value for k, v in provenance.items()})
    assert params.confidentiality_scheme in classification.SCHEMES
    return PolicyData(params, provenance, municipality, attestations, odoc)
