# METADATA
# title: Personal data is minimised when it leaves the municipality
# description: >-
#   Every flow that carries personal information from a municipal segment to an outsourced service
#   (LGWAN-ASP, public cloud, Gov-Cloud) declares the minimisation applied at the hand-off (mask,
#   pseudonymise, field_filter or aggregate) and who performs it (the municipality or the vendor). A flow
#   declared as sent without minimisation (none) needs a document that justifies every field it carries.
# custom:
#   id: LGAI-DATA-006
#   title_ja: 受渡し時の最小化
#   description_ja: >-
#     自治体のセグメントから外部のサービス(LGWAN-ASP・パブリッククラウド・ガバメントクラウド)へ個人情報を運ぶデータの流れは、
#     受渡し時の最小化の方法(mask・pseudonymise・field_filter・aggregate)と実施者(自治体または事業者)を宣言する。
#     最小化しない(none)と宣言した流れは、運ぶ項目それぞれの必要性を文書で示す。
#   severity: medium
#   family: data
#   catalog: ["GL:DATA-006", "AIC:DATA-006"]
#   source: "個人情報の保護に関する法律 第61条 (保有の制限: 利用目的の達成に必要な範囲); 総務省 自治体AI共同開発推進事業 公募 (2020-04-17, 自治体ネットワークとクラウドAIの間のデータの受渡し); 最小化の方法と実施者の宣言は提案"
#   honesty: V/P
#   input: [dataflows]
#   reads: ["flows[].personal_rank", "flows[].from_hosting", "flows[].to_hosting", "flows[].minimization", "flows[].minimization_by"]
#   params: []
#   remediation_ja: >-
#     外部へ渡す前に、業務に不要な項目の除去(field_filter)・マスキング(mask)・仮名化(pseudonymise)・集計(aggregate)の
#     いずれかを行い、flows[].minimization と実施者 flows[].minimization_by を記載する。最小化しない場合は、全項目が必要である
#     理由を文書にまとめて表明する。
#   remediation_en: >-
#     Before the hand-off, filter out fields the task does not need, mask, pseudonymise or aggregate, and declare the method in
#     flows[].minimization and who applies it in flows[].minimization_by. Where nothing is minimised, justify every field in a
#     document and attest it.
package lgai.rules.data_006

import data.lgai.lib

handoffs contains f if {
	some f in input.flows
	f.personal_rank >= 1
	f.from_hosting in lib.municipal_segments
	f.to_hosting in lib.outsourced_hosting
}

deny contains lib.finding(f._at, "minimization", ja, en, {"asset": f.asset, "from": f.from_hosting, "to": f.to_hosting}) if {
	some f in handoffs
	f.minimization == null
	ja := sprintf("%s: 個人情報 %s を %s から %s へ渡すが、最小化の方法が宣言されていない", [f.id, f.asset, f.from_hosting, f.to_hosting])
	en := sprintf("%s hands personal information %s from %s to %s without declaring how it is minimised", [f.id, f.asset, f.from_hosting, f.to_hosting])
}

deny contains lib.finding(f._at, "minimization_by", ja, en, {"minimization": f.minimization}) if {
	some f in handoffs
	f.minimization != null
	f.minimization != "none"
	f.minimization_by == null
	ja := sprintf("%s: 最小化(%s)を行う者(自治体・事業者)が宣言されていない", [f.id, f.minimization])
	en := sprintf("%s: who applies the minimisation (%s), the municipality or the vendor, is not declared", [f.id, f.minimization])
}

undetermined contains lib.finding(f._at, "minimization", ja, en, {"minimization": "none", "asset": f.asset}) if {
	some f in handoffs
	f.minimization == "none"
	ja := sprintf("%s: 個人情報 %s を最小化せずに外部へ渡す。運ぶ項目それぞれが業務に必要であることを文書で示す必要がある", [f.id, f.asset])
	en := sprintf("%s hands personal information %s over without minimisation; a document must justify every field it carries", [f.id, f.asset])
}

not_applicable contains lib.reason(
	"自治体のセグメントから外部のサービスへ個人情報を渡すデータの流れがない",
	"no data flow hands personal information from a municipal segment to an outsourced service",
) if {
	count(handoffs) == 0
}
