"""CKV_LGAI_4: Vertex AI endpoints (where online prediction runs) are in a Japanese region.

`global` lets Google serve the request in any region; any other location must be
asia-northeast1 (Tokyo) or asia-northeast2 (Osaka). A resource that takes its region from the
provider configuration is left to LGAI-IAC-016 (UNKNOWN here).
"""

from __future__ import annotations

from typing import Any

from checkov.common.bridgecrew.severities import BcSeverities, Severities
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

# rules/data/params.yaml japan_regions.gcp (tests/test_checkov_map.py keeps them equal)
JAPAN_REGIONS = ("asia-northeast1", "asia-northeast2")

LOCATION_ATTRIBUTE = {
    "google_vertex_ai_endpoint": "location",
    "google_vertex_ai_endpoint_with_model_garden_deployment": "location",
    "google_vertex_ai_deployment_resource_pool": "region",
}


class VertexInferenceInJapan(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Vertex AI endpoint serves predictions in asia-northeast1/2 (not global, not a foreign region)",
            id="CKV_LGAI_4",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=tuple(LOCATION_ATTRIBUTE),
            guideline="lgai LGAI-IAC-016 (GL:CLOUD-005, AIC:LOC-001): deploy Vertex AI endpoints in asia-northeast1 or asia-northeast2",
        )
        self.severity = Severities[BcSeverities.HIGH]

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        attribute = LOCATION_ATTRIBUTE[self.entity_type]
        self.evaluated_keys = [attribute]
        value = conf.get(attribute)
        location = value[0] if isinstance(value, list) and value else None
        if not isinstance(location, str) or not location or self._is_variable_dependant(location):
            return CheckResult.UNKNOWN  # the provider's region: judged by LGAI-IAC-016
        return CheckResult.PASSED if location.lower() in JAPAN_REGIONS else CheckResult.FAILED


check = VertexInferenceInJapan()
