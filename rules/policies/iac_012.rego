# METADATA
# title: Kubernetes workloads run unprivileged
# description: >-
#   Every Kubernetes workload (Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod) defined in IaC runs
#   without host namespaces (hostNetwork, hostPID), no container is privileged or allowed to escalate
#   privileges, and every container runs as a non-root user (runAsNonRoot true on the container, or on the
#   pod and not overridden). This follows the Kubernetes Pod Security Standards (restricted profile): a
#   compromised container must not become the node's administrator.
# custom:
#   id: LGAI-IAC-012
#   title_ja: Kubernetes ワークロードの権限最小化
#   description_ja: >-
#     IaC で定義した Kubernetes ワークロード (Deployment・StatefulSet・DaemonSet・Job・CronJob・Pod) はホストの
#     名前空間 (hostNetwork・hostPID) を使わず、特権コンテナや権限昇格を許可せず、すべてのコンテナを非 root
#     ユーザーで実行する (コンテナ、または上書きされていない Pod の runAsNonRoot が true)。Kubernetes Pod
#     Security Standards (restricted) に沿い、侵害されたコンテナがノードの管理者にならないようにする。
#   severity: high
#   family: access
#   catalog: ["GL:IAM-002", "GL:IAM-003"]
#   source: "総務省 ガイドライン アクセス制御 (最小権限・特権ID); Kubernetes Pod Security Standards (restricted)"
#   honesty: K/P
#   input: [iac]
#   reads: ["iac.resources[].category", "iac.resources[].workload.host_network", "iac.resources[].workload.host_pid", "iac.resources[].workload.run_as_non_root", "iac.resources[].workload.containers[].privileged", "iac.resources[].workload.containers[].allow_privilege_escalation", "iac.resources[].workload.containers[].run_as_non_root"]
#   params: []
#   remediation_ja: >-
#     Pod の spec.hostNetwork・spec.hostPID を false にし、securityContext で runAsNonRoot: true
#     (と runAsUser に 0 以外) を設定する。各コンテナの securityContext で privileged: false、allowPrivilegeEscalation:
#     false にする (Terraform の kubernetes_deployment では security_context ブロック)。
#     名前空間に pod-security.kubernetes.io/enforce: restricted ラベルを付ける。
#   remediation_en: >-
#     Set spec.hostNetwork and spec.hostPID to false, runAsNonRoot: true (and a non-zero runAsUser) in the pod
#     securityContext, and privileged: false, allowPrivilegeEscalation: false in every container securityContext
#     (the security_context blocks of kubernetes_deployment in Terraform). Label the namespace
#     pod-security.kubernetes.io/enforce: restricted.
package lgai.rules.iac_012

import data.lgai.lib

workloads contains r if {
	some r in input.iac.resources
	r.category == "workload"
	r.workload != null
}

deny contains lib.finding(r._at, sprintf("workload.%s", [k]), ja, en, {k: true}) if {
	some r in workloads
	some k in ["host_network", "host_pid"]
	r.workload[k] == true
	ja := sprintf("%s がホストの名前空間を使う (%s)", [r.address, k])
	en := sprintf("%s uses a host namespace (%s)", [r.address, k])
}

deny contains lib.finding(r._at, sprintf("workload.containers[%d].%s", [n, k]), ja, en, {"container": c.name, k: true}) if {
	some r in workloads
	some n, c in r.workload.containers
	some k in ["privileged", "allow_privilege_escalation"]
	c[k] == true
	ja := sprintf("%s のコンテナ %s が %s", [r.address, c.name, k])
	en := sprintf("container %s of %s sets %s", [c.name, r.address, k])
}

# runAsNonRoot in effect: the container's setting overrides the pod's.
non_root(r, c) := c.run_as_non_root if c.run_as_non_root != null

non_root(r, c) := r.workload.run_as_non_root if c.run_as_non_root == null

deny contains lib.finding(r._at, sprintf("workload.containers[%d].run_as_non_root", [n]), ja, en, {"container": c.name, "run_as_non_root": v}) if {
	some r in workloads
	some n, c in r.workload.containers
	v := non_root(r, c)
	v != true
	ja := sprintf("%s のコンテナ %s が非 root での実行を強制していない (runAsNonRoot: %v)", [r.address, c.name, v])
	en := sprintf("container %s of %s is not forced to run as non-root (runAsNonRoot: %v)", [c.name, r.address, v])
}

not_applicable contains lib.reason("IaC に Kubernetes ワークロードがない", "no Kubernetes workload in IaC") if {
	count(workloads) == 0
}
