package lgai.rules.ops_005_test

import data.lgai.rules.ops_005
import data.lgai.testing as t

ops_at := {"file": "lgai.yaml", "path": "operations"}

handled(p) := t.with_patch({"operations": {"vulnerability": object.union(
	{"scanning": true, "patch_critical_days": 7, "patch_high_days": 30},
	p,
)}})

test_scanning_and_prompt_patching_passes if {
	count(ops_005.deny) == 0 with input as handled({})
	count(ops_005.deny) == 0 with input as handled({"patch_critical_days": 14})
}

# Branch 1: nothing declared (as in `base`).
test_denies_missing_vulnerability_handling if {
	out := ops_005.deny with input as t.base
	count(out) == 1
	some f in out
	f.field == "vulnerability"
	f.values == {"vulnerability": null}
	f.at == ops_at
}

# Branch 2: no scanning.
test_denies_no_scanning if {
	out := ops_005.deny with input as handled({"scanning": null})
	count(out) == 1
	some f in out
	f.field == "vulnerability.scanning"
	f.values == {"scanning": null}
	f.at == ops_at
}

# Branch 3: critical patches too slow or undeclared.
test_denies_slow_critical_patching if {
	out := ops_005.deny with input as handled({"patch_critical_days": 30})
	count(out) == 1
	some f in out
	f.field == "vulnerability.patch_critical_days"
	f.values == {"patch_critical_days": 30, "maximum": 14}
	f.at == ops_at
}

test_denies_undeclared_critical_deadline if {
	out := ops_005.deny with input as handled({"patch_critical_days": null})
	{[f.field, f.values] | some f in out} == {["vulnerability.patch_critical_days", {"patch_critical_days": null, "maximum": 14}]}
}

# Branch 4: high patches too slow or undeclared.
test_denies_slow_high_patching if {
	out := ops_005.deny with input as handled({"patch_high_days": 45})
	{[f.field, f.values] | some f in out} == {["vulnerability.patch_high_days", {"patch_high_days": 45, "maximum": 30}]}
}

test_denies_undeclared_high_deadline if {
	out := ops_005.deny with input as handled({"patch_high_days": null})
	{[f.field, f.values] | some f in out} == {["vulnerability.patch_high_days", {"patch_high_days": null, "maximum": 30}]}
}

test_empty_vulnerability_section_fails_every_item if {
	inp := handled({"scanning": null, "patch_critical_days": null, "patch_high_days": null})
	t.fields(ops_005.deny) == {"vulnerability.scanning", "vulnerability.patch_critical_days", "vulnerability.patch_high_days"} with input as inp
}

test_param_max_patch_days if {
	inp := handled({"patch_critical_days": 7, "patch_high_days": 30})
	out := ops_005.deny with input as inp with data.lgai.params.max_patch_critical_days as 3 with data.lgai.params.max_patch_high_days as 14
	{f.values | some f in out} == {{"patch_critical_days": 7, "maximum": 3}, {"patch_high_days": 30, "maximum": 14}}
}

test_no_other_outputs if {
	not ops_005.undetermined with input as t.base
	not ops_005.not_applicable with input as t.base
}
