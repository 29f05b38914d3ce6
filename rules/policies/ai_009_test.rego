package lgai.rules.ai_009_test

import data.lgai.rules.ai_009
import data.lgai.testing as t

tr_at := {"file": "lgai.yaml", "path": "transparency"}

uc(i, p) := object.union(
	{
		"_at": {"file": "lgai.yaml", "path": sprintf("use_cases[%d]", [i])},
		"id": sprintf("uc%d", [i]), "description": "x", "user_scope": "staff_only", "task_impact": "drafting",
		"trains_on_confidential": false, "human_review": "always", "excluded_uses": [],
	},
	p,
)

labelled := t.with_patch({"transparency": {"ai_label_supported": true}})

test_base_without_label_fails if {
	out := ai_009.deny with input as t.base
	count(out) == 1
	some f in out
	f.at == tr_at
	f.field == "ai_label_supported"
	f.values == {"ai_label_supported": null}
}

test_staff_service_with_label_support_passes if {
	count(ai_009.deny) == 0 with input as labelled
	count(ai_009.not_applicable) == 0 with input as labelled
}

test_not_applicable_without_generation if {
	inp := t.with_patch({"service": {"ai_functions": ["identification", "prediction"]}})
	count(ai_009.deny) == 0 with input as inp
	count(ai_009.not_applicable) == 1 with input as inp
}

# Branch 2: resident-facing output without the label on by default.
test_denies_resident_facing_without_default_label if {
	inp := t.patch(labelled, {"service": {"resident_facing": true}})
	out := ai_009.deny with input as inp
	count(out) == 1
	some f in out
	f.at == tr_at
	f.field == "ai_label_default"
	f.values == {"ai_label_default": null, "resident_facing": true, "use_cases": []}
}

test_denies_public_use_case_without_default_label if {
	inp := t.patch(labelled, {"use_cases": [uc(0, {}), uc(1, {"id": "web", "user_scope": "public"})], "transparency": {"ai_label_default": false}})
	out := ai_009.deny with input as inp
	{f.values | some f in out} == {{"ai_label_default": false, "resident_facing": false, "use_cases": ["web"]}}
}

test_resident_facing_with_default_label_passes if {
	inp := t.patch(labelled, {"service": {"resident_facing": true}, "transparency": {"ai_label_default": true}})
	count(ai_009.deny) == 0 with input as inp
}

test_staff_use_cases_need_no_default_label if {
	inp := t.patch(labelled, {"use_cases": [uc(0, {})]})
	count(ai_009.deny) == 0 with input as inp
}

test_both_branches if {
	inp := t.with_patch({"service": {"resident_facing": true}})
	t.fields(ai_009.deny) == {"ai_label_supported", "ai_label_default"} with input as inp
}
