# METADATA
# title: IaC resources holding 機密性2+ data, their replicas and backups stay in Japan
# description: >-
#   Every IaC resource that holds or processes 機密性2+ or personal data (or is not linked to a declared component,
#   and so is assumed to) — storage, databases, volumes, vector stores, logs, keys, secrets, compute, AI — is in
#   a Japanese region (`japan_regions`), and so are its replication and backup destinations and multi-region
#   placements (GCS `ASIA`, S3 cross-region replication, geo-redundant backups). A store whose region the
#   template does not show (a CloudFormation template, a Kubernetes volume) needs an attestation, once per file.
# custom:
#   id: LGAI-IAC-015
#   title_ja: IaC のデータ・複製・バックアップの国内保存
#   description_ja: >-
#     機密性2以上・個人情報を保持・処理する (構成要素に対応付けられていないものは保持すると仮定) IaC のリソース
#     (ストレージ・DB・ボリューム・ベクトルストア・ログ・鍵・シークレット・コンピュート・AI) は国内リージョン
#     (japan_regions) に置き、複製・バックアップ先やマルチリージョン配置 (GCS の ASIA、S3 のクロスリージョン
#     レプリケーション、地理冗長バックアップ) も国内にする。リージョンをテンプレートから判断できないストア
#     (CloudFormation・Kubernetes のボリューム) はファイルごとに表明が必要。
#   severity: high
#   family: location
#   catalog: ["GL:CLOUD-004", "AIC:LOC-001", "GL:PI-003"]
#   source: "総務省 ガイドライン 外部サービスの利用 (所在地・準拠法); 政府情報システムにおけるクラウドサービスの利用に係る基本方針 (2018); 個人情報保護法 第28条・第71条 (外国にある第三者)"
#   honesty: K/P
#   input: [iac]
#   reads: ["iac.resources[].category", "iac.resources[].region", "iac.resources[].extra_regions", "iac.resources[].holds", "components[].received"]
#   params: [japan_regions]
#   remediation_ja: >-
#     国内リージョンに置く (Terraform の provider "aws" の region = "ap-northeast-1"、azurerm リソースの
#     location = "japaneast"、google リソースの region / location = "asia-northeast1")。複製・バックアップ先も国内に
#     する (aws_s3_bucket_replication_configuration の宛先バケットを ap-northeast-3 に、azurerm_storage_account の
#     account_replication_type を GRS (東日本↔西日本) にし GZRS の海外ペアを避ける、google_storage_bucket の
#     location を ASIA ではなく ASIA-NORTHEAST1 または custom_placement_config で asia-northeast1/2 に)。
#   remediation_en: >-
#     Place the resource in a Japanese region (provider "aws" region = "ap-northeast-1", azurerm location =
#     "japaneast", google region / location = "asia-northeast1") and keep replicas and backups in Japan (an
#     ap-northeast-3 destination in aws_s3_bucket_replication_configuration, the Japan East/West pair for GRS storage
#     accounts, google_storage_bucket location ASIA-NORTHEAST1 or a custom_placement_config of asia-northeast1/2
#     rather than ASIA).
package lgai.rules.iac_015

import data.lgai.lib

not_data_categories := {"network", "iam", "other"}

in_scope contains r if {
	some r in input.iac.resources
	not r.category in not_data_categories
	lib.iac_protected(r)
}

deny contains lib.finding(r._at, "region", ja, en, {"type": r.type, "region": r.region}) if {
	some r in in_scope
	r.region != null
	not lib.iac_region_in_japan(r.region)
	ja := sprintf("%s (%s) が国外のリージョン %s にある (%s)", [r.address, r.type, r.region, lib.iac_holds_ja(r)])
	en := sprintf("%s (%s) is in %s, outside Japan (%s)", [r.address, r.type, r.region, lib.iac_holds_en(r)])
}

deny contains lib.finding(r._at, "extra_regions", ja, en, {"type": r.type, "extra_regions": outside}) if {
	some r in in_scope
	outside := sort({x | some x in r.extra_regions; not lib.iac_region_in_japan(x)})
	count(outside) > 0
	ja := sprintf("%s (%s) の複製・バックアップ先が国外: %s (%s)", [r.address, r.type, concat(", ", outside), lib.iac_holds_ja(r)])
	en := sprintf("%s (%s) replicates or backs up outside Japan: %s (%s)", [r.address, r.type, concat(", ", outside), lib.iac_holds_en(r)])
}

# Stores whose region the template does not show: one open point per file. Audit configurations and
# diagnostic settings are routing rules, not stores: the store they write to is judged itself.
unplaced contains r if {
	some r in in_scope
	r.category in lib.iac_storing_categories
	r.region == null
	not log_routing(r)
}

log_routing(r) if r.logging.kind in {"audit_config", "diagnostic"}

undetermined contains lib.finding(lib.iac_first_at(rs), "region", ja, en, {"file": file, "resources": addresses}) if {
	some file in {r._at.file | some r in unplaced}
	rs := {r | some r in unplaced; r._at.file == file}
	addresses := sort({r.address | some r in rs})
	ja := sprintf("%s: ストアのリージョンをテンプレートから判断できない (%s)。デプロイ先が国内であることの表明が必要", [file, concat(", ", addresses)])
	en := sprintf("%s: the template does not show the region of its stores (%s); attest that they are deployed in Japan", [file, concat(", ", addresses)])
}

not_applicable contains lib.reason(
	"IaC に機密性2以上を保持・処理するリソースがない",
	"no IaC resource holds or processes 機密性2+ data",
) if {
	count(in_scope) == 0
}
