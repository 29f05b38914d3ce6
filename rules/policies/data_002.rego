# METADATA
# title: Every data store has a known data classification
# description: >-
#   Every component that stores data (storage, database, vector store, log store, queue) receives at
#   least one declared data flow, so that the classification (confidentiality, integrity, availability,
#   personal-information type) of what it keeps is known. A store that no flow reaches keeps data of
#   unknown classification, and every other data rule is blind to it.
# custom:
#   id: LGAI-DATA-002
#   title_ja: 保存先のデータ分類
#   description_ja: >-
#     データを保存する構成要素(storage・database・vector_store・log_store・queue)には、宣言されたデータの流れが
#     少なくとも1つ入っており、保存するデータの分類(機密性・完全性・可用性・個人情報の種別)が分かること。
#     どの流れも届かない保存先は、分類の分からないデータを保存していることになり、他のデータ要件で検査できない。
#   severity: high
#   family: data
#   catalog: ["GL:DATA-001"]
#   source: "総務省 地方公共団体における情報セキュリティポリシーに関するガイドライン 対策基準 情報資産の分類と管理"
#   honesty: K
#   input: [architecture, dataflows]
#   reads: ["components[].kind", "components[].received", "flows[].to", "flows[].asset"]
#   params: []
#   remediation_ja: >-
#     この保存先に入るデータを dataflows.yaml の assets に分類付きで登録し、その資産を保存先へ送る flows を
#     記載する(ログ・キュー・ベクトル索引も、保存する内容ごとに資産として記載する)。
#   remediation_en: >-
#     Declare the data this store keeps as classified assets in dataflows.yaml and add the flows that carry them to the
#     store (logs, queues and vector indexes too, one asset per kind of content).
package lgai.rules.data_002

import data.lgai.lib

stores contains c if {
	some c in input.components
	c.kind in lib.storing_kinds
}

# The finding points at `kind`: it is the kind that makes the component a store whose contents
# must be classified; the component has no field that names its data (that is done by flows).
deny contains lib.finding(c._at, "kind", ja, en, {"kind": c.kind}) if {
	some c in stores
	count(c.received.assets) == 0
	ja := sprintf("保存先 %s (%s) に入るデータの流れが宣言されておらず、保存するデータの分類が分からない", [c.id, c.kind])
	en := sprintf("no data flow into store %s (%s) is declared, so the classification of the data it keeps is unknown", [c.id, c.kind])
}

not_applicable contains lib.reason(
	"データを保存する構成要素(storage・database・vector_store・log_store・queue)がない",
	"no component stores data (storage, database, vector_store, log_store, queue)",
) if {
	count(stores) == 0
}
