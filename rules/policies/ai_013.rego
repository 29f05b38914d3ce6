# METADATA
# title: AI agents declare their tools, need approval for external actions and log every action
# description: >-
#   Applies when the AI acts (agent.enabled: tool calls, sending, updating records). Its tools are declared
#   with their permission scope; a tool whose effect reaches outside the service (sending mail, updating case
#   records, calling external systems) runs only after a staff member approves it; and every action is logged.
# custom:
#   id: LGAI-AI-013
#   title_ja: AIエージェントの統制
#   description_ja: >-
#     AIが操作(ツールの呼出し・送信・更新)を行う場合(agent.enabled)に適用する。使うツールを権限の範囲とともに宣言し、
#     外部に作用するツール(メール送信、業務記録の更新、外部システムの呼出し等)は職員の承認を得てから実行し、
#     すべての操作を記録する。
#   severity: high
#   family: ai
#   catalog: ["AIC:AGT-001"]
#   source: "AI事業者ガイドライン 第1.2版 (2026-03-31, AIエージェントと人間の判断の関与); AIセーフティ・インスティテュート AIセーフティに関する評価観点ガイド 第1.20版 (2026-07-07, 観測と制御)"
#   honesty: V
#   input: [architecture]
#   reads: ["agent.enabled", "agent.tools", "agent.tools[].effect", "agent.tools[].requires_human_approval", "agent.tools[].name", "agent.action_logging"]
#   params: []
#   remediation_ja: "エージェントが使うツールを権限の範囲とともに agent.tools に記載し、外部に作用するツールは実行前に職員の承認を必須(requires_human_approval: true)とし、すべての操作を記録する(agent.action_logging: true)。"
#   remediation_en: Declare the agent's tools with their permission scope in agent.tools, require staff approval before any tool with an external effect (requires_human_approval true), and log every action (agent.action_logging true).
package lgai.rules.ai_013

import data.lgai.lib

agent := input.agent

agent_at := {"file": input._files.declaration, "path": "agent"}

enabled if agent.enabled == true

deny contains lib.finding(agent_at, "tools", ja, en, {"tools": []}) if {
	enabled
	count(agent.tools) == 0
	ja := "AIエージェントが使うツールと権限の範囲が宣言されていない"
	en := "the tools the AI agent uses, and their permission scope, are not declared"
}

deny contains lib.finding(at, "requires_human_approval", ja, en, {"name": tool.name, "effect": "external", "requires_human_approval": tool.requires_human_approval}) if {
	enabled
	some i, tool in agent.tools
	tool.effect == "external"
	tool.requires_human_approval != true
	at := {"file": input._files.declaration, "path": sprintf("agent.tools[%d]", [i])}
	ja := sprintf("外部に作用するツール %s が職員の承認なしに実行される", [tool.name])
	en := sprintf("tool %s acts outside the service without staff approval", [tool.name])
}

deny contains lib.finding(agent_at, "action_logging", ja, en, {"action_logging": agent.action_logging}) if {
	enabled
	agent.action_logging != true
	ja := "AIエージェントの操作が記録されない"
	en := "the AI agent's actions are not logged"
}

not_applicable contains lib.reason(
	"AIが操作(ツールの呼出し・送信・更新)を行わない",
	"the AI does not act (no tool calls, sending or updates)",
) if {
	not enabled
}
