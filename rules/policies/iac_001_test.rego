package lgai.rules.iac_001_test

import data.lgai.rules.iac_001
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac(rs) := t.put(t.base, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

db := res({
	"type": "aws_db_instance", "address": "aws_db_instance.db", "category": "database",
	"_at": {"file": "main.tf", "line": 4, "path": "aws_db_instance.db"},
	"encryption": {"at_rest": false},
})

test_not_applicable_without_iac if {
	count(iac_001.deny) == 0 with input as t.base
	count(iac_001.not_applicable) == 1 with input as t.base
}

test_not_applicable_without_stores if {
	inp := with_iac([res({"category": "network", "type": "aws_security_group", "encryption": {"at_rest": false}})])
	count(iac_001.deny) == 0 with input as inp
	count(iac_001.not_applicable) == 1 with input as inp
}

test_denies_unencrypted_database if {
	inp := with_iac([db])
	out := iac_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "encryption.at_rest"
	f.at == db._at
	f.values == {"type": "aws_db_instance", "at_rest": false}
	count(iac_001.not_applicable) == 0 with input as inp
}

test_encrypted_and_unknown_stores_pass if {
	inp := with_iac([
		res({"encryption": {"at_rest": true, "key_kind": "provider_managed"}}),
		res({"address": "aws_ebs_volume.v", "category": "volume", "encryption": {"at_rest": null}}),
	])
	count(iac_001.deny) == 0 with input as inp
	count(iac_001.not_applicable) == 0 with input as inp
}

test_linked_store_of_class_1_data_is_not_checked if {
	inp := with_iac([object.union(db, {"holds": {"assumed": false, "components": ["store"], "conf_rank_max": 1}})])
	count(iac_001.deny) == 0 with input as inp
	count(iac_001.not_applicable) == 1 with input as inp
}

test_linked_store_of_personal_data_is_checked if {
	inp := with_iac([object.union(db, {"holds": {"assumed": false, "components": ["store"], "conf_rank_max": 1, "personal_rank_max": 1}})])
	t.fields(iac_001.deny) == {"encryption.at_rest"} with input as inp
}
