package lgai.rules.asp_001_test

import data.lgai.rules.asp_001
import data.lgai.testing as t

asp_at := {"file": "lgai.yaml", "path": "lgwan_asp"}

test_registered_reviewed_japanese_provider_passes if {
	count(asp_001.deny) == 0 with input as t.base
}

test_denies_missing_lgwan_asp_section if {
	inp := t.with_patch({"lgwan_asp": null})
	out := asp_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "lgwan_asp"
	f.at == {"file": "lgai.yaml", "path": ""}
}

test_denies_missing_registration_id if {
	inp := t.with_patch({"lgwan_asp": {"registration_id": null}})
	out := asp_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "registration_id"
	f.at == asp_at
	f.values == {"registration_id": null}
}

test_denies_blank_registration_id if {
	inp := t.with_patch({"lgwan_asp": {"registration_id": ""}})
	t.fields(asp_001.deny) == {"registration_id"} with input as inp
}

test_denies_review_not_passed if {
	inp := t.with_patch({"lgwan_asp": {"review_passed": false}})
	out := asp_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "review_passed"
	f.at == asp_at
	f.values == {"review_passed": false}
}

test_denies_review_undeclared if {
	inp := t.with_patch({"lgwan_asp": {"review_passed": null}})
	{f.values | some f in asp_001.deny} == {{"review_passed": null}} with input as inp
}

test_denies_foreign_operator if {
	inp := t.with_provider("vendor", {"country": "SG"})
	out := asp_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "country"
	f.at == inp.providers.vendor._at
	f.values == {"country": "SG", "roles": ["operator", "saas"]}
}

test_denies_foreign_saas_provider if {
	inp := t.set_provider(t.base, "saasco", {"country": "US", "roles": ["saas", "support"]})
	{[f.at, f.values] | some f in asp_001.deny} == {[inp.providers.saasco._at, {"country": "US", "roles": ["saas"]}]} with input as inp
}

test_foreign_iaas_and_model_provider_are_allowed if {
	# aws (US) is IaaS/PaaS/model provider behind the ASP, not the ASP provider itself.
	count(asp_001.deny) == 0 with input as t.with_provider("support", {"country": "IN", "roles": ["support"]})
}

test_all_branches_reported_together if {
	doc := t.with_patch({"lgwan_asp": {"registration_id": null, "review_passed": null}})
	inp := t.set_provider(doc, "vendor", {"country": "US"})
	t.fields(asp_001.deny) == {"registration_id", "review_passed", "country"} with input as inp
}
