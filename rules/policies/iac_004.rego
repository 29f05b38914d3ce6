# METADATA
# title: IaC stores and AI endpoints holding 機密性2+ data are not public
# description: >-
#   A storage bucket/account, database, volume, vector store, log store or managed AI endpoint defined in IaC
#   that holds 機密性2+ or personal data (or is not linked to a declared component, and so is assumed to) is
#   not reachable from the internet: no public ACL or bucket policy, no allUsers binding, no publicly
#   accessible database, no public network access without network rules, no public IP. It is reached through
#   private connectivity (private endpoint / Private Service Connect / VPC endpoint) or from approved networks.
# custom:
#   id: LGAI-IAC-004
#   title_ja: IaC のストア・AI エンドポイントを公開しない
#   description_ja: >-
#     機密性2以上・個人情報を保持する (構成要素に対応付けられていないものは保持すると仮定) IaC のストレージ・DB・
#     ボリューム・ベクトルストア・ログ保存先・マネージド AI のエンドポイントは、インターネットから到達できない
#     ようにする (公開 ACL・バケットポリシー・allUsers・publicly_accessible・ネットワーク規則のない
#     public_network_access・パブリック IP がない)。プライベート接続または許可したネットワークからのみ利用する。
#   severity: high
#   family: access
#   catalog: ["GL:NET-011", "AIC:ACC-001", "AIC:NET-002"]
#   source: "総務省 ガイドライン アクセス制御 (派生: 非公開エンドポイントは提案); AI catalog ACC-001, NET-002"
#   honesty: P
#   input: [iac]
#   reads: ["iac.resources[].category", "iac.resources[].exposure.public", "iac.resources[].exposure.reasons", "iac.resources[].holds"]
#   params: []
#   remediation_ja: >-
#     公開をやめ、プライベート接続にする (aws_s3_bucket_public_access_block の 4 項目を true、aws_db_instance.publicly_accessible
#     = false、azurerm_storage_account.public_network_access_enabled = false と
#     azurerm_private_endpoint、azurerm_cognitive_account.public_network_access_enabled = false、google_storage_bucket.public_access_prevention
#     = "enforced" と allUsers の削除、google_sql_database_instance
#     の ipv4_enabled = false、K8s Service の loadBalancerSourceRanges)。
#   remediation_en: >-
#     Remove public access and use private connectivity (aws_s3_bucket_public_access_block with all four settings true,
#     aws_db_instance.publicly_accessible = false, azurerm_storage_account.public_network_access_enabled = false with an
#     azurerm_private_endpoint, azurerm_cognitive_account.public_network_access_enabled = false,
#     google_storage_bucket.public_access_prevention = "enforced" and no allUsers member, google_sql_database_instance
#     ipv4_enabled = false, loadBalancerSourceRanges on a K8s Service).
package lgai.rules.iac_004

import data.lgai.lib

categories := lib.iac_storing_categories | {"ai"}

in_scope contains r if {
	some r in input.iac.resources
	r.category in categories
	lib.iac_protected(r)
}

deny contains lib.finding(r._at, "exposure.public", ja, en, {"type": r.type, "public": true, "reasons": r.exposure.reasons}) if {
	some r in in_scope
	r.exposure.public == true
	ja := sprintf("%s (%s) がインターネットに公開されている: %s (%s)", [r.address, r.type, concat(", ", r.exposure.reasons), lib.iac_holds_ja(r)])
	en := sprintf("%s (%s) is reachable from the internet: %s (%s)", [r.address, r.type, concat(", ", r.exposure.reasons), lib.iac_holds_en(r)])
}

not_applicable contains lib.reason(
	"IaC に機密性2以上を保持するストア・AI エンドポイントがない",
	"no IaC store or AI endpoint holds 機密性2+ data",
) if {
	count(in_scope) == 0
}
