# METADATA
# title: Municipal inputs and outputs are not used for training
# description: >-
#   No AI model may use prompts, files, outputs or logs to train or improve the provider's models.
#   `allowed` and `unknown` fail. Where personal or 機密性2+ data reaches the model, the exclusion must be
#   contractual (`prohibited`, not a user opt-out) and backed by a cited clause; without the clause the
#   requirement waits for an attestation.
# custom:
#   id: LGAI-AI-001
#   title_ja: 入力データの学習利用の禁止
#   description_ja: >-
#     AIモデルは入力・出力・ログを提供者のモデルの学習・改善に使ってはならない。allowed と unknown は不適合。
#     個人情報・機密性2以上が入力される場合は、利用者設定のオプトアウトではなく契約で禁止(prohibited)し、
#     その条項(training_use_evidence)を示す。条項の記載がなければ表明待ちとなる。
#   severity: critical
#   family: ai
#   catalog: ["GL:AI-001", "AIC:DATA-001", "AIC:DATA-008"]
#   source: "個人情報保護委員会 生成AIサービスの利用に関する注意喚起等 (2023-06-02); 岐阜市生成AI利活用ガイドライン (2024-02); ChatGPT等の生成AIの業務利用に関する申合せ (2023-05-08)"
#   honesty: V/S
#   input: [architecture, dataflows, attestation]
#   reads: ["ai_models[].training_use", "ai_models[].training_use_evidence", "components[].received"]
#   params: []
#   remediation_ja: "契約で学習利用を禁止し、ai_models[].training_use: prohibited と根拠条項(training_use_evidence)を記載する。"
#   remediation_en: Prohibit training use by contract; declare ai_models[].training_use prohibited with the clause in training_use_evidence.
package lgai.rules.ai_001

import data.lgai.lib

deny contains lib.finding(m._at, "training_use", ja, en, {"training_use": m.training_use}) if {
	some m in input.ai_models
	m.training_use in {"allowed", "unknown"}
	ja := sprintf("AIモデル %s の学習利用が %s", [m.id, m.training_use])
	en := sprintf("AI model %s: training use is %s", [m.id, m.training_use])
}

deny contains lib.finding(m._at, "training_use", ja, en, {"training_use": m.training_use}) if {
	some m in input.ai_models
	m.training_use == "opt_out_confirmed"
	lib.protected(input.components[m.component].received)
	ja := sprintf("AIモデル %s は個人情報・機密性2以上を受け取るが、学習利用の除外がオプトアウトのみ", [m.id])
	en := sprintf("AI model %s receives personal/機密性2+ data but training is excluded only by opt-out", [m.id])
}

undetermined contains lib.finding(m._at, "training_use_evidence", ja, en, {}) if {
	some m in input.ai_models
	m.training_use == "prohibited"
	m.training_use_evidence == null
	lib.protected(input.components[m.component].received)
	ja := sprintf("AIモデル %s の学習利用禁止の契約条項が示されていない", [m.id])
	en := sprintf("the contract clause prohibiting training use for AI model %s is not cited", [m.id])
}

not_applicable contains lib.reason("AIモデルが宣言されていない", "no AI model is declared") if {
	count(input.ai_models) == 0
}
