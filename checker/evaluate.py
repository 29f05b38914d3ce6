"""Evaluate every rule on one input document and turn the outputs into requirement results.

Rule output contract (Rego packages and Python rules alike):
    deny            findings that violate the requirement          -> fail
    undetermined    what configuration cannot decide              -> needs_attestation / attested
    not_applicable  reasons the requirement does not apply here   -> not_applicable
and nothing else -> pass. Any failure to evaluate -> error (never a pass).
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, ConfigDict, JsonValue, ValidationError

from .engines import Engine, EngineError
from .iac.evidence import IacCheckEvidence
from .load import ServiceInput
from .policydata import PolicyData
from .report import AttestationRef, Finding, RequirementResult, Text
from .rulepack import Rule, RulePack
from .secrets import mask
from .vocabulary import NETWORK_MODELS


class _At(BaseModel):
    model_config = ConfigDict(extra="forbid")
    file: str
    path: str
    line: int | None = None  # IaC resources carry their line; declaration objects are looked up


class _RawFinding(BaseModel):
    model_config = ConfigDict(extra="forbid")
    at: _At
    field: str
    msg: Text
    values: dict[str, JsonValue] = {}  # a value no report format can write is a malformed output


class _RawOutputs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    deny: list[_RawFinding] = []
    undetermined: list[_RawFinding] = []
    not_applicable: list[Text] = []


_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def parse_path(text: str) -> tuple:
    """"components[2].encryption" -> ("components", 2, "encryption")."""
    return tuple(int(i) if i else name for name, i in _PATH_PART.findall(text))


def join_path(base: str, field: str) -> str:
    if not field:
        return base
    if not base:
        return field
    return f"{base}.{field}"


def evaluate_rules(
    pack: RulePack,
    engine: Engine,
    doc: dict,
    service: ServiceInput,
    policy: PolicyData,
    as_of: dt.date,
    rules: list[Rule] | None = None,
    checkov: IacCheckEvidence | None = None,
) -> list[RequirementResult]:
    """Results for `rules` (default: the whole pack), with checkov's mapped check results merged in."""
    rules = pack.rules if rules is None else rules
    rego_rules = [r for r in rules if r.language == "rego"]
    try:
        # The whole pack in one query is fastest; IaC inputs (thousands of resources) and subsets
        # of the pack are evaluated package by package, which keeps memory flat (engines/base.py).
        whole_tree = not engine.per_package or (rules is pack.rules and not doc.get("iac", {}).get("present"))
        outputs: dict = engine.evaluate_rules(doc, [r.package for r in rego_rules], whole_tree=whole_tree)
    except EngineError as exc:
        outputs = {r.package: exc for r in rego_rules}
    params = policy.as_data()
    results = []
    for rule in rules:
        if rule.language == "rego":
            raw = outputs.get(rule.package)
        elif rule.language == "python":
            raw = _run_python(rule, doc, params)
        else:
            raw = {}
        result = _result(rule, raw, doc, service, policy, as_of)
        if checkov is not None:
            checkov.merge(result, applies=inapplicable_reason(rule, doc) is None)
        results.append(result)
    return results


def _run_python(rule: Rule, doc: dict, params: dict):
    try:
        out = rule.evaluate(doc, params)
    except (Exception, SystemExit) as exc:  # a rule bug is an error result, never a crash or a pass
        # (sys.exit() in a rule would otherwise end lgai with the rule's exit code and no report)
        return EngineError(f"{exc.__class__.__name__}: {exc}")
    if out is None:  # a forgotten `return` must not read as "nothing wrong"
        return EngineError("evaluate() returned None; return {} when nothing is wrong")
    return out


def _reason_detail(raw: Exception) -> str:
    """An engine's or rule's error message, bounded (regorus quotes whole input objects) and masked
    (it may quote input values)."""
    text = str(raw)
    if len(text) > 2000:
        text = text[:2000] + f"… ({len(text) - 2000} characters more)"
    return mask(text)


def _base(rule: Rule) -> dict:
    m = rule.meta
    return dict(
        id=m.id,
        title=Text(ja=m.title_ja, en=m.title_en),
        severity=m.severity,
        family=m.family,
        catalog=m.catalog,
        source=m.source,
        honesty=m.honesty,
        kind=m.kind,
        language=rule.language,
        party=m.party,
        evidence_needed=Text(ja=m.evidence_ja, en=m.evidence_en) if m.evidence_ja and m.evidence_en else None,
        remediation=Text(ja=m.remediation_ja, en=m.remediation_en),
    )


_MODEL_JA = {"alpha": "α", "alpha_prime": "α′", "beta": "β", "beta_prime": "β′"}


