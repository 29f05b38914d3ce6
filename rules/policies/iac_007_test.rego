package lgai.rules.iac_007_test

import data.lgai.rules.iac_007
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac(rs) := t.put(t.base, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

trail(logging) := res({
	"type": "aws_cloudtrail", "address": "aws_cloudtrail.main", "category": "logging",
	"_at": {"file": "trail.tf", "line": 1, "path": "aws_cloudtrail.main"},
	"logging": object.union({"kind": "audit_trail", "enabled": true, "multi_region": true, "retention_days": null, "immutable": null, "target": null}, logging),
})

bucket := res({"_at": {"file": "a.tf", "line": 5, "path": "aws_s3_bucket.x"}})

test_not_applicable_without_iac if {
	count(iac_007.not_applicable) == 1 with input as t.base
}

test_not_applicable_for_kubernetes_only if {
	inp := with_iac([res({"cloud": "kubernetes", "source": "kubernetes", "type": "Deployment", "category": "workload"})])
	count(iac_007.undetermined) == 0 with input as inp
	count(iac_007.not_applicable) == 1 with input as inp
}

test_multi_region_trail_passes if {
	inp := with_iac([bucket, trail({})])
	count(iac_007.deny) == 0 with input as inp
	count(iac_007.undetermined) == 0 with input as inp
	count(iac_007.not_applicable) == 0 with input as inp
}

test_denies_disabled_trail if {
	r := trail({"enabled": false})
	out := iac_007.deny with input as with_iac([r])
	count(out) == 1
	some f in out
	f.field == "logging.enabled"
	f.at == r._at
	f.values == {"type": "aws_cloudtrail", "kind": "audit_trail", "enabled": false}
}

test_denies_single_region_trail if {
	out := iac_007.deny with input as with_iac([trail({"multi_region": false})])
	t.fields(out) == {"logging.multi_region"}
}

test_denies_disabled_gcp_audit_config if {
	r := res({"cloud": "gcp", "type": "google_project_iam_audit_config", "category": "logging", "logging": {"kind": "audit_config", "enabled": false}})
	t.fields(iac_007.deny) == {"logging.enabled"} with input as with_iac([r])
}

test_cloud_without_audit_logging_is_undetermined if {
	az := res({"cloud": "azure", "type": "azurerm_storage_account", "address": "azurerm_storage_account.s", "_at": {"file": "az.tf", "line": 9, "path": "azurerm_storage_account.s"}})
	az2 := object.union(az, {"address": "azurerm_storage_account.t", "_at": {"line": 3, "path": "azurerm_storage_account.t"}})
	inp := with_iac([bucket, trail({}), az, az2])
	count(iac_007.deny) == 0 with input as inp
	out := iac_007.undetermined with input as inp
	count(out) == 1
	some f in out
	f.values == {"cloud": "azure"}
	f.field == "cloud"
	f.at == az2._at # the first resource of that cloud
}

test_bedrock_invocation_logging_is_not_an_account_trail if {
	r := res({"type": "aws_bedrock_model_invocation_logging_configuration", "category": "logging", "logging": {"kind": "audit_config", "enabled": true}})
	{f.values | some f in iac_007.undetermined} == {{"cloud": "aws"}} with input as with_iac([r])
}
