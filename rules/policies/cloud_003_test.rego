package lgai.rules.cloud_003_test

import data.lgai.rules.cloud_003
import data.lgai.testing as t

# In `base`, aws is an approved sub-processor; the notice period is not declared.
notified := t.with_patch({"subprocessor_change_notice_days": 30})

test_compliant_approved_and_notified_passes if {
	count(cloud_003.deny) == 0 with input as notified
	count(cloud_003.not_applicable) == 0 with input as notified
}

test_not_applicable_without_sub_processors if {
	inp := t.with_provider("aws", {"sub_processor": false})
	count(cloud_003.deny) == 0 with input as inp
	count(cloud_003.not_applicable) == 1 with input as inp
}

# Branch 1: not approved.
test_denies_unapproved_sub_processor if {
	inp := t.set_provider(notified, "aws", {"approved_by_municipality": false})
	out := cloud_003.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "approved_by_municipality"
	f.at == inp.providers.aws._at
	f.values == {"approved_by_municipality": false}
}

test_denies_undeclared_approval if {
	inp := t.set_provider(notified, "aws", {"approved_by_municipality": null})
	{f.values | some f in cloud_003.deny} == {{"approved_by_municipality": null}} with input as inp
}

test_each_sub_processor_is_checked if {
	inp := t.set_provider(notified, "mod", {"country": "US", "roles": ["support"], "sub_processor": true})
	{f.at | some f in cloud_003.deny} == {inp.providers.mod._at} with input as inp
}

# Branch 2: notice of changes not declared (as in `base`) or too short.
test_denies_undeclared_notice if {
	out := cloud_003.deny with input as t.base
	count(out) == 1
	some f in out
	f.field == "subprocessor_change_notice_days"
	f.at == {"file": "lgai.yaml", "path": ""}
	f.values == {"subprocessor_change_notice_days": null, "minimum": 30}
}

test_denies_short_notice if {
	out := cloud_003.deny with input as t.with_patch({"subprocessor_change_notice_days": 14})
	{f.values | some f in out} == {{"subprocessor_change_notice_days": 14, "minimum": 30}}
}

test_param_min_subprocessor_change_notice_days if {
	inp := t.with_patch({"subprocessor_change_notice_days": 14})
	count(cloud_003.deny) == 0 with input as inp with data.lgai.params.min_subprocessor_change_notice_days as 14
	out := cloud_003.deny with input as notified with data.lgai.params.min_subprocessor_change_notice_days as 60
	{f.values.minimum | some f in out} == {60}
}

test_notice_not_needed_without_sub_processors if {
	count(cloud_003.deny) == 0 with input as t.with_provider("aws", {"sub_processor": false, "approved_by_municipality": null})
}
