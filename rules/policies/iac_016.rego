# METADATA
# title: IaC AI inference on 機密性2+ data stays in Japan
# description: >-
#   A managed AI resource in IaC (Bedrock model or inference profile, Azure OpenAI deployment, Vertex AI
#   endpoint) that processes 機密性2+ or personal data (or is not linked to a declared component, and so is
#   assumed to) routes inference only within Japan: no global or data-zone deployment, no cross-region inference
#   profile other than `jp.`, and an in-region deployment only in a Japanese region. A model whose routing the
#   template does not settle needs an attestation.
# custom:
#   id: LGAI-IAC-016
#   title_ja: IaC の AI 推論の国内完結
#   description_ja: >-
#     機密性2以上・個人情報を処理する (構成要素に対応付けられていないものは処理すると仮定) IaC のマネージド AI
#     (Bedrock のモデル・推論プロファイル、Azure OpenAI のデプロイ、Vertex AI のエンドポイント) は国内でのみ
#     推論する。Global・DataZone デプロイ、jp. 以外のクロスリージョン推論プロファイル、国外リージョンの
#     リージョナルデプロイは不適合。推論の経路をテンプレートから判断できない場合は表明が必要。
#   severity: high
#   family: location
#   catalog: ["GL:CLOUD-005", "AIC:LOC-001"]
#   source: "AWS Bedrock cross-region inference / Azure OpenAI deployment types / Vertex AI locations (vendor docs); 政府情報システムにおけるクラウドサービスの利用に係る基本方針 (2018)"
#   honesty: V/P
#   input: [iac]
#   reads: ["iac.resources[].category", "iac.resources[].ai.routing", "iac.resources[].ai.location", "iac.resources[].ai.model", "iac.resources[].holds"]
#   params: [japan_regions]
#   remediation_ja: >-
#     国内で推論する (Bedrock は ap-northeast-1/3 のモデル ID か jp. 推論プロファイル、azurerm_cognitive_deployment の
#     sku.name を Standard / ProvisionedManaged にし GlobalStandard・DataZoneStandard を使わない、Vertex
#     AI は location = "asia-northeast1" で global エンドポイントを使わない)。
#   remediation_en: >-
#     Run inference in Japan (Bedrock model ids in ap-northeast-1/3 or a jp. inference profile;
#     azurerm_cognitive_deployment sku.name Standard or ProvisionedManaged, not GlobalStandard or DataZoneStandard;
#     Vertex AI location = "asia-northeast1", not the global endpoint).
package lgai.rules.iac_016

import data.lgai.lib

models contains r if {
	some r in input.iac.resources
	r.category == "ai"
	r.ai != null
	lib.iac_protected(r)
}

outside_japan(ai) if ai.routing in {"global", "data_zone"}

outside_japan(ai) if {
	ai.routing == "cross_region"
	ai.location != "jp"
}

outside_japan(ai) if {
	ai.routing == "in_region"
	ai.location != null
	not lib.iac_region_in_japan(ai.location)
}

deny contains lib.finding(r._at, "ai.routing", ja, en, {"model": r.ai.model, "routing": r.ai.routing, "location": r.ai.location}) if {
	some r in models
	outside_japan(r.ai)
	ja := sprintf("%s (%s) の推論が国外で処理されうる: 経路 %s、場所 %v (%s)", [r.address, r.type, r.ai.routing, r.ai.location, lib.iac_holds_ja(r)])
	en := sprintf("%s (%s) may run inference outside Japan: routing %s, location %v (%s)", [r.address, r.type, r.ai.routing, r.ai.location, lib.iac_holds_en(r)])
}

undecided(ai) if ai.routing == null

undecided(ai) if {
	ai.routing == "in_region"
	ai.location == null
}

undetermined contains lib.finding(r._at, "ai.routing", ja, en, {"model": r.ai.model, "routing": r.ai.routing, "location": r.ai.location}) if {
	some r in models
	r.ai.model != null
	undecided(r.ai)
	ja := sprintf("%s (%s) のモデル %s の推論場所をテンプレートから判断できない", [r.address, r.type, r.ai.model])
	en := sprintf("the template does not show where %s (%s) runs inference of model %s", [r.address, r.type, r.ai.model])
}

not_applicable contains lib.reason(
	"IaC に機密性2以上を処理する AI リソースがない",
	"no IaC AI resource processes 機密性2+ data",
) if {
	count(models) == 0
}
