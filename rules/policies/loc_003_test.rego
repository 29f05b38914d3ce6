package lgai.rules.loc_003_test

import data.lgai.rules.loc_003
import data.lgai.testing as t

test_compliant_base_passes if {
	count(loc_003.deny) == 0 with input as t.base
	count(loc_003.undetermined) == 0 with input as t.base
}

test_denies_foreign_governing_law if {
	inp := t.with_patch({"contract": {"governing_law": "US"}})
	out := loc_003.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "governing_law"
	f.values == {"governing_law": "US"}
	f.at == inp.contract._at
}

test_denies_foreign_court if {
	inp := t.with_patch({"contract": {"court": "Superior Court of the State of Washington", "court_country": "US"}})
	out := loc_003.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "court"
	f.values == {"court": "Superior Court of the State of Washington", "court_country": "US"}
	f.at == inp.contract._at
}

test_denies_both if {
	inp := t.with_patch({"contract": {"governing_law": "SG", "court": "Singapore International Commercial Court", "court_country": "SG"}})
	t.fields(loc_003.deny) == {"governing_law", "court"} with input as inp
}

test_undetermined_without_contract if {
	inp := t.put(t.base, "contract", null)
	count(loc_003.deny) == 0 with input as inp
	out := loc_003.undetermined with input as inp
	count(out) == 1
	some f in out
	f.field == "contract"
	f.at == {"file": "lgai.yaml", "path": ""}
	f.values == {}
}

test_undetermined_message if {
	some f in loc_003.undetermined with input as t.put(t.base, "contract", null)
	f.msg == {"ja": "契約の準拠法・管轄が宣言されていない", "en": "governing law and court are not declared"}
}

test_undetermined_without_government_access_policy if {
	inp := t.with_patch({"contract": {"government_access_policy": null}})
	count(loc_003.deny) == 0 with input as inp
	out := loc_003.undetermined with input as inp
	count(out) == 1
	some f in out
	f.field == "government_access_policy"
	f.at == inp.contract._at
}

test_government_access_policy_not_needed_below_conf_2 if {
	inp := t.set_asset(t.with_patch({"contract": {"government_access_policy": null}}), "memo", {"confidentiality": "1"})
	count(loc_003.undetermined) == 0 with input as inp
}
