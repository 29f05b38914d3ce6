# METADATA
# title: Stronger safeguards for special-care personal information (要配慮個人情報)
# description: >-
#   Every component that receives 要配慮個人情報 (personal: sensitive) is located in Japan; every AI model
#   on it is contractually barred from training on inputs and outputs (training_use prohibited); and, where
#   users reach it directly (api, web_app, gateway), their authentication requires multi-factor
#   authentication.
# custom:
#   id: LGAI-DATA-004
#   title_ja: 要配慮個人情報の強化措置
#   description_ja: >-
#     要配慮個人情報(personal: sensitive)を受け取る構成要素は国内に置く。その構成要素上のAIモデルは入力・出力の
#     学習利用を契約で禁止する(training_use: prohibited)。利用者が直接アクセスする構成要素(api・web_app・gateway)で
#     は、利用者の認証に多要素認証を必須とする。
#   severity: high
#   family: data
#   catalog: ["GL:DATA-004"]
#   source: "個人情報の保護に関する法律 第2条第3項 (要配慮個人情報の定義); 強化措置の内容(国内所在・学習利用禁止・多要素認証)は提案"
#   honesty: V/P
#   input: [dataflows, architecture]
#   reads: ["flows[].personal", "flows[].to", "components[].kind", "components[].region", "components[].country", "components[].hosting", "components[].authentication.mfa", "ai_models[].component", "ai_models[].training_use"]
#   params: [japan_regions]
#   remediation_ja: >-
#     要配慮個人情報を扱う構成要素を国内リージョンに置き、AIモデルの学習利用を契約で禁止して training_use: prohibited と
#     記載する。利用者が直接アクセスする構成要素では多要素認証を必須にし、authentication.mfa: true と記載する。
#   remediation_en: >-
#     Keep components that receive special-care personal information in a Japanese region, prohibit training on
#     inputs and outputs by contract (training_use: prohibited), and require multi-factor authentication on
#     user-facing components (authentication.mfa: true).
package lgai.rules.data_004

import data.lgai.lib

user_facing := {"api", "web_app", "gateway"}

# Components that receive 要配慮個人情報, once each however many flows reach them.
targets contains cid if {
	some f in input.flows
	f.personal == "sensitive"
	cid := f.to.component
	cid != null
}

deny contains lib.finding(c._at, "region", ja, en, {"region": c.region, "country": c.country}) if {
	some cid in targets
	c := input.components[cid]
	not lib.component_in_japan(c)
	ja := sprintf("%s は要配慮個人情報を受け取るが、国内にない (region=%v, country=%v)", [cid, c.region, c.country])
	en := sprintf("%s receives special-care personal information but is not in Japan (region=%v, country=%v)", [cid, c.region, c.country])
}

deny contains lib.finding(m._at, "training_use", ja, en, {"training_use": m.training_use}) if {
	some m in input.ai_models
	m.component in targets
	m.training_use != "prohibited"
	ja := sprintf("AIモデル %s に要配慮個人情報が入力されるが、学習利用が契約で禁止されていない (training_use=%s)", [m.id, m.training_use])
	en := sprintf("special-care personal information reaches AI model %s, but training use is not prohibited (training_use=%s)", [m.id, m.training_use])
}

deny contains lib.finding(c._at, "authentication", ja, en, {"authentication": null}) if {
	some cid in targets
	c := input.components[cid]
	c.kind in user_facing
	c.authentication == null
	ja := sprintf("%s は要配慮個人情報を扱う利用者向けの構成要素だが、認証が宣言されていない", [cid])
	en := sprintf("%s is user-facing and handles special-care personal information, but declares no authentication", [cid])
}

deny contains lib.finding(c._at, "authentication.mfa", ja, en, {"mfa": c.authentication.mfa}) if {
	some cid in targets
	c := input.components[cid]
	c.kind in user_facing
	c.authentication != null
	c.authentication.mfa != true
	ja := sprintf("%s は要配慮個人情報を扱う利用者向けの構成要素だが、多要素認証を必須にしていない", [cid])
	en := sprintf("%s is user-facing and handles special-care personal information, but does not require multi-factor authentication", [cid])
}

not_applicable contains lib.reason(
	"要配慮個人情報を構成要素へ送るデータの流れがない",
	"no data flow carries special-care personal information to a component",
) if {
	count(targets) == 0
}
