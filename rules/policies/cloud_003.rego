# METADATA
# title: Sub-processors are approved by the municipality and changes are notified in advance
# description: >-
#   Every sub-processor (再委託先, including the model providers and clouds behind the service) is declared
#   and approved by the municipality. Where there is any sub-processor, the vendor notifies the
#   municipality of a change of sub-processors at least `min_subprocessor_change_notice_days` days in
#   advance (subprocessor_change_notice_days).
# custom:
#   id: LGAI-CLOUD-003
#   title_ja: 再委託先の承認と開示
#   description_ja: >-
#     再委託先(サービスの背後にあるクラウド事業者・モデル提供者を含む)をすべて宣言し、自治体の承認を得る。再委託先が
#     ある場合は、再委託先の変更を min_subprocessor_change_notice_days 日以上前に自治体へ
#     通知する(subprocessor_change_notice_days)。
#   severity: high
#   family: cloud
#   catalog: ["GL:CLOUD-007", "AIC:LOC-004"]
#   source: "総務省 ガイドライン 対策基準 業務委託と外部サービスの利用 (再委託); 番号法 第10条 (再委託の許諾); ISMAP KB0011070 (外部連携する生成AI); 経済産業省 AIの利用・開発に関する契約チェックリスト (2025-02-18) — 通知日数は提案値"
#   honesty: V/K/P
#   input: [architecture, attestation]
#   reads: ["providers[].sub_processor", "providers[].approved_by_municipality", "subprocessor_change_notice_days"]
#   params: [min_subprocessor_change_notice_days]
#   remediation_ja: >-
#     再委託先ごとに自治体の書面による承認を得て providers[].approved_by_municipality: true と記載する。
#     再委託先の変更を事前に通知する日数を契約に定め、subprocessor_change_notice_days に記載する。
#   remediation_en: >-
#     Obtain the municipality's written approval for each sub-processor and declare approved_by_municipality: true;
#     fix the advance notice of sub-processor changes in the contract and declare subprocessor_change_notice_days.
package lgai.rules.cloud_003

import data.lgai.lib

sub_processors contains p if {
	some p in input.providers
	p.sub_processor == true
}

deny contains lib.finding(p._at, "approved_by_municipality", ja, en, {"approved_by_municipality": p.approved_by_municipality}) if {
	some p in sub_processors
	p.approved_by_municipality != true
	ja := sprintf("再委託先 %s が自治体に承認されていない", [p.name])
	en := sprintf("sub-processor %s is not approved by the municipality", [p.name])
}

deny contains lib.finding({"file": input._files.declaration, "path": ""}, "subprocessor_change_notice_days", ja, en, values) if {
	count(sub_processors) > 0
	d := input.subprocessor_change_notice_days
	minimum := data.lgai.params.min_subprocessor_change_notice_days
	not notice_enough(d, minimum)
	values := {"subprocessor_change_notice_days": d, "minimum": minimum}
	ja := sprintf("再委託先の変更の事前通知 %v 日が下限 %d 日に満たないか未宣言", [d, minimum])
	en := sprintf("advance notice of sub-processor changes (%v days) is below the minimum %d days or not declared", [d, minimum])
}

notice_enough(d, minimum) if {
	d != null
	d >= minimum
}

not_applicable contains lib.reason("再委託先がない", "no sub-processor is declared") if {
	count(sub_processors) == 0
}
