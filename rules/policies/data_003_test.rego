package lgai.rules.data_003_test

import data.lgai.rules.data_003
import data.lgai.testing as t

# `base` with the municipality's approval of 機密性2 for the model: fully compliant.
approved := t.with_model("llm", {"approved_max_confidentiality": "2"})

# 機密性3A data sent to the cloud AI `ai` (flow `infer`, flows[1]); the model is approved for 3A so
# only the ceiling (branch a) speaks.
secret := t.set_model(t.set_asset(t.base, "memo", {"confidentiality": "3A"}), "llm", {"approved_max_confidentiality": "3A"})

exception(p) := object.union(
	{"id": "ex1", "requirement": "LGAI-DATA-003", "description": "例外", "approved": true, "approved_by": "CISO", "expires": "2027-03-31", "compensating_controls": [], "_at": {"file": "lgai.yaml", "path": "exceptions[0]"}},
	p,
)

with_exception(doc, p) := t.set_flow(t.patch(doc, {"exceptions": {"ex1": exception(p)}}), "infer", {"exception_id": "ex1"})

test_compliant_approved_model_passes if {
	count(data_003.deny) == 0 with input as approved
	count(data_003.undetermined) == 0 with input as approved
	count(data_003.not_applicable) == 0 with input as approved
}

# Without an approved class, 機密性2 in the model needs the municipality's document.
test_base_without_approved_class_is_undetermined if {
	count(data_003.deny) == 0 with input as t.base
	out := data_003.undetermined with input as t.base
	count(out) == 1
	some f in out
	f.field == "approved_max_confidentiality"
	f.at == t.base.ai_models.llm._at
	f.values == {"conf_rank_max": 2}
}

test_class_1_data_needs_no_approval if {
	inp := t.with_asset("memo", {"confidentiality": "1"})
	count(data_003.deny) == 0 with input as inp
	count(data_003.undetermined) == 0 with input as inp
	count(data_003.not_applicable) == 0 with input as inp
}

test_not_applicable_when_ai_is_on_premises if {
	inp := t.set_component(secret, "ai", {"hosting": "on_premises"})
	count(data_003.deny) == 0 with input as inp
	count(data_003.undetermined) == 0 with input as inp
	count(data_003.not_applicable) == 1 with input as inp
}

test_not_applicable_when_ai_is_in_a_municipal_segment if {
	inp := t.set_component(t.set_model(secret, "llm", {"approved_max_confidentiality": null}), "ai", {"hosting": "lgwan"})
	count(data_003.deny) == 0 with input as inp
	count(data_003.undetermined) == 0 with input as inp
	count(data_003.not_applicable) == 1 with input as inp
}

test_not_applicable_without_flows_into_ai if {
	inp := t.without_flow(t.base, "infer")
	count(data_003.undetermined) == 0 with input as inp
	count(data_003.not_applicable) == 1 with input as inp
}

# Branch (a): above the ceiling for any cloud AI.
test_denies_class_3_to_cloud_ai if {
	out := data_003.deny with input as secret
	count(out) == 1
	some f in out
	f.field == "asset"
	f.at == secret.flows[1]._at
	f.values == {"asset": "memo", "confidentiality": "3A", "conf_rank": 5, "max_conf_rank": 2, "exception_id": null}
	f.msg.ja == "infer: 機密性3A のデータ memo がクラウドAI ai へ送られる (上限は機密性2、有効な例外措置なし)"
	count(data_003.not_applicable) == 0 with input as secret
}

test_public_cloud_and_lgwan_asp_ai_are_both_cloud_ai if {
	inp := t.set_component(secret, "ai", {"hosting": "public_cloud"})
	t.fields(data_003.deny) == {"asset"} with input as inp
}

test_ai_inference_without_model_is_checked if {
	inp := t.without_models(secret)
	{f.values.asset | some f in data_003.deny} == {"memo"} with input as inp
}

test_component_named_by_a_model_is_ai if {
	inp := t.set_component(secret, "ai", {"kind": "compute"})
	{f.field | some f in data_003.deny} == {"asset"} with input as inp
}

test_valid_exception_allows_class_3 if {
	inp := with_exception(secret, {})
	count(data_003.deny) == 0 with input as inp
}

