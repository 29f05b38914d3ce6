# METADATA
# title: Remote maintenance only per session, with multi-factor authentication and logging
# description: >-
#   Where the vendor maintains the service remotely, there is no standing (always-on) maintenance
#   connection, and every maintenance session requires multi-factor authentication and is logged. A
#   declaration that does not say whether remote maintenance is used is left for a document to show.
# custom:
#   id: LGAI-IAM-004
#   title_ja: リモート保守
#   description_ja: >-
#     事業者がリモート保守を行う場合、保守用の接続を常時接続とせず、接続のたびに多要素認証を課し、操作を記録する。
#     リモート保守の有無が宣言されていない場合は、文書による確認を要する。
#   severity: high
#   family: access
#   catalog: ["GL:IAM-005"]
#   source: "総務省 ガイドライン 技術的セキュリティ (リモート保守・外部からのアクセス)"
#   honesty: K
#   input: [architecture, attestation]
#   reads: ["operations.remote_maintenance", "operations.remote_maintenance.used", "operations.remote_maintenance.always_on", "operations.remote_maintenance.mfa", "operations.remote_maintenance.logged"]
#   params: []
#   remediation_ja: "リモート保守は必要な都度、多要素認証を経て接続し、操作ログを取得する。operations.remote_maintenance に used・always_on: false・mfa: true・logged: true を記載する。"
#   remediation_en: Connect for remote maintenance only when needed, with multi-factor authentication and session logging, and declare used, always_on false, mfa true and logged true under operations.remote_maintenance.
package lgai.rules.iam_004

import data.lgai.lib

ops_at := {"file": input._files.declaration, "path": "operations"}

rm := input.operations.remote_maintenance

undetermined contains lib.finding(ops_at, "remote_maintenance", ja, en, {}) if {
	rm == null
	ja := "リモート保守の有無と方法が宣言されていない"
	en := "whether and how remote maintenance is done is not declared"
}

deny contains lib.finding(ops_at, "remote_maintenance.always_on", ja, en, {"always_on": true}) if {
	rm.used == true
	rm.always_on == true
	ja := "リモート保守の接続が常時接続になっている"
	en := "the remote maintenance connection is always on"
}

deny contains lib.finding(ops_at, "remote_maintenance.mfa", ja, en, {"mfa": rm.mfa}) if {
	rm.used == true
	rm.mfa != true
	ja := "リモート保守の接続に多要素認証がない"
	en := "remote maintenance sessions do not require multi-factor authentication"
}

deny contains lib.finding(ops_at, "remote_maintenance.logged", ja, en, {"logged": rm.logged}) if {
	rm.used == true
	rm.logged != true
	ja := "リモート保守の操作が記録されない"
	en := "remote maintenance sessions are not logged"
}
