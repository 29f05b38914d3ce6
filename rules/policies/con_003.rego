# METADATA
# title: Every public endpoint in the IaC is declared
# description: >-
#   An IaC resource that is reachable from the internet (public bucket or database, public AI endpoint,
#   internet-facing load balancer, a VM or Service with a public IP) belongs to a component that declares a
#   public endpoint (components[].public_endpoint true). A public resource linked to no component, or only to
#   components declared private, fails: the declaration the other requirements were judged on hides an
#   internet exposure. Network plumbing (security groups, public IP address objects) and IAM bindings are
#   judged through the resource they expose.
# custom:
#   id: LGAI-CON-003
#   title_ja: IaC の公開エンドポイントが申告されている
#   description_ja: >-
#     インターネットから到達できる IaC のリソース (公開バケット・DB、公開 AI エンドポイント、インターネット向け
#     ロードバランサー、パブリック IP を持つ VM・Service) は、公開エンドポイントを申告した構成要素
#     (components[].public_endpoint: true) に対応付けられていなければならない。どの構成要素にも対応付けられて
#     いない、または非公開と申告した構成要素だけに対応付けられた公開リソースは不適合 (ほかの要件の判定根拠と
#     なった申告がインターネットへの公開を隠している)。ネットワークの部品 (セキュリティグループ・パブリック IP
#     アドレス) と IAM の付与は、それが公開するリソースの側で判定する。
#   severity: high
#   family: access
#   catalog: ["GL:NET-011"]
#   source: "総務省 ガイドライン アクセス制御 (派生: 非公開エンドポイント); 申告と構成の一致"
#   honesty: P
#   input: [architecture, iac]
#   reads: ["iac.resources[].exposure.public", "iac.resources[].exposure.reasons", "iac.resources[].holds.components", "iac.resources[].category", "components[].public_endpoint", "components[].iac_resources"]
#   params: []
#   remediation_ja: >-
#     公開が意図どおりなら、リソースを構成要素に対応付け (components[].iac_resources または lgai-component タグ)、
#     その構成要素に public_endpoint: true を申告する。意図しない公開なら IaC で閉じる (aws_s3_bucket_public_access_block、aws_db_instance.publicly_accessible
#     = false、public_network_access_enabled = false、aws_lb.internal = true、K8s
#     Service type ClusterIP)。
#   remediation_en: >-
#     If the exposure is intended, link the resource to its component (components[].iac_resources or the lgai-component
#     tag) and declare public_endpoint: true on it. Otherwise close it in the IaC (aws_s3_bucket_public_access_block,
#     aws_db_instance.publicly_accessible = false, public_network_access_enabled = false, aws_lb.internal = true, a
#     ClusterIP K8s Service).
package lgai.rules.con_003

import data.lgai.lib

judged contains r if {
	some r in input.iac.resources
	not r.category in {"network", "iam"}
}

declared_public(r) if {
	some cid in r.holds.components
	input.components[cid].public_endpoint == true
}

deny contains lib.finding(r._at, "exposure.public", ja, en, {"type": r.type, "reasons": r.exposure.reasons, "components": r.holds.components}) if {
	some r in judged
	r.exposure.public == true
	count(r.holds.components) == 0
	ja := sprintf("%s (%s) はインターネットに公開されている (%s) が、どの構成要素にも対応付けられておらず申告されていない", [r.address, r.type, concat(", ", r.exposure.reasons)])
	en := sprintf("%s (%s) is public (%s) but linked to no declared component", [r.address, r.type, concat(", ", r.exposure.reasons)])
}

deny contains lib.finding(r._at, "exposure.public", ja, en, {"type": r.type, "reasons": r.exposure.reasons, "components": r.holds.components}) if {
	some r in judged
	r.exposure.public == true
	count(r.holds.components) > 0
	not declared_public(r)
	ja := sprintf("%s (%s) はインターネットに公開されている (%s) が、構成要素 %s は公開エンドポイントを申告していない", [r.address, r.type, concat(", ", r.exposure.reasons), concat(", ", r.holds.components)])
	en := sprintf("%s (%s) is public (%s) but component(s) %s declare no public endpoint", [r.address, r.type, concat(", ", r.exposure.reasons), concat(", ", r.holds.components)])
}

not_applicable contains lib.reason("IaC がない", "no IaC") if {
	count(judged) == 0
}
