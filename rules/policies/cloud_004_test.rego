package lgai.rules.cloud_004_test

import data.lgai.rules.cloud_004
import data.lgai.testing as t

unclassified := t.with_asset("memo", {"confidentiality": "1"})

test_compliant_negotiated_contracts_pass if {
	count(cloud_004.deny) == 0 with input as t.base
	count(cloud_004.not_applicable) == 0 with input as t.base
}

test_not_applicable_below_class_2 if {
	doc := t.set_model(unclassified, "llm", {"contract_type": "click_through"})
	inp := t.patch(doc, {"contract": {"type": "click_through"}})
	count(cloud_004.deny) == 0 with input as inp
	count(cloud_004.not_applicable) == 1 with input as inp
}

# Branch 1: the service contract.
test_denies_click_through_service_contract if {
	inp := t.with_patch({"contract": {"type": "click_through"}})
	out := cloud_004.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "type"
	f.at == inp.contract._at
	f.values == {"type": "click_through", "conf_rank_max": 2}
}

test_service_without_contract_section_is_not_judged_here if {
	# A missing contract section is LOC-003's open point; the models are still checked.
	inp := t.with_patch({"contract": null})
	count(cloud_004.deny) == 0 with input as inp
}

# Branch 2: an AI model's contract.
test_denies_click_through_model if {
	inp := t.with_model("llm", {"contract_type": "click_through"})
	out := cloud_004.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "contract_type"
	f.at == inp.ai_models.llm._at
	f.values == {"contract_type": "click_through", "conf_rank_max": 2}
}

test_click_through_model_on_unclassified_component_passes if {
	# The model `free` sits on a component that only receives 機密性1 data; the service still handles 機密性2.
	doc := t.set_asset(t.base, "pub", {"confidentiality": "1", "integrity": "1", "availability": "1", "personal": "none"})
	doc2 := t.set_component(doc, "free-ai", {"kind": "ai_inference", "hosting": "public_cloud", "region": "ap-northeast-1"})
	doc3 := t.add_flow(doc2, {"id": "pub-in", "asset": "pub", "from": t.seg("internet"), "to": t.comp("free-ai"), "purpose": "x", "transport": "internet"})
	inp := t.set_model(doc3, "free", {"component": "free-ai", "provider": "aws", "contract_type": "click_through"})
	count(cloud_004.deny) == 0 with input as inp
	count(cloud_004.not_applicable) == 0 with input as inp
}

test_both_branches if {
	doc := t.set_model(t.base, "llm", {"contract_type": "click_through"})
	inp := t.patch(doc, {"contract": {"type": "click_through"}})
	t.fields(cloud_004.deny) == {"type", "contract_type"} with input as inp
}

test_class_3_reported_with_its_rank if {
	doc := t.set_asset(t.base, "memo", {"confidentiality": "3B"})
	inp := t.patch(doc, {"contract": {"type": "click_through"}})
	{f.values.conf_rank_max | some f in cloud_004.deny} == {4} with input as inp
}
