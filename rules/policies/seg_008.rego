# METADATA
# title: Public endpoints that receive 機密性2+ or personal data require authentication
# description: >-
#   A component reachable from the internet (public endpoint) that receives data of confidentiality
#   class 2 or above, or any personal information, must not be open to anonymous access: it declares an
#   authentication method other than none. Prefer private connectivity; where the endpoint stays public,
#   only authenticated callers may reach the data.
# custom:
#   id: LGAI-SEG-008
#   title_ja: 機密性2以上を扱う公開エンドポイント
#   description_ja: >-
#     インターネットから到達できる(公開エンドポイントを持つ)構成要素が機密性2以上の情報または個人情報を
#     受け取る場合、匿名でアクセスできてはならない。none 以外の認証方式を宣言する。閉域・プライベート
#     接続が望ましく、公開したままにする場合は認証された利用者だけがデータに到達できるようにする。
#   severity: high
#   family: segmentation
#   catalog: ["GL:NET-011"]
#   source: "総務省 ガイドライン 技術的セキュリティ (アクセス制御) からの派生 — 判定方法は提案"
#   honesty: P
#   input: [architecture, dataflows]
#   reads: ["components[].public_endpoint", "components[].received", "components[].authentication", "components[].authentication.method"]
#   params: []
#   remediation_ja: >-
#     エンドポイントを非公開(閉域網・プライベート接続)にするか、認証(SAML・OIDC・mTLS 等)を必須にして
#     components[].authentication に方式を記載する。
#   remediation_en: >-
#     Make the endpoint private (closed network, private link) or require authentication (SAML, OIDC,
#     mTLS ...) and declare the method under components[].authentication.
package lgai.rules.seg_008

import data.lgai.lib

# Public endpoints that receive 機密性2+ or personal data.
exposed contains cid if {
	some cid, c in input.components
	c.public_endpoint == true
	lib.protected(c.received)
}

deny contains lib.finding(c._at, "authentication", ja, en, {"public_endpoint": true, "conf_rank_max": c.received.conf_rank_max, "personal_rank_max": c.received.personal_rank_max}) if {
	some cid in exposed
	c := input.components[cid]
	c.authentication == null
	ja := sprintf("%s は機密性2以上または個人情報を受け取る公開エンドポイントだが、認証が宣言されていない", [cid])
	en := sprintf("%s is a public endpoint receiving 機密性2+ or personal data but declares no authentication", [cid])
}

deny contains lib.finding(c._at, "authentication.method", ja, en, {"method": "none"}) if {
	some cid in exposed
	c := input.components[cid]
	c.authentication.method == "none"
	ja := sprintf("%s は機密性2以上または個人情報を受け取る公開エンドポイントだが、認証なしで利用できる", [cid])
	en := sprintf("%s is a public endpoint receiving 機密性2+ or personal data and is open without authentication", [cid])
}

not_applicable contains lib.reason(
	"機密性2以上または個人情報を受け取る公開エンドポイントがない",
	"no public endpoint receives 機密性2+ or personal data",
) if {
	count(exposed) == 0
}
