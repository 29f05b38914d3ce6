"""OSCAL assessment results: every document lgai writes parses through the OSCAL models of
compliance-trestle (IBM's OSCAL library, models generated from the NIST OSCAL JSON schemas)
and passes trestle's own validators; on top of that, the references OSCAL requires to
resolve (observations, risks, parties, components, back-matter resources) are checked,
and the mapping from lgai's statuses is checked requirement by requirement."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import re
import shutil
import uuid
from pathlib import Path

import pytest

# compliance-trestle is a test dependency (pyproject [test]): imported, not skipped when missing.
import trestle.core.validator_factory  # noqa: F401  (registers the validators; avoids an import cycle)
from pydantic import ValidationError
from trestle.core.all_validator import AllValidator
from trestle.core.duplicates_validator import DuplicatesValidator
from trestle.core.refs_validator import RefsValidator
from trestle.oscal import OSCAL_VERSION as TRESTLE_OSCAL_VERSION
from trestle.oscal.assessment_results import AssessmentResults
from trestle.oscal.common import Methods, ObservationTypeValidValues

from checker.formats import render
from checker.formats.json_format import render_json
from checker.formats.oscal import NS, OSCAL_VERSION, build_oscal, control_id, render_oscal, report_digest
from checker.report import Report
from checker.run import CheckOptions, Checker

from conftest import AS_OF, ROOT, SERVICES, run_lgai

IAC = ROOT / "fixtures" / "iac"
NOW = dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)

# (name, path, --policy-data or None)
FIXTURES = [
    ("compliant", SERVICES / "ai-ocr-lgwan-asp", SERVICES / "ai-ocr-lgwan-asp" / "municipality.yaml"),
    ("conditional", SERVICES / "aerial-photo-govcloud", None),
    ("noncompliant-genai", SERVICES / "genai-chat-internet", None),  # also has IaC (infra/main.tf)
    ("noncompliant-mynumber", SERVICES / "nursery-matching-mynumber", None),
    ("noncompliant-us", SERVICES / "speech-minutes-us", None),
    ("service-with-iac", IAC / "service-ai-ocr-drift", None),
    ("iac-only-aws", IAC / "aws-bedrock-rag-violations", None),
    ("iac-only-k8s", IAC / "k8s-ai-gateway-violations", None),
    ("iac-only-compliant", IAC / "aws-bedrock-rag-compliant", None),
]

STATE = {
    "pass": ("satisfied", "pass"),
    "attested": ("satisfied", "pass"),
    "fail": ("not-satisfied", "fail"),
    "needs_attestation": ("not-satisfied", "other"),
    "error": ("not-satisfied", "other"),
}


@pytest.fixture(scope="module")
def checkers() -> dict:
    def make(policy: Path | None) -> Checker:
        return Checker(CheckOptions(as_of=AS_OF, now=NOW, policy_data=policy))

    cache: dict = {}

    def get(policy: Path | None) -> Checker:
        if policy not in cache:
            cache[policy] = make(policy)
        return cache[policy]

    return get


@pytest.fixture(scope="module")
def reports(checkers) -> dict[str, Report]:
    return {name: checkers(policy).check(path) for name, path, policy in FIXTURES}


def _ar(doc: dict) -> dict:
    return doc["assessment-results"]


def _props(obj: dict) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in obj.get("props", []):
        assert p["ns"] == NS, p
        out.setdefault(p["name"], []).append(p["value"])
    return out


def trestle_model(doc: dict) -> AssessmentResults:
    """Parse through trestle's OSCAL models (raises on anything the schema forbids)."""
    return AssessmentResults.model_validate(doc["assessment-results"])


