# METADATA
# title: Logs are kept, for at least the minimum retention period
# description: >-
#   Every vendor component that receives municipal data, and every AI inference component, records
#   access, administration and security events, and keeps the logs at least `min_log_retention_days`
#   (a proposal: no source gives a number; a municipality sets its own with --policy-data).
# custom:
#   id: LGAI-LOG-001
#   title_ja: ログの取得と保存期間
#   description_ja: >-
#     自治体のデータを受け取る構成要素とAI推論の構成要素は、アクセス・管理操作・セキュリティイベントを記録し、
#     min_log_retention_days 日以上保存する(日数は出典がなく提案値。自治体は --policy-data で変更できる)。
#   severity: high
#   family: logging
#   catalog: ["GL:LOG-001", "GL:LOG-002", "AIC:LOG-002"]
#   source: "総務省 ガイドライン 技術的セキュリティ ネットワーク管理 (ログの取得等) — 保存期間の数値は示されていない"
#   honesty: K/P
#   input: [architecture]
#   reads: ["components[].logging.enabled", "components[].logging.retention_days", "components[].hosting", "components[].received"]
#   params: [min_log_retention_days]
#   remediation_ja: ログ取得を有効にし、保存期間を min_log_retention_days 日以上に設定して components[].logging に記載する。
#   remediation_en: Enable logging and keep logs at least min_log_retention_days days; declare it under components[].logging.
package lgai.rules.log_001

import data.lgai.lib

subjects contains c if {
	some c in input.components
	not c.hosting in lib.municipal_segments
	count(c.received.assets) > 0
}

subjects contains c if {
	some c in input.components
	not c.hosting in lib.municipal_segments
	c.kind == "ai_inference"
}

deny contains lib.finding(c._at, "logging.enabled", ja, en, {"logging": c.logging}) if {
	some c in subjects
	not c.logging.enabled
	ja := sprintf("%s のログ取得が有効と宣言されていない", [c.id])
	en := sprintf("logging is not declared enabled for %s", [c.id])
}

deny contains lib.finding(c._at, "logging.retention_days", ja, en, {"retention_days": days, "minimum": minimum}) if {
	some c in subjects
	c.logging.enabled
	days := object.get(c.logging, "retention_days", null)
	minimum := data.lgai.params.min_log_retention_days
	not retention_ok(days, minimum)
	ja := sprintf("%s のログ保存期間 %v 日が最低 %d 日に満たない", [c.id, days, minimum])
	en := sprintf("%s keeps logs %v days, less than the minimum %d", [c.id, days, minimum])
}

retention_ok(days, minimum) if {
	days != null
	days >= minimum
}

not_applicable contains lib.reason(
	"データを受け取る事業者側の構成要素がない",
	"no vendor component receives data",
) if {
	count(subjects) == 0
}
