package lgai.rules.ai_007_test

import data.lgai.rules.ai_007
import data.lgai.testing as t

tr_at := {"file": "lgai.yaml", "path": "transparency"}

uc(i, p) := object.union(
	{
		"_at": {"file": "lgai.yaml", "path": sprintf("use_cases[%d]", [i])},
		"id": sprintf("uc%d", [i]), "description": "x", "user_scope": "staff_only", "task_impact": "drafting",
		"trains_on_confidential": false, "human_review": "always", "excluded_uses": [],
	},
	p,
)

disclosed := {
	"ai_disclosure_text": "このチャットはAIが回答します。",
	"limitations_notice": true,
	"human_contact": "市民課 03-0000-0000",
	"terms_of_use": "https://example.jp/ai-terms",
}

resident_service := t.with_patch({"service": {"resident_facing": true}, "transparency": disclosed})

test_staff_only_service_is_not_applicable if {
	count(ai_007.deny) == 0 with input as t.base
	count(ai_007.not_applicable) == 1 with input as t.base
	inp := t.with_patch({"use_cases": [uc(0, {})]})
	count(ai_007.not_applicable) == 1 with input as inp
}

test_resident_facing_with_notices_passes if {
	count(ai_007.deny) == 0 with input as resident_service
	count(ai_007.not_applicable) == 0 with input as resident_service
}

test_every_notice_missing if {
	inp := t.with_patch({"service": {"resident_facing": true}})
	out := ai_007.deny with input as inp
	t.fields(out) == {"ai_disclosure_text", "limitations_notice", "human_contact", "terms_of_use"}
	every f in out {
		f.at == tr_at
	}
}

test_denies_missing_disclosure if {
	out := ai_007.deny with input as t.patch(resident_service, {"transparency": {"ai_disclosure_text": null}})
	count(out) == 1
	some f in out
	f.field == "ai_disclosure_text"
	f.values == {"ai_disclosure_text": null}
}

test_denies_blank_disclosure if {
	t.fields(ai_007.deny) == {"ai_disclosure_text"} with input as t.patch(resident_service, {"transparency": {"ai_disclosure_text": ""}})
}

test_denies_no_limitations_notice if {
	out := ai_007.deny with input as t.patch(resident_service, {"transparency": {"limitations_notice": false}})
	count(out) == 1
	some f in out
	f.field == "limitations_notice"
	f.values == {"limitations_notice": false}
}

test_denies_missing_human_contact if {
	out := ai_007.deny with input as t.patch(resident_service, {"transparency": {"human_contact": null}})
	count(out) == 1
	some f in out
	f.field == "human_contact"
	f.at == tr_at
}

test_denies_missing_terms_of_use if {
	out := ai_007.deny with input as t.patch(resident_service, {"transparency": {"terms_of_use": null}})
	count(out) == 1
	some f in out
	f.field == "terms_of_use"
	f.values == {"terms_of_use": null}
}

test_resident_use_case_makes_it_applicable if {
	inp := t.with_patch({"use_cases": [uc(0, {}), uc(1, {"user_scope": "residents"})]})
	count(ai_007.deny) == 4 with input as inp
	count(ai_007.not_applicable) == 0 with input as inp
}

test_public_use_case_makes_it_applicable if {
	inp := t.with_patch({"use_cases": [uc(0, {"user_scope": "public"})], "transparency": disclosed})
	count(ai_007.deny) == 0 with input as inp
	count(ai_007.not_applicable) == 0 with input as inp
}
