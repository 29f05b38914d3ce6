package lgai.rules.ai_010_test

import data.lgai.rules.ai_010
import data.lgai.testing as t

gr_at := {"file": "lgai.yaml", "path": "guardrails"}

filtered := t.with_patch({"guardrails": {"input_filter": true, "output_filter": true}})

test_filtered_generation_passes if {
	count(ai_010.deny) == 0 with input as filtered
	count(ai_010.not_applicable) == 0 with input as filtered
}

test_base_without_guardrails_fails_twice if {
	out := ai_010.deny with input as t.base
	t.fields(out) == {"input_filter", "output_filter"}
	every f in out {
		f.at == gr_at
	}
}

test_denies_missing_input_filter if {
	out := ai_010.deny with input as t.patch(filtered, {"guardrails": {"input_filter": false}})
	count(out) == 1
	some f in out
	f.at == gr_at
	f.field == "input_filter"
	f.values == {"input_filter": false}
}

test_denies_missing_output_filter if {
	out := ai_010.deny with input as t.patch(filtered, {"guardrails": {"output_filter": null}})
	count(out) == 1
	some f in out
	f.field == "output_filter"
	f.values == {"output_filter": null}
}

test_not_applicable_without_generation if {
	inp := t.with_patch({"service": {"ai_functions": ["identification"]}})
	count(ai_010.deny) == 0 with input as inp
	count(ai_010.not_applicable) == 1 with input as inp
}
