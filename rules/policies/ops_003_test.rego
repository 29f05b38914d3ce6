package lgai.rules.ops_003_test

import data.lgai.rules.ops_003
import data.lgai.testing as t

exit_at := {"file": "lgai.yaml", "path": "exit"}

full_exit := {
	"data_return": true, "return_format": "CSV", "deletion": true, "deletion_certificate": true,
	"deadline_days": 30, "deletion_scope": ["data", "logs", "backups"],
}

exiting(p) := t.with_patch({"exit": object.union(full_exit, p)})

test_complete_exit_passes if {
	count(ops_003.deny) == 0 with input as exiting({})
}

test_base_fails_every_branch if {
	t.fields(ops_003.deny) == {"data_return", "deletion", "deletion_certificate", "deadline_days", "deletion_scope"} with input as t.base
	out := ops_003.deny with input as t.base
	{f.at | some f in out} == {exit_at}
}

# Branch 1: no data return.
test_denies_no_data_return if {
	out := ops_003.deny with input as exiting({"data_return": false})
	count(out) == 1
	some f in out
	f.field == "data_return"
	f.values == {"data_return": false}
	f.at == exit_at
}

# Branch 2: no deletion.
test_denies_no_deletion if {
	out := ops_003.deny with input as exiting({"deletion": null})
	{[f.field, f.values] | some f in out} == {["deletion", {"deletion": null}]}
}

# Branch 3: no certificate.
test_denies_no_certificate if {
	out := ops_003.deny with input as exiting({"deletion_certificate": false})
	{[f.field, f.values] | some f in out} == {["deletion_certificate", {"deletion_certificate": false}]}
}

# Branch 4: no deadline.
test_denies_no_deadline if {
	out := ops_003.deny with input as exiting({"deadline_days": null})
	{[f.field, f.values, f.at] | some f in out} == {["deadline_days", {"deadline_days": null}, exit_at]}
}

# Branch 5: deletion scope incomplete.
test_denies_scope_without_logs_and_backups if {
	out := ops_003.deny with input as exiting({"deletion_scope": ["data"]})
	count(out) == 1
	some f in out
	f.field == "deletion_scope"
	f.values == {"missing": ["backups", "logs"]}
	f.at == exit_at
}

test_rag_requires_indexes if {
	inp := t.patch(exiting({}), {"customization": {"rag": true}})
	{f.values | some f in ops_003.deny} == {{"missing": ["rag_indexes"]}} with input as inp
	ok := t.patch(exiting({"deletion_scope": ["data", "logs", "backups", "rag_indexes"]}), {"customization": {"rag": true}})
	count(ops_003.deny) == 0 with input as ok
}

test_fine_tuning_requires_tuned_weights if {
	inp := t.patch(exiting({}), {"customization": {"fine_tuning": true}})
	{f.values | some f in ops_003.deny} == {{"missing": ["tuned_weights"]}} with input as inp
}

test_model_keeping_inputs_requires_prompts_and_outputs if {
	inp := t.set_model(exiting({}), "llm", {"input_retention_days": 7})
	{f.values | some f in ops_003.deny} == {{"missing": ["outputs", "prompts"]}} with input as inp
}

test_model_keeping_outputs_requires_prompts_and_outputs if {
	inp := t.set_model(exiting({}), "llm", {"output_retention_days": 1})
	{f.values | some f in ops_003.deny} == {{"missing": ["outputs", "prompts"]}} with input as inp
	ok := t.set_model(exiting({"deletion_scope": ["data", "logs", "backups", "prompts", "outputs"]}), "llm", {"output_retention_days": 1})
	count(ops_003.deny) == 0 with input as ok
}

test_undeclared_model_retention_adds_nothing if {
	inp := t.set_model(exiting({}), "llm", {"input_retention_days": null, "output_retention_days": null})
	count(ops_003.deny) == 0 with input as inp
}

test_everything_required_at_once if {
	doc := t.patch(exiting({"deletion_scope": []}), {"customization": {"rag": true, "fine_tuning": true}})
	inp := t.set_model(doc, "llm", {"input_retention_days": 30})
	{f.values | some f in ops_003.deny} == {{"missing": ["backups", "data", "logs", "outputs", "prompts", "rag_indexes", "tuned_weights"]}} with input as inp
}

test_no_other_outputs if {
	not ops_003.undetermined with input as t.base
	not ops_003.not_applicable with input as t.base
}
