# METADATA
# title: Specific personal information (My Number data) stays out of cloud AI
# description: >-
#   特定個人情報 may only be provided, collected and kept in the cases the My Number Act lists. A flow of
#   an asset classed `specific` to a component outside the My Number segment or the designated
#   Gov-Cloud systems, or to any AI model, fails.
# custom:
#   id: LGAI-DATA-001
#   title_ja: 特定個人情報の提供制限
#   description_ja: >-
#     特定個人情報は番号法が定める場合に限り提供・収集・保管できる。特定個人情報(personal: specific)の
#     データが、マイナンバー利用事務系・ガバメントクラウドの指定システム以外、またはAIモデルへ流れると不適合。
#   severity: critical
#   family: data
#   catalog: ["GL:DATA-003", "AIC:DATA-005"]
#   source: "行政手続における特定の個人を識別するための番号の利用等に関する法律 第19条・第20条・第29条"
#   honesty: V/P
#   input: [dataflows, architecture]
#   reads: ["assets[].personal", "flows[].to", "components[].hosting", "ai_models[].component"]
#   params: [mynumber_allowed_hosting]
#   remediation_ja: 特定個人情報をAIサービスへ送らない。個人番号を除いた別資産として再設計し、分類を付け直す。
#   remediation_en: Do not send specific personal information to the AI service; redesign the flow with an asset that carries no My Number data.
package lgai.rules.data_001

import data.lgai.lib

specific_flows contains f if {
	some f in input.flows
	f.personal == "specific"
}

deny contains lib.finding(f._at, "to", ja, en, {"asset": f.asset, "to_hosting": f.to_hosting}) if {
	some f in specific_flows
	not f.to_hosting in data.lgai.params.mynumber_allowed_hosting
	ja := sprintf("特定個人情報 %s が %s (設置場所 %s) へ送られる", [f.asset, lib.node(f.to), f.to_hosting])
	en := sprintf("specific personal information %s is sent to %s (hosted %s)", [f.asset, lib.node(f.to), f.to_hosting])
}

deny contains lib.finding(f._at, "to", ja, en, {"asset": f.asset, "ai_model": m.id}) if {
	some f in specific_flows
	some m in input.ai_models
	m.component == f.to.component
	ja := sprintf("特定個人情報 %s がAIモデル %s に入力される", [f.asset, m.id])
	en := sprintf("specific personal information %s is fed to AI model %s", [f.asset, m.id])
}

not_applicable contains lib.reason(
	"特定個人情報を含むデータの流れがない",
	"no flow carries specific personal information",
) if {
	count(specific_flows) == 0
}
