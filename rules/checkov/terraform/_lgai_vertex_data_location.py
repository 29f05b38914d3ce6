"""CKV_LGAI_5: Vertex AI resources that store data (datasets, feature stores, vector indexes and
index endpoints, metadata stores, TensorBoards, RAG corpora configuration) are in a Japanese region.

A resource that takes its region from the provider configuration is left to LGAI-IAC-015
(UNKNOWN here).
"""

from __future__ import annotations

from typing import Any

from checkov.common.bridgecrew.severities import BcSeverities, Severities
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

# rules/data/params.yaml japan_regions.gcp (tests/test_checkov_map.py keeps them equal)
JAPAN_REGIONS = ("asia-northeast1", "asia-northeast2")

DATA_TYPES = (
    "google_vertex_ai_dataset",
    "google_vertex_ai_featurestore",
    "google_vertex_ai_feature_online_store",
    "google_vertex_ai_feature_group",
    "google_vertex_ai_index",
    "google_vertex_ai_index_endpoint",
    "google_vertex_ai_metadata_store",
    "google_vertex_ai_tensorboard",
    "google_vertex_ai_rag_engine_config",
)


class VertexDataInJapan(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Vertex AI dataset, feature store, index, metadata store or TensorBoard is in asia-northeast1/2",
            id="CKV_LGAI_5",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=DATA_TYPES,
            guideline="lgai LGAI-IAC-015 (GL:CLOUD-004, AIC:LOC-001): keep Vertex AI data in asia-northeast1 or asia-northeast2",
        )
        self.severity = Severities[BcSeverities.HIGH]

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        self.evaluated_keys = ["region"]
        value = conf.get("region")
        region = value[0] if isinstance(value, list) and value else None
        if not isinstance(region, str) or not region or self._is_variable_dependant(region):
            return CheckResult.UNKNOWN  # the provider's region: judged by LGAI-IAC-015
        return CheckResult.PASSED if region.lower() in JAPAN_REGIONS else CheckResult.FAILED


check = VertexDataInJapan()
