package lgai.rules.loc_001_test

import data.lgai.rules.loc_001
import data.lgai.testing as t

test_compliant_base_passes if {
	count(loc_001.deny) == 0 with input as t.base
	count(loc_001.not_applicable) == 0 with input as t.base
}

test_not_applicable_without_protected_data if {
	inp := t.with_asset("memo", {"confidentiality": "1", "personal": "none"})
	count(loc_001.deny) == 0 with input as inp
	count(loc_001.not_applicable) == 1 with input as inp
}

test_unprotected_data_may_be_stored_abroad if {
	doc := t.set_asset(t.base, "memo", {"confidentiality": "1", "personal": "none"})
	inp := t.set_component(doc, "store", {"region": "us-east-1"})
	count(loc_001.deny) == 0 with input as inp
}

# Branch 1: the store itself.
test_denies_store_outside_japan if {
	inp := t.with_component("store", {"region": "us-east-1"})
	out := loc_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "region"
	f.values == {"region": "us-east-1", "country": null}
	f.at == inp.components.store._at
	f.msg.en == "store stores 機密性2+/personal data outside Japan (region=us-east-1, country=null)"
}

test_personal_data_of_class_1_is_protected if {
	doc := t.set_asset(t.base, "memo", {"confidentiality": "1", "personal": "personal"})
	inp := t.set_component(doc, "store", {"region": "eu-central-1"})
	t.fields(loc_001.deny) == {"region"} with input as inp
}

test_store_without_region_in_japan_by_country if {
	count(loc_001.deny) == 0 with input as t.with_component("store", {"region": null, "country": "JP"})
}

test_denies_store_without_region_abroad_by_country if {
	out := loc_001.deny with input as t.with_component("store", {"region": null, "country": "SG"})
	{f.values | some f in out} == {{"region": null, "country": "SG"}}
}

test_denies_public_cloud_store_of_unknown_location if {
	out := loc_001.deny with input as t.with_component("store", {"region": null, "hosting": "public_cloud"})
	{f.values | some f in out} == {{"region": null, "country": null}}
}

test_lgwan_asp_store_without_region_is_in_japan if {
	count(loc_001.deny) == 0 with input as t.with_component("store", {"region": null})
}

test_other_storing_kinds_are_checked if {
	inp := t.with_component("store", {"kind": "vector_store", "region": "westeurope"})
	t.fields(loc_001.deny) == {"region"} with input as inp
}

test_non_storing_component_region_is_not_checked_here if {
	count(loc_001.deny) == 0 with input as t.with_component("gw", {"region": "us-east-1"})
}

# Branch 2: backups.
test_denies_backup_abroad if {
	inp := t.with_component("store", {"backup": {"region": "us-west-2"}})
	out := loc_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "backup.region"
	f.values == {"backup_region": "us-west-2"}
	f.at == inp.components.store._at
}

test_disabled_backup_region_is_ignored if {
	count(loc_001.deny) == 0 with input as t.with_component("store", {"backup": {"enabled": false, "region": "us-west-2"}})
}

test_backup_without_region_passes if {
	count(loc_001.deny) == 0 with input as t.with_component("store", {"backup": {"region": null}})
}

# Branch 3: logs of any component that receives protected data.
test_denies_gateway_logs_abroad if {
	inp := t.with_component("gw", {"logging": {"region": "eu-west-1"}})
	out := loc_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "logging.region"
	f.values == {"log_region": "eu-west-1"}
	f.at == inp.components.gw._at
}

test_logs_of_unprotected_component_are_ignored if {
	inp := t.set_component(t.base, "idle", {"kind": "compute", "logging": {"enabled": true, "region": "eu-west-1"}})
	count(loc_001.deny) == 0 with input as inp
}

# Parameter: the Japanese region list.
test_param_japan_regions if {
	out := loc_001.deny with input as t.base with data.lgai.params.japan_region_set as ["ap-northeast-1"]
	{f.values | some f in out} == {{"backup_region": "ap-northeast-3"}}
}

test_region_wins_over_country if {
	out := loc_001.deny with input as t.with_component("store", {"region": "us-east-1", "country": "JP"})
	{f.values | some f in out} == {{"region": "us-east-1", "country": "JP"}}
}

test_logs_without_region_pass if {
	count(loc_001.deny) == 0 with input as t.with_component("gw", {"logging": {"region": null}})
}

# Undetermined: an enabled backup of a protected store whose region is not declared.
test_backup_without_region_is_undetermined if {
	inp := t.with_component("store", {"backup": {"region": null}})
	out := loc_001.undetermined with input as inp
	count(out) == 1
	some f in out
	f.field == "backup.region"
	f.values == {}
	f.at == inp.components.store._at
	f.msg.en == "the backup region of store is not declared"
	count(loc_001.deny) == 0 with input as inp
}

test_backup_with_declared_region_is_not_undetermined if {
	count(loc_001.undetermined) == 0 with input as t.base
	count(loc_001.undetermined) == 0 with input as t.with_component("store", {"backup": {"region": "us-west-2"}})
}

test_disabled_backup_without_region_is_not_undetermined if {
	inp := t.with_component("store", {"backup": {"enabled": false, "region": null}})
	count(loc_001.undetermined) == 0 with input as inp
	count(loc_001.deny) == 0 with input as inp
}

test_backup_without_region_of_unprotected_store_is_not_undetermined if {
	doc := t.set_asset(t.base, "memo", {"confidentiality": "1", "personal": "none"})
	inp := t.set_component(doc, "store", {"backup": {"region": null}})
	count(loc_001.undetermined) == 0 with input as inp
}
