package lgai.rules.seg_004_test

import data.lgai.rules.seg_004
import data.lgai.testing as t

# The My Number segment hands data to the service's gateway on removable media.
media_out := t.add_flow(t.base, {"id": "mn-media", "from": t.seg("mynumber"), "to": t.comp("gw"), "transport": "removable_media"})

# A system hosted in the My Number segment mails data to the gateway.
mn_system := t.set_component(t.base, "mnsys", {"kind": "database", "hosting": "mynumber"})

mail_out := t.add_flow(mn_system, {"id": "mn-mail", "from": t.comp("mnsys"), "to": t.comp("gw"), "transport": "email", "payload": "mail"})

test_compliant_base_is_not_applicable if {
	count(seg_004.deny) == 0 with input as t.base
	count(seg_004.not_applicable) == 1 with input as t.base
}

test_denies_removable_media_without_procedure if {
	out := seg_004.deny with input as media_out
	count(out) == 1
	some f in out
	f.field == "procedure_id"
	f.values == {"transport": "removable_media"}
	f.at == media_out.flows[4]._at
	count(seg_004.not_applicable) == 0 with input as media_out
}

test_removable_media_with_procedure_passes if {
	inp := t.set_flow(media_out, "mn-media", {"procedure_id": "持出-2026-015"})
	count(seg_004.deny) == 0 with input as inp
	count(seg_004.not_applicable) == 0 with input as inp
}

test_blank_procedure_is_not_a_procedure if {
	inp := t.set_flow(media_out, "mn-media", {"procedure_id": "  "})
	{f.field | some f in seg_004.deny} == {"procedure_id"} with input as inp
}

test_denies_email_from_component_hosted_in_mynumber if {
	out := seg_004.deny with input as mail_out
	count(out) == 1
	some f in out
	f.field == "procedure_id"
	f.values == {"transport": "email"}
	f.at == mail_out.flows[4]._at
}

test_email_with_procedure_passes if {
	inp := t.set_flow(mail_out, "mn-mail", {"procedure_id": "P-7"})
	count(seg_004.deny) == 0 with input as inp
}

test_each_takeout_is_reported if {
	inp := t.add_flow(media_out, {"id": "mn-mail", "from": t.seg("mynumber"), "to": t.seg("lgwan"), "transport": "email", "payload": "mail"})
	{[f.at.path, f.values.transport] | some f in seg_004.deny} == {["flows[4]", "removable_media"], ["flows[5]", "email"]} with input as inp
}

test_closed_transport_from_mynumber_is_not_a_takeout if {
	inp := t.add_flow(t.base, {"id": "mn-closed", "from": t.seg("mynumber"), "to": t.comp("gw"), "transport": "closed_network"})
	count(seg_004.deny) == 0 with input as inp
	count(seg_004.not_applicable) == 1 with input as inp
}

test_media_into_mynumber_is_not_a_takeout if {
	inp := t.add_flow(t.base, {"id": "mn-in", "from": t.seg("lgwan"), "to": t.seg("mynumber"), "transport": "removable_media"})
	count(seg_004.deny) == 0 with input as inp
	count(seg_004.not_applicable) == 1 with input as inp
}

test_media_from_other_segment_is_not_a_takeout if {
	inp := t.add_flow(t.base, {"id": "lgwan-media", "from": t.seg("lgwan"), "to": t.comp("gw"), "transport": "removable_media"})
	count(seg_004.deny) == 0 with input as inp
	count(seg_004.not_applicable) == 1 with input as inp
}
