# METADATA
# title: Vendor components handling availability-2 data are redundant
# description: >-
#   Every vendor component (not a municipal system) that receives data of availability class 2 runs
#   redundantly across availability zones or regions, so that the failure of one zone or machine does not
#   stop the work. Not declaring redundancy fails like declaring a single instance.
# custom:
#   id: LGAI-OPS-007
#   title_ja: 可用性2の冗長化
#   description_ja: >-
#     可用性2のデータを受け取る事業者側の構成要素は、複数のアベイラビリティゾーンまたはリージョンで冗長化し、
#     1つのゾーンや機器の障害で業務が止まらないようにする。冗長化の宣言がない場合は単一構成と同じく不適合。
#   severity: medium
#   family: operations
#   catalog: ["GL:OPS-002"]
#   source: "総務省 ガイドライン 情報資産の分類と管理 (可用性の分類); 総務省 クラウドサービス事業者への要請 (2020-06)"
#   honesty: K
#   input: [architecture, dataflows]
#   reads: ["components[].hosting", "components[].received", "components[].redundancy"]
#   params: []
#   remediation_ja: "可用性2のデータを扱う構成要素を複数のアベイラビリティゾーン(またはリージョン)に配置し、components[].redundancy: multi_zone(または multi_region)と記載する。"
#   remediation_en: Run components that handle availability-2 data across availability zones (or regions) and declare components[].redundancy multi_zone (or multi_region).
package lgai.rules.ops_007

import data.lgai.lib

subjects contains c if {
	some c in input.components
	not c.hosting in lib.municipal_segments
	c.received.avail_rank_max == 2
}

deny contains lib.finding(c._at, "redundancy", ja, en, {"redundancy": r}) if {
	some c in subjects
	r := c.redundancy
	r in {null, "single"}
	ja := sprintf("%s は可用性2のデータを扱うが冗長化されていない (%v)", [c.id, r])
	en := sprintf("%s handles availability-2 data but is not redundant (%v)", [c.id, r])
}

not_applicable contains lib.reason(
	"可用性2のデータを受け取る事業者側の構成要素がない",
	"no vendor component receives availability-2 data",
) if {
	count(subjects) == 0
}
