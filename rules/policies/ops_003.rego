# METADATA
# title: At contract end, data is returned and every copy deleted, with a certificate
# description: >-
#   At the end of the contract the vendor returns the municipality's data in a usable form and deletes
#   every copy within a declared number of days, with a deletion certificate. The deletion covers the
#   data, logs and backups; also RAG indexes when RAG is used, tuned weights when a model is fine-tuned,
#   and prompts and outputs when any AI model keeps them.
# custom:
#   id: LGAI-OPS-003
#   title_ja: 契約終了時の返却・消去
#   description_ja: >-
#     契約終了時、事業者は自治体のデータを利用可能な形式で返却し、宣言した日数以内にすべての複製を消去して消去証明を
#     提出する。消去の対象はデータ・ログ・バックアップのほか、RAG を使う場合は検索用の索引、追加学習を行う場合は
#     追加学習した重み、AIモデルが入力・出力を保持する場合はその入力(プロンプト)・出力を含む。
#   severity: high
#   family: operations
#   catalog: ["GL:CLOUD-008", "AIC:EXIT-001"]
#   source: "総務省 ガイドライン 業務委託と外部サービスの利用 (契約終了時の情報資産の返却・廃棄); 経済産業省 AIの利用・開発に関する契約チェックリスト (2025-02-18, 入力データの削除・返還)"
#   honesty: K/P
#   input: [architecture, attestation]
#   reads: ["exit.data_return", "exit.deletion", "exit.deletion_certificate", "exit.deadline_days", "exit.deletion_scope", "customization.rag", "customization.fine_tuning", "ai_models[].input_retention_days", "ai_models[].output_retention_days"]
#   params: []
#   remediation_ja: "契約書に、終了時のデータ返却、すべての複製(ログ・バックアップ・索引・追加学習の重みを含む)の消去、消去証明の提出と期限を定め、lgai.yaml の exit に記載する。"
#   remediation_en: Put data return, deletion of every copy (logs, backups, indexes, tuned weights), a deletion certificate and a deadline into the contract, and declare them under exit.
package lgai.rules.ops_003

import data.lgai.lib

exit_at := {"file": input._files.declaration, "path": "exit"}

deny contains lib.finding(exit_at, "data_return", ja, en, {"data_return": v}) if {
	v := input.exit.data_return
	v != true
	ja := "契約終了時のデータ返却が定められていない"
	en := "data is not returned at the end of the contract"
}

deny contains lib.finding(exit_at, "deletion", ja, en, {"deletion": v}) if {
	v := input.exit.deletion
	v != true
	ja := "契約終了時にすべての複製を消去することが定められていない"
	en := "not every copy is deleted at the end of the contract"
}

deny contains lib.finding(exit_at, "deletion_certificate", ja, en, {"deletion_certificate": v}) if {
	v := input.exit.deletion_certificate
	v != true
	ja := "消去証明の提出が定められていない"
	en := "no deletion certificate is provided"
}

deny contains lib.finding(exit_at, "deadline_days", ja, en, {"deadline_days": null}) if {
	input.exit.deadline_days == null
	ja := "契約終了から返却・消去までの期限(日数)が定められていない"
	en := "no deadline (days) for return and deletion after the contract ends is declared"
}

# What the deletion has to cover for this service.
required_scope contains "data"

required_scope contains "logs"

required_scope contains "backups"

required_scope contains "rag_indexes" if input.customization.rag == true

required_scope contains "tuned_weights" if input.customization.fine_tuning == true

required_scope contains x if {
	some m in input.ai_models
	keeps_inputs_or_outputs(m)
	some x in ["prompts", "outputs"]
}

keeps_inputs_or_outputs(m) if {
	m.input_retention_days != null
	m.input_retention_days > 0
}

keeps_inputs_or_outputs(m) if {
	m.output_retention_days != null
	m.output_retention_days > 0
}

deny contains lib.finding(exit_at, "deletion_scope", ja, en, {"missing": missing}) if {
	declared := {x | some x in input.exit.deletion_scope}
	missing := sort(required_scope - declared)
	count(missing) > 0
	ja := sprintf("契約終了時の消去の対象に %s が含まれていない", [concat(", ", missing)])
	en := sprintf("the deletion at the end of the contract does not cover %s", [concat(", ", missing)])
}
