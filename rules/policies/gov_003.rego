# METADATA
# title: High-risk candidate use cases come with a risk-mitigation plan and a QA plan
# description: >-
#   A use case is a high-risk candidate under the DS-920 screening when residents or the public use it
#   (user_scope not staff_only), when it supports or makes administrative decisions (task_impact
#   admin_decision_support or admin_decision), when confidential information is learned by the model
#   (trains_on_confidential), or when staff do not review every output (human_review not always). For each
#   candidate the vendor supplies a risk-mitigation plan and a quality-assurance plan (including the operation
#   phase) for the municipality's AI officer to review. Configuration cannot show these documents: the
#   requirement is met by an attestation citing them, no older than 365 days.
# custom:
#   id: LGAI-GOV-003
#   title_ja: 高リスク候補の追加証跡
#   description_ja: >-
#     DS-920 の高リスク判定で、利用者が職員に限られない(user_scope が staff_only 以外)、行政判断の支援・決定に使う
#     (task_impact が admin_decision_support・admin_decision)、機密情報を学習させる(trains_on_confidential)、
#     職員が出力を全件確認しない(human_review が always 以外)のいずれかにあたる用途は高リスク候補とする。
#     高リスク候補の用途ごとに、事業者はリスク低減策と品質保証計画(運用段階を含む)を示し、自治体のAI統括責任者が確認する。
#     これらの文書は構成からは確認できないため、文書を証跡とする表明(365日以内)で充足する。
#   severity: critical
#   family: governance
#   catalog: ["AIC:GOV-003"]
#   source: "デジタル庁 DS-920 生成AIの調達・利活用に係るガイドライン (2025-05-27, 高リスク判定シート; 高リスクの案件はリスク低減策・品質保証計画とともに CAIO を経て報告); 総務省 自治体におけるAIの利用に関するWG 報告書 (2025-07-23, 自治体のCAIO)"
#   honesty: V/P
#   input: [architecture, attestation]
#   reads: ["use_cases[].user_scope", "use_cases[].task_impact", "use_cases[].trains_on_confidential", "use_cases[].human_review"]
#   params: []
#   max_age_days: 365
#   evidence_ja: 高リスク候補の用途ごとのリスク低減策と品質保証計画(運用段階を含む)。日付のあるもの
#   evidence_en: A dated risk-mitigation plan and quality-assurance plan (including the operation phase) for each high-risk candidate use case
#   remediation_ja: "高リスク候補の用途について、リスク低減策と品質保証計画(運用段階を含む)を作成して自治体のAI統括責任者に示し、attestations に requirement: LGAI-GOV-003、文書名、日付を記載する。"
#   remediation_en: Write a risk-mitigation plan and a quality-assurance plan (including operation) for each high-risk candidate use case, give them to the municipality's AI officer, and add an attestation (requirement LGAI-GOV-003) citing them with a date.
package lgai.rules.gov_003

import data.lgai.lib

viewpoints := ["user_scope", "task_impact", "trains_on_confidential", "human_review"]

label_ja := {
	"user_scope": "利用者が職員に限られない",
	"task_impact": "行政判断の支援または決定に使う",
	"trains_on_confidential": "機密情報を学習させる",
	"human_review": "職員が出力を全件確認しない",
}

label_en := {
	"user_scope": "not staff only",
	"task_impact": "supports or makes administrative decisions",
	"trains_on_confidential": "trains on confidential information",
	"human_review": "staff do not review every output",
}

high("user_scope", v) if v != "staff_only"

high("task_impact", v) if v in {"admin_decision_support", "admin_decision"}

high("trains_on_confidential", v) if v == true

high("human_review", v) if v != "always"

# The viewpoints of use case `u` that signal high risk, with their values.
signals(u) := {k: u[k] | some k in viewpoints; high(k, u[k])}

undetermined contains lib.finding(u._at, "", ja, en, s) if {
	some u in input.use_cases
	s := signals(u)
	count(s) > 0
	ja_why := [label_ja[k] | some k in viewpoints; s[k] != null]
	en_why := [label_en[k] | some k in viewpoints; s[k] != null]
	ja := sprintf("用途 %s は高リスク候補 (%s): リスク低減策と品質保証計画(運用段階を含む)の文書が必要", [u.id, concat("、", ja_why)])
	en := sprintf("use case %s is a high-risk candidate (%s): needs a risk-mitigation plan and a quality-assurance plan including operation", [u.id, concat("; ", en_why)])
}

candidate_exists if {
	some u in input.use_cases
	count(signals(u)) > 0
}

not_applicable contains lib.reason(
	"高リスク候補の用途がない(すべて職員のみが利用し、行政判断に使わず、機密情報を学習させず、職員が全件確認する)",
	"no use case is a high-risk candidate (all are staff-only, not used for administrative decisions, do not train on confidential data, and every output is reviewed)",
) if {
	count(input.use_cases) > 0
	not candidate_exists
}

not_applicable contains lib.reason(
	"用途 (use_cases) が宣言されていないため高リスク候補を判定できない (LGAI-GOV-002 を参照)",
	"no use case is declared, so no high-risk candidate can be identified (see LGAI-GOV-002)",
) if {
	count(input.use_cases) == 0
}
