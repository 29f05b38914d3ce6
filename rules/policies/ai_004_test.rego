package lgai.rules.ai_004_test

import data.lgai.rules.ai_004
import data.lgai.testing as t

svc_at := {"file": "lgai.yaml", "path": "service"}

service(p) := t.with_patch({"service": p})

test_compliant_assist_with_review_passes if {
	count(ai_004.deny) == 0 with input as t.base
}

test_low_impact_without_review_passes if {
	# No decisions, not resident-facing, generation only.
	inp := service({"decision_automation": "none", "human_review": "none"})
	count(ai_004.deny) == 0 with input as inp
}

# Branch 1: fully automated decisions.
test_denies_full_automation if {
	out := ai_004.deny with input as service({"decision_automation": "full"})
	count(out) == 1
	some f in out
	f.field == "decision_automation"
	f.values == {"decision_automation": "full"}
	f.at == svc_at
}

# Branch 2: high-impact use without review of every output.
test_denies_sampled_review_of_decision_support if {
	out := ai_004.deny with input as service({"human_review": "sampled"})
	count(out) == 1
	some f in out
	f.field == "human_review"
	f.values == {"human_review": "sampled"}
	f.at == svc_at
}

test_denies_resident_facing_without_review if {
	inp := service({"decision_automation": "none", "resident_facing": true, "human_review": "none"})
	{f.values | some f in ai_004.deny} == {{"human_review": "none"}} with input as inp
}

test_denies_judgement_without_review if {
	inp := service({"decision_automation": "none", "ai_functions": ["identification", "judgement"], "human_review": "sampled"})
	t.fields(ai_004.deny) == {"human_review"} with input as inp
}

test_full_automation_of_judgement_without_review if {
	inp := service({"decision_automation": "full", "ai_functions": ["judgement"], "human_review": "none"})
	t.fields(ai_004.deny) == {"decision_automation", "human_review"} with input as inp
}
