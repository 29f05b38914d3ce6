# METADATA
# title: Use cases beyond drafting name the uses the service must not be used for
# description: >-
#   Every use case whose output goes beyond drafting (task_impact information, admin_decision_support or
#   admin_decision) lists the uses the service must not be put to (excluded_uses), such as answers to the
#   council or dispositions on residents, so that staff and the product can prevent or warn against them.
# custom:
#   id: LGAI-GOV-004
#   title_ja: 利用禁止業務の明示
#   description_ja: >-
#     起案の補助を超える用途(task_impact が information・admin_decision_support・admin_decision)では、
#     そのサービスを使ってはならない業務(議会答弁、住民への処分等)を excluded_uses に示し、
#     職員と製品がそれを防止・警告できるようにする。
#   severity: medium
#   family: governance
#   catalog: ["AIC:GOV-006"]
#   source: "神戸市におけるAIの活用等に関する条例 (2024-03-29 公布; 議会答弁をAIに委ねない・処分等はリスク評価); デジタル庁 DS-920 生成AIの調達・利活用に係るガイドライン (2025-05-27, 高リスク判定)"
#   honesty: V/P
#   input: [architecture]
#   reads: ["use_cases[].task_impact", "use_cases[].excluded_uses"]
#   params: []
#   remediation_ja: "起案の補助を超える用途ごとに、使ってはならない業務(議会答弁、処分の決定等)を use_cases[].excluded_uses に記載し、製品での防止・警告の方法を示す。"
#   remediation_en: For every use case beyond drafting, list the uses it must not be put to (council answers, dispositions ...) in use_cases[].excluded_uses and describe how the product prevents or warns against them.
package lgai.rules.gov_004

import data.lgai.lib

beyond_drafting contains u if {
	some u in input.use_cases
	u.task_impact != "drafting"
}

deny contains lib.finding(u._at, "excluded_uses", ja, en, {"task_impact": u.task_impact, "excluded_uses": []}) if {
	some u in beyond_drafting
	count(u.excluded_uses) == 0
	ja := sprintf("用途 %s (%s) に利用してはならない業務 (excluded_uses) が示されていない", [u.id, u.task_impact])
	en := sprintf("use case %s (%s) does not list the uses it must not be put to (excluded_uses)", [u.id, u.task_impact])
}

not_applicable contains lib.reason(
	"起案の補助を超える用途がない(用途がないか、すべて task_impact: drafting)",
	"no use case goes beyond drafting (none declared, or all task_impact drafting)",
) if {
	count(beyond_drafting) == 0
}
