package lgai.rules.data_004_test

import data.lgai.rules.data_004
import data.lgai.testing as t

# `base` with the asset classed 要配慮個人情報: gw (gateway, MFA), ai (model `llm`, training
# prohibited) and store receive it, all in ap-northeast-1.
sensitive := t.with_asset("memo", {"personal": "sensitive"})

test_compliant_sensitive_service_passes if {
	count(data_004.deny) == 0 with input as sensitive
	count(data_004.not_applicable) == 0 with input as sensitive
}

test_not_applicable_without_sensitive_data if {
	count(data_004.deny) == 0 with input as t.base
	count(data_004.not_applicable) == 1 with input as t.base
}

test_specific_personal_information_is_another_rule if {
	count(data_004.not_applicable) == 1 with input as t.with_asset("memo", {"personal": "specific"})
}

test_not_applicable_when_sensitive_data_only_goes_to_a_segment if {
	doc := t.set_asset(t.base, "health", {"confidentiality": "2", "integrity": "2", "availability": "1", "personal": "sensitive"})
	inp := t.add_flow(doc, {"id": "h-back", "asset": "health", "from": t.comp("gw"), "to": t.seg("lgwan"), "purpose": "返却", "transport": "lgwan"})
	count(data_004.deny) == 0 with input as inp
	count(data_004.not_applicable) == 1 with input as inp
}

# Branch 1: located outside Japan.
test_denies_component_outside_japan if {
	inp := t.set_component(sensitive, "store", {"region": "us-east-1"})
	out := data_004.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "region"
	f.at == inp.components.store._at
	f.values == {"region": "us-east-1", "country": null}
}

test_denies_component_with_foreign_country if {
	inp := t.set_component(sensitive, "ai", {"region": null, "country": "US", "hosting": "public_cloud"})
	{[f.field, f.at] | some f in data_004.deny} == {["region", inp.components.ai._at]} with input as inp
}

test_one_finding_per_component_however_many_flows if {
	doc := t.add_flow(sensitive, {"id": "keep2", "asset": "memo", "from": t.comp("gw"), "to": t.comp("store"), "purpose": "保存", "transport": "private_link"})
	inp := t.set_component(doc, "store", {"region": "eu-west-1"})
	count(data_004.deny) == 1 with input as inp
}

# Branch 2: training use not prohibited.
test_denies_training_use_not_prohibited if {
	inp := t.set_model(sensitive, "llm", {"training_use": "opt_out_confirmed"})
	out := data_004.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "training_use"
	f.at == inp.ai_models.llm._at
	f.values == {"training_use": "opt_out_confirmed"}
}

test_training_use_of_a_model_elsewhere_is_not_judged if {
	doc := t.set_component(sensitive, "other", {"kind": "ai_inference", "hosting": "public_cloud", "region": "ap-northeast-1"})
	inp := t.set_model(doc, "other-llm", {"component": "other", "provider": "aws", "training_use": "allowed"})
	count(data_004.deny) == 0 with input as inp
}

# Branch 3: user-facing components without multi-factor authentication.
test_denies_user_facing_component_without_mfa if {
	inp := t.set_component(sensitive, "gw", {"authentication": {"mfa": false}})
	out := data_004.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "authentication.mfa"
	f.at == inp.components.gw._at
	f.values == {"mfa": false}
}

test_denies_user_facing_component_without_authentication if {
	inp := t.set_component(sensitive, "gw", {"authentication": null})
	out := data_004.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "authentication"
	f.values == {"authentication": null}
}

test_every_user_facing_kind_needs_mfa if {
	every kind in ["api", "web_app", "gateway"] {
		inp := t.set_component(sensitive, "gw", {"kind": kind, "authentication": {"mfa": false}})
		t.fields(data_004.deny) == {"authentication.mfa"} with input as inp
	}
}

test_backend_components_need_no_user_authentication if {
	# `ai` and `store` declare no authentication in base.
	inp := t.set_component(sensitive, "gw", {"kind": "relay", "authentication": null})
	count(data_004.deny) == 0 with input as inp
}

test_all_branches_together if {
	doc := t.set_component(sensitive, "gw", {"authentication": {"mfa": false}, "region": "us-east-1"})
	inp := t.set_model(doc, "llm", {"training_use": "unknown"})
	t.fields(data_004.deny) == {"region", "authentication.mfa", "training_use"} with input as inp
}
