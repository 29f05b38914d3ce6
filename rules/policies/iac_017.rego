# METADATA
# title: IaC AI models are pinned to a version and not upgraded automatically
# description: >-
#   A managed AI model deployed through IaC is pinned to a model version and the provider is not allowed to
#   upgrade it automatically (Azure OpenAI `version_upgrade_option` other than NoAutoUpgrade, or no version at
#   all), so that the model the municipality evaluated is the model that runs and a change goes through
#   notice and re-evaluation. An Azure OpenAI deployment without a version fails; for other services a model
#   whose version the template does not show needs an attestation.
# custom:
#   id: LGAI-IAC-017
#   title_ja: IaC の AI モデルのバージョン固定 (自動更新なし)
#   description_ja: >-
#     IaC でデプロイする AI モデルはバージョンを固定し、提供者による自動更新を許可しない (Azure OpenAI の
#     version_upgrade_option を NoAutoUpgrade 以外にしない・バージョンを省略しない)。自治体が評価したモデルが
#     そのまま動き、変更は通知と再評価を経るようにするため。バージョンのない Azure OpenAI デプロイは不適合、
#     それ以外のサービスでバージョンをテンプレートから判断できない場合は表明が必要。
#   severity: high
#   family: ai
#   catalog: ["GL:AI-006", "AIC:CHG-001"]
#   source: "総務省 自治体におけるAI活用・導入ガイドブック (導入後の更新); AI catalog CHG-001; Azure OpenAI model versions / version_upgrade_option (vendor docs)"
#   honesty: V/P
#   input: [iac]
#   reads: ["iac.resources[].category", "iac.resources[].ai.service", "iac.resources[].ai.model", "iac.resources[].ai.model_version", "iac.resources[].ai.auto_upgrade"]
#   params: []
#   remediation_ja: >-
#     モデルのバージョンを固定する (azurerm_cognitive_deployment の model.version を指定し version_upgrade_option =
#     "NoAutoUpgrade"、Bedrock は日付・版付きのモデル ID (例 anthropic.claude-3-5-sonnet-20240620-v1:0)、Vertex
#     AI は版付きのモデル名 (例 gemini-1.5-pro-002) を使い、エイリアスや latest を使わない)。
#   remediation_en: >-
#     Pin the model version (azurerm_cognitive_deployment model.version with version_upgrade_option = "NoAutoUpgrade";
#     dated, versioned Bedrock model ids such as anthropic.claude-3-5-sonnet-20240620-v1:0; versioned Vertex AI model
#     names such as gemini-1.5-pro-002; no aliases or latest).
package lgai.rules.iac_017

import data.lgai.lib

models contains r if {
	some r in input.iac.resources
	r.category == "ai"
	r.ai != null
	r.ai.model != null
}

models contains r if {
	some r in input.iac.resources
	r.category == "ai"
	r.ai != null
	r.ai.auto_upgrade != null
}

deny contains lib.finding(r._at, "ai.auto_upgrade", ja, en, {"model": r.ai.model, "model_version": r.ai.model_version, "auto_upgrade": true}) if {
	some r in models
	r.ai.auto_upgrade == true
	ja := sprintf("%s (%s) のモデル %v は提供者が自動で更新する設定", [r.address, r.type, r.ai.model])
	en := sprintf("%s (%s) lets the provider upgrade model %v automatically", [r.address, r.type, r.ai.model])
}

deny contains lib.finding(r._at, "ai.model_version", ja, en, {"model": r.ai.model, "model_version": null}) if {
	some r in models
	r.ai.service == "azure_openai"
	r.ai.model != null
	r.ai.model_version == null
	r.ai.auto_upgrade != true
	ja := sprintf("%s (%s) のモデル %s のバージョンが固定されていない", [r.address, r.type, r.ai.model])
	en := sprintf("%s (%s) does not pin the version of model %s", [r.address, r.type, r.ai.model])
}

undetermined contains lib.finding(r._at, "ai.model_version", ja, en, {"model": r.ai.model, "model_version": null}) if {
	some r in models
	r.ai.service != "azure_openai"
	r.ai.model != null
	r.ai.model_version == null
	r.ai.auto_upgrade != true
	ja := sprintf("%s (%s) のモデル %s のバージョンをテンプレートから判断できない", [r.address, r.type, r.ai.model])
	en := sprintf("the template does not show which version of model %s %s (%s) uses", [r.ai.model, r.address, r.type])
}

not_applicable contains lib.reason("IaC で AI モデルをデプロイしていない", "no AI model is deployed through IaC") if {
	count(models) == 0
}
