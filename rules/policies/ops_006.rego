# METADATA
# title: Availability-2 data is backed up with an immutable copy and a tested restore
# description: >-
#   Every storage, database, vector store, log store or queue that receives data of availability class 2
#   is backed up, keeps at least one isolated or immutable copy that ransomware cannot encrypt or delete,
#   and has had a restore tested within `max_restore_test_age_days` before the day of the check. Only a
#   document can show an undeclared or old restore test.
# custom:
#   id: LGAI-OPS-006
#   title_ja: バックアップとランサムウェア対策
#   description_ja: >-
#     可用性2のデータを受け取るストレージ・DB・ベクトルストア・ログ・キューはバックアップを取得し、ランサムウェアが
#     暗号化・削除できない隔離または変更不可のコピーを1つ以上持つ。検査日から max_restore_test_age_days 日以内に
#     復元試験を行っている。復元試験の日付が未宣言または古い場合は、文書による確認を要する。
#   severity: high
#   family: operations
#   catalog: ["GL:OPS-001"]
#   source: "総務省 ガイドライン 令和6年10月版 (サイバーレジリエンスの強化) — 変更不可のコピーと復元試験の間隔は提案値"
#   honesty: S/K/P
#   input: [architecture, dataflows, attestation]
#   reads: ["components[].kind", "components[].received", "components[].backup", "components[].backup.enabled", "components[].backup.immutable", "components[].backup.restore_tested"]
#   params: [max_restore_test_age_days]
#   remediation_ja: "バックアップを有効にし、変更不可(ボールトロック・オブジェクトロック等)のコピーを持ち、定期的に復元試験を行う。components[].backup に enabled: true・immutable: true・restore_tested(最終試験日)を記載する。"
#   remediation_en: Enable backups with an immutable copy (vault lock, object lock), test restores regularly, and declare enabled true, immutable true and restore_tested (last test date) under components[].backup.
package lgai.rules.ops_006

import data.lgai.lib

ns_per_day := 86400000000000

stores contains c if {
	some c in input.components
	c.kind in lib.storing_kinds
	c.received.avail_rank_max == 2
}

deny contains lib.finding(c._at, "backup", ja, en, {"backup": null}) if {
	some c in stores
	c.backup == null
	ja := sprintf("%s は可用性2のデータを保存するが、バックアップが宣言されていない", [c.id])
	en := sprintf("%s stores availability-2 data but declares no backup", [c.id])
}

deny contains lib.finding(c._at, "backup.enabled", ja, en, {"enabled": c.backup.enabled}) if {
	some c in stores
	c.backup != null
	c.backup.enabled != true
	ja := sprintf("%s は可用性2のデータを保存するが、バックアップを取得していない", [c.id])
	en := sprintf("%s stores availability-2 data but is not backed up", [c.id])
}

deny contains lib.finding(c._at, "backup.immutable", ja, en, {"immutable": c.backup.immutable}) if {
	some c in stores
	c.backup.enabled == true
	c.backup.immutable != true
	ja := sprintf("%s のバックアップに隔離・変更不可のコピーがない(ランサムウェアで暗号化・削除されうる)", [c.id])
	en := sprintf("%s: no isolated or immutable backup copy (ransomware could encrypt or delete it)", [c.id])
}

undetermined contains lib.finding(c._at, "backup.restore_tested", ja, en, {"restore_tested": null}) if {
	some c in stores
	c.backup.enabled == true
	c.backup.restore_tested == null
	ja := sprintf("%s のバックアップの復元試験の実施日が宣言されていない", [c.id])
	en := sprintf("%s: no date of the last backup restore test is declared", [c.id])
}

undetermined contains lib.finding(c._at, "backup.restore_tested", ja, en, {"restore_tested": d, "age_days": age, "maximum": maximum}) if {
	some c in stores
	c.backup.enabled == true
	d := c.backup.restore_tested
	d != null
	maximum := data.lgai.params.max_restore_test_age_days
	age := days_between(d, input.lgai.as_of)
	age > maximum
	ja := sprintf("%s のバックアップの最後の復元試験 (%s) が %d 日前で、上限 %d 日を超える", [c.id, d, age, maximum])
	en := sprintf("%s: the last backup restore test (%s) was %d days ago, more than the maximum %d", [c.id, d, age, maximum])
}

# Whole days from date `start` to date `end` (both "YYYY-MM-DD").
days_between(start, end) := (time.parse_ns("2006-01-02", end) - time.parse_ns("2006-01-02", start)) / ns_per_day

not_applicable contains lib.reason(
	"可用性2のデータを保存する構成要素がない",
	"no component stores availability-2 data",
) if {
	count(stores) == 0
}
