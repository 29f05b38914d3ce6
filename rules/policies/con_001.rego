# METADATA
# title: Every region used in the IaC is declared
# description: >-
#   The regions where the IaC places resources — and their replication and backup destinations — are regions
#   the declaration names (components[].region, components[].backup.region, components[].logging.region,
#   ai_models[].hosting_region). A region that appears only in the IaC means data may be stored or processed
#   somewhere the municipality was not told about. Names are compared in lowercase without spaces
#   ("Japan East" = japaneast). IAM and provider-neutral resources have no location and are not compared.
# custom:
#   id: LGAI-CON-001
#   title_ja: IaC のリージョンが申告されている
#   description_ja: >-
#     IaC がリソースを置くリージョンとその複製・バックアップ先は、申告 (components[].region・backup.region・logging.region、ai_models[].hosting_region)
#     にあるリージョンでなければならない。IaC にだけ現れる
#     リージョンは、自治体に知らされていない場所でデータが保存・処理されうることを意味する。リージョン名は
#     小文字・空白なしで比較する (Japan East = japaneast)。IAM など場所を持たないリソースは比較しない。
#   severity: high
#   family: location
#   catalog: ["GL:CLOUD-004", "AIC:LOC-001"]
#   source: "総務省 ガイドライン 外部サービスの利用 (所在地); AI catalog LOC-001 (所在地の申告)"
#   honesty: K/P
#   input: [architecture, iac]
#   reads: ["iac.resources[].region", "iac.resources[].extra_regions", "iac.resources[].category", "components[].region", "components[].backup.region", "components[].logging.region", "ai_models[].hosting_region"]
#   params: []
#   remediation_ja: >-
#     IaC と申告を一致させる。使うリージョンを lgai.yaml の components[].region (バックアップ先は backup.region、
#     ログは logging.region、AI は ai_models[].hosting_region) に記載するか、IaC のリージョン (provider の region、location)
#     を申告どおりに直す。
#   remediation_en: >-
#     Make the IaC and the declaration agree: declare every region used in lgai.yaml (components[].region, backup.region
#     for backups, logging.region for logs, ai_models[].hosting_region for AI) or move the resource (provider region,
#     location) to a declared region.
package lgai.rules.con_001

import data.lgai.lib

located contains r if {
	some r in input.iac.resources
	not r.category in {"iam", "other"}
	used_regions(r) != set()
}

used_regions(r) := {lib.iac_region(x) | some x in array.concat([r.region], r.extra_regions); x != null}

declared contains lib.iac_region(c.region) if {
	some c in input.components
	c.region != null
}

declared contains lib.iac_region(c.backup.region) if {
	some c in input.components
	c.backup.region != null
}

declared contains lib.iac_region(c.logging.region) if {
	some c in input.components
	c.logging.region != null
}

declared contains lib.iac_region(m.hosting_region) if {
	some m in input.ai_models
	m.hosting_region != null
}

deny contains lib.finding(r._at, "region", ja, en, {"type": r.type, "region": r.region, "declared": sort(declared)}) if {
	some r in located
	r.region != null
	not lib.iac_region(r.region) in declared
	ja := sprintf("%s (%s) のリージョン %s が申告にない (申告: %s)", [r.address, r.type, r.region, concat(", ", sort(declared))])
	en := sprintf("%s (%s) is in %s, which the declaration does not name (declared: %s)", [r.address, r.type, r.region, concat(", ", sort(declared))])
}

deny contains lib.finding(r._at, "extra_regions", ja, en, {"type": r.type, "extra_regions": extra, "declared": sort(declared)}) if {
	some r in located
	extra := sort({x | some x in r.extra_regions; not lib.iac_region(x) in declared})
	count(extra) > 0
	ja := sprintf("%s (%s) の複製・バックアップ先 %s が申告にない (申告: %s)", [r.address, r.type, concat(", ", extra), concat(", ", sort(declared))])
	en := sprintf("%s (%s) replicates or backs up to %s, which the declaration does not name (declared: %s)", [r.address, r.type, concat(", ", extra), concat(", ", sort(declared))])
}

not_applicable contains lib.reason("IaC にリージョンを持つリソースがない", "no IaC resource has a region") if {
	count(located) == 0
}
