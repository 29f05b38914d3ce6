# METADATA
# title: IaC listeners and endpoints use TLS 1.2 or later, no plain HTTP and no weak ciphers
# description: >-
#   Every listener, gateway, API endpoint or store endpoint defined in IaC that carries 機密性2+ or personal
#   data (or is not linked to a declared component, and so is assumed to) serves TLS at or above the minimum
#   version, offers no deprecated cipher (3DES, RC4, SHA-1 signatures), and does not serve plain HTTP unless
#   it only redirects to HTTPS. A plain HTTP listener whose redirect the template does not settle needs an
#   attestation.
# custom:
#   id: LGAI-IAC-003
#   title_ja: IaC の通信暗号化 (TLS 1.2 以上・平文 HTTP なし・弱い暗号なし)
#   description_ja: >-
#     機密性2以上・個人情報を扱う (構成要素に対応付けられていないものは扱うと仮定) IaC のリスナー・ゲートウェイ・API
#     エンドポイント・ストアのエンドポイントは、最低TLSバージョン以上を使い、非推奨の暗号 (3DES・RC4・SHA-1
#     署名) を許可せず、HTTPS へのリダイレクト以外に平文 HTTP を提供しない。HTTP リスナーのリダイレクトを
#     テンプレートから判断できない場合は表明が必要。
#   severity: high
#   family: encryption
#   catalog: ["GL:ENC-003", "GL:ENC-004", "AIC:SEC-001"]
#   source: "総務省 ガイドライン 技術的セキュリティ (暗号化); CRYPTREC 暗号リスト / TLS暗号設定ガイドライン; AI catalog SEC-001"
#   honesty: K/P
#   input: [iac]
#   reads: ["iac.resources[].tls.protocol", "iac.resources[].tls.redirects_to_https", "iac.resources[].tls.min_version", "iac.resources[].tls.policy", "iac.resources[].tls.weak_ciphers", "iac.resources[].holds"]
#   params: [min_tls_version]
#   remediation_ja: >-
#     HTTPS/TLS のみで提供し、HTTP は HTTPS へリダイレクトする (aws_lb_listener の default_action を redirect
#     (protocol = "HTTPS")、google_compute_url_map の https_redirect、K8s Ingress の ssl-redirect)。TLS 1.2 以上の
#     ポリシーを使う (aws_lb_listener.ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"、azurerm_storage_account.min_tls_version
#     = "TLS1_2"、azurerm_application_gateway の ssl_policy、google_compute_ssl_policy.min_tls_version
#     = "TLS_1_2"、aws_cloudfront_distribution の
#     minimum_protocol_version = "TLSv1.2_2021")。
#   remediation_en: >-
#     Serve HTTPS/TLS only and redirect HTTP to HTTPS (aws_lb_listener default_action redirect with protocol "HTTPS",
#     google_compute_url_map https_redirect, the K8s Ingress ssl-redirect annotation). Use a TLS 1.2+ policy
#     (aws_lb_listener.ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06", azurerm_storage_account.min_tls_version =
#     "TLS1_2", azurerm_application_gateway ssl_policy, google_compute_ssl_policy.min_tls_version = "TLS_1_2",
#     aws_cloudfront_distribution minimum_protocol_version = "TLSv1.2_2021").
package lgai.rules.iac_003

import data.lgai.lib

endpoints contains r if {
	some r in input.iac.resources
	r.tls != null
	lib.iac_protected(r)
}

plain_http(r) if {
	is_string(r.tls.protocol)
	upper(r.tls.protocol) == "HTTP"
}

deny contains lib.finding(r._at, "tls.protocol", ja, en, {"type": r.type, "protocol": r.tls.protocol, "redirects_to_https": false}) if {
	some r in endpoints
	plain_http(r)
	r.tls.redirects_to_https == false
	ja := sprintf("%s (%s) が平文 HTTP を提供している (HTTPS へのリダイレクトなし)", [r.address, r.type])
	en := sprintf("%s (%s) serves plain HTTP (no redirect to HTTPS)", [r.address, r.type])
}

undetermined contains lib.finding(r._at, "tls.redirects_to_https", ja, en, {"type": r.type, "protocol": r.tls.protocol}) if {
	some r in endpoints
	plain_http(r)
	r.tls.redirects_to_https == null
	ja := sprintf("%s (%s) は HTTP リスナーで、HTTPS へリダイレクトするかをテンプレートから判断できない", [r.address, r.type])
	en := sprintf("%s (%s) listens on HTTP; the template does not show whether it redirects to HTTPS", [r.address, r.type])
}

deny contains lib.finding(r._at, "tls.min_version", ja, en, values) if {
	some r in endpoints
	v := r.tls.min_version
	v != null
	lib.tls_below_min(v)
	values := {"type": r.type, "min_version": v, "policy": r.tls.policy, "minimum": data.lgai.params.min_tls_version}
	ja := sprintf("%s (%s) が TLS %s を受け付ける (最低 %s)", [r.address, r.type, v, data.lgai.params.min_tls_version])
	en := sprintf("%s (%s) accepts TLS %s (minimum %s)", [r.address, r.type, v, data.lgai.params.min_tls_version])
}

deny contains lib.finding(r._at, "tls.weak_ciphers", ja, en, {"type": r.type, "weak_ciphers": r.tls.weak_ciphers, "policy": r.tls.policy}) if {
	some r in endpoints
	count(r.tls.weak_ciphers) > 0
	ja := sprintf("%s (%s) が非推奨の暗号を許可している: %s", [r.address, r.type, concat(", ", r.tls.weak_ciphers)])
	en := sprintf("%s (%s) allows deprecated ciphers: %s", [r.address, r.type, concat(", ", r.tls.weak_ciphers)])
}

not_applicable contains lib.reason(
	"IaC に機密性2以上を扱うリスナー・エンドポイントの TLS 設定がない",
	"no IaC listener or endpoint carrying 機密性2+ data has TLS settings",
) if {
	count(endpoints) == 0
}
