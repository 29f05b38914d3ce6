package lgai.rules.ai_012_test

import data.lgai.rules.ai_012
import data.lgai.testing as t

qm_at := {"file": "lgai.yaml", "path": "quality_monitoring"}

monitored(triggers) := t.with_patch({"quality_monitoring": {"metrics": ["回答正確率"], "reevaluation_triggers": triggers}})

compliant := monitored(["model_change", "system_prompt_change"])

test_monitored_service_passes if {
	count(ai_012.deny) == 0 with input as compliant
	count(ai_012.not_applicable) == 0 with input as compliant
}

test_not_applicable_without_models if {
	inp := t.without_models(t.base)
	count(ai_012.deny) == 0 with input as inp
	count(ai_012.not_applicable) == 1 with input as inp
}

test_base_fails_both if {
	t.fields(ai_012.deny) == {"metrics", "reevaluation_triggers"} with input as t.base
}

test_denies_no_metrics if {
	inp := t.patch(compliant, {"quality_monitoring": {"metrics": []}})
	out := ai_012.deny with input as inp
	count(out) == 1
	some f in out
	f.at == qm_at
	f.field == "metrics"
	f.values == {"metrics": []}
}

test_denies_missing_trigger if {
	out := ai_012.deny with input as monitored(["model_change", "periodic"])
	count(out) == 1
	some f in out
	f.at == qm_at
	f.field == "reevaluation_triggers"
	f.values == {"missing": ["system_prompt_change"], "reevaluation_triggers": ["model_change", "periodic"]}
}

test_denies_all_triggers_missing if {
	out := ai_012.deny with input as monitored([])
	{f.values.missing | some f in out} == {["model_change", "system_prompt_change"]}
}

test_rag_requires_rag_source_change if {
	inp := t.patch(compliant, {"customization": {"rag": true}})
	out := ai_012.deny with input as inp
	{f.values.missing | some f in out} == {["rag_source_change"]}
	ok := t.patch(monitored(["model_change", "system_prompt_change", "rag_source_change"]), {"customization": {"rag": true}})
	count(ai_012.deny) == 0 with input as ok
}

test_generation_requires_system_prompt_change if {
	out := ai_012.deny with input as monitored(["model_change"])
	{f.values.missing | some f in out} == {["system_prompt_change"]}
}

test_without_generation_no_system_prompt_change_needed if {
	inp := t.patch(monitored(["model_change"]), {"service": {"ai_functions": ["identification"]}})
	count(ai_012.deny) == 0 with input as inp
}

test_param_required_reevaluation_triggers if {
	inp := monitored(["periodic", "system_prompt_change"])
	count(ai_012.deny) == 0 with input as inp with data.lgai.params.required_reevaluation_triggers as ["periodic"]
	out := ai_012.deny with input as compliant with data.lgai.params.required_reevaluation_triggers as ["model_change", "periodic"]
	{f.values.missing | some f in out} == {["periodic"]}
}

test_param_empty_still_requires_the_derived_triggers if {
	inp := t.patch(monitored([]), {"customization": {"rag": true}})
	out := ai_012.deny with input as inp with data.lgai.params.required_reevaluation_triggers as []
	{f.values.missing | some f in out} == {["rag_source_change", "system_prompt_change"]}
	other := t.patch(monitored([]), {"service": {"ai_functions": ["prediction"]}})
	count(ai_012.deny) == 0 with input as other with data.lgai.params.required_reevaluation_triggers as []
}
