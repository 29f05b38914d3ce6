package lgai.rules.gov_005_test

import data.lgai.rules.gov_005
import data.lgai.testing as t

rep_at := {"file": "lgai.yaml", "path": "reporting"}

reporting(p) := t.with_patch({"reporting": p})

test_department_statistics_pass if {
	count(gov_005.deny) == 0 with input as reporting({"usage_stats": true, "granularity": "department"})
	not gov_005.not_applicable with input as reporting({"usage_stats": true, "granularity": "department"})
}

test_user_statistics_pass if {
	count(gov_005.deny) == 0 with input as reporting({"usage_stats": true, "granularity": "user"})
}

test_denies_no_statistics if {
	out := gov_005.deny with input as reporting({"usage_stats": false, "granularity": "user"})
	count(out) == 1
	some f in out
	f.at == rep_at
	f.field == "usage_stats"
	f.values == {"usage_stats": false}
}

test_denies_service_granularity if {
	out := gov_005.deny with input as reporting({"usage_stats": true, "granularity": "service"})
	count(out) == 1
	some f in out
	f.at == rep_at
	f.field == "granularity"
	f.values == {"granularity": "service"}
}

test_base_fails_both if {
	out := gov_005.deny with input as t.base
	t.fields(out) == {"usage_stats", "granularity"}
	some f in out
	f.field == "granularity"
	f.values == {"granularity": null}
}
