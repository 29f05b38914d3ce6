package lgai.rules.seg_002_test

import data.lgai.rules.seg_002
import data.lgai.testing as t

# A public-cloud AI API abroad (no ISMAP) and an ISMAP-registered public-cloud AI in Japan.
ext := t.set_provider(
	t.set_component(t.base, "ext", {"kind": "ai_inference", "hosting": "public_cloud", "region": "us-east-1", "provider": "openai"}),
	"openai", {"country": "US", "roles": ["model_provider"]},
)

pc := t.set_component(t.base, "pc", {"kind": "ai_inference", "hosting": "public_cloud", "region": "ap-northeast-1", "provider": "aws"})

# Local breakout: the LGWAN segment calls the public cloud directly over the internet.
breakout := t.add_connection(pc, {"id": "lgwan-pc", "from": t.seg("lgwan"), "to": t.comp("pc"), "transport": "internet"})

test_compliant_lgwan_asp_with_closed_links if {
	count(seg_002.deny) == 0 with input as t.base
	count(seg_002.not_applicable) == 0 with input as t.base
}

test_not_applicable_without_lgwan_edges if {
	doc := t.set_connection(t.base, "lgwan-gw", {"from": t.seg("internet"), "transport": "internet"})
	inp := t.set_flow(doc, "up", {"from": t.seg("internet"), "transport": "internet"})
	count(seg_002.deny) == 0 with input as inp
	count(seg_002.not_applicable) == 1 with input as inp
}

test_denies_asp_relaying_to_public_ai_over_internet if {
	inp := t.add_connection(ext, {"id": "gw-ext", "from": t.comp("gw"), "to": t.comp("ext"), "transport": "internet"})
	out := seg_002.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "transport"
	f.values == {"model": "alpha", "from": "component:gw", "to": "component:ext"}
	f.at == inp.connections[3]._at
}

test_denies_internet_hop_two_steps_from_lgwan if {
	inp := t.add_flow(ext, {"id": "ai-ext", "from": t.comp("ai"), "to": t.comp("ext"), "transport": "internet", "tls_min_version": "1.3"})
	out := seg_002.deny with input as inp
	count(out) == 1
	some f in out
	f.values == {"model": "alpha", "from": "component:ai", "to": "component:ext"}
	f.at == inp.flows[4]._at
}

test_denies_lgwan_flow_over_internet if {
	inp := t.with_flow("up", {"transport": "internet"})
	out := seg_002.deny with input as inp
	count(out) == 1
	some f in out
	f.values == {"model": "alpha", "from": "segment:lgwan", "to": "component:gw"}
}

test_internet_hop_not_reachable_from_lgwan_passes if {
	doc := t.set_component(ext, "web", {"kind": "web_app", "hosting": "public_cloud", "region": "ap-northeast-1", "provider": "aws"})
	inp := t.add_connection(doc, {"id": "inet-web", "from": t.comp("web"), "to": t.comp("ext"), "transport": "internet"})
	count(seg_002.deny) == 0 with input as inp
}

test_alpha_denies_local_breakout if {
	out := seg_002.deny with input as breakout
	count(out) == 1
	some f in out
	f.values == {"model": "alpha", "from": "segment:lgwan", "to": "component:pc"}
}

test_alpha_prime_allows_breakout_to_ismap_public_cloud if {
	inp := t.set_profile(breakout, "alpha_prime", ["alpha_prime"])
	count(seg_002.deny) == 0 with input as inp
}

test_alpha_prime_breakout_needs_full_ismap if {
	doc := t.set_provider(breakout, "aws", {"ismap": {"kind": "ismap_liu", "impact_assessment": "low"}})
	inp := t.set_profile(doc, "alpha_prime", ["alpha_prime"])
	out := seg_002.deny with input as inp
	count(out) == 1
	some f in out
	f.values == {"model": "alpha_prime", "from": "segment:lgwan", "to": "component:pc"}
}

