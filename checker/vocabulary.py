"""Controlled vocabularies shared by the declaration and the data-flow manifest.

Every value here is one a rule may compare against, so each one is a closed set:
a typo is a validation error, never a silent pass.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator

# Where a municipal terminal or system sits (三層の対策).
MunicipalSegment = Literal["mynumber", "lgwan", "internet"]
MUNICIPAL_SEGMENTS = ("mynumber", "lgwan", "internet")

# Where a vendor component is hosted.
Hosting = Literal["lgwan_asp", "public_cloud", "gov_cloud", "on_premises", "mynumber", "lgwan", "internet"]

Delivery = Literal["lgwan_asp", "public_cloud", "gov_cloud", "on_premises", "hybrid"]

NetworkModel = Literal["alpha", "alpha_prime", "beta", "beta_prime"]
NETWORK_MODELS = ("alpha", "alpha_prime", "beta", "beta_prime")

AIFunction = Literal["identification", "prediction", "judgement", "generation"]  # 識別/予測/判断/生成

ComponentKind = Literal[
    "api",
    "web_app",
    "compute",
    "storage",
    "database",
    "ai_inference",
    "vector_store",
    "log_store",
    "queue",
    "gateway",
    "sanitizer",
    "relay",
    "client",
]
STORING_KINDS = ("storage", "database", "vector_store", "log_store", "queue")

Transport = Literal[
    "lgwan",
    "closed_network",
    "vpn",
    "private_link",
    "internet",
    "internal",
    "removable_media",
    "email",
]

Sanitization = Literal["none", "file_conversion", "cdr", "text_extraction", "screen_transfer", "image_conversion"]

Payload = Literal["data", "file", "mail", "ai_output_file", "screen"]

TLSVersion = Literal["none", "1.0", "1.1", "1.2", "1.3"]

KeyManagement = Literal["provider_managed", "customer_managed", "hsm", "none"]

AuthMethod = Literal["saml", "oidc", "password", "api_key", "mtls", "client_certificate", "none"]

ProviderRole = Literal["iaas", "paas", "saas", "model_provider", "operator", "support", "datacenter"]

IsmapKind = Literal["ismap", "ismap_liu", "none"]

TrainingUse = Literal["prohibited", "opt_out_confirmed", "allowed", "unknown"]

HumanReview = Literal["always", "sampled", "none"]

DeploymentType = Literal["regional", "data_zone", "global", "cross_region"]

ContractType = Literal["negotiated", "click_through"]

PersonalKind = Literal["none", "personal", "sensitive", "specific"]  # なし/個人情報/要配慮個人情報/特定個人情報
PERSONAL_RANK = {"none": 0, "personal": 1, "sensitive": 2, "specific": 3}

LegalRelation = Literal["no_handling", "entrustment", "provision"]

LegalBasis = Literal["within_purpose", "art69_2_1", "art69_2_2", "art69_2_3", "art69_2_4", "statute"]

Minimization = Literal["mask", "pseudonymise", "field_filter", "aggregate", "none"]

UserScope = Literal["staff_only", "residents", "public"]

TaskImpact = Literal["drafting", "information", "admin_decision_support", "admin_decision"]

Redundancy = Literal["single", "multi_zone", "multi_region"]

DeletionItem = Literal["data", "prompts", "outputs", "logs", "backups", "rag_indexes", "tuned_weights"]

IncidentCategory = Literal["data_leak", "harmful_output", "security", "outage"]

ReevaluationTrigger = Literal["model_change", "system_prompt_change", "rag_source_change", "periodic"]

AuditLogField = Literal["user_id", "timestamp", "model_version", "use_case", "prompt", "output", "department"]

IntegrityClass = Literal["1", "2"]
AvailabilityClass = Literal["1", "2"]
ConfidentialityClass = Literal["1", "2", "3", "3A", "3B", "3C"]


def _as_text(value):
    """YAML reads `2` as an int; classes are labels, so accept both spellings."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    return value


Conf = Annotated[ConfidentialityClass, BeforeValidator(_as_text)]
Integ = Annotated[IntegrityClass, BeforeValidator(_as_text)]
Avail = Annotated[AvailabilityClass, BeforeValidator(_as_text)]
