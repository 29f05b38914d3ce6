"""CKV_LGAI_9: a container is not configured to call a Bedrock inference profile that routes
outside Japan.

Workloads usually receive the Bedrock model as an environment variable (BEDROCK_MODEL_ID,
MODEL_ARN, ...). A value that is a geography-prefixed inference profile other than `jp.`
(`us.anthropic...`, `apac.amazon...`, `global.anthropic...`) or a Bedrock ARN in a region
outside Japan sends prompts abroad, whatever the cluster's own region.
"""

from __future__ import annotations

import re
from typing import Any

from checkov.common.bridgecrew.severities import BcSeverities, Severities
from checkov.common.models.enums import CheckResult
from checkov.kubernetes.checks.resource.base_container_check import BaseK8sContainerCheck

# rules/data/params.yaml japan_regions.aws (tests/test_checkov_map.py keeps them equal)
JAPAN_REGIONS = ("ap-northeast-1", "ap-northeast-3")
# <geo>.<model provider>.<model>: the providers keep this from matching ordinary dotted values
PROFILE = re.compile(
    r"^(?P<geo>us|us-gov|eu|apac|au|ca|jp|global)\."
    r"(?:anthropic|amazon|meta|mistral|cohere|ai21|deepseek|writer|openai|qwen|twelvelabs|stability|luma)\.",
)
ARN = re.compile(r"^arn:aws[\w-]*:bedrock:(?P<region>[a-z0-9-]+):\d*:(?:foundation-model|inference-profile)/")


def outside_japan(value: str) -> bool:
    m = ARN.match(value)
    if m:
        value = value.split("/", 1)[1]
        if m.group("region") not in JAPAN_REGIONS and not PROFILE.match(value):
            return True
    p = PROFILE.match(value)
    return bool(p) and p.group("geo") != "jp"


class ContainerBedrockProfileInJapan(BaseK8sContainerCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Container environment does not name a Bedrock inference profile or model that routes outside Japan",
            id="CKV_LGAI_9",
            guideline="lgai LGAI-IAC-016 (GL:CLOUD-005, AIC:LOC-001): use a jp. inference profile or a model in ap-northeast-1/3",
        )
        self.severity = Severities[BcSeverities.HIGH]

    def scan_container_conf(self, metadata: dict[str, Any], conf: dict[str, Any]) -> CheckResult:
        self.evaluated_container_keys = ["env"]
        env = conf.get("env")
        if not isinstance(env, list):
            return CheckResult.PASSED
        for var in env:
            value = var.get("value") if isinstance(var, dict) else None
            if isinstance(value, str) and outside_japan(value.strip()):
                return CheckResult.FAILED
        return CheckResult.PASSED


check = ContainerBedrockProfileInJapan()
