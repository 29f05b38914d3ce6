# METADATA
# title: Specific personal information has a published My Number protection assessment
# description: >-
#   Before a municipality holds a file of specific personal information (特定個人情報ファイル), or changes it
#   materially, it carries out and publishes a specific personal information protection assessment
#   (特定個人情報保護評価, My Number Act art. 28). Configuration cannot show that; where a flow carries specific
#   personal information, an attestation citing the published assessment is required.
# custom:
#   id: LGAI-DATA-008
#   title_ja: 特定個人情報保護評価
#   description_ja: >-
#     特定個人情報ファイルを保有する前、または重要な変更を加える前に、特定個人情報保護評価を実施し公表する(番号法第28条)。
#     構成からは判定できないため、特定個人情報を運ぶデータの流れがある場合は、公表した評価書を証跡とする表明を求める。
#   severity: critical
#   family: data
#   catalog: ["GL:PI-005"]
#   source: "行政手続における特定の個人を識別するための番号の利用等に関する法律 第28条 (特定個人情報保護評価); 特定個人情報保護評価に関する規則; 特定個人情報保護評価指針 (個人情報保護委員会)"
#   honesty: V
#   input: [dataflows, attestation]
#   reads: ["flows[].personal", "flows[].asset", "assets[].personal"]
#   params: []
#   party: municipality
#   evidence_ja: 公表した特定個人情報保護評価書(評価書番号・公表日)。このサービスでの取扱いが評価の対象範囲に含まれること。
#   evidence_en: The published specific personal information protection assessment (assessment number and publication date), covering the handling in this service.
#   remediation_ja: >-
#     特定個人情報ファイルを保有する前に特定個人情報保護評価を実施・公表し、評価書を証跡として attestations に
#     requirement LGAI-DATA-008 の表明を記載する。評価を行わない場合は、特定個人情報をこのサービスで扱わない。
#   remediation_en: >-
#     Carry out and publish the protection assessment before holding the file, and record an attestation for LGAI-DATA-008
#     citing it; otherwise keep specific personal information out of this service.
package lgai.rules.data_008

import data.lgai.lib

specific_assets contains a if {
	some f in input.flows
	f.personal == "specific"
	a := f.asset
}

undetermined contains lib.finding(input.assets[a]._at, "personal", ja, en, {"asset": a, "personal": "specific"}) if {
	some a in specific_assets
	ja := sprintf("特定個人情報 %s を扱う。特定個人情報保護評価の実施・公表を評価書で確認する必要がある", [a])
	en := sprintf("specific personal information %s is handled; the published protection assessment must be shown", [a])
}

not_applicable contains lib.reason(
	"特定個人情報を運ぶデータの流れがない",
	"no data flow carries specific personal information",
) if {
	count(specific_assets) == 0
}
