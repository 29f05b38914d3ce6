"""OSCAL assessment results (JSON), so that GRC tools can import lgai's findings.

One check becomes one `assessment-results` document with one `result`. OSCAL version
`OSCAL_VERSION` (1.2.1): the version whose models the tests validate the documents with
(compliance-trestle 5.2.0, `trestle.oscal.assessment_results`).

Mapping from the lgai Report
----------------------------
document
    uuid                  uuid5 of the report's content digest (see below) and the language
    metadata              title (report language), last-modified = generated_at,
                          version = lgai version, oscal-version; document-ids carries the
                          report digest; props (namespace NS): rule pack version/digest/rule
                          count, engine, verdict, scope, as-of date, report format
    metadata.parties      the vendor (role `provider`) and, with --policy-data, the
                          municipality (role `prepared-for`): organisations. lgai itself is
                          not a party (OSCAL parties are people and organisations): it is a
                          `software` component in the result's assessment-assets, and the
                          `tool` actor of everything it determined.
    import-ap             lgai has no OSCAL assessment plan: the plan is the rule pack. The
                          href points to a back-matter resource describing the rule pack
                          (`#<uuid>`, the OSCAL way to reference a resource in the same
                          document) and import-ap.remarks says so in the report language.
    back-matter           the rule pack, and one resource per file the evidence names: the
                          input files (rlink = path relative to the checked directory, with
                          its SHA-256) and the municipality's --policy-data file when its
                          attestations count (the report lists no hash for it)
results[0]
    start = end           generated_at (a check is one point in time)
    local-definitions     the assessed service (component, type `this-system`) and the
                          assessment assets: lgai (component, type `software`) on one platform
    reviewed-controls     include-controls: every requirement judged applicable, control-id =
                          requirement id lowercased (LGAI-AI-001 -> lgai-ai-001, a valid OSCAL
                          token); exclude-controls: the not_applicable ones, with their
                          reasons in the selection's remarks
    observations          one per piece of evidence, linked to the service component and to
                          the input file (subject type `resource`, the back-matter resource):
                            violation (Finding in findings)     types [finding]
                            open point (configuration cannot decide)  [control-objective]
                            suppressed IaC finding (skip comment)     [finding], prop suppressed
                            checkov checks and their counts           [control-objective]
                            attestation (statement, document, date)   [control-objective]
                            missing attestation / evaluation error    [control-objective]
                          methods: ["TEST"] for what lgai evaluated itself (rules over the
                          declaration, data flows and IaC; origin actor: the lgai tool),
                          ["EXAMINE"] for attestations, present or missing (a document to
                          be examined; origin actor: the party that attested, vendor or
                          municipality, or lgai when none is on record). Only
                          OSCAL's own method values are used (EXAMINE, INTERVIEW, TEST,
                          UNKNOWN), so strict importers accept them; "automated" is said by
                          the tool origin. relevant-evidence: description `file:line`,
                          href `#<resource uuid>`, masked values in its remarks.
                          collected = generated_at.
    findings              one per requirement except not_applicable (excluded controls):
                          target type `objective-id`, target-id `<control-id>_obj`, and
                            pass               satisfied      reason pass
                            attested           satisfied      reason pass  (remarks: attested)
                            fail               not-satisfied  reason fail
                            needs_attestation  not-satisfied  reason other (remarks: what a
                                               reviewer must confirm; prop lgai status
                                               needs_attestation)
                            error              not-satisfied  reason other (remarks: the error)
                          props: requirement id, lgai status, severity, family, kind, party,
                          honesty (the basis tag), one `catalog-row` per catalog row; related
                          observations; remediation in remarks.
    risks                 one per failed requirement: status open, severity as a
                          characterization facet and a prop, the remediation as a
                          `recommendation`, linked from its finding (related-risks).

Identifiers are deterministic: every uuid is a uuid5 under a namespace derived from the
SHA-256 of the report's canonical JSON (`report_digest`: the JSON report in the same
language without `signature`, keys sorted, compact, UTF-8, which is also what
`lgai check --sign` signs). The same report gives the same document, byte for byte;
nothing time-based is used beyond the report's generated_at. Values are the report's,
already masked by lgai; no raw input is read here.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from urllib.parse import quote

from ..report import Finding, Report, RequirementResult
from . import labels as L

OSCAL_VERSION = "1.2.1"
NS = "https://lgai.example/ns/oscal"
_ROOT = uuid.uuid5(uuid.NAMESPACE_URL, NS)

# OSCAL token: a letter or underscore first, then letters, digits, '_', '-', '.'.
_TOKEN_BAD = re.compile(r"[^A-Za-z0-9_.-]")

# Words of this format, (ja, en).
_T = {
    "result_title": ("適合性チェック", "Compliance check"),
    "result_summary": ("集計", "Summary"),
    "controls_desc": (
        "lgai ルールパックの要件のうち、このサービスに適用されるもの",
        "The requirements of the lgai rule pack that apply to this service",
    ),
    "excluded": ("対象外とした要件", "Requirements judged not applicable"),
    "import_ap": (
        "lgai には OSCAL の評価計画 (assessment plan) がない。評価の計画に当たるのはルールパック"
        "(要件・判定ロジック・パラメータ)であり、back-matter のこの資源に版とダイジェストを記す。",
        "lgai has no OSCAL assessment plan. What plays its part is the rule pack (requirements, "
        "decision logic, parameters); this back-matter resource gives its version and digest.",
    ),
    "rule_pack_title": ("lgai ルールパック", "lgai rule pack"),
    "rule_pack_desc": (
        "自治体の情報セキュリティ要件を判定する lgai の要件・判定ロジック・パラメータ一式",
        "The lgai requirements, decision logic and parameters for Japanese municipal information-security requirements",
    ),
    "rules": ("要件", "rules"),
    "input_desc": ("lgai が読んだ入力ファイル", "An input file lgai read"),
    "tool_desc": (
        "lgai: クラウドAIサービスが自治体の情報セキュリティ要件を満たすかを判定する policy-as-code チェッカー",
        "lgai: a policy-as-code checker of cloud AI services against Japanese municipal information-security requirements",
    ),
    "platform": ("lgai による自動判定", "Automated evaluation by lgai"),
    "service_desc": ("評価対象のサービス", "The service under assessment"),
    "service_state": (
        "宣言・データフロー・IaC から評価した。稼働状態は判定していない",
        "Assessed from its declaration, data flows and IaC; its operational state was not determined",
    ),
    "iac_dir": ("IaC のディレクトリ", "IaC directory"),
    "role_provider": ("事業者(サービス提供者)", "Service provider (vendor)"),
    "role_prepared_for": ("自治体(調達者)", "Municipality (procurer)"),
    "obs_violation": ("不適合の根拠", "Violation"),
    "obs_open_point": ("設定からは判定できない点", "Open point (configuration cannot decide)"),
    "obs_suppressed": ("抑止された IaC の指摘", "Suppressed IaC finding"),
    "obs_checkov": ("checkov チェックの結果", "checkov check results"),
    "obs_attestation": ("表明", "Attestation"),
    "obs_missing": ("表明がない", "No attestation"),
    "obs_error": ("評価エラー", "Evaluation error"),
    "checkov_counts": (
        "合格 {passed}、不合格 {failed}、抑止 {skipped}、範囲外 {out_of_scope}",
        "passed {passed}, failed {failed}, skipped {skipped}, out of scope {out_of_scope}",
    ),
    "values": ("値", "values"),
    "attested_by": ("表明者", "attested by"),
    "date": ("日付", "dated"),
    "age": ("経過 {age} 日 (上限 {max} 日)", "{age} days old (limit {max} days)"),
    "stale": ("期限切れ", "stale"),
    "section": ("節", "section"),
    "evidence_needed": ("必要な証跡", "Evidence needed"),
    "state_attested": ("表明により充足", "Satisfied by an attestation"),
    "state_needs_attestation": (
        "要確認: 表明(証跡と日付)がないため、満たしているとは判定していない",
        "Needs attestation: not counted as satisfied until attested with evidence and a date",
    ),
    "state_error": ("評価できなかった", "Could not be evaluated"),
    "risk_statement": (
        "要件「{title}」を満たしていない (重要度: {severity}、分類: {family})。出典: {source}",
        "The requirement \"{title}\" is not met (severity {severity}, family {family}). Source: {source}",
    ),
    "findings_count": ("根拠 {n} 件", "{n} piece(s) of evidence"),
}


def _t(key: str, lang: str, **kw) -> str:
    ja, en = _T[key]
    text = ja if lang == "ja" else en
    return text.format(**kw) if kw else text


def report_digest(report: Report, lang: str) -> str:
    """SHA-256 (hex) of the canonical JSON of the report in `lang` without its signature:
    the bytes `lgai check --format json --sign` signs for the same report."""
    data = json.loads(report.model_copy(update={"lang": lang}).model_dump_json())
    data.pop("signature", None)
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def control_id(requirement_id: str) -> str:
    """The OSCAL control-id of a requirement: lowercased, a valid OSCAL token."""
    token = _TOKEN_BAD.sub("-", requirement_id.lower())
    if not re.match(r"[A-Za-z_]", token):
        token = "_" + token
    return token


def _line(text: object) -> str:
    """A single-line value with no surrounding whitespace (markup-line, prop values)."""
    return " ".join(str(text).split())


def _prop(name: str, value: object, **extra) -> dict | None:
    value = _line(value)
    if not value:
        return None
    return {"name": name, "ns": NS, "value": value, **extra}


def _props(*items: dict | None) -> list[dict]:
    return [p for p in items if p is not None]


def _put(obj: dict, key: str, value) -> dict:
    """Set key only when value is non-empty (OSCAL arrays and objects have minItems 1)."""
    if value:
        obj[key] = value
    return obj


class _Builder:
    def __init__(self, report: Report, lang: str):
        self.report = report
        self.lang = lang
        self.digest = report_digest(report, lang)
        self.space = uuid.uuid5(_ROOT, self.digest)
        self.at = report.generated_at
        self.tool_uuid = self.uuid("component", "lgai")
        self.service_uuid = self.uuid("component", "service")
        self.parties: dict[str, str] = {}  # "vendor" / "municipality" -> party uuid
        self.resources: dict[str, dict] = {}  # input path -> back-matter resource

    def uuid(self, *key: str) -> str:
        return str(uuid.uuid5(self.space, "\x1f".join(key)))

    # --- document parts ------------------------------------------------------------------

    def document(self) -> dict:
        rule_pack = self._rule_pack_resource()
        self._input_resources()
        metadata = self._metadata()
        result = self._result()
        doc = {
            "uuid": self.uuid("assessment-results", self.lang),
            "metadata": metadata,
            "import-ap": {"href": f"#{rule_pack['uuid']}", "remarks": _t("import_ap", self.lang)},
            "results": [result],
            "back-matter": {"resources": [rule_pack, *self.resources.values()]},
        }
        return {"assessment-results": doc}

    def _metadata(self) -> dict:
        r, lang = self.report, self.lang
        svc = r.service
        name = " ".join(x for x in (svc.get("name"), svc.get("version")) if x)
        md: dict = {
            "title": _line(f"{L.label('title', lang)}: {name}"),
            "last-modified": self.at,
            "version": r.tool.get("version", "0"),
            "oscal-version": OSCAL_VERSION,
            "document-ids": [{"scheme": f"{NS}/report-sha256", "identifier": self.digest}],
            "props": _props(
                _prop("tool", r.tool.get("name", "lgai")),
                _prop("tool-version", r.tool.get("version", "")),
                _prop("rule-pack-version", r.rule_pack.get("version", "")),
                _prop("rule-pack-digest", r.rule_pack.get("digest", "")),
                _prop("engine", r.engine.get("name", "")),
                _prop("engine-version", r.engine.get("version", "")),
                _prop("verdict", r.verdict),
                _prop("scope", r.scope),
                _prop("as-of", r.as_of),
                _prop("report-format", r.report_format),
            ),
        }
        roles, parties, responsible = [], [], []
        if svc.get("vendor"):
            self.parties["vendor"] = self.uuid("party", "vendor")
            roles.append({"id": "provider", "title": _t("role_provider", lang)})
            parties.append({"uuid": self.parties["vendor"], "type": "organization", "name": _line(svc["vendor"])})
            responsible.append({"role-id": "provider", "party-uuids": [self.parties["vendor"]]})
        if r.municipality:
            self.parties["municipality"] = self.uuid("party", "municipality")
            roles.append({"id": "prepared-for", "title": _t("role_prepared_for", lang)})
            parties.append({"uuid": self.parties["municipality"], "type": "organization", "name": _line(r.municipality)})
            responsible.append({"role-id": "prepared-for", "party-uuids": [self.parties["municipality"]]})
        _put(md, "roles", roles)
        _put(md, "parties", parties)
        _put(md, "responsible-parties", responsible)
        return md

    def _rule_pack_resource(self) -> dict:
        rp, lang = self.report.rule_pack, self.lang
        return {
            "uuid": self.uuid("resource", "rule-pack"),
            "title": _line(f"{_t('rule_pack_title', lang)} {rp.get('version', '')}"),
            "description": _t("rule_pack_desc", lang),
            "props": _props(
                _prop("rule-pack-version", rp.get("version", "")),
                _prop("rule-pack-digest", rp.get("digest", "")),
                _prop("rule-count", rp.get("rules", "")),
            ),
            "citation": {"text": _line(f"{_t('rule_pack_title', lang)} {rp.get('version', '')} (sha256 {rp.get('digest', '')}, {rp.get('rules', '?')} {_t('rules', lang)})")},
        }

    def _input_resources(self) -> None:
        for f in self.report.inputs:
            self._resource(f.path, sha256=f.sha256, kind=f.kind)

    def _resource(self, path: str, sha256: str | None = None, kind: str | None = None) -> dict:
        if path in self.resources:
            return self.resources[path]
        rlink: dict = {"href": quote(path, safe="/._-~"), "media-type": _media_type(path)}
        if sha256:
            rlink["hashes"] = [{"algorithm": "SHA-256", "value": sha256}]
        res = {
            "uuid": self.uuid("resource", "file", path),
            "title": _line(path),
            "description": _t("input_desc", self.lang),
            "props": _props(_prop("input-kind", kind or "")),
            "rlinks": [rlink],
        }
        if not res["props"]:
            del res["props"]
        self.resources[path] = res
        return res

    def _components(self) -> tuple[dict, dict]:
        r, lang = self.report, self.lang
        svc = r.service
        name = " ".join(x for x in (svc.get("name"), svc.get("version")) if x) or "service"
        if r.scope == "iac_only":
            desc = f"{_t('service_desc', lang)} ({_t('iac_dir', lang)}). {L.label('scope_iac_only', lang)}"
        else:
            desc = _t("service_desc", lang)
            if svc.get("vendor"):
                desc += f" ({L.label('vendor', lang)}: {svc['vendor']})"
        service = {
            "uuid": self.service_uuid,
            "type": "this-system",
            "title": _line(name),
            "description": desc,
            "props": _props(
                _prop("service-name", svc.get("name") or ""),
                _prop("service-version", svc.get("version") or ""),
                _prop("vendor", svc.get("vendor") or ""),
                _prop("delivery", svc.get("delivery") or ""),
                _prop("network-models", " ".join(r.profile.get("models", []))),
            ),
            "status": {"state": "other", "remarks": _t("service_state", lang)},
        }
        if self.parties.get("vendor"):
            service["responsible-roles"] = [{"role-id": "provider", "party-uuids": [self.parties["vendor"]]}]
        tool_props = [
            _prop("tool-version", r.tool.get("version", "")),
            _prop("engine", r.engine.get("name", "")),
            _prop("engine-version", r.engine.get("version", "")),
        ]
        if r.iac is not None:
            tool_props.append(_prop("checkov-version", r.iac.checkov_version))
        tool = {
            "uuid": self.tool_uuid,
            "type": "software",
            "title": _line(f"{r.tool.get('name', 'lgai')} {r.tool.get('version', '')}"),
            "description": _t("tool_desc", lang),
            "props": _props(*tool_props),
            "status": {"state": "operational"},
        }
        return service, tool

    def _result(self) -> dict:
        r, lang = self.report, self.lang
        service, tool = self._components()
        svc_name = " ".join(x for x in (r.service.get("name"), r.service.get("version")) if x)
        result: dict = {
            "uuid": self.uuid("result"),
            "title": _line(f"{_t('result_title', lang)}: {svc_name}"),
            "description": self._result_description(),
            "start": self.at,
            "end": self.at,
            "props": _props(
                _prop("verdict", r.verdict),
                _prop("scope", r.scope),
                _prop("as-of", r.as_of),
                _prop("municipality", r.municipality or ""),
            ),
            "local-definitions": {
                "components": [service],
                "assessment-assets": {
                    "components": [tool],
                    "assessment-platforms": [
                        {
                            "uuid": self.uuid("assessment-platform", "lgai"),
                            "title": _t("platform", lang),
                            "uses-components": [{"component-uuid": self.tool_uuid}],
                        }
                    ],
                },
            },
            "reviewed-controls": self._reviewed_controls(),
        }
        observations: list[dict] = []
        findings: list[dict] = []
        risks: list[dict] = []
        for req in r.results:
            if req.status == "not_applicable":
                continue
            obs = self._observations(req)
            observations += obs
            risk = self._risk(req, obs) if req.status == "fail" else None
            if risk:
                risks.append(risk)
            findings.append(self._finding(req, obs, risk))
        _put(result, "observations", observations)
        _put(result, "risks", risks)
        _put(result, "findings", findings)
        return result

    def _result_description(self) -> str:
        r, lang = self.report, self.lang
        counts = r.summary.by_status
        order = ("fail", "error", "needs_attestation", "attested", "pass", "not_applicable")
        lines = [f"{L.label('verdict', lang)}: **{L.verdict(r.verdict, lang)}**", ""]
        if r.scope == "iac_only":
            lines.append(f"- {L.label('scope', lang)}: {L.label('scope_iac_only', lang)}")
        if r.service.get("vendor"):
            lines.append(f"- {L.label('vendor', lang)}: {r.service['vendor']}")
        if r.municipality:
            lines.append(f"- {_t('role_prepared_for', lang)}: {r.municipality}")
        lines.append(f"- {L.label('profile', lang)}: {L.models(r.profile, lang)}")
        lines.append(f"- {L.label('as_of', lang)}: {r.as_of}")
        lines.append(f"- {L.label('rule_pack', lang)}: {r.rule_pack.get('version')} (sha256 {r.rule_pack.get('digest')})")
        lines.append(f"- {L.label('engine', lang)}: {r.engine.get('version')}")
        lines.append(
            f"- {_t('result_summary', lang)}: " + ", ".join(f"{L.status(s, lang)} {counts.get(s, 0)}" for s in order if counts.get(s))
        )
        failed = r.summary.failed_by_severity
        if any(failed.values()):
            lines.append(
                f"- {L.label('failed_by_severity', lang)}: "
                + ", ".join(f"{L.severity(s, lang)} {n}" for s, n in failed.items() if n)
            )
        return "\n".join(lines)

    def _reviewed_controls(self) -> dict:
        r, lang = self.report, self.lang
        included = [{"control-id": control_id(x.id)} for x in r.results if x.status != "not_applicable"]
        excluded = [x for x in r.results if x.status == "not_applicable"]
        selection: dict = {"description": _t("controls_desc", lang)}
        selection["props"] = _props(_prop("rule-pack-version", r.rule_pack.get("version", "")))
        if included:
            selection["include-controls"] = included
        else:
            selection["include-all"] = {}
        if excluded:
            selection["exclude-controls"] = [{"control-id": control_id(x.id)} for x in excluded]
            reasons = [
                f"- {x.id} {x.title.get(lang)}" + (f": {x.reason.get(lang)}" if x.reason else "") for x in excluded
            ]
            selection["remarks"] = f"{_t('excluded', lang)}:\n\n" + "\n".join(reasons)
        return {"description": _t("controls_desc", lang), "control-selections": [selection]}

    # --- observations, findings, risks ----------------------------------------------------

    def _tool_origin(self) -> list[dict]:
        return [{"actors": [{"type": "tool", "actor-uuid": self.tool_uuid}]}]

    def _subjects(self, path: str | None) -> list[dict]:
        subjects = [{"subject-uuid": self.service_uuid, "type": "component", "title": self._service_title()}]
        if path:
            res = self._resource(path)
            subjects.append({"subject-uuid": res["uuid"], "type": "resource", "title": res["title"]})
        return subjects

    def _service_title(self) -> str:
        svc = self.report.service
        return _line(" ".join(x for x in (svc.get("name"), svc.get("version")) if x) or "service")

    def _evidence(self, f: Finding) -> dict:
        ev: dict = {
            "href": f"#{self._resource(f.file)['uuid']}",
            "description": f.location(),
            "props": _props(
                _prop("file", f.file),
                _prop("line", f.line if f.line else ""),
                _prop("field", f.field),
                _prop("checkov-check", f.check_id or ""),
            ),
        }
        if f.values:
            ev["remarks"] = f"{_t('values', self.lang)}: `{json.dumps(f.values, ensure_ascii=False, sort_keys=True)}`"
        return ev

    def _observation(self, req: RequirementResult, kind: str, index: int, *, title: str, description: str,
                     methods: list[str], types: list[str], path: str | None, evidence: list[dict],
                     origins: list[dict] | None = None, props: tuple[dict | None, ...] = ()) -> dict:
        obs = {
            "uuid": self.uuid("observation", req.id, kind, str(index)),
            "title": _line(title),
            "description": description,
            "props": _props(_prop("requirement-id", req.id), _prop("evidence-kind", kind), *props),
            "methods": methods,
            "types": types,
            "origins": origins or self._tool_origin(),
            "subjects": self._subjects(path),
        }
        _put(obs, "relevant-evidence", evidence)
        obs["collected"] = self.at
        return obs

    def _observations(self, req: RequirementResult) -> list[dict]:
        lang = self.lang
        out: list[dict] = []
        groups = (
            ("violation", req.findings, ["finding"], ()),
            ("open-point", req.open_points, ["control-objective"], ()),
            ("suppressed", req.suppressed, ["finding"], (_prop("suppressed", "true"),)),
        )
        for kind, items, types, extra in groups:
            label = _t(f"obs_{kind.replace('-', '_')}", lang)
            for i, f in enumerate(items):
                out.append(
                    self._observation(
                        req, kind, i,
                        title=f"{req.id} {label}: {f.location()}",
                        description=f.message.get(lang),
                        methods=["TEST"], types=types, path=f.file, evidence=[self._evidence(f)], props=extra,
                    )
                )
        if req.checkov:
            evidence = [
                {
                    "description": _line(f"checkov {c.check_id}: {c.name}"),
                    "props": _props(
                        _prop("checkov-check", c.check_id),
                        _prop("passed", c.passed),
                        _prop("failed", c.failed),
                        _prop("skipped", c.skipped),
                        _prop("out-of-scope", c.out_of_scope),
                    ),
                    "remarks": _t("checkov_counts", lang, passed=c.passed, failed=c.failed, skipped=c.skipped, out_of_scope=c.out_of_scope),
                }
                for c in req.checkov
            ]
            desc = "\n".join(
                f"- {c.check_id} ({c.name}): "
                + _t("checkov_counts", lang, passed=c.passed, failed=c.failed, skipped=c.skipped, out_of_scope=c.out_of_scope)
                for c in req.checkov
            )
            out.append(
                self._observation(
                    req, "checkov", 0, title=f"{req.id} {_t('obs_checkov', lang)}", description=desc,
                    methods=["TEST"], types=["control-objective"], path=None, evidence=evidence,
                )
            )
        att = req.attestation
        if att is not None:
            party_key = "municipality" if req.party == "municipality" else "vendor"
            party = self.parties.get(party_key)
            origins = [{"actors": [{"type": "party", "actor-uuid": party}]}] if party else None
            doc = att.document + (f" {_t('section', lang)} {att.section}" if att.section else "")
            age = _t("age", lang, age=att.age_days, max=att.max_age_days)
            evidence = [
                {
                    "description": _line(f"{doc} ({_t('date', lang)} {att.date})"),
                    "props": _props(
                        _prop("attestation-date", att.date),
                        _prop("age-days", att.age_days),
                        _prop("max-age-days", att.max_age_days),
                        _prop("stale", "true" if att.stale else "false"),
                    ),
                    "remarks": age + (f" — {_t('stale', lang)}" if att.stale else ""),
                },
                {
                    "href": f"#{self._resource(att.file)['uuid']}",
                    "description": f"{att.file}:{att.line}" if att.line else att.file,
                },
            ]
            out.append(
                self._observation(
                    req, "attestation", 0, title=f"{req.id} {_t('obs_attestation', lang)}: {att.document}",
                    description=att.statement, methods=["EXAMINE"], types=["control-objective"], path=att.file,
                    evidence=evidence, origins=origins,
                    props=(_prop("attested-by", party_key),),
                )
            )
        elif req.status == "needs_attestation" and not req.open_points:
            desc = req.reason.get(lang) if req.reason else _t("obs_missing", lang)
            if req.evidence_needed:
                desc += f"\n\n{_t('evidence_needed', lang)}: {req.evidence_needed.get(lang)}"
            out.append(
                self._observation(
                    req, "missing-attestation", 0, title=f"{req.id} {_t('obs_missing', lang)}", description=desc,
                    methods=["EXAMINE"], types=["control-objective"], path=None, evidence=[],
                    props=(_prop("party", req.party),),
                )
            )
        if req.status == "error":
            out.append(
                self._observation(
                    req, "error", 0, title=f"{req.id} {_t('obs_error', lang)}",
                    description=req.reason.get(lang) if req.reason else _t("state_error", lang),
                    methods=["TEST"], types=["control-objective"], path=None, evidence=[],
                )
            )
        return out

    def _finding(self, req: RequirementResult, obs: list[dict], risk: dict | None) -> dict:
        lang = self.lang
        state, reason = {
            "pass": ("satisfied", "pass"),
            "attested": ("satisfied", "pass"),
            "fail": ("not-satisfied", "fail"),
            "needs_attestation": ("not-satisfied", "other"),
            "error": ("not-satisfied", "other"),
        }[req.status]
        status: dict = {"state": state, "reason": reason}
        remarks = {
            "attested": _t("state_attested", lang),
            "needs_attestation": _t("state_needs_attestation", lang),
            "error": _t("state_error", lang),
        }.get(req.status)
        if remarks:
            parts = [remarks]
            if req.reason:
                parts.append(req.reason.get(lang))
            if req.status == "needs_attestation" and req.evidence_needed:
                parts.append(f"{_t('evidence_needed', lang)}: {req.evidence_needed.get(lang)}")
            status["remarks"] = " / ".join(parts)
        title = req.title.get(lang)
        lines = [f"{L.label('status', lang)}: {L.status(req.status, lang)} / {L.label('severity', lang)}: {L.severity(req.severity, lang)} / {L.label('family', lang)}: {L.family(req.family, lang)}"]
        if req.reason:
            lines.append(f"{L.label('reason', lang)}: {req.reason.get(lang)}")
        if req.findings:
            lines.append(f"{L.label('evidence', lang)}:")
            lines += [f"- `{f.location()}` {f.message.get(lang)}" for f in req.findings]
        lines.append(f"{L.label('source', lang)}: {req.source} ({L.label('honesty', lang)}: {L.honesty(req.honesty, lang)})")
        finding: dict = {
            "uuid": self.uuid("finding", req.id),
            "title": _line(f"{req.id} {title}"),
            "description": "\n\n".join(lines),
            "props": _props(
                _prop("requirement-id", req.id),
                _prop("status", req.status),
                _prop("severity", req.severity),
                _prop("family", req.family),
                _prop("kind", req.kind),
                _prop("party", req.party),
                _prop("honesty", req.honesty),
                *(_prop("catalog-row", c) for c in req.catalog),
            ),
            "origins": self._tool_origin(),
            "target": {
                "type": "objective-id",
                "target-id": f"{control_id(req.id)}_obj",
                "title": _line(title),
                "status": status,
            },
        }
        _put(finding, "related-observations", [{"observation-uuid": o["uuid"]} for o in obs])
        if risk:
            finding["related-risks"] = [{"risk-uuid": risk["uuid"]}]
        finding["remarks"] = f"{L.label('remediation', lang)}: {req.remediation.get(lang)}"
        return finding

    def _risk(self, req: RequirementResult, obs: list[dict]) -> dict:
        lang = self.lang
        title = req.title.get(lang)
        desc = [f"- `{f.location()}` {f.message.get(lang)}" for f in req.findings]
        risk: dict = {
            "uuid": self.uuid("risk", req.id),
            "title": _line(f"{req.id} {title}"),
            "description": _t("findings_count", lang, n=len(req.findings)) + ("\n\n" + "\n".join(desc) if desc else ""),
            "statement": _t(
                "risk_statement", lang, title=title, severity=L.severity(req.severity, lang),
                family=L.family(req.family, lang), source=req.source,
            ),
            "props": _props(_prop("requirement-id", req.id), _prop("severity", req.severity)),
            "status": "open",
            "origins": self._tool_origin(),
            "characterizations": [
                {
                    "origin": {"actors": [{"type": "tool", "actor-uuid": self.tool_uuid}]},
                    "facets": [{"name": "severity", "system": NS, "value": req.severity}],
                }
            ],
            "remediations": [
                {
                    "uuid": self.uuid("remediation", req.id),
                    "lifecycle": "recommendation",
                    "title": _line(f"{L.label('remediation', lang)}: {req.id}"),
                    "description": req.remediation.get(lang),
                }
            ],
        }
        violations = [{"observation-uuid": o["uuid"]} for o in obs if "finding" in o["types"]]
        _put(risk, "related-observations", violations)
        return risk


def _media_type(path: str) -> str:
    lower = path.lower()
    if lower.endswith((".yaml", ".yml")):
        return "application/yaml"
    if lower.endswith(".json"):
        return "application/json"
    return "text/plain"


def build_oscal(report: Report, lang: str) -> dict:
    """The OSCAL assessment-results document as a JSON value."""
    return _Builder(report, lang).document()


def render_oscal(report: Report, lang: str) -> str:
    return json.dumps(build_oscal(report, lang), ensure_ascii=False, indent=2) + "\n"
