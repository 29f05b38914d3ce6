# METADATA
# title: RAG indexes enforce document access rights and are deleted at exit
# description: >-
#   Applies when the service uses retrieval-augmented generation (customization.rag) or has a vector store.
#   A vector store that indexes personal or 機密性2+ documents applies each document's access rights to the
#   requesting user at retrieval (document_acl), so that search cannot leak documents across departments.
#   Indexes and embeddings are copies of the source documents: they are in the deletion scope at contract
#   end (exit.deletion_scope contains rag_indexes).
# custom:
#   id: LGAI-AI-005
#   title_ja: RAG索引の管理(文書単位の権限と契約終了時の消去)
#   description_ja: >-
#     RAG(検索拡張生成)を使う場合、またはベクトルストアを置く場合に適用する。
#     個人情報・機密性2以上の文書を索引化するベクトルストアは、検索時に利用者の権限に応じて文書ごとのアクセス制御を行う
#     (document_acl)。部署をまたいだ文書の漏えいを防ぐためである。索引・埋め込みは元文書の複製にあたるため、
#     契約終了時の消去対象に含める(exit.deletion_scope に rag_indexes)。
#   severity: high
#   family: ai
#   catalog: ["GL:AI-007", "AIC:DATA-007"]
#   source: "総務省 ガイドライン 情報資産の分類と管理 (索引は元文書の分類を継承: 提案); AI事業者ガイドライン 第1.1版 (2025-03-28, RAG); デジタル庁 テキスト生成AI利活用におけるリスクへの対策ガイドブック(α版)"
#   honesty: P
#   input: [architecture, dataflows]
#   reads: ["customization.rag", "components[].kind", "components[].document_acl", "components[].received", "exit.deletion_scope"]
#   params: []
#   remediation_ja: "ベクトルストアの検索で利用者の権限に応じた文書単位のアクセス制御を行い、components[].document_acl: true と記載する。契約終了時の消去対象 exit.deletion_scope に rag_indexes を加える。"
#   remediation_en: Enforce per-document access rights of the requesting user at retrieval and declare components[].document_acl true; add rag_indexes to exit.deletion_scope.
package lgai.rules.ai_005

import data.lgai.lib

exit_at := {"file": input._files.declaration, "path": "exit"}

has_vector_store if {
	some c in input.components
	c.kind == "vector_store"
}

rag_used if input.customization.rag == true

rag_used if has_vector_store

deny contains lib.finding(c._at, "document_acl", ja, en, values) if {
	some c in input.components
	c.kind == "vector_store"
	lib.protected(c.received)
	c.document_acl != true
	values := {"document_acl": c.document_acl, "conf_rank_max": c.received.conf_rank_max, "personal_rank_max": c.received.personal_rank_max}
	ja := sprintf("ベクトルストア %s は個人情報・機密性2以上の文書を索引化するが、検索時に文書ごとのアクセス権限を適用していない", [c.id])
	en := sprintf("vector store %s indexes personal/機密性2+ documents but does not enforce per-document access rights at retrieval", [c.id])
}

deny contains lib.finding(exit_at, "deletion_scope", ja, en, {"deletion_scope": input.exit.deletion_scope}) if {
	rag_used
	not "rag_indexes" in input.exit.deletion_scope
	ja := "RAGの索引(ベクトルストア・埋め込み)が契約終了時の消去対象 (exit.deletion_scope) に含まれていない"
	en := "the RAG indexes (vector store, embeddings) are not in the deletion scope at contract end (exit.deletion_scope)"
}

not_applicable contains lib.reason(
	"RAGを使わず、ベクトルストアもない",
	"the service uses no RAG and has no vector store",
) if {
	not rag_used
}
