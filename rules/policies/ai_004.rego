# METADATA
# title: Staff review AI output before it affects residents or decisions
# description: >-
#   No administrative decision affecting residents is fully automated. Where the AI judges
#   (判断) or faces residents, every output is reviewed by a responsible staff member before use.
# custom:
#   id: LGAI-AI-004
#   title_ja: 職員による出力の確認
#   description_ja: >-
#     住民に影響する行政判断を完全に自動化しない。AIが判断を行う場合や住民向けの場合は、出力を利用前に必ず
#     職員が確認する。
#   severity: critical
#   family: ai
#   catalog: ["GL:AI-004", "AIC:OUT-001", "AIC:GOV-002"]
#   source: "デジタル庁 DS-920 生成AIの調達・利活用に係るガイドライン (2025-05-27, 高リスク判定シート: 職員による判断); 都城市生成AI活用規程; 総務省 自治体AI WG 報告書 (2025-07)"
#   honesty: S/V
#   input: [architecture]
#   reads: ["service.decision_automation", "service.human_review", "service.resident_facing", "service.ai_functions"]
#   params: []
#   remediation_ja: "出力を職員が確認・承認する手順を製品に組み込み、service.human_review: always とする。自動決定はやめる。"
#   remediation_en: Build a staff review and approval step into the product, declare service.human_review always, and stop fully automated decisions.
package lgai.rules.ai_004

import data.lgai.lib

svc := input.service

svc_at := {"file": input._files.declaration, "path": "service"}

deny contains lib.finding(svc_at, "decision_automation", ja, en, {"decision_automation": "full"}) if {
	svc.decision_automation == "full"
	ja := "行政判断が完全に自動化されている (decision_automation: full)"
	en := "administrative decisions are fully automated (decision_automation: full)"
}

high_impact if svc.resident_facing

high_impact if "judgement" in svc.ai_functions

high_impact if svc.decision_automation == "assist"

deny contains lib.finding(svc_at, "human_review", ja, en, {"human_review": svc.human_review}) if {
	high_impact
	svc.human_review != "always"
	ja := sprintf("判断支援・住民向けのAI出力の職員確認が %s (always であること)", [svc.human_review])
	en := sprintf("staff review of decision-support/resident-facing output is %s (must be always)", [svc.human_review])
}
