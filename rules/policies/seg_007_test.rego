package lgai.rules.seg_007_test

import data.lgai.rules.seg_007
import data.lgai.testing as t

client(agent_required, split_tunnel) := t.with_patch({"municipal_client": {"agent_required": agent_required, "split_tunnel": split_tunnel}})

client_at := {"file": "lgai.yaml", "path": "municipal_client"}

test_base_without_agent_passes if {
	count(seg_007.deny) == 0 with input as t.base
	count(seg_007.undetermined) == 0 with input as t.base
}

test_denies_split_tunnel if {
	out := seg_007.deny with input as client(true, true)
	count(out) == 1
	some f in out
	f.field == "split_tunnel"
	f.at == client_at
	f.values == {"split_tunnel": true}
	count(seg_007.undetermined) == 0 with input as client(true, true)
}

test_denies_split_tunnel_without_agent if {
	count(seg_007.deny) == 1 with input as client(false, true)
}

test_agent_without_split_tunnel_passes if {
	inp := client(true, false)
	count(seg_007.deny) == 0 with input as inp
	count(seg_007.undetermined) == 0 with input as inp
}

test_agent_with_undeclared_split_tunnel_is_undetermined if {
	inp := client(true, null)
	count(seg_007.deny) == 0 with input as inp
	out := seg_007.undetermined with input as inp
	count(out) == 1
	some f in out
	f.field == "split_tunnel"
	f.at == client_at
	f.values == {"agent_required": true, "split_tunnel": null}
}

test_no_agent_and_undeclared_split_tunnel_passes if {
	inp := client(false, null)
	count(seg_007.deny) == 0 with input as inp
	count(seg_007.undetermined) == 0 with input as inp
}

test_missing_municipal_client_section_passes if {
	inp := t.with_patch({"municipal_client": null})
	count(seg_007.deny) == 0 with input as inp
	count(seg_007.undetermined) == 0 with input as inp
}
