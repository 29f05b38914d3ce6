package lgai.rules.ops_007_test

import data.lgai.rules.ops_007
import data.lgai.testing as t

avail2 := t.with_asset("memo", {"availability": "2"})

redundant := t.set_component(
	t.set_component(t.set_component(avail2, "gw", {"redundancy": "multi_zone"}), "ai", {"redundancy": "multi_region"}),
	"store", {"redundancy": "multi_zone"},
)

test_base_is_not_applicable if {
	count(ops_007.deny) == 0 with input as t.base
	count(ops_007.not_applicable) == 1 with input as t.base
}

test_redundant_components_pass if {
	count(ops_007.deny) == 0 with input as redundant
	count(ops_007.not_applicable) == 0 with input as redundant
}

# Branch: single instance or undeclared.
test_denies_single_instance if {
	inp := t.set_component(redundant, "store", {"redundancy": "single"})
	out := ops_007.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "redundancy"
	f.values == {"redundancy": "single"}
	f.at == inp.components.store._at
}

test_denies_undeclared_redundancy if {
	out := ops_007.deny with input as avail2
	{[f.values, f.at] | some f in out} == {
		[{"redundancy": null}, avail2.components.gw._at],
		[{"redundancy": null}, avail2.components.ai._at],
		[{"redundancy": null}, avail2.components.store._at],
	}
}

test_municipal_components_are_not_subjects if {
	doc := t.set_component(redundant, "lgwan-srv", {"kind": "storage", "hosting": "lgwan"})
	inp := t.add_flow(doc, {"id": "local", "from": t.comp("gw"), "to": t.comp("lgwan-srv"), "transport": "lgwan", "tls_min_version": "1.2"})
	count(ops_007.deny) == 0 with input as inp
}

test_components_without_availability_2_data_are_not_subjects if {
	inp := t.set_component(redundant, "idle", {"kind": "compute", "redundancy": "single"})
	count(ops_007.deny) == 0 with input as inp
}
