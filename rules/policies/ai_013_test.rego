package lgai.rules.ai_013_test

import data.lgai.rules.ai_013
import data.lgai.testing as t

agent_at := {"file": "lgai.yaml", "path": "agent"}

search := {"name": "search_docs", "effect": "internal", "permission_scope": "文書管理(参照のみ)", "requires_human_approval": false}

mail := {"name": "send_mail", "effect": "external", "permission_scope": "庁内メール送信", "requires_human_approval": true}

agent(p) := t.with_patch({"agent": object.union({"enabled": true, "tools": [search, mail], "action_logging": true}, p)})

test_base_without_agent_is_not_applicable if {
	count(ai_013.deny) == 0 with input as t.base
	count(ai_013.not_applicable) == 1 with input as t.base
}

test_controlled_agent_passes if {
	count(ai_013.deny) == 0 with input as agent({})
	count(ai_013.not_applicable) == 0 with input as agent({})
}

test_denies_no_tools if {
	out := ai_013.deny with input as agent({"tools": []})
	count(out) == 1
	some f in out
	f.at == agent_at
	f.field == "tools"
}

test_denies_external_tool_without_approval if {
	out := ai_013.deny with input as agent({"tools": [search, object.union(mail, {"requires_human_approval": false})]})
	count(out) == 1
	some f in out
	f.at == {"file": "lgai.yaml", "path": "agent.tools[1]"}
	f.field == "requires_human_approval"
	f.values == {"name": "send_mail", "effect": "external", "requires_human_approval": false}
}

test_internal_tool_needs_no_approval if {
	count(ai_013.deny) == 0 with input as agent({"tools": [search]})
}

test_each_unapproved_external_tool_is_reported if {
	upd := {"name": "update_case", "effect": "external", "permission_scope": "案件記録の更新", "requires_human_approval": false}
	inp := agent({"tools": [object.union(mail, {"requires_human_approval": false}), search, upd]})
	{f.at.path | some f in ai_013.deny} == {"agent.tools[0]", "agent.tools[2]"} with input as inp
}

test_denies_no_action_logging if {
	out := ai_013.deny with input as agent({"action_logging": null})
	count(out) == 1
	some f in out
	f.at == agent_at
	f.field == "action_logging"
	f.values == {"action_logging": null}
}

test_disabled_agent_with_tools_is_not_applicable if {
	inp := agent({"enabled": false, "action_logging": false, "tools": [object.union(mail, {"requires_human_approval": false})]})
	count(ai_013.deny) == 0 with input as inp
	count(ai_013.not_applicable) == 1 with input as inp
}
