"""CKV_LGAI_8: a CloudFormation Bedrock agent, application inference profile or knowledge base
does not route inference outside Japan (the CloudFormation twin of CKV_LGAI_1).

A model or inference-profile id prefixed with a geography other than `jp.` (`us.`, `eu.`,
`apac.`, `global.`, ...) may be served in another country; a model ARN must name
ap-northeast-1 or ap-northeast-3. A plain model id runs in the stack's region, which the
template does not state: it passes here.
"""

from __future__ import annotations

import re
from typing import Any

from checkov.cloudformation.checks.resource.base_resource_check import BaseResourceCheck
from checkov.common.bridgecrew.severities import BcSeverities, Severities
from checkov.common.models.enums import CheckCategories, CheckResult

# rules/data/params.yaml japan_regions.aws (tests/test_checkov_map.py keeps them equal)
JAPAN_REGIONS = ("ap-northeast-1", "ap-northeast-3")
GEO_PREFIXES = ("us", "us-gov", "eu", "apac", "au", "ca", "jp", "global")
ARN = re.compile(r"^arn:aws[\w-]*:bedrock:(?P<region>[a-z0-9-]*):\d*:(?P<kind>[\w-]+)/(?P<id>.+)$")

MODEL_PROPERTIES = {
    "AWS::Bedrock::Agent": ("FoundationModel",),
    "AWS::Bedrock::ApplicationInferenceProfile": ("ModelSource", "CopyFrom"),
    "AWS::Bedrock::KnowledgeBase": ("KnowledgeBaseConfiguration", "VectorKnowledgeBaseConfiguration", "EmbeddingModelArn"),
}


def outside_japan(model: str) -> bool | None:
    region = None
    m = ARN.match(model)
    if m:
        region, model = m.group("region"), m.group("id")
        if m.group("kind") == "application-inference-profile":
            return None
    prefix = model.split(".", 1)[0] if "." in model else ""
    if prefix in GEO_PREFIXES:
        return prefix != "jp"
    if region:
        return region not in JAPAN_REGIONS
    return False


class CfnBedrockModelStaysInJapan(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Bedrock model or inference profile does not route inference outside Japan (no us./eu./apac./global. profile, no foreign-region model ARN)",
            id="CKV_LGAI_8",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=tuple(MODEL_PROPERTIES),
            guideline="lgai LGAI-IAC-016 (GL:CLOUD-005, AIC:LOC-001): use a jp. inference profile or a model in ap-northeast-1/3",
        )
        self.severity = Severities[BcSeverities.HIGH]

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        path = MODEL_PROPERTIES[self.entity_type]
        self.evaluated_keys = ["Properties/" + "/".join(path)]
        node: Any = conf.get("Properties")
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        if not isinstance(node, str) or not node:
            return CheckResult.UNKNOWN  # absent, or an intrinsic function (!Ref, !Sub, ...)
        verdict = outside_japan(node)
        if verdict is None:
            return CheckResult.UNKNOWN
        return CheckResult.FAILED if verdict else CheckResult.PASSED


check = CfnBedrockModelStaysInJapan()
