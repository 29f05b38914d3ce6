"""IaC discovery: which files lgai reads as Terraform, plan JSON, CloudFormation or Kubernetes,
which it leaves alone, and that a file it cannot read is an input error, never a silent pass."""

from __future__ import annotations

import importlib
import json
import os
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.iac.discover import classify, discover
from checker.run import Checker

ROOT = Path(__file__).resolve().parents[1]
IAC = ROOT / "fixtures" / "iac"

TF = 'provider "aws" {\n  region = "ap-northeast-1"\n}\n\nresource "aws_s3_bucket" "docs" {\n  bucket = "city-docs"\n}\n'
PLAN = {
    "format_version": "1.2",
    "terraform_version": "1.9.8",
    "planned_values": {"root_module": {"resources": []}},
    "resource_changes": [],
    "configuration": {"provider_config": {}, "root_module": {}},
}
CFN_YAML = """AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Docs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "docs-${AWS::AccountId}"
"""
CFN_YAML_NO_VERSION = """Resources:
  Docs:
    Type: AWS::S3::Bucket
"""
CFN_JSON = {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Docs": {"Type": "AWS::S3::Bucket"}}}
K8S = """apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  ports:
    - port: 80
"""
K8S_JSON = {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "api"}, "spec": {}}
WORKFLOW = """name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
"""
COMPOSE = """services:
  api:
    image: ghcr.io/city/api:1.2.3
    ports: ["8080:8080"]
"""
HELM_VALUES = """replicaCount: 2
image:
  repository: ghcr.io/open-webui/open-webui
  tag: "0.5.4"
service:
  type: ClusterIP
"""
HELM_CHART = "apiVersion: v2\nname: gateway\nversion: 1.0.0\ntype: application\n"
HELM_TEMPLATE = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "gateway.fullname" . }}
spec:
  replicas: {{ .Values.replicaCount }}
