package lgai.rules.con_002_test

import data.lgai.rules.con_002
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac_on(doc, rs) := t.put(doc, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

with_iac(rs) := with_iac_on(t.base, rs)

# base: component `store` declares encryption at rest; `gw` does not say.
linked(cid, at_rest) := res({
	"type": "aws_db_instance", "address": "aws_db_instance.db", "category": "database",
	"_at": {"file": "db.tf", "line": 1, "path": "aws_db_instance.db"},
	"encryption": {"at_rest": at_rest},
	"holds": {"assumed": false, "components": [cid], "conf_rank_max": 2, "personal_rank_max": 1},
})

test_not_applicable_without_iac if {
	count(con_002.not_applicable) == 1 with input as t.base
}

test_not_applicable_without_linked_declaring_component if {
	inp := with_iac([linked("gw", false), res({"encryption": {"at_rest": false}})])
	count(con_002.deny) == 0 with input as inp
	count(con_002.not_applicable) == 1 with input as inp
}

test_encrypted_resource_passes if {
	inp := with_iac([linked("store", true)])
	count(con_002.deny) == 0 with input as inp
	count(con_002.not_applicable) == 0 with input as inp
}

test_unknown_encryption_passes if {
	count(con_002.deny) == 0 with input as with_iac([linked("store", null)])
}

test_denies_contradicting_resource if {
	r := linked("store", false)
	out := con_002.deny with input as with_iac([r])
	count(out) == 1
	some f in out
	f.field == "encryption.at_rest"
	f.at == r._at
	f.values == {"type": "aws_db_instance", "at_rest": false, "components": ["store"]}
}
