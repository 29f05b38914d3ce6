# METADATA
# title: The service is declared for the municipality's network model
# description: >-
#   The α, α′, β and β′ models decide what may connect where. The declaration names the models the service
#   is offered for; a check run for a model (--profile) that the declaration does not list fails, because the
#   connection rules were never designed for it.
# custom:
#   id: LGAI-GOV-001
#   title_ja: ネットワークモデルの宣言
#   description_ja: >-
#     α・α′・β・β′ のモデルにより接続できる範囲が変わる。宣言には対象モデルを記載し、宣言にないモデル
#     (--profile) で検査した場合は不適合とする。
#   severity: high
#   family: governance
#   catalog: ["GL:GOV-001"]
#   source: "総務省 ガイドライン R2.12 (β/β′), R6.10 (α′) 情報システム全体の強靭性の向上"
#   honesty: P/S
#   input: [architecture]
#   reads: ["network_models"]
#   params: []
#   remediation_ja: 対象とするネットワークモデルを network_models に記載し、そのモデルでの接続経路を設計する。
#   remediation_en: List the network models the service supports in network_models and design its paths for each.
package lgai.rules.gov_001

import data.lgai.lib

deny contains lib.finding({"file": input._files.declaration, "path": ""}, "network_models", ja, en, {"profile": p, "declared": input.profile.declared_models}) if {
	p := input.profile.selected
	p != null
	not p in input.profile.declared_models
	ja := sprintf("サービスは %s モデル向けに宣言されていない (宣言: %v)", [p, input.profile.declared_models])
	en := sprintf("the service is not declared for the %s model (declared: %v)", [p, input.profile.declared_models])
}
