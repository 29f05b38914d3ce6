package lgai.rules.enc_002_test

import data.lgai.rules.enc_002
import data.lgai.testing as t

test_compliant_base_passes if {
	count(enc_002.deny) == 0 with input as t.base
	count(enc_002.not_applicable) == 0 with input as t.base
}

test_not_applicable_without_protected_network_flows if {
	doc := t.set_asset(t.base, "memo", {"confidentiality": "1", "personal": "none"})
	inp := t.set_flow(doc, "up", {"tls_min_version": null})
	count(enc_002.deny) == 0 with input as inp
	count(enc_002.not_applicable) == 1 with input as inp
}

# Branch 1: no TLS declared.
test_denies_undeclared_tls if {
	inp := t.with_flow("infer", {"tls_min_version": null})
	out := enc_002.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "tls_min_version"
	f.values == {"tls_min_version": null}
	f.at == inp.flows[1]._at
}

test_closed_network_is_not_exempt if {
	inp := t.with_flow("up", {"transport": "lgwan", "tls_min_version": null})
	t.fields(enc_002.deny) == {"tls_min_version"} with input as inp
}

test_internal_and_removable_media_are_not_network_flows if {
	count(enc_002.deny) == 0 with input as t.with_flow("keep", {"transport": "internal", "tls_min_version": null})
	count(enc_002.deny) == 0 with input as t.with_flow("keep", {"transport": "removable_media", "tls_min_version": null})
}

test_personal_data_of_class_1_is_protected if {
	doc := t.set_asset(t.base, "memo", {"confidentiality": "1", "personal": "personal"})
	inp := t.set_flow(doc, "up", {"tls_min_version": null})
	t.fields(enc_002.deny) == {"tls_min_version"} with input as inp
}

# Branch 2: TLS below the minimum.
test_denies_old_tls if {
	inp := t.with_flow("up", {"tls_min_version": "1.0"})
	out := enc_002.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "tls_min_version"
	f.values == {"tls_min_version": "1.0", "minimum": "1.2"}
	f.at == inp.flows[0]._at
}

test_denies_plaintext if {
	out := enc_002.deny with input as t.with_flow("up", {"tls_min_version": "none"})
	{f.values | some f in out} == {{"tls_min_version": "none", "minimum": "1.2"}}
}

test_tls_1_3_passes if {
	count(enc_002.deny) == 0 with input as t.with_flow("up", {"tls_min_version": "1.3"})
}

# Branch 3: a receiving component accepts old TLS.
test_denies_component_accepting_old_tls if {
	inp := t.with_component("gw", {"encryption": {"tls_min_version": "1.1"}})
	out := enc_002.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "encryption.tls_min_version"
	f.values == {"tls_min_version": "1.1"}
	f.at == inp.components.gw._at
}

test_component_without_declared_tls_passes if {
	count(enc_002.deny) == 0 with input as t.with_component("gw", {"encryption": {"tls_min_version": null}})
}

test_unprotected_component_accepting_old_tls_passes if {
	inp := t.set_component(t.base, "idle", {"kind": "web_app", "encryption": {"tls_min_version": "1.0"}})
	count(enc_002.deny) == 0 with input as inp
}

# Parameter: minimum TLS version.
test_param_min_tls_1_3 if {
	out := enc_002.deny with input as t.base with data.lgai.params.min_tls_version as "1.3"
	count(out) == 7 # 4 flows + 3 components declaring TLS 1.2
	t.fields(out) == {"tls_min_version", "encryption.tls_min_version"}
	some f in out
	f.values == {"tls_min_version": "1.2", "minimum": "1.3"}
}
