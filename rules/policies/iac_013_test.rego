package lgai.rules.iac_013_test

import data.lgai.rules.iac_013
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac(rs) := t.put(t.base, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

deployment(image, pinned) := res({
	"cloud": "kubernetes", "source": "kubernetes", "type": "Deployment", "category": "workload",
	"address": "Deployment/ai/app", "_at": {"file": "k8s/app.yaml", "line": 1, "path": "Deployment/ai/app"},
	"workload": {"host_network": null, "host_pid": null, "run_as_non_root": true, "service_account": null, "containers": [{
		"name": "app", "image": image, "image_pinned": pinned, "privileged": null,
		"allow_privilege_escalation": false, "run_as_non_root": null, "read_only_root_filesystem": null,
	}]},
})

ecr(scanning) := res({
	"type": "aws_ecr_repository", "address": "aws_ecr_repository.app", "category": "registry",
	"_at": {"file": "ecr.tf", "line": 1, "path": "aws_ecr_repository.app"},
	"image_scanning": scanning,
})

test_not_applicable_without_iac if {
	count(iac_013.not_applicable) == 1 with input as t.base
}

test_not_applicable_without_containers_or_registries if {
	inp := with_iac([res({})])
	count(iac_013.not_applicable) == 1 with input as inp
}

test_pinned_image_and_scanning_registry_pass if {
	inp := with_iac([deployment("app:1.4.2", true), ecr(true)])
	count(iac_013.deny) == 0 with input as inp
	count(iac_013.not_applicable) == 0 with input as inp
}

test_denies_latest_image if {
	r := deployment("app:latest", false)
	out := iac_013.deny with input as with_iac([r])
	count(out) == 1
	some f in out
	f.field == "workload.containers[0].image"
	f.at == r._at
	f.values == {"container": "app", "image": "app:latest", "image_pinned": false}
}

test_unknown_pinning_passes if {
	count(iac_013.deny) == 0 with input as with_iac([deployment(null, null)])
}

test_denies_registry_without_scanning if {
	r := ecr(false)
	out := iac_013.deny with input as with_iac([r])
	{[f.field, f.at] | some f in out} == {["image_scanning", r._at]}
}