test_alpha_prime_breakout_needs_public_cloud_target if {
	doc := t.set_component(breakout, "pc", {"hosting": "lgwan_asp"})
	inp := t.set_profile(doc, "alpha_prime", ["alpha_prime"])
	count(seg_002.deny) == 1 with input as inp
}

test_alpha_prime_breakout_to_internet_segment_denied if {
	doc := t.add_connection(t.base, {"id": "lgwan-inet", "from": t.seg("lgwan"), "to": t.seg("internet"), "transport": "internet"})
	inp := t.set_profile(doc, "alpha_prime", ["alpha_prime"])
	count(seg_002.deny) == 1 with input as inp
}

# Regression: under α′ an allowed breakout to an ISMAP public cloud extends the reach, so an
# onward internet hop from that cloud (here to a non-ISMAP AI API) is denied for alpha_prime.
test_alpha_prime_onward_internet_hop_denied if {
	doc := t.set_provider(t.set_component(breakout, "ext", {"kind": "ai_inference", "hosting": "public_cloud", "region": "us-east-1", "provider": "openai"}), "openai", {"roles": ["model_provider"]})
	inp := t.set_profile(t.add_connection(doc, {"id": "pc-ext", "from": t.comp("pc"), "to": t.comp("ext"), "transport": "internet"}), "alpha_prime", ["alpha_prime"])
	out := seg_002.deny with input as inp
	count(out) == 1
	some f in out
	f.values == {"model": "alpha_prime", "from": "component:pc", "to": "component:ext"}
}

test_every_declared_model_is_judged if {
	inp := t.set_profile(breakout, null, ["alpha", "alpha_prime"])
	out := seg_002.deny with input as inp
	{f.values.model | some f in out} == {"alpha"}
	relay := t.set_profile(t.add_connection(ext, {"id": "gw-ext", "from": t.comp("gw"), "to": t.comp("ext"), "transport": "internet"}), null, ["alpha", "beta"])
	{f.values.model | some f in seg_002.deny} == {"alpha", "beta"} with input as relay
}

# Regression: components hosted `lgwan` are start nodes too (lib.segment_nodes), so such a
# component sending data to a public AI API over the internet is denied.
test_lgwan_hosted_component_relaying_over_internet_is_denied if {
	doc := t.set_component(ext, "relay", {"kind": "relay", "hosting": "lgwan"})
	inp := t.add_flow(doc, {"id": "relay-ext", "from": t.comp("relay"), "to": t.comp("ext"), "transport": "internet", "tls_min_version": "1.2"})
	out := seg_002.deny with input as inp
	count(out) == 1
	some f in out
	f.values == {"model": "alpha", "from": "component:relay", "to": "component:ext"}
}

test_alpha_prime_breakout_only_from_the_lgwan_segment if {
	# An LGWAN-ASP that relays to an ISMAP public cloud over the internet is not a local breakout.
	doc := t.add_connection(pc, {"id": "gw-pc", "from": t.comp("gw"), "to": t.comp("pc"), "transport": "internet"})
	inp := t.set_profile(doc, "alpha_prime", ["alpha_prime"])
	out := seg_002.deny with input as inp
	{f.values | some f in out} == {{"model": "alpha_prime", "from": "component:gw", "to": "component:pc"}}
}

test_only_the_first_internet_crossing_is_reported if {
	doc := t.add_connection(ext, {"id": "gw-ext", "from": t.comp("gw"), "to": t.comp("ext"), "transport": "internet"})
	doc2 := t.set_component(doc, "ext2", {"kind": "api", "hosting": "public_cloud", "region": "us-west-2", "provider": "openai"})
	inp := t.add_connection(doc2, {"id": "ext-ext2", "from": t.comp("ext"), "to": t.comp("ext2"), "transport": "internet"})
	out := seg_002.deny with input as inp
	{f.values | some f in out} == {{"model": "alpha", "from": "component:gw", "to": "component:ext"}}
}

