package lgai.rules.cloud_001_test

import data.lgai.rules.cloud_001
import data.lgai.testing as t

test_compliant_base_passes if {
	count(cloud_001.deny) == 0 with input as t.base
	count(cloud_001.undetermined) == 0 with input as t.base
	count(cloud_001.not_applicable) == 0 with input as t.base
}

test_not_applicable_below_confidentiality_2 if {
	# Personal data of 機密性1 does not bring a provider under ISMAP (the rule reads conf ranks only).
	doc := t.set_asset(t.base, "memo", {"confidentiality": "1", "personal": "personal"})
	inp := t.set_provider(doc, "aws", {"ismap": null})
	count(cloud_001.deny) == 0 with input as inp
	count(cloud_001.not_applicable) == 1 with input as inp
}

test_provider_without_cloud_role_is_not_a_subject if {
	inp := t.with_provider("vendor", {"roles": ["operator"], "ismap": null})
	count(cloud_001.deny) == 0 with input as inp
}

# Branch 1: no registration.
test_denies_unregistered_provider if {
	inp := t.with_provider("aws", {"ismap": null})
	out := cloud_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "ismap"
	f.values == {"ismap": null}
	f.at == inp.providers.aws._at
}

test_denies_provider_declared_not_registered if {
	out := cloud_001.deny with input as t.with_provider("aws", {"ismap": {"kind": "none", "registration_id": null}})
	count(out) == 1
	some f in out
	f.field == "ismap"
	f.values == {"ismap": "none"}
}

test_denies_model_provider_reached_only_through_a_model if {
	doc := t.set_provider(t.base, "openai", {"name": "OpenAI", "country": "US", "roles": ["model_provider"]})
	inp := t.set_model(doc, "llm", {"provider": "openai"})
	out := cloud_001.deny with input as inp
	count(out) == 1
	some f in out
	f.values == {"ismap": null}
	f.at == inp.providers.openai._at
}

# Branch 2: expired registration.
test_denies_expired_registration if {
	out := cloud_001.deny with input as t.with_provider("aws", {"ismap": {"valid_until": "2026-11-24"}})
	count(out) == 1
	some f in out
	f.field == "ismap.valid_until"
	f.values == {"valid_until": "2026-11-24", "as_of": "2026-11-25"}
}

test_registration_valid_on_the_day_passes if {
	count(cloud_001.deny) == 0 with input as t.with_provider("aws", {"ismap": {"valid_until": "2026-11-25"}})
}

test_expiry_is_judged_on_as_of if {
	inp := t.with_patch({"lgai": {"as_of": "2027-07-01"}})
	out := cloud_001.deny with input as inp
	{f.values | some f in out} == {{"valid_until": "2027-06-30", "as_of": "2027-07-01"}}
}

# Branch 3: ISMAP-LIU.
test_liu_low_impact_for_class_2_passes if {
	inp := t.with_provider("vendor", {"ismap": {"kind": "ismap_liu", "impact_assessment": "low"}})
	count(cloud_001.deny) == 0 with input as inp
}

test_denies_liu_not_low if {
	inp := t.with_provider("vendor", {"ismap": {"kind": "ismap_liu", "impact_assessment": "not_low"}})
	out := cloud_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "ismap.impact_assessment"
	f.values == {"kind": "ismap_liu", "impact_assessment": "not_low", "conf_rank": 2}
	f.at == inp.providers.vendor._at
}

test_denies_liu_without_assessment if {
	out := cloud_001.deny with input as t.with_provider("vendor", {"ismap": {"kind": "ismap_liu"}})
	{f.values | some f in out} == {{"kind": "ismap_liu", "impact_assessment": null, "conf_rank": 2}}
}

test_denies_liu_for_class_3 if {
	doc := t.set_asset(t.base, "memo", {"confidentiality": "3C"})
	inp := t.set_provider(doc, "vendor", {"ismap": {"kind": "ismap_liu", "impact_assessment": "low"}})
	out := cloud_001.deny with input as inp
	{f.values | some f in out} == {{"kind": "ismap_liu", "impact_assessment": "low", "conf_rank": 3}}
}

test_denies_liu_for_class_3_legacy_scheme if {
	doc := t.set_asset(t.base, "memo", {"confidentiality": "3"}) with data.lgai.params.confidentiality_scheme as "legacy_three_level"
	doc.assets.memo.conf_rank == 3
	inp := t.set_provider(doc, "vendor", {"ismap": {"kind": "ismap_liu", "impact_assessment": "low"}})
	t.fields(cloud_001.deny) == {"ismap.impact_assessment"} with input as inp
}

# Undetermined: registered, no expiry declared.
test_undetermined_without_expiry if {
	inp := t.with_provider("aws", {"ismap": {"valid_until": null}})
	count(cloud_001.deny) == 0 with input as inp
	out := cloud_001.undetermined with input as inp
	count(out) == 1
	some f in out
	f.field == "ismap.valid_until"
	f.at == inp.providers.aws._at
}

test_provider_of_components_without_class_2_data_needs_no_ismap if {
	doc := t.set_provider(t.base, "cdn", {"roles": ["saas"]})
	inp := t.set_component(doc, "static", {"kind": "web_app", "provider": "cdn", "hosting": "public_cloud", "region": "ap-northeast-1"})
	count(cloud_001.deny) == 0 with input as inp
	count(cloud_001.undetermined) == 0 with input as inp
}

test_non_subject_providers_are_not_checked if {
	inp := t.with_provider("support", {"roles": ["support"], "ismap": {"kind": "ismap", "registration_id": "X", "valid_until": null, "impact_assessment": null}})
	count(cloud_001.undetermined) == 0 with input as inp
	inp2 := t.with_provider("support", {"roles": ["support"], "ismap": {"kind": "ismap_liu", "registration_id": "X", "valid_until": "2020-01-01", "impact_assessment": "not_low"}})
	count(cloud_001.deny) == 0 with input as inp2
}

test_unregistered_provider_is_not_also_checked_for_expiry if {
	inp := t.with_provider("aws", {"ismap": {"kind": "none", "valid_until": "2020-01-01"}})
	t.fields(cloud_001.deny) == {"ismap"} with input as inp
	inp2 := t.with_provider("aws", {"ismap": {"kind": "none", "valid_until": null}})
	count(cloud_001.undetermined) == 0 with input as inp2
}
