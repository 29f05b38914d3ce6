package lgai.rules.ai_011_test

import data.lgai.rules.ai_011
import data.lgai.testing as t

gd_at := {"file": "lgai.yaml", "path": "grounding"}

uc(i, p) := object.union(
	{
		"_at": {"file": "lgai.yaml", "path": sprintf("use_cases[%d]", [i])},
		"id": sprintf("uc%d", [i]), "description": "x", "user_scope": "staff_only", "task_impact": "drafting",
		"trains_on_confidential": false, "human_review": "always", "excluded_uses": [],
	},
	p,
)

qa := t.with_patch({
	"use_cases": [uc(0, {}), uc(1, {"id": "faq", "task_impact": "information"}), uc(2, {"id": "assess", "task_impact": "admin_decision_support"})],
	"grounding": {"citations": true, "accuracy_measured": true},
})

test_grounded_and_measured_passes if {
	count(ai_011.deny) == 0 with input as qa
	count(ai_011.not_applicable) == 0 with input as qa
}

test_base_without_use_cases_is_not_applicable if {
	count(ai_011.deny) == 0 with input as t.base
	{r.en | some r in ai_011.not_applicable} == {"no use case relies on generated content for information or decision support"} with input as t.base
}

test_drafting_only_is_not_applicable if {
	inp := t.with_patch({"use_cases": [uc(0, {}), uc(1, {"task_impact": "drafting"})]})
	count(ai_011.deny) == 0 with input as inp
	count(ai_011.not_applicable) == 1 with input as inp
}

test_not_applicable_without_generation if {
	inp := t.patch(qa, {"service": {"ai_functions": ["prediction"]}, "grounding": {"citations": false, "accuracy_measured": false}})
	count(ai_011.deny) == 0 with input as inp
	{r.en | some r in ai_011.not_applicable} == {"the AI does not generate content (no generation in ai_functions)"} with input as inp
}

test_denies_missing_citations if {
	out := ai_011.deny with input as t.patch(qa, {"grounding": {"citations": false}})
	count(out) == 1
	some f in out
	f.at == gd_at
	f.field == "citations"
	f.values == {"citations": false, "use_cases": ["assess", "faq"]}
}

test_denies_unmeasured_accuracy if {
	out := ai_011.deny with input as t.patch(qa, {"grounding": {"accuracy_measured": null}})
	count(out) == 1
	some f in out
	f.at == gd_at
	f.field == "accuracy_measured"
	f.values == {"accuracy_measured": null, "use_cases": ["assess", "faq"]}
}

test_single_information_use_case_is_enough if {
	inp := t.with_patch({"use_cases": [uc(0, {"task_impact": "information"})]})
	out := ai_011.deny with input as inp
	t.fields(out) == {"citations", "accuracy_measured"}
	every f in out {
		f.values.use_cases == ["uc0"]
	}
}
