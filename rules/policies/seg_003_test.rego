package lgai.rules.seg_003_test

import data.lgai.rules.seg_003
import data.lgai.testing as t

# A public-cloud AI that returns generated files to the LGWAN segment.
pc := t.set_component(t.base, "pc", {"kind": "ai_inference", "hosting": "public_cloud", "region": "ap-northeast-1", "provider": "aws"})

ai_file_back := t.add_flow(pc, {"id": "pc-back", "from": t.comp("pc"), "to": t.seg("lgwan"), "transport": "internet", "payload": "ai_output_file", "tls_min_version": "1.2"})

# A file-transfer server in the LGWAN segment fed from the internet segment.
xfer := t.set_component(t.base, "xfer", {"kind": "relay", "hosting": "lgwan"})

from_internet_segment(payload, sanitization) := t.add_connection(xfer, {
	"id": "inet-xfer", "from": t.seg("internet"), "to": t.comp("xfer"),
	"transport": "internal", "payload": payload, "sanitization": sanitization,
})

test_compliant_base_is_not_applicable if {
	count(seg_003.deny) == 0 with input as t.base
	count(seg_003.not_applicable) == 1 with input as t.base
}

test_files_from_lgwan_asp_are_not_inbound if {
	inp := t.with_flow("back", {"payload": "ai_output_file"})
	count(seg_003.deny) == 0 with input as inp
	count(seg_003.not_applicable) == 1 with input as inp
}

# Branch 1: files, mail or AI output files without sanitisation (every model).
test_denies_unsanitised_ai_output_file_from_public_cloud if {
	out := seg_003.deny with input as ai_file_back
	count(out) == 1
	some f in out
	f.field == "sanitization"
	f.values == {"payload": ["ai_output_file"]}
	f.at == ai_file_back.flows[4]._at
	count(seg_003.not_applicable) == 0 with input as ai_file_back
}

test_sanitised_ai_output_file_passes if {
	inp := t.set_flow(ai_file_back, "pc-back", {"sanitization": "cdr"})
	count(seg_003.deny) == 0 with input as inp
	count(seg_003.not_applicable) == 0 with input as inp
}

test_denies_unsanitised_files_into_mynumber_segment if {
	inp := t.set_flow(ai_file_back, "pc-back", {"to": t.seg("mynumber"), "payload": "file"})
	out := seg_003.deny with input as inp
	count(out) == 1
	some f in out
	f.values == {"payload": ["file"]}
}

test_denies_connection_carrying_mail_and_files if {
	inp := from_internet_segment(["data", "mail", "file"], "none")
	out := seg_003.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "sanitization"
	f.values == {"payload": ["file", "mail"]}
	f.at == inp.connections[3]._at
}

test_sanitised_connection_passes if {
	count(seg_003.deny) == 0 with input as from_internet_segment(["mail"], "file_conversion")
}

# Branch 2: β/β′ require sanitisation or screen transfer for any data from the internet segment.
test_alpha_allows_plain_data_from_internet_segment if {
	inp := from_internet_segment(["data"], "none")
	count(seg_003.deny) == 0 with input as inp
	count(seg_003.not_applicable) == 0 with input as inp
}

test_beta_denies_plain_data_from_internet_segment if {
	inp := t.set_profile(from_internet_segment(["data"], "none"), "beta", ["beta"])
	out := seg_003.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "sanitization"
	f.values == {"model": "beta"}
	f.at == inp.connections[3]._at
}

test_beta_prime_and_beta_both_reported if {
	inp := t.set_profile(from_internet_segment(["data"], "none"), null, ["alpha", "beta", "beta_prime"])
	{f.values.model | some f in seg_003.deny} == {"beta", "beta_prime"} with input as inp
}

test_beta_screen_transfer_passes if {
	inp := t.set_profile(from_internet_segment(["screen"], "screen_transfer"), "beta", ["beta"])
	count(seg_003.deny) == 0 with input as inp
}

test_beta_plain_data_from_public_cloud_passes if {
	# Branch 2 is about the internet *segment*; public-cloud data only needs branch 1.
	doc := t.add_flow(pc, {"id": "pc-back", "from": t.comp("pc"), "to": t.seg("lgwan"), "transport": "internet", "tls_min_version": "1.2"})
	inp := t.set_profile(doc, "beta", ["beta"])
	count(seg_003.deny) == 0 with input as inp
}

test_beta_files_are_reported_once_by_branch_1 if {
	inp := t.set_profile(from_internet_segment(["file"], "none"), "beta", ["beta"])
	out := seg_003.deny with input as inp
	count(out) == 1
	some f in out
	f.values == {"payload": ["file"]}
}

