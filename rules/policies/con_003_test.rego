package lgai.rules.con_003_test

import data.lgai.rules.con_003
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac_on(doc, rs) := t.put(doc, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

with_iac(rs) := with_iac_on(t.base, rs)

lb(components) := res({
	"type": "aws_lb", "address": "aws_lb.web", "category": "load_balancer",
	"_at": {"file": "lb.tf", "line": 1, "path": "aws_lb.web"},
	"exposure": {"public": true, "reasons": ["internal = false"]},
	"holds": {"assumed": count(components) == 0, "components": components, "conf_rank_max": 2, "personal_rank_max": 1},
})

test_not_applicable_without_iac if {
	count(con_003.not_applicable) == 1 with input as t.base
}

test_private_resources_pass if {
	inp := with_iac([res({"exposure": {"public": false}}), res({})])
	count(con_003.deny) == 0 with input as inp
	count(con_003.not_applicable) == 0 with input as inp
}

test_declared_public_endpoint_passes if {
	doc := t.set_component(t.base, "gw", {"public_endpoint": true})
	count(con_003.deny) == 0 with input as with_iac_on(doc, [lb(["gw"])])
}

test_denies_unlinked_public_resource if {
	r := lb([])
	out := con_003.deny with input as with_iac([r])
	count(out) == 1
	some f in out
	f.field == "exposure.public"
	f.at == r._at
	f.values == {"type": "aws_lb", "reasons": ["internal = false"], "components": []}
}

test_denies_public_resource_of_private_component if {
	out := con_003.deny with input as with_iac([lb(["gw"])])
	{f.values.components | some f in out} == {["gw"]}
}

test_network_plumbing_is_not_judged if {
	r := res({"type": "aws_security_group", "category": "network", "exposure": {"public": true, "reasons": ["0.0.0.0/0:443"]}})
	count(con_003.deny) == 0 with input as with_iac([r])
}