def reference_problems(doc: dict) -> list[str]:
    """OSCAL's cross-reference constraints that a JSON schema cannot express."""
    ar = _ar(doc)
    res = ar["results"][0]
    problems: list[str] = []
    resources = {r["uuid"] for r in ar.get("back-matter", {}).get("resources", [])}
    parties = {p["uuid"] for p in ar["metadata"].get("parties", [])}
    roles = {r["id"] for r in ar["metadata"].get("roles", [])}
    local = res.get("local-definitions", {})
    components = {c["uuid"] for c in local.get("components", [])}
    tools = {c["uuid"] for c in local.get("assessment-assets", {}).get("components", [])}
    observations = {o["uuid"] for o in res.get("observations", [])}
    risks = {r["uuid"] for r in res.get("risks", [])}
    controls = {c["control-id"] for sel in res["reviewed-controls"]["control-selections"] for c in sel.get("include-controls", [])}

    def fragment(href: str, where: str) -> None:
        if not href.startswith("#") or href[1:] not in resources:
            problems.append(f"{where}: {href} names no back-matter resource")

    def actors(origins: list[dict], where: str) -> None:
        for origin in origins:
            for a in origin["actors"]:
                pool = tools if a["type"] == "tool" else parties if a["type"] == "party" else set()
                if a["actor-uuid"] not in pool:
                    problems.append(f"{where}: actor {a} is not defined")

    fragment(ar["import-ap"]["href"], "import-ap")
    for rp in ar["metadata"].get("responsible-parties", []):
        if rp["role-id"] not in roles or not set(rp["party-uuids"]) <= parties:
            problems.append(f"responsible-party {rp} names an undefined role or party")
    for platform in local.get("assessment-assets", {}).get("assessment-platforms", []):
        for used in platform.get("uses-components", []):
            if used["component-uuid"] not in tools:
                problems.append(f"platform uses undefined component {used}")
    for o in res.get("observations", []):
        actors(o.get("origins", []), o["uuid"])
        for s in o.get("subjects", []):
            pool = components if s["type"] == "component" else resources if s["type"] == "resource" else set()
            if s["subject-uuid"] not in pool:
                problems.append(f"observation {o['uuid']}: subject {s} is not defined")
        for ev in o.get("relevant-evidence", []):
            if "href" in ev:
                fragment(ev["href"], f"observation {o['uuid']}")
    for r in res.get("risks", []):
        actors(r.get("origins", []), r["uuid"])
        for ro in r.get("related-observations", []):
            if ro["observation-uuid"] not in observations:
                problems.append(f"risk {r['uuid']}: unknown observation {ro}")
    for f in res.get("findings", []):
        actors(f.get("origins", []), f["uuid"])
        for ro in f.get("related-observations", []):
            if ro["observation-uuid"] not in observations:
                problems.append(f"finding {f['uuid']}: unknown observation {ro}")
        for rr in f.get("related-risks", []):
            if rr["risk-uuid"] not in risks:
                problems.append(f"finding {f['uuid']}: unknown risk {rr}")
        target = f["target"]["target-id"]
        if target.removesuffix("_obj") not in controls:
            problems.append(f"finding {f['uuid']}: target {target} is not a reviewed control's objective")
    return problems


def assert_valid(doc: dict) -> AssessmentResults:
    model = trestle_model(doc)
    for validator in (DuplicatesValidator(), RefsValidator(), AllValidator()):
        assert validator.model_is_valid(model, True, None), type(validator).__name__
    # nothing the models do not know was dropped on the way in
    assert json.loads(model.oscal_serialize_json()) == doc
    assert reference_problems(doc) == []
    methods = {m.value for m in Methods}
    types = {t.value for t in ObservationTypeValidValues}
    for o in _ar(doc)["results"][0].get("observations", []):
        assert set(o["methods"]) <= methods, o["methods"]  # OSCAL's own values only
        assert set(o["types"]) <= types, o["types"]
    return model


# --- schema validity ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", [n for n, _, _ in FIXTURES])
def test_every_fixture_gives_a_valid_document(reports, name, lang):
    report = reports[name]
    text = render_oscal(report, lang)
    doc = json.loads(text)
    assert_valid(doc)
    assert _ar(doc)["metadata"]["oscal-version"] == OSCAL_VERSION
    # the registry serves the same document
    assert render(report, "oscal", lang) == text


def test_declared_oscal_version_is_the_one_the_models_implement():
    assert OSCAL_VERSION == TRESTLE_OSCAL_VERSION


