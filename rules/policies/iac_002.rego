# METADATA
# title: IaC stores of 機密性3 or special-care data use customer-managed keys; keys are rotated
# description: >-
#   A storage bucket/account, database, volume, vector store or log store defined in IaC and linked to a
#   component that receives 機密性3 data (3, 3C, 3B, 3A) or special-care / specific personal information
#   is encrypted with a customer-managed key (KMS / Key Vault / Cloud KMS), not a provider-managed one,
#   so that the municipality's data can be crypto-shredded at exit. Every key defined in IaC has automatic
#   rotation turned on. A store whose key kind the template does not settle needs an attestation.
#   Unlinked resources are assumed to hold 機密性2 data and are not asked for a customer-managed key.
# custom:
#   id: LGAI-IAC-002
#   title_ja: IaC の顧客管理鍵と鍵のローテーション
#   description_ja: >-
#     機密性3 (3・3C・3B・3A) または要配慮・特定個人情報を受け取る構成要素に対応付けられた IaC のストレージ・DB・
#     ボリューム・ベクトルストア・ログ保存先は、事業者管理鍵ではなく顧客管理鍵 (KMS / Key Vault / Cloud KMS) で
#     暗号化する (契約終了時に鍵の破棄でデータを消去できるように)。IaC で定義した鍵は自動ローテーションを
#     有効にする。鍵の種類をテンプレートから判断できない場合は表明が必要。構成要素に対応付けられていない
#     リソースは機密性2を保持すると仮定し、顧客管理鍵は求めない。
#   severity: high
#   family: encryption
#   catalog: ["GL:ENC-002"]
#   source: "総務省 ガイドライン 技術的セキュリティ (暗号化・鍵管理) — 機密性3・要配慮の顧客管理鍵は提案"
#   honesty: P
#   input: [iac]
#   reads: ["iac.resources[].category", "iac.resources[].encryption.at_rest", "iac.resources[].encryption.key_kind", "iac.resources[].holds", "iac.resources[].key_rotation"]
#   params: []
#   remediation_ja: >-
#     顧客管理鍵で暗号化する (例 aws_s3_bucket_server_side_encryption_configuration の sse_algorithm = "aws:kms" と
#     kms_master_key_id、aws_db_instance.kms_key_id、azurerm_storage_account の customer_managed_key、google_storage_bucket
#     の encryption.default_kms_key_name、google_sql_database_instance.encryption_key_name、K8s
#     StorageClass の kmsKeyId)。鍵は自動ローテーションを有効にする (aws_kms_key.enable_key_rotation = true、azurerm_key_vault_key
#     の rotation_policy、google_kms_crypto_key.rotation_period)。
#   remediation_en: >-
#     Encrypt with a customer-managed key (e.g. sse_algorithm = "aws:kms" with kms_master_key_id on the S3 bucket
#     encryption configuration, aws_db_instance.kms_key_id, azurerm_storage_account customer_managed_key,
#     google_storage_bucket encryption.default_kms_key_name, google_sql_database_instance.encryption_key_name,
#     kmsKeyId on a K8s StorageClass) and turn on key rotation (aws_kms_key.enable_key_rotation = true,
#     azurerm_key_vault_key rotation_policy, google_kms_crypto_key.rotation_period).
package lgai.rules.iac_002

import data.lgai.lib

stores contains r if {
	some r in input.iac.resources
	r.category in lib.iac_storing_categories
	lib.iac_needs_cmk(r)
}

keys contains r if {
	some r in input.iac.resources
	r.category == "key"
}

deny contains lib.finding(r._at, "encryption.key_kind", ja, en, {"type": r.type, "key_kind": r.encryption.key_kind}) if {
	some r in stores
	r.encryption.key_kind == "provider_managed"
	ja := sprintf("%s (%s) は機密性3・要配慮の情報を保持するが、事業者管理鍵で暗号化されている (%s)", [r.address, r.type, lib.iac_holds_ja(r)])
	en := sprintf("%s (%s) holds 機密性3 / special-care data but is encrypted with a provider-managed key (%s)", [r.address, r.type, lib.iac_holds_en(r)])
}

deny contains lib.finding(r._at, "encryption.at_rest", ja, en, {"type": r.type, "at_rest": false}) if {
	some r in stores
	r.encryption.at_rest == false
	ja := sprintf("%s (%s) は機密性3・要配慮の情報を保持するが、保存時暗号化そのものが無効 (%s)", [r.address, r.type, lib.iac_holds_ja(r)])
	en := sprintf("%s (%s) holds 機密性3 / special-care data and is not encrypted at rest at all (%s)", [r.address, r.type, lib.iac_holds_en(r)])
}

deny contains lib.finding(r._at, "key_rotation", ja, en, {"type": r.type, "key_rotation": false}) if {
	some r in keys
	r.key_rotation == false
	ja := sprintf("鍵 %s (%s) の自動ローテーションが無効", [r.address, r.type])
	en := sprintf("key %s (%s) has automatic rotation turned off", [r.address, r.type])
}

undetermined contains lib.finding(r._at, "encryption.key_kind", ja, en, {"type": r.type, "key_kind": null}) if {
	some r in stores
	r.encryption.key_kind == null
	r.encryption.at_rest != false
	ja := sprintf("%s (%s) は機密性3・要配慮の情報を保持するが、鍵の種類をテンプレートから判断できない", [r.address, r.type])
	en := sprintf("%s (%s) holds 機密性3 / special-care data; the template does not show which key encrypts it", [r.address, r.type])
}

not_applicable contains lib.reason(
	"IaC に機密性3・要配慮の情報を保持するストアも鍵もない",
	"no IaC store holds 機密性3 / special-care data and no key is defined",
) if {
	count(stores) == 0
	count(keys) == 0
}
