# METADATA
# title: Files entering the LGWAN or My Number segment are sanitised (無害化)
# description: >-
#   Files, mail and AI-generated files that come from the internet segment or an internet-reachable
#   cloud (a public cloud, or any component with a public endpoint) into the LGWAN接続系 or マイナンバー利用事務系 pass a sanitiser (file conversion, CDR, text
#   extraction or screen transfer) first. Under β and β′ any transfer from the internet segment into the
#   LGWAN segment must be sanitised or a screen transfer.
# custom:
#   id: LGAI-SEG-003
#   title_ja: 無害化(インターネット側からLGWAN接続系へのファイル)
#   description_ja: >-
#     インターネット接続系やインターネットから到達できるクラウドから LGWAN接続系・マイナンバー利用事務系へ
#     入るファイル・メール・AI生成ファイルは、無害化(ファイル変換・CDR・テキスト抽出・画面転送)を経る。
#     β・β′ ではインターネット接続系から LGWAN接続系への転送はすべて無害化または画面転送による。
#   severity: high
#   family: segmentation
#   catalog: ["GL:NET-005", "GL:NET-009", "AIC:OUT-001"]
#   source: "総務省 2015 自治体情報セキュリティ対策の抜本的強化 (無害化通信); ガイドライン 情報システム全体の強靭性の向上; R2.12 β/β′"
#   honesty: S/K
#   input: [dataflows, architecture]
#   reads: ["flows[].from", "flows[].to", "flows[].payload", "flows[].sanitization", "connections[].payload", "connections[].sanitization"]
#   params: []
#   remediation_ja: 受け入れ経路に無害化装置(ファイル無害化・画面転送)を置き、flows[].sanitization に方式を記載する。
#   remediation_en: Put a sanitiser (file conversion/CDR or screen transfer) on the inbound path and declare it in flows[].sanitization.
package lgai.rules.seg_003

import data.lgai.lib

inside := {"lgwan", "mynumber"}

file_payloads := {"file", "mail", "ai_output_file"}

inbound contains x if {
	some f in input.flows
	f.to_hosting in inside
	lib.internet_side(f.from)
	x := {"src": f, "payloads": {f.payload}}
}

inbound contains x if {
	some c in input.connections
	lib.hosting(c.to) in inside
	lib.internet_side(c.from)
	x := {"src": c, "payloads": {p | some p in c.payload}}
}

deny contains lib.finding(x.src._at, "sanitization", ja, en, {"payload": sort(x.payloads & file_payloads)}) if {
	some x in inbound
	count(x.payloads & file_payloads) > 0
	x.src.sanitization == "none"
	ja := sprintf("%s: インターネット側から LGWAN/マイナンバー系へのファイルが無害化されない", [x.src.id])
	en := sprintf("%s: files enter the LGWAN/My Number segment from the internet side without sanitisation", [x.src.id])
}

deny contains lib.finding(x.src._at, "sanitization", ja, en, {"model": m}) if {
	some m in input.profile.models
	m in {"beta", "beta_prime"}
	some x in inbound
	count(x.payloads & file_payloads) == 0
	x.payloads != {"screen"}
	lib.hosting(x.src.from) == "internet"
	lib.hosting(x.src.to) == "lgwan"
	x.src.sanitization == "none"
	ja := sprintf("[%s] %s: インターネット接続系から LGWAN接続系へ無害化・画面転送なしで転送される", [m, x.src.id])
	en := sprintf("[%s] %s: data moves from the internet segment into the LGWAN segment without sanitisation or screen transfer", [m, x.src.id])
}

not_applicable contains lib.reason(
	"インターネット側から LGWAN接続系・マイナンバー利用事務系への流入がない",
	"nothing enters the LGWAN or My Number segment from the internet side",
) if {
	count(inbound) == 0
}