def test_validation_catches_broken_documents(reports):
    """The checks above can fail: each of these edits breaks the document."""
    doc = build_oscal(reports["noncompliant-genai"], "en")
    assert_valid(doc)

    def broken(edit) -> dict:
        d = copy.deepcopy(doc)
        edit(_ar(d))
        return d

    res = lambda ar: ar["results"][0]  # noqa: E731
    schema_breaks = [
        lambda ar: res(ar)["findings"][0]["target"]["status"].update(state="failed"),
        lambda ar: res(ar)["findings"][0]["target"].update(type="control-id"),
        lambda ar: ar.pop("import-ap"),
        lambda ar: res(ar)["observations"][0].pop("collected"),
        lambda ar: res(ar)["observations"][0].update(uuid="not-a-uuid"),
        lambda ar: res(ar)["findings"][0].update(title="two\nlines"),
        lambda ar: ar["metadata"].update(**{"last-modified": "2026-11-25T00:00:00"}),  # no time zone
        lambda ar: res(ar)["findings"][0].update(unknown="x"),
    ]
    for edit in schema_breaks:
        with pytest.raises(ValidationError):
            trestle_model(broken(edit))

    dup = broken(lambda ar: res(ar)["observations"][1].update(uuid=res(ar)["observations"][0]["uuid"]))
    assert not DuplicatesValidator().model_is_valid(trestle_model(dup), True, None)
    bad_role = broken(lambda ar: ar["metadata"]["responsible-parties"][0].update(**{"role-id": "nobody"}))
    assert not RefsValidator().model_is_valid(trestle_model(bad_role), True, None)

    dangling = [
        lambda ar: res(ar)["findings"][0]["related-observations"][0].update(**{"observation-uuid": str(uuid.uuid4())}),
        lambda ar: ar["import-ap"].update(href="#" + str(uuid.uuid4())),
        lambda ar: res(ar)["observations"][0]["subjects"][1].update(**{"subject-uuid": str(uuid.uuid4())}),
        lambda ar: res(ar)["observations"][0]["origins"][0]["actors"][0].update(**{"actor-uuid": str(uuid.uuid4())}),
        lambda ar: res(ar)["findings"][0]["target"].update(**{"target-id": "lgai-xx-999_obj"}),
    ]
    for edit in dangling:
        assert reference_problems(broken(edit)), edit


# --- what the document says ---------------------------------------------------------------


@pytest.mark.parametrize("name", [n for n, _, _ in FIXTURES])
def test_findings_follow_the_report(reports, name):
    report = reports[name]
    doc = build_oscal(report, "en")
    res = _ar(doc)["results"][0]
    findings = {_props(f)["requirement-id"][0]: f for f in res.get("findings", [])}
    observations = {o["uuid"]: o for o in res.get("observations", [])}
    risks = {r["uuid"]: r for r in res.get("risks", [])}
    selection = res["reviewed-controls"]["control-selections"][0]
    included = [c["control-id"] for c in selection.get("include-controls", [])]
    excluded = [c["control-id"] for c in selection.get("exclude-controls", [])]

    assert sorted(findings) == sorted(r.id for r in report.results if r.status != "not_applicable")
    assert included == [control_id(r.id) for r in report.results if r.status != "not_applicable"]
    assert excluded == [control_id(r.id) for r in report.results if r.status == "not_applicable"]
    assert len(risks) == report.summary.by_status["fail"]

    for r in report.results:
        if r.status == "not_applicable":
            assert r.id in selection["remarks"]
            continue
        f = findings[r.id]
        props = _props(f)
        assert f["target"]["type"] == "objective-id"
        assert f["target"]["target-id"] == f"{r.id.lower()}_obj"
        assert (f["target"]["status"]["state"], f["target"]["status"]["reason"]) == STATE[r.status]
        assert props["status"] == [r.status] and props["severity"] == [r.severity] and props["family"] == [r.family]
        assert props["catalog-row"] == r.catalog
        assert r.remediation.en in f["remarks"]
        related = [observations[o["observation-uuid"]] for o in f.get("related-observations", [])]
        kinds = [_props(o)["evidence-kind"][0] for o in related]
        assert all(_props(o)["requirement-id"] == [r.id] for o in related)
        assert kinds.count("violation") == len(r.findings)
        assert kinds.count("open-point") == len(r.open_points)
        assert kinds.count("suppressed") == len(r.suppressed)
        assert kinds.count("checkov") == (1 if r.checkov else 0)
        assert kinds.count("attestation") == (1 if r.attestation else 0)
        # every violation's file:line is the evidence description
        violations = [o for o in related if _props(o)["evidence-kind"] == ["violation"]]
        assert sorted(o["relevant-evidence"][0]["description"] for o in violations) == sorted(x.location() for x in r.findings)
        for o in related:
            assert o["collected"] == report.generated_at
            kind = _props(o)["evidence-kind"][0]
            assert o["methods"] == (["EXAMINE"] if kind in ("attestation", "missing-attestation") else ["TEST"])
        if r.status == "fail":
            (risk,) = [risks[x["risk-uuid"]] for x in f["related-risks"]]
            assert risk["status"] == "open"
            assert _props(risk)["severity"] == [r.severity]
            assert risk["characterizations"][0]["facets"][0]["value"] == r.severity
            assert risk["remediations"][0]["description"] == r.remediation.en
            assert {o["observation-uuid"] for o in risk["related-observations"]} == {o["uuid"] for o in violations}
        else:
            assert "related-risks" not in f
        if r.status == "needs_attestation":
            assert f["target"]["status"]["remarks"].startswith("Needs attestation")
            assert related, "a requirement that needs attestation says why in an observation"


