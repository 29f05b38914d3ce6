package lgai.rules.enc_001_test

import data.lgai.rules.enc_001
import data.lgai.testing as t

test_compliant_base_passes if {
	count(enc_001.deny) == 0 with input as t.base
	count(enc_001.not_applicable) == 0 with input as t.base
}

test_not_applicable_without_protected_store if {
	inp := t.with_asset("memo", {"confidentiality": "1", "personal": "none"})
	count(enc_001.deny) == 0 with input as inp
	count(enc_001.not_applicable) == 1 with input as inp
}

test_denies_store_not_encrypted if {
	inp := t.with_component("store", {"encryption": {"at_rest": false}})
	out := enc_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "encryption.at_rest"
	f.values == {"at_rest": false}
	f.at == inp.components.store._at
}

test_denies_undeclared_encryption if {
	out := enc_001.deny with input as t.with_component("store", {"encryption": {"at_rest": null}})
	{f.values | some f in out} == {{"at_rest": null}}
}

test_denies_other_storing_kinds if {
	doc := t.set_component(t.base, "vec", {"kind": "vector_store", "provider": "aws", "region": "ap-northeast-1"})
	inp := t.add_flow(doc, {"id": "embed", "from": t.comp("ai"), "to": t.comp("vec"), "transport": "private_link", "tls_min_version": "1.2"})
	out := enc_001.deny with input as inp
	count(out) == 1
	some f in out
	f.at == inp.components.vec._at
}

test_personal_data_of_class_1_is_protected if {
	doc := t.set_asset(t.base, "memo", {"confidentiality": "1", "personal": "personal"})
	inp := t.set_component(doc, "store", {"encryption": {"at_rest": false}})
	t.fields(enc_001.deny) == {"encryption.at_rest"} with input as inp
}

test_non_storing_component_is_not_checked if {
	count(enc_001.deny) == 0 with input as t.with_component("ai", {"encryption": {"at_rest": false}})
}
