package lgai.rules.ai_005_test

import data.lgai.rules.ai_005
import data.lgai.testing as t

exit_at := {"file": "lgai.yaml", "path": "exit"}

# RAG over a vector store fed with the protected asset `memo`, deleted at exit, with per-document ACLs.
vs(doc, acl) := t.add_flow(
	t.set_component(doc, "vs", {"kind": "vector_store", "hosting": "lgwan_asp", "region": "ap-northeast-1", "provider": "aws", "document_acl": acl}),
	{"id": "index", "from": t.comp("gw"), "to": t.comp("vs"), "transport": "private_link", "tls_min_version": "1.2"},
)

rag(scope) := t.with_patch({"customization": {"rag": true}, "exit": {"deletion_scope": scope}})

compliant := vs(rag(["data", "rag_indexes"]), true)

test_base_without_rag_is_not_applicable if {
	count(ai_005.deny) == 0 with input as t.base
	count(ai_005.not_applicable) == 1 with input as t.base
}

test_compliant_rag_passes if {
	count(ai_005.deny) == 0 with input as compliant
	count(ai_005.not_applicable) == 0 with input as compliant
}

# Branch 1: a vector store with protected documents and no per-document ACL.
test_denies_vector_store_without_acl if {
	inp := vs(rag(["rag_indexes"]), null)
	out := ai_005.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "document_acl"
	f.at == inp.components.vs._at
	f.values == {"document_acl": null, "conf_rank_max": 2, "personal_rank_max": 1}
}

test_denies_vector_store_with_acl_false if {
	inp := vs(rag(["rag_indexes"]), false)
	{[f.field, f.values.document_acl] | some f in ai_005.deny} == {["document_acl", false]} with input as inp
}

test_unprotected_vector_store_needs_no_acl if {
	doc := t.set_asset(vs(rag(["rag_indexes"]), null), "memo", {"confidentiality": "1", "personal": "none"})
	count(ai_005.deny) == 0 with input as doc
}

test_personal_data_alone_needs_acl if {
	doc := t.set_asset(vs(rag(["rag_indexes"]), null), "memo", {"confidentiality": "1", "personal": "personal"})
	t.fields(ai_005.deny) == {"document_acl"} with input as doc
}

# Branch 2: RAG indexes not deleted at exit.
test_denies_rag_without_index_deletion if {
	inp := vs(rag(["data", "backups"]), true)
	out := ai_005.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "deletion_scope"
	f.at == exit_at
	f.values == {"deletion_scope": ["data", "backups"]}
}

test_rag_flag_alone_makes_it_applicable if {
	inp := rag([])
	out := ai_005.deny with input as inp
	{[f.at, f.field] | some f in out} == {[exit_at, "deletion_scope"]}
	count(ai_005.not_applicable) == 0 with input as inp
}

test_vector_store_alone_makes_it_applicable if {
	inp := vs(t.base, true)
	t.fields(ai_005.deny) == {"deletion_scope"} with input as inp
	count(ai_005.not_applicable) == 0 with input as inp
}

test_both_branches_together if {
	inp := vs(t.base, null)
	t.fields(ai_005.deny) == {"document_acl", "deletion_scope"} with input as inp
}

test_storage_is_not_a_vector_store if {
	# `store` (kind storage) receives protected data and has no document_acl: not this rule's concern.
	count(ai_005.deny) == 0 with input as t.base
}
