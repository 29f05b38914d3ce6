"""CKV_LGAI_1: a Bedrock agent, inference profile, custom model, provisioned throughput or
knowledge base does not route inference outside Japan.

A model or inference-profile id prefixed with a geography (`us.`, `eu.`, `apac.`, `global.`, ...)
is a cross-region inference profile: requests may be served in any region of that geography.
Only `jp.` (Tokyo and Osaka) stays in Japan. A model ARN names its region; it must be
ap-northeast-1 or ap-northeast-3. A plain model id runs in the provider's region, which this
check cannot see (LGAI-IAC-015/016 judge it from the provider configuration): it passes here.
"""

from __future__ import annotations

import re
from typing import Any

from checkov.common.bridgecrew.severities import BcSeverities, Severities
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

# rules/data/params.yaml japan_regions.aws (tests/test_checkov_map.py keeps them equal)
JAPAN_REGIONS = ("ap-northeast-1", "ap-northeast-3")
# Bedrock cross-region inference geographies; only jp. keeps inference in Japan.
GEO_PREFIXES = ("us", "us-gov", "eu", "apac", "au", "ca", "jp", "global")
ARN = re.compile(r"^arn:aws[\w-]*:bedrock:(?P<region>[a-z0-9-]*):\d*:(?P<kind>[\w-]+)/(?P<id>.+)$")

# resource type -> path of the model attribute (block names, then the attribute)
MODEL_ATTRIBUTES = {
    "aws_bedrockagent_agent": ("foundation_model",),
    "aws_bedrock_inference_profile": ("model_source", "copy_from"),
    "aws_bedrock_custom_model": ("base_model_identifier",),
    "aws_bedrock_provisioned_model_throughput": ("model_arn",),
    "aws_bedrockagent_knowledge_base": (
        "knowledge_base_configuration",
        "vector_knowledge_base_configuration",
        "embedding_model_arn",
    ),
}


def outside_japan(model: str) -> bool | None:
    """True when the model id / ARN routes inference outside Japan, None when it cannot tell."""
    region = None
    m = ARN.match(model)
    if m:
        region, model = m.group("region"), m.group("id")
        if m.group("kind") == "application-inference-profile":
            return None  # an opaque id: the aws_bedrock_inference_profile resource is checked itself
    prefix = model.split(".", 1)[0] if "." in model else ""
    if prefix in GEO_PREFIXES:
        return prefix != "jp"
    if region:
        return region not in JAPAN_REGIONS
    return False


def value_at(conf: dict[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = conf
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
        if isinstance(node, list):
            node = node[0] if node else None
    return node


class BedrockModelStaysInJapan(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Bedrock model or inference profile does not route inference outside Japan (no us./eu./apac./global. profile, no foreign-region model ARN)",
            id="CKV_LGAI_1",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=tuple(MODEL_ATTRIBUTES),
            guideline="lgai LGAI-IAC-016 (GL:CLOUD-005, AIC:LOC-001): use a jp. inference profile or a model in ap-northeast-1/3",
        )
        self.severity = Severities[BcSeverities.HIGH]

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        path = MODEL_ATTRIBUTES[self.entity_type]
        self.evaluated_keys = ["/[0]/".join(path)]
        model = value_at(conf, path)
        if not isinstance(model, str) or not model or self._is_variable_dependant(model):
            return CheckResult.UNKNOWN
        verdict = outside_japan(model)
        if verdict is None:
            return CheckResult.UNKNOWN
        return CheckResult.FAILED if verdict else CheckResult.PASSED


check = BedrockModelStaysInJapan()
