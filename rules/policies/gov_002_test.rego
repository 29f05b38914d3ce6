package lgai.rules.gov_002_test

import data.lgai.rules.gov_002
import data.lgai.testing as t

uc := {
	"_at": {"file": "lgai.yaml", "path": "use_cases[0]"},
	"id": "summary", "description": "相談記録の要約", "user_scope": "staff_only", "task_impact": "drafting",
	"trains_on_confidential": false, "human_review": "always", "excluded_uses": [],
}

test_declared_use_case_passes if {
	inp := t.with_patch({"use_cases": [uc]})
	count(gov_002.deny) == 0 with input as inp
	not gov_002.not_applicable with input as inp
	not gov_002.undetermined with input as inp
}

test_denies_no_use_cases if {
	out := gov_002.deny with input as t.base
	count(out) == 1
	some f in out
	f.at == {"file": "lgai.yaml", "path": ""}
	f.field == "use_cases"
	f.values == {"use_cases": []}
}
