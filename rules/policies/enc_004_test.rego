package lgai.rules.enc_004_test

import data.lgai.rules.enc_004
import data.lgai.testing as t

ops_at := {"file": "lgai.yaml", "path": "operations"}

secret_store := t.with_patch({"operations": {"secrets_management": "secret_store"}})

test_private_paths_and_secret_store_pass if {
	count(enc_004.deny) == 0 with input as secret_store
	count(enc_004.not_applicable) == 0 with input as secret_store
}

# Branch 1: a component reaches the AI component over the internet.
test_denies_flow_to_ai_over_internet if {
	inp := t.set_flow(secret_store, "infer", {"transport": "internet"})
	out := enc_004.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "transport"
	f.values == {"transport": "internet"}
	f.at == inp.flows[1]._at
}

test_denies_connection_to_ai_over_internet if {
	inp := t.set_connection(secret_store, "gw-ai", {"transport": "internet"})
	out := enc_004.deny with input as inp
	{[f.field, f.at] | some f in out} == {["transport", inp.connections[1]._at]}
}

test_denies_connection_and_flow_separately if {
	doc := t.set_connection(secret_store, "gw-ai", {"transport": "internet"})
	inp := t.set_flow(doc, "infer", {"transport": "internet"})
	{f.at | some f in enc_004.deny} == {inp.connections[1]._at, inp.flows[1]._at} with input as inp
}

test_ai_inference_component_without_model_counts if {
	doc := t.set_component(secret_store, "ocr", {"kind": "ai_inference", "hosting": "public_cloud", "region": "ap-northeast-1", "provider": "aws"})
	inp := t.add_connection(doc, {"id": "gw-ocr", "from": t.comp("gw"), "to": t.comp("ocr"), "transport": "internet"})
	{f.at | some f in enc_004.deny} == {inp.connections[3]._at} with input as inp
}

test_component_running_a_model_counts if {
	# `store` is not ai_inference, but a declared model runs on it.
	doc := t.set_model(secret_store, "llm", {"component": "store"})
	inp := t.set_connection(doc, "ai-store", {"transport": "internet"})
	{f.at | some f in enc_004.deny} == {inp.connections[2]._at} with input as inp
}

test_internet_edges_to_other_components_pass if {
	inp := t.set_connection(secret_store, "lgwan-gw", {"transport": "internet"})
	count(enc_004.deny) == 0 with input as inp
}

test_segment_sources_are_left_to_segmentation_rules if {
	inp := t.add_flow(secret_store, {"id": "inet-ai", "from": t.seg("internet"), "to": t.comp("ai"), "transport": "internet", "tls_min_version": "1.2"})
	count(enc_004.deny) == 0 with input as inp
}

# Branch 2: keys not in a secret store (undeclared, as in `base`).
test_denies_undeclared_secrets_management if {
	out := enc_004.deny with input as t.base
	count(out) == 1
	some f in out
	f.field == "secrets_management"
	f.values == {"secrets_management": null}
	f.at == ops_at
}

test_denies_keys_in_environment_or_code if {
	every v in ["environment", "source_code", "none"] {
		{f.values | some f in enc_004.deny} == {{"secrets_management": v}} with input as t.with_patch({"operations": {"secrets_management": v}})
	}
}

test_not_applicable_without_ai if {
	doc := t.without_models(t.base)
	inp := t.set_component(doc, "ai", {"kind": "compute"})
	count(enc_004.deny) == 0 with input as inp
	count(enc_004.not_applicable) == 1 with input as inp
}

test_ai_component_without_models_needs_no_secret_store if {
	inp := t.without_models(t.base)
	count(enc_004.deny) == 0 with input as inp
	count(enc_004.not_applicable) == 0 with input as inp
}
