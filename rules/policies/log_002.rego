# METADATA
# title: The municipality can inspect a log of who asked the AI what, and what it answered
# description: >-
#   Every AI model keeps an audit log of its use that records prompts and outputs together with at least
#   the fields in `required_ai_log_fields` (by default user, time, model version and use case). Municipal
#   administrators can read the log, a declared log region is in Japan, and where the municipality sets
#   `max_ai_log_retention_days` the log is not kept longer than that.
# custom:
#   id: LGAI-LOG-002
#   title_ja: AIの利用ログ
#   description_ja: >-
#     AIモデルごとに利用ログを取り、入力(プロンプト)と出力を、少なくとも required_ai_log_fields の項目
#     (既定: 利用者・日時・モデルのバージョン・用途)とともに記録する。自治体の管理者がログを閲覧でき、保存リージョンを
#     宣言する場合は国内とする。自治体が max_ai_log_retention_days を定めた場合、保存日数はそれを超えない。
#   severity: high
#   family: logging
#   catalog: ["GL:AI-002", "AIC:LOG-001"]
#   source: "岐阜市生成AI利活用ガイドライン (2024-02, 管理者がログを確認できる環境); 横須賀市 ChatGPT全庁活用実証 (2023-04, 市の中継基盤で履歴を保存); AI事業者ガイドライン (透明性・トレーサビリティ) — 記録項目は提案値"
#   honesty: V/P
#   input: [architecture]
#   reads: ["ai_models[].audit_log", "ai_models[].audit_log.prompts", "ai_models[].audit_log.outputs", "ai_models[].audit_log.fields", "ai_models[].audit_log.municipality_access", "ai_models[].audit_log.region", "ai_models[].audit_log.retention_days"]
#   params: [required_ai_log_fields, japan_regions, max_ai_log_retention_days]
#   remediation_ja: "AIの利用ログに入力・出力と利用者・日時・モデルのバージョン・用途を記録し、自治体の管理者が閲覧できるようにして国内に保存する。ai_models[].audit_log に記載する。"
#   remediation_en: Log prompts and outputs with user, time, model version and use case, let municipal administrators read the log, keep it in Japan, and declare it under ai_models[].audit_log.
package lgai.rules.log_002

import data.lgai.lib

deny contains lib.finding(m._at, "audit_log", ja, en, {"audit_log": null}) if {
	some m in input.ai_models
	m.audit_log == null
	ja := sprintf("AIモデル %s の利用ログ(誰が・いつ・何を入力し何が出力されたか)が宣言されていない", [m.id])
	en := sprintf("AI model %s: no audit log of its use (who asked what, when, and the answer) is declared", [m.id])
}

deny contains lib.finding(m._at, "audit_log.prompts", ja, en, {"prompts": m.audit_log.prompts}) if {
	some m in input.ai_models
	m.audit_log.prompts != true
	ja := sprintf("AIモデル %s の利用ログに入力(プロンプト)が記録されない", [m.id])
	en := sprintf("AI model %s: the audit log does not record prompts", [m.id])
}

deny contains lib.finding(m._at, "audit_log.outputs", ja, en, {"outputs": m.audit_log.outputs}) if {
	some m in input.ai_models
	m.audit_log.outputs != true
	ja := sprintf("AIモデル %s の利用ログに出力が記録されない", [m.id])
	en := sprintf("AI model %s: the audit log does not record outputs", [m.id])
}

deny contains lib.finding(m._at, "audit_log.fields", ja, en, {"missing": missing}) if {
	some m in input.ai_models
	m.audit_log != null
	recorded := {x | some x in m.audit_log.fields}
	missing := sort({x | some x in data.lgai.params.required_ai_log_fields; not x in recorded})
	count(missing) > 0
	ja := sprintf("AIモデル %s の利用ログに必要な項目 %s が記録されない", [m.id, concat(", ", missing)])
	en := sprintf("AI model %s: the audit log lacks the required fields %s", [m.id, concat(", ", missing)])
}

deny contains lib.finding(m._at, "audit_log.municipality_access", ja, en, {"municipality_access": m.audit_log.municipality_access}) if {
	some m in input.ai_models
	m.audit_log.municipality_access != true
	ja := sprintf("AIモデル %s の利用ログを自治体の管理者が閲覧できない", [m.id])
	en := sprintf("AI model %s: municipal administrators cannot read the audit log", [m.id])
}

deny contains lib.finding(m._at, "audit_log.region", ja, en, {"region": r}) if {
	some m in input.ai_models
	r := m.audit_log.region
	r != null
	not lib.region_in_japan(r)
	ja := sprintf("AIモデル %s の利用ログが国外のリージョン %s に保存される", [m.id, r])
	en := sprintf("AI model %s: the audit log is stored outside Japan (%s)", [m.id, r])
}

deny contains lib.finding(m._at, "audit_log.retention_days", ja, en, {"retention_days": d, "maximum": maximum}) if {
	maximum := data.lgai.params.max_ai_log_retention_days
	maximum != null
	some m in input.ai_models
	d := m.audit_log.retention_days
	d != null
	d > maximum
	ja := sprintf("AIモデル %s の利用ログの保存 %d 日が自治体の定める上限 %d 日を超える", [m.id, d, maximum])
	en := sprintf("AI model %s keeps its audit log %d days, more than the municipality's maximum %d", [m.id, d, maximum])
}

not_applicable contains lib.reason("AIモデルが宣言されていない", "no AI model is declared") if {
	count(input.ai_models) == 0
}
