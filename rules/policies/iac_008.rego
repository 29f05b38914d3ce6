# METADATA
# title: IaC log stores keep logs at least the minimum retention period
# description: >-
#   Every log group, workspace, log bucket or trail defined in IaC that sets a retention period keeps logs for
#   at least `min_log_retention_days` (a proposal: 365 days). Zero means "never expire" and passes; a period the
#   template does not set is not judged here (the provider default or an attestation applies).
# custom:
#   id: LGAI-IAC-008
#   title_ja: IaC のログ保存期間
#   description_ja: >-
#     IaC で定義したロググループ・ワークスペース・ログ用バケット・証跡で保存期間を設定している場合は、min_log_retention_days
#     (提案値 365 日) 以上にする。0 は無期限として適合。保存期間を設定していない
#     ものはここでは判定しない。
#   severity: high
#   family: logging
#   catalog: ["GL:LOG-002"]
#   source: "総務省 ガイドライン ログの取得等 (保存期間を定める; 日数は提案)"
#   honesty: K/P
#   input: [iac]
#   reads: ["iac.resources[].logging.retention_days", "iac.resources[].logging.kind"]
#   params: [min_log_retention_days]
#   remediation_ja: >-
#     保存期間を延ばす (aws_cloudwatch_log_group.retention_in_days = 400 または 0 (無期限)、azurerm_log_analytics_workspace.retention_in_days
#     = 365 以上、google_logging_project_bucket_config.retention_days、
#     ログ用バケットのライフサイクル expiration を min_log_retention_days 以上)。
#   remediation_en: >-
#     Keep logs longer (aws_cloudwatch_log_group.retention_in_days = 400, or 0 for never; azurerm_log_analytics_workspace
#     retention_in_days >= 365; google_logging_project_bucket_config.retention_days; a lifecycle expiration on log
#     buckets no shorter than min_log_retention_days).
package lgai.rules.iac_008

import data.lgai.lib

logs contains r if {
	some r in input.iac.resources
	r.logging != null
}

deny contains lib.finding(r._at, "logging.retention_days", ja, en, values) if {
	some r in logs
	d := r.logging.retention_days
	d != null
	d > 0
	d < data.lgai.params.min_log_retention_days
	values := {"type": r.type, "retention_days": d, "minimum": data.lgai.params.min_log_retention_days}
	ja := sprintf("%s (%s) のログ保存期間 %d 日が最低 %d 日を下回る", [r.address, r.type, d, data.lgai.params.min_log_retention_days])
	en := sprintf("%s (%s) keeps logs %d days, below the minimum of %d", [r.address, r.type, d, data.lgai.params.min_log_retention_days])
}

not_applicable contains lib.reason("IaC にログの保存先・証跡がない", "no log store or trail in IaC") if {
	count(logs) == 0
}