"""
KUSTOMIZATION = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - deployment.yaml\n"
LGAI_YAML = "schema_version: 1\nservice:\n  id: svc\n"


def write(path: Path, text: str | dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(text, indent=2) if isinstance(text, dict) else text, encoding="utf-8")
    return path


def rels(files, kind: str) -> list[str]:
    return [files.rel(p) for p in getattr(files, kind)]


# --------------------------------------------------------------------------------------------
# classification


def test_classifies_each_framework(tmp_path):
    write(tmp_path / "infra" / "main.tf", TF)
    write(tmp_path / "infra" / "override.tf.json", {"resource": {}})
    write(tmp_path / "plan" / "plan.json", PLAN)
    write(tmp_path / "cfn" / "stack.yaml", CFN_YAML)
    write(tmp_path / "cfn" / "no-version.yml", CFN_YAML_NO_VERSION)
    write(tmp_path / "cfn" / "stack.json", CFN_JSON)
    write(tmp_path / "cfn" / "legacy.template", json.dumps(CFN_JSON))
    write(tmp_path / "k8s" / "service.yaml", K8S)
    write(tmp_path / "k8s" / "deployment.json", K8S_JSON)
    files = discover(tmp_path)
    assert rels(files, "terraform") == ["infra/main.tf", "infra/override.tf.json"]
    assert rels(files, "terraform_plan") == ["plan/plan.json"]
    assert rels(files, "cloudformation") == ["cfn/legacy.template", "cfn/no-version.yml", "cfn/stack.json", "cfn/stack.yaml"]
    assert rels(files, "kubernetes") == ["k8s/deployment.json", "k8s/service.yaml"]


def test_single_line_plan_json_is_a_plan(tmp_path):
    """`terraform show -json` writes one line; jq-formatted or not, it is a plan."""
    path = write(tmp_path / "tfplan.json", json.dumps(PLAN, separators=(",", ":")))
    assert classify(path) == "terraform_plan"


@pytest.mark.parametrize(
    "name, text",
    [
        ("lgai.yaml", LGAI_YAML),
        ("dataflows.yaml", "flows: []\n"),
        ("workflows/ci.yml", WORKFLOW),
        ("docker-compose.yml", COMPOSE),
        ("charts/gateway/values.yaml", HELM_VALUES),
        ("charts/gateway/Chart.yaml", HELM_CHART),
        ("overlays/prod/kustomization.yaml", KUSTOMIZATION),
        ("package.json", {"name": "web", "version": "1.0.0", "dependencies": {}}),
        ("schema/service.json", {"properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"}}}),
        ("terraform.tfstate.json", {"version": 4, "terraform_version": "1.9.8", "values": {"root_module": {}}}),
        ("notes.txt", "apiVersion: v1\nkind: Service\n"),
    ],
)
def test_other_files_are_not_iac(tmp_path, name, text):
    path = write(tmp_path / name, text)
    assert classify(path) is None
    assert not discover(tmp_path).present


def test_helm_chart_templates_are_not_read_but_rendered_output_is(tmp_path):
    """Go templates are not manifests until rendered; `helm template` output is."""
    write(tmp_path / "charts" / "gateway" / "Chart.yaml", HELM_CHART)
    write(tmp_path / "charts" / "gateway" / "values.yaml", HELM_VALUES)
    write(tmp_path / "charts" / "gateway" / "templates" / "deployment.yaml", HELM_TEMPLATE)
    write(tmp_path / "charts" / "gateway" / "crds" / "crd.yaml", K8S)
    write(tmp_path / "rendered" / "gateway.yaml", "---\n# Source: gateway/templates/service.yaml\n" + K8S)
    files = discover(tmp_path)
    assert rels(files, "kubernetes") == ["charts/gateway/crds/crd.yaml", "rendered/gateway.yaml"]


def test_skips_terraform_cache_git_and_dot_directories(tmp_path):
    write(tmp_path / "main.tf", TF)
    write(tmp_path / ".terraform" / "modules" / "vpc" / "main.tf", TF)
    write(tmp_path / ".git" / "hooks" / "x.tf", TF)
    write(tmp_path / ".github" / "workflows" / "deploy.yaml", K8S)
    write(tmp_path / "node_modules" / "pkg" / "stack.yaml", CFN_YAML)
    files = discover(tmp_path)
    assert files.all() == [tmp_path / "main.tf"]


def test_iac_paths_limit_the_search(tmp_path):
    write(tmp_path / "infra" / "main.tf", TF)
    write(tmp_path / "k8s" / "service.yaml", K8S)
    files = discover(tmp_path, ["k8s"])
    assert rels(files, "kubernetes") == ["k8s/service.yaml"]
    assert files.terraform == []


def test_missing_iac_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        discover(tmp_path, ["infra"])


def test_iac_path_outside_the_root_is_refused(tmp_path):
    write(tmp_path / "other" / "main.tf", TF)
    (tmp_path / "svc").mkdir()
    with pytest.raises(InputError, match="outside"):
        discover(tmp_path / "svc", ["../other"])


# --------------------------------------------------------------------------------------------
# links and sizes


def test_symlink_to_a_file_outside_the_root_is_refused(tmp_path):
    outside = write(tmp_path / "outside" / "secret.tf", TF)
    root = tmp_path / "svc"
    write(root / "main.tf", TF)
    os.symlink(outside, root / "linked.tf")
    with pytest.raises(InputError) as err:
        discover(root)
    assert [p.file for p in err.value.problems] == ["linked.tf"]
    assert "outside" in err.value.problems[0].message


def test_symlink_to_a_directory_outside_the_root_is_refused(tmp_path):
    write(tmp_path / "outside" / "modules" / "main.tf", TF)
    root = tmp_path / "svc"
    write(root / "main.tf", TF)
    os.symlink(tmp_path / "outside" / "modules", root / "modules")
    with pytest.raises(InputError, match="outside"):
        discover(root)


def test_symlinks_inside_the_root_are_read_once(tmp_path):
    write(tmp_path / "k8s" / "service.yaml", K8S)
    os.symlink(tmp_path / "k8s" / "service.yaml", tmp_path / "k8s" / "alias.yaml")
    os.symlink(tmp_path / "k8s", tmp_path / "manifests")
    files = discover(tmp_path)
    assert len(files.kubernetes) == 1


def test_broken_symlink_is_an_input_error(tmp_path):
    write(tmp_path / "main.tf", TF)
    os.symlink(tmp_path / "gone.yaml", tmp_path / "stack.yaml")
    with pytest.raises(InputError, match="broken symbolic link"):
        discover(tmp_path)


def test_file_larger_than_the_limit_is_refused(tmp_path, monkeypatch):
    # (checker.iac re-exports the function `discover`, which hides the module of the same name)
    monkeypatch.setattr(importlib.import_module("checker.iac.discover"), "MAX_FILE_BYTES", 1024 * 1024)
    write(tmp_path / "plan.json", {**PLAN, "padding": "x" * (1024 * 1024)})
    write(tmp_path / "big-readme.md", "x" * (2 * 1024 * 1024))  # not IaC: size does not matter
    with pytest.raises(InputError) as err:
        discover(tmp_path)
    assert [p.file for p in err.value.problems] == ["plan.json"]
    assert "larger than" in err.value.problems[0].message


# --------------------------------------------------------------------------------------------
# unparseable files: every framework, each an InputError naming the file (checked end to end)

BROKEN = {  # case -> (file name, text, a fragment of the message)
    "terraform-hcl": ("main.tf", 'resource "aws_s3_bucket" "docs" {\n  bucket = "city-docs"\n', "cannot parse terraform file"),
    # checkov 3.3 reads no .tf.json at all: lgai says so rather than passing it over.
    "terraform-json": ("main.tf.json", '{"resource": {"aws_s3_bucket": {"docs": {"bucket": "city-docs"}}}}\n', ".tf.json"),
    "plan-json": (
        "plan.json",
        '{"format_version": "1.2", "terraform_version": "1.9.8", "planned_values": {"root_module": {\n',
        "cannot parse terraform_plan file",
    ),
    "plan-not-a-plan": ("plan.json", '{"format_version": "1.2", "resource_changes": []}\n', "not a Terraform plan"),
    "cfn-yaml": (
        "stack.yaml",
        'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Docs:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: [docs\n',
        "cannot parse cloudformation file",
    ),
    "cfn-yaml-no-resources": (
        "stack.yaml",
        'AWSTemplateFormatVersion: "2010-09-09"\nDescription: outputs only\nOutputs: {}\n',
        "no Resources section",
    ),
    "cfn-json": (
        "stack.json",
        '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Docs": {"Type": "AWS::S3::Bucket",\n',
        "cannot parse cloudformation file",
    ),
    "k8s-yaml": ("service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n spec: {}\n", "cannot parse kubernetes file"),
    "k8s-json": ("service.json", '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "api"}\n', "cannot parse kubernetes file"),
    "k8s-unrendered-name": (
        "service.yaml",
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: "{{ .Release.Name }}-api"\n',
        "unrendered template",
    ),
    "k8s-unrendered-values": (
        "service.yaml",
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  type: {{ .Values.service.type }}\n",
        "helm template",
    ),
    "k8s-one-bad-document": ("all.yaml", K8S + "---\n" + K8S.replace("name: api", "name: 'api#2'"), "Service 'api#2'"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_unparseable_file_is_an_input_error(tmp_path, case):
    """checkov skips several of these without a parsing error (broken Kubernetes YAML/JSON, plan
    JSON without planned_values, templates without Resources, Kubernetes names with `{` `}` `#`,
    *.tf.json): lgai reports each one."""
    name, text, fragment = BROKEN[case]
    write(tmp_path / "iac" / name, text)
    write(tmp_path / "iac" / "fine.tf", TF)  # a readable file next to it does not hide the broken one
    with pytest.raises(InputError) as err:
        Checker().check(tmp_path)
    problems = err.value.problems
    assert [p.file for p in problems] == [f"iac/{name}"], err.value.render()
    assert fragment in problems[0].render(), problems[0].render()


def test_parse_error_says_where(tmp_path):
    write(tmp_path / "stack.yaml", BROKEN["cfn-yaml"][1])
    with pytest.raises(InputError) as err:
        Checker().check(tmp_path)
    problem = err.value.problems[0]
    assert problem.file == "stack.yaml" and problem.line == 7
    assert "cannot parse cloudformation file" in problem.message


# --------------------------------------------------------------------------------------------
# what the fixtures contain


@pytest.mark.parametrize(
    "fixture, kind",
    [
        ("tfplan-aws-rag", "terraform_plan"),
        ("tfplan-aws-rag-compliant", "terraform_plan"),
        ("cfn-bedrock-rag-compliant", "cloudformation"),
        ("cfn-bedrock-rag-violations", "cloudformation"),
        ("k8s-ai-gateway-compliant", "kubernetes"),
        ("k8s-ai-gateway-violations", "kubernetes"),
        ("k8s-helm-rendered", "kubernetes"),
    ],
)
def test_fixture_files_are_discovered_as_their_framework(fixture, kind):
    files = discover(IAC / fixture)
    assert files.all() and all(p in getattr(files, kind) for p in files.all())


# --------------------------------------------------------------------------------------------
# file-level facts: addresses and lines that depend on how a file was found and parsed


def _facts(path: Path) -> dict[str, dict]:
    from checker.iac.dump import facts_document

    return {r["address"]: r for r in facts_document(Checker(), path)["resources"]}


def test_same_logical_id_in_two_templates_keeps_both(tmp_path):
    """Two stacks may both call a bucket `Docs`: neither is lost, and each `!Ref Docs` stays in its template."""
    write(tmp_path / "a.yaml", CFN_YAML)
    write(
        tmp_path / "b.yaml",
        CFN_YAML
        + "      PublicAccessBlockConfiguration: {BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false}\n"
        + "  DocsPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Docs\n"
        + "      PolicyDocument:\n        Statement:\n"
        + '          - {Effect: Allow, Principal: "*", Action: "s3:GetObject", Resource: !Sub "${Docs.Arn}/*"}\n',
    )
    facts = _facts(tmp_path)
    assert facts["Docs"]["_at"] == {"file": "a.yaml", "path": "Docs", "line": 3}
    assert facts["Docs@b.yaml"]["_at"]["file"] == "b.yaml"
    assert facts["Docs"]["exposure"]["public"] is not True
    assert facts["Docs@b.yaml"]["exposure"]["public"] is True


def test_single_line_plan_with_indexed_and_module_addresses(tmp_path):
    """Raw `terraform show -json` (one line), count/for_each addresses, a provider region from a variable."""
    plan = json.loads((IAC / "tfplan-aws-rag" / "plan.json").read_text(encoding="utf-8"))
    plan["variables"]["region"] = {"value": "ap-northeast-1"}
    plan["configuration"]["provider_config"]["aws"]["expressions"]["region"] = {"references": ["var.region"]}
    for section in (plan["planned_values"]["root_module"]["resources"], plan["resource_changes"]):
        for r in section:
            if r["address"] == "aws_s3_bucket.dr":
                r["address"], r["index"] = "aws_s3_bucket.dr[0]", 0
    child = plan["planned_values"]["root_module"]["child_modules"][0]
    child["address"] = 'module.docs["prod"]'
    for r in child["resources"] + plan["resource_changes"]:
        r["address"] = r["address"].replace("module.docs.", 'module.docs["prod"].')
    write(tmp_path / "tfplan.json", json.dumps(plan, separators=(",", ":")))
    facts = _facts(tmp_path)
    assert facts["aws_s3_bucket.dr[0]"]["region"] == "us-east-1"  # aliased provider
    bucket = facts['module.docs["prod"].aws_s3_bucket.this']
    assert bucket["region"] == "ap-northeast-1"  # root provider, region from var.region
    assert bucket["_at"] == {"file": "tfplan.json", "path": 'module.docs["prod"].aws_s3_bucket.this', "line": 1}
    assert facts["aws_db_instance.rag"]["secrets"] == []  # password from a sensitive variable
