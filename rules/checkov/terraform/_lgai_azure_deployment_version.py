"""CKV_LGAI_3: an Azure OpenAI / AI Services deployment pins its model version and is not upgraded
automatically.

Without `model.version` the service deploys its current default version, and
`version_upgrade_option` defaults to OnceNewDefaultVersionAvailable: either way the model can
change after acceptance testing without the municipality being told. OnceCurrentVersionExpired
also upgrades automatically (at retirement). Only NoAutoUpgrade with a pinned version passes.
"""

from __future__ import annotations

from typing import Any

from checkov.common.bridgecrew.severities import BcSeverities, Severities
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


class AzureDeploymentVersionPinned(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Azure OpenAI / AI Services deployment pins model.version and sets version_upgrade_option = NoAutoUpgrade",
            id="CKV_LGAI_3",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=("azurerm_cognitive_deployment",),
            guideline="lgai LGAI-IAC-017 (GL:AI-006): pin model.version and set version_upgrade_option = \"NoAutoUpgrade\"",
        )
        self.severity = Severities[BcSeverities.HIGH]

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        self.evaluated_keys = ["model/[0]/version", "version_upgrade_option"]
        model = _first(conf.get("model"))
        version = _first(model.get("version")) if isinstance(model, dict) else None
        option = _first(conf.get("version_upgrade_option"))
        for value in (version, option):
            if isinstance(value, str) and self._is_variable_dependant(value):
                return CheckResult.UNKNOWN
        if not version:
            return CheckResult.FAILED
        # provider default: OnceNewDefaultVersionAvailable
        if option != "NoAutoUpgrade":
            return CheckResult.FAILED
        return CheckResult.PASSED


check = AzureDeploymentVersionPinned()
