package lgai.rules.iac_015_test

import data.lgai.rules.iac_015
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac(rs) := t.put(t.base, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

bucket(region, extra) := res({
	"address": "aws_s3_bucket.docs", "_at": {"file": "s3.tf", "line": 1, "path": "aws_s3_bucket.docs"},
	"region": region, "extra_regions": extra,
})

test_not_applicable_without_iac if {
	count(iac_015.not_applicable) == 1 with input as t.base
}

test_not_applicable_for_network_only if {
	inp := with_iac([res({"category": "network", "type": "aws_vpc", "region": "us-east-1"})])
	count(iac_015.deny) == 0 with input as inp
	count(iac_015.not_applicable) == 1 with input as inp
}

test_japanese_regions_pass if {
	inp := with_iac([
		bucket("ap-northeast-1", ["ap-northeast-3"]),
		res({"cloud": "azure", "type": "azurerm_storage_account", "region": "Japan East"}),
		res({"cloud": "gcp", "type": "google_storage_bucket", "region": "asia-northeast1", "extra_regions": ["asia-northeast2"]}),
	])
	count(iac_015.deny) == 0 with input as inp
	count(iac_015.undetermined) == 0 with input as inp
	count(iac_015.not_applicable) == 0 with input as inp
}

test_denies_foreign_region if {
	r := bucket("us-east-1", [])
	out := iac_015.deny with input as with_iac([r])
	count(out) == 1
	some f in out
	f.field == "region"
	f.at == r._at
	f.values == {"type": "aws_s3_bucket", "region": "us-east-1"}
	contains(f.msg.en, "assumed")
}

test_denies_multi_region_and_foreign_replica if {
	inp := with_iac([
		res({"cloud": "gcp", "type": "google_storage_bucket", "address": "google_storage_bucket.b", "region": "asia"}),
		bucket("ap-northeast-1", ["us-west-2", "ap-northeast-3"]),
	])
	out := iac_015.deny with input as inp
	{[f.field, f.values] | some f in out} == {
		["region", {"type": "google_storage_bucket", "region": "asia"}],
		["extra_regions", {"type": "aws_s3_bucket", "extra_regions": ["us-west-2"]}],
	}
}

test_message_names_linked_components_and_data if {
	r := object.union(bucket("us-east-1", []), {"holds": {"assumed": false, "components": ["store"], "conf_rank_max": 2, "personal_rank_max": 1}})
	some f in iac_015.deny with input as with_iac([r])
	contains(f.msg.en, "store")
	contains(f.msg.en, "memo")
}

test_class_1_data_abroad_passes if {
	r := object.union(bucket("us-east-1", []), {"holds": {"assumed": false, "components": ["site"], "conf_rank_max": 1}})
	count(iac_015.deny) == 0 with input as with_iac([r])
}

cfn(id, line) := res({"source": "cloudformation", "type": "AWS::S3::Bucket", "address": id, "_at": {"file": "stack.yaml", "line": line, "path": id}})

test_unknown_region_is_undetermined_once_per_file if {
	inp := with_iac([cfn("Logs", 40), cfn("Docs", 12), res({"category": "compute", "type": "AWS::Lambda::Function", "_at": {"file": "stack.yaml", "line": 5, "path": "Fn"}})])
	count(iac_015.deny) == 0 with input as inp
	out := iac_015.undetermined with input as inp
	count(out) == 1
	some f in out
	f.at == {"file": "stack.yaml", "line": 12, "path": "Docs"}
	f.values == {"file": "stack.yaml", "resources": ["Docs", "Logs"]}
}

test_log_routing_without_region_is_not_undetermined if {
	r := res({"cloud": "gcp", "type": "google_project_iam_audit_config", "category": "logging", "logging": {"kind": "audit_config", "enabled": true}})
	count(iac_015.undetermined) == 0 with input as with_iac([r])
}
