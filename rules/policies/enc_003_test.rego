package lgai.rules.enc_003_test

import data.lgai.rules.enc_003
import data.lgai.testing as t

# `base` stores 機密性2 personal data: not a subject.
test_base_is_not_applicable if {
	count(enc_003.deny) == 0 with input as t.base
	count(enc_003.not_applicable) == 1 with input as t.base
}

class3 := t.with_asset("memo", {"confidentiality": "3B"})

test_customer_managed_key_passes if {
	count(enc_003.deny) == 0 with input as class3
	count(enc_003.not_applicable) == 0 with input as class3
}

test_hsm_passes if {
	count(enc_003.deny) == 0 with input as t.set_component(class3, "store", {"encryption": {"key_management": "hsm"}})
}

# Branch: provider-managed, none or undeclared keys.
test_denies_provider_managed_key_for_class_3 if {
	inp := t.set_component(class3, "store", {"encryption": {"key_management": "provider_managed"}})
	out := enc_003.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "encryption.key_management"
	f.values == {"key_management": "provider_managed"}
	f.at == inp.components.store._at
}

test_denies_undeclared_key_for_sensitive_personal_data if {
	doc := t.with_asset("memo", {"personal": "sensitive"})
	inp := t.set_component(doc, "store", {"encryption": {"key_management": null}})
	out := enc_003.deny with input as inp
	{[f.field, f.values] | some f in out} == {["encryption.key_management", {"key_management": null}]}
}

test_denies_no_key_for_specific_personal_data if {
	doc := t.with_asset("memo", {"personal": "specific"})
	inp := t.set_component(doc, "store", {"encryption": {"key_management": "none"}})
	{f.values | some f in enc_003.deny} == {{"key_management": "none"}} with input as inp
}

test_legacy_scheme_class_3 if {
	doc := t.set_component(class3, "store", {"encryption": {"key_management": "provider_managed"}})
	inp := t.set_asset(doc, "memo", {"confidentiality": "3"}) with data.lgai.params.confidentiality_scheme as "legacy_three_level"
	count(enc_003.deny) == 1 with input as inp with data.lgai.params.confidentiality_scheme as "legacy_three_level"
}

# Non-storing components are not subjects, whatever they receive.
test_non_storing_components_are_not_subjects if {
	inp := t.set_component(class3, "gw", {"encryption": {"key_management": "provider_managed"}})
	count(enc_003.deny) == 0 with input as inp
}

test_class_3c_is_class_3 if {
	doc := t.with_asset("memo", {"confidentiality": "3C"})
	inp := t.set_component(doc, "store", {"encryption": {"key_management": "provider_managed"}})
	count(enc_003.deny) == 1 with input as inp
}
