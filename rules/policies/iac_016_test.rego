package lgai.rules.iac_016_test

import data.lgai.rules.iac_016
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac(rs) := t.put(t.base, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

ai(service, model, routing, location) := {
	"service": service, "model": model, "model_version": null, "auto_upgrade": null,
	"routing": routing, "location": location, "public_network_access": null, "local_auth": null,
}

bedrock(model, routing, location) := res({
	"type": "aws_bedrockagent_agent", "address": "aws_bedrockagent_agent.helper", "category": "ai",
	"_at": {"file": "ai.tf", "line": 8, "path": "aws_bedrockagent_agent.helper"}, "region": "ap-northeast-1",
	"ai": ai("bedrock", model, routing, location),
})

deployment(sku_routing, location) := res({
	"cloud": "azure", "type": "azurerm_cognitive_deployment", "address": "azurerm_cognitive_deployment.gpt", "category": "ai",
	"_at": {"file": "ai.tf", "line": 30, "path": "azurerm_cognitive_deployment.gpt"}, "region": "japaneast",
	"ai": ai("azure_openai", "gpt-4o", sku_routing, location),
})

test_not_applicable_without_iac if {
	count(iac_016.not_applicable) == 1 with input as t.base
}

test_not_applicable_without_ai if {
	inp := with_iac([res({})])
	count(iac_016.not_applicable) == 1 with input as inp
}

test_in_region_and_jp_profile_pass if {
	inp := with_iac([
		bedrock("anthropic.claude-3-5-sonnet-20240620-v1:0", "in_region", "ap-northeast-1"),
		bedrock("jp.anthropic.claude-sonnet-4-5-20250929-v1:0", "cross_region", "jp"),
		deployment("in_region", "japaneast"),
	])
	count(iac_016.deny) == 0 with input as inp
	count(iac_016.undetermined) == 0 with input as inp
	count(iac_016.not_applicable) == 0 with input as inp
}

test_denies_apac_profile if {
	r := bedrock("apac.anthropic.claude-3-5-sonnet-20240620-v1:0", "cross_region", "apac")
	out := iac_016.deny with input as with_iac([r])
	count(out) == 1
	some f in out
	f.field == "ai.routing"
	f.at == r._at
	f.values == {"model": "apac.anthropic.claude-3-5-sonnet-20240620-v1:0", "routing": "cross_region", "location": "apac"}
}

test_denies_global_and_data_zone_deployments if {
	out := iac_016.deny with input as with_iac([deployment("global", "global"), deployment("data_zone", "data_zone")])
	{f.values.routing | some f in out} == {"global", "data_zone"}
}

test_denies_foreign_in_region_deployment if {
	out := iac_016.deny with input as with_iac([deployment("in_region", "East US")])
	{f.values.location | some f in out} == {"East US"}
}

test_unknown_routing_is_undetermined if {
	inp := with_iac([bedrock("anthropic.claude-3-haiku-20240307-v1:0", null, null)])
	count(iac_016.deny) == 0 with input as inp
	t.fields(iac_016.undetermined) == {"ai.routing"} with input as inp
}

test_account_without_model_passes if {
	inp := with_iac([res({"cloud": "azure", "type": "azurerm_cognitive_account", "category": "ai", "ai": ai("azure_openai", null, null, null)})])
	count(iac_016.deny) == 0 with input as inp
	count(iac_016.undetermined) == 0 with input as inp
}

test_class_1_data_may_use_global_routing if {
	r := object.union(deployment("global", "global"), {"holds": {"assumed": false, "components": ["faq"], "conf_rank_max": 1}})
	count(iac_016.deny) == 0 with input as with_iac([r])
}
