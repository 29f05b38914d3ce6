package lgai.rules.iam_004_test

import data.lgai.rules.iam_004
import data.lgai.testing as t

ops_at := {"file": "lgai.yaml", "path": "operations"}

maintained(p) := t.with_patch({"operations": {"remote_maintenance": object.union(
	{"used": true, "always_on": false, "mfa": true, "logged": true, "approval_per_session": true},
	p,
)}})

test_per_session_mfa_logged_maintenance_passes if {
	count(iam_004.deny) == 0 with input as maintained({})
	count(iam_004.undetermined) == 0 with input as maintained({})
}

test_no_remote_maintenance_passes if {
	inp := t.with_patch({"operations": {"remote_maintenance": {"used": false, "always_on": null, "mfa": null, "logged": null, "approval_per_session": null}}})
	count(iam_004.deny) == 0 with input as inp
	count(iam_004.undetermined) == 0 with input as inp
}

# Undeclared (as in `base`): a document has to show it.
test_undeclared_is_undetermined if {
	count(iam_004.deny) == 0 with input as t.base
	out := iam_004.undetermined with input as t.base
	count(out) == 1
	some f in out
	f.field == "remote_maintenance"
	f.at == ops_at
}

# Branch 1: standing connection.
test_denies_always_on if {
	out := iam_004.deny with input as maintained({"always_on": true})
	count(out) == 1
	some f in out
	f.field == "remote_maintenance.always_on"
	f.values == {"always_on": true}
	f.at == ops_at
}

# Branch 2: no MFA (undeclared counts as none).
test_denies_no_mfa if {
	out := iam_004.deny with input as maintained({"mfa": false})
	count(out) == 1
	some f in out
	f.field == "remote_maintenance.mfa"
	f.values == {"mfa": false}
	{g.values | some g in iam_004.deny} == {{"mfa": null}} with input as maintained({"mfa": null})
}

# Branch 3: not logged.
test_denies_unlogged_sessions if {
	out := iam_004.deny with input as maintained({"logged": null})
	count(out) == 1
	some f in out
	f.field == "remote_maintenance.logged"
	f.values == {"logged": null}
	f.at == ops_at
}

test_denies_every_failing_condition if {
	inp := maintained({"always_on": true, "mfa": false, "logged": false})
	t.fields(iam_004.deny) == {"remote_maintenance.always_on", "remote_maintenance.mfa", "remote_maintenance.logged"} with input as inp
}

test_unused_maintenance_ignores_its_details if {
	inp := maintained({"used": false, "always_on": true, "mfa": false, "logged": false})
	count(iam_004.deny) == 0 with input as inp
}
