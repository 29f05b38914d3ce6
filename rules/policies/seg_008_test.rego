package lgai.rules.seg_008_test

import data.lgai.rules.seg_008
import data.lgai.testing as t

# The gateway (SAML + MFA) and the AI component (no authentication) both get a public endpoint.
public_gw := t.with_component("gw", {"public_endpoint": true})

public_ai := t.with_component("ai", {"public_endpoint": true})

unprotected := t.set_asset(t.base, "memo", {"confidentiality": "1", "personal": "none"})

test_base_without_public_endpoints_is_not_applicable if {
	count(seg_008.deny) == 0 with input as t.base
	count(seg_008.not_applicable) == 1 with input as t.base
}

test_authenticated_public_endpoint_passes if {
	count(seg_008.deny) == 0 with input as public_gw
	count(seg_008.not_applicable) == 0 with input as public_gw
}

test_denies_public_endpoint_without_authentication if {
	out := seg_008.deny with input as public_ai
	count(out) == 1
	some f in out
	f.field == "authentication"
	f.values == {"public_endpoint": true, "conf_rank_max": 2, "personal_rank_max": 1}
	f.at == public_ai.components.ai._at
}

test_denies_public_endpoint_with_method_none if {
	inp := t.with_component("gw", {"public_endpoint": true, "authentication": {"method": "none", "mfa": false}})
	out := seg_008.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "authentication.method"
	f.values == {"method": "none"}
	f.at == inp.components.gw._at
}

test_api_key_counts_as_authentication if {
	inp := t.with_component("ai", {"public_endpoint": true, "authentication": {"method": "api_key", "mfa": false}})
	count(seg_008.deny) == 0 with input as inp
}

test_personal_data_alone_makes_it_applicable if {
	doc := t.set_asset(public_ai, "memo", {"confidentiality": "1", "personal": "personal"})
	{f.values | some f in seg_008.deny} == {{"public_endpoint": true, "conf_rank_max": 1, "personal_rank_max": 1}} with input as doc
}

test_confidentiality_2_alone_makes_it_applicable if {
	doc := t.set_asset(public_ai, "memo", {"confidentiality": "2", "personal": "none"})
	count(seg_008.deny) == 1 with input as doc
}

test_public_endpoint_with_unprotected_data_is_not_applicable if {
	inp := t.set_component(unprotected, "ai", {"public_endpoint": true})
	count(seg_008.deny) == 0 with input as inp
	count(seg_008.not_applicable) == 1 with input as inp
}

test_public_endpoint_receiving_nothing_is_not_applicable if {
	inp := t.with_component("web", {"kind": "web_app", "hosting": "public_cloud", "public_endpoint": true})
	count(seg_008.deny) == 0 with input as inp
	count(seg_008.not_applicable) == 1 with input as inp
}

test_each_exposed_component_is_reported if {
	inp := t.set_component(public_ai, "store", {"public_endpoint": true})
	{f.at.path | some f in seg_008.deny} == {"components[1]", "components[2]"} with input as inp
}
