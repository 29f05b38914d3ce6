package lgai.rules.con_001_test

import data.lgai.rules.con_001
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac_on(doc, rs) := t.put(doc, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

with_iac(rs) := with_iac_on(t.base, rs)

bucket(region, extra) := res({
	"address": "aws_s3_bucket.docs", "_at": {"file": "s3.tf", "line": 1, "path": "aws_s3_bucket.docs"},
	"region": region, "extra_regions": extra,
})

# base declares ap-northeast-1 (components, logs, model) and ap-northeast-3 (store backups).

test_not_applicable_without_iac if {
	count(con_001.not_applicable) == 1 with input as t.base
}

test_not_applicable_without_regions if {
	inp := with_iac([res({"source": "cloudformation", "type": "AWS::S3::Bucket"}), res({"category": "iam", "region": "us-east-1"})])
	count(con_001.deny) == 0 with input as inp
	count(con_001.not_applicable) == 1 with input as inp
}

test_declared_regions_pass if {
	inp := with_iac([bucket("ap-northeast-1", ["ap-northeast-3"])])
	count(con_001.deny) == 0 with input as inp
	count(con_001.not_applicable) == 0 with input as inp
}

test_denies_undeclared_region if {
	r := bucket("ap-northeast-3", [])
	doc := t.set_component(t.base, "store", {"backup": {"region": null}})
	out := con_001.deny with input as with_iac_on(doc, [r])
	count(out) == 1
	some f in out
	f.field == "region"
	f.at == r._at
	f.values == {"type": "aws_s3_bucket", "region": "ap-northeast-3", "declared": ["ap-northeast-1"]}
}

test_denies_undeclared_replica_region if {
	out := con_001.deny with input as with_iac([bucket("ap-northeast-1", ["ap-northeast-3", "us-west-2"])])
	{[f.field, f.values.extra_regions] | some f in out} == {["extra_regions", ["us-west-2"]]}
}

test_azure_display_names_match if {
	doc := t.set_component(t.base, "store", {"provider": "azure", "region": "japaneast"})
	r := res({"cloud": "azure", "type": "azurerm_storage_account", "region": "Japan East"})
	count(con_001.deny) == 0 with input as with_iac_on(doc, [r])
}

test_nothing_declared_fails_every_region if {
	doc := t.put(t.without_models(t.base), "components", {})
	out := con_001.deny with input as with_iac_on(doc, [bucket("ap-northeast-1", [])])
	{f.values.declared | some f in out} == {[]}
}