test_paths_through_another_segment_are_not_followed if {
	# A screen transfer to the internet segment does not carry LGWAN data onto the internet.
	doc := t.add_connection(ext, {"id": "lgwan-inet", "from": t.seg("lgwan"), "to": t.seg("internet"), "transport": "internal", "payload": ["screen"], "sanitization": "screen_transfer"})
	inp := t.add_connection(doc, {"id": "inet-ext", "from": t.seg("internet"), "to": t.comp("ext"), "transport": "internet"})
	count(seg_002.deny) == 0 with input as inp
}

# Start nodes: the LGWAN segment and every component hosted `lgwan` (lib.segment_nodes).
relay_hosted(hosting) := t.set_component(ext, "relay", {"kind": "relay", "hosting": hosting})

relay_to_ext(hosting, transport) := t.add_connection(relay_hosted(hosting), {"id": "relay-ext", "from": t.comp("relay"), "to": t.comp("ext"), "transport": transport})

test_denies_internet_hop_from_unconnected_lgwan_hosted_component if {
	inp := relay_to_ext("lgwan", "internet")
	out := seg_002.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "transport"
	f.values == {"model": "alpha", "from": "component:relay", "to": "component:ext"}
	f.at == inp.connections[3]._at
}

test_closed_link_from_lgwan_hosted_component_passes if {
	inp := relay_to_ext("lgwan", "private_link")
	count(seg_002.deny) == 0 with input as inp
	count(seg_002.not_applicable) == 0 with input as inp
}

test_internet_hop_from_unreached_lgwan_asp_component_passes if {
	# The same relay hosted lgwan_asp is not a start and nothing from the LGWAN segment reaches it.
	count(seg_002.deny) == 0 with input as relay_to_ext("lgwan_asp", "internet")
}

# not_applicable: only when no edge leaves any start node.
no_lgwan_segment_edges := t.set_flow(
	t.set_connection(t.base, "lgwan-gw", {"from": t.seg("internet"), "transport": "internet"}),
	"up", {"from": t.seg("internet"), "transport": "internet"},
)

test_edge_leaving_lgwan_hosted_component_makes_rule_applicable if {
	doc := t.set_component(no_lgwan_segment_edges, "relay", {"kind": "relay", "hosting": "lgwan"})
	inp := t.add_connection(doc, {"id": "relay-gw", "from": t.comp("relay"), "to": t.comp("gw"), "transport": "lgwan"})
	count(seg_002.not_applicable) == 0 with input as inp
	count(seg_002.deny) == 0 with input as inp
}

test_lgwan_hosted_component_with_only_inbound_edges_is_not_applicable if {
	doc := t.set_component(no_lgwan_segment_edges, "relay", {"kind": "relay", "hosting": "lgwan"})
	inp := t.add_connection(doc, {"id": "gw-relay", "from": t.comp("gw"), "to": t.comp("relay"), "transport": "lgwan"})
	count(seg_002.not_applicable) == 1 with input as inp
	count(seg_002.deny) == 0 with input as inp
}

# α′: an allowed breakout to an ISMAP public cloud extends the reach to that cloud.
onward_from_pc(transport) := t.add_connection(
	t.set_provider(
		t.set_component(breakout, "ext", {"kind": "ai_inference", "hosting": "public_cloud", "region": "us-east-1", "provider": "openai"}),
		"openai", {"roles": ["model_provider"]},
	),
	{"id": "pc-ext", "from": t.comp("pc"), "to": t.comp("ext"), "transport": transport},
)

test_alpha_prime_closed_onward_link_from_breakout_target_passes if {
	inp := t.set_profile(onward_from_pc("private_link"), "alpha_prime", ["alpha_prime"])
	count(seg_002.deny) == 0 with input as inp
}

test_alpha_prime_internet_hop_after_closed_link_from_breakout_target_denied if {
	doc := t.set_component(onward_from_pc("private_link"), "ext2", {"kind": "api", "hosting": "public_cloud", "region": "us-west-2", "provider": "openai"})
	inp := t.set_profile(t.add_connection(doc, {"id": "ext-ext2", "from": t.comp("ext"), "to": t.comp("ext2"), "transport": "internet"}), "alpha_prime", ["alpha_prime"])
	out := seg_002.deny with input as inp
	{f.values | some f in out} == {{"model": "alpha_prime", "from": "component:ext", "to": "component:ext2"}}
}

