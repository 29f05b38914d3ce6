# METADATA
# title: Resident-facing AI tells users it is AI, states its limits and offers a human contact
# description: >-
#   Applies when residents or the public use the AI directly (service.resident_facing, or a use case with
#   user_scope residents or public). The service shows a notice that the user is dealing with an AI, a notice
#   of the limits of its answers, a route to a staff member, and terms of use.
# custom:
#   id: LGAI-AI-007
#   title_ja: 住民向けAIの告知
#   description_ja: >-
#     住民・一般の利用者がAIを直接使う場合(service.resident_facing、または user_scope が residents・public の用途)に適用する。
#     AIが応答していることの告知文、回答の限界の告知、職員への問い合わせ経路、利用規約を示す。
#   severity: high
#   family: ai
#   catalog: ["GL:AI-009", "AIC:OUT-003"]
#   source: "神戸市におけるAIの活用等に関する条例 (2024-03-29 公布, AIチャットボットの条項); デジタル庁 DS-920 第2.0版 (2026-06-12, 住民向け生成AIの利用規約: 資料は非公開); AI事業者ガイドライン (透明性)"
#   honesty: V/P
#   input: [architecture]
#   reads: ["service.resident_facing", "use_cases[].user_scope", "transparency.ai_disclosure_text", "transparency.limitations_notice", "transparency.human_contact", "transparency.terms_of_use"]
#   params: []
#   remediation_ja: "住民向けの画面に、AIが応答していること(transparency.ai_disclosure_text)、回答の限界(limitations_notice: true)、職員への問い合わせ経路(human_contact)、利用規約(terms_of_use)を示す。"
#   remediation_en: Show residents an AI disclosure (transparency.ai_disclosure_text), a notice of the answers' limits (limitations_notice true), a route to a staff member (human_contact) and terms of use (terms_of_use).
package lgai.rules.ai_007

import data.lgai.lib

tr := input.transparency

tr_at := {"file": input._files.declaration, "path": "transparency"}

resident_use_cases := sort({u.id | some u in input.use_cases; u.user_scope in {"residents", "public"}})

resident_facing if input.service.resident_facing == true

resident_facing if count(resident_use_cases) > 0

blank(v) if v == null

blank(v) if {
	is_string(v)
	trim_space(v) == ""
}

deny contains lib.finding(tr_at, "ai_disclosure_text", ja, en, {"ai_disclosure_text": tr.ai_disclosure_text}) if {
	resident_facing
	blank(tr.ai_disclosure_text)
	ja := "住民向けのAIで、AIが応答していることの告知文が示されていない"
	en := "resident-facing AI: no notice tells users that they are dealing with an AI"
}

deny contains lib.finding(tr_at, "limitations_notice", ja, en, {"limitations_notice": tr.limitations_notice}) if {
	resident_facing
	tr.limitations_notice != true
	ja := "住民向けのAIで、回答の限界(誤りを含みうること等)が告知されていない"
	en := "resident-facing AI: the limits of its answers (they may be wrong) are not stated"
}

deny contains lib.finding(tr_at, "human_contact", ja, en, {"human_contact": tr.human_contact}) if {
	resident_facing
	blank(tr.human_contact)
	ja := "住民向けのAIで、職員への問い合わせ経路が示されていない"
	en := "resident-facing AI: no route to a staff member is offered"
}

deny contains lib.finding(tr_at, "terms_of_use", ja, en, {"terms_of_use": tr.terms_of_use}) if {
	resident_facing
	blank(tr.terms_of_use)
	ja := "住民向けのAIで、利用規約が示されていない"
	en := "resident-facing AI: no terms of use are given"
}

not_applicable contains lib.reason(
	"住民・一般の利用者がAIを直接使わない(職員のみが利用)",
	"residents and the public do not use the AI directly (staff only)",
) if {
	not resident_facing
}
