"""CKV_LGAI_2: an Azure OpenAI / AI Services model deployment processes data in its account's region.

`Global*` deployment types (GlobalStandard, GlobalProvisionedManaged, GlobalBatch) may process
prompts in any Azure region worldwide and `DataZone*` types anywhere in the data zone (the US or
the EU); neither keeps inference in Japan. Standard and ProvisionedManaged process data in the
account's region (whose location LGAI-IAC-015 and CKV_LGAI_6 check).
"""

from __future__ import annotations

from typing import Any

from checkov.common.bridgecrew.severities import BcSeverities, Severities
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck


class AzureDeploymentNotGlobal(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Azure OpenAI / AI Services deployment is a regional type (not Global* or DataZone*), so inference stays in the account's region",
            id="CKV_LGAI_2",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=("azurerm_cognitive_deployment",),
            guideline="lgai LGAI-IAC-016 (GL:CLOUD-005, AIC:LOC-001): use sku Standard or ProvisionedManaged in japaneast/japanwest",
        )
        self.severity = Severities[BcSeverities.HIGH]

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        self.evaluated_keys = ["sku/[0]/name"]
        sku = conf.get("sku")
        name = sku[0].get("name") if isinstance(sku, list) and sku and isinstance(sku[0], dict) else None
        name = name[0] if isinstance(name, list) and name else name
        if not isinstance(name, str) or self._is_variable_dependant(name):
            return CheckResult.UNKNOWN
        if name.lower().startswith(("global", "datazone")):
            return CheckResult.FAILED
        return CheckResult.PASSED


check = AzureDeploymentNotGlobal()
