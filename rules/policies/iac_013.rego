# METADATA
# title: Container images are pinned and container registries scan images
# description: >-
#   Every container image a workload or task definition in IaC runs is pinned to a fixed tag or digest (no
#   `latest`, no missing tag), so that what was scanned and tested is what runs; every container registry
#   defined in IaC scans images for known vulnerabilities (scan on push / Defender for Containers / Artifact
#   Analysis).
# custom:
#   id: LGAI-IAC-013
#   title_ja: コンテナイメージの固定と脆弱性スキャン
#   description_ja: >-
#     IaC のワークロード・タスク定義が実行するコンテナイメージは固定のタグまたはダイジェストを指定する (latest や
#     タグなしにしない。スキャン・試験したものを動かすため)。IaC で定義したコンテナレジストリはイメージの
#     脆弱性スキャン (プッシュ時スキャン・Defender for Containers・Artifact Analysis) を有効にする。
#   severity: medium
#   family: operations
#   catalog: ["GL:VULN-001"]
#   source: "総務省 ガイドライン セキュリティ情報の収集・不正アクセス対策 (脆弱性対策)"
#   honesty: K/P
#   input: [iac]
#   reads: ["iac.resources[].workload.containers[].image", "iac.resources[].workload.containers[].image_pinned", "iac.resources[].category", "iac.resources[].image_scanning"]
#   params: []
#   remediation_ja: >-
#     イメージをダイジェスト (image: repo@sha256:…) か固定のバージョンタグで指定する。レジストリのスキャンを有効にする
#     (aws_ecr_repository の image_scanning_configuration.scan_on_push = true と image_tag_mutability = "IMMUTABLE"、Azure
#     の Microsoft Defender for Containers (azurerm_security_center_subscription_pricing resource_type =
#     "Containers")、google_project_service で containerscanning.googleapis.com を有効化)。
#   remediation_en: >-
#     Reference images by digest (repo@sha256:…) or a fixed version tag. Turn registry scanning on
#     (aws_ecr_repository image_scanning_configuration.scan_on_push = true with image_tag_mutability = "IMMUTABLE";
#     Microsoft Defender for Containers via azurerm_security_center_subscription_pricing resource_type = "Containers";
#     containerscanning.googleapis.com enabled with google_project_service).
package lgai.rules.iac_013

import data.lgai.lib

with_containers contains r if {
	some r in input.iac.resources
	r.workload != null
	count(r.workload.containers) > 0
}

registries contains r if {
	some r in input.iac.resources
	r.category == "registry"
}

deny contains lib.finding(r._at, sprintf("workload.containers[%d].image", [n]), ja, en, {"container": c.name, "image": c.image, "image_pinned": false}) if {
	some r in with_containers
	some n, c in r.workload.containers
	c.image_pinned == false
	ja := sprintf("%s のコンテナ %s のイメージ %v がタグ・ダイジェストで固定されていない", [r.address, c.name, c.image])
	en := sprintf("container %s of %s runs image %v, which is not pinned to a tag or digest", [c.name, r.address, c.image])
}

deny contains lib.finding(r._at, "image_scanning", ja, en, {"type": r.type, "image_scanning": false}) if {
	some r in registries
	r.image_scanning == false
	ja := sprintf("コンテナレジストリ %s (%s) のイメージスキャンが無効", [r.address, r.type])
	en := sprintf("container registry %s (%s) does not scan images", [r.address, r.type])
}

not_applicable contains lib.reason("IaC にコンテナもコンテナレジストリもない", "no container or container registry in IaC") if {
	count(with_containers) == 0
	count(registries) == 0
}
