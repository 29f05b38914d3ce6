package lgai.rules.ops_004_test

import data.lgai.rules.ops_004
import data.lgai.testing as t

ops_at := {"file": "lgai.yaml", "path": "operations"}

with_sla(p) := t.with_patch({"operations": {"sla": object.union(
	{"availability_percent": 99.9, "rto_hours": 4, "rpo_hours": null, "backup_method": "日次スナップショット(東京・大阪)"},
	p,
)}})

test_disclosed_sla_passes if {
	count(ops_004.deny) == 0 with input as with_sla({})
}

# Branch 1: no SLA (as in `base`).
test_denies_missing_sla if {
	out := ops_004.deny with input as t.base
	count(out) == 1
	some f in out
	f.field == "sla"
	f.values == {"sla": null}
	f.at == ops_at
}

# Branches 2-4: each item missing.
test_denies_missing_availability if {
	out := ops_004.deny with input as with_sla({"availability_percent": null})
	count(out) == 1
	some f in out
	f.field == "sla.availability_percent"
	f.values == {"availability_percent": null}
	f.at == ops_at
}

test_denies_missing_rto if {
	out := ops_004.deny with input as with_sla({"rto_hours": null})
	{[f.field, f.values] | some f in out} == {["sla.rto_hours", {"rto_hours": null}]}
}

test_denies_missing_backup_method if {
	out := ops_004.deny with input as with_sla({"backup_method": null})
	{[f.field, f.values] | some f in out} == {["sla.backup_method", {"backup_method": null}]}
}

test_denies_empty_sla if {
	inp := with_sla({"availability_percent": null, "rto_hours": null, "backup_method": null})
	t.fields(ops_004.deny) == {"sla.availability_percent", "sla.rto_hours", "sla.backup_method"} with input as inp
}

test_rpo_is_optional_and_zero_is_a_value if {
	count(ops_004.deny) == 0 with input as with_sla({"rpo_hours": null, "rto_hours": 0})
}

test_no_other_outputs if {
	not ops_004.undetermined with input as t.base
	not ops_004.not_applicable with input as t.base
}
