# METADATA
# title: Administrative and database ports are not open to the internet
# description: >-
#   No security group, network security group or firewall rule defined in IaC admits traffic from the whole
#   internet (0.0.0.0/0, ::/0, Azure `Internet` / `*`) to an administrative or database port (SSH, RDP,
#   SQL Server, MySQL, PostgreSQL, Redis, Elasticsearch/OpenSearch, MongoDB — the `admin_ports` parameter) or
#   to every port. Remote maintenance goes through an approved, logged path (bastion, Session Manager, IAP,
#   VPN), never a port open to the world.
# custom:
#   id: LGAI-IAC-005
#   title_ja: 管理用・DB ポートをインターネットに開放しない
#   description_ja: >-
#     IaC で定義したセキュリティグループ・NSG・ファイアウォールは、インターネット全体 (0.0.0.0/0・::/0・Azure の
#     Internet / *) から管理用・DB ポート (SSH・RDP・SQL Server・MySQL・PostgreSQL・Redis・Elasticsearch/OpenSearch・MongoDB。admin_ports
#     パラメータ) や全ポートへの通信を許可しない。リモート保守は承認され記録される経路
#     (踏み台・Session Manager・IAP・VPN) を使う。
#   severity: critical
#   family: access
#   catalog: ["GL:IAM-005", "GL:NET-004"]
#   source: "総務省 ガイドライン 技術的セキュリティ (リモート保守)、情報システム全体の強靭性の向上 (LGWAN接続系とインターネットの分離); ポート一覧は提案"
#   honesty: K/P
#   input: [iac]
#   reads: ["iac.resources[].exposure.ingress[].cidr", "iac.resources[].exposure.ingress[].from_port", "iac.resources[].exposure.ingress[].to_port", "iac.resources[].exposure.ingress[].protocol"]
#   params: [admin_ports]
#   remediation_ja: >-
#     送信元をインターネット全体にしない (aws_security_group の ingress.cidr_blocks / aws_vpc_security_group_ingress_rule.cidr_ipv4
#     を管理用ネットワークに限定、azurerm_network_security_rule の source_address_prefix を Internet / * にしない、google_compute_firewall
#     の source_ranges を 0.0.0.0/0 にしない)。保守は AWS Systems Manager Session Manager・Azure
#     Bastion・GCP IAP TCP forwarding・VPN を使う。
#   remediation_en: >-
#     Do not admit the whole internet (restrict aws_security_group ingress cidr_blocks / aws_vpc_security_group_ingress_rule
#     cidr_ipv4 to the management network; no Internet or * source_address_prefix on azurerm_network_security_rule; no
#     0.0.0.0/0 source_ranges on google_compute_firewall). Maintain through AWS Systems Manager Session Manager, Azure
#     Bastion, GCP IAP TCP forwarding or a VPN.
package lgai.rules.iac_005

import data.lgai.lib

with_ingress contains r if {
	some r in input.iac.resources
	count(r.exposure.ingress) > 0
}

open_to_internet(i) if {
	lib.iac_internet_cidr(i.cidr)
	not lower(i.protocol) in lib.iac_portless_protocols
}

deny contains lib.finding(r._at, sprintf("exposure.ingress[%d]", [n]), ja, en, values) if {
	some r in with_ingress
	some n, i in r.exposure.ingress
	open_to_internet(i)
	lib.iac_all_ports(i)
	values := {"cidr": i.cidr, "protocol": i.protocol, "from_port": i.from_port, "to_port": i.to_port, "ports": "all"}
	ja := sprintf("%s (%s) がインターネット全体 (%s) から全ポートへの通信を許可している", [r.address, r.type, i.cidr])
	en := sprintf("%s (%s) admits the whole internet (%s) to every port", [r.address, r.type, i.cidr])
}

deny contains lib.finding(r._at, sprintf("exposure.ingress[%d]", [n]), ja, en, values) if {
	some r in with_ingress
	some n, i in r.exposure.ingress
	open_to_internet(i)
	ports := sort({p | some p in data.lgai.params.admin_ports; lib.iac_ingress_covers(i, p)})
	count(ports) > 0
	values := {"cidr": i.cidr, "protocol": i.protocol, "from_port": i.from_port, "to_port": i.to_port, "ports": ports}
	shown := concat(", ", [sprintf("%d", [p]) | some p in ports])
	ja := sprintf("%s (%s) がインターネット全体 (%s) から管理用・DB ポート %s への通信を許可している", [r.address, r.type, i.cidr, shown])
	en := sprintf("%s (%s) admits the whole internet (%s) to administrative / database port(s) %s", [r.address, r.type, i.cidr, shown])
}

not_applicable contains lib.reason(
	"IaC に受信許可ルール (セキュリティグループ・NSG・ファイアウォール) がない",
	"no IaC security group, NSG or firewall ingress rule",
) if {
	count(with_ingress) == 0
}
