# METADATA
# title: Logs are monitored with threat detection and alerting
# description: >-
#   The service's logs are analysed for attacks (threat detection, SIEM) and raise alerts, so that an
#   intrusion is noticed quickly. Not declaring monitoring fails like declaring none.
# custom:
#   id: LGAI-LOG-004
#   title_ja: ログの監視
#   description_ja: >-
#     サービスのログを脅威検知・SIEM 等で分析し、異常時にアラートを通知して、侵入を早期に検知する。
#     監視の宣言がない場合は、監視なしと同じく不適合。
#   severity: medium
#   family: logging
#   catalog: ["GL:LOG-004"]
#   source: "総務省 ガイドライン 運用 (情報システムの監視); R2.12 β・β′モデルの前提となる対策 (ログ分析)"
#   honesty: K
#   input: [architecture]
#   reads: ["operations.monitoring", "operations.monitoring.threat_detection", "operations.monitoring.alerting"]
#   params: []
#   remediation_ja: "脅威検知(GuardDuty・Defender for Cloud・SIEM 等)とアラート通知を有効にし、operations.monitoring に threat_detection: true と alerting: true を記載する。"
#   remediation_en: Turn on threat detection (GuardDuty, Defender for Cloud, a SIEM) with alerting, and declare threat_detection true and alerting true under operations.monitoring.
package lgai.rules.log_004

import data.lgai.lib

ops_at := {"file": input._files.declaration, "path": "operations"}

deny contains lib.finding(ops_at, "monitoring", "ログの監視が宣言されていない", "no log monitoring is declared", {"monitoring": null}) if {
	input.operations.monitoring == null
}

deny contains lib.finding(ops_at, "monitoring.threat_detection", ja, en, {"threat_detection": v}) if {
	v := input.operations.monitoring.threat_detection
	v != true
	ja := "ログの脅威検知・分析(SIEM 等)が行われていない"
	en := "logs are not analysed for threats (threat detection, SIEM)"
}

deny contains lib.finding(ops_at, "monitoring.alerting", ja, en, {"alerting": v}) if {
	v := input.operations.monitoring.alerting
	v != true
	ja := "異常を検知してもアラートが通知されない"
	en := "detected anomalies raise no alert"
}
