# METADATA
# title: Stores holding 機密性2+ or personal data are encrypted at rest
# description: >-
#   Every storage, database, vector store, log store or queue that receives data of confidentiality class
#   2 or above, or personal data, declares encryption at rest. Not declaring it fails like declaring `false`.
# custom:
#   id: LGAI-ENC-001
#   title_ja: 保存時の暗号化
#   description_ja: >-
#     機密性2以上または個人情報を受け取るストレージ・DB・ベクトルストア・ログ・キューは保存時に暗号化する。
#     未申告は暗号化なしと同じく不適合。
#   severity: high
#   family: encryption
#   catalog: ["GL:ENC-001", "AIC:SEC-001"]
#   source: "総務省 ガイドライン 技術的セキュリティ (暗号化)"
#   honesty: K/P
#   input: [architecture, dataflows]
#   reads: ["components[].kind", "components[].encryption.at_rest", "components[].received"]
#   params: []
#   remediation_ja: "保存時暗号化を有効にし、components[].encryption.at_rest: true と鍵の管理者を記載する。"
#   remediation_en: Enable encryption at rest and declare components[].encryption.at_rest true with its key management.
package lgai.rules.enc_001

import data.lgai.lib

stores contains c if {
	some c in input.components
	c.kind in lib.storing_kinds
	lib.protected(c.received)
}

deny contains lib.finding(c._at, "encryption.at_rest", ja, en, {"at_rest": c.encryption.at_rest}) if {
	some c in stores
	c.encryption.at_rest != true
	ja := sprintf("%s は機密性2以上・個人情報を保存するが、保存時暗号化が %v", [c.id, c.encryption.at_rest])
	en := sprintf("%s stores 機密性2+/personal data but encryption at rest is %v", [c.id, c.encryption.at_rest])
}

not_applicable contains lib.reason(
	"機密性2以上・個人情報を保存する構成要素がない",
	"no store receives 機密性2+ or personal data",
) if {
	count(stores) == 0
}
