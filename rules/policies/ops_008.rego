# METADATA
# title: The AI function can be stopped on its own
# description: >-
#   Where the service uses AI models, the municipality or the vendor can quickly switch off the AI
#   function (per use case) without taking down the rest of the service, to contain an incident such as
#   harmful output or a data leak.
# custom:
#   id: LGAI-OPS-008
#   title_ja: AI機能の停止手段
#   description_ja: >-
#     AIモデルを使うサービスでは、有害な出力やデータ漏えいなどの事案が起きたとき、自治体または事業者がサービスの他の
#     部分を止めずにAI機能を(用途ごとに)速やかに停止できる。
#   severity: medium
#   family: operations
#   catalog: ["AIC:INC-002"]
#   source: "AIセーフティ・インスティテュート AIセーフティに関する評価観点ガイド 1.20版 (2026-07-07, 観測と制御) — 停止手段の具体的な要件は提案"
#   honesty: P/X
#   input: [architecture]
#   reads: ["controls.kill_switch"]
#   params: []
#   remediation_ja: "AI機能を用途ごとに停止できる設定(機能フラグ等)を設け、controls.kill_switch: true と記載する。"
#   remediation_en: Provide a switch (e.g. a feature flag) that turns the AI function off per use case, and declare controls.kill_switch true.
package lgai.rules.ops_008

import data.lgai.lib

deny contains lib.finding({"file": input._files.declaration, "path": "controls"}, "kill_switch", ja, en, {"kill_switch": v}) if {
	count(input.ai_models) > 0
	v := input.controls.kill_switch
	v != true
	ja := "AI機能をサービスの他の部分と切り離して停止する手段がない"
	en := "the AI function cannot be switched off apart from the rest of the service"
}

not_applicable contains lib.reason("AIモデルが宣言されていない", "no AI model is declared") if {
	count(input.ai_models) == 0
}
