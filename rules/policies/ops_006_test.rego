package lgai.rules.ops_006_test

import data.lgai.rules.ops_006
import data.lgai.testing as t

# `base` (as_of 2026-11-25) with the stored asset raised to availability 2.
avail2 := t.with_asset("memo", {"availability": "2"})

good_backup := {"enabled": true, "immutable": true, "restore_tested": "2026-06-01"}

backed_up(p) := t.set_component(avail2, "store", {"backup": object.union(good_backup, p)})

test_base_is_not_applicable if {
	count(ops_006.deny) == 0 with input as t.base
	count(ops_006.undetermined) == 0 with input as t.base
	count(ops_006.not_applicable) == 1 with input as t.base
}

test_immutable_tested_backup_passes if {
	inp := backed_up({})
	count(ops_006.deny) == 0 with input as inp
	count(ops_006.undetermined) == 0 with input as inp
	count(ops_006.not_applicable) == 0 with input as inp
}

# Branch 1: no backup at all.
test_denies_missing_backup if {
	inp := t.set_component(avail2, "store", {"backup": null})
	out := ops_006.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "backup"
	f.values == {"backup": null}
	f.at == inp.components.store._at
	count(ops_006.undetermined) == 0 with input as inp
}

test_denies_disabled_backup if {
	inp := backed_up({"enabled": false})
	out := ops_006.deny with input as inp
	{[f.field, f.values, f.at] | some f in out} == {["backup.enabled", {"enabled": false}, inp.components.store._at]}
	count(ops_006.undetermined) == 0 with input as inp
}

# Branch 2: no immutable copy (as in `base`'s store).
test_denies_mutable_backup if {
	inp := backed_up({"immutable": null})
	out := ops_006.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "backup.immutable"
	f.values == {"immutable": null}
	f.at == inp.components.store._at
}

# Branch 3: restore test undeclared or too old -> undetermined.
test_undeclared_restore_test_is_undetermined if {
	inp := backed_up({"restore_tested": null})
	count(ops_006.deny) == 0 with input as inp
	out := ops_006.undetermined with input as inp
	count(out) == 1
	some f in out
	f.field == "backup.restore_tested"
	f.values == {"restore_tested": null}
	f.at == inp.components.store._at
}

test_old_restore_test_is_undetermined if {
	inp := backed_up({"restore_tested": "2025-11-24"})
	count(ops_006.deny) == 0 with input as inp
	out := ops_006.undetermined with input as inp
	count(out) == 1
	some f in out
	f.field == "backup.restore_tested"
	f.values == {"restore_tested": "2025-11-24", "age_days": 366, "maximum": 365}
}

test_restore_test_exactly_at_the_maximum_passes if {
	count(ops_006.undetermined) == 0 with input as backed_up({"restore_tested": "2025-11-25"})
}

test_restore_age_counts_from_as_of if {
	inp := t.patch(backed_up({"restore_tested": "2026-06-01"}), {"lgai": {"as_of": "2027-06-02"}})
	{f.values.age_days | some f in ops_006.undetermined} == {366} with input as inp
}

test_param_max_restore_test_age_days if {
	inp := backed_up({"restore_tested": "2026-06-01"})
	out := ops_006.undetermined with input as inp with data.lgai.params.max_restore_test_age_days as 90
	{f.values | some f in out} == {{"restore_tested": "2026-06-01", "age_days": 177, "maximum": 90}}
}

# Only stores are subjects; availability 1 is out of scope.
test_non_storing_component_is_not_a_subject if {
	inp := t.set_component(backed_up({}), "gw", {"backup": null})
	count(ops_006.deny) == 0 with input as inp
}

test_every_availability_2_store_is_checked if {
	doc := t.set_component(backed_up({}), "db", {"kind": "database", "backup": null})
	inp := t.add_flow(doc, {"id": "to-db", "from": t.comp("ai"), "to": t.comp("db"), "transport": "private_link", "tls_min_version": "1.2"})
	{[f.field, f.at] | some f in ops_006.deny} == {["backup", inp.components.db._at]} with input as inp
}
