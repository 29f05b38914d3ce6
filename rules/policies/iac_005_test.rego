package lgai.rules.iac_005_test

import data.lgai.rules.iac_005
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac(rs) := t.put(t.base, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

sg(ingress) := res({
	"type": "aws_security_group", "address": "aws_security_group.web", "category": "network",
	"_at": {"file": "sg.tf", "line": 7, "path": "aws_security_group.web"},
	"exposure": {"ingress": ingress},
})

rule(cidr, from, to, proto) := {"cidr": cidr, "from_port": from, "to_port": to, "protocol": proto}

test_not_applicable_without_iac if {
	count(iac_005.not_applicable) == 1 with input as t.base
}

test_not_applicable_without_ingress_rules if {
	inp := with_iac([res({})])
	count(iac_005.deny) == 0 with input as inp
	count(iac_005.not_applicable) == 1 with input as inp
}

test_https_from_internet_and_ssh_from_office_pass if {
	inp := with_iac([sg([rule("0.0.0.0/0", 443, 443, "tcp"), rule("203.0.113.0/24", 22, 22, "tcp")])])
	count(iac_005.deny) == 0 with input as inp
	count(iac_005.not_applicable) == 0 with input as inp
}

test_denies_ssh_from_internet if {
	r := sg([rule("0.0.0.0/0", 443, 443, "tcp"), rule("0.0.0.0/0", 22, 22, "tcp")])
	out := iac_005.deny with input as with_iac([r])
	count(out) == 1
	some f in out
	f.field == "exposure.ingress[1]"
	f.at == r._at
	f.values == {"cidr": "0.0.0.0/0", "protocol": "tcp", "from_port": 22, "to_port": 22, "ports": [22]}
}

test_denies_port_range_covering_database_ports if {
	out := iac_005.deny with input as with_iac([sg([rule("::/0", 3000, 6000, "tcp")])])
	{f.values.ports | some f in out} == {[3306, 3389, 5432]}
}

test_denies_azure_internet_tag_rdp if {
	r := res({"cloud": "azure", "type": "azurerm_network_security_rule", "address": "azurerm_network_security_rule.rdp", "category": "network", "exposure": {"ingress": [rule("Internet", 3389, 3389, "Tcp")]}})
	t.fields(iac_005.deny) == {"exposure.ingress[0]"} with input as with_iac([r])
}

test_denies_all_ports if {
	out := iac_005.deny with input as with_iac([sg([rule("0.0.0.0/0", null, null, "all")])])
	{f.values.ports | some f in out} == {"all"}
	out2 := iac_005.deny with input as with_iac([sg([rule("0.0.0.0/0", 0, 0, "-1")])])
	{f.values.ports | some f in out2} == {"all"}
}

test_icmp_from_internet_passes if {
	count(iac_005.deny) == 0 with input as with_iac([sg([rule("0.0.0.0/0", null, null, "icmp")])])
}

test_param_admin_ports if {
	inp := with_iac([sg([rule("0.0.0.0/0", 8080, 8080, "tcp")])])
	count(iac_005.deny) == 0 with input as inp
	t.fields(iac_005.deny) == {"exposure.ingress[0]"} with input as inp with data.lgai.params.admin_ports as [22, 8080]
}
