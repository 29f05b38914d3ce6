package lgai.rules.log_002_test

import data.lgai.rules.log_002
import data.lgai.testing as t

full_log := {
	"prompts": true, "outputs": true,
	"fields": ["user_id", "timestamp", "model_version", "use_case", "department"],
	"municipality_access": true, "retention_days": 400, "region": "ap-northeast-1",
}

logged(p) := t.with_model("llm", {"audit_log": object.union(full_log, p)})

test_complete_audit_log_passes if {
	count(log_002.deny) == 0 with input as logged({})
	count(log_002.not_applicable) == 0 with input as logged({})
}

test_not_applicable_without_models if {
	inp := t.without_models(t.base)
	count(log_002.deny) == 0 with input as inp
	count(log_002.not_applicable) == 1 with input as inp
}

# Branch 1: no audit log (as in `base`).
test_denies_missing_audit_log if {
	out := log_002.deny with input as t.base
	count(out) == 1
	some f in out
	f.field == "audit_log"
	f.values == {"audit_log": null}
	f.at == t.base.ai_models.llm._at
}

# Branch 2: prompts not recorded.
test_denies_unrecorded_prompts if {
	inp := logged({"prompts": false})
	out := log_002.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "audit_log.prompts"
	f.values == {"prompts": false}
	f.at == inp.ai_models.llm._at
}

# Branch 3: outputs not recorded.
test_denies_unrecorded_outputs if {
	out := log_002.deny with input as logged({"outputs": false})
	{[f.field, f.values] | some f in out} == {["audit_log.outputs", {"outputs": false}]}
}

# Branch 4: required fields missing.
test_denies_missing_fields if {
	out := log_002.deny with input as logged({"fields": ["timestamp", "user_id"]})
	count(out) == 1
	some f in out
	f.field == "audit_log.fields"
	f.values == {"missing": ["model_version", "use_case"]}
}

test_denies_empty_fields if {
	out := log_002.deny with input as logged({"fields": []})
	{f.values | some f in out} == {{"missing": ["model_version", "timestamp", "use_case", "user_id"]}}
}

test_param_required_ai_log_fields if {
	inp := logged({"fields": ["user_id", "timestamp"]})
	count(log_002.deny) == 0 with input as inp with data.lgai.params.required_ai_log_fields as ["user_id", "timestamp"]
	out := log_002.deny with input as inp with data.lgai.params.required_ai_log_fields as ["user_id", "department"]
	{f.values | some f in out} == {{"missing": ["department"]}}
}

# Branch 5: municipality cannot read the log.
test_denies_no_municipality_access if {
	out := log_002.deny with input as logged({"municipality_access": false})
	{[f.field, f.values] | some f in out} == {["audit_log.municipality_access", {"municipality_access": false}]}
}

# Branch 6: log stored outside Japan.
test_denies_foreign_log_region if {
	out := log_002.deny with input as logged({"region": "us-east-1"})
	{[f.field, f.values] | some f in out} == {["audit_log.region", {"region": "us-east-1"}]}
}

test_undeclared_log_region_passes if {
	count(log_002.deny) == 0 with input as logged({"region": null})
}

# Branch 7: kept longer than the municipality allows (no maximum by default).
test_no_retention_maximum_by_default if {
	count(log_002.deny) == 0 with input as logged({"retention_days": 3650})
}

test_param_max_ai_log_retention_days if {
	out := log_002.deny with input as logged({"retention_days": 400}) with data.lgai.params.max_ai_log_retention_days as 365
	count(out) == 1
	some f in out
	f.field == "audit_log.retention_days"
	f.values == {"retention_days": 400, "maximum": 365}
	count(log_002.deny) == 0 with input as logged({"retention_days": 365}) with data.lgai.params.max_ai_log_retention_days as 365
	count(log_002.deny) == 0 with input as logged({"retention_days": null}) with data.lgai.params.max_ai_log_retention_days as 365
}

test_every_model_is_checked if {
	inp := t.set_model(logged({}), "embed", {"component": "ai"})
	out := log_002.deny with input as inp
	{[f.field, f.at] | some f in out} == {["audit_log", inp.ai_models.embed._at]}
}

test_no_undetermined if {
	not log_002.undetermined with input as t.base
}
