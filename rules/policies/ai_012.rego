# METADATA
# title: AI quality is monitored in operation and re-evaluated after changes
# description: >-
#   Applies when the service declares an AI model. Quality metrics are monitored in operation
#   (quality_monitoring.metrics), and the service is re-evaluated on every trigger in
#   `required_reevaluation_triggers` (default a model change); for generative AI also when the system
#   prompt changes, and with RAG also when the retrieval sources change (rag_source_change).
# custom:
#   id: LGAI-AI-012
#   title_ja: 運用中の品質監視と再評価
#   description_ja: >-
#     AIモデルを申告するサービスに適用する。運用中に品質指標を監視し(quality_monitoring.metrics)、
#     required_reevaluation_triggers に挙げた契機(既定はモデルの変更)ごとに再評価する。生成AIではシステム
#     プロンプトの変更、RAGを使う場合は参照データの変更(rag_source_change)も再評価の契機とする。
#   severity: high
#   family: ai
#   catalog: ["AIC:QA-002"]
#   source: "AIセーフティ・インスティテュート AIセーフティに関する評価観点ガイド 第1.10版 (2025-03-28, ライフサイクルを通じた繰り返しの評価); AI事業者ガイドライン (運用時の監視)"
#   honesty: V/P
#   input: [architecture]
#   reads: ["ai_models[].id", "quality_monitoring.metrics", "quality_monitoring.reevaluation_triggers", "customization.rag", "service.ai_functions"]
#   params: [required_reevaluation_triggers]
#   remediation_ja: "運用中に監視する品質指標(回答の正確性、有害出力の検知率など)を quality_monitoring.metrics に記載し、モデル・システムプロンプト・RAG参照データの変更時に再評価する旨を reevaluation_triggers に記載する。"
#   remediation_en: List the quality metrics monitored in operation (answer accuracy, harmful-output rate ...) in quality_monitoring.metrics and declare re-evaluation on model, system-prompt and RAG-source changes in reevaluation_triggers.
package lgai.rules.ai_012

import data.lgai.lib

qm := input.quality_monitoring

qm_at := {"file": input._files.declaration, "path": "quality_monitoring"}

has_models if count(input.ai_models) > 0

required_triggers contains tr if {
	some tr in data.lgai.params.required_reevaluation_triggers
}

required_triggers contains "rag_source_change" if input.customization.rag == true

# A system prompt exists only where the AI generates text.
required_triggers contains "system_prompt_change" if "generation" in input.service.ai_functions

missing_triggers := {tr | some tr in required_triggers; not tr in qm.reevaluation_triggers}

deny contains lib.finding(qm_at, "metrics", ja, en, {"metrics": qm.metrics}) if {
	has_models
	count(qm.metrics) == 0
	ja := "運用中に監視するAIの品質指標が宣言されていない"
	en := "no AI quality metric is monitored in operation"
}

deny contains lib.finding(qm_at, "reevaluation_triggers", ja, en, {"missing": missing, "reevaluation_triggers": qm.reevaluation_triggers}) if {
	has_models
	count(missing_triggers) > 0
	missing := sort(missing_triggers)
	ja := sprintf("再評価の契機に %s が含まれていない", [concat(", ", missing)])
	en := sprintf("the re-evaluation triggers do not include %s", [concat(", ", missing)])
}

not_applicable contains lib.reason("AIモデルが宣言されていない", "no AI model is declared") if {
	not has_models
}
