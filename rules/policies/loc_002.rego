# METADATA
# title: Inference on 機密性2+ or personal data stays in Japan
# description: >-
#   An AI model that receives data of confidentiality class 2 or above, or personal data, runs in a
#   Japanese region with a regional deployment. Global, data-zone and cross-region deployments and
#   inference profiles with a geographic prefix other than `jp.` (Bedrock `global.`, `apac.`, `us.` …)
#   may route prompts abroad and fail.
# custom:
#   id: LGAI-LOC-002
#   title_ja: 推論処理の国内完結
#   description_ja: >-
#     機密性2以上または個人情報を受け取るAIモデルは、国内リージョンのリージョナルデプロイで推論する。
#     Global・DataZone・クロスリージョン推論、および jp. 以外の地域接頭辞を持つ推論プロファイル
#     (Bedrock の global. / apac. / us. 等)はプロンプトが国外で処理されうるため不適合。
#   severity: high
#   family: location
#   catalog: ["GL:CLOUD-005", "AIC:LOC-001"]
#   source: "AWS Bedrock cross-region inference / Azure OpenAI deployment types (vendor docs); 政府情報システムにおけるクラウドサービスの利用に係る基本方針 (2018)"
#   honesty: V/P
#   input: [architecture, dataflows]
#   reads: ["ai_models[].hosting_region", "ai_models[].deployment_type", "ai_models[].model", "components[].received"]
#   params: [japan_regions]
#   remediation_ja: 国内リージョンのリージョナルデプロイ(または jp. 推論プロファイル)に切り替え、lgai.yaml に記載する。
#   remediation_en: Switch to a regional deployment in a Japanese region (or a `jp.` inference profile) and declare it.
package lgai.rules.loc_002

import data.lgai.lib

geo_prefixes := ["global.", "apac.", "us.", "eu.", "us-gov.", "ca.", "au."]

sensitive_models contains m if {
	some m in input.ai_models
	lib.protected(input.components[m.component].received)
}

deny contains lib.finding(m._at, "hosting_region", ja, en, {"hosting_region": m.hosting_region}) if {
	some m in sensitive_models
	not lib.region_in_japan(m.hosting_region)
	ja := sprintf("AIモデル %s の推論リージョン %s が国内でない", [m.id, m.hosting_region])
	en := sprintf("AI model %s runs inference in %s, outside Japan", [m.id, m.hosting_region])
}

deny contains lib.finding(m._at, "deployment_type", ja, en, {"deployment_type": m.deployment_type}) if {
	some m in sensitive_models
	m.deployment_type != "regional"
	ja := sprintf("AIモデル %s のデプロイ種別 %s は国外で推論されうる", [m.id, m.deployment_type])
	en := sprintf("AI model %s uses a %s deployment that may route inference abroad", [m.id, m.deployment_type])
}

deny contains lib.finding(m._at, "model", ja, en, {"model": m.model}) if {
	some m in sensitive_models
	some p in geo_prefixes
	startswith(lower(m.model), p)
	ja := sprintf("AIモデル %s の推論プロファイル %s は国外へルーティングされうる", [m.id, m.model])
	en := sprintf("AI model %s uses inference profile %s, which may route abroad", [m.id, m.model])
}

not_applicable contains lib.reason(
	"機密性2以上・個人情報を受け取るAIモデルがない",
	"no AI model receives 機密性2+ or personal data",
) if {
	count(sensitive_models) == 0
}
