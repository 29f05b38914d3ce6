# METADATA
# title: Fine-tuning on municipal data is purpose-checked, exclusive, owned and deleted at exit
# description: >-
#   When the vendor fine-tunes (追加学習) a model with municipal data, the data used is declared
#   (customization.fine_tuning_assets); tuning on personal information is confirmed to be within the purpose of
#   use; the tuned model serves this municipality only; a contract clause fixes the rights to the tuned model;
#   the tuned weights are deleted at contract end; and where 機密性2+ data is used for tuning, every use case
#   declares that it trains on confidential information (a high-risk viewpoint of DS-920).
# custom:
#   id: LGAI-AI-006
#   title_ja: 自治体データでの追加学習
#   description_ja: >-
#     事業者が自治体のデータでモデルを追加学習する場合、使うデータを宣言し(customization.fine_tuning_assets)、
#     個人情報を使うときは利用目的の範囲内であることを確認する。追加学習したモデルは当該自治体の専用とし、
#     その権利帰属を契約で定め、契約終了時に重みを消去する。機密性2以上のデータで学習する場合は、
#     すべての用途で機密情報の学習(DS-920 高リスク判定の観点)を申告する(trains_on_confidential: true)。
#   severity: high
#   family: ai
#   catalog: ["GL:AI-008", "AIC:DATA-008"]
#   source: "デジタル庁 DS-920 生成AIの調達・利活用に係るガイドライン (2025-05-27, 高リスク判定シート: 機密情報の学習); 個人情報保護法 61条・69条 (利用目的による制限); 経済産業省 AIの利用・開発に関する契約チェックリスト (2025-02-18)"
#   honesty: V/S/P
#   input: [architecture, dataflows]
#   reads: ["customization.fine_tuning", "customization.fine_tuning_assets", "customization.purpose_checked", "customization.tuned_model_exclusive", "customization.tuned_model_rights", "assets[].personal_rank", "assets[].conf_rank", "exit.deletion_scope", "use_cases[].trains_on_confidential"]
#   params: []
#   remediation_ja: "追加学習に使うデータを customization.fine_tuning_assets に記載し、個人情報を含む場合は利用目的の範囲内であることを確認して purpose_checked: true とする。追加学習モデルを自治体専用とし(tuned_model_exclusive: true)、権利帰属を定めた契約条項を tuned_model_rights に記載し、exit.deletion_scope に tuned_weights を加える。機密性2以上で学習する場合は各用途で trains_on_confidential: true と申告する。"
#   remediation_en: Declare the tuning data in customization.fine_tuning_assets; confirm personal data is used within its purpose (purpose_checked true); make the tuned model exclusive to the municipality, cite the contract clause on its rights in tuned_model_rights, add tuned_weights to exit.deletion_scope; where 機密性2+ data is used, declare trains_on_confidential true for every use case.
package lgai.rules.ai_006

import data.lgai.lib

cust_at := {"file": input._files.declaration, "path": "customization"}

exit_at := {"file": input._files.declaration, "path": "exit"}

tuning if input.customization.fine_tuning == true

# Tuning assets with personal information, and with 機密性2 or above.
personal_assets := sort({id |
	some id in input.customization.fine_tuning_assets
	input.assets[id].personal_rank >= 1
})

confidential_assets := sort({id |
	some id in input.customization.fine_tuning_assets
	input.assets[id].conf_rank >= 2
})

blank(v) if v == null

blank(v) if {
	is_string(v)
	trim_space(v) == ""
}

deny contains lib.finding(cust_at, "fine_tuning_assets", ja, en, {"fine_tuning_assets": []}) if {
	tuning
	count(input.customization.fine_tuning_assets) == 0
	ja := "追加学習を行うが、学習に使うデータ (fine_tuning_assets) が宣言されていない"
	en := "the model is fine-tuned, but the data used for tuning (fine_tuning_assets) is not declared"
}

deny contains lib.finding(cust_at, "purpose_checked", ja, en, {"purpose_checked": input.customization.purpose_checked, "assets": personal_assets}) if {
	tuning
	count(personal_assets) > 0
	input.customization.purpose_checked != true
	ja := sprintf("個人情報を含むデータ (%s) で追加学習するが、利用目的の範囲内であることが確認されていない", [concat(", ", personal_assets)])
	en := sprintf("the model is fine-tuned on personal information (%s) without confirming that this is within the purpose of use", [concat(", ", personal_assets)])
}

deny contains lib.finding(cust_at, "tuned_model_exclusive", ja, en, {"tuned_model_exclusive": input.customization.tuned_model_exclusive}) if {
	tuning
	input.customization.tuned_model_exclusive != true
	ja := "追加学習したモデルが当該自治体の専用とされていない"
	en := "the fine-tuned model is not exclusive to the municipality"
}

deny contains lib.finding(cust_at, "tuned_model_rights", ja, en, {"tuned_model_rights": input.customization.tuned_model_rights}) if {
	tuning
	blank(input.customization.tuned_model_rights)
	ja := "追加学習したモデルの権利帰属・利用範囲を定めた契約条項が示されていない"
	en := "no contract clause fixes the rights to and the permitted use of the fine-tuned model"
}

deny contains lib.finding(exit_at, "deletion_scope", ja, en, {"deletion_scope": input.exit.deletion_scope}) if {
	tuning
	not "tuned_weights" in input.exit.deletion_scope
	ja := "追加学習したモデルの重み(アダプタを含む)が契約終了時の消去対象 (exit.deletion_scope) に含まれていない"
	en := "the fine-tuned weights (including adapters) are not in the deletion scope at contract end (exit.deletion_scope)"
}

deny contains lib.finding(u._at, "trains_on_confidential", ja, en, {"trains_on_confidential": u.trains_on_confidential, "assets": confidential_assets}) if {
	tuning
	count(confidential_assets) > 0
	some u in input.use_cases
	u.trains_on_confidential != true
	ja := sprintf("用途 %s: 機密性2以上のデータ (%s) で追加学習するのに、機密情報の学習 (trains_on_confidential) が申告されていない", [u.id, concat(", ", confidential_assets)])
	en := sprintf("use case %s: the model is fine-tuned on 機密性2+ data (%s), but the use case does not declare trains_on_confidential", [u.id, concat(", ", confidential_assets)])
}

not_applicable contains lib.reason(
	"自治体のデータで追加学習しない",
	"the service does not fine-tune models on municipal data",
) if {
	not tuning
}
