# METADATA
# title: The vendor reports incidents to the municipality within the set time
# description: >-
#   The declaration names an incident contact and the time within which the vendor gives the municipality
#   its first report of an incident touching municipal data or the service; that time is at most
#   `max_incident_report_hours` (a proposal: no source gives a number). The incidents reported cover at
#   least the categories in `required_incident_categories` (by default data leaks, harmful or incorrect AI
#   output, security events and outages).
# custom:
#   id: LGAI-OPS-001
#   title_ja: 事故・障害の報告時間
#   description_ja: >-
#     インシデント連絡窓口と、自治体への第一報までの時間を宣言する。時間は max_incident_report_hours 以下
#     (出典に数値がなく提案値)。報告の対象は少なくとも required_incident_categories の種別(既定: データ漏えい、
#     有害・誤った AI の出力、セキュリティ事案、サービス停止)を含む。
#   severity: high
#   family: operations
#   catalog: ["GL:CLOUD-010", "AIC:INC-001", "GL:PI-004"]
#   source: "総務省 クラウド事業者への要請 (2020-06-02, ASPIC経由); ガイドライン 侵害時の対応; 個人情報保護法 第68条; デジタル庁 DS-920 (リスク事案の管理); 都城市生成AI活用規程 (2023-06-21, 想定外の事象の報告)"
#   honesty: S/P
#   input: [architecture]
#   reads: ["operations.incident.contact", "operations.incident.report_within_hours", "operations.incident.categories"]
#   params: [max_incident_report_hours, required_incident_categories]
#   remediation_ja: 連絡窓口と第一報の期限(例 24時間以内)、報告対象の種別(データ漏えい・有害な出力・セキュリティ事案・サービス停止)を契約に定め、operations.incident に記載する。
#   remediation_en: Fix the contact, the first-report deadline (e.g. 24 hours) and the incident categories reported (data leak, harmful output, security, outage) in the contract, and declare them under operations.incident.
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

deny contains lib.finding(ops_at, "incident.categories", ja, en, {"missing": missing}) if {
	inc := input.operations.incident
	inc != null
	declared := {x | some x in inc.categories}
	missing := sort({x | some x in data.lgai.params.required_incident_categories; not x in declared})
	count(missing) > 0
	ja := sprintf("自治体へ報告するインシデントの種別に %s が含まれていない", [concat(", ", missing)])
	en := sprintf("the incidents reported to the municipality do not cover %s", [concat(", ", missing)])
}

within(h, maximum) if {
	h != null
	h <= maximum
}
