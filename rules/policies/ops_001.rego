# METADATA
# title: The vendor reports incidents to the municipality within the set time
# description: >-
#   The declaration names an incident contact and the time within which the vendor gives the municipality
#   its first report of an incident touching municipal data or the service; that time is at most
#   `max_incident_report_hours` (a proposal: no source gives a number).
# custom:
#   id: LGAI-OPS-001
#   title_ja: 事故・障害の報告時間
#   description_ja: >-
#     インシデント連絡窓口と、自治体への第一報までの時間を宣言する。時間は max_incident_report_hours 以下
#     (出典に数値がなく提案値)。
#   severity: high
#   family: operations
#   catalog: ["GL:CLOUD-010", "AIC:INC-001", "GL:PI-004"]
#   source: "総務省 クラウド事業者への要請 (2020-06-02, ASPIC経由); ガイドライン 侵害時の対応; 個人情報保護法 第68条"
#   honesty: S/P
#   input: [architecture]
#   reads: ["operations.incident.contact", "operations.incident.report_within_hours"]
#   params: [max_incident_report_hours]
#   remediation_ja: 連絡窓口と第一報の期限(例 24時間以内)を契約に定め、operations.incident に記載する。
#   remediation_en: Fix the contact and first-report deadline (e.g. 24 hours) in the contract and declare them under operations.incident.
package lgai.rules.ops_001

import data.lgai.lib

ops_at := {"file": input._files.declaration, "path": "operations"}

deny contains lib.finding(ops_at, "incident", "インシデント連絡体制が宣言されていない", "no incident contact is declared", {}) if {
	input.operations.incident == null
}

deny contains lib.finding(ops_at, "incident.report_within_hours", ja, en, {"report_within_hours": h, "maximum": maximum}) if {
	inc := input.operations.incident
	inc != null
	h := inc.report_within_hours
	maximum := data.lgai.params.max_incident_report_hours
	not within(h, maximum)
	ja := sprintf("自治体への第一報までの時間 %v 時間が上限 %d 時間を超えるか未宣言", [h, maximum])
	en := sprintf("first report to the municipality within %v hours: over the maximum %d or not declared", [h, maximum])
}

within(h, maximum) if {
	h != null
	h <= maximum
}
