# METADATA
# title: Users are warned at input and personal data is detected
# description: >-
#   Applies when the AI generates content (generation in service.ai_functions). The product supports the
#   municipality's generative-AI usage guideline at the point of input: it shows a warning (do not enter
#   confidential or personal information) or detects personal information automatically.
# custom:
#   id: LGAI-AI-014
#   title_ja: 入力時の注意と個人情報の検出
#   description_ja: >-
#     AIが文章等を生成する場合(service.ai_functions に generation)に適用する。自治体の生成AI利用ガイドラインを入力の場面で支えるため、
#     入力時に注意(機密情報・個人情報を入力しない等)を表示するか、個人情報を自動で検出する。
#   severity: low
#   family: ai
#   catalog: ["AIC:PROC-004"]
#   source: "総務省 自治体におけるAI活用・導入ガイドブック 第4版 (2025-12-16, 生成AIシステム利用ガイドラインのひな形); 東京都 文章生成AI利活用ガイドライン (2023-08-23)"
#   honesty: V
#   input: [architecture]
#   reads: ["service.ai_functions", "controls.input_warning", "controls.pii_detection"]
#   params: []
#   remediation_ja: "入力欄に注意表示(機密情報・個人情報を入力しない等)を出す(controls.input_warning: true)か、個人情報の自動検出を設ける(controls.pii_detection: true)。"
#   remediation_en: Show a warning at the input (no confidential or personal information; controls.input_warning true) or detect personal information automatically (controls.pii_detection true).
package lgai.rules.ai_014

import data.lgai.lib

ctl := input.controls

generation if "generation" in input.service.ai_functions

deny contains lib.finding(at, "input_warning", ja, en, {"input_warning": ctl.input_warning, "pii_detection": ctl.pii_detection}) if {
	generation
	ctl.input_warning != true
	ctl.pii_detection != true
	at := {"file": input._files.declaration, "path": "controls"}
	ja := "入力時の注意表示も個人情報の自動検出もない"
	en := "there is neither a warning at input nor automatic detection of personal information"
}

not_applicable contains lib.reason(
	"AIが文章・画像等を生成しない (ai_functions に generation がない)",
	"the AI does not generate content (no generation in ai_functions)",
) if {
	not generation
}
