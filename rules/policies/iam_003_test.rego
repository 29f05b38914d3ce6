package lgai.rules.iam_003_test

import data.lgai.rules.iam_003
import data.lgai.testing as t

ops_at := {"file": "lgai.yaml", "path": "operations"}

reviewed(days) := t.with_patch({"operations": {"access_review_interval_days": days}})

test_quarterly_review_passes if {
	count(iam_003.deny) == 0 with input as reviewed(90)
	count(iam_003.deny) == 0 with input as reviewed(30)
}

# Branch 1: not declared (as in `base`).
test_denies_undeclared_interval if {
	out := iam_003.deny with input as t.base
	count(out) == 1
	some f in out
	f.field == "access_review_interval_days"
	f.values == {"access_review_interval_days": null}
	f.at == ops_at
}

# Branch 2: longer than the maximum.
test_denies_interval_over_maximum if {
	out := iam_003.deny with input as reviewed(180)
	count(out) == 1
	some f in out
	f.field == "access_review_interval_days"
	f.values == {"access_review_interval_days": 180, "maximum": 90}
	f.at == ops_at
}

test_param_max_access_review_interval_days if {
	out := iam_003.deny with input as reviewed(60) with data.lgai.params.max_access_review_interval_days as 30
	{f.values | some f in out} == {{"access_review_interval_days": 60, "maximum": 30}}
	count(iam_003.deny) == 0 with input as reviewed(180) with data.lgai.params.max_access_review_interval_days as 365
}

test_no_other_outputs if {
	not iam_003.undetermined with input as t.base
	not iam_003.not_applicable with input as t.base
}
