# METADATA
# title: The SLA discloses availability, recovery time and backup method
# description: >-
#   The vendor discloses a service level agreement with at least the availability target (percent), the
#   recovery time objective (hours) and the backup method, so that the municipality can plan its own
#   business continuity.
# custom:
#   id: LGAI-OPS-004
#   title_ja: SLAの開示
#   description_ja: >-
#     事業者はSLA(サービスレベル合意)を開示し、少なくとも稼働率の目標(%)、目標復旧時間(RTO, 時間)、バックアップの
#     方法を示す。自治体が自らの業務継続計画を立てられるようにする。
#   severity: medium
#   family: operations
#   catalog: ["GL:CLOUD-009"]
#   source: "総務省 クラウドサービス事業者への要請 (2020-06, 障害時の対応・SLA の開示)"
#   honesty: S
#   input: [architecture]
#   reads: ["operations.sla", "operations.sla.availability_percent", "operations.sla.rto_hours", "operations.sla.backup_method"]
#   params: []
#   remediation_ja: SLA(稼働率・RTO・バックアップ方法)を契約に定め、operations.sla に availability_percent・rto_hours・backup_method を記載する。
#   remediation_en: Fix the SLA (availability, RTO, backup method) in the contract and declare availability_percent, rto_hours and backup_method under operations.sla.
package lgai.rules.ops_004

import data.lgai.lib

ops_at := {"file": input._files.declaration, "path": "operations"}

deny contains lib.finding(ops_at, "sla", "SLAが開示されていない", "no SLA is disclosed", {"sla": null}) if {
	input.operations.sla == null
}

sla_items := {
	"availability_percent": ["稼働率の目標", "the availability target"],
	"rto_hours": ["目標復旧時間 (RTO)", "the recovery time objective (RTO)"],
	"backup_method": ["バックアップの方法", "the backup method"],
}

deny contains lib.finding(ops_at, sprintf("sla.%s", [k]), ja, en, {k: null}) if {
	sla := input.operations.sla
	sla != null
	some k, label in sla_items
	sla[k] == null
	ja := sprintf("SLAに%sが示されていない", [label[0]])
	en := sprintf("the SLA does not state %s", [label[1]])
}
