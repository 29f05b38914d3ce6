package lgai.rules.data_008_test

import data.lgai.rules.data_008
import data.lgai.testing as t

specific := t.with_asset("memo", {"personal": "specific"})

test_not_applicable_without_specific_personal_information if {
	count(data_008.undetermined) == 0 with input as t.base
	count(data_008.not_applicable) == 1 with input as t.base
}

test_sensitive_data_is_not_specific if {
	count(data_008.not_applicable) == 1 with input as t.with_asset("memo", {"personal": "sensitive"})
}

test_specific_asset_needs_the_assessment if {
	out := data_008.undetermined with input as specific
	count(out) == 1 # four flows carry the asset: one finding, at the asset
	some f in out
	f.field == "personal"
	f.at == specific.assets.memo._at
	f.values == {"asset": "memo", "personal": "specific"}
	count(data_008.not_applicable) == 0 with input as specific
}

test_specific_asset_without_flows_is_not_judged if {
	inp := t.set_asset(t.base, "mn", {"confidentiality": "3A", "integrity": "2", "availability": "2", "personal": "specific"})
	count(data_008.undetermined) == 0 with input as inp
	count(data_008.not_applicable) == 1 with input as inp
}

test_each_specific_asset_is_reported if {
	doc := t.set_asset(specific, "mn", {"confidentiality": "3A", "integrity": "2", "availability": "2", "personal": "specific"})
	inp := t.add_flow(doc, {"id": "mn-up", "asset": "mn", "from": t.seg("mynumber"), "to": t.comp("gw"), "purpose": "x", "transport": "closed_network"})
	{f.values.asset | some f in data_008.undetermined} == {"memo", "mn"} with input as inp
}
