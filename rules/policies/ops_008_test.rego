package lgai.rules.ops_008_test

import data.lgai.rules.ops_008
import data.lgai.testing as t

switchable := t.with_patch({"controls": {"kill_switch": true}})

test_kill_switch_passes if {
	count(ops_008.deny) == 0 with input as switchable
	count(ops_008.not_applicable) == 0 with input as switchable
}

# Branch: no kill switch (undeclared, as in `base`, or false).
test_denies_undeclared_kill_switch if {
	out := ops_008.deny with input as t.base
	count(out) == 1
	some f in out
	f.field == "kill_switch"
	f.values == {"kill_switch": null}
	f.at == {"file": "lgai.yaml", "path": "controls"}
}

test_denies_no_kill_switch if {
	out := ops_008.deny with input as t.with_patch({"controls": {"kill_switch": false}})
	{f.values | some f in out} == {{"kill_switch": false}}
}

test_not_applicable_without_models if {
	inp := t.without_models(t.base)
	count(ops_008.deny) == 0 with input as inp
	count(ops_008.not_applicable) == 1 with input as inp
}
