# METADATA
# title: Every AI component is declared as an AI model
# description: >-
#   Every component that runs AI inference (kind ai_inference) is named by at least one entry of ai_models,
#   with provider, model, version and region, so that the AI-specific checks (training use, retention,
#   location, change notice) cover it. A service that declares AI functions but no AI model fails.
# custom:
#   id: LGAI-AI-008
#   title_ja: AI構成要素の申告
#   description_ja: >-
#     AI推論を行う構成要素(kind: ai_inference)は、少なくとも1つの ai_models の項目で提供者・モデル名・バージョン・
#     リージョンとともに申告する。申告されないAIには学習利用・保持期間・所在地・変更通知の確認が及ばないためである。
#     AI機能を宣言しながらAIモデルを1つも申告しないサービスは不適合とする。
#   severity: high
#   family: ai
#   catalog: ["AIC:GOV-001"]
#   source: "デジタル庁 DS-920 生成AIの調達・利活用に係るガイドライン (2025-05-27, CAIO による生成AIシステムの把握・定期報告); AI事業者ガイドライン (透明性)"
#   honesty: V/P
#   input: [architecture]
#   reads: ["components[].kind", "ai_models[].component", "service.ai_functions"]
#   params: []
#   remediation_ja: "AI推論を行う構成要素ごとに、提供者・モデル名・固定バージョン・推論リージョンを ai_models に記載する(再委託先が提供するモデルや組み込みのモデルも含む)。"
#   remediation_en: Declare every model behind each AI inference component in ai_models (provider, model, pinned version, inference region), including embedded and sub-processor models.
package lgai.rules.ai_008

import data.lgai.lib

modelled := {m.component | some m in input.ai_models}

deny contains lib.finding(c._at, "kind", ja, en, {"kind": "ai_inference"}) if {
	some c in input.components
	c.kind == "ai_inference"
	not c.id in modelled
	ja := sprintf("AI推論を行う構成要素 %s のAIモデルが ai_models に申告されていない", [c.id])
	en := sprintf("AI inference component %s: no AI model in ai_models runs on it", [c.id])
}

deny contains lib.finding({"file": input._files.declaration, "path": ""}, "ai_models", ja, en, {"ai_functions": input.service.ai_functions}) if {
	count(input.service.ai_functions) > 0
	count(input.ai_models) == 0
	ja := sprintf("AI機能 (%s) を宣言しているが、AIモデルが1つも申告されていない", [concat(", ", input.service.ai_functions)])
	en := sprintf("the service declares AI functions (%s) but no AI model", [concat(", ", input.service.ai_functions)])
}
