package lgai.rules.data_006_test

import data.lgai.rules.data_006
import data.lgai.testing as t

# In `base` only `up` (flows[0], lgwan -> gw on LGWAN-ASP) hands personal data over.
minimised := t.with_flow("up", {"minimization": "field_filter", "minimization_by": "municipality"})

test_compliant_minimised_handoff_passes if {
	count(data_006.deny) == 0 with input as minimised
	count(data_006.undetermined) == 0 with input as minimised
	count(data_006.not_applicable) == 0 with input as minimised
}

test_not_applicable_without_personal_data if {
	inp := t.with_asset("memo", {"personal": "none"})
	count(data_006.deny) == 0 with input as inp
	count(data_006.not_applicable) == 1 with input as inp
}

test_flows_between_outsourced_components_are_not_handoffs if {
	# infer (gw -> ai) and keep (ai -> store) stay inside the service; back returns to the segment.
	inp := t.without_flow(t.base, "up")
	count(data_006.deny) == 0 with input as inp
	count(data_006.not_applicable) == 1 with input as inp
}

test_flows_to_on_premises_are_not_handoffs if {
	doc := t.set_component(t.base, "local", {"kind": "compute", "hosting": "on_premises"})
	inp := t.add_flow(t.without_flow(doc, "up"), {"id": "loc", "asset": "memo", "from": t.seg("lgwan"), "to": t.comp("local"), "purpose": "x", "transport": "internal"})
	count(data_006.not_applicable) == 1 with input as inp
}

# Branch 1: minimisation not declared (as in `base`).
test_denies_undeclared_minimization if {
	out := data_006.deny with input as t.base
	count(out) == 1
	some f in out
	f.field == "minimization"
	f.at == t.base.flows[0]._at
	f.values == {"asset": "memo", "from": "lgwan", "to": "lgwan_asp"}
}

test_internet_segment_to_public_cloud_is_a_handoff if {
	doc := t.set_component(t.base, "gw", {"hosting": "public_cloud"})
	inp := t.set_flow(doc, "up", {"from": t.seg("internet")})
	{[f.values.from, f.values.to] | some f in data_006.deny} == {["internet", "public_cloud"]} with input as inp
}

test_mynumber_segment_to_gov_cloud_is_a_handoff if {
	doc := t.set_component(t.base, "gw", {"hosting": "gov_cloud"})
	inp := t.set_flow(doc, "up", {"from": t.seg("mynumber")})
	{[f.values.from, f.values.to] | some f in data_006.deny} == {["mynumber", "gov_cloud"]} with input as inp
}

# Branch 2: a method but no one who applies it.
test_denies_minimization_without_owner if {
	inp := t.with_flow("up", {"minimization": "mask"})
	out := data_006.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "minimization_by"
	f.at == inp.flows[0]._at
	f.values == {"minimization": "mask"}
}

test_vendor_may_minimise if {
	count(data_006.deny) == 0 with input as t.with_flow("up", {"minimization": "pseudonymise", "minimization_by": "vendor"})
}

# Branch 3: declared as not minimised: a document must justify it.
test_no_minimization_is_undetermined if {
	inp := t.with_flow("up", {"minimization": "none"})
	count(data_006.deny) == 0 with input as inp
	out := data_006.undetermined with input as inp
	count(out) == 1
	some f in out
	f.field == "minimization"
	f.at == inp.flows[0]._at
	f.values == {"minimization": "none", "asset": "memo"}
}

test_component_to_outsourced_flow_from_a_segment_component_is_a_handoff if {
	# A component hosted in the municipal LGWAN segment counts like the segment itself.
	doc := t.set_component(minimised, "term", {"kind": "client", "hosting": "lgwan"})
	inp := t.add_flow(doc, {"id": "t-up", "asset": "memo", "from": t.comp("term"), "to": t.comp("gw"), "purpose": "x", "transport": "lgwan"})
	{f.at.path | some f in data_006.deny} == {"flows[4]"} with input as inp
}
