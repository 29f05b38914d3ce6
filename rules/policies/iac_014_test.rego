package lgai.rules.iac_014_test

import data.lgai.rules.iac_014
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac(rs) := t.put(t.base, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

db := res({
	"type": "aws_db_instance", "address": "aws_db_instance.db", "category": "database",
	"_at": {"file": "db.tf", "line": 3, "path": "aws_db_instance.db"},
	"secrets": [{"field": "password", "kind": "password"}],
})

test_not_applicable_without_iac if {
	count(iac_014.not_applicable) == 1 with input as t.base
}

test_no_secrets_passes if {
	inp := with_iac([res({})])
	count(iac_014.deny) == 0 with input as inp
	count(iac_014.not_applicable) == 0 with input as inp
}

test_denies_hard_coded_password if {
	out := iac_014.deny with input as with_iac([db])
	count(out) == 1
	some f in out
	f.field == "password"
	f.at == db._at
	f.values == {"type": "aws_db_instance", "kind": "password"}
}

test_every_secret_is_reported if {
	r := res({"type": "Secret", "cloud": "kubernetes", "source": "kubernetes", "category": "secret", "secrets": [
		{"field": "data.api_key", "kind": "token"},
		{"field": "data.tls_key", "kind": "private_key"},
	]})
	t.fields(iac_014.deny) == {"data.api_key", "data.tls_key", "password"} with input as with_iac([r, db])
	count(iac_014.deny) == 3 with input as with_iac([r, db])
}
