"""rules/checkov_map.yaml and lgai's own checkov checks (rules/checkov/<framework>/_lgai_*.py).

- every mapped id is a real checkov 3.3.30 check (Terraform resource/data/provider, CloudFormation
  and Kubernetes registries, and the Terraform/CloudFormation/Kubernetes graph checks), and lgai
  actually runs it;
- every requirement the map names is in the rule pack, and every IaC requirement is evidenced
  by at least one check;
- every CKV_LGAI check is mapped, names its requirement in its guideline, uses the same Japanese
  regions as rules/data/params.yaml, and fails and passes where it should.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from checker.iac.checkov_map import load_checkov_map
from checker.iac.discover import discover
from checker.rulepack import builtin_rules_dir, load_rule_pack

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"
CUSTOM_DIR = RULES / "checkov"
MAP = yaml.safe_load((RULES / "checkov_map.yaml").read_text(encoding="utf-8"))["checks"]
CUSTOM_ID = re.compile(r"""\bid\s*=\s*["'](CKV_LGAI_\d+)["']""")

# Checkov's full id inventory, in a fresh interpreter: lgai's scan stubs out the check packages
# it does not need (checker/iac/checkov_loader.py), so this process may hold only a subset.
_ALL_IDS = """
import json, logging, os
os.environ["LOG_LEVEL"] = "ERROR"
logging.disable(logging.CRITICAL)
{prelude}
from checkov.terraform.checks.resource.registry import resource_registry
from checkov.terraform.checks.data.registry import data_registry
from checkov.terraform.checks.provider.registry import provider_registry
from checkov.cloudformation.checks.resource.registry import cfn_registry
from checkov.kubernetes.checks.resource.registry import registry as k8s_registry
from checkov.common.checks_infra.registry import get_graph_checks_registry
ids = {{}}
for name, reg in (("terraform", resource_registry), ("terraform_data", data_registry),
                  ("terraform_provider", provider_registry), ("cloudformation", cfn_registry),
                  ("kubernetes", k8s_registry)):
    for checks in list(reg.checks.values()) + list(reg.wildcard_checks.values()):
        for c in checks:
            ids.setdefault(c.id, set()).add(name)
for fw in ("terraform", "cloudformation", "kubernetes"):
    graph = get_graph_checks_registry(fw)
    graph.load_checks()
    for c in graph.checks:
        ids.setdefault(c.id, set()).add("graph_" + fw)
print(json.dumps({{k: sorted(v) for k, v in ids.items()}}))
"""


def _checkov_ids(prelude: str = "") -> dict[str, list[str]]:
    env = dict(os.environ, LOG_LEVEL="ERROR", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-c", _ALL_IDS.format(prelude=prelude)], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _custom_files() -> list[Path]:
    return sorted(p for p in CUSTOM_DIR.glob("*/*.py") if p.name != "__init__.py")


def _builtin_ids() -> list[str]:
    return sorted(c for c in MAP if not c.startswith("CKV_LGAI_"))


def test_map_names_only_requirements_of_the_rule_pack():
    pack_ids = {r.meta.id for r in load_rule_pack().rules}
    mapping = load_checkov_map(builtin_rules_dir(), pack_ids)  # raises on unknown requirements
    named = {req for entry in mapping.checks.values() for req in entry.requirements}
    assert named <= pack_ids
    assert all(re.fullmatch(r"LGAI-IAC-0\d\d", req) for req in named), "checkov evidences IaC requirements only"


def test_every_mapped_builtin_check_exists_in_checkov():
    ids = _checkov_ids()
    missing = [c for c in _builtin_ids() if c not in ids]
    assert not missing, f"not a checkov 3.3.30 Terraform/CloudFormation/Kubernetes check: {missing}"
    # ids of other frameworks (secrets, Dockerfile, GitHub Actions ...) never run in lgai
    assert all(c.startswith(("CKV_AWS_", "CKV2_AWS_", "CKV_AZURE_", "CKV2_AZURE_", "CKV_GCP_", "CKV2_GCP_", "CKV_K8S_")) for c in _builtin_ids())


def test_every_mapped_builtin_check_is_loaded_by_lgai():
    """lgai imports only the check modules of mapped ids (checker/iac/checkov_loader.py): a
    mapped check that the loader does not find would silently never run."""
    ids = _checkov_ids(prelude="from checker.iac.checkov_loader import load_only\nload_only(%r)" % _builtin_ids())
    missing = [c for c in _builtin_ids() if c not in ids]
    assert not missing, f"mapped but not loaded by checker/iac/checkov_loader.py: {missing}"


def test_every_iac_requirement_has_checkov_evidence():
    pack_ids = {r.meta.id for r in load_rule_pack().rules}
    by_req = load_checkov_map(builtin_rules_dir(), pack_ids).by_requirement()
    iac = sorted(r for r in pack_ids if r.startswith("LGAI-IAC-"))
    assert iac, "no IaC requirement in the rule pack"
    assert [r for r in iac if r not in by_req] == []


def test_notes_cite_a_catalog_row():
    catalog = {row["id"] for row in yaml.safe_load((RULES / "catalog.yaml").read_text(encoding="utf-8"))}
    for cid, entry in MAP.items():
        cited = set(re.findall(r"\b(?:GL|AIC):[A-Z]+-\d{3}\b", entry["note"]))
        assert cited, f"{cid}: the note cites no catalog row"
        assert cited <= catalog, f"{cid}: unknown catalog rows {sorted(cited - catalog)}"


def test_every_custom_check_is_mapped_and_names_its_requirement():
    found: dict[str, Path] = {}
    for path in _custom_files():
        source = path.read_text(encoding="utf-8")
        ids = CUSTOM_ID.findall(source)
        assert len(ids) == 1, f"{path}: expected exactly one CKV_LGAI id, found {ids}"
        cid = ids[0]
        assert cid not in found, f"{cid} defined twice: {found.get(cid)} and {path}"
        found[cid] = path
        assert path.name.startswith("_lgai_"), f"{path}: name lgai's checks _lgai_*.py (the rule-pack loader skips _*.py)"
        assert re.search(r"^check = \w+\(\)$", source, re.M), f"{path}: no module-level `check = ...()`"
        assert "self.severity = Severities[" in source, f"{path}: no severity"
        assert cid in MAP, f"{cid} ({path.name}) is not in rules/checkov_map.yaml"
        for req in MAP[cid]["requirements"]:
            assert f"lgai {req}" in source, f"{path}: the guideline should point at {req}"
    assert sorted(found) == sorted(c for c in MAP if c.startswith("CKV_LGAI_")), "mapped CKV_LGAI ids without a check"


def _constants(path: Path) -> dict[str, object]:
    out = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                out[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    return out


def test_custom_checks_use_the_japan_regions_of_the_parameters():
    regions = yaml.safe_load((RULES / "data" / "params.yaml").read_text(encoding="utf-8"))["japan_regions"]["value"]
    for path in _custom_files():
        consts = _constants(path)
        if "JAPAN_REGIONS" not in consts:
            assert not re.search(r"geo|location", path.name), f"{path}: a location check without JAPAN_REGIONS"
            continue
        cloud = "azure" if "azure" in path.name else "gcp" if ("vertex" in path.name or "gcp" in path.name) else "aws"
        assert sorted(consts["JAPAN_REGIONS"]) == sorted(regions[cloud]), f"{path}: JAPAN_REGIONS differ from params.yaml japan_regions.{cloud}"


# --- behaviour of the custom checks -------------------------------------------------------------


def _scan(directory: Path) -> dict[tuple[str, str], str]:
    """(check id, resource) -> passed/failed for lgai's checks, as checker/iac/scan.py runs them."""
    from checker.iac.scan import scan

    ids = sorted(MAP)  # the same allowlist the Checker passes (keeps checkov's loader state identical)
    results = scan(discover(directory), {fw: ids for fw in ("terraform", "terraform_plan", "cloudformation", "kubernetes")}, CUSTOM_DIR)
    out: dict[tuple[str, str], str] = {}
    for res in results:
        for rec in res.records:
            if rec.check_id.startswith("CKV_LGAI_"):
                assert (rec.check_id, rec.resource) not in out
                out[(rec.check_id, rec.resource)] = f"{rec.result} {rec.file}:{rec.line}"
    return out


def test_custom_checks_on_the_fixtures():
    failed = _scan(ROOT / "fixtures" / "iac" / "checkov-custom-fail")
    assert failed == {
        ("CKV_LGAI_1", "aws_bedrockagent_agent.counter"): "failed main.tf:24",
        ("CKV_LGAI_1", "aws_bedrock_inference_profile.summary"): "failed main.tf:31",
        ("CKV_LGAI_6", "azurerm_cognitive_account.openai"): "failed main.tf:43",
        ("CKV_LGAI_2", "azurerm_cognitive_deployment.chat"): "failed main.tf:52",
        ("CKV_LGAI_3", "azurerm_cognitive_deployment.chat"): "failed main.tf:52",
        ("CKV_LGAI_4", "google_vertex_ai_endpoint.chat"): "failed main.tf:65",
        ("CKV_LGAI_5", "google_vertex_ai_dataset.faq"): "failed main.tf:72",
        ("CKV_LGAI_7", "google_storage_bucket.transcripts"): "failed main.tf:78",
        ("CKV_LGAI_8", "AWS::Bedrock::Agent.CounterAgent"): "failed agent.yaml:4",
        ("CKV_LGAI_9", "Deployment.counter.counter-api"): "failed deployment.yaml:1",
    }
    passed = _scan(ROOT / "fixtures" / "iac" / "checkov-custom-pass")
    assert {k: v.split()[0] for k, v in passed.items()} == {k: "passed" for k in failed}


EDGE_TF = """
provider "aws" {
  region = "ap-northeast-1"
}

variable "model" {
  type = string
}

resource "aws_bedrockagent_agent" "plain" {
  agent_name              = "plain"
  agent_resource_role_arn = "arn:aws:iam::123456789012:role/agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}

resource "aws_bedrockagent_agent" "from_var" {
  agent_name              = "from-var"
  agent_resource_role_arn = "arn:aws:iam::123456789012:role/agent"
  foundation_model        = var.model
}

resource "aws_bedrock_provisioned_model_throughput" "virginia" {
  provisioned_model_name = "virginia"
  model_arn              = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
  model_units            = 1
}

resource "aws_bedrock_provisioned_model_throughput" "osaka" {
  provisioned_model_name = "osaka"
  model_arn              = "arn:aws:bedrock:ap-northeast-3::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
  model_units            = 1
}

resource "aws_bedrockagent_knowledge_base" "faq" {
  name     = "faq"
  role_arn = "arn:aws:iam::123456789012:role/kb"
  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:ap-northeast-1::foundation-model/amazon.titan-embed-text-v2:0"
    }
  }
  storage_configuration {
    type = "OPENSEARCH_SERVERLESS"
    opensearch_serverless_configuration {
      collection_arn    = "arn:aws:aoss:ap-northeast-1:123456789012:collection/faq"
      vector_index_name = "faq"
      field_mapping {
        vector_field   = "vector"
        text_field     = "text"
        metadata_field = "metadata"
      }
    }
  }
}

resource "aws_bedrock_inference_profile" "app_profile" {
  name = "app-profile"
  model_source {
    copy_from = "arn:aws:bedrock:ap-northeast-1:123456789012:application-inference-profile/a1b2c3d4e5f6"
  }
}

resource "azurerm_cognitive_deployment" "datazone" {
  name                 = "datazone"
  cognitive_account_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai"
  model {
    format  = "OpenAI"
    name    = "gpt-4o"
    version = "2024-11-20"
  }
  sku {
    name = "DataZoneStandard"
  }
  version_upgrade_option = "NoAutoUpgrade"
}

resource "azurerm_cognitive_deployment" "expiry_upgrade" {
  name                 = "expiry-upgrade"
  cognitive_account_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai"
  model {
    format  = "OpenAI"
    name    = "gpt-4o-mini"
    version = "2024-07-18"
  }
  sku {
    name = "ProvisionedManaged"
  }
  version_upgrade_option = "OnceCurrentVersionExpired"
}

resource "azurerm_cosmosdb_account" "replicated" {
  name                = "cosmos-replicated"
  location            = "japaneast"
  resource_group_name = "rg"
  offer_type          = "Standard"
  consistency_policy {
    consistency_level = "Session"
  }
  geo_location {
    location          = "japaneast"
    failover_priority = 0
  }
  geo_location {
    location          = "eastus"
    failover_priority = 1
  }
}

resource "azurerm_key_vault" "osaka" {
  name                = "kv-osaka"
  location            = "Japan West"
  resource_group_name = "rg"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}

resource "google_storage_bucket" "custom_dual" {
  name     = "custom-dual"
  location = "ASIA"
  custom_placement_config {
    data_locations = ["ASIA-NORTHEAST1", "ASIA-NORTHEAST2"]
  }
}

resource "google_storage_bucket" "asia1" {
  name     = "tokyo-osaka"
  location = "ASIA1"
}

resource "google_storage_bucket" "us" {
  name     = "us-multi"
  location = "US"
}

resource "google_bigquery_dataset" "default_location" {
  dataset_id = "answers"
}

resource "google_sql_database_instance" "provider_region" {
  name             = "db"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_compute_disk" "tokyo_zone" {
  name = "data"
  zone = "asia-northeast1-b"
  size = 100
}

resource "google_vertex_ai_endpoint" "global" {
  name         = "global"
  display_name = "global"
  location     = "global"
}
"""

EDGE_CFN = """\
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  ModelId:
    Type: String
Resources:
  ParamAgent:
    Type: AWS::Bedrock::Agent
    Properties:
      AgentName: param-agent
      FoundationModel: !Ref ModelId
  OregonProfile:
    Type: AWS::Bedrock::ApplicationInferenceProfile
    Properties:
      InferenceProfileName: oregon
      ModelSource:
        CopyFrom: arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-haiku-20240307-v1:0
  TokyoKnowledgeBase:
    Type: AWS::Bedrock::KnowledgeBase
    Properties:
      Name: tokyo-kb
      RoleArn: arn:aws:iam::123456789012:role/kb
      KnowledgeBaseConfiguration:
        Type: VECTOR
        VectorKnowledgeBaseConfiguration:
          EmbeddingModelArn: arn:aws:bedrock:ap-northeast-1::foundation-model/amazon.titan-embed-text-v2:0
      StorageConfiguration:
        Type: OPENSEARCH_SERVERLESS
        OpensearchServerlessConfiguration:
          CollectionArn: arn:aws:aoss:ap-northeast-1:123456789012:collection/kb
          VectorIndexName: kb
          FieldMapping:
            VectorField: vector
            TextField: text
            MetadataField: metadata
"""

EDGE_K8S = """\
apiVersion: v1
kind: Pod
metadata:
  name: {name}
  namespace: ai
spec:
  containers:
    - name: app
      image: registry.example.jp/app:2.0.1
      env:
        - name: MODEL
          value: "{value}"
        - name: APP_VERSION
          value: "v1.2.3"
"""


@pytest.fixture(scope="module")
def edge_results(tmp_path_factory):
    d = tmp_path_factory.mktemp("checkov-custom-edges")
    (d / "main.tf").write_text(EDGE_TF, encoding="utf-8")
    (d / "bedrock.yaml").write_text(EDGE_CFN, encoding="utf-8")
    pods = {
        "jp-profile": "jp.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "global-profile": "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "virginia-arn": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
        "dotted-host": "us.example.com",
    }
    (d / "pods.yaml").write_text("---\n".join(EDGE_K8S.format(name=n, value=v) for n, v in pods.items()), encoding="utf-8")
    return {k: v.split()[0] for k, v in _scan(d).items()}


@pytest.mark.parametrize(
    "check_id,resource,expected",
    [
        ("CKV_LGAI_1", "aws_bedrockagent_agent.plain", "passed"),  # in-region: the provider region decides (IAC-016)
        ("CKV_LGAI_1", "aws_bedrockagent_agent.from_var", None),  # unresolved variable: unknown, no result
        ("CKV_LGAI_1", "aws_bedrock_provisioned_model_throughput.virginia", "failed"),
        ("CKV_LGAI_1", "aws_bedrock_provisioned_model_throughput.osaka", "passed"),
        ("CKV_LGAI_1", "aws_bedrockagent_knowledge_base.faq", "passed"),
        ("CKV_LGAI_1", "aws_bedrock_inference_profile.app_profile", None),  # opaque application profile id
        ("CKV_LGAI_2", "azurerm_cognitive_deployment.datazone", "failed"),
        ("CKV_LGAI_3", "azurerm_cognitive_deployment.datazone", "passed"),
        ("CKV_LGAI_2", "azurerm_cognitive_deployment.expiry_upgrade", "passed"),
        ("CKV_LGAI_3", "azurerm_cognitive_deployment.expiry_upgrade", "failed"),  # upgrades at retirement
        ("CKV_LGAI_6", "azurerm_cosmosdb_account.replicated", "failed"),  # replica in eastus
        ("CKV_LGAI_6", "azurerm_key_vault.osaka", "passed"),  # "Japan West"
        ("CKV_LGAI_7", "google_storage_bucket.custom_dual", "passed"),
        ("CKV_LGAI_7", "google_storage_bucket.asia1", "passed"),
        ("CKV_LGAI_7", "google_storage_bucket.us", "failed"),
        ("CKV_LGAI_7", "google_bigquery_dataset.default_location", "failed"),  # BigQuery defaults to US
        ("CKV_LGAI_7", "google_sql_database_instance.provider_region", None),
        ("CKV_LGAI_7", "google_compute_disk.tokyo_zone", "passed"),
        ("CKV_LGAI_4", "google_vertex_ai_endpoint.global", "failed"),
        ("CKV_LGAI_8", "AWS::Bedrock::Agent.ParamAgent", None),  # !Ref: unknown
        ("CKV_LGAI_8", "AWS::Bedrock::ApplicationInferenceProfile.OregonProfile", "failed"),
        ("CKV_LGAI_8", "AWS::Bedrock::KnowledgeBase.TokyoKnowledgeBase", "passed"),
        ("CKV_LGAI_9", "Pod.ai.jp-profile", "passed"),
        ("CKV_LGAI_9", "Pod.ai.global-profile", "failed"),
        ("CKV_LGAI_9", "Pod.ai.virginia-arn", "failed"),
        ("CKV_LGAI_9", "Pod.ai.dotted-host", "passed"),
    ],
)
def test_custom_check_edge_cases(edge_results, check_id, resource, expected):
    assert edge_results.get((check_id, resource)) == expected
