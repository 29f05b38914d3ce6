package lgai.rules.iam_002_test

import data.lgai.rules.iam_002
import data.lgai.testing as t

# `base` with users registered on the municipality's approval.
approved := t.with_component("gw", {"authentication": {"provisioning": "municipal_approval"}})

auth(p) := t.set_component(approved, "gw", {"authentication": p})

test_approved_users_pass if {
	count(iam_002.deny) == 0 with input as approved
	count(iam_002.not_applicable) == 0 with input as approved
}

test_base_without_provisioning_fails if {
	out := iam_002.deny with input as t.base
	{[f.field, f.values] | some f in out} == {["authentication.provisioning", {"provisioning": null}]}
}

# Branch 1: no authentication declared.
test_denies_missing_authentication if {
	inp := t.set_component(approved, "gw", {"authentication": null})
	out := iam_002.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "authentication"
	f.values == {"authentication": null}
	f.at == inp.components.gw._at
}

# Branch 2: anonymous use.
test_denies_anonymous_use if {
	inp := auth({"method": "none"})
	out := iam_002.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "authentication.method"
	f.values == {"method": "none"}
	f.at == inp.components.gw._at
}

# Branch 3: passwords or API keys instead of the municipality's IdP or certificates.
test_denies_password_sign_in if {
	out := iam_002.deny with input as auth({"method": "password"})
	{[f.field, f.values] | some f in out} == {["authentication.method", {"method": "password"}]}
}

test_denies_api_key_sign_in if {
	out := iam_002.deny with input as auth({"method": "api_key"})
	{[f.field, f.values] | some f in out} == {["authentication.method", {"method": "api_key"}]}
}

test_municipal_methods_pass if {
	every m in ["saml", "oidc", "client_certificate", "mtls"] {
		count(iam_002.deny) == 0 with input as auth({"method": m})
	}
}

# Branch 4: users not registered on the municipality's approval.
test_denies_self_signup if {
	inp := auth({"provisioning": "self_signup"})
	out := iam_002.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "authentication.provisioning"
	f.values == {"provisioning": "self_signup"}
	f.at == inp.components.gw._at
}

test_denies_vendor_managed_accounts if {
	out := iam_002.deny with input as auth({"provisioning": "vendor_managed"})
	{f.values | some f in out} == {{"provisioning": "vendor_managed"}}
}

# Only API / web app / gateway components reached from a municipal segment are subjects.
test_not_applicable_without_user_facing_component if {
	doc := t.set_component(t.base, "gw", {"kind": "relay", "authentication": null})
	count(iam_002.deny) == 0 with input as doc
	count(iam_002.not_applicable) == 1 with input as doc
}

test_components_reached_only_from_components_are_not_user_facing if {
	# `ai` and `store` are reached only from other components; make `ai` an API without authentication.
	inp := t.set_component(approved, "ai", {"kind": "api", "authentication": null})
	count(iam_002.deny) == 0 with input as inp
}

test_component_reached_by_a_flow_from_a_segment_is_user_facing if {
	doc := t.set_component(approved, "web", {"kind": "web_app", "hosting": "public_cloud", "region": "ap-northeast-1", "provider": "aws"})
	inp := t.add_flow(doc, {"id": "inet-web", "from": t.seg("internet"), "to": t.comp("web"), "transport": "internet", "tls_min_version": "1.2"})
	out := iam_002.deny with input as inp
	{[f.field, f.at] | some f in out} == {["authentication", inp.components.web._at]}
}

test_component_reached_by_a_connection_from_a_segment_is_user_facing if {
	doc := t.set_component(approved, "api", {"kind": "api", "authentication": {"method": "api_key", "provisioning": "municipal_approval"}})
	inp := t.add_connection(doc, {"id": "lgwan-api", "from": t.seg("lgwan"), "to": t.comp("api"), "transport": "lgwan"})
	out := iam_002.deny with input as inp
	{[f.field, f.values, f.at] | some f in out} == {["authentication.method", {"method": "api_key"}, inp.components.api._at]}
}
