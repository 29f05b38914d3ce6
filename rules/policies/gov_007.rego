# METADATA
# title: The vendor's own use of AI on municipal work is declared and agreed in advance
# description: >-
#   Where the municipality's rules (a Kobe-type AI ordinance) require contractors to consult it before using
#   AI on its work (`contractor_ai_use_consent_required`), the vendor declares how its own staff use AI on
#   the municipality's work (support, development, data preparation, inputting work information) and obtains
#   the municipality's agreement in advance. Only a document can show this: the requirement is met by an
#   attestation citing the declaration and the agreement.
# custom:
#   id: LGAI-GOV-007
#   title_ja: 受託者のAI利用の事前協議
#   description_ja: >-
#     自治体の規程(神戸市のAI条例のように、受託者がAIを使う前に市と協議することを求めるもの)があり
#     contractor_ai_use_consent_required が true の場合に適用する。事業者は、自らの従業員が自治体の業務
#     (サポート・開発・データ準備、業務情報の入力)でAIを使う範囲を申告し、あらかじめ自治体の同意を得る。
#     文書でしか示せないため、申告と同意の記録を証跡とする表明(attestations)で充足する。
#   severity: medium
#   family: governance
#   catalog: ["AIC:PROC-003"]
#   source: "神戸市におけるAIの活用等に関する条例 (2024-03-29 公布, 2024-09-27 施行; 受託者はAIの利用・業務情報の入力の前に市と協議)"
#   honesty: V
#   input: [attestation]
#   reads: []
#   params: [contractor_ai_use_consent_required]
#   evidence_ja: 受託者が自治体の業務でAIを使う範囲の申告と、自治体との事前協議・同意の記録
#   evidence_en: The vendor's declaration of its own AI use on the municipality's work and the record of the municipality's prior agreement
#   remediation_ja: "自社の従業員が自治体の業務でAIを使う範囲(用途・入力する情報・使うサービス)を申告して自治体と事前に協議し、同意の記録を attestations に requirement: LGAI-GOV-007、文書名、日付とともに記載する。"
#   remediation_en: Declare how your staff use AI on the municipality's work (purposes, information entered, services used), agree it with the municipality in advance, and add an attestation (requirement LGAI-GOV-007) citing the agreement with a date.
package lgai.rules.gov_007

import data.lgai.lib

required if data.lgai.params.contractor_ai_use_consent_required == true

undetermined contains lib.finding({"file": input._files.declaration, "path": ""}, "attestations", ja, en, {"contractor_ai_use_consent_required": true}) if {
	required
	ja := "受託者が自治体の業務でAIを使う範囲の申告と、自治体との事前協議・同意の記録が必要"
	en := "needs the vendor's declaration of its own AI use on municipal work and the record of the municipality's prior agreement"
}

not_applicable contains lib.reason(
	"自治体に受託者のAI利用の事前協議を求める規程がない (contractor_ai_use_consent_required: false)",
	"the municipality has no rule requiring contractors to consult it before using AI (contractor_ai_use_consent_required: false)",
) if {
	not required
}
