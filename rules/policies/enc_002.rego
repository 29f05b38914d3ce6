# METADATA
# title: 機密性2+ data is encrypted in transit with TLS 1.2 or later
# description: >-
#   Every flow of data of confidentiality class 2 or above (or personal data) over a network, including
#   LGWAN and closed lines, uses TLS at or above the minimum version; components that receive such data
#   accept no older TLS.
# custom:
#   id: LGAI-ENC-002
#   title_ja: 通信の暗号化 (TLS 1.2 以上)
#   description_ja: >-
#     機密性2以上・個人情報のデータの流れは、LGWAN・閉域網を含め、最低TLSバージョン以上で暗号化する。
#     それらを受け取る構成要素も古いTLSを受け付けない。
#   severity: high
#   family: encryption
#   catalog: ["GL:ENC-003", "AIC:SEC-001"]
#   source: "総務省 ガイドライン 技術的セキュリティ; CRYPTREC 暗号リスト / TLS暗号設定ガイドライン"
#   honesty: K/P
#   input: [dataflows, architecture]
#   reads: ["flows[].tls_min_version", "flows[].transport", "components[].encryption.tls_min_version"]
#   params: [min_tls_version]
#   remediation_ja: TLS 1.2 以上を必須にし、flows[].tls_min_version と components[].encryption.tls_min_version に記載する。
#   remediation_en: Require TLS 1.2 or later and declare it in flows[].tls_min_version and components[].encryption.tls_min_version.
package lgai.rules.enc_002

import data.lgai.lib

network_transports := {"lgwan", "closed_network", "vpn", "private_link", "internet", "email"}

protected_flows contains f if {
	some f in input.flows
	lib.protected({"conf_rank_max": f.conf_rank, "personal_rank_max": f.personal_rank})
	f.transport in network_transports
}

deny contains lib.finding(f._at, "tls_min_version", ja, en, {"tls_min_version": f.tls_min_version}) if {
	some f in protected_flows
	f.tls_min_version == null
	ja := sprintf("%s: 機密性2以上・個人情報の通信の暗号化が宣言されていない", [f.id])
	en := sprintf("%s: encryption in transit of 機密性2+/personal data is not declared", [f.id])
}

deny contains lib.finding(f._at, "tls_min_version", ja, en, {"tls_min_version": f.tls_min_version, "minimum": data.lgai.params.min_tls_version}) if {
	some f in protected_flows
	f.tls_min_version != null
	lib.tls_below_min(f.tls_min_version)
	ja := sprintf("%s: TLS %s は最低 %s を下回る", [f.id, f.tls_min_version, data.lgai.params.min_tls_version])
	en := sprintf("%s: TLS %s is below the minimum %s", [f.id, f.tls_min_version, data.lgai.params.min_tls_version])
}

deny contains lib.finding(c._at, "encryption.tls_min_version", ja, en, {"tls_min_version": v}) if {
	some c in input.components
	lib.protected(c.received)
	v := c.encryption.tls_min_version
	v != null
	lib.tls_below_min(v)
	ja := sprintf("%s が TLS %s を受け付ける (最低 %s)", [c.id, v, data.lgai.params.min_tls_version])
	en := sprintf("%s accepts TLS %s (minimum %s)", [c.id, v, data.lgai.params.min_tls_version])
}

not_applicable contains lib.reason(
	"ネットワークを通る機密性2以上・個人情報のデータの流れがない",
	"no flow carries 機密性2+ or personal data over a network",
) if {
	count(protected_flows) == 0
}
