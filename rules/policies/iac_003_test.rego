package lgai.rules.iac_003_test

import data.lgai.rules.iac_003
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac(rs) := t.put(t.base, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

listener(tls) := res({
	"type": "aws_lb_listener", "address": "aws_lb_listener.web", "category": "load_balancer",
	"_at": {"file": "lb.tf", "line": 20, "path": "aws_lb_listener.web"},
	"tls": object.union({"protocol": "HTTPS", "redirects_to_https": null, "min_version": "1.2", "policy": "ELBSecurityPolicy-TLS13-1-2-2021-06", "weak_ciphers": []}, tls),
})

test_not_applicable_without_iac if {
	count(iac_003.not_applicable) == 1 with input as t.base
}

test_not_applicable_without_tls_settings if {
	inp := with_iac([res({})])
	count(iac_003.deny) == 0 with input as inp
	count(iac_003.not_applicable) == 1 with input as inp
}

test_https_tls_1_2_passes if {
	inp := with_iac([listener({})])
	count(iac_003.deny) == 0 with input as inp
	count(iac_003.undetermined) == 0 with input as inp
	count(iac_003.not_applicable) == 0 with input as inp
}

test_http_redirect_passes if {
	count(iac_003.deny) == 0 with input as with_iac([listener({"protocol": "HTTP", "redirects_to_https": true, "min_version": null, "policy": null})])
}

# Branch 1: plain HTTP.
test_denies_plain_http if {
	r := listener({"protocol": "HTTP", "redirects_to_https": false, "min_version": null, "policy": null})
	out := iac_003.deny with input as with_iac([r])
	count(out) == 1
	some f in out
	f.field == "tls.protocol"
	f.at == r._at
	f.values == {"type": "aws_lb_listener", "protocol": "HTTP", "redirects_to_https": false}
}

test_http_with_unknown_redirect_is_undetermined if {
	inp := with_iac([listener({"protocol": "http", "redirects_to_https": null, "min_version": null, "policy": null})])
	count(iac_003.deny) == 0 with input as inp
	t.fields(iac_003.undetermined) == {"tls.redirects_to_https"} with input as inp
}

# Branch 2: old TLS.
test_denies_tls_1_0_policy if {
	out := iac_003.deny with input as with_iac([listener({"min_version": "1.0", "policy": "ELBSecurityPolicy-2016-08"})])
	count(out) == 1
	some f in out
	f.field == "tls.min_version"
	f.values == {"type": "aws_lb_listener", "min_version": "1.0", "policy": "ELBSecurityPolicy-2016-08", "minimum": "1.2"}
}

test_param_min_tls_1_3 if {
	out := iac_003.deny with input as with_iac([listener({})]) with data.lgai.params.min_tls_version as "1.3"
	t.fields(out) == {"tls.min_version"}
}

# Branch 3: weak ciphers.
test_denies_weak_ciphers if {
	out := iac_003.deny with input as with_iac([listener({"weak_ciphers": ["3DES", "SHA-1"]})])
	t.fields(out) == {"tls.weak_ciphers"}
}

test_unprotected_linked_listener_is_not_checked if {
	r := object.union(listener({"protocol": "HTTP", "redirects_to_https": false}), {"holds": {"assumed": false, "components": ["gw"], "conf_rank_max": 1}})
	count(iac_003.deny) == 0 with input as with_iac([r])
	count(iac_003.not_applicable) == 1 with input as with_iac([r])
}
