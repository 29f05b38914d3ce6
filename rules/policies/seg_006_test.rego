package lgai.rules.seg_006_test

import data.lgai.rules.seg_006
import data.lgai.testing as t

# An ISMAP-registered public-cloud AI (aws) reached directly from the LGWAN segment (α′).
pc := t.set_component(t.base, "pc", {"kind": "ai_inference", "hosting": "public_cloud", "region": "ap-northeast-1", "provider": "aws"})

raw_breakout := t.set_profile(
	t.add_connection(pc, {"id": "lgwan-pc", "from": t.seg("lgwan"), "to": t.comp("pc"), "transport": "internet", "tls_min_version": "1.2"}),
	"alpha_prime", ["alpha_prime"],
)

conditions := {"destination_fqdns": ["bedrock-runtime.ap-northeast-1.amazonaws.com"], "tenant_restriction": true}

breakout := t.patch(raw_breakout, {"breakout": conditions})

with_fqdns(fqdns) := t.patch(raw_breakout, {"breakout": {"destination_fqdns": fqdns, "tenant_restriction": true}})

breakout_at := {"file": "lgai.yaml", "path": "breakout"}

test_base_without_breakout_is_not_applicable if {
	count(seg_006.deny) == 0 with input as t.base
	count(seg_006.not_applicable) == 1 with input as t.base
}

test_compliant_breakout_passes if {
	count(seg_006.deny) == 0 with input as breakout
	count(seg_006.not_applicable) == 0 with input as breakout
}

# Branch 1: no breakout section.
test_denies_breakout_without_conditions if {
	out := seg_006.deny with input as raw_breakout
	count(out) == 1
	some f in out
	f.field == "breakout"
	f.at == {"file": "lgai.yaml", "path": ""}
	f.values == {"destinations": ["pc"]}
}

# Branch 2: empty allow-list.
test_denies_empty_allow_list if {
	out := seg_006.deny with input as with_fqdns([])
	count(out) == 1
	some f in out
	f.field == "destination_fqdns"
	f.at == breakout_at
}

# Branch 3: "*" and wildcards directly above a public suffix.
test_denies_too_broad_wildcards if {
	inp := with_fqdns(["*", "*.com", "*.jp", "*.co.jp", "*.lg.jp", "api.example.com"])
	out := seg_006.deny with input as inp
	{[f.field, f.values.fqdn] | some f in out} == {
		["destination_fqdns[0]", "*"],
		["destination_fqdns[1]", "*.com"],
		["destination_fqdns[2]", "*.jp"],
		["destination_fqdns[3]", "*.co.jp"],
		["destination_fqdns[4]", "*.lg.jp"],
	}
	every f in out {
		f.at == breakout_at
	}
}

test_denies_wildcards_in_any_spelling if {
	inp := with_fqdns(["*.*.jp", "*.CO.JP.", " *.go.jp ", "x*.com", "*.com.au"])
	count(seg_006.deny) == 5 with input as inp
}

test_service_specific_wildcards_pass if {
	inp := with_fqdns(["*.openai.azure.com", "*.example.co.jp", "*.city.example.lg.jp", "*.example.jp", "api.example.com"])
	count(seg_006.deny) == 0 with input as inp
}

# Branch 4: tenant restriction.
test_denies_missing_tenant_restriction if {
	inp := t.patch(raw_breakout, {"breakout": {"destination_fqdns": ["api.example.com"], "tenant_restriction": null}})
	out := seg_006.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "tenant_restriction"
	f.values == {"tenant_restriction": null}
	f.at == breakout_at
}

test_denies_disabled_tenant_restriction if {
	inp := t.patch(breakout, {"breakout": {"tenant_restriction": false}})
	{[f.field, f.values.tenant_restriction] | some f in seg_006.deny} == {["tenant_restriction", false]} with input as inp
}

# Branch 5: destination provider ISMAP registration.
test_denies_ismap_liu_destination if {
	inp := t.set_provider(breakout, "aws", {"ismap": {"kind": "ismap_liu", "impact_assessment": "low"}})
	out := seg_006.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "ismap"
	f.values == {"component": "pc", "ismap": "ismap_liu"}
	f.at == inp.providers.aws._at
}

test_denies_unregistered_destination if {
	doc := t.set_provider(breakout, "openai", {"country": "US", "roles": ["model_provider"]})
	inp := t.set_component(doc, "pc", {"provider": "openai"})
	out := seg_006.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "ismap"
	f.values == {"component": "pc", "ismap": null}
	f.at == inp.providers.openai._at
}

test_denies_destination_without_provider if {
	inp := t.set_component(breakout, "pc", {"provider": null})
	out := seg_006.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "provider"
	f.values == {"component": "pc", "provider": null}
	f.at == inp.components.pc._at
}

test_destination_reported_once_for_several_edges if {
	doc := t.set_provider(breakout, "aws", {"ismap": {"kind": "none"}})
	inp := t.add_flow(doc, {"id": "lgwan-pc", "from": t.seg("lgwan"), "to": t.comp("pc"), "transport": "internet", "tls_min_version": "1.2"})
	count(seg_006.deny) == 1 with input as inp
}

test_all_conditions_reported_together if {
	doc := t.set_provider(raw_breakout, "aws", {"ismap": {"kind": "none"}})
	inp := t.patch(doc, {"breakout": {"destination_fqdns": ["*.com"], "tenant_restriction": false}})
	t.fields(seg_006.deny) == {"destination_fqdns[0]", "tenant_restriction", "ismap"} with input as inp
}

# What counts as a breakout.
test_breakout_from_lgwan_hosted_component_by_flow if {
	doc := t.set_component(pc, "term", {"kind": "client", "hosting": "lgwan"})
	inp := t.add_flow(doc, {"id": "term-pc", "from": t.comp("term"), "to": t.comp("pc"), "transport": "internet", "tls_min_version": "1.2"})
	{f.field | some f in seg_006.deny} == {"breakout"} with input as inp
	count(seg_006.deny) == 0 with input as t.patch(inp, {"breakout": conditions})
}

test_closed_link_to_public_cloud_is_not_a_breakout if {
	inp := t.add_connection(pc, {"id": "lgwan-pc", "from": t.seg("lgwan"), "to": t.comp("pc"), "transport": "private_link"})
	count(seg_006.deny) == 0 with input as inp
	count(seg_006.not_applicable) == 1 with input as inp
}

test_internet_hop_from_lgwan_asp_is_not_a_breakout if {
	# LGAI-SEG-002 judges a relay by the ASP; it is not the municipality's local breakout.
	inp := t.add_connection(pc, {"id": "gw-pc", "from": t.comp("gw"), "to": t.comp("pc"), "transport": "internet"})
	count(seg_006.deny) == 0 with input as inp
	count(seg_006.not_applicable) == 1 with input as inp
}

test_internet_to_non_public_cloud_is_not_a_breakout if {
	doc := t.set_component(t.base, "gc", {"kind": "api", "hosting": "gov_cloud", "region": "ap-northeast-1", "provider": "aws"})
	inp := t.add_connection(doc, {"id": "lgwan-gc", "from": t.seg("lgwan"), "to": t.comp("gc"), "transport": "internet"})
	count(seg_006.deny) == 0 with input as inp
	seg := t.add_connection(t.base, {"id": "lgwan-inet", "from": t.seg("lgwan"), "to": t.seg("internet"), "transport": "internet"})
	count(seg_006.not_applicable) == 1 with input as seg
}
