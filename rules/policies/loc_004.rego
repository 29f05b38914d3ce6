# METADATA
# title: Foreign providers that handle personal data have a foreign-regime assessment
# description: >-
#   Where personal information reaches a component run by a provider located outside Japan, or an AI
#   model supplied by such a provider, the municipality must understand the legal regime of that country
#   (外的環境の把握) as part of its safeguards, even when the data stays in a Japanese region. The provider
#   declares the document that assesses it (providers[].crossborder_assessment).
# custom:
#   id: LGAI-LOC-004
#   title_ja: 外国にある事業者への個人情報
#   description_ja: >-
#     外国にある事業者が運用する構成要素、または外国の事業者が提供するAIモデルに個人情報が渡る場合は、国内リージョンで
#     あっても、安全管理措置として所在国の個人情報保護制度等を把握する(外的環境の把握)。その評価文書を
#     providers[].crossborder_assessment に記載する。
#   severity: high
#   family: location
#   catalog: ["GL:PI-003"]
#   source: "個人情報の保護に関する法律 第66条 (安全管理措置)・第71条 (外国にある第三者への提供の制限); 個人情報保護委員会 ガイドライン (外的環境の把握)"
#   honesty: V/K
#   input: [architecture, dataflows]
#   reads: ["providers[].country", "providers[].crossborder_assessment", "components[].provider", "components[].received", "ai_models[].provider", "ai_models[].component"]
#   params: []
#   remediation_ja: >-
#     外国の事業者の所在国について、個人情報の保護に関する制度と政府による情報へのアクセスの可能性を評価した文書を
#     作成し、providers[].crossborder_assessment に文書名を記載する。または個人情報を国内の事業者のみで扱う構成にする。
#   remediation_en: >-
#     Write an assessment of the foreign provider's country (its data-protection regime and government access to data)
#     and name it in providers[].crossborder_assessment, or keep personal information with providers located in Japan.
package lgai.rules.loc_004

import data.lgai.lib

foreign(pid) if input.providers[pid].country != "JP"

# Provider id -> the components and AI models through which it receives personal information.
reached[pid] contains c.id if {
	some c in input.components
	c.received.personal_rank_max >= 1
	pid := c.provider
	foreign(pid)
}

reached[pid] contains m.id if {
	some m in input.ai_models
	input.components[m.component].received.personal_rank_max >= 1
	pid := m.provider
	foreign(pid)
}

deny contains lib.finding(p._at, "crossborder_assessment", ja, en, {"country": p.country, "reached": sorted}) if {
	some pid, ids in reached
	p := input.providers[pid]
	missing(p.crossborder_assessment)
	sorted := sort(ids)
	ja := sprintf("%s (所在国 %s) は個人情報を扱う (%s) が、外的環境の把握の文書が宣言されていない", [p.name, p.country, concat(", ", sorted)])
	en := sprintf("%s (located in %s) handles personal information (%s), but no foreign-regime assessment is declared", [p.name, p.country, concat(", ", sorted)])
}

missing(s) if s == null

missing(s) if {
	is_string(s)
	trim_space(s) == ""
}

# (regorus leaves a multi-value partial object with no entries undefined, so `count(reached)`
# cannot be used for the not-applicable test.)
reaches_foreign if {
	some _, _ in reached
}

not_applicable contains lib.reason(
	"外国にある事業者へ個人情報が渡らない",
	"no personal information reaches a provider located outside Japan",
) if {
	not reaches_foreign
}
