package lgai.rules.iam_001_test

import data.lgai.rules.iam_001
import data.lgai.testing as t

# The gateway of `base`, published on the internet with full MFA.
public_gw := t.with_component("gw", {"public_endpoint": true, "authentication": {"admin_mfa": true}})

# A web front end on a public cloud that receives the protected asset.
cloud_web(p) := t.add_flow(
	t.set_component(t.base, "web", object.union({"kind": "web_app", "hosting": "public_cloud", "region": "ap-northeast-1", "provider": "aws"}, p)),
	{"id": "to-web", "from": t.seg("internet"), "to": t.comp("web"), "transport": "internet", "tls_min_version": "1.2"},
)

test_base_is_not_applicable if {
	count(iam_001.deny) == 0 with input as t.base
	count(iam_001.not_applicable) == 1 with input as t.base
}

test_public_endpoint_with_user_and_admin_mfa_passes if {
	count(iam_001.deny) == 0 with input as public_gw
	count(iam_001.not_applicable) == 0 with input as public_gw
}

# Branch 1: no authentication at all.
test_denies_missing_authentication if {
	inp := t.set_component(public_gw, "gw", {"authentication": null})
	out := iam_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "authentication"
	f.values == {"authentication": null}
	f.at == inp.components.gw._at
}

# Branch 2: users without MFA.
test_denies_users_without_mfa if {
	inp := t.set_component(public_gw, "gw", {"authentication": {"mfa": false}})
	out := iam_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "authentication.mfa"
	f.values == {"mfa": false}
	f.at == inp.components.gw._at
}

# Branch 3: administrators without MFA (undeclared counts as missing).
test_denies_admins_without_mfa if {
	inp := t.with_component("gw", {"public_endpoint": true})
	out := iam_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "authentication.admin_mfa"
	f.values == {"admin_mfa": null}
	f.at == inp.components.gw._at
}

test_denies_both_mfa_fields if {
	inp := t.set_component(public_gw, "gw", {"authentication": {"mfa": false, "admin_mfa": false}})
	t.fields(iam_001.deny) == {"authentication.mfa", "authentication.admin_mfa"} with input as inp
}

# A public-cloud web app is internet-reachable even without a declared public endpoint.
test_denies_public_cloud_web_app_without_authentication if {
	inp := cloud_web({})
	out := iam_001.deny with input as inp
	{[f.field, f.at] | some f in out} == {["authentication", inp.components.web._at]}
}

test_public_cloud_web_app_with_mfa_passes if {
	inp := cloud_web({"authentication": {"method": "oidc", "mfa": true, "admin_mfa": true}})
	count(iam_001.deny) == 0 with input as inp
	count(iam_001.not_applicable) == 0 with input as inp
}

# A public-cloud back end (not an API, web app or gateway) without a public endpoint is not a subject.
test_private_public_cloud_storage_is_not_applicable if {
	doc := t.set_component(t.base, "blob", {"kind": "storage", "hosting": "public_cloud", "region": "ap-northeast-1", "provider": "aws"})
	inp := t.add_flow(doc, {"id": "to-blob", "from": t.comp("gw"), "to": t.comp("blob"), "transport": "private_link", "tls_min_version": "1.2"})
	count(iam_001.deny) == 0 with input as inp
	count(iam_001.not_applicable) == 1 with input as inp
}

# Unprotected data (機密性1, no personal information) needs no MFA here.
test_public_endpoint_with_unprotected_data_is_not_applicable if {
	doc := t.set_asset(t.base, "memo", {"confidentiality": "1", "personal": "none"})
	inp := t.set_component(doc, "gw", {"public_endpoint": true, "authentication": null})
	count(iam_001.deny) == 0 with input as inp
	count(iam_001.not_applicable) == 1 with input as inp
}

test_sensitive_personal_data_of_class_1_is_protected if {
	doc := t.set_asset(t.base, "memo", {"confidentiality": "1", "personal": "sensitive"})
	inp := t.set_component(doc, "gw", {"public_endpoint": true, "authentication": null})
	t.fields(iam_001.deny) == {"authentication"} with input as inp
}

test_no_undetermined if {
	not iam_001.undetermined with input as t.with_component("gw", {"public_endpoint": true})
}
