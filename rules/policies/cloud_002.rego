# METADATA
# title: The cloud services used are inside the ISMAP registered scope
# description: >-
#   An ISMAP (or ISMAP-LIU) registration covers only the services in its stated scope (言明対象範囲); a
#   registered provider does not make every product it sells registered. Every component that receives
#   機密性2 or above and runs on an ISMAP-registered provider names the cloud service it uses
#   (components[].cloud_service), and that service is in the provider's registered scope
#   (providers[].ismap.scope). Where the service or the scope is not declared, a document must show it.
# custom:
#   id: LGAI-CLOUD-002
#   title_ja: ISMAP の言明対象範囲
#   description_ja: >-
#     ISMAP・ISMAP-LIU の登録は言明対象範囲に含まれるサービスにのみ及び、登録事業者の他の製品までは含まない。
#     機密性2以上を受け取り、ISMAP 登録事業者の上で動く構成要素は、利用するクラウドサービス名(components[].cloud_service)を
#     宣言し、それが事業者の言明対象範囲(providers[].ismap.scope)に含まれること。
#     サービス名または言明対象範囲が宣言されていない場合は、文書で確認する。
#   severity: high
#   family: cloud
#   catalog: ["GL:CLOUD-003"]
#   source: "ISMAP 制度 (言明対象範囲); ISMAP ポータル KB0011070 生成AIサービスに関する留意点 (2026-01-09)"
#   honesty: S
#   input: [architecture, attestation]
#   reads: ["components[].provider", "components[].cloud_service", "components[].received", "providers[].ismap.kind", "providers[].ismap.scope"]
#   params: []
#   remediation_ja: >-
#     ISMAP クラウドサービスリストで言明対象範囲を確認し、各構成要素が使うサービス名を components[].cloud_service に、
#     登録の言明対象範囲を providers[].ismap.scope に記載する。範囲外のサービスは、範囲内のサービスに替えるか
#     機密性2以上のデータを扱わせない。
#   remediation_en: >-
#     Check the registered scope on the ISMAP cloud service list; declare the service each component uses in
#     components[].cloud_service and the registered scope in providers[].ismap.scope. Replace services outside the scope,
#     or keep 機密性2+ data away from them.
package lgai.rules.cloud_002

import data.lgai.lib

registered_kinds := {"ismap", "ismap_liu"}

subjects contains c if {
	some c in input.components
	c.received.conf_rank_max >= 2
	registered(c.provider)
}

registered(pid) if input.providers[pid].ismap.kind in registered_kinds

norm(s) := lower(trim_space(s))

scope_of(pid) := {norm(s) | some s in input.providers[pid].ismap.scope}

undetermined contains lib.finding(c._at, "cloud_service", ja, en, {"provider": c.provider}) if {
	some c in subjects
	c.cloud_service == null
	ja := sprintf("%s は機密性2以上を扱うが、利用するクラウドサービス名が宣言されておらず、ISMAP の言明対象範囲に含まれるか分からない", [c.id])
	en := sprintf("%s handles 機密性2+ data but does not name the cloud service it uses, so ISMAP scope coverage is unknown", [c.id])
}

undetermined contains lib.finding(p._at, "ismap.scope", ja, en, {"registration_id": p.ismap.registration_id}) if {
	some c in subjects
	c.cloud_service != null
	p := input.providers[c.provider]
	count(p.ismap.scope) == 0
	ja := sprintf("%s のISMAP登録 %s の言明対象範囲が宣言されていない", [p.name, p.ismap.registration_id])
	en := sprintf("the registered scope of ISMAP registration %s of %s is not declared", [p.ismap.registration_id, p.name])
}

deny contains lib.finding(c._at, "cloud_service", ja, en, {"cloud_service": c.cloud_service, "provider": p.id, "scope": p.ismap.scope}) if {
	some c in subjects
	c.cloud_service != null
	p := input.providers[c.provider]
	count(p.ismap.scope) > 0
	not norm(c.cloud_service) in scope_of(p.id)
	ja := sprintf("%s が利用する %s は、%s のISMAP登録 %s の言明対象範囲に含まれない", [c.id, c.cloud_service, p.name, p.ismap.registration_id])
	en := sprintf("%s uses %s, which is outside the registered scope of ISMAP registration %s of %s", [c.id, c.cloud_service, p.ismap.registration_id, p.name])
}

not_applicable contains lib.reason(
	"機密性2以上を受け取り、ISMAP・ISMAP-LIU 登録事業者の上で動く構成要素がない",
	"no component that receives 機密性2+ data runs on an ISMAP or ISMAP-LIU registered provider",
) if {
	count(subjects) == 0
}