def test_needs_attestation_is_not_satisfied_with_a_remark(reports):
    report = reports["conditional"]
    doc = build_oscal(report, "ja")
    findings = {_props(f)["requirement-id"][0]: f for f in _ar(doc)["results"][0]["findings"]}
    pending = [r for r in report.results if r.status == "needs_attestation"]
    assert len(pending) == 5
    for r in pending:
        status = findings[r.id]["target"]["status"]
        assert status["state"] == "not-satisfied" and status["reason"] == "other"
        assert status["remarks"].startswith("要確認")
        assert _props(findings[r.id])["status"] == ["needs_attestation"]


def test_attestations_are_examined_and_attributed_to_who_attested(reports):
    report = reports["compliant"]
    doc = build_oscal(report, "ja")
    ar = _ar(doc)
    parties = {p["name"]: p["uuid"] for p in ar["metadata"]["parties"]}
    assert set(parties) == {report.service["vendor"], report.municipality}
    roles = {rp["role-id"]: rp["party-uuids"] for rp in ar["metadata"]["responsible-parties"]}
    assert roles == {"provider": [parties[report.service["vendor"]]], "prepared-for": [parties[report.municipality]]}
    obs = {o["uuid"]: o for o in ar["results"][0]["observations"]}
    findings = {_props(f)["requirement-id"][0]: f for f in ar["results"][0]["findings"]}
    attested = [r for r in report.results if r.status == "attested"]
    assert len(attested) == 18 and {r.party for r in attested} == {"vendor", "municipality"}
    for r in attested:
        f = findings[r.id]
        assert f["target"]["status"]["state"] == "satisfied"
        (o,) = [obs[x["observation-uuid"]] for x in f["related-observations"] if _props(obs[x["observation-uuid"]])["evidence-kind"] == ["attestation"]]
        assert o["methods"] == ["EXAMINE"]
        who = report.municipality if r.party == "municipality" else report.service["vendor"]
        assert o["origins"][0]["actors"] == [{"type": "party", "actor-uuid": parties[who]}]
        assert o["description"] == r.attestation.statement
        descriptions = [e["description"] for e in o["relevant-evidence"]]
        assert r.attestation.document in descriptions[0] and r.attestation.date in descriptions[0]
        assert descriptions[1] == f"{r.attestation.file}:{r.attestation.line}"


def test_iac_evidence_has_file_line_and_checkov_ids(reports):
    report = reports["iac-only-aws"]
    doc = build_oscal(report, "en")
    ar = _ar(doc)
    res = ar["results"][0]
    assert _props(ar["metadata"])["scope"] == ["iac_only"]
    assert "IaC only" in res["description"]
    # no vendor in an IaC-only check: no party, and the document is still valid
    assert "parties" not in ar["metadata"]
    rds = [o for o in res["observations"] if o["relevant-evidence"][0]["description"] == "storage.tf:117"]
    assert {c for o in rds for c in _props(o["relevant-evidence"][0]).get("checkov-check", [])} == {"CKV_AWS_16", "CKV_AWS_133"}
    assert all(o["types"] == ["finding"] for o in rds if _props(o)["evidence-kind"] == ["violation"])
    # the subject is the input file, a back-matter resource carrying its SHA-256
    resources = {r["uuid"]: r for r in ar["back-matter"]["resources"]}
    storage = [s for s in rds[0]["subjects"] if s["type"] == "resource"][0]
    digest = {i.path: i.sha256 for i in report.inputs}["storage.tf"]
    assert resources[storage["subject-uuid"]]["rlinks"][0]["hashes"] == [{"algorithm": "SHA-256", "value": digest}]
    assert hashlib.sha256((IAC / "aws-bedrock-rag-violations" / "storage.tf").read_bytes()).hexdigest() == digest
    # checkov counts per requirement
    counts = [o for o in res["observations"] if _props(o)["evidence-kind"] == ["checkov"] and _props(o)["requirement-id"] == ["LGAI-IAC-001"]]
    (ckv16,) = [e for e in counts[0]["relevant-evidence"] if _props(e)["checkov-check"] == ["CKV_AWS_16"]]
    assert _props(ckv16)["failed"] == ["1"] and _props(ckv16)["passed"] == ["0"]


