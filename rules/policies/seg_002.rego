# METADATA
# title: LGWAN-side data reaches cloud AI only by the path the network model allows
# description: >-
#   Data that starts in the LGWAN接続系 must not reach the internet. Under α, β and β′ a cloud AI is
#   used from the LGWAN segment only as an LGWAN-ASP service whose onward links are closed; under α′ a
#   direct (local breakout) internet hop is allowed only to a public-cloud component whose provider is
#   ISMAP-registered. The rule follows every declared connection and flow (graph reachability over the
#   closed links), so a LGWAN-ASP that relays to a public AI API over the internet fails too; each
#   internet crossing is reported where it happens. Under every model, a component hosted in the LGWAN
#   segment or as LGWAN-ASP must not have a public endpoint: it would itself bridge LGWAN and the
#   internet (LGWAN-ASP closedness).
# custom:
#   id: LGAI-SEG-002
#   title_ja: LGWAN接続系からのクラウドAI利用経路
#   description_ja: >-
#     LGWAN接続系を起点とするデータはインターネットに到達してはならない。α・β・β′ では LGWAN接続系から
#     クラウドAIを使う経路は LGWAN-ASP に限られ、その先も閉域でなければならない。α′ ではISMAP登録の
#     クラウドへの直接接続(ローカルブレイクアウト)のみ認める。宣言されたすべての接続とデータの流れを
#     グラフとして辿るので、LGWAN-ASP がインターネット経由で外部AIに中継する構成も不適合となる。
#     また、どのモデルでも、LGWAN接続系または LGWAN-ASP に設置された構成要素はインターネットに公開された
#     エンドポイントを持ってはならない(それ自体が LGWAN とインターネットを橋渡しする。LGWAN-ASP の閉域性)。
#   severity: critical
#   family: segmentation
#   catalog: ["GL:NET-004", "GL:NET-006", "GL:NET-007", "GL:ASP-003", "AIC:NET-001"]
#   source: "総務省 ガイドライン 情報システム全体の強靭性の向上 (LGWAN接続系); R6.10 α′モデル; J-LIS LGWAN-ASP 審査要領 第9条 (閉域性)"
#   honesty: S/K
#   input: [architecture, dataflows]
#   reads: ["connections[]", "flows[].from", "flows[].to", "flows[].transport", "components[].hosting", "components[].public_endpoint", "providers[].ismap"]
#   params: []
#   remediation_ja: >-
#     LGWAN接続系からの利用は LGWAN-ASP として提供し、ASP からクラウドへの接続は閉域網・専用線・
#     プライベート接続にする。α′ で直接接続する場合は、接続先をISMAP登録サービスに限定する。
#     LGWAN接続系・LGWAN-ASP 側の構成要素はインターネットに公開しない(public_endpoint: false)。
#   remediation_en: >-
#     Deliver the service to the LGWAN segment as LGWAN-ASP and make every onward link closed (closed
#     network, private link). Under α′, restrict direct breakout to ISMAP-registered services. Do not
#     expose LGWAN-segment or LGWAN-ASP components to the internet (public_endpoint false).
package lgai.rules.seg_002

import data.lgai.lib

starts := lib.segment_nodes("lgwan")

reach := lib.reachable_from_segment("lgwan")

# α′ allows a direct hop from the LGWAN segment to an ISMAP-registered public cloud service.
alpha_prime_breakout(e) if {
	e.transport == "internet"
	e.from in starts
	c := input.components[e.src.to.component]
	c.hosting == "public_cloud"
	input.providers[c.provider].ismap.kind == "ismap"
}

# Under α′ the data that broke out is still LGWAN data: follow it from the breakout target.
reach_for("alpha_prime") := graph.reachable(lib.closed_graph, starts | {e.to | some e in lib.edges; e.from in reach; alpha_prime_breakout(e)})

reach_for(m) := reach if m != "alpha_prime"

deny contains lib.finding(e.src._at, "transport", ja, en, {"model": m, "from": e.from, "to": e.to}) if {
	some m in input.profile.models
	r := reach_for(m)
	some e in lib.edges
	e.transport == "internet"
	e.from in r
	not allowed(m, e)
	ja := sprintf("[%s] LGWAN接続系のデータが %s → %s でインターネットを経由する", [m, e.from, e.to])
	en := sprintf("[%s] LGWAN-segment data crosses the internet on %s -> %s", [m, e.from, e.to])
}

allowed("alpha_prime", e) if alpha_prime_breakout(e)

# LGWAN-ASP closedness (GL:NET-004, GL:ASP-003): a component on the LGWAN side that is reachable from
# the internet bridges the two whatever the network model, so it is reported once, not per model.
bridges contains cid if {
	some cid, c in input.components
	c.hosting in {"lgwan", "lgwan_asp"}
	c.public_endpoint == true
}

hosting_ja := {"lgwan": "LGWAN接続系", "lgwan_asp": "LGWAN-ASP"}

hosting_en := {"lgwan": "the LGWAN segment", "lgwan_asp": "LGWAN-ASP"}

deny contains lib.finding(c._at, "public_endpoint", ja, en, {"hosting": c.hosting, "public_endpoint": true}) if {
	some cid in bridges
	c := input.components[cid]
	ja := sprintf("%s は%sに設置されているが、インターネットに公開されたエンドポイントを持ち、LGWAN とインターネットを橋渡しする", [cid, hosting_ja[c.hosting]])
	en := sprintf("%s is hosted in %s but has a public internet endpoint, bridging LGWAN and the internet", [cid, hosting_en[c.hosting]])
}

not_applicable contains lib.reason(
	"LGWAN接続系からの接続・データの流れが宣言されておらず、LGWAN側に公開エンドポイントもない",
	"no connection or data flow starts in the LGWAN segment and no LGWAN-side component has a public endpoint",
) if {
	count({e | some e in lib.edges; e.from in starts}) == 0
	count(bridges) == 0
}
