package lgai.rules.seg_005_test

import data.lgai.rules.seg_005
import data.lgai.testing as t

mfa := {"method": "saml", "mfa": true}

# A system hosted in the My Number segment.
mn_system(auth) := t.set_component(t.base, "mnsys", {"kind": "database", "hosting": "mynumber", "authentication": auth})

# The service's memo becomes 特定個人情報: gw, ai and store all receive it.
specific := t.set_asset(t.base, "memo", {"personal": "specific"})

specific_all_mfa := t.set_component(t.set_component(specific, "ai", {"authentication": mfa}), "store", {"authentication": mfa})

test_compliant_base_is_not_applicable if {
	count(seg_005.deny) == 0 with input as t.base
	count(seg_005.not_applicable) == 1 with input as t.base
}

test_mynumber_component_with_mfa_passes if {
	inp := mn_system(mfa)
	count(seg_005.deny) == 0 with input as inp
	count(seg_005.not_applicable) == 0 with input as inp
}

test_denies_mynumber_component_without_authentication if {
	inp := mn_system(null)
	out := seg_005.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "authentication"
	f.values == {"hosting": "mynumber", "personal_rank_max": 0}
	f.at == inp.components.mnsys._at
}

test_denies_mynumber_component_without_mfa if {
	inp := mn_system({"method": "password", "mfa": false})
	out := seg_005.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "authentication.mfa"
	f.values == {"mfa": false, "method": "password"}
	f.at == inp.components.mnsys._at
}

test_denies_every_component_receiving_specific_personal_data_without_authentication if {
	# gw declares SAML with MFA; ai and store declare no authentication.
	out := seg_005.deny with input as specific
	{[f.at.path, f.field] | some f in out} == {["components[1]", "authentication"], ["components[2]", "authentication"]}
	every f in out {
		f.values == {"hosting": "lgwan_asp", "personal_rank_max": 3}
	}
}

test_components_receiving_specific_personal_data_with_mfa_pass if {
	count(seg_005.deny) == 0 with input as specific_all_mfa
	count(seg_005.not_applicable) == 0 with input as specific_all_mfa
}

test_denies_component_receiving_specific_personal_data_without_mfa if {
	inp := t.set_component(specific_all_mfa, "gw", {"authentication": {"mfa": false}})
	out := seg_005.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "authentication.mfa"
	f.values == {"mfa": false, "method": "saml"}
	f.at == inp.components.gw._at
}

test_sensitive_personal_data_alone_is_not_applicable if {
	inp := t.set_asset(t.base, "memo", {"personal": "sensitive", "confidentiality": "3A"})
	count(seg_005.deny) == 0 with input as inp
	count(seg_005.not_applicable) == 1 with input as inp
}

test_mynumber_segment_as_flow_source_is_not_a_component if {
	# The segment itself is the municipality's; only declared components are judged.
	inp := t.add_flow(t.base, {"id": "mn", "from": t.seg("mynumber"), "to": t.comp("gw"), "transport": "closed_network"})
	count(seg_005.deny) == 0 with input as inp
	count(seg_005.not_applicable) == 1 with input as inp
}
