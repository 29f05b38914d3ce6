# METADATA
# title: Internet-reachable components handling protected data require multi-factor authentication
# description: >-
#   Every component that receives data of confidentiality class 2 or above (or personal data) and can be
#   reached from the internet side — it has a public endpoint, or it is an API, web application or gateway
#   on a public cloud — declares its authentication, and requires multi-factor authentication both for
#   users and for administrators.
# custom:
#   id: LGAI-IAM-001
#   title_ja: 多要素認証(インターネットから到達できる構成要素)
#   description_ja: >-
#     機密性2以上または個人情報を受け取り、インターネット側から到達できる構成要素(公開エンドポイントを持つもの、
#     またはパブリッククラウド上の API・Webアプリ・ゲートウェイ)は、認証方式を宣言し、利用者と管理者の双方に
#     多要素認証を課す。
#   severity: high
#   family: access
#   catalog: ["GL:IAM-001"]
#   source: "総務省 ガイドライン 技術的セキュリティ アクセス制御 (利用者の認証)"
#   honesty: K
#   input: [architecture, dataflows]
#   reads: ["components[].public_endpoint", "components[].hosting", "components[].kind", "components[].received", "components[].authentication", "components[].authentication.mfa", "components[].authentication.admin_mfa"]
#   params: []
#   remediation_ja: "利用者・管理者のログインに多要素認証を必須とし、components[].authentication に mfa: true と admin_mfa: true を記載する。"
#   remediation_en: Require multi-factor authentication for user and administrator sign-in, and declare mfa true and admin_mfa true under components[].authentication.
package lgai.rules.iam_001

import data.lgai.lib

front_kinds := {"api", "web_app", "gateway"}

# Components holding protected data that the internet side can reach.
subjects contains c if {
	some c in input.components
	lib.protected(c.received)
	internet_reachable(c)
}

internet_reachable(c) if c.public_endpoint == true

internet_reachable(c) if {
	c.hosting == "public_cloud"
	c.kind in front_kinds
}

deny contains lib.finding(c._at, "authentication", ja, en, {"authentication": null}) if {
	some c in subjects
	c.authentication == null
	ja := sprintf("%s はインターネット側から到達でき機密性2以上・個人情報を扱うが、認証方式が宣言されていない", [c.id])
	en := sprintf("%s is reachable from the internet side and handles 機密性2+/personal data, but declares no authentication", [c.id])
}

deny contains lib.finding(c._at, "authentication.mfa", ja, en, {"mfa": c.authentication.mfa}) if {
	some c in subjects
	c.authentication != null
	c.authentication.mfa != true
	ja := sprintf("%s はインターネット側から到達でき機密性2以上・個人情報を扱うが、利用者の多要素認証がない", [c.id])
	en := sprintf("%s is reachable from the internet side and handles 機密性2+/personal data, but users sign in without multi-factor authentication", [c.id])
}

deny contains lib.finding(c._at, "authentication.admin_mfa", ja, en, {"admin_mfa": c.authentication.admin_mfa}) if {
	some c in subjects
	c.authentication != null
	c.authentication.admin_mfa != true
	ja := sprintf("%s はインターネット側から到達でき機密性2以上・個人情報を扱うが、管理者の多要素認証が宣言されていない", [c.id])
	en := sprintf("%s is reachable from the internet side and handles 機密性2+/personal data, but multi-factor authentication for administrators is not declared", [c.id])
}

not_applicable contains lib.reason(
	"インターネット側から到達でき機密性2以上・個人情報を扱う構成要素がない",
	"no component that handles 機密性2+/personal data is reachable from the internet side",
) if {
	count(subjects) == 0
}
