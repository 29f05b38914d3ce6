# METADATA
# title: Every AI service in the IaC is declared as an AI component
# description: >-
#   Each managed AI resource in the IaC (Bedrock model, agent or inference profile, Azure OpenAI / AI services
#   account and deployment, Vertex AI endpoint, SageMaker endpoint) is linked to a declared component that runs
#   AI — of kind ai_inference, or named by an ai_models[] entry. An AI service used but not declared escapes
#   every AI requirement (training use, retention, location, model pinning).
# custom:
#   id: LGAI-CON-004
#   title_ja: IaC の AI サービスが AI 構成要素として申告されている
#   description_ja: >-
#     IaC のマネージド AI リソース (Bedrock のモデル・エージェント・推論プロファイル、Azure OpenAI / AI サービスの
#     アカウントとデプロイ、Vertex AI・SageMaker のエンドポイント) は、AI を実行する構成要素 (kind ai_inference、
#     または ai_models[] が指す構成要素) に対応付けられていなければならない。申告されていない AI サービスは、
#     学習利用・保持・所在地・版固定など AI の要件の判定から漏れる。
#   severity: high
#   family: ai
#   catalog: ["AIC:GOV-001"]
#   source: "AI catalog GOV-001 (AI 構成要素の申告; IaC の未申告 AI エンドポイントは不適合)"
#   honesty: P
#   input: [architecture, iac]
#   reads: ["iac.resources[].category", "iac.resources[].ai.service", "iac.resources[].holds.components", "components[].kind", "components[].iac_resources", "ai_models[].component"]
#   params: []
#   remediation_ja: >-
#     AI リソースを AI 構成要素に対応付ける (components[].iac_resources に "azurerm_cognitive_*.*" のようなパターンを書くか、
#     リソースに lgai-component タグ・ラベルを付ける)。構成要素がなければ kind: ai_inference の構成要素と ai_models[] を
#     申告する。
#   remediation_en: >-
#     Link the AI resource to its AI component (a pattern such as "azurerm_cognitive_*.*" in components[].iac_resources, or
#     an lgai-component tag or label on the resource). If there is no such component, declare one of kind ai_inference
#     with its ai_models[] entry.
package lgai.rules.con_004

import data.lgai.lib

ai_resources contains r if {
	some r in input.iac.resources
	r.category == "ai"
}

declared_ai(r) if {
	some cid in r.holds.components
	lib.is_ai_component(cid)
}

deny contains lib.finding(r._at, "holds.components", ja, en, {"type": r.type, "service": service(r), "components": r.holds.components}) if {
	some r in ai_resources
	not declared_ai(r)
	ja := sprintf("AI リソース %s (%s) が AI 構成要素として申告されていない (対応付け: %s)", [r.address, r.type, linked(r)])
	en := sprintf("AI resource %s (%s) is not declared as an AI component (linked to: %s)", [r.address, r.type, linked(r)])
}

service(r) := r.ai.service if {
	r.ai != null
} else := null

linked(r) := "-" if {
	count(r.holds.components) == 0
} else := concat(", ", r.holds.components)

not_applicable contains lib.reason("IaC に AI リソースがない", "no AI resource in IaC") if {
	count(ai_resources) == 0
}
