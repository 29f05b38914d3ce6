package lgai.rules.ops_002_test

import data.lgai.testing as t

# LGAI-OPS-002 is an attestation-only requirement: the package has no logic, and the
# checker decides it from attestations[] alone (checker/evaluate.py). It must never
# produce deny, undetermined or not_applicable outputs of its own.

test_no_outputs_for_compliant_input if {
	not data.lgai.rules.ops_002.deny with input as t.base
	not data.lgai.rules.ops_002.undetermined with input as t.base
	not data.lgai.rules.ops_002.not_applicable with input as t.base
}

test_no_outputs_without_incident_declarations if {
	inp := t.with_patch({"operations": {"incident": null}, "attestations": []})
	not data.lgai.rules.ops_002.deny with input as inp
	not data.lgai.rules.ops_002.undetermined with input as inp
	not data.lgai.rules.ops_002.not_applicable with input as inp
}

test_no_outputs_with_an_attestation if {
	inp := t.put(t.base, "attestations", [{
		"requirement": "LGAI-OPS-002",
		"statement": "インシデント対応計画を定めている",
		"evidence": {"document": "インシデント対応計画書 v1", "section": null, "sha256": null},
		"date": "2026-04-01",
		"_at": {"file": "lgai.yaml", "path": "attestations[0]"},
	}])
	not data.lgai.rules.ops_002.deny with input as inp
	not data.lgai.rules.ops_002.undetermined with input as inp
	not data.lgai.rules.ops_002.not_applicable with input as inp
}
