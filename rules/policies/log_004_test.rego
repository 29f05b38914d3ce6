package lgai.rules.log_004_test

import data.lgai.rules.log_004
import data.lgai.testing as t

ops_at := {"file": "lgai.yaml", "path": "operations"}

monitored(p) := t.with_patch({"operations": {"monitoring": object.union({"threat_detection": true, "alerting": true}, p)}})

test_threat_detection_with_alerting_passes if {
	count(log_004.deny) == 0 with input as monitored({})
}

# Branch 1: no monitoring (as in `base`).
test_denies_missing_monitoring if {
	out := log_004.deny with input as t.base
	count(out) == 1
	some f in out
	f.field == "monitoring"
	f.values == {"monitoring": null}
	f.at == ops_at
}

# Branch 2: no threat detection.
test_denies_no_threat_detection if {
	out := log_004.deny with input as monitored({"threat_detection": null})
	count(out) == 1
	some f in out
	f.field == "monitoring.threat_detection"
	f.values == {"threat_detection": null}
	f.at == ops_at
}

# Branch 3: no alerting.
test_denies_no_alerting if {
	out := log_004.deny with input as monitored({"alerting": false})
	{[f.field, f.values, f.at] | some f in out} == {["monitoring.alerting", {"alerting": false}, ops_at]}
}

test_denies_both if {
	t.fields(log_004.deny) == {"monitoring.threat_detection", "monitoring.alerting"} with input as monitored({"threat_detection": false, "alerting": false})
}

test_no_other_outputs if {
	not log_004.undetermined with input as t.base
	not log_004.not_applicable with input as t.base
}
