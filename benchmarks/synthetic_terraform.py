"""Generate a Terraform corpus of realistic AWS, Azure and Google Cloud resources.

    python benchmarks/synthetic_terraform.py OUT_DIR [--resources 4000]

Each "unit" is one tenant's slice of a cloud AI service (a document bucket, a database, a
vector store, an AI endpoint, network rules, logs and keys) on one of the three clouds, written
with variables and locals so that checkov's graph has something to resolve. Every fifth unit
carries deliberate violations (unencrypted store, open SSH, public bucket, foreign region, a
global AI deployment, SQL auditing off), so that both tools have findings to report.
"""

from __future__ import annotations

import argparse
from pathlib import Path

PROVIDERS = """\
terraform {
  required_providers {
    aws     = { source = "hashicorp/aws" }
    azurerm = { source = "hashicorp/azurerm" }
    google  = { source = "hashicorp/google" }
  }
}

variable "aws_region" {
  default = "ap-northeast-1"
}

variable "log_retention_days" {
  default = 400
}

locals {
  project = "lgai-bench"
}

provider "aws" {
  region = var.aws_region
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

provider "azurerm" {
  features {}
}

provider "google" {
  project = "lgai-bench"
  region  = "asia-northeast1"
}

resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = aws_s3_bucket.trail.id
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  include_global_service_events = true
  kms_key_id                    = aws_kms_key.k0.arn
}

resource "aws_s3_bucket" "trail" {
  bucket              = "lgai-bench-trail"
  object_lock_enabled = true
}
"""


def aws_unit(i: int, bad: bool) -> str:
    enc = "false" if bad else "true"
    cidr = "0.0.0.0/0" if bad else "10.0.0.0/8"
    provider = "  provider = aws.us\n" if bad else ""
    acl = 'public-read' if bad else 'private'
    return f"""
resource "aws_kms_key" "k{i}" {{
  description         = "${{local.project}}-{i}"
  enable_key_rotation = {"false" if bad else "true"}
}}

resource "aws_s3_bucket" "docs{i}" {{
{provider}  bucket = "${{local.project}}-docs-{i}"
  tags = {{
    lgai-component = "documents"
  }}
}}

resource "aws_s3_bucket_acl" "docs{i}" {{
  bucket = aws_s3_bucket.docs{i}.id
  acl    = "{acl}"
}}

resource "aws_s3_bucket_server_side_encryption_configuration" "docs{i}" {{
  bucket = aws_s3_bucket.docs{i}.id
  rule {{
    apply_server_side_encryption_by_default {{
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.k{i}.arn
    }}
  }}
}}

resource "aws_s3_bucket_versioning" "docs{i}" {{
  bucket = aws_s3_bucket.docs{i}.id
  versioning_configuration {{
    status = "{"Suspended" if bad else "Enabled"}"
  }}
}}

resource "aws_s3_bucket_public_access_block" "docs{i}" {{
  bucket                  = aws_s3_bucket.docs{i}.id
  block_public_acls       = {"false" if bad else "true"}
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}}

resource "aws_db_instance" "db{i}" {{
  identifier              = "${{local.project}}-db-{i}"
  engine                  = "postgres"
  instance_class          = "db.t3.medium"
  allocated_storage       = 20
  storage_encrypted       = {enc}
  kms_key_id              = aws_kms_key.k{i}.arn
  backup_retention_period = {0 if bad else 7}
  multi_az                = true
  publicly_accessible     = {"true" if bad else "false"}
  username                = "app"
  manage_master_user_password = true
}}

resource "aws_security_group" "app{i}" {{
  name = "app-{i}"
  ingress {{
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["{cidr}"]
  }}
  egress {{
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }}
}}

resource "aws_lb_listener" "web{i}" {{
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/web/{i}"
  port              = {80 if bad else 443}
  protocol          = "{"HTTP" if bad else "HTTPS"}"
  ssl_policy        = {'null' if bad else '"ELBSecurityPolicy-TLS13-1-2-2021-06"'}
  default_action {{
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/web/{i}"
  }}
}}

resource "aws_cloudwatch_log_group" "app{i}" {{
  name              = "/lgai/app-{i}"
  retention_in_days = {30 if bad else "var.log_retention_days"}
  kms_key_id        = aws_kms_key.k{i}.arn
}}

resource "aws_bedrockagent_agent" "agent{i}" {{
  agent_name              = "agent-{i}"
  agent_resource_role_arn = "arn:aws:iam::123456789012:role/agent"
  foundation_model        = "{"us." if bad else "jp."}anthropic.claude-3-5-sonnet-20240620-v1:0"
}}
"""


