package lgai.rules.ops_001_test

import data.lgai.rules.ops_001
import data.lgai.testing as t

ops_at := {"file": "lgai.yaml", "path": "operations"}

# `base` (contact, first report within 4 h) reporting every incident category.
compliant := t.with_patch({"operations": {"incident": {"categories": ["data_leak", "harmful_output", "security", "outage"]}}})

incident(p) := t.patch(compliant, {"operations": {"incident": p}})

test_compliant_base_passes if {
	count(ops_001.deny) == 0 with input as compliant
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
	out := ops_001.deny with input as incident({"report_within_hours": 72})
	count(out) == 1
	some f in out
	f.field == "incident.report_within_hours"
	f.values == {"report_within_hours": 72, "maximum": 24}
	f.at == ops_at
}

test_denies_undeclared_first_report_time if {
	out := ops_001.deny with input as incident({"report_within_hours": null})
	{f.values | some f in out} == {{"report_within_hours": null, "maximum": 24}}
}

test_first_report_at_the_maximum_passes if {
	count(ops_001.deny) == 0 with input as incident({"report_within_hours": 24})
}

test_param_max_incident_report_hours if {
	out := ops_001.deny with input as compliant with data.lgai.params.max_incident_report_hours as 2
	{f.values | some f in out} == {{"report_within_hours": 4, "maximum": 2}}
}

test_no_other_outputs if {
	inp := t.with_patch({"operations": {"incident": null}})
	not ops_001.undetermined with input as inp
	not ops_001.not_applicable with input as inp
}

# Branch 3 (AIC:INC-001): the incident categories reported.
test_denies_missing_categories if {
	out := ops_001.deny with input as incident({"categories": ["security", "outage"]})
	count(out) == 1
	some f in out
	f.field == "incident.categories"
	f.values == {"missing": ["data_leak", "harmful_output"]}
	f.at == ops_at
}

test_denies_no_categories if {
	# `base` declares the contact and the time but no categories.
	out := ops_001.deny with input as t.base
	{[f.field, f.values] | some f in out} == {["incident.categories", {"missing": ["data_leak", "harmful_output", "outage", "security"]}]}
}

test_param_required_incident_categories if {
	inp := incident({"categories": ["security"]})
	count(ops_001.deny) == 0 with input as inp with data.lgai.params.required_incident_categories as ["security"]
	out := ops_001.deny with input as inp with data.lgai.params.required_incident_categories as ["security", "outage"]
	{f.values | some f in out} == {{"missing": ["outage"]}}
}

test_categories_not_checked_without_incident if {
	# Branch 1 alone reports a missing incident section.
	out := ops_001.deny with input as t.with_patch({"operations": {"incident": null}})
	t.fields(out) == {"incident"}
}
