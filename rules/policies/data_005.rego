# METADATA
# title: Every personal-data flow states its purpose and legal basis
# description: >-
#   A municipality may use and provide the personal information it holds only for the specified purpose
#   of use, unless a statutory exception applies (APPI art. 61 and 69). Every data flow that carries
#   personal information therefore states its purpose and the legal basis for the use or provision
#   (within_purpose, art69_2_1 to art69_2_4, or statute).
# custom:
#   id: LGAI-DATA-005
#   title_ja: 利用目的と法的根拠
#   description_ja: >-
#     行政機関等は、保有個人情報を利用目的の範囲内でのみ利用・提供でき、利用目的以外の利用・提供は法令に基づく場合等に
#     限られる(個人情報保護法第61条・第69条)。個人情報を運ぶデータの流れごとに、利用目的と利用・提供の
#     法的根拠(within_purpose・art69_2_1〜art69_2_4・statute)を記載する。
#   severity: critical
#   family: data
#   catalog: ["GL:DATA-005"]
#   source: "個人情報の保護に関する法律 第61条 (個人情報の保有の制限等)・第69条 (利用及び提供の制限)"
#   honesty: V
#   input: [dataflows]
#   reads: ["flows[].personal_rank", "flows[].purpose", "flows[].legal_basis"]
#   params: []
#   remediation_ja: >-
#     個人情報を運ぶ各 flows に、具体的な利用目的(purpose)と法的根拠(legal_basis: 利用目的内なら within_purpose、
#     目的外の利用・提供なら該当する第69条第2項の号または statute)を記載する。
#   remediation_en: >-
#     For every flow that carries personal information, state a concrete purpose and the legal basis (within_purpose,
#     or the applicable item of APPI art. 69(2), or statute, for use or provision beyond the purpose).
package lgai.rules.data_005

import data.lgai.lib

personal_flows contains f if {
	some f in input.flows
	f.personal_rank >= 1
}

deny contains lib.finding(f._at, "legal_basis", ja, en, {"asset": f.asset, "personal": f.personal}) if {
	some f in personal_flows
	f.legal_basis == null
	ja := sprintf("%s: 個人情報 %s を運ぶが、利用・提供の法的根拠(legal_basis)が記載されていない", [f.id, f.asset])
	en := sprintf("%s carries personal information %s but states no legal basis for its use or provision", [f.id, f.asset])
}

deny contains lib.finding(f._at, "purpose", ja, en, {"asset": f.asset, "purpose": f.purpose}) if {
	some f in personal_flows
	blank(f.purpose)
	ja := sprintf("%s: 個人情報 %s を運ぶが、利用目的(purpose)が空である", [f.id, f.asset])
	en := sprintf("%s carries personal information %s but its purpose is empty", [f.id, f.asset])
}

blank(s) if s == null

blank(s) if {
	is_string(s)
	trim_space(s) == ""
}

not_applicable contains lib.reason(
	"個人情報を運ぶデータの流れがない",
	"no data flow carries personal information",
) if {
	count(personal_flows) == 0
}
