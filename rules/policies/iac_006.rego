# METADATA
# title: IaC grants least privilege — no wildcard IAM policies, no owner or cluster-admin for workloads
# description: >-
#   No IAM policy defined in IaC allows every action on every resource (`Action: "*"` with `Resource: "*"`)
#   except a break-glass statement conditioned on MFA (which no workload can satisfy), and no workload
#   identity (GCP service account or workload identity pool, Kubernetes ServiceAccount, Azure service
#   principal / managed identity) is granted an all-powerful role (roles/owner, roles/editor, Owner,
#   Contributor, cluster-admin). Such grants also give an AI agent or a compromised workload full control.
#   When the grantee of such a role cannot be told from the template, an attestation is needed.
# custom:
#   id: LGAI-IAC-006
#   title_ja: IaC の最小権限 (ワイルドカード権限・ワークロードへの管理者ロールなし)
#   description_ja: >-
#     IaC で定義した IAM ポリシーは全リソースへの全操作 (Action "*" かつ Resource "*") を許可しない (MFA を
#     条件とする緊急用の文を除く。ワークロードは MFA を満たせないため)。ワークロードの ID (GCP サービス
#     アカウント・Workload Identity プール、K8s ServiceAccount、Azure サービスプリンシパル・マネージド ID) に全権ロール (roles/owner・roles/editor・Owner・Contributor・cluster-admin) を付与しない。AI
#     エージェントや侵害されたワークロードが環境全体を操作できてしまうため。付与先をテンプレートから
#     判断できない場合は表明が必要。
#   severity: critical
#   family: access
#   catalog: ["GL:IAM-002", "AIC:AGT-001"]
#   source: "総務省 ガイドライン アクセス制御 (最小権限); AI catalog AGT-001 (エージェントの IAM は最小権限)"
#   honesty: K
#   input: [iac]
#   reads: ["iac.resources[].iam.statements[].actions", "iac.resources[].iam.statements[].resources", "iac.resources[].iam.statements[].effect", "iac.resources[].iam.statements[].mfa_condition", "iac.resources[].iam.role", "iac.resources[].iam.member"]
#   params: []
#   remediation_ja: >-
#     必要な操作と対象に限定したポリシーにする (aws_iam_policy / aws_iam_role_policy の Action・Resource を列挙、AWS
#     管理ポリシーの AdministratorAccess を付けない)。ワークロードには専用の最小ロールを付与する
#     (google_project_iam_member の role を roles/owner・roles/editor にしない、azurerm_role_assignment の
#     role_definition_name を Owner・Contributor にしない、K8s の ClusterRoleBinding で ServiceAccount に
#     cluster-admin を付けず Role/RoleBinding で名前空間に限定する)。
#   remediation_en: >-
#     Scope policies to the actions and resources needed (list Action and Resource in aws_iam_policy /
#     aws_iam_role_policy; do not attach AdministratorAccess). Give workloads a dedicated minimal role (no roles/owner
#     or roles/editor in google_project_iam_member, no Owner or Contributor role_definition_name in
#     azurerm_role_assignment, no ClusterRoleBinding of a ServiceAccount to cluster-admin — use a namespaced
#     Role/RoleBinding).
package lgai.rules.iac_006

import data.lgai.lib

admin_roles := {"roles/owner", "roles/editor", "Owner", "Contributor", "cluster-admin"}

wildcard_actions := {"*", "*:*"}

grants contains r if {
	some r in input.iac.resources
	r.iam != null
}

admin_grant(r) if r.iam.role in admin_roles

deny contains lib.finding(r._at, sprintf("iam.statements[%d]", [n]), ja, en, {"actions": s.actions, "resources": s.resources}) if {
	some r in grants
	some n, s in r.iam.statements
	lower(s.effect) == "allow"
	not s.mfa_condition # conditioned on MFA: a person's break-glass access, not a workload's
	count({a | some a in s.actions; a in wildcard_actions}) > 0
	"*" in s.resources
	ja := sprintf("%s (%s) のポリシーが全リソースへの全操作を許可している (Action *, Resource *)", [r.address, r.type])
	en := sprintf("%s (%s) allows every action on every resource (Action *, Resource *)", [r.address, r.type])
}

deny contains lib.finding(r._at, "iam.role", ja, en, {"role": r.iam.role, "member": r.iam.member}) if {
	some r in grants
	admin_grant(r)
	is_string(r.iam.member)
	workload_or_public(r.iam.member)
	ja := sprintf("%s (%s) がワークロード %s に全権ロール %s を付与している", [r.address, r.type, r.iam.member, r.iam.role])
	en := sprintf("%s (%s) grants the all-powerful role %s to the workload %s", [r.address, r.type, r.iam.role, r.iam.member])
}

workload_or_public(m) if lib.iac_workload_member(m)

workload_or_public(m) if lib.iac_public_member(m)

undetermined contains lib.finding(r._at, "iam.member", ja, en, {"role": r.iam.role, "member": r.iam.member}) if {
	some r in grants
	admin_grant(r)
	not known_member(r.iam.member)
	ja := sprintf("%s (%s) は全権ロール %s を付与するが、付与先 (%v) がワークロードか人かをテンプレートから判断できない", [r.address, r.type, r.iam.role, r.iam.member])
	en := sprintf("%s (%s) grants the all-powerful role %s; the template does not show whether the grantee (%v) is a workload or a person", [r.address, r.type, r.iam.role, r.iam.member])
}

known_member(m) if {
	is_string(m)
	workload_or_public(m)
}

known_member(m) if {
	is_string(m)
	lib.iac_human_member(m)
}

not_applicable contains lib.reason("IaC に IAM ポリシー・ロール付与がない", "no IAM policy or role grant in IaC") if {
	count(grants) == 0
}
