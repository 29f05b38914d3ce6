package lgai.rules.seg_001_test

import data.lgai.rules.seg_001
import data.lgai.testing as t

# A standard system on the Gov-Cloud and a vendor appliance inside the My Number segment.
with_mynumber_targets := t.set_component(
	t.set_component(t.base, "std", {"kind": "api", "hosting": "gov_cloud", "region": "ap-northeast-1"}),
	"mn", {"kind": "compute", "hosting": "mynumber"},
)

test_compliant_base_is_not_applicable if {
	count(seg_001.deny) == 0 with input as t.base
	count(seg_001.not_applicable) == 1 with input as t.base
}

test_closed_path_to_gov_cloud_passes if {
	inp := t.add_connection(with_mynumber_targets, {"id": "mn-std", "from": t.seg("mynumber"), "to": t.comp("std"), "transport": "closed_network"})
	count(seg_001.deny) == 0 with input as inp
	count(seg_001.not_applicable) == 0 with input as inp
}

test_internal_path_within_mynumber_segment_passes if {
	inp := t.add_connection(with_mynumber_targets, {"id": "mn-mn", "from": t.seg("mynumber"), "to": t.comp("mn"), "transport": "internal"})
	count(seg_001.deny) == 0 with input as inp
}

# Branch 1: the target is not a designated system.
test_denies_connection_to_lgwan_asp if {
	inp := t.with_added_connection({"id": "mn-gw", "from": t.seg("mynumber"), "to": t.comp("gw"), "transport": "lgwan"})
	out := seg_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "to"
	f.values == {"to": "component:gw", "hosting": "lgwan_asp"}
	f.at == inp.connections[3]._at
	count(seg_001.not_applicable) == 0 with input as inp
}

test_denies_flow_to_public_cloud_ai if {
	doc := t.set_component(t.base, "pc", {"kind": "ai_inference", "hosting": "public_cloud", "region": "ap-northeast-1", "provider": "aws"})
	inp := t.add_flow(doc, {"id": "mn-ai", "from": t.seg("mynumber"), "to": t.comp("pc"), "transport": "closed_network", "tls_min_version": "1.2"})
	out := seg_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "to"
	f.values == {"to": "component:pc", "hosting": "public_cloud"}
	f.at == inp.flows[4]._at
}

test_denies_path_from_mynumber_hosted_component_to_lgwan_segment if {
	inp := t.add_connection(with_mynumber_targets, {"id": "mn-out", "from": t.comp("mn"), "to": t.seg("lgwan"), "transport": "lgwan"})
	out := seg_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "to"
	f.values == {"to": "segment:lgwan", "hosting": "lgwan"}
}

# Branch 2: a designated Gov-Cloud system, but not over a closed circuit.
test_denies_gov_cloud_over_internet if {
	inp := t.add_connection(with_mynumber_targets, {"id": "mn-std", "from": t.seg("mynumber"), "to": t.comp("std"), "transport": "internet"})
	out := seg_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "transport"
	f.values == {"to": "component:std", "transport": "internet"}
	f.at == inp.connections[3]._at
}

test_denies_gov_cloud_over_vpn if {
	inp := t.add_connection(with_mynumber_targets, {"id": "mn-std", "from": t.seg("mynumber"), "to": t.comp("std"), "transport": "vpn"})
	t.fields(seg_001.deny) == {"transport"} with input as inp
}

# Parameters.
test_param_allowed_hosting if {
	inp := t.add_connection(with_mynumber_targets, {"id": "mn-std", "from": t.seg("mynumber"), "to": t.comp("std"), "transport": "closed_network"})
	out := seg_001.deny with input as inp with data.lgai.params.mynumber_allowed_hosting as ["mynumber"]
	count(out) == 1
	some f in out
	f.field == "to"
	f.values == {"to": "component:std", "hosting": "gov_cloud"}
}

test_param_allowed_transport if {
	inp := t.add_connection(with_mynumber_targets, {"id": "mn-std", "from": t.seg("mynumber"), "to": t.comp("std"), "transport": "vpn"})
	count(seg_001.deny) == 0 with input as inp with data.lgai.params.mynumber_allowed_transport as ["closed_network", "internal", "vpn"]
}

