package lgai.rules.iac_009_test

import data.lgai.rules.iac_009
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac(rs) := t.put(t.base, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

trail(immutable) := res({
	"type": "aws_cloudtrail", "address": "aws_cloudtrail.main", "category": "logging",
	"_at": {"file": "trail.tf", "line": 1, "path": "aws_cloudtrail.main"},
	"logging": {"kind": "audit_trail", "enabled": true, "multi_region": true, "retention_days": null, "immutable": immutable, "target": "aws_s3_bucket.trail"},
})

test_not_applicable_without_iac if {
	count(iac_009.not_applicable) == 1 with input as t.base
}

test_not_applicable_without_trails if {
	inp := with_iac([res({"category": "logging", "logging": {"kind": "log_store", "immutable": false}})])
	count(iac_009.deny) == 0 with input as inp
	count(iac_009.not_applicable) == 1 with input as inp
}

test_immutable_trail_passes if {
	inp := with_iac([trail(true)])
	count(iac_009.deny) == 0 with input as inp
	count(iac_009.undetermined) == 0 with input as inp
	count(iac_009.not_applicable) == 0 with input as inp
}

test_denies_mutable_trail if {
	r := trail(false)
	out := iac_009.deny with input as with_iac([r])
	count(out) == 1
	some f in out
	f.field == "logging.immutable"
	f.at == r._at
	f.values == {"type": "aws_cloudtrail", "immutable": false, "target": "aws_s3_bucket.trail"}
}

test_unknown_protection_is_undetermined if {
	inp := with_iac([trail(null)])
	count(iac_009.deny) == 0 with input as inp
	t.fields(iac_009.undetermined) == {"logging.immutable"} with input as inp
}
