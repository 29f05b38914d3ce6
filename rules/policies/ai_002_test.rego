package lgai.rules.ai_002_test

import data.lgai.rules.ai_002
import data.lgai.testing as t

unprotected := t.set_asset(t.base, "memo", {"confidentiality": "1", "personal": "none"})

test_compliant_zero_retention_passes if {
	count(ai_002.deny) == 0 with input as t.base
	count(ai_002.not_applicable) == 0 with input as t.base
}

test_not_applicable_without_models if {
	inp := t.without_models(t.base)
	count(ai_002.deny) == 0 with input as inp
	count(ai_002.not_applicable) == 1 with input as inp
}

# Branch 1: retention not declared.
test_denies_undeclared_retention if {
	inp := t.with_model("llm", {"input_retention_days": null})
	out := ai_002.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "input_retention_days"
	f.values == {}
	f.at == inp.ai_models.llm._at
}

# Branch 2: over the maximum.
test_denies_retention_over_maximum if {
	out := ai_002.deny with input as t.with_model("llm", {"input_retention_days": 90})
	count(out) == 1 # every protected flow into `ai` is an entrustment, so branch 3 is silent
	some f in out
	f.field == "input_retention_days"
	f.values == {"input_retention_days": 90, "maximum": 30}
}

test_retention_over_maximum_for_unprotected_data if {
	out := ai_002.deny with input as t.set_model(unprotected, "llm", {"input_retention_days": 31})
	{f.values | some f in out} == {{"input_retention_days": 31, "maximum": 30}}
}

test_param_max_input_retention_days if {
	inp := t.with_model("llm", {"input_retention_days": 7})
	out := ai_002.deny with input as inp with data.lgai.params.max_input_retention_days as 5
	{f.values | some f in out} == {{"input_retention_days": 7, "maximum": 5}}
}

# Branch 3: protected inputs kept without an entrustment.
test_retention_under_entrustment_passes if {
	count(ai_002.deny) == 0 with input as t.with_model("llm", {"input_retention_days": 7})
}

test_denies_retention_when_flow_is_a_provision if {
	doc := t.set_model(t.base, "llm", {"input_retention_days": 7})
	inp := t.set_flow(doc, "infer", {"legal_relation": "provision"})
	out := ai_002.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "input_retention_days"
	f.values == {"input_retention_days": 7}
}

test_denies_retention_when_legal_relation_undeclared if {
	doc := t.set_model(t.base, "llm", {"input_retention_days": 7})
	inp := t.set_flow(doc, "infer", {"legal_relation": null})
	{f.values | some f in ai_002.deny} == {{"input_retention_days": 7}} with input as inp
}

test_every_protected_flow_must_be_entrusted if {
	doc := t.set_model(t.base, "llm", {"input_retention_days": 7})
	inp := t.add_flow(doc, {"id": "direct", "from": t.seg("lgwan"), "to": t.comp("ai"), "transport": "lgwan", "tls_min_version": "1.2"})
	{f.values | some f in ai_002.deny} == {{"input_retention_days": 7}} with input as inp
}

test_unprotected_retention_within_maximum_passes if {
	doc := t.set_model(unprotected, "llm", {"input_retention_days": 7})
	count(ai_002.deny) == 0 with input as t.set_flow(doc, "infer", {"legal_relation": null})
}

# Branch 4: provider staff review protected inputs.
test_denies_provider_human_review if {
	inp := t.with_model("llm", {"provider_human_review": true})
	out := ai_002.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "provider_human_review"
	f.values == {"provider_human_review": true}
}

test_provider_human_review_of_unprotected_data_passes if {
	count(ai_002.deny) == 0 with input as t.set_model(unprotected, "llm", {"provider_human_review": true})
}

test_retention_at_the_maximum_passes if {
	count(ai_002.deny) == 0 with input as t.with_model("llm", {"input_retention_days": 30})
}

test_zero_retention_needs_no_entrustment if {
	count(ai_002.deny) == 0 with input as t.with_flow("infer", {"legal_relation": "provision"})
}
