# METADATA
# title: Isolation of the My Number segment
# description: >-
#   No data path leaves the マイナンバー利用事務系 except towards designated systems
#   (the My Number segment itself, or standard systems on the ガバメントクラウド) over a
#   closed circuit. Cloud AI, LGWAN-ASP and internet services are never allowed.
# custom:
#   id: LGAI-SEG-001
#   title_ja: マイナンバー利用事務系の分離
#   description_ja: >-
#     マイナンバー利用事務系からのデータの経路は、同系内またはガバメントクラウド上の標準準拠システムへの
#     閉域接続に限る。クラウドAI・LGWAN-ASP・インターネット上のサービスへの経路は認めない。
#   severity: critical
#   family: segmentation
#   catalog: ["GL:NET-001", "GL:NET-012", "AIC:DATA-005"]
#   source: "総務省 地方公共団体における情報セキュリティポリシーに関するガイドライン — 情報システム全体の強靭性の向上 (マイナンバー利用事務系); 2015 三層の対策; R5.3 標準準拠システム"
#   honesty: S/K
#   input: [architecture, dataflows]
#   reads: ["flows[].from", "flows[].to", "flows[].transport", "connections[].from", "connections[].to", "connections[].transport", "components[].hosting"]
#   params: [mynumber_allowed_hosting, mynumber_allowed_transport]
#   remediation_ja: >-
#     マイナンバー利用事務系からクラウドAIへデータを送る設計をやめる。必要な場合は、個人番号を含まない
#     データを所定の手続で抽出し、LGWAN接続系で別資産として扱う(機密性・個人情報区分を付け直す)。
#   remediation_en: >-
#     Remove every path from the My Number segment to the AI service. Where data is needed, extract it by
#     the approved procedure without My Numbers, and declare it as a separate asset in the LGWAN segment.
package lgai.rules.seg_001

import data.lgai.lib

from_mynumber contains e if {
	some e in lib.edges
	e.from == "segment:mynumber"
}

from_mynumber contains e if {
	some e in lib.edges
	startswith(e.from, "component:")
	lib.hosting(e.src.from) == "mynumber"
}

deny contains lib.finding(e.src._at, "to", ja, en, {"to": e.to, "hosting": h}) if {
	some e in from_mynumber
	h := lib.hosting(e.src.to)
	not h in data.lgai.params.mynumber_allowed_hosting
	ja := sprintf("マイナンバー利用事務系から %s (設置場所 %s) へ経路がある", [e.to, h])
	en := sprintf("a path leaves the My Number segment to %s (hosted %s)", [e.to, h])
}

deny contains lib.finding(e.src._at, "transport", ja, en, {"to": e.to, "transport": e.transport}) if {
	some e in from_mynumber
	h := lib.hosting(e.src.to)
	h in data.lgai.params.mynumber_allowed_hosting
	not e.transport in data.lgai.params.mynumber_allowed_transport
	ja := sprintf("マイナンバー利用事務系から %s への経路が閉域でない (%s)", [e.to, e.transport])
	en := sprintf("the path from the My Number segment to %s is not a closed circuit (%s)", [e.to, e.transport])
}

# Cloud AI is never a designated destination, wherever it is hosted (Gov-Cloud included).
deny contains lib.finding(e.src._at, "to", ja, en, {"to": e.to}) if {
	some e in from_mynumber
	h := lib.hosting(e.src.to)
	h in data.lgai.params.mynumber_allowed_hosting
	lib.is_ai_component(e.src.to.component)
	ja := sprintf("マイナンバー利用事務系から AI の構成要素 %s へ経路がある", [e.to])
	en := sprintf("a path leaves the My Number segment to AI component %s", [e.to])
}

not_applicable contains lib.reason(
	"マイナンバー利用事務系からの接続・データの流れが宣言されていない",
	"no connection or data flow from the My Number segment is declared",
) if {
	count(from_mynumber) == 0
}
