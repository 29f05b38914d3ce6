package lgai.rules.iac_017_test

import data.lgai.rules.iac_017
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac(rs) := t.put(t.base, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

ai(service, model, version, upgrade) := {
	"service": service, "model": model, "model_version": version, "auto_upgrade": upgrade,
	"routing": "in_region", "location": "japaneast", "public_network_access": null, "local_auth": null,
}

deployment(version, upgrade) := res({
	"cloud": "azure", "type": "azurerm_cognitive_deployment", "address": "azurerm_cognitive_deployment.gpt", "category": "ai",
	"_at": {"file": "ai.tf", "line": 30, "path": "azurerm_cognitive_deployment.gpt"},
	"ai": ai("azure_openai", "gpt-4o", version, upgrade),
})

test_not_applicable_without_iac if {
	count(iac_017.not_applicable) == 1 with input as t.base
}

test_not_applicable_without_models if {
	inp := with_iac([res({"cloud": "azure", "type": "azurerm_cognitive_account", "category": "ai", "ai": ai("azure_openai", null, null, null)})])
	count(iac_017.not_applicable) == 1 with input as inp
}

test_pinned_without_upgrade_passes if {
	inp := with_iac([deployment("2024-11-20", false)])
	count(iac_017.deny) == 0 with input as inp
	count(iac_017.undetermined) == 0 with input as inp
	count(iac_017.not_applicable) == 0 with input as inp
}

test_denies_auto_upgrade if {
	r := deployment("2024-11-20", true)
	out := iac_017.deny with input as with_iac([r])
	count(out) == 1
	some f in out
	f.field == "ai.auto_upgrade"
	f.at == r._at
	f.values == {"model": "gpt-4o", "model_version": "2024-11-20", "auto_upgrade": true}
}

test_denies_unpinned_azure_deployment if {
	out := iac_017.deny with input as with_iac([deployment(null, null)])
	{[f.field, f.values] | some f in out} == {["ai.model_version", {"model": "gpt-4o", "model_version": null}]}
}

test_missing_version_with_auto_upgrade_is_one_finding if {
	t.fields(iac_017.deny) == {"ai.auto_upgrade"} with input as with_iac([deployment(null, true)])
}

test_unknown_version_elsewhere_is_undetermined if {
	r := res({"type": "aws_bedrockagent_agent", "category": "ai", "ai": ai("bedrock", "anthropic.claude-v2", null, null)})
	inp := with_iac([r])
	count(iac_017.deny) == 0 with input as inp
	t.fields(iac_017.undetermined) == {"ai.model_version"} with input as inp
}
