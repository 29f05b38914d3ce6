package lgai.rules.ops_001_test

import data.lgai.rules.ops_001
import data.lgai.testing as t

ops_at := {"file": "lgai.yaml", "path": "operations"}

test_compliant_base_passes if {
	count(ops_001.deny) == 0 with input as t.base
}

# Branch 1: no incident contact at all.
test_denies_missing_incident if {
	inp := t.with_patch({"operations": {"incident": null}})
	out := ops_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "incident"
	f.values == {}
	f.at == ops_at
}

# Branch 2: first-report time missing or too long.
test_denies_slow_first_report if {
	out := ops_001.deny with input as t.with_patch({"operations": {"incident": {"report_within_hours": 72}}})
	count(out) == 1
	some f in out
	f.field == "incident.report_within_hours"
	f.values == {"report_within_hours": 72, "maximum": 24}
	f.at == ops_at
}

test_denies_undeclared_first_report_time if {
	out := ops_001.deny with input as t.with_patch({"operations": {"incident": {"report_within_hours": null}}})
	{f.values | some f in out} == {{"report_within_hours": null, "maximum": 24}}
}

test_first_report_at_the_maximum_passes if {
	count(ops_001.deny) == 0 with input as t.with_patch({"operations": {"incident": {"report_within_hours": 24}}})
}

test_param_max_incident_report_hours if {
	out := ops_001.deny with input as t.base with data.lgai.params.max_incident_report_hours as 2
	{f.values | some f in out} == {{"report_within_hours": 4, "maximum": 2}}
}

test_no_other_outputs if {
	inp := t.with_patch({"operations": {"incident": null}})
	not ops_001.undetermined with input as inp
	not ops_001.not_applicable with input as inp
}