def azure_unit(i: int, bad: bool) -> str:
    loc = "eastus" if bad else "japaneast"
    audit = "" if bad else f"""resource "azurerm_mssql_server_extended_auditing_policy" "sql{i}" {{
  server_id              = azurerm_mssql_server.sql{i}.id
  log_monitoring_enabled = true
}}

"""
    return f"""
resource "azurerm_resource_group" "rg{i}" {{
  name     = "rg-{i}"
  location = "{loc}"
}}

resource "azurerm_storage_account" "st{i}" {{
  name                            = "lgaist{i}"
  resource_group_name             = azurerm_resource_group.rg{i}.name
  location                        = azurerm_resource_group.rg{i}.location
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  min_tls_version                 = "{"TLS1_0" if bad else "TLS1_2"}"
  https_traffic_only_enabled      = true
  public_network_access_enabled   = {"true" if bad else "false"}
  allow_nested_items_to_be_public = {"true" if bad else "false"}
}}

resource "azurerm_cognitive_account" "oai{i}" {{
  name                          = "oai-{i}"
  location                      = azurerm_resource_group.rg{i}.location
  resource_group_name           = azurerm_resource_group.rg{i}.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = {"true" if bad else "false"}
  local_auth_enabled            = false
}}

resource "azurerm_cognitive_deployment" "gpt{i}" {{
  name                 = "gpt-{i}"
  cognitive_account_id = azurerm_cognitive_account.oai{i}.id
  model {{
    format  = "OpenAI"
    name    = "gpt-4o"
    version = "2024-08-06"
  }}
  sku {{
    name = "{"GlobalStandard" if bad else "Standard"}"
  }}
  version_upgrade_option = "NoAutoUpgrade"
}}

resource "azurerm_network_security_group" "nsg{i}" {{
  name                = "nsg-{i}"
  location            = azurerm_resource_group.rg{i}.location
  resource_group_name = azurerm_resource_group.rg{i}.name
  security_rule {{
    name                       = "rdp"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "3389"
    source_address_prefix      = "{"*" if bad else "10.0.0.0/8"}"
    destination_address_prefix = "*"
  }}
}}

resource "azurerm_mssql_server" "sql{i}" {{
  name                          = "sql-{i}"
  resource_group_name           = azurerm_resource_group.rg{i}.name
  location                      = azurerm_resource_group.rg{i}.location
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false
  azuread_administrator {{
    login_username              = "sqladmin"
    object_id                   = "00000000-0000-0000-0000-000000000000"
    azuread_authentication_only = true
  }}
}}

{audit}resource "azurerm_log_analytics_workspace" "law{i}" {{
  name                = "law-{i}"
  location            = azurerm_resource_group.rg{i}.location
  resource_group_name = azurerm_resource_group.rg{i}.name
  sku                 = "PerGB2018"
  retention_in_days   = {30 if bad else 730}
}}
"""


def gcp_unit(i: int, bad: bool) -> str:
    return f"""
resource "google_storage_bucket" "docs{i}" {{
  name                        = "lgai-docs-{i}"
  location                    = "{"ASIA" if bad else "ASIA-NORTHEAST1"}"
  uniform_bucket_level_access = true
  public_access_prevention    = "{"inherited" if bad else "enforced"}"
  versioning {{
    enabled = true
  }}
  encryption {{
    default_kms_key_name = google_kms_crypto_key.key{i}.id
  }}
}}

resource "google_storage_bucket_iam_member" "docs{i}" {{
  bucket = google_storage_bucket.docs{i}.name
  role   = "roles/storage.objectViewer"
  member = "{"allUsers" if bad else "group:staff@example.jp"}"
}}

resource "google_kms_key_ring" "ring{i}" {{
  name     = "ring-{i}"
  location = "asia-northeast1"
}}

resource "google_kms_crypto_key" "key{i}" {{
  name            = "key-{i}"
  key_ring        = google_kms_key_ring.ring{i}.id
  rotation_period = "7776000s"
}}

resource "google_sql_database_instance" "db{i}" {{
  name             = "db-{i}"
  region           = "asia-northeast1"
  database_version = "POSTGRES_15"
  settings {{
    tier = "db-custom-2-7680"
    ip_configuration {{
      ipv4_enabled = {"true" if bad else "false"}
      ssl_mode     = "ENCRYPTED_ONLY"
    }}
    backup_configuration {{
      enabled = true
    }}
  }}
}}

resource "google_compute_firewall" "ssh{i}" {{
  name    = "ssh-{i}"
  network = "default"
  allow {{
    protocol = "tcp"
    ports    = ["22"]
  }}
  source_ranges = ["{"0.0.0.0/0" if bad else "10.0.0.0/8"}"]
}}

resource "google_vertex_ai_endpoint" "ep{i}" {{
  name         = "ep{i}"
  display_name = "endpoint-{i}"
  location     = "{"us-central1" if bad else "asia-northeast1"}"
  region       = "{"us-central1" if bad else "asia-northeast1"}"
}}
"""


UNIT_SIZES = {"aws": 11, "azure": 7, "gcp": 7}  # resources per unit (compliant Azure units add an auditing policy)
UNITS = (("aws", aws_unit), ("azure", azure_unit), ("gcp", gcp_unit))


def generate(out: Path, resources: int = 4000, files: int = 40) -> int:
    """Write the corpus into `out`; returns the number of resources written."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "providers.tf").write_text(PROVIDERS, encoding="utf-8")
    written = 2
    chunks: list[list[str]] = [[] for _ in range(files)]
    i = 0
    while written < resources:
        cloud, fn = UNITS[i % 3]
        bad = i % 5 == 0
        chunks[i % files].append(fn(i, bad=bad))
        written += UNIT_SIZES[cloud] + (1 if cloud == "azure" and not bad else 0)
        i += 1
    for n, chunk in enumerate(chunks):
        (out / f"units_{n:02d}.tf").write_text("".join(chunk), encoding="utf-8")
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--resources", type=int, default=4000)
    args = ap.parse_args()
    n = generate(args.out, args.resources)
    print(f"{n} resources in {args.out}")


if __name__ == "__main__":
    main()
