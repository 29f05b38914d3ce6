package lgai.rules.log_003_test

import data.lgai.rules.log_003
import data.lgai.testing as t

immutable_logs := t.set_component(
	t.set_component(t.with_component("gw", {"logging": {"immutable": true}}), "ai", {"logging": {"immutable": true}}),
	"store", {"logging": {"immutable": true}},
)

test_immutable_logs_pass if {
	count(log_003.deny) == 0 with input as immutable_logs
	count(log_003.not_applicable) == 0 with input as immutable_logs
}

# Branch: logs not protected (as in `base`, where immutable is undeclared).
test_denies_every_mutable_log if {
	out := log_003.deny with input as t.base
	{[f.field, f.at] | some f in out} == {
		["logging.immutable", t.base.components.gw._at],
		["logging.immutable", t.base.components.ai._at],
		["logging.immutable", t.base.components.store._at],
	}
}

test_denies_explicitly_mutable_log if {
	inp := t.set_component(immutable_logs, "store", {"logging": {"immutable": false}})
	out := log_003.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "logging.immutable"
	f.values == {"immutable": false}
	f.at == inp.components.store._at
}

# An AI inference component is a subject even when no flow reaches it.
test_ai_inference_without_flows_is_a_subject if {
	doc := t.set_component(immutable_logs, "ai2", {"kind": "ai_inference", "logging": {"enabled": true, "immutable": null}})
	out := log_003.deny with input as doc
	{f.at | some f in out} == {doc.components.ai2._at}
}

# Components receiving nothing (not AI), with logging off, or inside the municipality are not subjects.
test_component_without_data_is_not_a_subject if {
	inp := t.set_component(immutable_logs, "idle", {"kind": "compute", "logging": {"enabled": true, "immutable": false}})
	count(log_003.deny) == 0 with input as inp
}

test_logging_disabled_or_absent_is_left_to_log_001 if {
	inp := t.set_component(t.set_component(immutable_logs, "store", {"logging": {"enabled": false, "immutable": false}}), "gw", {"logging": null})
	count(log_003.deny) == 0 with input as inp
}

test_municipal_component_is_not_a_subject if {
	doc := t.set_component(immutable_logs, "lgwan-srv", {"kind": "storage", "hosting": "lgwan", "logging": {"enabled": true, "immutable": false}})
	inp := t.add_flow(doc, {"id": "local", "from": t.comp("gw"), "to": t.comp("lgwan-srv"), "transport": "lgwan", "tls_min_version": "1.2"})
	count(log_003.deny) == 0 with input as inp
}

test_not_applicable_without_logging_subjects if {
	inp := t.set_component(t.set_component(t.with_component("gw", {"logging": null}), "ai", {"logging": null}), "store", {"logging": null})
	count(log_003.deny) == 0 with input as inp
	count(log_003.not_applicable) == 1 with input as inp
}
