package lgai.rules.data_001_test

import data.lgai.rules.data_001
import data.lgai.testing as t

# 住民票データ: 特定個人情報 (My Number data).
with_juki := t.set_asset(t.base, "juki", {"name": "住民記録", "confidentiality": "3A", "integrity": "2", "availability": "2", "personal": "specific"})

# A standard system on the Gov-Cloud.
with_std := t.set_component(with_juki, "std", {"kind": "api", "hosting": "gov_cloud", "region": "ap-northeast-1"})

test_compliant_base_is_not_applicable if {
	count(data_001.deny) == 0 with input as t.base
	count(data_001.not_applicable) == 1 with input as t.base
}

test_sensitive_personal_data_is_out_of_scope if {
	inp := t.with_asset("memo", {"personal": "sensitive"})
	count(data_001.deny) == 0 with input as inp
	count(data_001.not_applicable) == 1 with input as inp
}

test_specific_data_to_gov_cloud_standard_system_passes if {
	inp := t.add_flow(with_std, {"id": "juki-std", "asset": "juki", "from": t.seg("mynumber"), "to": t.comp("std"), "transport": "closed_network"})
	count(data_001.deny) == 0 with input as inp
	count(data_001.not_applicable) == 0 with input as inp
}

# Branch 1: specific personal information leaves the designated systems.
test_denies_specific_data_to_lgwan_asp if {
	inp := t.add_flow(with_juki, {"id": "juki-gw", "asset": "juki", "from": t.seg("lgwan"), "to": t.comp("gw"), "transport": "lgwan"})
	out := data_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "to"
	f.values == {"asset": "juki", "to_hosting": "lgwan_asp"}
	f.at == inp.flows[4]._at
}

test_denies_specific_data_back_to_lgwan_segment if {
	inp := t.add_flow(with_std, {"id": "juki-out", "asset": "juki", "from": t.comp("std"), "to": t.seg("lgwan"), "transport": "lgwan"})
	out := data_001.deny with input as inp
	count(out) == 1
	some f in out
	f.values == {"asset": "juki", "to_hosting": "lgwan"}
}

# Branch 2: specific personal information fed to an AI model (wherever it runs).
test_denies_specific_data_fed_to_ai_model if {
	inp := t.add_flow(with_juki, {"id": "juki-ai", "asset": "juki", "from": t.comp("gw"), "to": t.comp("ai"), "transport": "closed_network"})
	out := data_001.deny with input as inp
	{f.values | some f in out} == {
		{"asset": "juki", "to_hosting": "lgwan_asp"},
		{"asset": "juki", "ai_model": "llm"},
	}
	t.fields(out) == {"to"}
}

test_denies_ai_model_even_on_gov_cloud if {
	doc := t.set_model(with_std, "gov-llm", {"component": "std", "provider": "aws"})
	inp := t.add_flow(doc, {"id": "juki-std", "asset": "juki", "from": t.seg("mynumber"), "to": t.comp("std"), "transport": "closed_network"})
	out := data_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "to"
	f.values == {"asset": "juki", "ai_model": "gov-llm"}
}

test_param_allowed_hosting if {
	inp := t.add_flow(with_std, {"id": "juki-std", "asset": "juki", "from": t.seg("mynumber"), "to": t.comp("std"), "transport": "closed_network"})
	out := data_001.deny with input as inp with data.lgai.params.mynumber_allowed_hosting as ["mynumber"]
	{f.values | some f in out} == {{"asset": "juki", "to_hosting": "gov_cloud"}}
}
