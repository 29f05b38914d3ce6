package lgai.rules.log_001_test

import data.lgai.rules.log_001
import data.lgai.testing as t

test_compliant_base_passes if {
	count(log_001.deny) == 0 with input as t.base
	count(log_001.not_applicable) == 0 with input as t.base
}

test_not_applicable_without_vendor_components_receiving_data if {
	doc := t.put(t.base, "flows", [])
	inp := t.set_component(doc, "ai", {"kind": "api", "logging": null})
	count(log_001.deny) == 0 with input as inp
	count(log_001.not_applicable) == 1 with input as inp
}

# Branch 1: logging not enabled.
test_denies_missing_logging if {
	inp := t.with_component("gw", {"logging": null})
	out := log_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "logging.enabled"
	f.values == {"logging": null}
	f.at == inp.components.gw._at
}

test_denies_disabled_logging if {
	out := log_001.deny with input as t.with_component("store", {"logging": {"enabled": false}})
	count(out) == 1
	some f in out
	f.field == "logging.enabled"
	f.values.logging.enabled == false
}

test_ai_inference_is_a_subject_without_data if {
	inp := t.set_component(t.base, "ai2", {"kind": "ai_inference", "provider": "aws", "region": "ap-northeast-1"})
	out := log_001.deny with input as inp
	count(out) == 1
	some f in out
	f.at == inp.components.ai2._at
}

test_municipal_component_is_not_a_subject if {
	doc := t.set_component(t.base, "terminal", {"kind": "client", "hosting": "lgwan"})
	inp := t.add_flow(doc, {"id": "to-terminal", "from": t.comp("gw"), "to": t.comp("terminal"), "transport": "lgwan", "tls_min_version": "1.2"})
	count(log_001.deny) == 0 with input as inp
}

# Branch 2: retention.
test_denies_short_retention if {
	inp := t.with_component("ai", {"logging": {"retention_days": 90}})
	out := log_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "logging.retention_days"
	f.values == {"retention_days": 90, "minimum": 365}
	f.at == inp.components.ai._at
}

test_denies_undeclared_retention if {
	out := log_001.deny with input as t.with_component("ai", {"logging": {"retention_days": null}})
	count(out) == 1
	some f in out
	f.values == {"retention_days": null, "minimum": 365}
	f.msg.en == "ai keeps logs null days, less than the minimum 365"
}

test_retention_at_the_minimum_passes if {
	count(log_001.deny) == 0 with input as t.with_component("ai", {"logging": {"retention_days": 365}})
}

test_param_min_log_retention_days if {
	out := log_001.deny with input as t.base with data.lgai.params.min_log_retention_days as 500
	count(out) == 3
	{f.values | some f in out} == {{"retention_days": 400, "minimum": 500}}
}

test_municipal_ai_inference_is_not_a_subject if {
	count(log_001.deny) == 0 with input as t.set_component(t.base, "onprem-ai", {"kind": "ai_inference", "hosting": "lgwan"})
}
