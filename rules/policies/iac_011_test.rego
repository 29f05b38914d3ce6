package lgai.rules.iac_011_test

import data.lgai.rules.iac_011
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac(rs) := t.put(t.base, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

db(backup) := res({
	"type": "aws_db_instance", "address": "aws_db_instance.db", "category": "database",
	"_at": {"file": "db.tf", "line": 1, "path": "aws_db_instance.db"},
	"backup": object.union({"versioning": null, "retention_days": 7, "multi_az": true, "replicas": null}, backup),
})

bucket(versioning) := res({
	"_at": {"file": "s3.tf", "line": 1, "path": "aws_s3_bucket.x"},
	"backup": {"versioning": versioning, "retention_days": null, "multi_az": null, "replicas": null},
})

linked(r, avail) := object.union(r, {"holds": {"assumed": false, "components": ["store"], "conf_rank_max": 2, "personal_rank_max": 1, "avail_rank_max": avail}})

test_not_applicable_without_iac if {
	count(iac_011.not_applicable) == 1 with input as t.base
}

test_not_applicable_for_availability_1_data if {
	inp := with_iac([linked(db({"retention_days": 0, "multi_az": false}), 1), linked(bucket(false), 1)])
	count(iac_011.deny) == 0 with input as inp
	count(iac_011.not_applicable) == 1 with input as inp
}

test_backed_up_redundant_versioned_passes if {
	inp := with_iac([linked(db({}), 2), bucket(true)])
	count(iac_011.deny) == 0 with input as inp
	count(iac_011.not_applicable) == 0 with input as inp
}

test_denies_database_without_backups if {
	r := db({"retention_days": 0})
	out := iac_011.deny with input as with_iac([r])
	count(out) == 1
	some f in out
	f.field == "backup.retention_days"
	f.at == r._at
	f.values == {"type": "aws_db_instance", "retention_days": 0}
}

test_denies_single_zone_database_of_availability_2 if {
	out := iac_011.deny with input as with_iac([linked(db({"multi_az": false}), 2)])
	{[f.field, f.values] | some f in out} == {["backup.multi_az", {"type": "aws_db_instance", "multi_az": false, "avail_rank_max": 2}]}
}

test_single_zone_unlinked_database_passes if {
	# Redundancy is asked only where the declaration says availability 2.
	count(iac_011.deny) == 0 with input as with_iac([db({"multi_az": false})])
}

test_denies_unversioned_storage if {
	out := iac_011.deny with input as with_iac([bucket(false)])
	t.fields(out) == {"backup.versioning"}
}
