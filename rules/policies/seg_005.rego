# METADATA
# title: Multi-factor authentication for My Number systems and 特定個人情報
# description: >-
#   Logging in to a system of the マイナンバー利用事務系 needs multi-factor authentication, so that a stolen
#   password alone cannot expose My Number data. Every component hosted in the My Number segment, and
#   every component that receives 特定個人情報 (personal data containing My Numbers) wherever it is
#   hosted, declares its authentication with multi-factor authentication enabled.
# custom:
#   id: LGAI-SEG-005
#   title_ja: マイナンバー利用事務系の多要素認証
#   description_ja: >-
#     マイナンバー利用事務系のシステムへのログインには多要素認証を用い、パスワードの漏えいだけで
#     特定個人情報が読み出されないようにする。マイナンバー利用事務系に設置された構成要素と、設置場所に
#     かかわらず特定個人情報を受け取る構成要素は、認証方式を宣言し、多要素認証を有効にする。
#   severity: critical
#   family: segmentation
#   catalog: ["GL:NET-003"]
#   source: "総務省 2015 新たな自治体情報セキュリティ対策の抜本的強化に向けて (マイナンバー利用事務系: 二要素認証); ガイドライン 情報システム全体の強靭性の向上 (マイナンバー利用事務系)"
#   honesty: S
#   input: [architecture, dataflows]
#   reads: ["components[].hosting", "components[].received", "components[].authentication", "components[].authentication.mfa"]
#   params: []
#   remediation_ja: >-
#     該当する構成要素の利用者認証に多要素認証(パスワードに加え、ICカード・生体・ワンタイムパスワード等)を
#     導入し、components[].authentication に方式と mfa: true を記載する。
#   remediation_en: >-
#     Require multi-factor authentication (a password plus a smart card, biometrics or a one-time code) on
#     these components and declare it under components[].authentication with mfa true.
package lgai.rules.seg_005

import data.lgai.lib

# Components that hold or serve My Number data: hosted in the segment, or receiving 特定個人情報.
subject contains cid if {
	some cid, c in input.components
	c.hosting == "mynumber"
}

subject contains cid if {
	some cid, c in input.components
	c.received.personal_rank_max >= 3
}

why_ja(c) := "マイナンバー利用事務系に設置された" if c.hosting == "mynumber"

else := "特定個人情報を受け取る"

why_en(c) := "hosted in the My Number segment" if c.hosting == "mynumber"

else := "receives 特定個人情報"

deny contains lib.finding(c._at, "authentication", ja, en, {"hosting": c.hosting, "personal_rank_max": c.received.personal_rank_max}) if {
	some cid in subject
	c := input.components[cid]
	c.authentication == null
	ja := sprintf("%s は%s構成要素だが、認証が宣言されていない(多要素認証を確認できない)", [cid, why_ja(c)])
	en := sprintf("%s %s but declares no authentication (multi-factor authentication cannot be shown)", [cid, why_en(c)])
}

deny contains lib.finding(c._at, "authentication.mfa", ja, en, {"mfa": c.authentication.mfa, "method": c.authentication.method}) if {
	some cid in subject
	c := input.components[cid]
	c.authentication != null
	c.authentication.mfa != true
	ja := sprintf("%s は%s構成要素だが、多要素認証を用いていない", [cid, why_ja(c)])
	en := sprintf("%s %s but does not use multi-factor authentication", [cid, why_en(c)])
}

not_applicable contains lib.reason(
	"マイナンバー利用事務系に設置された構成要素も、特定個人情報を受け取る構成要素もない",
	"no component is hosted in the My Number segment or receives 特定個人情報",
) if {
	count(subject) == 0
}
