# METADATA
# title: Logs are protected against alteration and deletion
# description: >-
#   Every vendor component (not a municipal system) that keeps logs and either receives municipal data or
#   runs AI inference protects those logs against change and deletion (write-once storage, object lock, or
#   a separate account that denies deletion), so that an intruder cannot erase the traces.
# custom:
#   id: LGAI-LOG-003
#   title_ja: ログの改ざん防止
#   description_ja: >-
#     ログを取得する事業者側の構成要素のうち、自治体のデータを受け取るもの・AI推論を行うものは、ログを改ざん・削除
#     から保護する(WORM・オブジェクトロック、削除を禁じた別アカウントへの保存など)。侵入者が痕跡を消せないようにする。
#   severity: medium
#   family: logging
#   catalog: ["GL:LOG-003"]
#   source: "提案 (ログの完全性保護; 出典となる規定は未確認)"
#   honesty: P
#   input: [architecture, dataflows]
#   reads: ["components[].hosting", "components[].kind", "components[].received", "components[].logging.enabled", "components[].logging.immutable"]
#   params: []
#   remediation_ja: "ログの保存先にオブジェクトロック(WORM)を設定するか、削除を禁止した別アカウントに転送し、components[].logging.immutable: true と記載する。"
#   remediation_en: Store logs with object lock (WORM) or ship them to a separate account that denies deletion, and declare components[].logging.immutable true.
package lgai.rules.log_003

import data.lgai.lib

subjects contains c if {
	some c in input.components
	not c.hosting in lib.municipal_segments
	c.logging.enabled == true
	handles_data_or_ai(c)
}

handles_data_or_ai(c) if count(c.received.assets) > 0

handles_data_or_ai(c) if c.kind == "ai_inference"

deny contains lib.finding(c._at, "logging.immutable", ja, en, {"immutable": c.logging.immutable}) if {
	some c in subjects
	c.logging.immutable != true
	ja := sprintf("%s のログが改ざん・削除から保護されていない", [c.id])
	en := sprintf("%s: logs are not protected against alteration and deletion", [c.id])
}

not_applicable contains lib.reason(
	"自治体のデータを受け取る・AI推論を行う事業者側の構成要素で、ログを取得するものがない",
	"no vendor component that receives municipal data or runs AI inference keeps logs",
) if {
	count(subjects) == 0
}
