# METADATA
# title: The municipality receives usage statistics per department or per user
# description: >-
#   The vendor gives the municipality statistics on how the AI is used, broken down at least by department
#   (department or user granularity), so that unit heads can monitor use and the municipality can report
#   on it periodically.
# custom:
#   id: LGAI-GOV-005
#   title_ja: 利用状況の報告
#   description_ja: >-
#     事業者は自治体にAIの利用状況の統計を提供し、少なくとも部署単位(department または user)で把握できるようにする。
#     所属長による利用状況の把握や、自治体としての定期的な報告に用いる。
#   severity: medium
#   family: governance
#   catalog: ["AIC:ACC-002"]
#   source: "ChatGPT等の生成AIの業務利用に関する申合せ (2023-05-08, 利用状況の管理); 都城市生成AI活用規程 (2023-06-21, 所属長による利用状況の把握); デジタル庁 DS-920 (2025-05-27, 定期報告)"
#   honesty: V/P
#   input: [architecture]
#   reads: ["reporting.usage_stats", "reporting.granularity"]
#   params: []
#   remediation_ja: "利用状況の統計を自治体に提供し(reporting.usage_stats: true)、部署別または利用者別に集計する(granularity: department または user)。"
#   remediation_en: Provide usage statistics to the municipality (reporting.usage_stats true) broken down by department or user (granularity department or user).
package lgai.rules.gov_005

import data.lgai.lib

rep := input.reporting

rep_at := {"file": input._files.declaration, "path": "reporting"}

deny contains lib.finding(rep_at, "usage_stats", ja, en, {"usage_stats": rep.usage_stats}) if {
	rep.usage_stats != true
	ja := "AIの利用状況の統計が自治体に提供されない"
	en := "the municipality does not receive AI usage statistics"
}

deny contains lib.finding(rep_at, "granularity", ja, en, {"granularity": null}) if {
	rep.granularity == null
	ja := "利用状況の集計単位 (granularity) が宣言されておらず、部署別・利用者別に把握できるか分からない"
	en := "the granularity of the usage statistics is not declared, so per-department or per-user reporting is not shown"
}

deny contains lib.finding(rep_at, "granularity", ja, en, {"granularity": g}) if {
	g := rep.granularity
	g != null
	not g in {"department", "user"}
	ja := sprintf("利用状況がサービス全体 (%s) でしか集計されず、部署別・利用者別に把握できない", [g])
	en := sprintf("usage is only reported for the whole service (%s), not per department or per user", [g])
}
