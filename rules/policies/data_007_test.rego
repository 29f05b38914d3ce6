package lgai.rules.data_007_test

import data.lgai.rules.data_007
import data.lgai.testing as t

# In `base` every flow is an entrustment; up, infer and keep (flows[0..2]) go to LGWAN-ASP components.

test_compliant_entrustment_passes if {
	count(data_007.deny) == 0 with input as t.base
	count(data_007.not_applicable) == 0 with input as t.base
}

test_not_applicable_without_personal_data if {
	inp := t.with_asset("memo", {"personal": "none"})
	count(data_007.deny) == 0 with input as inp
	count(data_007.not_applicable) == 1 with input as inp
}

test_flows_to_municipal_segments_are_not_judged if {
	# `back` returns data to the LGWAN segment: it needs no legal relation here.
	count(data_007.deny) == 0 with input as t.with_flow("back", {"legal_relation": null})
}

test_flows_to_on_premises_are_not_judged if {
	doc := t.set_component(t.base, "local", {"kind": "compute", "hosting": "on_premises"})
	inp := t.add_flow(doc, {"id": "loc", "asset": "memo", "from": t.seg("lgwan"), "to": t.comp("local"), "purpose": "x", "transport": "internal"})
	count(data_007.deny) == 0 with input as inp
}

# Branch 1: no legal relation.
test_denies_missing_legal_relation if {
	inp := t.with_flow("keep", {"legal_relation": null})
	out := data_007.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "legal_relation"
	f.at == inp.flows[2]._at
	f.values == {"asset": "memo", "to": "store"}
}

# Branch 2: no_handling into an AI component.
test_denies_no_handling_into_ai if {
	inp := t.with_flow("infer", {"legal_relation": "no_handling"})
	out := data_007.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "legal_relation"
	f.at == inp.flows[1]._at
	f.values == {"legal_relation": "no_handling", "to": "ai"}
}

test_denies_no_handling_into_a_component_running_a_model if {
	doc := t.set_component(t.base, "ai", {"kind": "compute"})
	inp := t.set_flow(doc, "infer", {"legal_relation": "no_handling"})
	{f.values.to | some f in data_007.deny} == {"ai"} with input as inp
}

test_no_handling_storage_passes if {
	count(data_007.deny) == 0 with input as t.with_flow("keep", {"legal_relation": "no_handling"})
}

# Branch 3: provision without a basis.
test_denies_provision_without_basis if {
	inp := t.with_flow("infer", {"legal_relation": "provision"})
	out := data_007.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "legal_basis"
	f.at == inp.flows[1]._at
	f.values == {"legal_relation": "provision", "legal_basis": null}
}

test_denies_provision_within_purpose if {
	inp := t.with_flow("infer", {"legal_relation": "provision", "legal_basis": "within_purpose"})
	{f.values.legal_basis | some f in data_007.deny} == {"within_purpose"} with input as inp
}

test_provision_with_statutory_basis_passes if {
	count(data_007.deny) == 0 with input as t.with_flow("infer", {"legal_relation": "provision", "legal_basis": "art69_2_3"})
	count(data_007.deny) == 0 with input as t.with_flow("infer", {"legal_relation": "provision", "legal_basis": "statute"})
}

test_public_and_gov_cloud_are_outsourced if {
	inp1 := t.set_flow(t.set_component(t.base, "store", {"hosting": "public_cloud"}), "keep", {"legal_relation": null})
	t.fields(data_007.deny) == {"legal_relation"} with input as inp1
	inp2 := t.set_flow(t.set_component(t.base, "store", {"hosting": "gov_cloud"}), "keep", {"legal_relation": null})
	t.fields(data_007.deny) == {"legal_relation"} with input as inp2
}
