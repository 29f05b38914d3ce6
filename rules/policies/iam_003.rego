# METADATA
# title: User accounts are reviewed at least every set number of days
# description: >-
#   The vendor reviews the accounts of the service (users and administrators; removing or adjusting those
#   of staff who moved or left) at a declared interval of at most `max_access_review_interval_days`
#   (a proposal: no source gives a number). An undeclared interval fails.
# custom:
#   id: LGAI-IAM-003
#   title_ja: アカウントの棚卸し
#   description_ja: >-
#     サービスのアカウント(利用者・管理者)を定期的に棚卸しし、異動・退職した職員のアカウントを削除・変更する。
#     棚卸しの間隔を宣言し、max_access_review_interval_days 日以下とする(日数は出典がなく提案値)。未宣言は不適合。
#   severity: medium
#   family: access
#   catalog: ["GL:IAM-004"]
#   source: "総務省 ガイドライン 人的セキュリティ・技術的セキュリティ アクセス制御 (利用者IDの管理) — 間隔の数値は提案値"
#   honesty: K/P
#   input: [architecture]
#   reads: ["operations.access_review_interval_days"]
#   params: [max_access_review_interval_days]
#   remediation_ja: アカウントの棚卸しを定期的に(例 90日ごとに)行う手順を定め、operations.access_review_interval_days に間隔(日)を記載する。
#   remediation_en: Review accounts on a fixed schedule (e.g. every 90 days) and declare the interval in days under operations.access_review_interval_days.
package lgai.rules.iam_003

import data.lgai.lib

ops_at := {"file": input._files.declaration, "path": "operations"}

deny contains lib.finding(ops_at, "access_review_interval_days", ja, en, {"access_review_interval_days": null}) if {
	input.operations.access_review_interval_days == null
	ja := "アカウントの棚卸しの間隔が宣言されていない"
	en := "the account review interval is not declared"
}

deny contains lib.finding(ops_at, "access_review_interval_days", ja, en, {"access_review_interval_days": d, "maximum": maximum}) if {
	d := input.operations.access_review_interval_days
	d != null
	maximum := data.lgai.params.max_access_review_interval_days
	d > maximum
	ja := sprintf("アカウントの棚卸しの間隔 %d 日が上限 %d 日を超える", [d, maximum])
	en := sprintf("accounts are reviewed every %d days, more than the maximum %d", [d, maximum])
}
