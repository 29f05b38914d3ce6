package lgai.rules.loc_002_test

import data.lgai.rules.loc_002
import data.lgai.testing as t

test_compliant_base_passes if {
	count(loc_002.deny) == 0 with input as t.base
	count(loc_002.not_applicable) == 0 with input as t.base
}

test_not_applicable_without_protected_inputs if {
	doc := t.set_asset(t.base, "memo", {"confidentiality": "1", "personal": "none"})
	inp := t.set_model(doc, "llm", {"hosting_region": "us-east-1", "deployment_type": "global"})
	count(loc_002.deny) == 0 with input as inp
	count(loc_002.not_applicable) == 1 with input as inp
}

test_model_on_component_without_data_is_not_checked if {
	doc := t.set_component(t.base, "idle", {"kind": "ai_inference", "provider": "aws", "region": "us-east-1"})
	inp := t.set_model(doc, "spare", {"component": "idle", "hosting_region": "us-east-1", "deployment_type": "global"})
	count(loc_002.deny) == 0 with input as inp
}

# Branch 1: inference region.
test_denies_inference_abroad if {
	inp := t.with_model("llm", {"hosting_region": "us-east-1"})
	out := loc_002.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "hosting_region"
	f.values == {"hosting_region": "us-east-1"}
	f.at == inp.ai_models.llm._at
}

test_osaka_region_passes if {
	count(loc_002.deny) == 0 with input as t.with_model("llm", {"hosting_region": "ap-northeast-3"})
}

test_personal_only_data_is_protected if {
	doc := t.set_asset(t.base, "memo", {"confidentiality": "1", "personal": "personal"})
	inp := t.set_model(doc, "llm", {"hosting_region": "eastus"})
	t.fields(loc_002.deny) == {"hosting_region"} with input as inp
}

# Branch 2: deployment type.
test_denies_global_deployment if {
	out := loc_002.deny with input as t.with_model("llm", {"deployment_type": "global"})
	count(out) == 1
	some f in out
	f.field == "deployment_type"
	f.values == {"deployment_type": "global"}
}

test_denies_data_zone_and_cross_region if {
	t.fields(loc_002.deny) == {"deployment_type"} with input as t.with_model("llm", {"deployment_type": "data_zone"})
	t.fields(loc_002.deny) == {"deployment_type"} with input as t.with_model("llm", {"deployment_type": "cross_region"})
}

# Branch 3: inference profiles with a non-Japanese geographic prefix.
test_denies_apac_inference_profile if {
	inp := t.with_model("llm", {"model": "apac.anthropic.claude-3-5-sonnet"})
	out := loc_002.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "model"
	f.values == {"model": "apac.anthropic.claude-3-5-sonnet"}
}

test_denies_global_profile_in_any_case if {
	t.fields(loc_002.deny) == {"model"} with input as t.with_model("llm", {"model": "Global.anthropic.claude-sonnet-4"})
	t.fields(loc_002.deny) == {"model"} with input as t.with_model("llm", {"model": "us-gov.anthropic.claude-3-haiku"})
}

test_jp_inference_profile_passes if {
	count(loc_002.deny) == 0 with input as t.with_model("llm", {"model": "jp.anthropic.claude-sonnet-4-5"})
}

test_all_branches_together if {
	inp := t.with_model("llm", {"model": "us.anthropic.claude-3-5-sonnet", "hosting_region": "us-west-2", "deployment_type": "cross_region"})
	t.fields(loc_002.deny) == {"model", "hosting_region", "deployment_type"} with input as inp
}

test_param_japan_regions if {
	inp := t.with_model("llm", {"hosting_region": "ap-northeast-3"})
	out := loc_002.deny with input as inp with data.lgai.params.japan_region_set as ["ap-northeast-1"]
	{f.values | some f in out} == {{"hosting_region": "ap-northeast-3"}}
}
