package lgai.rules.cloud_002_test

import data.lgai.rules.cloud_002
import data.lgai.testing as t

# `base` with the cloud services named and inside the registered scopes.
scoped := t.patch(t.base, {
	"providers": {
		"aws": {"ismap": {"scope": ["Amazon Bedrock", "Amazon S3"]}},
		"vendor": {"ismap": {"scope": ["テストAIゲートウェイ"]}},
	},
	"components": {
		"gw": {"cloud_service": "テストAIゲートウェイ"},
		"ai": {"cloud_service": "Amazon Bedrock"},
		"store": {"cloud_service": "Amazon S3"},
	},
})

test_compliant_scoped_services_pass if {
	count(cloud_002.deny) == 0 with input as scoped
	count(cloud_002.undetermined) == 0 with input as scoped
	count(cloud_002.not_applicable) == 0 with input as scoped
}

test_not_applicable_below_class_2 if {
	inp := t.with_asset("memo", {"confidentiality": "1"})
	count(cloud_002.deny) == 0 with input as inp
	count(cloud_002.undetermined) == 0 with input as inp
	count(cloud_002.not_applicable) == 1 with input as inp
}

test_not_applicable_without_registered_providers if {
	doc := t.set_provider(t.base, "aws", {"ismap": {"kind": "none"}})
	inp := t.set_provider(doc, "vendor", {"ismap": null})
	count(cloud_002.undetermined) == 0 with input as inp
	count(cloud_002.not_applicable) == 1 with input as inp
}

# Undetermined 1: the service is not named (as in `base`).
test_base_without_service_names_is_undetermined if {
	count(cloud_002.deny) == 0 with input as t.base
	out := cloud_002.undetermined with input as t.base
	t.fields(out) == {"cloud_service"}
	{f.at | some f in out} == {t.base.components.gw._at, t.base.components.ai._at, t.base.components.store._at}
	{f.values | some f in out} == {{"provider": "vendor"}, {"provider": "aws"}}
}

# Undetermined 2: the registered scope is not declared (once per provider).
test_undeclared_scope_is_undetermined if {
	inp := t.set_provider(scoped, "aws", {"ismap": {"scope": []}})
	count(cloud_002.deny) == 0 with input as inp
	out := cloud_002.undetermined with input as inp
	count(out) == 1
	some f in out
	f.field == "ismap.scope"
	f.at == inp.providers.aws._at
	f.values == {"registration_id": "C21-0001-1"}
}

# Deny: the service is outside the scope.
test_denies_service_outside_scope if {
	inp := t.set_component(scoped, "ai", {"cloud_service": "Amazon SageMaker"})
	out := cloud_002.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "cloud_service"
	f.at == inp.components.ai._at
	f.values == {"cloud_service": "Amazon SageMaker", "provider": "aws", "scope": ["Amazon Bedrock", "Amazon S3"]}
	count(cloud_002.undetermined) == 0 with input as inp
}

test_scope_match_ignores_case_and_surrounding_spaces if {
	count(cloud_002.deny) == 0 with input as t.set_component(scoped, "ai", {"cloud_service": " amazon bedrock"})
}

test_ismap_liu_scope_is_checked if {
	doc := t.set_provider(scoped, "vendor", {"ismap": {"kind": "ismap_liu", "impact_assessment": "low"}})
	inp := t.set_component(doc, "gw", {"cloud_service": "別サービス"})
	{f.values.cloud_service | some f in cloud_002.deny} == {"別サービス"} with input as inp
}

test_unregistered_provider_is_another_rule if {
	# CLOUD-001 fails an unregistered provider; this rule only reads registered scopes.
	inp := t.set_provider(scoped, "aws", {"ismap": {"kind": "none", "scope": []}})
	count(cloud_002.deny) == 0 with input as inp
	count(cloud_002.undetermined) == 0 with input as inp
}

test_component_below_class_2_is_not_judged if {
	doc := t.set_asset(scoped, "stats", {"confidentiality": "1", "integrity": "1", "availability": "1", "personal": "none"})
	doc2 := t.set_component(doc, "cache", {"kind": "storage", "hosting": "lgwan_asp", "provider": "aws", "cloud_service": "Amazon ElastiCache"})
	inp := t.add_flow(doc2, {"id": "c", "asset": "stats", "from": t.comp("ai"), "to": t.comp("cache"), "purpose": "x", "transport": "private_link"})
	count(cloud_002.deny) == 0 with input as inp
}
