package lgai.rules.data_005_test

import data.lgai.rules.data_005
import data.lgai.testing as t

# `base` with a legal basis on every flow (all four carry the personal asset `memo`).
based := t.patch(t.base, {"flows": [object.union(f, {"legal_basis": "within_purpose"}) | some f in t.base.flows]})

test_compliant_flows_pass if {
	count(data_005.deny) == 0 with input as based
	count(data_005.not_applicable) == 0 with input as based
}

test_not_applicable_without_personal_data if {
	inp := t.with_asset("memo", {"personal": "none"})
	count(data_005.deny) == 0 with input as inp
	count(data_005.not_applicable) == 1 with input as inp
}

# Branch 1: no legal basis (as in `base`, which declares none).
test_base_denies_every_flow_without_legal_basis if {
	out := data_005.deny with input as t.base
	count(out) == 4
	t.fields(out) == {"legal_basis"}
	{f.at.path | some f in out} == {"flows[0]", "flows[1]", "flows[2]", "flows[3]"}
}

test_denies_missing_legal_basis if {
	inp := t.set_flow(based, "infer", {"legal_basis": null})
	out := data_005.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "legal_basis"
	f.at == inp.flows[1]._at
	f.values == {"asset": "memo", "personal": "personal"}
}

test_every_legal_basis_is_accepted if {
	every b in ["within_purpose", "art69_2_1", "art69_2_2", "art69_2_3", "art69_2_4", "statute"] {
		count(data_005.deny) == 0 with input as t.set_flow(based, "infer", {"legal_basis": b})
	}
}

test_sensitive_and_specific_data_are_personal if {
	every p in ["sensitive", "specific"] {
		inp := t.set_flow(t.set_asset(based, "memo", {"personal": p}), "up", {"legal_basis": null})
		{f.values.personal | some f in data_005.deny} == {p} with input as inp
	}
}

# Branch 2: blank purpose.
test_denies_empty_purpose if {
	inp := t.set_flow(based, "keep", {"purpose": ""})
	out := data_005.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "purpose"
	f.at == inp.flows[2]._at
	f.values == {"asset": "memo", "purpose": ""}
}

test_denies_whitespace_purpose if {
	inp := t.set_flow(based, "keep", {"purpose": " 　\t"})
	t.fields(data_005.deny) == {"purpose"} with input as inp
}

test_denies_null_purpose if {
	t.fields(data_005.deny) == {"purpose"} with input as t.set_flow(based, "keep", {"purpose": null})
}

test_non_personal_flow_needs_neither if {
	doc := t.set_asset(based, "stats", {"confidentiality": "1", "integrity": "1", "availability": "1", "personal": "none"})
	inp := t.add_flow(doc, {"id": "s", "asset": "stats", "from": t.seg("lgwan"), "to": t.comp("gw"), "purpose": "", "transport": "lgwan"})
	count(data_005.deny) == 0 with input as inp
}

test_both_branches_on_one_flow if {
	inp := t.set_flow(based, "up", {"purpose": "", "legal_basis": null})
	{[f.at.path, f.field] | some f in data_005.deny} == {["flows[0]", "purpose"], ["flows[0]", "legal_basis"]} with input as inp
}
