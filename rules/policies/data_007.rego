# METADATA
# title: Each personal-data flow to an outsourced service is classed as entrustment or provision
# description: >-
#   Every flow that carries personal information to an outsourced service (LGWAN-ASP, public cloud,
#   Gov-Cloud) declares its legal relation: no_handling (the provider stores it but does not handle it),
#   entrustment (委託: processing on the municipality's behalf) or provision (提供: the provider uses it for
#   its own ends, e.g. training). Inference is handling, so a flow into an AI component is never
#   no_handling. A provision needs a legal basis under APPI art. 69(2) items 1 to 4, or a statute.
# custom:
#   id: LGAI-DATA-007
#   title_ja: 委託と提供の整理
#   description_ja: >-
#     外部のサービス(LGWAN-ASP・パブリッククラウド・ガバメントクラウド)へ個人情報を運ぶデータの流れごとに、法的な関係を
#     宣言する: no_handling(保存のみで事業者が取り扱わない)・entrustment(委託: 自治体のための処理)・provision(提供:
#     学習等の事業者自身の目的での利用)。推論は個人情報の取扱いにあたるため、AI構成要素への流れは no_handling とできない。
#     提供には個人情報保護法第69条第2項第1号〜第4号または法令の根拠が必要である。
#   severity: critical
#   family: data
#   catalog: ["GL:PI-001"]
#   source: "個人情報の保護に関する法律 第66条第2項・第69条; 個人情報保護委員会 Q&A 7-53 (クラウドサービスの利用); 同 生成AIサービスの利用に関する注意喚起 (2023-06-02)・注意喚起 (2024-03-25)"
#   honesty: V/S
#   input: [dataflows, architecture]
#   reads: ["flows[].personal_rank", "flows[].to", "flows[].to_hosting", "flows[].legal_relation", "flows[].legal_basis", "components[].kind", "ai_models[].component"]
#   params: []
#   remediation_ja: >-
#     契約内容に基づき、個人情報を外部へ運ぶ各 flows に legal_relation を記載する。AIによる処理は委託(entrustment)として
#     委託契約を結ぶ。事業者が自らの目的(学習等)に使う提供(provision)は、第69条第2項の該当号または法令の根拠を legal_basis
#     に記載できない限り行わない。
#   remediation_en: >-
#     Declare legal_relation on every flow that takes personal information out, as the contract provides. Treat AI
#     processing as entrustment under a processing contract. Do not allow provision for the provider's own ends
#     (e.g. training) unless APPI art. 69(2) or a statute gives a basis, declared in legal_basis.
package lgai.rules.data_007

import data.lgai.lib

provision_bases := {"art69_2_1", "art69_2_2", "art69_2_3", "art69_2_4", "statute"}

outsourced_flows contains f if {
	some f in input.flows
	f.personal_rank >= 1
	f.to_hosting in lib.outsourced_hosting
}

deny contains lib.finding(f._at, "legal_relation", ja, en, {"asset": f.asset, "to": f.to.component}) if {
	some f in outsourced_flows
	f.legal_relation == null
	ja := sprintf("%s: 個人情報 %s を %s へ運ぶが、委託・提供の別(legal_relation)が宣言されていない", [f.id, f.asset, f.to.component])
	en := sprintf("%s carries personal information %s to %s without declaring entrustment or provision (legal_relation)", [f.id, f.asset, f.to.component])
}

deny contains lib.finding(f._at, "legal_relation", ja, en, {"legal_relation": "no_handling", "to": f.to.component}) if {
	some f in outsourced_flows
	f.legal_relation == "no_handling"
	lib.is_ai_component(f.to.component)
	ja := sprintf("%s: AI構成要素 %s への個人情報の入力は推論という取扱いにあたり、no_handling(取り扱わない)とはできない", [f.id, f.to.component])
	en := sprintf("%s: feeding personal information to AI component %s is handling (inference); it cannot be no_handling", [f.id, f.to.component])
}

deny contains lib.finding(f._at, "legal_basis", ja, en, {"legal_relation": "provision", "legal_basis": f.legal_basis}) if {
	some f in outsourced_flows
	f.legal_relation == "provision"
	not f.legal_basis in provision_bases
	ja := sprintf("%s: 個人情報 %s の提供に、第69条第2項各号または法令の根拠がない (legal_basis=%v)", [f.id, f.asset, f.legal_basis])
	en := sprintf("%s: the provision of personal information %s has no basis in APPI art. 69(2) or a statute (legal_basis=%v)", [f.id, f.asset, f.legal_basis])
}

not_applicable contains lib.reason(
	"外部のサービスへ個人情報を運ぶデータの流れがない",
	"no data flow carries personal information to an outsourced service",
) if {
	count(outsourced_flows) == 0
}
