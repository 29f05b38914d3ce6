# METADATA
# title: IaC audit logging is on (CloudTrail multi-region, diagnostic settings, audit configs)
# description: >-
#   Audit logging defined in IaC is not turned off: a CloudTrail trail, an Azure diagnostic setting or a GCP
#   audit config is enabled, and an AWS trail covers every region. A cloud account that appears in the IaC
#   (AWS, Azure, GCP) but has no audit-logging resource needs an attestation: the trail or audit
#   configuration may be managed in another repository (an organisation trail, a landing zone).
# custom:
#   id: LGAI-IAC-007
#   title_ja: IaC の監査ログ取得 (CloudTrail 全リージョン・診断設定・監査ログ構成)
#   description_ja: >-
#     IaC で定義した監査ログ (CloudTrail 証跡・Azure 診断設定・GCP 監査ログ構成) を無効にしない。AWS の証跡は
#     全リージョンを対象にする。IaC に現れるクラウド (AWS・Azure・GCP) に監査ログのリソースがない場合は、
#     別のリポジトリ (組織の証跡・ランディングゾーン) で管理されている可能性があるため表明が必要。
#   severity: high
#   family: logging
#   catalog: ["GL:LOG-001", "AIC:LOG-001"]
#   source: "総務省 ガイドライン ネットワーク管理 (ログの取得等); AI catalog LOG-001 (IaC にログの送り先を定義)"
#   honesty: K/P
#   input: [iac]
#   reads: ["iac.clouds", "iac.resources[].cloud", "iac.resources[].logging.kind", "iac.resources[].logging.enabled", "iac.resources[].logging.multi_region"]
#   params: []
#   remediation_ja: >-
#     監査ログを有効にする (aws_cloudtrail の enable_logging = true と is_multi_region_trail = true、azurerm_monitor_diagnostic_setting
#     で監査カテゴリ (AuditEvent など) を Log Analytics へ送る、google_project_iam_audit_config
#     で allServices の DATA_READ / DATA_WRITE / ADMIN_READ を有効にする)。
#     別のリポジトリで管理している場合はその証跡を表明する。
#   remediation_en: >-
#     Turn audit logging on (aws_cloudtrail enable_logging = true and is_multi_region_trail = true; an
#     azurerm_monitor_diagnostic_setting sending the audit categories such as AuditEvent to Log Analytics;
#     google_project_iam_audit_config for allServices with DATA_READ, DATA_WRITE and ADMIN_READ). When the trail is
#     managed in another repository, attest it.
package lgai.rules.iac_007

import data.lgai.lib

audit_kinds := {"audit_trail", "audit_config", "diagnostic"}

audit_logs contains r if {
	some r in input.iac.resources
	r.logging != null
	r.logging.kind in audit_kinds
}

clouds contains c if {
	some c in input.iac.clouds
	c in lib.iac_account_clouds
}

deny contains lib.finding(r._at, "logging.enabled", ja, en, {"type": r.type, "kind": r.logging.kind, "enabled": false}) if {
	some r in audit_logs
	r.logging.enabled == false
	ja := sprintf("監査ログ %s (%s) が無効", [r.address, r.type])
	en := sprintf("audit logging %s (%s) is turned off", [r.address, r.type])
}

deny contains lib.finding(r._at, "logging.multi_region", ja, en, {"type": r.type, "multi_region": false}) if {
	some r in audit_logs
	r.cloud == "aws"
	r.logging.kind == "audit_trail"
	r.logging.multi_region == false
	ja := sprintf("CloudTrail 証跡 %s が全リージョンを対象にしていない (is_multi_region_trail)", [r.address])
	en := sprintf("CloudTrail trail %s does not cover every region (is_multi_region_trail)", [r.address])
}

# What counts as the account's audit logging: on AWS a CloudTrail trail (Bedrock invocation logging is
# not an account trail); on Azure the activity-log export or diagnostic settings; on GCP audit configs
# or the _Required/_Default audit log buckets and sinks.
covering_kinds := {"aws": {"audit_trail"}, "azure": {"audit_trail", "diagnostic"}, "gcp": {"audit_trail", "audit_config"}}

undetermined contains lib.finding(lib.iac_first_at(rs), "cloud", ja, en, {"cloud": c}) if {
	some c in clouds
	count({r | some r in audit_logs; r.cloud == c; r.logging.kind in covering_kinds[c]}) == 0
	rs := {r | some r in input.iac.resources; r.cloud == c}
	ja := sprintf("%s: IaC に監査ログ (証跡・診断設定・監査ログ構成) の定義がない。別の場所で管理しているなら表明が必要", [c])
	en := sprintf("%s: no audit logging (trail, diagnostic setting, audit config) is defined in the IaC; attest it if it is managed elsewhere", [c])
}

not_applicable contains lib.reason(
	"IaC に AWS・Azure・GCP のリソースがない",
	"the IaC defines no AWS, Azure or GCP resource",
) if {
	count(clouds) == 0
	count(audit_logs) == 0
}
