# METADATA
# title: Answers used for information or decision support cite their sources and have a measured accuracy
# description: >-
#   Applies when the AI generates content (generation in service.ai_functions) and a use case gives
#   information or supports administrative decisions (task_impact information or admin_decision_support).
#   Answers show their grounds (sources), and accuracy has been measured on the municipality's own evaluation
#   data, since generated answers are expected to contain errors (hallucination).
# custom:
#   id: LGAI-AI-011
#   title_ja: 根拠の提示と正確性
#   description_ja: >-
#     AIが文章等を生成し(service.ai_functions に generation)、かつ情報提供または行政判断の支援に使う用途
#     (task_impact が information・admin_decision_support)がある場合に適用する。生成AIの回答には誤り(ハルシネーション)が
#     含まれうるため、回答に根拠(出典)を示し、自治体の評価データで正確性を測定しておく。
#   severity: medium
#   family: ai
#   catalog: ["AIC:OUT-005"]
#   source: "AI事業者ガイドライン 第1.2版 (2026-03-31, RAG の留意点); デジタル庁 テキスト生成AI利活用におけるリスクへの対策ガイドブック(α版) (ハルシネーション対策); 総務省 自治体におけるAI活用・導入ガイドブック 第4版 (2025-12-16)"
#   honesty: V/P
#   input: [architecture]
#   reads: ["service.ai_functions", "use_cases[].task_impact", "grounding.citations", "grounding.accuracy_measured"]
#   params: []
#   remediation_ja: "回答に根拠となる文書・出典を示す機能を設け grounding.citations: true とする。自治体の業務データに基づく評価セットで正確性を測定し accuracy_measured: true とする(結果は表明の証跡として示す)。"
#   remediation_en: Show the sources behind each answer (grounding.citations true) and measure accuracy on an evaluation set built from the municipality's work (accuracy_measured true; cite the results as evidence).
package lgai.rules.ai_011

import data.lgai.lib

gd_at := {"file": input._files.declaration, "path": "grounding"}

generation if "generation" in input.service.ai_functions

info_use_cases := sort({u.id | some u in input.use_cases; u.task_impact in {"information", "admin_decision_support"}})

applies if {
	generation
	count(info_use_cases) > 0
}

deny contains lib.finding(gd_at, "citations", ja, en, {"citations": input.grounding.citations, "use_cases": info_use_cases}) if {
	applies
	input.grounding.citations != true
	ja := sprintf("情報提供・判断支援に使う生成AIの回答に根拠(出典)が示されない (用途: %s)", [concat(", ", info_use_cases)])
	en := sprintf("generated answers used for information or decision support do not cite their sources (use cases: %s)", [concat(", ", info_use_cases)])
}

deny contains lib.finding(gd_at, "accuracy_measured", ja, en, {"accuracy_measured": input.grounding.accuracy_measured, "use_cases": info_use_cases}) if {
	applies
	input.grounding.accuracy_measured != true
	ja := sprintf("情報提供・判断支援に使う生成AIの正確性が自治体の評価データで測定されていない (用途: %s)", [concat(", ", info_use_cases)])
	en := sprintf("the accuracy of generated answers used for information or decision support has not been measured on municipal evaluation data (use cases: %s)", [concat(", ", info_use_cases)])
}

not_applicable contains lib.reason(
	"AIが文章・画像等を生成しない (ai_functions に generation がない)",
	"the AI does not generate content (no generation in ai_functions)",
) if {
	not generation
}

not_applicable contains lib.reason(
	"情報提供・行政判断の支援に生成AIを使う用途がない",
	"no use case relies on generated content for information or decision support",
) if {
	generation
	count(info_use_cases) == 0
}
