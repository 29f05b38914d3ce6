package lgai.rules.gov_006_test

import data.lgai.rules.gov_006
import data.lgai.testing as t

exc(p) := object.union(
	{
		"_at": {"file": "lgai.yaml", "path": "exceptions[0]"},
		"id": "EX-1", "requirement": "LGAI-DATA-001", "description": "機密性3の統計処理",
		"approved": true, "approved_by": "CISO", "expires": "2027-03-31",
		"compensating_controls": ["顧客管理鍵", "国内リージョン限定"],
	},
	p,
)

with_exception(p) := t.set_flow(t.with_patch({"exceptions": {"EX-1": exc(p)}}), "infer", {"exception_id": "EX-1"})

test_no_exception_cited_is_not_applicable if {
	count(gov_006.deny) == 0 with input as t.base
	count(gov_006.not_applicable) == 1 with input as t.base
	# An exception that no flow cites is not judged here.
	inp := t.with_patch({"exceptions": {"EX-1": exc({"approved": false})}})
	count(gov_006.deny) == 0 with input as inp
	count(gov_006.not_applicable) == 1 with input as inp
}

test_approved_valid_exception_passes if {
	inp := with_exception({})
	count(gov_006.deny) == 0 with input as inp
	count(gov_006.not_applicable) == 0 with input as inp
}

test_expiring_on_the_check_day_passes if {
	count(gov_006.deny) == 0 with input as with_exception({"expires": "2026-11-25"})
}

test_denies_unapproved_exception if {
	inp := with_exception({"approved": false})
	out := gov_006.deny with input as inp
	count(out) == 1
	some f in out
	f.at == {"file": "lgai.yaml", "path": "exceptions[0]"}
	f.field == "approved"
	f.values == {"approved": false, "flows": ["infer"]}
}

test_denies_exception_without_expiry if {
	out := gov_006.deny with input as with_exception({"expires": null})
	count(out) == 1
	some f in out
	f.field == "expires"
	f.values == {"expires": null, "flows": ["infer"]}
}

test_denies_expired_exception if {
	out := gov_006.deny with input as with_exception({"expires": "2026-11-24"})
	count(out) == 1
	some f in out
	f.at == {"file": "lgai.yaml", "path": "exceptions[0]"}
	f.field == "expires"
	f.values == {"expires": "2026-11-24", "as_of": "2026-11-25", "flows": ["infer"]}
}

test_expiry_is_judged_against_as_of if {
	inp := t.patch(with_exception({}), {"lgai": {"as_of": "2027-04-01"}})
	{f.values.expires | some f in gov_006.deny} == {"2027-03-31"} with input as inp
}

test_denies_exception_without_compensating_controls if {
	out := gov_006.deny with input as with_exception({"compensating_controls": []})
	count(out) == 1
	some f in out
	f.field == "compensating_controls"
	f.values == {"compensating_controls": [], "flows": ["infer"]}
}

test_denies_undeclared_exception if {
	inp := t.with_flow("infer", {"exception_id": "EX-9"})
	out := gov_006.deny with input as inp
	count(out) == 1
	some f in out
	f.at == {"file": "dataflows.yaml", "path": "flows[1]"}
	f.field == "exception_id"
	f.values == {"exception_id": "EX-9"}
	count(gov_006.not_applicable) == 0 with input as inp
}

test_one_finding_per_exception_listing_every_flow if {
	inp := t.set_flow(with_exception({"approved": false}), "keep", {"exception_id": "EX-1"})
	out := gov_006.deny with input as inp
	count(out) == 1
	some f in out
	f.values.flows == ["infer", "keep"]
}

test_every_branch if {
	inp := with_exception({"approved": false, "expires": null, "compensating_controls": []})
	t.fields(gov_006.deny) == {"approved", "expires", "compensating_controls"} with input as inp
}
