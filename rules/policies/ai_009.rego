# METADATA
# title: AI-generated material can be labelled as such
# description: >-
#   Applies when the AI generates content (generation in service.ai_functions). The product can mark content
#   as AI-generated, for internal decision documents and for publication. Where residents or the public see
#   the output (service.resident_facing, or a use case with user_scope residents or public), the label is on
#   by default.
# custom:
#   id: LGAI-AI-009
#   title_ja: AI生成物の明示
#   description_ja: >-
#     AIが文章等を生成する場合(service.ai_functions に generation)に適用する。生成物にAIによることを表示でき、
#     庁内の起案文書にも公表時にも使えること。住民・一般の利用者が出力を見る場合(service.resident_facing、
#     または user_scope が residents・public の用途)は、その表示を既定で有効にする。
#   severity: medium
#   family: ai
#   catalog: ["AIC:OUT-002"]
#   source: "東京都 文章生成AI利活用ガイドライン (2023-08-23, 外部に出す際の明示); 飯山市 生成AIの庁内業務利用に関するルール (起案文書への記載); 総務省 自治体におけるAIの利用に関するWG 報告書 (2025-07-23, 公表時の明示)"
#   honesty: V
#   input: [architecture]
#   reads: ["service.ai_functions", "service.resident_facing", "use_cases[].user_scope", "transparency.ai_label_supported", "transparency.ai_label_default"]
#   params: []
#   remediation_ja: "生成物にAIによる旨を表示する機能を設け transparency.ai_label_supported: true とする。住民・一般向けの用途では表示を既定で有効にし ai_label_default: true とする。"
#   remediation_en: Provide an AI-generated label (transparency.ai_label_supported true) and turn it on by default for resident or public use (ai_label_default true).
package lgai.rules.ai_009

import data.lgai.lib

tr := input.transparency

tr_at := {"file": input._files.declaration, "path": "transparency"}

generation if "generation" in input.service.ai_functions

resident_use_cases := sort({u.id | some u in input.use_cases; u.user_scope in {"residents", "public"}})

resident_facing if input.service.resident_facing == true

resident_facing if count(resident_use_cases) > 0

deny contains lib.finding(tr_at, "ai_label_supported", ja, en, {"ai_label_supported": tr.ai_label_supported}) if {
	generation
	tr.ai_label_supported != true
	ja := "AI生成物であることを表示する機能がない"
	en := "the product cannot label material as AI-generated"
}

deny contains lib.finding(tr_at, "ai_label_default", ja, en, values) if {
	generation
	resident_facing
	tr.ai_label_default != true
	values := {"ai_label_default": tr.ai_label_default, "resident_facing": input.service.resident_facing, "use_cases": resident_use_cases}
	ja := "住民・一般向けの生成物で、AI生成物である旨の表示が既定で有効になっていない"
	en := "the AI-generated label is not on by default for output seen by residents or the public"
}

not_applicable contains lib.reason(
	"AIが文章・画像等を生成しない (ai_functions に generation がない)",
	"the AI does not generate content (no generation in ai_functions)",
) if {
	not generation
}
