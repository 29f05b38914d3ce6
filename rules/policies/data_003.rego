# METADATA
# title: Confidentiality class limits what goes into a cloud AI
# description: >-
#   A flow into an AI component outside the municipality's own segments and on-premises systems (a
#   "cloud AI", including LGWAN-ASP) carries data of at most `max_conf_rank_to_cloud_ai` (default
#   機密性2), unless the flow cites an approved, unexpired exception (exceptions[] with requirement
#   LGAI-DATA-003). Every AI model on that component receives nothing above the class the municipality
#   approved for it (ai_models[].approved_max_confidentiality); where no class is approved and 機密性2
#   or above reaches the model, the municipality's approval is to be shown by a document.
# custom:
#   id: LGAI-DATA-003
#   title_ja: 機密性区分によるAIへの入力制限
#   description_ja: >-
#     自治体のセグメント・オンプレミス以外(LGWAN-ASP を含む)にあるAI構成要素(クラウドAI)へのデータの流れは、max_conf_rank_to_cloud_ai
#     (既定は機密性2)以下の機密性に限る。承認済みで有効期限内の例外措置(exceptions[] の requirement が
#     LGAI-DATA-003)を exception_id で示す流れは除く。また、その構成要素上の
#     各AIモデルには、自治体が承認した機密性(ai_models[].approved_max_confidentiality)を超えるデータを入力しない。
#     承認した機密性が宣言されておらず機密性2以上が入力される場合は、自治体の承認を文書で確認する。
#   severity: critical
#   family: data
#   catalog: ["GL:DATA-002", "AIC:DATA-003"]
#   source: "総務省 ガイドライン 対策基準 情報資産の分類と管理・例外措置; ChatGPT等の生成AIの業務利用に関する申合せ (2023-05-08, 2.1 2025-03-25); 都城市・岐阜市の生成AI利用ガイドライン (機密性2以上を入力しない); 神戸市 AI条例 (市長が指定した生成AIに限る)"
#   honesty: P/V
#   input: [dataflows, architecture]
#   reads: ["flows[].to", "flows[].asset", "flows[].conf_rank", "flows[].exception_id", "assets[].confidentiality", "components[].kind", "components[].hosting", "components[].received", "ai_models[].component", "ai_models[].approved_max_confidentiality", "exceptions[].requirement", "exceptions[].approved", "exceptions[].expires"]
#   params: [max_conf_rank_to_cloud_ai, confidentiality_scheme]
#   party: municipality
#   remediation_ja: >-
#     上限を超える機密性のデータをクラウドAIへ送らない(マスキング等で機密性を下げた資産に置き換える)。やむを得ない場合は
#     最高情報セキュリティ責任者の承認を得た期限付きの例外措置を exceptions に記載し、flows[].exception_id で参照する。
#     各AIモデルに入力してよい機密性を自治体が承認し、ai_models[].approved_max_confidentiality に記載する。
#   remediation_en: >-
#     Do not send data above the limit to a cloud AI (replace it with a masked asset of a lower class). Where it is
#     unavoidable, record an approved, time-limited exception under exceptions and cite it in flows[].exception_id.
#     Have the municipality approve the highest class each AI model may receive and declare it in
#     ai_models[].approved_max_confidentiality.
package lgai.rules.data_003

import data.lgai.lib

# Hosting under the municipality's own control: its segments and on-premises systems.
local_hosting := lib.municipal_segments | {"on_premises"}

cloud_ai contains cid if {
	some cid, c in input.components
	lib.is_ai_component(cid)
	not c.hosting in local_hosting
}

cloud_ai_flows contains f if {
	some f in input.flows
	f.to.component in cloud_ai
}

models_on[cid] contains m if {
	some m in input.ai_models
	m.component in cloud_ai
	cid := m.component
}

valid_exception(f) if {
	e := input.exceptions[f.exception_id]
	e.approved == true
	e.requirement == "LGAI-DATA-003"
	not expired(e)
}

expired(e) if {
	e.expires != null
	e.expires < input.lgai.as_of
}

# The class label of a rank in the scheme in use (for messages).
class_label(rank) := k if {
	some k, v in data.lgai.params.conf_rank_schemes[data.lgai.params.confidentiality_scheme]
	v == rank
} else := sprintf("(rank %d)", [rank])

# The field to fix: the cited exception when there is one, otherwise the asset sent.
over_limit_field(f) := "exception_id" if f.exception_id != null

over_limit_field(f) := "asset" if f.exception_id == null

# (a) Above the ceiling for any cloud AI, without a valid exception.
deny contains lib.finding(f._at, over_limit_field(f), ja, en, values) if {
	some f in cloud_ai_flows
	maximum := data.lgai.params.max_conf_rank_to_cloud_ai
	f.conf_rank > maximum
	not valid_exception(f)
	class := input.assets[f.asset].confidentiality
	values := {"asset": f.asset, "confidentiality": class, "conf_rank": f.conf_rank, "max_conf_rank": maximum, "exception_id": f.exception_id}
	limit := class_label(maximum)
	ja := sprintf("%s: 機密性%s のデータ %s がクラウドAI %s へ送られる (上限は機密性%s、有効な例外措置なし)", [f.id, class, f.asset, f.to.component, limit])
	en := sprintf("%s: 機密性%s data %s goes to cloud AI %s (the limit is 機密性%s; no valid exception)", [f.id, class, f.asset, f.to.component, limit])
}

# (b) Above the class the municipality approved for a model on the component.
deny contains lib.finding(f._at, "to", ja, en, values) if {
	some f in cloud_ai_flows
	some m in models_on[f.to.component]
	approved := m.approved_max_confidentiality
	approved != null
	f.conf_rank > lib.conf_rank(approved)
	class := input.assets[f.asset].confidentiality
	values := {"asset": f.asset, "confidentiality": class, "ai_model": m.id, "approved_max_confidentiality": approved}
	ja := sprintf("%s: 機密性%s のデータ %s が、機密性%s までしか承認されていないAIモデル %s に入力される", [f.id, class, f.asset, approved, m.id])
	en := sprintf("%s: 機密性%s data %s is fed to AI model %s, approved only up to 機密性%s", [f.id, class, f.asset, m.id, approved])
}

# No approved class while 機密性2 or above reaches the model: the approval is a municipal document.
undetermined contains lib.finding(m._at, "approved_max_confidentiality", ja, en, {"conf_rank_max": rank}) if {
	some cid, ms in models_on
	rank := input.components[cid].received.conf_rank_max
	rank >= 2
	some m in ms
	m.approved_max_confidentiality == null
	ja := sprintf("AIモデル %s に機密性2以上のデータが入力されるが、自治体が入力を承認した機密性が宣言されていない", [m.id])
	en := sprintf("機密性2+ data reaches AI model %s, but the class the municipality approved for it is not declared", [m.id])
}

not_applicable contains lib.reason(
	"クラウドAI(自治体のセグメント・オンプレミス以外にあるAI構成要素)へのデータの流れがない",
	"no data flow reaches an AI component outside the municipality's segments and on-premises systems",
) if {
	count(cloud_ai_flows) == 0
}
