package lgai.rules.data_002_test

import data.lgai.rules.data_002
import data.lgai.testing as t

test_compliant_base_passes if {
	count(data_002.deny) == 0 with input as t.base
	count(data_002.not_applicable) == 0 with input as t.base
}

test_not_applicable_without_stores if {
	inp := t.with_component("store", {"kind": "compute"})
	count(data_002.deny) == 0 with input as inp
	count(data_002.not_applicable) == 1 with input as inp
}

test_denies_store_that_no_flow_reaches if {
	inp := t.without_flow(t.base, "keep")
	out := data_002.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "kind"
	f.values == {"kind": "storage"}
	f.at == inp.components.store._at
	count(data_002.not_applicable) == 0 with input as inp
}

test_denies_undeclared_log_store if {
	inp := t.with_component("logs", {"kind": "log_store", "hosting": "lgwan_asp", "provider": "aws"})
	out := data_002.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "kind"
	f.values == {"kind": "log_store"}
	f.at == inp.components.logs._at
	f.at.path == "components[3]"
}

test_every_storing_kind_is_checked if {
	every kind in ["storage", "database", "vector_store", "log_store", "queue"] {
		out := data_002.deny with input as t.with_component("x", {"kind": kind, "hosting": "public_cloud"})
		{f.values.kind | some f in out} == {kind}
	}
}

test_non_storing_component_without_flows_passes if {
	every kind in ["relay", "compute", "sanitizer", "api"] {
		count(data_002.deny) == 0 with input as t.with_component("x", {"kind": kind, "hosting": "public_cloud"})
	}
}

test_store_fed_by_a_flow_passes if {
	doc := t.set_component(t.base, "rag", {"kind": "vector_store", "hosting": "lgwan_asp", "provider": "aws"})
	inp := t.add_flow(doc, {"id": "index", "asset": "memo", "from": t.comp("ai"), "to": t.comp("rag"), "purpose": "検索索引", "transport": "private_link"})
	count(data_002.deny) == 0 with input as inp
}

test_each_unreached_store_is_reported if {
	doc := t.set_component(t.without_flow(t.base, "keep"), "db", {"kind": "database", "hosting": "lgwan_asp"})
	out := data_002.deny with input as doc
	{f.at.path | some f in out} == {doc.components.store._at.path, doc.components.db._at.path}
}
