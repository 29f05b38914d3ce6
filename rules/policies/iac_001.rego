# METADATA
# title: IaC stores holding 機密性2+ data are encrypted at rest
# description: >-
#   Every storage bucket/account, database, volume, vector store and log store defined in IaC that holds
#   機密性2+ or personal data (or is not linked to a declared component, and so is assumed to) is encrypted
#   at rest. Provider defaults count where the provider documents them (S3 since 2023, Azure Storage, GCS,
#   Cloud SQL); an explicit `false`, or a database left at its unencrypted default, fails.
# custom:
#   id: LGAI-IAC-001
#   title_ja: IaC の保存時暗号化
#   description_ja: >-
#     IaC で定義された機密性2以上・個人情報を保持するストレージ・DB・ボリューム・ベクトルストア・ログ保存先
#     (構成要素に対応付けられていないものは保持すると仮定) は保存時に暗号化する。明示的な false や、
#     既定で暗号化されない DB の未設定は不適合。
#   severity: high
#   family: encryption
#   catalog: ["GL:ENC-001", "AIC:SEC-001"]
#   source: "総務省 ガイドライン 技術的セキュリティ (暗号化); AI catalog SEC-001"
#   honesty: K/P
#   input: [iac]
#   reads: ["iac.resources[].category", "iac.resources[].encryption.at_rest", "iac.resources[].holds"]
#   params: []
#   remediation_ja: "ストレージ・DB の保存時暗号化を有効にする (例 aws_db_instance.storage_encrypted = true、Azure の infrastructure_encryption、K8s StorageClass の encrypted パラメータ)。"
#   remediation_en: Turn on encryption at rest for the store (e.g. aws_db_instance.storage_encrypted = true; encrypted StorageClass parameters).
package lgai.rules.iac_001

import data.lgai.lib

stores contains r if {
	some r in input.iac.resources
	r.category in lib.iac_storing_categories
	lib.iac_protected(r)
}

deny contains lib.finding(r._at, "encryption.at_rest", ja, en, {"type": r.type, "at_rest": false}) if {
	some r in stores
	r.encryption.at_rest == false
	ja := sprintf("%s (%s) は保存時暗号化が無効", [r.address, r.type])
	en := sprintf("%s (%s) is not encrypted at rest", [r.address, r.type])
}

not_applicable contains lib.reason("IaC に機密性2以上を保持するストアがない", "no IaC store holds 機密性2+ data") if {
	count(stores) == 0
}