test_files_to_an_lgwan_asp_are_not_inbound if {
	inp := t.add_flow(pc, {"id": "pc-gw", "from": t.comp("pc"), "to": t.comp("gw"), "transport": "internet", "payload": "file", "tls_min_version": "1.2"})
	count(seg_003.deny) == 0 with input as inp
	count(seg_003.not_applicable) == 1 with input as inp
}

test_connections_need_an_outside_source_and_an_inside_target if {
	into_asp := t.with_added_connection({"id": "inet-gw", "from": t.seg("internet"), "to": t.comp("gw"), "transport": "internet", "payload": ["file"]})
	count(seg_003.deny) == 0 with input as into_asp
	from_asp := t.with_added_connection({"id": "gw-lgwan", "from": t.comp("gw"), "to": t.seg("lgwan"), "transport": "lgwan", "payload": ["file"]})
	count(seg_003.deny) == 0 with input as from_asp
}

# The internet side includes any component with a public endpoint (lib.internet_side), wherever
# it is hosted.
gov_cloud_ai(public_endpoint) := t.set_component(t.base, "gai", {"kind": "ai_inference", "hosting": "gov_cloud", "region": "ap-northeast-1", "provider": "aws", "public_endpoint": public_endpoint})

gov_cloud_ai_file_back(public_endpoint) := t.add_flow(gov_cloud_ai(public_endpoint), {"id": "gai-back", "from": t.comp("gai"), "to": t.seg("lgwan"), "transport": "closed_network", "payload": "ai_output_file", "tls_min_version": "1.2"})

test_denies_unsanitised_ai_output_file_from_public_gov_cloud_endpoint if {
	inp := gov_cloud_ai_file_back(true)
	out := seg_003.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "sanitization"
	f.values == {"payload": ["ai_output_file"]}
	f.at == inp.flows[4]._at
	count(seg_003.not_applicable) == 0 with input as inp
}

test_gov_cloud_without_public_endpoint_is_not_internet_side if {
	inp := gov_cloud_ai_file_back(false)
	count(seg_003.deny) == 0 with input as inp
	count(seg_003.not_applicable) == 1 with input as inp
}

# The LGWAN-ASP gateway of `base`, given a public endpoint, returning AI output files.
public_gw_file_back := t.set_component(t.with_flow("back", {"payload": "ai_output_file"}), "gw", {"public_endpoint": true})

test_denies_unsanitised_ai_output_file_from_public_lgwan_asp_endpoint if {
	out := seg_003.deny with input as public_gw_file_back
	count(out) == 1
	some f in out
	f.field == "sanitization"
	f.values == {"payload": ["ai_output_file"]}
	f.at == public_gw_file_back.flows[3]._at
}

test_sanitised_ai_output_file_from_public_lgwan_asp_endpoint_passes if {
	inp := t.set_flow(public_gw_file_back, "back", {"sanitization": "cdr"})
	count(seg_003.deny) == 0 with input as inp
	count(seg_003.not_applicable) == 0 with input as inp
}

test_denies_unsanitised_file_connection_from_public_lgwan_asp_endpoint if {
	doc := t.set_component(t.base, "gw", {"public_endpoint": true})
	inp := t.add_connection(doc, {"id": "gw-lgwan", "from": t.comp("gw"), "to": t.seg("lgwan"), "transport": "lgwan", "payload": ["file"]})
	out := seg_003.deny with input as inp
	{[f.values, f.at] | some f in out} == {[{"payload": ["file"]}, inp.connections[3]._at]}
}

# β/β′: a screen transfer alone is not a data transfer, even without a declared sanitiser.
test_beta_screen_only_without_sanitization_passes if {
	inp := t.set_profile(from_internet_segment(["screen"], "none"), null, ["beta", "beta_prime"])
	count(seg_003.deny) == 0 with input as inp
	count(seg_003.not_applicable) == 0 with input as inp
	flow := t.add_flow(xfer, {"id": "inet-xfer", "from": t.seg("internet"), "to": t.comp("xfer"), "transport": "internal", "payload": "screen"})
	count(seg_003.deny) == 0 with input as t.set_profile(flow, "beta", ["beta"])
}

test_beta_denies_screen_with_data_without_sanitization if {
	inp := t.set_profile(from_internet_segment(["screen", "data"], "none"), "beta", ["beta"])
	out := seg_003.deny with input as inp
	count(out) == 1
	some f in out
	f.values == {"model": "beta"}
	f.at == inp.connections[3]._at
}
