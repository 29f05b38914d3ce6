# METADATA
# title: Provider-side retention of inputs is declared and bounded
# description: >-
#   Every AI model declares how many days the provider keeps inputs (0 = not kept). The period is at most
#   `max_input_retention_days`. Where personal or 機密性2+ data reaches the model, inputs are not kept
#   (zero retention) unless the flow is an entrustment (委託) under a processing contract, and provider staff
#   do not review inputs.
# custom:
#   id: LGAI-AI-002
#   title_ja: 入力データの保持期間
#   description_ja: >-
#     AIモデルごとに提供者が入力を保持する日数(0=保持しない)を宣言し、max_input_retention_days 以下とする。
#     個人情報・機密性2以上が入力される場合は、委託契約(legal_relation: entrustment)がない限り保持しない。
#     提供者の従業員による入力の閲覧は認めない。
#   severity: high
#   family: ai
#   catalog: ["AIC:DATA-002"]
#   source: "個人情報保護委員会 生成AIサービスの利用に関する注意喚起等 (2023-06-02) — 保持日数の上限は提案値"
#   honesty: V/P
#   input: [architecture, dataflows]
#   reads: ["ai_models[].input_retention_days", "ai_models[].provider_human_review", "flows[].legal_relation"]
#   params: [max_input_retention_days]
#   remediation_ja: "ゼロデータ保持(ZDR)を契約し ai_models[].input_retention_days: 0 と記載する。保持する場合は委託契約を結び日数を上限以下にする。"
#   remediation_en: Contract zero data retention and declare input_retention_days 0; where inputs are kept, use an entrustment contract and stay within the limit.
package lgai.rules.ai_002

import data.lgai.lib

deny contains lib.finding(m._at, "input_retention_days", ja, en, {}) if {
	some m in input.ai_models
	m.input_retention_days == null
	ja := sprintf("AIモデル %s の入力保持日数が宣言されていない", [m.id])
	en := sprintf("AI model %s: input retention is not declared", [m.id])
}

deny contains lib.finding(m._at, "input_retention_days", ja, en, {"input_retention_days": d, "maximum": maximum}) if {
	some m in input.ai_models
	d := m.input_retention_days
	maximum := data.lgai.params.max_input_retention_days
	d != null
	d > maximum
	ja := sprintf("AIモデル %s の入力保持 %d 日が上限 %d 日を超える", [m.id, d, maximum])
	en := sprintf("AI model %s keeps inputs %d days, more than the maximum %d", [m.id, d, maximum])
}

deny contains lib.finding(m._at, "input_retention_days", ja, en, {"input_retention_days": m.input_retention_days}) if {
	some m in input.ai_models
	lib.protected(input.components[m.component].received)
	m.input_retention_days != null
	m.input_retention_days > 0
	not entrusted(m.component)
	ja := sprintf("AIモデル %s は個人情報・機密性2以上の入力を %d 日保持するが、委託契約の流れとして宣言されていない", [m.id, m.input_retention_days])
	en := sprintf("AI model %s keeps personal/機密性2+ inputs %d days without an entrustment flow", [m.id, m.input_retention_days])
}

deny contains lib.finding(m._at, "provider_human_review", ja, en, {"provider_human_review": true}) if {
	some m in input.ai_models
	lib.protected(input.components[m.component].received)
	m.provider_human_review == true
	ja := sprintf("AIモデル %s の提供者の従業員が個人情報・機密性2以上の入力を閲覧しうる", [m.id])
	en := sprintf("provider staff may review personal/機密性2+ inputs of AI model %s", [m.id])
}

# Every protected flow into the model's component is declared as an entrustment.
entrusted(cid) if {
	flows := [f | some f in input.flows; f.to.component == cid; lib.protected({"conf_rank_max": f.conf_rank, "personal_rank_max": f.personal_rank})]
	count(flows) > 0
	every f in flows {
		f.legal_relation == "entrustment"
	}
}

not_applicable contains lib.reason("AIモデルが宣言されていない", "no AI model is declared") if {
	count(input.ai_models) == 0
}
