package lgai.rules.ai_001_test

import data.lgai.rules.ai_001
import data.lgai.testing as t

unprotected := t.set_asset(t.base, "memo", {"confidentiality": "1", "personal": "none"})

test_compliant_base_passes if {
	count(ai_001.deny) == 0 with input as t.base
	count(ai_001.undetermined) == 0 with input as t.base
	count(ai_001.not_applicable) == 0 with input as t.base
}

test_not_applicable_without_models if {
	inp := t.without_models(t.base)
	count(ai_001.deny) == 0 with input as inp
	count(ai_001.not_applicable) == 1 with input as inp
}

# Branch 1: training allowed or unknown (whatever the data).
test_denies_training_allowed if {
	inp := t.with_model("llm", {"training_use": "allowed"})
	out := ai_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "training_use"
	f.values == {"training_use": "allowed"}
	f.at == inp.ai_models.llm._at
}

test_denies_training_unknown_even_for_unprotected_data if {
	inp := t.set_model(unprotected, "llm", {"training_use": "unknown"})
	out := ai_001.deny with input as inp
	{f.values | some f in out} == {{"training_use": "unknown"}}
}

# Branch 2: opt-out only, with protected data.
test_denies_opt_out_for_protected_data if {
	out := ai_001.deny with input as t.with_model("llm", {"training_use": "opt_out_confirmed"})
	count(out) == 1
	some f in out
	f.field == "training_use"
	f.values == {"training_use": "opt_out_confirmed"}
}

test_opt_out_for_unprotected_data_passes if {
	count(ai_001.deny) == 0 with input as t.set_model(unprotected, "llm", {"training_use": "opt_out_confirmed"})
}

# Undetermined: prohibited, protected data, no clause cited.
test_undetermined_without_contract_clause if {
	inp := t.with_model("llm", {"training_use_evidence": null})
	count(ai_001.deny) == 0 with input as inp
	out := ai_001.undetermined with input as inp
	count(out) == 1
	some f in out
	f.field == "training_use_evidence"
	f.values == {}
	f.at == inp.ai_models.llm._at
}

test_clause_not_needed_for_unprotected_data if {
	count(ai_001.undetermined) == 0 with input as t.set_model(unprotected, "llm", {"training_use_evidence": null})
}

test_each_model_judged if {
	inp := t.set_model(t.base, "second", {"training_use": "allowed"})
	out := ai_001.deny with input as inp
	count(out) == 1
	some f in out
	f.at == inp.ai_models.second._at
}

test_missing_clause_is_not_asked_for_denied_models if {
	inp := t.with_model("llm", {"training_use": "opt_out_confirmed", "training_use_evidence": null})
	count(ai_001.undetermined) == 0 with input as inp
	t.fields(ai_001.deny) == {"training_use"} with input as inp
}
