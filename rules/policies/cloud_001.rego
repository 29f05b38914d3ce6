# METADATA
# title: Cloud services handling 機密性2+ data are ISMAP (or ISMAP-LIU) registered
# description: >-
#   Each cloud provider (IaaS, PaaS, SaaS or model provider) behind a component or AI model that receives
#   data of confidentiality class 2 or above is on the ISMAP list with a registration valid on the day of
#   the check. ISMAP-LIU is accepted only for low-impact work (impact assessment `low`) and not for
#   機密性3 data.
# custom:
#   id: LGAI-CLOUD-001
#   title_ja: ISMAP・ISMAP-LIU 登録(機密性2以上を扱うクラウド)
#   description_ja: >-
#     機密性2以上のデータを受け取る構成要素・AIモデルのクラウド事業者(IaaS・PaaS・SaaS・モデル提供者)は、
#     検査日時点で有効なISMAP登録を持つ。ISMAP-LIU は影響度評価が low の業務に限り、機密性3には認めない。
#   severity: high
#   family: cloud
#   catalog: ["GL:CLOUD-001", "GL:CLOUD-002", "AIC:LOC-003"]
#   source: "ISMAP 制度 (2020-06); ISMAP-LIU (2022-11, デジタル庁); ISMAP KB0011070 生成AIサービスに関する留意点 (2026-01-09); 総務省 ガイドライン R5.3/R6.10 外部サービスの利用"
#   honesty: S
#   input: [architecture, dataflows]
#   reads: ["providers[].roles", "providers[].ismap", "components[].provider", "ai_models[].provider", "components[].received"]
#   params: []
#   remediation_ja: ISMAP登録済みのクラウドサービスを使う(またはISMAP-LIU登録と影響度評価を得る)。登録番号と有効期限を providers[].ismap に記載する。
#   remediation_en: Use ISMAP-registered cloud services (or ISMAP-LIU with a low impact assessment) and declare registration id and expiry under providers[].ismap.
package lgai.rules.cloud_001

import data.lgai.lib

# Provider id -> highest confidentiality rank it receives.
subject[pid] := rank if {
	some pid, p in input.providers
	count({r | some r in p.roles} & lib.cloud_roles) > 0
	ranks := {c.received.conf_rank_max | some c in input.components; c.provider == pid} | {
	input.components[m.component].received.conf_rank_max |
		some m in input.ai_models
		m.provider == pid
	}
	count(ranks) > 0
	rank := max(ranks)
	rank >= 2
}

deny contains lib.finding(p._at, "ismap", ja, en, {"ismap": object.get(p, ["ismap", "kind"], null)}) if {
	some pid, _ in subject
	p := input.providers[pid]
	object.get(p, ["ismap", "kind"], "none") == "none"
	ja := sprintf("%s は機密性2以上のデータを扱うがISMAP・ISMAP-LIU に登録されていない", [p.name])
	en := sprintf("%s handles 機密性2+ data but is not ISMAP or ISMAP-LIU registered", [p.name])
}

deny contains lib.finding(p._at, "ismap.valid_until", ja, en, {"valid_until": p.ismap.valid_until, "as_of": input.lgai.as_of}) if {
	some pid, _ in subject
	p := input.providers[pid]
	p.ismap.kind != "none"
	p.ismap.valid_until != null
	p.ismap.valid_until < input.lgai.as_of
	ja := sprintf("%s のISMAP登録 %s は %s に期限切れ", [p.name, p.ismap.registration_id, p.ismap.valid_until])
	en := sprintf("ISMAP registration %s of %s expired on %s", [p.ismap.registration_id, p.name, p.ismap.valid_until])
}

deny contains lib.finding(p._at, "ismap.impact_assessment", ja, en, {"kind": "ismap_liu", "impact_assessment": p.ismap.impact_assessment, "conf_rank": rank}) if {
	some pid, rank in subject
	p := input.providers[pid]
	p.ismap.kind == "ismap_liu"
	not liu_acceptable(p, rank)
	ja := sprintf("%s はISMAP-LIU登録だが、影響度評価が low でないか機密性3のデータを扱う", [p.name])
	en := sprintf("%s is ISMAP-LIU registered, but the impact assessment is not low or it handles 機密性3 data", [p.name])
}

liu_acceptable(p, rank) if {
	p.ismap.impact_assessment == "low"
	rank < 3
}

undetermined contains lib.finding(p._at, "ismap.valid_until", ja, en, {}) if {
	some pid, _ in subject
	p := input.providers[pid]
	p.ismap.kind != "none"
	p.ismap.valid_until == null
	ja := sprintf("%s のISMAP登録の有効期限が宣言されていない", [p.name])
	en := sprintf("the ISMAP registration expiry of %s is not declared", [p.name])
}

not_applicable contains lib.reason(
	"機密性2以上のデータを受け取るクラウド事業者がない",
	"no cloud provider receives 機密性2+ data",
) if {
	count(subject) == 0
}
