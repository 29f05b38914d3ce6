# METADATA
# title: LGWAN-ASP registration, J-LIS review and a provider located in Japan
# description: >-
#   A service delivered as LGWAN-ASP is registered with J-LIS (a registration number is declared) and
#   has passed the J-LIS registration and connection-eligibility review. J-LIS admits as LGWAN-ASP
#   providers only organisations located in Japan, so every provider that runs or offers the service
#   (role operator or saas) is located in Japan.
# custom:
#   id: LGAI-ASP-001
#   title_ja: LGWAN-ASP の登録・審査と提供者
#   description_ja: >-
#     LGWAN-ASP として提供するサービスは、J-LIS に登録され(登録番号を宣言)、J-LIS の登録及び
#     接続資格審査に合格している。LGWAN-ASP の提供者は国内に所在する団体に限られるため、サービスを
#     運営・提供する事業者(役割 operator または saas)はすべて国内に所在する。
#   severity: high
#   family: cloud
#   catalog: ["GL:ASP-001", "GL:ASP-002"]
#   source: "J-LIS LGWAN-ASP基本要綱 第3条 (提供者の要件・国内所在); J-LIS LGWAN-ASP 登録及び接続資格審査要領; LGWAN-ASP 接続約款 第2条 (いずれも2015年版で確認)"
#   honesty: V
#   delivery: [lgwan_asp]
#   input: [architecture]
#   reads: ["delivery", "lgwan_asp", "lgwan_asp.registration_id", "lgwan_asp.review_passed", "providers[].roles", "providers[].country"]
#   params: []
#   remediation_ja: >-
#     J-LIS の LGWAN-ASP 登録・接続資格審査を受け、lgwan_asp.registration_id に登録番号、
#     lgwan_asp.review_passed: true を記載する。サービスの運営・提供は国内に所在する事業者が行う。
#   remediation_en: >-
#     Register the service with J-LIS and pass its LGWAN-ASP connection-eligibility review; declare the
#     registration number under lgwan_asp.registration_id and review_passed true. Have the service run
#     and offered by a provider located in Japan.
package lgai.rules.asp_001

import data.lgai.lib

asp_at := {"file": input._files.declaration, "path": "lgwan_asp"}

# Providers that run or offer the service itself (not its IaaS, model provider or support).
asp_roles := {"operator", "saas"}

deny contains lib.finding({"file": input._files.declaration, "path": ""}, "lgwan_asp", ja, en, {"lgwan_asp": null}) if {
	input.lgwan_asp == null
	ja := "LGWAN-ASP として提供するが、LGWAN-ASP の登録(lgwan_asp)が宣言されていない"
	en := "the service is delivered as LGWAN-ASP, but no LGWAN-ASP registration (lgwan_asp) is declared"
}

deny contains lib.finding(asp_at, "registration_id", ja, en, {"registration_id": input.lgwan_asp.registration_id}) if {
	input.lgwan_asp != null
	not registered
	ja := "LGWAN-ASP の登録番号が宣言されていない"
	en := "no LGWAN-ASP registration number is declared"
}

registered if {
	is_string(input.lgwan_asp.registration_id)
	trim_space(input.lgwan_asp.registration_id) != ""
}

deny contains lib.finding(asp_at, "review_passed", ja, en, {"review_passed": input.lgwan_asp.review_passed}) if {
	input.lgwan_asp != null
	input.lgwan_asp.review_passed != true
	ja := "J-LIS の LGWAN-ASP 登録及び接続資格審査に合格したことが宣言されていない"
	en := "passing the J-LIS LGWAN-ASP registration and connection-eligibility review is not declared"
}

deny contains lib.finding(p._at, "country", ja, en, {"country": p.country, "roles": sort(roles)}) if {
	some p in input.providers
	roles := {r | some r in p.roles} & asp_roles
	count(roles) > 0
	p.country != "JP"
	ja := sprintf("LGWAN-ASP を運営・提供する事業者 %s の所在国が %s (国内に所在する団体に限られる)", [p.name, p.country])
	en := sprintf("%s runs or offers the LGWAN-ASP service but is located in %s (providers must be located in Japan)", [p.name, p.country])
}
