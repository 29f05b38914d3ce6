package lgai.rules.iac_004_test

import data.lgai.rules.iac_004
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac(rs) := t.put(t.base, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

public_bucket := res({
	"address": "aws_s3_bucket.docs",
	"_at": {"file": "s3.tf", "line": 3, "path": "aws_s3_bucket.docs"},
	"exposure": {"public": true, "reasons": ["acl = public-read"]},
})

openai := res({
	"cloud": "azure", "type": "azurerm_cognitive_account", "address": "azurerm_cognitive_account.oai", "category": "ai",
	"_at": {"file": "ai.tf", "line": 1, "path": "azurerm_cognitive_account.oai"},
	"exposure": {"public": true, "reasons": ["public_network_access_enabled = true"]},
	"ai": {"service": "azure_openai", "model": null, "model_version": null, "auto_upgrade": null, "routing": null, "location": null, "public_network_access": true, "local_auth": null},
})

test_not_applicable_without_iac if {
	count(iac_004.not_applicable) == 1 with input as t.base
}

test_not_applicable_without_stores_or_ai if {
	inp := with_iac([res({"category": "load_balancer", "type": "aws_lb", "exposure": {"public": true}})])
	count(iac_004.deny) == 0 with input as inp
	count(iac_004.not_applicable) == 1 with input as inp
}

test_private_and_unknown_pass if {
	inp := with_iac([res({"exposure": {"public": false}}), res({"address": "aws_s3_bucket.y"})])
	count(iac_004.deny) == 0 with input as inp
	count(iac_004.not_applicable) == 0 with input as inp
}

test_denies_public_bucket if {
	out := iac_004.deny with input as with_iac([public_bucket])
	count(out) == 1
	some f in out
	f.field == "exposure.public"
	f.at == public_bucket._at
	f.values == {"type": "aws_s3_bucket", "public": true, "reasons": ["acl = public-read"]}
	contains(f.msg.en, "acl = public-read")
}

test_denies_public_ai_endpoint if {
	out := iac_004.deny with input as with_iac([openai])
	{f.at | some f in out} == {openai._at}
}

test_public_bucket_of_class_1_data_passes if {
	r := object.union(public_bucket, {"holds": {"assumed": false, "components": ["site"], "conf_rank_max": 1}})
	count(iac_004.deny) == 0 with input as with_iac([r])
}
