# METADATA
# title: Click-through (standard-terms) services do not receive 機密性2 or above
# description: >-
#   A service used only under the provider's standard click-through terms (約款型), without a negotiated
#   contract, may handle only information below 機密性2. The service contract, and the contract of every AI
#   model, is negotiated wherever the service or that model's component receives 機密性2 or above.
# custom:
#   id: LGAI-CLOUD-004
#   title_ja: 約款型サービスの制限
#   description_ja: >-
#     個別の契約を結ばず、提供者の定型約款への同意のみで利用する約款型のサービスは、機密性2以上の情報を扱えない。
#     サービスのいずれかの構成要素が機密性2以上を受け取る場合はサービスの契約を、AIモデルの構成要素が機密性2以上を
#     受け取る場合はそのAIモデルの契約を、個別契約とする。
#   severity: critical
#   family: cloud
#   catalog: ["GL:CLOUD-011", "AIC:DATA-004"]
#   source: "総務省 ガイドライン 対策基準 外部サービスの利用 (機密性2以上の情報を取り扱わない場合); ChatGPT等の生成AIの業務利用に関する申合せ (デジタル社会推進会議幹事会 2023-05-08, 2.1 2025-03-25)"
#   honesty: K/V
#   input: [architecture, dataflows]
#   reads: ["contract.type", "ai_models[].contract_type", "ai_models[].component", "components[].received"]
#   params: []
#   remediation_ja: >-
#     機密性2以上を扱うサービス・AIモデルは、秘密保持・目的外利用の禁止・データの所在等を定めた個別契約で
#     利用し、contract.type・ai_models[].contract_type を negotiated とする。約款型のままなら機密性2以上のデータを送らない。
#   remediation_en: >-
#     Use services and AI models that handle 機密性2+ data under a negotiated contract (confidentiality, no use beyond the
#     purpose, data location) and declare contract.type / ai_models[].contract_type negotiated; otherwise send them no
#     機密性2+ data.
package lgai.rules.cloud_004

import data.lgai.lib

service_conf_rank_max := max({0} | {c.received.conf_rank_max | some c in input.components})

deny contains lib.finding(input.contract._at, "type", ja, en, {"type": "click_through", "conf_rank_max": service_conf_rank_max}) if {
	input.contract.type == "click_through"
	service_conf_rank_max >= 2
	ja := "サービスの契約が約款型 (click_through) だが、機密性2以上のデータを扱う"
	en := "the service is used under click-through terms but handles 機密性2+ data"
}

deny contains lib.finding(m._at, "contract_type", ja, en, {"contract_type": "click_through", "conf_rank_max": rank}) if {
	some m in input.ai_models
	m.contract_type == "click_through"
	rank := input.components[m.component].received.conf_rank_max
	rank >= 2
	ja := sprintf("AIモデル %s の契約が約款型 (click_through) だが、機密性2以上のデータが入力される", [m.id])
	en := sprintf("AI model %s is used under click-through terms but receives 機密性2+ data", [m.id])
}

not_applicable contains lib.reason(
	"機密性2以上のデータを受け取る構成要素がない",
	"no component receives 機密性2+ data",
) if {
	service_conf_rank_max < 2
}
