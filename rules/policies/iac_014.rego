# METADATA
# title: No secrets are hard-coded in IaC
# description: >-
#   No IaC template holds a literal secret — a database password, an access key, an API key or token, a
#   connection string, a private key. Secrets are generated or stored in a secret store (Secrets Manager, Key
#   Vault, Secret Manager, an external secret operator) and referenced. The finding names the attribute and the
#   kind of secret, never its value.
# custom:
#   id: LGAI-IAC-014
#   title_ja: IaC に秘密情報を直接書かない
#   description_ja: >-
#     IaC テンプレートにパスワード・アクセスキー・API キー・トークン・接続文字列・秘密鍵を直接書かない。
#     シークレットストア (Secrets Manager・Key Vault・Secret Manager・External Secrets 等) で生成・保管し参照する。
#     指摘には属性名と種類だけを示し、値は示さない。
#   severity: critical
#   family: access
#   catalog: ["AIC:NET-002"]
#   source: "AI catalog NET-002 (鍵はシークレットストアに保管し、テンプレートに書かない)"
#   honesty: X
#   input: [iac]
#   reads: ["iac.resources[].secrets[].field", "iac.resources[].secrets[].kind"]
#   params: []
#   remediation_ja: >-
#     値をテンプレートから除き、シークレットストアから参照する (aws_db_instance.manage_master_user_password = true
#     または aws_secretsmanager_secret_version の参照、CloudFormation の {{resolve:secretsmanager:…}}、azurerm_key_vault_secret
#     と Key Vault 参照、google_secret_manager_secret_version、K8s は External Secrets
#     Operator / Secrets Store CSI Driver)。漏れた値は失効・再発行し、リポジトリの履歴からも削除する。
#   remediation_en: >-
#     Remove the value from the template and reference a secret store (aws_db_instance.manage_master_user_password = true
#     or an aws_secretsmanager_secret_version reference, {{resolve:secretsmanager:…}} in CloudFormation,
#     azurerm_key_vault_secret with Key Vault references, google_secret_manager_secret_version, External Secrets
#     Operator or the Secrets Store CSI Driver on Kubernetes). Revoke and reissue the leaked value and purge it from
#     the repository history.
package lgai.rules.iac_014

import data.lgai.lib

deny contains lib.finding(r._at, s.field, ja, en, {"type": r.type, "kind": s.kind}) if {
	some r in input.iac.resources
	some s in r.secrets
	ja := sprintf("%s (%s) の %s に秘密情報 (%s) が直接書かれている", [r.address, r.type, s.field, s.kind])
	en := sprintf("%s (%s) has a hard-coded secret (%s) in %s", [r.address, r.type, s.kind, s.field])
}

not_applicable contains lib.reason("IaC がない", "no IaC") if {
	count(input.iac.resources) == 0
}
