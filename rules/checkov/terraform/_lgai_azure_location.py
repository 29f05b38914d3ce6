"""CKV_LGAI_6: Azure resources that hold or process data are located in Japan East / Japan West.

Covers storage, databases and caches, AI services and search, Key Vault, backup vaults, log
workspaces, disks, VMs, AKS, App Service and Functions, container registries. Replica locations
count too: Cosmos DB `geo_location` and container registry `georeplications`. Network resources
and resource groups (metadata only) are out of scope. Azure's own paired-region replication
(GRS) of japaneast is japanwest and stays in Japan.
"""

from __future__ import annotations

from typing import Any

from checkov.common.bridgecrew.severities import BcSeverities, Severities
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

# rules/data/params.yaml japan_regions.azure (tests/test_checkov_map.py keeps them equal)
JAPAN_REGIONS = ("japaneast", "japanwest")

DATA_TYPES = (
    "azurerm_storage_account",
    "azurerm_mssql_server",
    "azurerm_mssql_managed_instance",
    "azurerm_postgresql_flexible_server",
    "azurerm_mysql_flexible_server",
    "azurerm_cosmosdb_account",
    "azurerm_redis_cache",
    "azurerm_cognitive_account",
    "azurerm_ai_services",
    "azurerm_search_service",
    "azurerm_machine_learning_workspace",
    "azurerm_key_vault",
    "azurerm_recovery_services_vault",
    "azurerm_data_protection_backup_vault",
    "azurerm_log_analytics_workspace",
    "azurerm_managed_disk",
    "azurerm_linux_virtual_machine",
    "azurerm_windows_virtual_machine",
    "azurerm_kubernetes_cluster",
    "azurerm_linux_web_app",
    "azurerm_windows_web_app",
    "azurerm_linux_function_app",
    "azurerm_windows_function_app",
    "azurerm_container_registry",
)
# blocks whose `location` lists further regions holding a replica
REPLICA_BLOCKS = {"azurerm_cosmosdb_account": "geo_location", "azurerm_container_registry": "georeplications"}


def canonical(location: str) -> str:
    """"Japan East" -> "japaneast"."""
    return location.replace(" ", "").lower()


class AzureResourceInJapan(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Azure resource holding or processing data (and its replicas) is located in japaneast/japanwest",
            id="CKV_LGAI_6",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=DATA_TYPES,
            guideline="lgai LGAI-IAC-015 (GL:CLOUD-004, GL:PI-003, AIC:LOC-001): set location to japaneast or japanwest",
        )
        self.severity = Severities[BcSeverities.HIGH]

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        locations: list[tuple[str, Any]] = []
        value = conf.get("location")
        locations.append(("location", value[0] if isinstance(value, list) and value else None))
        block = REPLICA_BLOCKS.get(self.entity_type)
        for i, replica in enumerate((conf.get(block) or []) if block else []):
            if isinstance(replica, dict):
                loc = replica.get("location")
                locations.append((f"{block}/[{i}]/location", loc[0] if isinstance(loc, list) and loc else None))
        unknown = False
        for key, location in locations:
            if not isinstance(location, str) or not location or self._is_variable_dependant(location):
                unknown = True
                continue
            if canonical(location) not in JAPAN_REGIONS:
                self.evaluated_keys = [key]
                return CheckResult.FAILED
        self.evaluated_keys = [key for key, _ in locations]
        return CheckResult.UNKNOWN if unknown else CheckResult.PASSED


check = AzureResourceInJapan()
