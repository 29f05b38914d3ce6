package lgai.rules.ai_006_test

import data.lgai.rules.ai_006
import data.lgai.testing as t

cust_at := {"file": "lgai.yaml", "path": "customization"}

exit_at := {"file": "lgai.yaml", "path": "exit"}

uc(i, p) := object.union(
	{
		"_at": {"file": "lgai.yaml", "path": sprintf("use_cases[%d]", [i])},
		"id": sprintf("uc%d", [i]), "description": "x", "user_scope": "staff_only", "task_impact": "drafting",
		"trains_on_confidential": true, "human_review": "always", "excluded_uses": [],
	},
	p,
)

# Fine-tuning on `memo` (機密性2, personal) with every safeguard declared.
compliant := t.with_patch({
	"customization": {
		"fine_tuning": true, "fine_tuning_assets": ["memo"], "purpose_checked": true,
		"tuned_model_exclusive": true, "tuned_model_rights": "委託契約書 第20条",
	},
	"exit": {"deletion_scope": ["data", "tuned_weights"]},
	"use_cases": [uc(0, {}), uc(1, {"id": "faq"})],
})

tuned(p) := t.patch(compliant, {"customization": p})

test_base_without_tuning_is_not_applicable if {
	count(ai_006.deny) == 0 with input as t.base
	count(ai_006.not_applicable) == 1 with input as t.base
}

test_compliant_fine_tuning_passes if {
	count(ai_006.deny) == 0 with input as compliant
	count(ai_006.not_applicable) == 0 with input as compliant
}

test_denies_undeclared_tuning_assets if {
	out := ai_006.deny with input as tuned({"fine_tuning_assets": []})
	count(out) == 1
	some f in out
	f.at == cust_at
	f.field == "fine_tuning_assets"
}

# Branch: personal data without the purpose check.
test_denies_personal_tuning_without_purpose_check if {
	out := ai_006.deny with input as tuned({"purpose_checked": null})
	count(out) == 1
	some f in out
	f.at == cust_at
	f.field == "purpose_checked"
	f.values == {"purpose_checked": null, "assets": ["memo"]}
}

test_non_personal_tuning_needs_no_purpose_check if {
	doc := t.set_asset(tuned({"purpose_checked": false}), "memo", {"personal": "none"})
	count(ai_006.deny) == 0 with input as doc
}

# Branch: tuned model not exclusive.
test_denies_non_exclusive_tuned_model if {
	out := ai_006.deny with input as tuned({"tuned_model_exclusive": false})
	count(out) == 1
	some f in out
	f.field == "tuned_model_exclusive"
	f.values == {"tuned_model_exclusive": false}
}

# Branch: no rights clause.
test_denies_missing_rights_clause if {
	out := ai_006.deny with input as tuned({"tuned_model_rights": null})
	count(out) == 1
	some f in out
	f.at == cust_at
	f.field == "tuned_model_rights"
	f.values == {"tuned_model_rights": null}
}

test_denies_blank_rights_clause if {
	t.fields(ai_006.deny) == {"tuned_model_rights"} with input as tuned({"tuned_model_rights": "  "})
}

# Branch: tuned weights not deleted at exit.
test_denies_weights_not_deleted_at_exit if {
	out := ai_006.deny with input as t.patch(compliant, {"exit": {"deletion_scope": ["data"]}})
	count(out) == 1
	some f in out
	f.at == exit_at
	f.field == "deletion_scope"
	f.values == {"deletion_scope": ["data"]}
}

# Branch: 機密性2+ tuning data, use case not declaring trains_on_confidential.
test_denies_use_case_not_declaring_confidential_training if {
	inp := t.patch(compliant, {"use_cases": [uc(0, {}), uc(1, {"id": "faq", "trains_on_confidential": false})]})
	out := ai_006.deny with input as inp
	count(out) == 1
	some f in out
	f.at == {"file": "lgai.yaml", "path": "use_cases[1]"}
	f.field == "trains_on_confidential"
	f.values == {"trains_on_confidential": false, "assets": ["memo"]}
}

test_class_1_tuning_data_needs_no_confidential_declaration if {
	doc := t.patch(compliant, {"use_cases": [uc(0, {"trains_on_confidential": false})]})
	inp := t.set_asset(doc, "memo", {"confidentiality": "1"})
	count(ai_006.deny) == 0 with input as inp
}

test_only_tuning_assets_count if {
	# A 機密性3 asset that is not used for tuning does not matter; the tuning asset is class 1, no personal data.
	doc := t.set_asset(t.set_asset(compliant, "pub", {"confidentiality": "1"}), "memo", {"confidentiality": "3A"})
	inp := t.patch(doc, {"customization": {"fine_tuning_assets": ["pub"], "purpose_checked": null}, "use_cases": [uc(0, {"trains_on_confidential": false})]})
	count(ai_006.deny) == 0 with input as inp
}

test_every_branch_at_once if {
	inp := t.with_patch({
		"customization": {"fine_tuning": true, "fine_tuning_assets": ["memo"]},
		"use_cases": [uc(0, {"trains_on_confidential": false})],
	})
	t.fields(ai_006.deny) == {"purpose_checked", "tuned_model_exclusive", "tuned_model_rights", "deletion_scope", "trains_on_confidential"} with input as inp
}
