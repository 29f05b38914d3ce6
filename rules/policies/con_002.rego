# METADATA
# title: Encryption at rest declared for a component is configured in its IaC
# description: >-
#   When a component declares encryption at rest (components[].encryption.at_rest true), every IaC resource
#   linked to it (components[].iac_resources or the lgai-component tag) is actually encrypted at rest. A
#   declaration the IaC contradicts is wrong evidence for every other requirement.
# custom:
#   id: LGAI-CON-002
#   title_ja: 申告した保存時暗号化が IaC で設定されている
#   description_ja: >-
#     構成要素が保存時暗号化を申告している (components[].encryption.at_rest: true) 場合、その構成要素に対応付けた
#     IaC のリソース (components[].iac_resources または lgai-component タグ) は実際に暗号化されていなければならない。IaC
#     と矛盾する申告は、ほかの要件の根拠にもならない。
#   severity: high
#   family: encryption
#   catalog: ["GL:ENC-001"]
#   source: "総務省 ガイドライン 技術的セキュリティ (暗号化); 申告と構成の一致"
#   honesty: K/P
#   input: [architecture, iac]
#   reads: ["components[].encryption.at_rest", "components[].iac_resources", "iac.resources[].holds.components", "iac.resources[].encryption.at_rest"]
#   params: []
#   remediation_ja: >-
#     IaC で保存時暗号化を有効にする (aws_db_instance.storage_encrypted = true、aws_ebs_volume.encrypted = true、azurerm_storage_account
#     の infrastructure_encryption_enabled、google_compute_disk の disk_encryption_key、K8s
#     StorageClass の encrypted パラメータ)。暗号化しないなら申告を直す。
#   remediation_en: >-
#     Turn encryption at rest on in the IaC (aws_db_instance.storage_encrypted = true, aws_ebs_volume.encrypted = true,
#     azurerm_storage_account infrastructure_encryption_enabled, google_compute_disk disk_encryption_key, the encrypted
#     parameter of a K8s StorageClass), or correct the declaration.
package lgai.rules.con_002

import data.lgai.lib

declaring(r) := {cid | some cid in r.holds.components; input.components[cid].encryption.at_rest == true}

in_scope contains r if {
	some r in input.iac.resources
	count(declaring(r)) > 0
}

deny contains lib.finding(r._at, "encryption.at_rest", ja, en, {"type": r.type, "at_rest": false, "components": cids}) if {
	some r in in_scope
	r.encryption.at_rest == false
	cids := sort(declaring(r))
	ja := sprintf("%s (%s) は暗号化されていないが、構成要素 %s は保存時暗号化を申告している", [r.address, r.type, concat(", ", cids)])
	en := sprintf("%s (%s) is not encrypted at rest, but component(s) %s declare encryption at rest", [r.address, r.type, concat(", ", cids)])
}

not_applicable contains lib.reason(
	"保存時暗号化を申告した構成要素に対応付けられた IaC リソースがない",
	"no IaC resource is linked to a component that declares encryption at rest",
) if {
	count(in_scope) == 0
}
