package lgai.rules.gov_004_test

import data.lgai.rules.gov_004
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

test_no_use_cases_is_not_applicable if {
	count(gov_004.deny) == 0 with input as t.base
	count(gov_004.not_applicable) == 1 with input as t.base
}

test_drafting_only_is_not_applicable if {
	inp := use_cases([uc(0, {}), uc(1, {})])
	count(gov_004.deny) == 0 with input as inp
	count(gov_004.not_applicable) == 1 with input as inp
}

test_information_with_exclusions_passes if {
	inp := use_cases([uc(0, {}), uc(1, {"task_impact": "information", "excluded_uses": ["議会答弁の作成"]})])
	count(gov_004.deny) == 0 with input as inp
	count(gov_004.not_applicable) == 0 with input as inp
}

test_denies_decision_support_without_exclusions if {
	inp := use_cases([uc(0, {}), uc(1, {"id": "assess", "task_impact": "admin_decision_support"})])
	out := gov_004.deny with input as inp
	count(out) == 1
	some f in out
	f.at == {"file": "lgai.yaml", "path": "use_cases[1]"}
	f.field == "excluded_uses"
	f.values == {"task_impact": "admin_decision_support", "excluded_uses": []}
}

test_denies_each_use_case if {
	inp := use_cases([uc(0, {"task_impact": "information"}), uc(1, {"task_impact": "admin_decision"}), uc(2, {})])
	{f.at.path | some f in gov_004.deny} == {"use_cases[0]", "use_cases[1]"} with input as inp
}
