# METADATA
# title: Users are authenticated through the municipality and approved before use
# description: >-
#   Every user-facing component — an API, web application or gateway that municipal terminals reach
#   directly (a connection or data flow from a municipal segment) — authenticates its users: no anonymous
#   access, and sign-in only through the municipality's identity provider (SAML, OpenID Connect) or
#   certificates it issues (client certificates, mutual TLS), not passwords or API keys the vendor hands
#   out. Accounts are created only for staff the municipality has approved (municipal_approval), not by
#   self sign-up or by the vendor alone.
# custom:
#   id: LGAI-IAM-002
#   title_ja: 利用者の認証と承認
#   description_ja: >-
#     自治体の端末から直接利用される構成要素(自治体のセグメントからの接続またはデータの流れを受ける API・
#     Webアプリ・ゲートウェイ)は利用者を認証する。匿名利用は認めず、認証は自治体のIdP(SAML・OpenID Connect)
#     または自治体が発行する証明書(クライアント証明書・相互TLS)による。事業者が配布するパスワードやAPIキーに
#     よる認証は認めない。利用者の登録は自治体が承認した職員に限り(municipal_approval)、自己登録や事業者
#     だけの判断による登録は認めない。
#   severity: high
#   family: access
#   catalog: ["GL:AI-003", "AIC:ACC-001"]
#   source: "岐阜市生成AI利活用ガイドライン (2024-02); デジタル社会推進会議幹事会 ChatGPT等の生成AIの業務利用に関する申合せ (2023-05-08, 2.1版 2025-03-25); 東京都 文章生成AI利活用ガイドライン (2023-08); 都城市生成AI活用規程 (2023-06-21)"
#   honesty: V
#   input: [architecture, dataflows]
#   reads: ["connections[].from", "connections[].to", "flows[].from", "flows[].to", "components[].kind", "components[].authentication", "components[].authentication.method", "components[].authentication.provisioning"]
#   params: []
#   remediation_ja: "自治体のIdPとSAML/OpenID Connectで連携し(または自治体が発行するクライアント証明書を用い)、利用者は自治体の承認を経て登録する。components[].authentication に method と provisioning: municipal_approval を記載する。"
#   remediation_en: Federate sign-in with the municipality's IdP over SAML/OpenID Connect (or use client certificates it issues), register only users the municipality approves, and declare method and provisioning municipal_approval under components[].authentication.
package lgai.rules.iam_002

import data.lgai.lib

front_kinds := {"api", "web_app", "gateway"}

# Sign-in through the municipality's IdP or certificates.
municipal_methods := {"saml", "oidc", "client_certificate", "mtls"}

# Ids of API / web app / gateway components that an edge from a municipal segment reaches.
user_facing contains cid if {
	some e in lib.edges
	startswith(e.from, "segment:")
	cid := e.src.to.component
	cid != null
	input.components[cid].kind in front_kinds
}

deny contains lib.finding(c._at, "authentication", ja, en, {"authentication": null}) if {
	some cid in user_facing
	c := input.components[cid]
	c.authentication == null
	ja := sprintf("%s は自治体の端末から利用されるが、利用者の認証が宣言されていない", [cid])
	en := sprintf("%s is used from municipal terminals but declares no user authentication", [cid])
}

deny contains lib.finding(c._at, "authentication.method", ja, en, {"method": "none"}) if {
	some cid in user_facing
	c := input.components[cid]
	c.authentication.method == "none"
	ja := sprintf("%s は認証なしで利用できる(匿名利用)", [cid])
	en := sprintf("%s can be used without authentication (anonymous use)", [cid])
}

deny contains lib.finding(c._at, "authentication.method", ja, en, {"method": m}) if {
	some cid in user_facing
	c := input.components[cid]
	m := c.authentication.method
	m != "none"
	not m in municipal_methods
	ja := sprintf("%s の認証方式 %s は自治体のIdP・証明書によらない(SAML・OpenID Connect・クライアント証明書・相互TLSのいずれかとする)", [cid, m])
	en := sprintf("%s authenticates with %s, not through the municipality's IdP or certificates (use SAML, OpenID Connect, client certificates or mutual TLS)", [cid, m])
}

deny contains lib.finding(c._at, "authentication.provisioning", ja, en, {"provisioning": p}) if {
	some cid in user_facing
	c := input.components[cid]
	c.authentication != null
	p := c.authentication.provisioning
	p != "municipal_approval"
	ja := sprintf("%s の利用者登録が自治体の承認制でない (%v)", [cid, p])
	en := sprintf("%s does not register users only on the municipality's approval (%v)", [cid, p])
}

not_applicable contains lib.reason(
	"自治体のセグメントから直接利用される API・Webアプリ・ゲートウェイがない",
	"no API, web application or gateway is used directly from a municipal segment",
) if {
	count(user_facing) == 0
}
