"""CKV_LGAI_7: Google Cloud data stores are located in Japan.

Cloud Storage buckets must be in ASIA-NORTHEAST1, ASIA-NORTHEAST2 or the Tokyo+Osaka
dual-region ASIA1, or be a configurable dual-region whose `custom_placement_config` lists only
those two regions; the multi-regions ASIA, US and EU store data outside Japan. The same holds
for BigQuery datasets (which default to the US multi-region when `location` is omitted),
Cloud SQL, Memorystore, Firestore, AlloyDB, Filestore, persistent disks, KMS key rings and log
buckets. A resource that takes its region from the provider configuration is left to
LGAI-IAC-015 (UNKNOWN here).
"""

from __future__ import annotations

import re
from typing import Any

from checkov.common.bridgecrew.severities import BcSeverities, Severities
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

# rules/data/params.yaml japan_regions.gcp (tests/test_checkov_map.py keeps them equal), plus the
# Tokyo+Osaka dual-region ASIA1 of Cloud Storage and Cloud KMS.
JAPAN_REGIONS = ("asia-northeast1", "asia-northeast2")
JAPAN_DUAL_REGIONS = ("asia1",)
ZONE = re.compile(r"^([a-z]+-[a-z]+\d+)-[a-z]$")

# resource type -> (location attribute, the documented value when the attribute is omitted)
LOCATION_ATTRIBUTE: dict[str, tuple[str, str | None]] = {
    "google_storage_bucket": ("location", None),
    "google_bigquery_dataset": ("location", "US"),
    "google_sql_database_instance": ("region", None),
    "google_redis_instance": ("region", None),
    "google_firestore_database": ("location_id", None),
    "google_alloydb_cluster": ("location", None),
    "google_filestore_instance": ("location", None),
    "google_compute_disk": ("zone", None),
    "google_compute_region_disk": ("region", None),
    "google_kms_key_ring": ("location", None),
    "google_logging_project_bucket_config": ("location", None),
}


def in_japan(location: str) -> bool:
    location = location.lower()
    m = ZONE.match(location)
    if m:
        location = m.group(1)
    return location in JAPAN_REGIONS or location in JAPAN_DUAL_REGIONS


class GcpDataInJapan(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Google Cloud data store is located in asia-northeast1/2 or the Tokyo+Osaka dual-region (not ASIA/US/EU multi-regions)",
            id="CKV_LGAI_7",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=tuple(LOCATION_ATTRIBUTE),
            guideline="lgai LGAI-IAC-015 (GL:CLOUD-004, GL:PI-003, AIC:LOC-001): use asia-northeast1, asia-northeast2 or ASIA1",
        )
        self.severity = Severities[BcSeverities.HIGH]

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        attribute, default = LOCATION_ATTRIBUTE[self.entity_type]
        self.evaluated_keys = [attribute]
        value = conf.get(attribute)
        location = value[0] if isinstance(value, list) and value else default
        if not isinstance(location, str) or not location or self._is_variable_dependant(location):
            return CheckResult.UNKNOWN  # the provider's region: judged by LGAI-IAC-015
        if in_japan(location):
            return CheckResult.PASSED
        if self.entity_type == "google_storage_bucket":
            placement = conf.get("custom_placement_config")
            if isinstance(placement, list) and placement and isinstance(placement[0], dict):
                regions = placement[0].get("data_locations")
                regions = regions[0] if isinstance(regions, list) and regions and isinstance(regions[0], list) else regions
                if isinstance(regions, list) and regions and all(isinstance(r, str) and in_japan(r) for r in regions):
                    self.evaluated_keys = ["custom_placement_config/[0]/data_locations"]
                    return CheckResult.PASSED
        return CheckResult.FAILED


check = GcpDataInJapan()
