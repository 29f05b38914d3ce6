# METADATA
# title: Harmful and discriminatory input and output are filtered
# description: >-
#   Applies when the AI generates content (generation in service.ai_functions). Content filters (guardrails)
#   are configured both on the input (harmful requests, personal data) and on the output (harmful or
#   discriminatory expressions).
# custom:
#   id: LGAI-AI-010
#   title_ja: 有害・差別的出力の制御
#   description_ja: >-
#     AIが文章等を生成する場合(service.ai_functions に generation)に適用する。入力(有害な指示・個人情報)と
#     出力(有害・差別的な表現)の両方にフィルタ(ガードレール)を設定する。
#   severity: high
#   family: ai
#   catalog: ["AIC:OUT-004"]
#   source: "デジタル庁 DS-920 生成AIの調達・利活用に係るガイドライン (2025-05-27, 調達チェックシート: 有害・差別的な出力の制御 — 報道による); AIセーフティ・インスティテュート AIセーフティに関する評価観点ガイド (有害情報の出力制御, 公平性と包摂性)"
#   honesty: V
#   input: [architecture]
#   reads: ["service.ai_functions", "guardrails.input_filter", "guardrails.output_filter"]
#   params: []
#   remediation_ja: "入力と出力の両方にコンテンツフィルタ(ガードレール)を設定し、guardrails.input_filter: true、guardrails.output_filter: true とする。"
#   remediation_en: Configure content filters (guardrails) on input and output and declare guardrails.input_filter and guardrails.output_filter true.
package lgai.rules.ai_010

import data.lgai.lib

gr_at := {"file": input._files.declaration, "path": "guardrails"}

generation if "generation" in input.service.ai_functions

deny contains lib.finding(gr_at, "input_filter", ja, en, {"input_filter": input.guardrails.input_filter}) if {
	generation
	input.guardrails.input_filter != true
	ja := "生成AIへの入力にフィルタ(有害な指示・個人情報の検知)が設定されていない"
	en := "no filter (harmful requests, personal data) is applied to the input of the generative AI"
}

deny contains lib.finding(gr_at, "output_filter", ja, en, {"output_filter": input.guardrails.output_filter}) if {
	generation
	input.guardrails.output_filter != true
	ja := "生成AIの出力に有害・差別的な表現のフィルタが設定されていない"
	en := "no filter for harmful or discriminatory expressions is applied to the output of the generative AI"
}

not_applicable contains lib.reason(
	"AIが文章・画像等を生成しない (ai_functions に generation がない)",
	"the AI does not generate content (no generation in ai_functions)",
) if {
	not generation
}
