package lgai.rules.iac_006_test

import data.lgai.rules.iac_006
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac(rs) := t.put(t.base, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

policy(statements) := res({
	"type": "aws_iam_policy", "address": "aws_iam_policy.app", "category": "iam",
	"_at": {"file": "iam.tf", "line": 2, "path": "aws_iam_policy.app"},
	"iam": {"statements": statements, "role": null, "member": null},
})

stmt(actions, resources) := {"actions": actions, "resources": resources, "effect": "Allow", "mfa_condition": false}

binding(role, member) := res({
	"cloud": "gcp", "type": "google_project_iam_member", "address": "google_project_iam_member.app", "category": "iam",
	"_at": {"file": "iam.tf", "line": 30, "path": "google_project_iam_member.app"},
	"iam": {"statements": [], "role": role, "member": member},
})

test_not_applicable_without_iac if {
	count(iac_006.not_applicable) == 1 with input as t.base
}

test_not_applicable_without_iam if {
	inp := with_iac([res({})])
	count(iac_006.deny) == 0 with input as inp
	count(iac_006.not_applicable) == 1 with input as inp
}

test_scoped_policy_and_role_pass if {
	inp := with_iac([
		policy([stmt(["s3:GetObject", "s3:PutObject"], ["arn:aws:s3:::docs/*"]), stmt(["s3:*"], ["arn:aws:s3:::docs"])]),
		binding("roles/storage.objectViewer", "serviceAccount:app@p.iam.gserviceaccount.com"),
	])
	count(iac_006.deny) == 0 with input as inp
	count(iac_006.undetermined) == 0 with input as inp
	count(iac_006.not_applicable) == 0 with input as inp
}

# Branch 1: wildcard policy.
test_denies_wildcard_policy if {
	r := policy([stmt(["s3:GetObject"], ["*"]), stmt(["*"], ["*"])])
	out := iac_006.deny with input as with_iac([r])
	count(out) == 1
	some f in out
	f.field == "iam.statements[1]"
	f.at == r._at
	f.values == {"actions": ["*"], "resources": ["*"]}
}

test_deny_statement_with_wildcards_passes if {
	r := policy([{"actions": ["*"], "resources": ["*"], "effect": "Deny", "mfa_condition": false}])
	count(iac_006.deny) == 0 with input as with_iac([r])
}

test_break_glass_statement_with_mfa_passes if {
	r := policy([{"actions": ["*"], "resources": ["*"], "effect": "Allow", "mfa_condition": true}])
	count(iac_006.deny) == 0 with input as with_iac([r])
}

test_wildcard_action_on_one_resource_passes if {
	count(iac_006.deny) == 0 with input as with_iac([policy([stmt(["*:*"], ["arn:aws:s3:::docs"])])])
}

# Branch 2: all-powerful role for a workload.
test_denies_owner_for_service_account if {
	r := binding("roles/owner", "serviceAccount:app@p.iam.gserviceaccount.com")
	out := iac_006.deny with input as with_iac([r])
	count(out) == 1
	some f in out
	f.field == "iam.role"
	f.values == {"role": "roles/owner", "member": "serviceAccount:app@p.iam.gserviceaccount.com"}
}

test_denies_cluster_admin_for_k8s_service_account if {
	r := res({
		"cloud": "kubernetes", "source": "kubernetes", "type": "ClusterRoleBinding", "address": "ClusterRoleBinding/default/app-admin", "category": "iam",
		"iam": {"statements": [], "role": "cluster-admin", "member": "ServiceAccount:ai/app"},
	})
	t.fields(iac_006.deny) == {"iam.role"} with input as with_iac([r])
}

test_owner_for_a_person_passes if {
	inp := with_iac([binding("roles/owner", "user:admin@example.jp")])
	count(iac_006.deny) == 0 with input as inp
	count(iac_006.undetermined) == 0 with input as inp
}

test_unknown_grantee_is_undetermined if {
	r := res({"cloud": "azure", "type": "azurerm_role_assignment", "category": "iam", "iam": {"statements": [], "role": "Contributor", "member": "00000000-0000-0000-0000-000000000001"}})
	inp := with_iac([r])
	count(iac_006.deny) == 0 with input as inp
	t.fields(iac_006.undetermined) == {"iam.member"} with input as inp
	t.fields(iac_006.undetermined) == {"iam.member"} with input as with_iac([object.union(r, {"iam": {"member": null}})])
}
