# METADATA
# title: Data of 機密性2 or above, and personal data, is stored in Japan
# description: >-
#   Every component that stores data of confidentiality class 2 or above, or any personal information,
#   sits in a Japanese region, and so do its backups and its logs.
# custom:
#   id: LGAI-LOC-001
#   title_ja: 機密性2以上・個人情報の国内保存
#   description_ja: >-
#     機密性2以上または個人情報を保存する構成要素は国内リージョンに置く。バックアップ先とログの保存先も同様。
#   severity: high
#   family: location
#   catalog: ["GL:CLOUD-004", "AIC:LOC-001", "GL:PI-003"]
#   source: "総務省 ガイドライン 業務委託と外部サービスの利用 (所在地・準拠法); 政府情報システムにおけるクラウドサービスの利用に係る基本方針 (2018); 個人情報保護法 第71条"
#   honesty: K/P
#   input: [architecture, dataflows]
#   reads: ["components[].kind", "components[].region", "components[].country", "components[].backup.region", "components[].logging.region", "assets[].confidentiality", "assets[].personal"]
#   params: [japan_regions]
#   remediation_ja: 保存先・バックアップ先・ログ保存先を国内リージョン(例 ap-northeast-1, japaneast)に変更し、lgai.yaml に記載する。
#   remediation_en: Move storage, backups and logs to a Japanese region (e.g. ap-northeast-1, japaneast) and declare it.
package lgai.rules.loc_001

import data.lgai.lib

stores contains c if {
	some c in input.components
	c.kind in lib.storing_kinds
	lib.protected(c.received)
}

deny contains lib.finding(c._at, "region", ja, en, {"region": c.region, "country": c.country}) if {
	some c in stores
	not lib.component_in_japan(c)
	ja := sprintf("%s に機密性2以上・個人情報が保存されるが、国内でない (region=%v, country=%v)", [c.id, c.region, c.country])
	en := sprintf("%s stores 機密性2+/personal data outside Japan (region=%v, country=%v)", [c.id, c.region, c.country])
}

deny contains lib.finding(c._at, "backup.region", ja, en, {"backup_region": c.backup.region}) if {
	some c in stores
	c.backup.enabled
	c.backup.region != null
	not lib.region_in_japan(c.backup.region)
	ja := sprintf("%s のバックアップ先 %s が国内でない", [c.id, c.backup.region])
	en := sprintf("backups of %s go to %s, outside Japan", [c.id, c.backup.region])
}

deny contains lib.finding(c._at, "logging.region", ja, en, {"log_region": c.logging.region}) if {
	some c in input.components
	lib.protected(c.received)
	c.logging.region != null
	not lib.region_in_japan(c.logging.region)
	ja := sprintf("%s のログ保存先 %s が国内でない", [c.id, c.logging.region])
	en := sprintf("logs of %s are kept in %s, outside Japan", [c.id, c.logging.region])
}

undetermined contains lib.finding(c._at, "backup.region", ja, en, {}) if {
	some c in stores
	c.backup.enabled
	c.backup.region == null
	ja := sprintf("%s のバックアップ先リージョンが宣言されていない", [c.id])
	en := sprintf("the backup region of %s is not declared", [c.id])
}

not_applicable contains lib.reason(
	"機密性2以上・個人情報を受け取る構成要素がない",
	"no component receives 機密性2+ or personal data",
) if {
	count([c | some c in input.components; lib.protected(c.received)]) == 0
}
