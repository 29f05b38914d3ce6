package lgai.rules.con_004_test

import data.lgai.rules.con_004
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac_on(doc, rs) := t.put(doc, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

with_iac(rs) := with_iac_on(t.base, rs)

# base: `ai` is the ai_inference component running model `llm`; `gw` is a gateway.
agent(components) := res({
	"type": "aws_bedrockagent_agent", "address": "aws_bedrockagent_agent.helper", "category": "ai",
	"_at": {"file": "ai.tf", "line": 8, "path": "aws_bedrockagent_agent.helper"},
	"ai": {"service": "bedrock", "model": "anthropic.claude-3-5-sonnet-20240620-v1:0", "model_version": null, "auto_upgrade": null, "routing": "in_region", "location": "ap-northeast-1", "public_network_access": null, "local_auth": null},
	"holds": {"assumed": count(components) == 0, "components": components, "conf_rank_max": 2, "personal_rank_max": 1},
})

test_not_applicable_without_iac if {
	count(con_004.not_applicable) == 1 with input as t.base
}

test_not_applicable_without_ai_resources if {
	inp := with_iac([res({})])
	count(con_004.deny) == 0 with input as inp
	count(con_004.not_applicable) == 1 with input as inp
}

test_linked_to_ai_component_passes if {
	inp := with_iac([agent(["ai"])])
	count(con_004.deny) == 0 with input as inp
	count(con_004.not_applicable) == 0 with input as inp
}

test_component_named_by_a_model_counts if {
	doc := t.set_model(t.set_component(t.base, "chat", {"kind": "web_app"}), "gpt", {"component": "chat"})
	count(con_004.deny) == 0 with input as with_iac_on(doc, [agent(["chat"])])
}

test_denies_unlinked_ai_resource if {
	r := agent([])
	out := con_004.deny with input as with_iac([r])
	count(out) == 1
	some f in out
	f.field == "holds.components"
	f.at == r._at
	f.values == {"type": "aws_bedrockagent_agent", "service": "bedrock", "components": []}
}

test_denies_ai_resource_linked_to_non_ai_component if {
	out := con_004.deny with input as with_iac([agent(["gw"])])
	{f.values.components | some f in out} == {["gw"]}
}
