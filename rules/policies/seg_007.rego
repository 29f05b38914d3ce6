# METADATA
# title: Municipal internet traffic is not made to bypass the prefectural security cloud
# description: >-
#   Municipal internet traffic leaves through the prefecture's 自治体情報セキュリティクラウド, which
#   monitors it centrally. The service's design must not make municipal terminals bypass it: a client
#   agent that routes traffic past it (split tunnelling) fails. When the service needs an agent on
#   municipal terminals and does not say whether it split-tunnels, only a document can settle it.
# custom:
#   id: LGAI-SEG-007
#   title_ja: 自治体情報セキュリティクラウドの迂回
#   description_ja: >-
#     自治体のインターネット通信は、都道府県の自治体情報セキュリティクラウドを経由して集約・監視される。
#     サービスの設計が、自治体端末の通信にこれを迂回させてはならない。端末側エージェントが
#     自治体情報セキュリティクラウドを経由しない通信(スプリットトンネル)を行う場合は不適合とする。
#     自治体端末に専用エージェントが必要なのにスプリットトンネルの有無が宣言されていない場合は、
#     文書による確認を求める。
#   severity: medium
#   family: segmentation
#   catalog: ["GL:NET-010"]
#   source: "総務省 2015 新たな自治体情報セキュリティ対策の抜本的強化に向けて (自治体情報セキュリティクラウド); ガイドライン 情報システム全体の強靭性の向上"
#   honesty: S
#   input: [architecture, attestation]
#   reads: ["municipal_client.agent_required", "municipal_client.split_tunnel"]
#   params: []
#   remediation_ja: >-
#     端末側エージェントの通信を自治体情報セキュリティクラウド経由とし(スプリットトンネルを使わない)、
#     municipal_client.split_tunnel: false と記載する。判断できない場合は設計書を証跡として表明する。
#   remediation_en: >-
#     Route the client agent's traffic through the prefectural security cloud (no split tunnel) and
#     declare municipal_client.split_tunnel false, or attest it with the design document.
package lgai.rules.seg_007

import data.lgai.lib

client_at := {"file": input._files.declaration, "path": "municipal_client"}

split_tunnel := object.get(input, ["municipal_client", "split_tunnel"], null)

agent_required := object.get(input, ["municipal_client", "agent_required"], false)

deny contains lib.finding(client_at, "split_tunnel", ja, en, {"split_tunnel": true}) if {
	split_tunnel == true
	ja := "自治体端末の通信が自治体情報セキュリティクラウドを経由しない(スプリットトンネル)"
	en := "municipal terminals' traffic bypasses the prefectural security cloud (split tunnel)"
}

undetermined contains lib.finding(client_at, "split_tunnel", ja, en, {"agent_required": true, "split_tunnel": null}) if {
	agent_required == true
	split_tunnel == null
	ja := "自治体端末に専用エージェントが必要だが、自治体情報セキュリティクラウドを迂回するか(split_tunnel)が宣言されていない"
	en := "a client agent is required on municipal terminals, but whether it bypasses the prefectural security cloud (split_tunnel) is not declared"
}