def inapplicable_reason(rule: Rule, doc: dict) -> Text | None:
    """Applicability from metadata: network models and delivery types (None: applies)."""
    meta = rule.meta
    models = doc["profile"]["models"]
    if set(meta.profiles) != set(NETWORK_MODELS) and not set(models) & set(meta.profiles):
        names = "・".join(_MODEL_JA[p] for p in meta.profiles)
        return Text(ja=f"{names} モデルにのみ適用される要件", en=f"applies to the {', '.join(meta.profiles)} model(s) only")
    if meta.delivery and doc["delivery"] not in meta.delivery:
        return Text(
            ja=f"提供形態 {', '.join(meta.delivery)} にのみ適用される要件",
            en=f"applies to delivery {', '.join(meta.delivery)} only",
        )
    return None


def _result(rule, raw, doc, service, policy, as_of) -> RequirementResult:
    base = _base(rule)
    meta = rule.meta
    inapplicable = inapplicable_reason(rule, doc)
    if inapplicable is not None:
        return RequirementResult(**base, status="not_applicable", reason=inapplicable)
    if isinstance(raw, Exception):
        detail = _reason_detail(raw)
        return RequirementResult(**base, status="error", reason=Text(ja=f"ルールを評価できない: {detail}", en=f"rule could not be evaluated: {detail}"))
    if raw is None:
        raw = {}
    try:
        out = _RawOutputs.model_validate(raw)
    except ValidationError as exc:
        msg = exc.errors(include_url=False)[0]
        detail = f"{'.'.join(map(str, msg['loc']))}: {msg['msg']}"
        return RequirementResult(
            **base, status="error", reason=Text(ja=f"ルールの出力が不正: {detail}", en=f"rule output is malformed: {detail}")
        )
    findings = [_finding(f, service) for f in out.deny]
    open_points = [_finding(f, service) for f in out.undetermined]
    attestation = _attestation(rule, service, doc, policy, as_of)
    if findings:
        return RequirementResult(**base, status="fail", findings=findings, open_points=open_points, attestation=attestation)
    if meta.kind == "attestation" or open_points:
        if attestation and not attestation.stale:
            return RequirementResult(**base, status="attested", open_points=open_points, attestation=attestation)
        if attestation and attestation.stale:
            reason = Text(
                ja=f"表明が古い ({attestation.date}、{attestation.age_days} 日前; 上限 {attestation.max_age_days} 日)",
                en=f"the attestation is stale ({attestation.date}, {attestation.age_days} days old; maximum {attestation.max_age_days})",
            )
        elif meta.kind == "attestation":
            reason = Text(ja="文書による表明(証跡と日付)が必要", en="needs an attestation with evidence and a date")
        else:
            reason = Text(ja="構成からは判定できない。証跡付きの表明が必要", en="configuration cannot decide; needs an attestation with evidence")
        return RequirementResult(**base, status="needs_attestation", reason=reason, open_points=open_points, attestation=attestation)
    if out.not_applicable:
        first = out.not_applicable[0]
        return RequirementResult(**base, status="not_applicable", reason=Text(ja=first.ja, en=first.en))
    return RequirementResult(**base, status="pass")


def _finding(raw: _RawFinding, service: ServiceInput) -> Finding:
    field = join_path(raw.at.path, raw.field)
    line = raw.at.line
    if line is None:
        src = service.doc(raw.at.file)
        line = src.line_of(parse_path(field)) if src else None
    return Finding(
        file=raw.at.file,
        line=line,
        field=field,
        message=Text(ja=mask(raw.msg.ja), en=mask(raw.msg.en)),
        values=mask(raw.values),
    )


def _attestation(rule: Rule, service: ServiceInput, doc: dict, policy: PolicyData, as_of: dt.date) -> AttestationRef | None:
    ids = {rule.meta.id, *rule.meta.catalog}
    max_age = rule.meta.max_age_days or policy.params.attestation_max_age_days
    candidates = []
    if service.declaration is not None:
        candidates = [(service.declaration_doc, ("attestations", i), a) for i, a in enumerate(service.declaration.attestations)]
    if policy.doc is not None:  # the municipality's own attestations, in its policy-data file
        candidates += [(policy.doc, ("attestations", i), a) for i, a in enumerate(policy.attestations)]
    best = None
    for src, path, a in candidates:
        if a.requirement in ids and (best is None or a.date > best[2].date):
            best = (src, path, a)
    if best is None:
        return None
    src, path, a = best
    age = (as_of - a.date).days
    return AttestationRef(
        requirement=a.requirement,
        statement=mask(a.statement),
        document=mask(a.evidence.document),
        section=a.evidence.section,
        date=a.date.isoformat(),
        age_days=age,
        max_age_days=max_age,
        stale=age > max_age,
        file=src.file,
        line=src.line_of(path),
    )
