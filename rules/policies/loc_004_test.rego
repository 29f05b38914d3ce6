package lgai.rules.loc_004_test

import data.lgai.rules.loc_004
import data.lgai.testing as t

# In `base`, aws (US) runs `ai` and `store` and supplies model `llm`; all receive personal data.
assessed := t.with_provider("aws", {"crossborder_assessment": "米国の個人情報保護制度等の調査 2026-04"})

test_compliant_assessed_provider_passes if {
	count(loc_004.deny) == 0 with input as assessed
	count(loc_004.not_applicable) == 0 with input as assessed
}

test_not_applicable_without_personal_data if {
	inp := t.with_asset("memo", {"personal": "none"})
	count(loc_004.deny) == 0 with input as inp
	count(loc_004.not_applicable) == 1 with input as inp
}

test_not_applicable_with_domestic_providers_only if {
	inp := t.with_provider("aws", {"country": "JP"})
	count(loc_004.deny) == 0 with input as inp
	count(loc_004.not_applicable) == 1 with input as inp
}

test_denies_foreign_provider_without_assessment_once if {
	out := loc_004.deny with input as t.base
	count(out) == 1
	some f in out
	f.field == "crossborder_assessment"
	f.at == t.base.providers.aws._at
	f.values == {"country": "US", "reached": ["ai", "llm", "store"]}
	f.msg.ja == "Amazon Web Services (所在国 US) は個人情報を扱う (ai, llm, store) が、外的環境の把握の文書が宣言されていない"
}

test_denies_blank_assessment if {
	t.fields(loc_004.deny) == {"crossborder_assessment"} with input as t.with_provider("aws", {"crossborder_assessment": "  "})
}

test_foreign_model_provider_on_a_domestic_component if {
	doc := t.set_provider(t.base, "aws", {"country": "JP"})
	doc2 := t.set_provider(doc, "oai", {"country": "US", "roles": ["model_provider"]})
	inp := t.set_model(doc2, "llm", {"provider": "oai"})
	out := loc_004.deny with input as inp
	{[f.at, f.values] | some f in out} == {[inp.providers.oai._at, {"country": "US", "reached": ["llm"]}]}
}

test_foreign_component_provider_only if {
	doc := t.set_provider(t.without_models(t.base), "aws", {})
	out := loc_004.deny with input as doc
	{f.values.reached | some f in out} == {["ai", "store"]}
}

test_foreign_provider_without_personal_data_is_not_judged if {
	# Only `gw` (vendor, JP) receives the personal asset.
	doc := t.without_flow(t.without_flow(t.base, "infer"), "keep")
	count(loc_004.deny) == 0 with input as doc
	count(loc_004.not_applicable) == 1 with input as doc
}

test_each_foreign_provider_is_reported if {
	inp := t.with_provider("vendor", {"country": "SG"})
	{f.at | some f in loc_004.deny} == {inp.providers.vendor._at, inp.providers.aws._at} with input as inp
}

test_component_without_provider_is_ignored if {
	inp := t.set_component(assessed, "x", {"kind": "compute", "hosting": "public_cloud"})
	inp2 := t.add_flow(inp, {"id": "xf", "asset": "memo", "from": t.seg("lgwan"), "to": t.comp("x"), "purpose": "x", "transport": "vpn"})
	count(loc_004.deny) == 0 with input as inp2
}