test_onward_hop_from_breakout_target_is_judged_per_model if {
	# α reports the breakout itself (the first crossing); α′ allows it and reports the onward hop.
	inp := t.set_profile(onward_from_pc("internet"), null, ["alpha", "alpha_prime"])
	out := seg_002.deny with input as inp
	{f.values | some f in out} == {
		{"model": "alpha", "from": "segment:lgwan", "to": "component:pc"},
		{"model": "alpha_prime", "from": "component:pc", "to": "component:ext"},
	}
}

test_alpha_prime_denied_breakout_does_not_extend_the_reach if {
	doc := t.set_provider(onward_from_pc("internet"), "aws", {"ismap": {"kind": "ismap_liu", "impact_assessment": "low"}})
	inp := t.set_profile(doc, "alpha_prime", ["alpha_prime"])
	out := seg_002.deny with input as inp
	{f.values | some f in out} == {{"model": "alpha_prime", "from": "segment:lgwan", "to": "component:pc"}}
}

# LGWAN-ASP closedness: an LGWAN-side component with a public endpoint bridges LGWAN and the internet.
test_denies_lgwan_asp_component_with_public_endpoint if {
	inp := t.with_component("gw", {"public_endpoint": true})
	out := seg_002.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "public_endpoint"
	f.values == {"hosting": "lgwan_asp", "public_endpoint": true}
	f.at == inp.components.gw._at
}

test_denies_lgwan_hosted_component_with_public_endpoint if {
	inp := t.with_component("term", {"kind": "web_app", "hosting": "lgwan", "public_endpoint": true})
	out := seg_002.deny with input as inp
	{[f.field, f.values.hosting, f.at] | some f in out} == {["public_endpoint", "lgwan", inp.components.term._at]}
}

test_public_endpoint_reported_once_for_every_model if {
	inp := t.set_profile(t.with_component("gw", {"public_endpoint": true}), null, ["alpha", "alpha_prime", "beta", "beta_prime"])
	out := seg_002.deny with input as inp
	count(out) == 1
	t.fields(out) == {"public_endpoint"}
}

test_each_bridging_component_is_reported if {
	inp := t.set_component(t.with_component("gw", {"public_endpoint": true}), "store", {"public_endpoint": true})
	{f.at.path | some f in seg_002.deny} == {"components[0]", "components[2]"} with input as inp
}

public_web(h) := t.with_component("web", {"kind": "web_app", "hosting": h, "public_endpoint": true})

test_public_endpoint_outside_lgwan_side_is_not_a_bridge if {
	count(seg_002.deny) == 0 with input as public_web("public_cloud")
	count(seg_002.deny) == 0 with input as public_web("gov_cloud")
	count(seg_002.deny) == 0 with input as public_web("internet")
}

test_public_endpoint_and_internet_crossing_both_reported if {
	doc := t.add_connection(ext, {"id": "gw-ext", "from": t.comp("gw"), "to": t.comp("ext"), "transport": "internet"})
	inp := t.set_component(doc, "gw", {"public_endpoint": true})
	t.fields(seg_002.deny) == {"public_endpoint", "transport"} with input as inp
}

test_bridge_makes_rule_applicable_without_lgwan_edges if {
	inp := t.set_component(no_lgwan_segment_edges, "gw", {"public_endpoint": true})
	count(seg_002.not_applicable) == 0 with input as inp
	t.fields(seg_002.deny) == {"public_endpoint"} with input as inp
}

# Regression: with no closed edge at all, `lib.closed_next` has no entries (undefined in regorus,
# `{}` in OPA); the only path, an internet hop straight from the LGWAN segment, must still be denied.
test_only_internet_edges_still_denied if {
	inp := t.put(t.put(t.base, "connections", []), "flows", [])
	doc := t.add_connection(inp, {"id": "direct", "from": t.seg("lgwan"), "to": t.comp("ai"), "transport": "internet"})
	out := seg_002.deny with input as doc
	count({f | some f in out; f.field == "transport"}) > 0
}
