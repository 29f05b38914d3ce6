# METADATA
# title: IaC audit trails are protected against tampering
# description: >-
#   Every audit trail defined in IaC (CloudTrail, an Azure activity-log export, a GCP audit log sink) writes to
#   a destination that cannot be altered or deleted: log file validation with an Object Lock (WORM) bucket,
#   an immutability policy on the storage container, a locked retention policy on the bucket. A trail whose
#   protection the template does not show needs an attestation (for example, a bucket locked in a separate
#   log-archive account).
# custom:
#   id: LGAI-IAC-009
#   title_ja: IaC の監査ログの改ざん防止
#   description_ja: >-
#     IaC で定義した監査証跡 (CloudTrail・Azure アクティビティログのエクスポート・GCP 監査ログのシンク) は、
#     改ざん・削除できない送り先に書き込む (ログファイルの検証と Object Lock (WORM) バケット、ストレージコンテナーの
#     不変ポリシー、ロックされたバケットの保持ポリシー)。テンプレートから保護を判断できない場合 (別のログ保管
#     アカウントでロックしている等) は表明が必要。
#   severity: high
#   family: logging
#   catalog: ["GL:LOG-003"]
#   source: "総務省 ガイドライン ログの取得等 (改ざん防止は提案)"
#   honesty: P
#   input: [iac]
#   reads: ["iac.resources[].logging.kind", "iac.resources[].logging.immutable", "iac.resources[].logging.target"]
#   params: []
#   remediation_ja: >-
#     送り先を改ざん防止にする (aws_cloudtrail.enable_log_file_validation = true と、送り先バケットの
#     aws_s3_bucket_object_lock_configuration (COMPLIANCE モード)、azurerm_storage_container_immutability_policy
#     (locked)、google_storage_bucket の retention_policy.is_locked = true)。
#   remediation_en: >-
#     Make the destination tamper-proof (aws_cloudtrail.enable_log_file_validation = true with an
#     aws_s3_bucket_object_lock_configuration in COMPLIANCE mode on the target bucket;
#     azurerm_storage_container_immutability_policy, locked; google_storage_bucket retention_policy.is_locked = true).
package lgai.rules.iac_009

import data.lgai.lib

trails contains r if {
	some r in input.iac.resources
	r.logging != null
	r.logging.kind == "audit_trail"
}

deny contains lib.finding(r._at, "logging.immutable", ja, en, {"type": r.type, "immutable": false, "target": r.logging.target}) if {
	some r in trails
	r.logging.immutable == false
	ja := sprintf("監査証跡 %s (%s) の送り先が改ざん防止になっていない", [r.address, r.type])
	en := sprintf("audit trail %s (%s) writes to a destination that is not tamper-proof", [r.address, r.type])
}

undetermined contains lib.finding(r._at, "logging.immutable", ja, en, {"type": r.type, "immutable": null, "target": r.logging.target}) if {
	some r in trails
	r.logging.immutable == null
	ja := sprintf("監査証跡 %s (%s) の改ざん防止をテンプレートから判断できない", [r.address, r.type])
	en := sprintf("the template does not show whether audit trail %s (%s) is tamper-proof", [r.address, r.type])
}

not_applicable contains lib.reason("IaC に監査証跡がない", "no audit trail in IaC") if {
	count(trails) == 0
}
