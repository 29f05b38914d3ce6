package lgai.rules.ai_014_test

import data.lgai.rules.ai_014
import data.lgai.testing as t

controls(p) := t.with_patch({"controls": p})

test_input_warning_passes if {
	count(ai_014.deny) == 0 with input as controls({"input_warning": true})
	count(ai_014.not_applicable) == 0 with input as controls({"input_warning": true})
}

test_pii_detection_passes if {
	count(ai_014.deny) == 0 with input as controls({"input_warning": false, "pii_detection": true})
}

test_denies_neither if {
	out := ai_014.deny with input as controls({"input_warning": false})
	count(out) == 1
	some f in out
	f.at == {"file": "lgai.yaml", "path": "controls"}
	f.field == "input_warning"
	f.values == {"input_warning": false, "pii_detection": null}
}

test_base_fails if {
	count(ai_014.deny) == 1 with input as t.base
}

test_not_applicable_without_generation if {
	inp := t.with_patch({"service": {"ai_functions": ["judgement"]}})
	count(ai_014.deny) == 0 with input as inp
	count(ai_014.not_applicable) == 1 with input as inp
}