test_exception_without_expiry_is_valid if {
	count(data_003.deny) == 0 with input as with_exception(secret, {"expires": null})
}

test_exception_expiring_today_is_valid if {
	count(data_003.deny) == 0 with input as with_exception(secret, {"expires": "2026-11-25"})
}

test_denies_expired_exception if {
	inp := with_exception(secret, {"expires": "2026-11-24"})
	out := data_003.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "exception_id"
	f.values.exception_id == "ex1"
	f.at == inp.flows[1]._at
}

test_denies_unapproved_exception if {
	t.fields(data_003.deny) == {"exception_id"} with input as with_exception(secret, {"approved": false})
}

test_denies_exception_for_another_requirement if {
	t.fields(data_003.deny) == {"exception_id"} with input as with_exception(secret, {"requirement": "LGAI-SEG-001"})
}

test_param_max_conf_rank_to_cloud_ai if {
	out := data_003.deny with input as approved with data.lgai.params.max_conf_rank_to_cloud_ai as 1
	count(out) == 1
	some f in out
	f.field == "asset"
	f.values.max_conf_rank == 1
	f.msg.en == "infer: 機密性2 data memo goes to cloud AI ai (the limit is 機密性1; no valid exception)"
}

test_param_allows_class_3c if {
	inp := t.set_model(t.set_asset(t.base, "memo", {"confidentiality": "3C"}), "llm", {"approved_max_confidentiality": "3C"})
	count(data_003.deny) == 1 with input as inp
	count(data_003.deny) == 0 with input as inp with data.lgai.params.max_conf_rank_to_cloud_ai as 3
}

# Branch (b): above the class approved for the model.
test_denies_data_above_the_approved_class if {
	inp := t.with_model("llm", {"approved_max_confidentiality": "1"})
	out := data_003.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "to"
	f.at == inp.flows[1]._at
	f.values == {"asset": "memo", "confidentiality": "2", "ai_model": "llm", "approved_max_confidentiality": "1"}
	count(data_003.undetermined) == 0 with input as inp
}

test_both_branches_report if {
	inp := t.set_model(secret, "llm", {"approved_max_confidentiality": "3B"})
	t.fields(data_003.deny) == {"asset", "to"} with input as inp
}

test_each_model_on_the_component_is_checked if {
	doc := t.set_model(approved, "small", {"component": "ai", "provider": "aws", "approved_max_confidentiality": "1"})
	out := data_003.deny with input as doc
	{f.values.ai_model | some f in out} == {"small"}
	inp := t.set_model(approved, "small", {"component": "ai", "provider": "aws"})
	{f.at | some f in data_003.undetermined} == {inp.ai_models.small._at} with input as inp
}

test_legacy_scheme_ranks_approved_class if {
	inp := t.set_model(t.set_asset(t.base, "memo", {"confidentiality": "3"}), "llm", {"approved_max_confidentiality": "2"}) with data.lgai.params.confidentiality_scheme as "legacy_three_level"
	inp.flows[1].conf_rank == 3
	out := data_003.deny with input as inp with data.lgai.params.confidentiality_scheme as "legacy_three_level"
	t.fields(out) == {"asset", "to"}
	ok := t.set_model(inp, "llm", {"approved_max_confidentiality": "3"})
	out2 := data_003.deny with input as ok with data.lgai.params.confidentiality_scheme as "legacy_three_level"
	{f.msg.ja | some f in out2} == {"infer: 機密性3 のデータ memo がクラウドAI ai へ送られる (上限は機密性2、有効な例外措置なし)"}
}

test_model_on_premises_is_not_judged if {
	doc := t.set_component(approved, "local", {"kind": "ai_inference", "hosting": "on_premises"})
	doc2 := t.add_flow(doc, {"id": "loc", "asset": "memo", "from": t.seg("lgwan"), "to": t.comp("local"), "transport": "internal"})
	inp := t.set_model(doc2, "local-llm", {"component": "local", "provider": "vendor", "approved_max_confidentiality": "1"})
	count(data_003.deny) == 0 with input as inp
	count(data_003.undetermined) == 0 with input as inp
}
