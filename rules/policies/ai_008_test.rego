package lgai.rules.ai_008_test

import data.lgai.rules.ai_008
import data.lgai.testing as t

test_compliant_base_passes if {
	count(ai_008.deny) == 0 with input as t.base
	not ai_008.not_applicable with input as t.base
	not ai_008.undetermined with input as t.base
}

# Branch 1: an AI inference component without a model.
test_denies_undeclared_ai_component if {
	inp := t.with_component("embed", {"kind": "ai_inference", "provider": "aws", "region": "ap-northeast-1"})
	out := ai_008.deny with input as inp
	count(out) == 1
	some f in out
	f.at == inp.components.embed._at
	f.field == "kind"
	f.values == {"kind": "ai_inference"}
}

test_second_model_on_new_component_passes if {
	doc := t.with_component("embed", {"kind": "ai_inference", "provider": "aws", "region": "ap-northeast-1"})
	inp := t.set_model(doc, "embedder", {"component": "embed"})
	count(ai_008.deny) == 0 with input as inp
}

test_other_kinds_need_no_model if {
	count(ai_008.deny) == 0 with input as t.with_component("vs", {"kind": "vector_store"})
}

# Branch 2: AI functions declared, no model at all.
test_denies_no_models if {
	inp := t.without_models(t.base)
	out := ai_008.deny with input as inp
	{[f.at, f.field] | some f in out} == {
		[{"file": "lgai.yaml", "path": ""}, "ai_models"],
		[inp.components.ai._at, "kind"],
	}
	some f in out
	f.field == "ai_models"
	f.values == {"ai_functions": ["generation"]}
}

test_no_models_and_no_ai_component if {
	inp := t.set_component(t.without_models(t.base), "ai", {"kind": "compute"})
	out := ai_008.deny with input as inp
	t.fields(out) == {"ai_models"}
}
