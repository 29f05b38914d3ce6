package lgai.rules.iac_012_test

import data.lgai.rules.iac_012
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac(rs) := t.put(t.base, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

container(p) := object.union({
	"name": "app", "image": "registry.example.jp/app@sha256:0123", "image_pinned": true,
	"privileged": null, "allow_privilege_escalation": false, "run_as_non_root": null, "read_only_root_filesystem": true,
}, p)

deployment(w) := res({
	"cloud": "kubernetes", "source": "kubernetes", "type": "Deployment", "category": "workload",
	"address": "Deployment/ai/app", "_at": {"file": "k8s/app.yaml", "line": 1, "path": "Deployment/ai/app"},
	"workload": object.union({"host_network": null, "host_pid": null, "run_as_non_root": true, "service_account": "app", "containers": [container({})]}, w),
})

test_not_applicable_without_iac if {
	count(iac_012.not_applicable) == 1 with input as t.base
}

test_not_applicable_without_workloads if {
	inp := with_iac([res({})])
	count(iac_012.not_applicable) == 1 with input as inp
}

test_hardened_workload_passes if {
	inp := with_iac([deployment({})])
	count(iac_012.deny) == 0 with input as inp
	count(iac_012.not_applicable) == 0 with input as inp
}

test_container_level_non_root_passes if {
	count(iac_012.deny) == 0 with input as with_iac([deployment({"run_as_non_root": null, "containers": [container({"run_as_non_root": true})]})])
}

test_denies_host_network if {
	r := deployment({"host_network": true, "host_pid": false})
	out := iac_012.deny with input as with_iac([r])
	count(out) == 1
	some f in out
	f.field == "workload.host_network"
	f.at == r._at
	f.values == {"host_network": true}
}

test_denies_privileged_container if {
	r := deployment({"containers": [container({}), container({"name": "sidecar", "privileged": true, "allow_privilege_escalation": true})]})
	out := iac_012.deny with input as with_iac([r])
	t.fields(out) == {"workload.containers[1].privileged", "workload.containers[1].allow_privilege_escalation"}
	some f in out
	f.values == {"container": "sidecar", "privileged": true}
}

test_denies_root_when_not_forced if {
	out := iac_012.deny with input as with_iac([deployment({"run_as_non_root": null})])
	{[f.field, f.values] | some f in out} == {["workload.containers[0].run_as_non_root", {"container": "app", "run_as_non_root": null}]}
}

test_denies_container_overriding_pod_non_root if {
	out := iac_012.deny with input as with_iac([deployment({"containers": [container({"run_as_non_root": false})]})])
	t.fields(out) == {"workload.containers[0].run_as_non_root"}
}
