package lgai.rules.iac_008_test

import data.lgai.rules.iac_008
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac(rs) := t.put(t.base, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

group(days) := res({
	"type": "aws_cloudwatch_log_group", "address": "aws_cloudwatch_log_group.app", "category": "logging",
	"_at": {"file": "logs.tf", "line": 12, "path": "aws_cloudwatch_log_group.app"},
	"logging": {"kind": "log_store", "enabled": true, "multi_region": null, "retention_days": days, "immutable": null, "target": null},
})

test_not_applicable_without_iac if {
	count(iac_008.not_applicable) == 1 with input as t.base
}

test_not_applicable_without_logs if {
	inp := with_iac([res({})])
	count(iac_008.not_applicable) == 1 with input as inp
}

test_long_never_and_unset_retention_pass if {
	inp := with_iac([group(400), group(0), group(null)])
	count(iac_008.deny) == 0 with input as inp
	count(iac_008.not_applicable) == 0 with input as inp
}

test_denies_short_retention if {
	r := group(90)
	out := iac_008.deny with input as with_iac([r])
	count(out) == 1
	some f in out
	f.field == "logging.retention_days"
	f.at == r._at
	f.values == {"type": "aws_cloudwatch_log_group", "retention_days": 90, "minimum": 365}
}

test_param_min_log_retention_days if {
	inp := with_iac([group(400)])
	t.fields(iac_008.deny) == {"logging.retention_days"} with input as inp with data.lgai.params.min_log_retention_days as 730
}