def test_masked_values_only(reports):
    """The fixture's Terraform writes a database password in clear; lgai masks it and the
    OSCAL document, which carries the findings' values, never shows it."""
    secret = "Kanri#2024-city-rag"
    assert secret in (IAC / "aws-bedrock-rag-violations" / "storage.tf").read_text()
    for lang in ("ja", "en"):
        assert secret not in render_oscal(reports["iac-only-aws"], lang)


def test_suppressed_iac_findings_are_observations(tmp_path, checkers):
    svc = tmp_path / "iac"
    shutil.copytree(IAC / "aws-bedrock-rag-violations", svc)
    (svc / "expected.yaml").unlink()
    tf = svc / "storage.tf"
    text = tf.read_text()
    head = 'resource "aws_db_instance" "history" {\n'
    assert head in text
    tf.write_text(text.replace(head, head + "  # checkov:skip=CKV_AWS_16: encrypted by the storage layer\n"))
    report = checkers(None).check(svc)
    doc = build_oscal(report, "en")
    assert_valid(doc)
    res = _ar(doc)["results"][0]
    suppressed = [o for o in res["observations"] if _props(o)["evidence-kind"] == ["suppressed"]]
    assert len(suppressed) == 1
    (o,) = suppressed
    assert _props(o)["suppressed"] == ["true"] and _props(o)["requirement-id"] == ["LGAI-IAC-001"]
    assert o["relevant-evidence"][0]["description"] == "storage.tf:117"
    assert "encrypted by the storage layer" in o["description"]


def test_language(reports):
    report = reports["noncompliant-genai"]
    ja, en = build_oscal(report, "ja"), build_oscal(report, "en")
    assert _ar(ja)["metadata"]["title"].startswith("lgai 適合性チェック結果")
    assert _ar(en)["metadata"]["title"].startswith("lgai compliance report")
    assert "不適合" in _ar(ja)["results"][0]["description"]
    assert "Non-compliant" in _ar(en)["results"][0]["description"]
    r = next(x for x in report.results if x.status == "fail")
    fj = next(f for f in _ar(ja)["results"][0]["findings"] if _props(f)["requirement-id"] == [r.id])
    fe = next(f for f in _ar(en)["results"][0]["findings"] if _props(f)["requirement-id"] == [r.id])
    assert r.title.ja in fj["title"] and r.title.en in fe["title"]
    assert r.remediation.ja in fj["remarks"] and r.remediation.en in fe["remarks"]
    assert "lgai has no OSCAL assessment plan" in _ar(en)["import-ap"]["remarks"]
    assert "評価計画" in _ar(ja)["import-ap"]["remarks"]
    # English text has no Japanese of lgai's own (the inputs' names may be Japanese)
    own_en = [_ar(en)["results"][0]["title"].split(":")[0], _ar(en)["import-ap"]["remarks"], fe["target"]["status"].get("remarks", "")]
    assert not any(re.search(r"[\u3040-\u30ff]", t) for t in own_en)


