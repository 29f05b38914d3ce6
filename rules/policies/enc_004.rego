# METADATA
# title: AI models are reached privately and their API keys are kept in a secret store
# description: >-
#   No component calls an AI component (an AI inference component or one running a declared AI model)
#   over the internet: model APIs are reached over private links, closed networks or VPNs. Where AI models
#   are used, API keys and credentials are kept in a secret store (a secrets manager or key vault), not in
#   environment variables, source code or templates. Not declaring where they are kept fails.
# custom:
#   id: LGAI-ENC-004
#   title_ja: AIモデルへの私設接続と秘密情報の管理
#   description_ja: >-
#     構成要素からAIの構成要素(AI推論を行うもの、またはAIモデルが動くもの)への接続はインターネットを経由せず、
#     プライベートリンク・閉域網・VPN による。AIモデルを使う場合、APIキー等の秘密情報はシークレットストア
#     (Secrets Manager・Key Vault 等)に保管し、環境変数・ソースコード・テンプレートには置かない。保管場所の
#     宣言がない場合も不適合。
#   severity: high
#   family: encryption
#   catalog: ["AIC:NET-002"]
#   source: "提案 (一般的な良い慣行; 地方公共団体における情報セキュリティポリシーに関するガイドライン 全般)"
#   honesty: X
#   input: [architecture, dataflows]
#   reads: ["connections[].from", "connections[].to", "connections[].transport", "flows[].from", "flows[].to", "flows[].transport", "components[].kind", "ai_models[].component", "operations.secrets_management"]
#   params: []
#   remediation_ja: "AIモデルのAPIにはプライベートエンドポイント(PrivateLink・Private Endpoint 等)で接続し、APIキーはシークレットストアに保管して operations.secrets_management: secret_store と記載する。"
#   remediation_en: Reach model APIs through private endpoints (PrivateLink, Private Endpoint), keep API keys in a secret store, and declare operations.secrets_management secret_store.
package lgai.rules.enc_004

import data.lgai.lib

# A component that runs AI exists (an ai_inference component, or a declared model).
ai_present if count(input.ai_models) > 0

ai_present if {
	some c in input.components
	c.kind == "ai_inference"
}

deny contains lib.finding(e.src._at, "transport", ja, en, {"transport": "internet"}) if {
	some e in lib.edges
	e.transport == "internet"
	caller := e.src.from.component
	caller != null
	to := e.src.to.component
	to != null
	lib.is_ai_component(to)
	ja := sprintf("%s: %s からAIの構成要素 %s へインターネット経由で接続している", [e.src.id, caller, to])
	en := sprintf("%s: %s reaches the AI component %s over the internet", [e.src.id, caller, to])
}

deny contains lib.finding(ops_at, "secrets_management", ja, en, {"secrets_management": v}) if {
	count(input.ai_models) > 0
	v := input.operations.secrets_management
	v != "secret_store"
	ja := sprintf("AIモデルのAPIキー等がシークレットストアに保管されていない (%v)", [v])
	en := sprintf("API keys and credentials for the AI models are not kept in a secret store (%v)", [v])
}

ops_at := {"file": input._files.declaration, "path": "operations"}

not_applicable contains lib.reason("AIモデル・AI推論の構成要素がない", "no AI model or AI inference component is declared") if {
	not ai_present
}
