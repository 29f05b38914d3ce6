# METADATA
# title: The most sensitive stored data is encrypted with customer-managed keys
# description: >-
#   Every storage, database, vector store, log store or queue that receives 機密性3 data (3C, 3B or 3A in
#   the five-level scheme) or special-care or specific personal information (要配慮個人情報, 特定個人情報)
#   is encrypted with a key the municipality or the vendor controls (a customer-managed key or an HSM), not
#   a key managed by the cloud provider, so that access can be revoked and the data made unreadable at exit.
# custom:
#   id: LGAI-ENC-003
#   title_ja: 顧客管理鍵
#   description_ja: >-
#     機密性3(5段階では3C・3B・3A)のデータ、または要配慮個人情報・特定個人情報を受け取るストレージ・DB・
#     ベクトルストア・ログ・キューは、クラウド事業者の管理する鍵ではなく、顧客管理鍵(CMK)またはHSMで暗号化する。
#     鍵を無効化すればデータを読めなくでき、契約終了時の消去にも使える。
#   severity: high
#   family: encryption
#   catalog: ["GL:ENC-002"]
#   source: "提案 (鍵管理; 出典となる規定は未確認)"
#   honesty: P
#   input: [architecture, dataflows]
#   reads: ["components[].kind", "components[].received", "components[].encryption.key_management"]
#   params: []
#   remediation_ja: "顧客管理鍵(KMS の CMK・Key Vault の顧客管理キー等)または HSM で暗号化し、components[].encryption.key_management: customer_managed(または hsm)と記載する。"
#   remediation_en: Encrypt with a customer-managed key (KMS CMK, Key Vault customer-managed key) or an HSM, and declare components[].encryption.key_management customer_managed (or hsm).
package lgai.rules.enc_003

import data.lgai.lib

controlled_keys := {"customer_managed", "hsm"}

stores contains c if {
	some c in input.components
	c.kind in lib.storing_kinds
	most_sensitive(c.received)
}

most_sensitive(received) if received.conf_rank_max >= 3

most_sensitive(received) if received.personal_rank_max >= 2

deny contains lib.finding(c._at, "encryption.key_management", ja, en, {"key_management": km}) if {
	some c in stores
	km := c.encryption.key_management
	not km in controlled_keys
	ja := sprintf("%s は機密性3・要配慮個人情報・特定個人情報を保存するが、鍵の管理が顧客管理鍵・HSM でない (%v)", [c.id, km])
	en := sprintf("%s stores 機密性3, special-care or specific personal data but its key is not customer-managed or in an HSM (%v)", [c.id, km])
}

not_applicable contains lib.reason(
	"機密性3・要配慮個人情報・特定個人情報を保存する構成要素がない",
	"no component stores 機密性3, special-care or specific personal data",
) if {
	count(stores) == 0
}
