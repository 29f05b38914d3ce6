package lgai.rules.gov_003_test

import data.lgai.rules.gov_003
import data.lgai.testing as t

uc(i, p) := object.union(
	{
		"_at": {"file": "lgai.yaml", "path": sprintf("use_cases[%d]", [i])},
		"id": sprintf("uc%d", [i]), "description": "x", "user_scope": "staff_only", "task_impact": "drafting",
		"trains_on_confidential": false, "human_review": "always", "excluded_uses": [],
	},
	p,
)

use_cases(ucs) := t.with_patch({"use_cases": ucs})

test_low_risk_use_cases_are_not_applicable if {
	inp := use_cases([uc(0, {}), uc(1, {"task_impact": "information"})])
	count(gov_003.undetermined) == 0 with input as inp
	count(gov_003.not_applicable) == 1 with input as inp
	not gov_003.deny with input as inp
}

test_no_use_cases_is_not_applicable if {
	count(gov_003.undetermined) == 0 with input as t.base
	{r.en | some r in gov_003.not_applicable} == {"no use case is declared, so no high-risk candidate can be identified (see LGAI-GOV-002)"} with input as t.base
}

test_resident_use_case_is_a_candidate if {
	inp := use_cases([uc(0, {}), uc(1, {"user_scope": "residents"})])
	out := gov_003.undetermined with input as inp
	count(out) == 1
	some f in out
	f.at == {"file": "lgai.yaml", "path": "use_cases[1]"}
	f.field == ""
	f.values == {"user_scope": "residents"}
	count(gov_003.not_applicable) == 0 with input as inp
}

test_public_use_case_is_a_candidate if {
	{f.values | some f in gov_003.undetermined} == {{"user_scope": "public"}} with input as use_cases([uc(0, {"user_scope": "public"})])
}

test_decision_use_cases_are_candidates if {
	inp := use_cases([uc(0, {"task_impact": "admin_decision_support"}), uc(1, {"task_impact": "admin_decision"})])
	{[f.at.path, f.values] | some f in gov_003.undetermined} == {
		["use_cases[0]", {"task_impact": "admin_decision_support"}],
		["use_cases[1]", {"task_impact": "admin_decision"}],
	} with input as inp
}

test_training_on_confidential_is_a_candidate if {
	{f.values | some f in gov_003.undetermined} == {{"trains_on_confidential": true}} with input as use_cases([uc(0, {"trains_on_confidential": true})])
}

test_sampled_or_no_review_is_a_candidate if {
	inp := use_cases([uc(0, {"human_review": "sampled"}), uc(1, {"human_review": "none"})])
	{f.values | some f in gov_003.undetermined} == {{"human_review": "sampled"}, {"human_review": "none"}} with input as inp
}

test_every_signal_in_one_finding if {
	inp := use_cases([uc(0, {"id": "chat", "user_scope": "public", "task_impact": "admin_decision", "trains_on_confidential": true, "human_review": "none"})])
	out := gov_003.undetermined with input as inp
	count(out) == 1
	some f in out
	f.values == {"user_scope": "public", "task_impact": "admin_decision", "trains_on_confidential": true, "human_review": "none"}
	f.msg.ja == "用途 chat は高リスク候補 (利用者が職員に限られない、行政判断の支援または決定に使う、機密情報を学習させる、職員が出力を全件確認しない): リスク低減策と品質保証計画(運用段階を含む)の文書が必要"
}
