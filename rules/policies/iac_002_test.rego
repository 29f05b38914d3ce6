package lgai.rules.iac_002_test

import data.lgai.rules.iac_002
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac(rs) := t.put(t.base, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

# A bucket linked to component `store`, which receives 機密性3A data.
c3_bucket(enc) := res({
	"address": "aws_s3_bucket.records",
	"_at": {"file": "main.tf", "line": 10, "path": "aws_s3_bucket.records"},
	"encryption": enc,
	"holds": {"assumed": false, "components": ["store"], "conf_rank_max": 5, "personal_rank_max": 1},
})

kms(rotation) := res({
	"type": "aws_kms_key", "address": "aws_kms_key.k", "category": "key",
	"_at": {"file": "kms.tf", "line": 1, "path": "aws_kms_key.k"},
	"key_rotation": rotation,
})

test_not_applicable_without_iac if {
	count(iac_002.not_applicable) == 1 with input as t.base
}

test_not_applicable_for_unlinked_stores_without_keys if {
	# Unlinked stores are assumed to hold 機密性2, which does not need a customer-managed key.
	inp := with_iac([res({"encryption": {"at_rest": true, "key_kind": "provider_managed"}})])
	count(iac_002.deny) == 0 with input as inp
	count(iac_002.not_applicable) == 1 with input as inp
}

test_customer_managed_key_passes if {
	inp := with_iac([c3_bucket({"at_rest": true, "key_kind": "customer_managed", "key_ref": "aws_kms_key.k"}), kms(true)])
	count(iac_002.deny) == 0 with input as inp
	count(iac_002.undetermined) == 0 with input as inp
	count(iac_002.not_applicable) == 0 with input as inp
}

test_denies_provider_managed_key_for_class_3 if {
	r := c3_bucket({"at_rest": true, "key_kind": "provider_managed"})
	inp := with_iac([r])
	out := iac_002.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "encryption.key_kind"
	f.at == r._at
	f.values == {"type": "aws_s3_bucket", "key_kind": "provider_managed"}
	contains(f.msg.en, "store")
	contains(f.msg.en, "memo")
}

test_denies_provider_managed_key_for_special_care_data if {
	r := object.union(c3_bucket({"at_rest": true, "key_kind": "provider_managed"}), {"holds": {"conf_rank_max": 2, "personal_rank_max": 2}})
	t.fields(iac_002.deny) == {"encryption.key_kind"} with input as with_iac([r])
}

test_class_2_personal_data_does_not_need_cmk if {
	r := object.union(c3_bucket({"at_rest": true, "key_kind": "provider_managed"}), {"holds": {"conf_rank_max": 2, "personal_rank_max": 1}})
	count(iac_002.deny) == 0 with input as with_iac([r])
	count(iac_002.not_applicable) == 1 with input as with_iac([r])
}

test_denies_unencrypted_class_3_store if {
	out := iac_002.deny with input as with_iac([c3_bucket({"at_rest": false})])
	t.fields(out) == {"encryption.at_rest"}
}

test_unknown_key_kind_is_undetermined if {
	inp := with_iac([c3_bucket({"at_rest": true, "key_kind": null})])
	count(iac_002.deny) == 0 with input as inp
	t.fields(iac_002.undetermined) == {"encryption.key_kind"} with input as inp
}

test_denies_key_without_rotation if {
	k := kms(false)
	out := iac_002.deny with input as with_iac([k])
	count(out) == 1
	some f in out
	f.field == "key_rotation"
	f.at == k._at
	f.values == {"type": "aws_kms_key", "key_rotation": false}
}

test_key_with_unknown_rotation_passes if {
	count(iac_002.deny) == 0 with input as with_iac([kms(null)])
	count(iac_002.not_applicable) == 0 with input as with_iac([kms(null)])
}
