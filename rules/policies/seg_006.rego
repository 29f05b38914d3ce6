# METADATA
# title: "α′: local breakout only to listed destinations, restricted tenants and ISMAP services"
# description: >-
#   Under α′ an LGWAN terminal may use a cloud service directly over the internet (local breakout) only
#   toward destinations and tenants the municipality has strictly limited, and only for assessed
#   (ISMAP-registered) services. A breakout is a connection or flow from the LGWAN segment (or a component
#   hosted in it) over the internet to a public-cloud component. Where there is one, the service declares
#   the breakout conditions: a non-empty allow-list of destination FQDNs with no bare "*" and no wildcard
#   directly above a public suffix (such as *.com, *.jp, *.co.jp, *.lg.jp), tenant restriction enabled,
#   and an ISMAP registration (not ISMAP-LIU) for the provider of every breakout destination.
# custom:
#   id: LGAI-SEG-006
#   title_ja: α′ の接続条件
#   description_ja: >-
#     α′ モデルでは、LGWAN接続系の端末からインターネット経由でクラウドサービスを直接利用する(ローカル
#     ブレイクアウト)のは、接続先とテナントを厳格に限定し、ISMAP に登録された評価済みのサービスに対して
#     だけ認められる。LGWAN接続系(またはそこに設置された構成要素)からインターネット経由でパブリック
#     クラウドの構成要素に至る接続・データの流れをブレイクアウトとみなし、これがある場合は次を求める:
#     接続先FQDNの許可リストが空でなく、"*" や公開サフィックス直下のワイルドカード(*.com・*.jp・
#     *.co.jp・*.lg.jp など)を含まないこと、自治体テナント以外への接続制限が有効であること、
#     接続先の事業者が ISMAP(ISMAP-LIU ではない)に登録されていること。
#   severity: high
#   family: segmentation
#   catalog: ["GL:NET-007"]
#   source: "総務省 ガイドライン 令和6年10月版 情報システム全体の強靭性の向上 (α′モデル: 接続先・テナントの限定、ISMAP 等で評価されたサービス)"
#   honesty: S/K
#   profiles: [alpha_prime]
#   input: [architecture, dataflows]
#   reads: ["connections[]", "flows[].from", "flows[].to", "flows[].transport", "components[].hosting", "components[].provider", "breakout", "breakout.destination_fqdns", "breakout.tenant_restriction", "providers[].ismap"]
#   params: []
#   remediation_ja: >-
#     breakout に接続先FQDNの許可リスト(サービス固有のホスト名。公開サフィックス直下のワイルドカードは
#     不可)と tenant_restriction: true を記載し、テナント制限を実装する。接続先はISMAP登録サービスに限る。
#   remediation_en: >-
#     Declare under breakout an allow-list of service-specific destination FQDNs (no wildcard directly
#     above a public suffix) and tenant_restriction true, and enforce the tenant restriction. Break out
#     only to ISMAP-registered services.
package lgai.rules.seg_006

import data.lgai.lib

starts := lib.segment_nodes("lgwan")

# Local breakouts: LGWAN segment (or an LGWAN-hosted component) -> public-cloud component, over the internet.
breakouts contains e if {
	some e in lib.edges
	e.transport == "internet"
	e.from in starts
	e.src.to.component != null
	input.components[e.src.to.component].hosting == "public_cloud"
}

destinations := {e.src.to.component | some e in breakouts}

breakout_at := {"file": input._files.declaration, "path": "breakout"}

deny contains lib.finding({"file": input._files.declaration, "path": ""}, "breakout", ja, en, {"destinations": sort(destinations)}) if {
	count(breakouts) > 0
	input.breakout == null
	ja := sprintf("LGWAN接続系から %s へ直接接続(ローカルブレイクアウト)するが、接続条件(breakout)が宣言されていない", [concat(", ", sort(destinations))])
	en := sprintf("the LGWAN segment breaks out directly to %s, but no breakout conditions are declared", [concat(", ", sort(destinations))])
}

deny contains lib.finding(breakout_at, "destination_fqdns", ja, en, {"destination_fqdns": []}) if {
	count(breakouts) > 0
	input.breakout != null
	count(object.get(input.breakout, "destination_fqdns", [])) == 0
	ja := "ローカルブレイクアウトの接続先FQDNの許可リストが空"
	en := "the allow-list of breakout destination FQDNs is empty"
}

deny contains lib.finding(breakout_at, sprintf("destination_fqdns[%d]", [i]), ja, en, {"fqdn": fqdn}) if {
	count(breakouts) > 0
	input.breakout != null
	some i, fqdn in input.breakout.destination_fqdns
	too_broad(fqdn)
	ja := sprintf("接続先FQDN「%s」は範囲が広すぎる(「*」または公開サフィックス直下のワイルドカード)", [fqdn])
	en := sprintf("destination FQDN '%s' is too broad ('*' or a wildcard directly above a public suffix)", [fqdn])
}

deny contains lib.finding(breakout_at, "tenant_restriction", ja, en, {"tenant_restriction": tr}) if {
	count(breakouts) > 0
	input.breakout != null
	tr := object.get(input.breakout, "tenant_restriction", null)
	tr != true
	ja := "ローカルブレイクアウトで自治体テナント以外への接続が制限されていない(tenant_restriction が true でない)"
	en := "the breakout does not restrict connections to the municipality's tenant (tenant_restriction is not true)"
}

deny contains lib.finding(p._at, "ismap", ja, en, {"component": cid, "ismap": kind}) if {
	some cid in destinations
	p := input.providers[input.components[cid].provider]
	kind := object.get(p, ["ismap", "kind"], null)
	kind != "ismap"
	ja := sprintf("ローカルブレイクアウトの接続先 %s の事業者 %s がISMAPに登録されていない", [cid, p.name])
	en := sprintf("the provider %s of breakout destination %s is not ISMAP registered", [p.name, cid])
}

deny contains lib.finding(c._at, "provider", ja, en, {"component": cid, "provider": c.provider}) if {
	some cid in destinations
	c := input.components[cid]
	not input.providers[c.provider]
	ja := sprintf("ローカルブレイクアウトの接続先 %s の事業者が宣言されておらず、ISMAP登録を確認できない", [cid])
	en := sprintf("breakout destination %s names no declared provider, so its ISMAP registration cannot be shown", [cid])
}

# "*", or a wildcard label directly above a public suffix ("*.com", "*.jp", "*.co.jp", "*.lg.jp").
# A wildcard anywhere counts: what follows the last wildcard label is what the entry pins down.
too_broad(fqdn) if {
	labels := split(trim_suffix(lower(trim_space(fqdn)), "."), ".")
	wild := [i | some i, l in labels; contains(l, "*")]
	count(wild) > 0
	public_suffix_like(array.slice(labels, max(wild) + 1, count(labels)))
}

# Second-level labels under a two-letter country code that are public suffixes (co.jp, lg.jp, go.jp,
# ac.uk, com.au ...). No public suffix list is part of the policy data; this covers the usual ones.
second_level_suffixes := {"ac", "ad", "co", "com", "ed", "edu", "go", "gov", "gr", "lg", "ne", "net", "or", "org", "mil"}

public_suffix_like(rest) if count(rest) <= 1

public_suffix_like(rest) if {
	count(rest) == 2
	rest[0] in second_level_suffixes
	count(rest[1]) == 2
}

not_applicable contains lib.reason(
	"LGWAN接続系からパブリッククラウドへの直接接続(ローカルブレイクアウト)がない",
	"no local breakout from the LGWAN segment to a public cloud",
) if {
	count(breakouts) == 0
}
