# METADATA
# title: Vulnerabilities are scanned for and patched within set deadlines
# description: >-
#   The vendor scans the service for vulnerabilities (images, dependencies, hosts) and applies fixes for
#   critical vulnerabilities (CVSS 9.0 or above) within `max_patch_critical_days` and for high ones
#   (CVSS 7.0 or above) within `max_patch_high_days` (both proposals: no source gives a number).
#   Undeclared deadlines fail.
# custom:
#   id: LGAI-OPS-005
#   title_ja: 脆弱性への対応
#   description_ja: >-
#     事業者はサービスの脆弱性(コンテナイメージ・依存ライブラリ・ホスト)を検査し、緊急(CVSS 9.0以上)の脆弱性は
#     max_patch_critical_days 日以内、重要(CVSS 7.0以上)の脆弱性は max_patch_high_days 日以内に修正を適用する
#     (日数は出典がなく提案値)。期限の宣言がない場合は不適合。
#   severity: high
#   family: operations
#   catalog: ["GL:VULN-001"]
#   source: "総務省 ガイドライン 技術的セキュリティ (セキュリティ情報の収集・不正アクセス対策) — 修正期限の数値は提案値"
#   honesty: K/P
#   input: [architecture, attestation]
#   reads: ["operations.vulnerability", "operations.vulnerability.scanning", "operations.vulnerability.patch_critical_days", "operations.vulnerability.patch_high_days"]
#   params: [max_patch_critical_days, max_patch_high_days]
#   remediation_ja: "脆弱性スキャンを有効にし、修正の期限(緊急 14日・重要 30日以内など)を定めて operations.vulnerability に scanning: true と patch_critical_days・patch_high_days を記載する。"
#   remediation_en: Turn on vulnerability scanning, set patch deadlines (e.g. 14 days for critical, 30 for high), and declare scanning true, patch_critical_days and patch_high_days under operations.vulnerability.
package lgai.rules.ops_005

import data.lgai.lib

ops_at := {"file": input._files.declaration, "path": "operations"}

vuln := input.operations.vulnerability

deny contains lib.finding(ops_at, "vulnerability", "脆弱性への対応が宣言されていない", "no vulnerability handling is declared", {"vulnerability": null}) if {
	vuln == null
}

deny contains lib.finding(ops_at, "vulnerability.scanning", ja, en, {"scanning": vuln.scanning}) if {
	vuln.scanning != true
	ja := "脆弱性の検査(スキャン)が行われていない"
	en := "the service is not scanned for vulnerabilities"
}

deny contains lib.finding(ops_at, "vulnerability.patch_critical_days", ja, en, {"patch_critical_days": d, "maximum": maximum}) if {
	d := vuln.patch_critical_days
	maximum := data.lgai.params.max_patch_critical_days
	not within(d, maximum)
	ja := sprintf("緊急の脆弱性の修正期限 %v 日が上限 %d 日を超えるか未宣言", [d, maximum])
	en := sprintf("critical vulnerabilities are fixed within %v days: over the maximum %d or not declared", [d, maximum])
}

deny contains lib.finding(ops_at, "vulnerability.patch_high_days", ja, en, {"patch_high_days": d, "maximum": maximum}) if {
	d := vuln.patch_high_days
	maximum := data.lgai.params.max_patch_high_days
	not within(d, maximum)
	ja := sprintf("重要な脆弱性の修正期限 %v 日が上限 %d 日を超えるか未宣言", [d, maximum])
	en := sprintf("high vulnerabilities are fixed within %v days: over the maximum %d or not declared", [d, maximum])
}

within(d, maximum) if {
	d != null
	d <= maximum
}
