# METADATA
# title: Data taken out of the My Number segment by media or mail follows an approved procedure
# description: >-
#   Terminals and systems of the マイナンバー利用事務系 must not let data leave the segment by removable
#   media or e-mail except under a procedure the municipality has approved. Every data flow that starts
#   in the My Number segment (the segment itself or a component hosted in it) and is carried by
#   removable media or e-mail cites the approved procedure in flows[].procedure_id.
# custom:
#   id: LGAI-SEG-004
#   title_ja: マイナンバー利用事務系からの持出し手続
#   description_ja: >-
#     マイナンバー利用事務系の端末・システムからは、自治体が承認した手続によらない限り、電磁的記録媒体や
#     電子メールでデータを持ち出してはならない。マイナンバー利用事務系(セグメント自体またはそこに設置された
#     構成要素)を起点とし、電磁的記録媒体または電子メールで運ばれるデータの流れには、承認された手続の番号を
#     flows[].procedure_id に記載する。
#   severity: high
#   family: segmentation
#   catalog: ["GL:NET-002"]
#   source: "総務省 2015 新たな自治体情報セキュリティ対策の抜本的強化に向けて (マイナンバー利用事務系: 端末からの情報持出し不可); ガイドライン 情報システム全体の強靭性の向上 (マイナンバー利用事務系)"
#   honesty: S
#   input: [dataflows]
#   reads: ["flows[].from", "flows[].from_hosting", "flows[].transport", "flows[].procedure_id"]
#   params: []
#   remediation_ja: >-
#     マイナンバー利用事務系からの媒体・メールによる持出しをやめるか、自治体の承認を得た持出し手続
#     (申請・承認・記録)に従わせ、その手続の番号を flows[].procedure_id に記載する。
#   remediation_en: >-
#     Stop taking data out of the My Number segment by media or mail, or run it under a procedure the
#     municipality has approved (request, approval, record) and cite it in flows[].procedure_id.
package lgai.rules.seg_004

import data.lgai.lib

takeout_transports := {"removable_media", "email"}

# Flows that carry data out of the My Number segment by removable media or e-mail. from_hosting is
# the segment itself or the hosting of the source component.
takeouts contains f if {
	some f in input.flows
	f.from_hosting == "mynumber"
	f.transport in takeout_transports
}

deny contains lib.finding(f._at, "procedure_id", ja, en, {"transport": f.transport}) if {
	some f in takeouts
	not has_procedure(f)
	ja := sprintf("%s: マイナンバー利用事務系から%sでデータを持ち出すが、承認された手続(procedure_id)が示されていない", [f.id, transport_ja[f.transport]])
	en := sprintf("%s: data leaves the My Number segment by %s without citing an approved procedure (procedure_id)", [f.id, transport_en[f.transport]])
}

has_procedure(f) if {
	is_string(f.procedure_id)
	trim_space(f.procedure_id) != ""
}

transport_ja := {"removable_media": "電磁的記録媒体", "email": "電子メール"}

transport_en := {"removable_media": "removable media", "email": "e-mail"}

not_applicable contains lib.reason(
	"マイナンバー利用事務系から電磁的記録媒体・電子メールで持ち出すデータの流れがない",
	"no data flow leaves the My Number segment by removable media or e-mail",
) if {
	count(takeouts) == 0
}
