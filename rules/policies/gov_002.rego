# METADATA
# title: The four DS-920 high-risk viewpoints are declared for each use case
# description: >-
#   The declaration lists the service's use cases, each with the four viewpoints of the DS-920 high-risk
#   screening sheet: who the users are (user_scope), how the work affects administrative outcomes
#   (task_impact), whether confidential information is learned by the model (trains_on_confidential), and
#   whether staff judge the output before use (human_review). The schema requires the four viewpoints in
#   every use case, so the rule fails only when no use case is declared: without them the municipality
#   cannot triage the risk.
# custom:
#   id: LGAI-GOV-002
#   title_ja: 高リスク判定の4観点の申告
#   description_ja: >-
#     サービスの用途(use_cases)を宣言し、用途ごとに DS-920 高リスク判定シートの4観点、すなわち利用者(user_scope)、
#     業務への影響(task_impact)、機密情報の学習(trains_on_confidential)、職員による出力の確認(human_review)を示す。
#     4観点はスキーマで各用途に必須のため、このルールは用途が1つも宣言されていない場合に不適合とする。
#     用途がなければ自治体はリスクを判定できない。
#   severity: critical
#   family: governance
#   catalog: ["AIC:GOV-002", "GL:AI-005"]
#   source: "デジタル庁 DS-920 生成AIの調達・利活用に係るガイドライン (2025-05-27, 別紙 高リスク判定シート)"
#   honesty: V/S/P
#   input: [architecture]
#   reads: ["use_cases", "use_cases[].user_scope", "use_cases[].task_impact", "use_cases[].trains_on_confidential", "use_cases[].human_review"]
#   params: []
#   remediation_ja: "サービスの用途ごとに use_cases を記載し、user_scope・task_impact・trains_on_confidential・human_review の4観点を示す。"
#   remediation_en: Declare each use case of the service in use_cases with the four viewpoints user_scope, task_impact, trains_on_confidential and human_review.
package lgai.rules.gov_002

import data.lgai.lib

deny contains lib.finding({"file": input._files.declaration, "path": ""}, "use_cases", ja, en, {"use_cases": []}) if {
	count(input.use_cases) == 0
	ja := "用途 (use_cases) が宣言されておらず、高リスク判定の4観点(利用者・業務への影響・機密情報の学習・職員による確認)が示されていない"
	en := "no use case is declared, so the four high-risk viewpoints (users, impact on the work, learning of confidential data, staff review) are not given"
}