def test_deterministic_uuids_from_the_report_digest(reports, checkers):
    report = reports["noncompliant-genai"]
    a, b = render_oscal(report, "ja"), render_oscal(report, "ja")
    assert a == b
    doc = json.loads(a)
    uuids = re.findall(r'"(?:uuid|[a-z-]+-uuid)": "([0-9a-f-]{36})"', a)
    assert len(uuids) > 100
    assert all(uuid.UUID(u).version == 5 for u in uuids)
    # the same report checked again (same inputs, same clock) gives the same document
    again = checkers(None).check(SERVICES / "genai-chat-internet")
    assert render_oscal(again, "ja") == a
    # document-ids carries the digest of the canonical JSON report (what --sign signs)
    data = json.loads(render_json(report, "ja"))
    data.pop("signature", None)
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    digest = hashlib.sha256(canonical).hexdigest()
    assert report_digest(report, "ja") == digest
    assert _ar(doc)["metadata"]["document-ids"] == [{"scheme": f"{NS}/report-sha256", "identifier": digest}]
    # a different report (another time) gives other identifiers; the timestamps follow generated_at only
    later = report.model_copy(update={"generated_at": "2026-11-26T09:30:00+09:00"})
    other = build_oscal(later, "ja")
    assert _ar(other)["uuid"] != _ar(doc)["uuid"]
    assert _ar(other)["results"][0]["findings"][0]["uuid"] != _ar(doc)["results"][0]["findings"][0]["uuid"]
    times = re.findall(r'"(?:last-modified|start|end|collected)": "([^"]+)"', json.dumps(other))
    assert set(times) == {"2026-11-26T09:30:00+09:00"}
    # each language is its own document
    assert _ar(build_oscal(report, "en"))["uuid"] != _ar(doc)["uuid"]


def test_metadata_and_import_ap(reports):
    report = reports["compliant"]
    ar = _ar(build_oscal(report, "en"))
    md = ar["metadata"]
    assert md["last-modified"] == report.generated_at
    assert md["version"] == report.tool["version"]
    props = _props(md)
    assert props["rule-pack-version"] == [report.rule_pack["version"]]
    assert props["rule-pack-digest"] == [report.rule_pack["digest"]]
    assert props["engine-version"] == [report.engine["version"]]
    assert props["verdict"] == ["compliant"]
    (rule_pack,) = [r for r in ar["back-matter"]["resources"] if f"#{r['uuid']}" == ar["import-ap"]["href"]]
    assert _props(rule_pack)["rule-pack-digest"] == [report.rule_pack["digest"]]
    # every input file is a resource with its hash; the municipality's --policy-data file,
    # where its attestations are, is a resource too (the report lists no hash for it)
    files = {r["title"]: r["rlinks"][0].get("hashes", [{}])[0].get("value") for r in ar["back-matter"]["resources"] if "rlinks" in r}
    policy = next(r.attestation.file for r in report.results if r.attestation and r.party == "municipality")
    assert policy.endswith("municipality.yaml")
    assert files == {**{i.path: i.sha256 for i in report.inputs}, policy: None}
    res = ar["results"][0]
    assert res["start"] == res["end"] == report.generated_at
    tool = res["local-definitions"]["assessment-assets"]["components"][0]
    assert tool["type"] == "software" and tool["title"] == f"lgai {report.tool['version']}"
    assert all(f["target"]["status"]["state"] == "satisfied" for f in res["findings"])
    assert "risks" not in res


# --- the real command ----------------------------------------------------------------------


def test_cli_writes_oscal_next_to_json(tmp_path):
    out = tmp_path / "out"
    proc = run_lgai(
        "check", str(SERVICES / "genai-chat-internet"), "--as-of", "2026-11-25", "--lang", "en",
        "--format", "json", "--format", "oscal", "--output-dir", str(out),
    )
    assert proc.returncode == 1, proc.stderr  # non-compliant
    oscal_file = out / "genai-chat-internet.lgai-report.oscal.json"
    doc = json.loads(oscal_file.read_text(encoding="utf-8"))
    assert_valid(doc)
    report = json.loads((out / "genai-chat-internet.lgai-report.json").read_text(encoding="utf-8"))
    report.pop("signature", None)
    canonical = json.dumps(report, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    assert _ar(doc)["metadata"]["document-ids"][0]["identifier"] == hashlib.sha256(canonical).hexdigest()
    assert _ar(doc)["metadata"]["last-modified"] == report["generated_at"]
    assert _ar(doc)["metadata"]["title"].startswith("lgai compliance report")
    fails = [r["id"] for r in report["results"] if r["status"] == "fail"]
    assert len(_ar(doc)["results"][0]["risks"]) == len(fails) == 8
