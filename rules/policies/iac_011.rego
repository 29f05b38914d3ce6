# METADATA
# title: IaC databases and storage holding availability-2 data are backed up and redundant
# description: >-
#   A database defined in IaC that holds data of availability class 2 (or is not linked to a declared
#   component, and so is assumed to need protection) keeps automated backups, and an object store keeps
#   versions so that deleted or encrypted objects can be recovered. A database linked to a component receiving
#   availability-2 data also runs in several zones (Multi-AZ, zone-redundant, regional high availability).
# custom:
#   id: LGAI-IAC-011
#   title_ja: IaC のバックアップと冗長化 (可用性2)
#   description_ja: >-
#     可用性2のデータを保持する (構成要素に対応付けられていないものは保持すると仮定) IaC の DB は自動バックアップを
#     取り、オブジェクトストレージはバージョニングで削除・暗号化 (ランサムウェア) から復旧できるようにする。
#     可用性2のデータを受け取る構成要素に対応付けられた DB は複数ゾーン (Multi-AZ・ゾーン冗長・リージョナル HA) で
#     構成する。
#   severity: high
#   family: operations
#   catalog: ["GL:OPS-001", "GL:OPS-002"]
#   source: "総務省 ガイドライン R6.10 (サイバーレジリエンス・バックアップ)、情報資産の分類 (可用性)"
#   honesty: K/P
#   input: [iac]
#   reads: ["iac.resources[].category", "iac.resources[].backup.retention_days", "iac.resources[].backup.multi_az", "iac.resources[].backup.versioning", "iac.resources[].holds"]
#   params: []
#   remediation_ja: >-
#     DB の自動バックアップを有効にする (aws_db_instance.backup_retention_period >= 7、azurerm_mssql_database の
#     short_term_retention_policy、google_sql_database_instance の backup_configuration.enabled = true)。複数ゾーンに
#     する (aws_db_instance.multi_az = true、azurerm_postgresql_flexible_server の high_availability
#     (ZoneRedundant)、google_sql_database_instance.availability_type = "REGIONAL")。ストレージはバージョニングを
#     有効にする (aws_s3_bucket_versioning の status = "Enabled"、azurerm_storage_account の
#     blob_properties.versioning_enabled = true、google_storage_bucket の versioning.enabled = true)。
#   remediation_en: >-
#     Turn on automated database backups (aws_db_instance.backup_retention_period >= 7, azurerm_mssql_database
#     short_term_retention_policy, google_sql_database_instance backup_configuration.enabled = true), run databases
#     in several zones (aws_db_instance.multi_az = true, azurerm_postgresql_flexible_server high_availability
#     ZoneRedundant, google_sql_database_instance.availability_type = "REGIONAL") and version object storage
#     (aws_s3_bucket_versioning status = "Enabled", azurerm_storage_account blob_properties.versioning_enabled = true,
#     google_storage_bucket versioning.enabled = true).
package lgai.rules.iac_011

import data.lgai.lib

needs_availability(r) if r.holds.assumed

needs_availability(r) if r.holds.avail_rank_max >= 2

in_scope contains r if {
	some r in input.iac.resources
	r.category in {"database", "storage"}
	needs_availability(r)
}

deny contains lib.finding(r._at, "backup.retention_days", ja, en, {"type": r.type, "retention_days": 0}) if {
	some r in in_scope
	r.category == "database"
	r.backup.retention_days == 0
	ja := sprintf("DB %s (%s) の自動バックアップが無効 (%s)", [r.address, r.type, lib.iac_holds_ja(r)])
	en := sprintf("database %s (%s) has automated backups turned off (%s)", [r.address, r.type, lib.iac_holds_en(r)])
}

deny contains lib.finding(r._at, "backup.multi_az", ja, en, {"type": r.type, "multi_az": false, "avail_rank_max": r.holds.avail_rank_max}) if {
	some r in in_scope
	r.category == "database"
	not r.holds.assumed
	r.holds.avail_rank_max >= 2
	r.backup.multi_az == false
	ja := sprintf("DB %s (%s) は可用性2のデータを保持するが単一ゾーン構成 (%s)", [r.address, r.type, lib.iac_holds_ja(r)])
	en := sprintf("database %s (%s) holds availability-2 data but runs in a single zone (%s)", [r.address, r.type, lib.iac_holds_en(r)])
}

deny contains lib.finding(r._at, "backup.versioning", ja, en, {"type": r.type, "versioning": false}) if {
	some r in in_scope
	r.category == "storage"
	r.backup.versioning == false
	ja := sprintf("ストレージ %s (%s) のバージョニングが無効 (%s)", [r.address, r.type, lib.iac_holds_ja(r)])
	en := sprintf("storage %s (%s) does not keep object versions (%s)", [r.address, r.type, lib.iac_holds_en(r)])
}

not_applicable contains lib.reason(
	"IaC に可用性2のデータを保持する DB・ストレージがない",
	"no IaC database or storage holds availability-2 data",
) if {
	count(in_scope) == 0
}