# Regression: every path out of the My Number segment must use a closed circuit, even to a
# component hosted `mynumber`; an internet transport there is denied (field "transport").
test_internet_path_to_mynumber_hosted_component_is_denied if {
	inp := t.add_connection(with_mynumber_targets, {"id": "mn-mn", "from": t.seg("mynumber"), "to": t.comp("mn"), "transport": "internet"})
	t.fields(seg_001.deny) == {"transport"} with input as inp
}

# Branch 3: an AI component is never a designated destination, even on the Gov-Cloud over a
# closed circuit.
with_gov_cloud_ai := t.set_component(with_mynumber_targets, "gai", {"kind": "ai_inference", "hosting": "gov_cloud", "region": "ap-northeast-1", "provider": "aws"})

test_denies_closed_path_to_gov_cloud_ai_inference if {
	inp := t.add_connection(with_gov_cloud_ai, {"id": "mn-gai", "from": t.seg("mynumber"), "to": t.comp("gai"), "transport": "closed_network"})
	out := seg_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "to"
	f.values == {"to": "component:gai"}
	f.at == inp.connections[3]._at
}

test_closed_flow_to_gov_cloud_component_without_model_passes if {
	inp := t.add_flow(with_mynumber_targets, {"id": "mn-std", "from": t.seg("mynumber"), "to": t.comp("std"), "transport": "closed_network", "tls_min_version": "1.2"})
	count(seg_001.deny) == 0 with input as inp
	count(seg_001.not_applicable) == 0 with input as inp
}

test_denies_closed_flow_to_gov_cloud_component_named_by_ai_model if {
	# `std` is kind api, but an ai_models entry runs on it.
	doc := t.set_model(with_mynumber_targets, "gmodel", {"component": "std"})
	inp := t.add_flow(doc, {"id": "mn-std", "from": t.seg("mynumber"), "to": t.comp("std"), "transport": "closed_network", "tls_min_version": "1.2"})
	out := seg_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "to"
	f.values == {"to": "component:std"}
	f.at == inp.flows[4]._at
}

test_denies_internal_path_to_ai_component_inside_mynumber_segment if {
	doc := t.set_component(with_mynumber_targets, "mn", {"kind": "ai_inference"})
	inp := t.add_connection(doc, {"id": "mn-mn", "from": t.seg("mynumber"), "to": t.comp("mn"), "transport": "internal"})
	out := seg_001.deny with input as inp
	{[f.field, f.values] | some f in out} == {["to", {"to": "component:mn"}]}
}

# Branch 2 for targets inside the My Number segment: the transport is checked there too.
with_second_mynumber_component := t.set_component(with_mynumber_targets, "mn2", {"kind": "database", "hosting": "mynumber"})

test_closed_path_between_mynumber_hosted_components_passes if {
	inp := t.add_connection(with_second_mynumber_component, {"id": "mn-mn2", "from": t.comp("mn"), "to": t.comp("mn2"), "transport": "closed_network"})
	count(seg_001.deny) == 0 with input as inp
	count(seg_001.not_applicable) == 0 with input as inp
}

test_denies_internet_path_between_mynumber_hosted_components if {
	inp := t.add_connection(with_second_mynumber_component, {"id": "mn-mn2", "from": t.comp("mn"), "to": t.comp("mn2"), "transport": "internet"})
	out := seg_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "transport"
	f.values == {"to": "component:mn2", "transport": "internet"}
	f.at == inp.connections[3]._at
}

test_denies_lgwan_transport_flow_to_mynumber_hosted_component if {
	inp := t.add_flow(with_mynumber_targets, {"id": "mn-mn", "from": t.seg("mynumber"), "to": t.comp("mn"), "transport": "lgwan", "tls_min_version": "1.2"})
	out := seg_001.deny with input as inp
	{[f.field, f.values] | some f in out} == {["transport", {"to": "component:mn", "transport": "lgwan"}]}
}
