# Helpers shared by every built-in rule. Not a rule itself (no METADATA block).
package lgai.lib

# A finding: where (the input object's _at plus a field below it), what (ja/en), the values seen.
finding(at, field, ja, en, values) := {"at": at, "field": field, "msg": {"ja": ja, "en": en}, "values": values}

# A not-applicable reason or an undetermined note, in both languages.
reason(ja, en) := {"ja": ja, "en": en}



# Segments inside the municipality (三層).
municipal_segments := {"mynumber", "lgwan", "internet"}

# Hosting that is a cloud or outsourced service rather than a municipal system.
outsourced_hosting := {"lgwan_asp", "public_cloud", "gov_cloud"}

storing_kinds := {"storage", "database", "vector_store", "log_store", "queue"}

# Providers whose role makes them a cloud service in the ISMAP sense.
cloud_roles := {"iaas", "paas", "saas", "model_provider"}

# Rank of a confidentiality class in the municipality's scheme (checker/classification.py).
conf_rank(class) := data.lgai.params.conf_rank_schemes[data.lgai.params.confidentiality_scheme][class]

# A region or place is in Japan.
region_in_japan(region) if region in data.lgai.params.japan_region_set

component_in_japan(c) if region_in_japan(c.region)

component_in_japan(c) if {
	c.region == null
	c.country == "JP"
}

# Municipal systems and LGWAN-ASP (J-LIS admits only providers located in Japan) without a region.
component_in_japan(c) if {
	c.region == null
	c.country == null
	c.hosting in (municipal_segments | {"lgwan_asp", "on_premises"})
}

# Data that the guideline treats as needing protection: 機密性2以上 or any personal information.
protected(received) if received.conf_rank_max >= 2

protected(received) if received.personal_rank_max >= 1

# The node a flow or connection endpoint stands for in the service graph.
node(ep) := sprintf("segment:%s", [ep.segment]) if ep.segment != null

node(ep) := sprintf("component:%s", [ep.component]) if ep.component != null

# Hosting of an endpoint: the segment itself, or the component's hosting.
hosting(ep) := ep.segment if ep.segment != null

hosting(ep) := input.components[ep.component].hosting if ep.component != null

# A component that runs AI: kind ai_inference, or named by an AI model.
is_ai_component(cid) if input.components[cid].kind == "ai_inference"

is_ai_component(cid) if {
	some m in input.ai_models
	m.component == cid
}

# An endpoint on the internet side: the internet segment, a public cloud, or any component
# with a public endpoint.
internet_side(ep) if hosting(ep) in {"internet", "public_cloud"}

internet_side(ep) if input.components[ep.component].public_endpoint == true

# TLS version ordering ("none" < "1.0" < ... < "1.3").
tls_rank := {"none": 0, "1.0": 1, "1.1": 2, "1.2": 3, "1.3": 4}

tls_below_min(v) if tls_rank[v] < tls_rank[data.lgai.params.min_tls_version]

# Every edge of the service graph: declared connections and data flows.
edges contains e if {
	some c in input.connections
	e := {"from": node(c.from), "to": node(c.to), "transport": c.transport, "src": c, "kind": "connection"}
}

edges contains e if {
	some f in input.flows
	e := {"from": node(f.from), "to": node(f.to), "transport": f.transport, "src": f, "kind": "flow"}
}

# The closed part of the service graph: edges that do not cross the internet and do not
# pass through another municipal segment. graph.reachable only follows nodes that are
# keys of the graph, so every node gets a key (with an empty set when it has no edges).
closed_edges contains e if {
	some e in edges
	e.transport != "internet"
	not startswith(e.to, "segment:")
}

closed_next[n] contains e.to if {
	some e in closed_edges
	n := e.from
}

nodes contains n if {
	some e in edges
	some n in [e.from, e.to]
}

# A multi-value rule with no entries is `{}` in OPA but undefined in regorus: read it through
# an else so that a graph without closed edges behaves the same on both engines.
closed_next_or_empty := x if {
	x := closed_next
} else := {}

closed_graph := {n: object.get(closed_next_or_empty, n, set()) | some n in nodes}

# Where data of municipal segment `seg` starts: the segment, and components hosted in it.
segment_nodes(seg) := {sprintf("segment:%s", [seg])} | {sprintf("component:%s", [cid]) | some cid, c in input.components; c.hosting == seg}

# Nodes that data starting in municipal segment `seg` reaches without crossing the internet.
reachable_from_segment(seg) := graph.reachable(closed_graph, segment_nodes(seg))

# --- IaC (input.iac.resources; checker/iac/model.py) ---

# An IaC resource holds data that must be protected: linked to a component receiving 機密性2+ or
# personal data, or not linked to any declared component (then assumed to, see checker/iac/normalise.py).
iac_protected(r) if r.holds.assumed

iac_protected(r) if protected(r.holds)

iac_storing_categories := {"storage", "database", "volume", "vector_store", "logging"}

# Internet-wide source ranges.
internet_cidrs := {"0.0.0.0/0", "::/0", "*", "Internet", "any", "0.0.0.0"}

# Case-insensitive form of internet_cidrs (Azure writes "Internet", "Any").
iac_internet_cidr(cidr) if lower(cidr) in {lower(x) | some x in internet_cidrs}

# Region names compared the way lgai spells them: lowercase, no spaces ("Japan East" -> japaneast).
iac_region(x) := replace(lower(x), " ", "")

iac_region_in_japan(x) if region_in_japan(iac_region(x))

# Data that needs customer-managed keys (GL:ENC-002): a linked resource holding 機密性3 (rank 3 or
# above in both schemes) or special-care / specific personal information (PERSONAL_RANK sensitive 2,
# specific 3). Unlinked resources are assumed to hold 機密性2+, not 3, so they are not in scope.
iac_needs_cmk(r) if {
	not r.holds.assumed
	r.holds.conf_rank_max >= 3
}

iac_needs_cmk(r) if {
	not r.holds.assumed
	r.holds.personal_rank_max >= 2
}

# Clouds whose account-level controls (audit trail, threat detection) IaC can configure.
iac_account_clouds := {"aws", "azure", "gcp"}

# Start line of a resource, 0 when unknown (for ordering only).
iac_line(r) := r._at.line if {
	is_number(r._at.line)
} else := 0

# The `_at` of the first resource of a non-empty set (by file, line, address): where a finding
# about a group of resources (a cloud, a file) points.
iac_first_at(rs) := at if {
	k := min({[r._at.file, iac_line(r), r._at.path] | some r in rs})
	some r in rs
	[r._at.file, iac_line(r), r._at.path] == k
	at := r._at
}

# What a resource holds, for messages (ja / en): its components and the assets they receive, or
# that it is assumed to hold 機密性2+ data.
iac_holds_assets(r) := sort({a | some cid in r.holds.components; some a in input.components[cid].received.assets})

iac_holds_ja(r) := "構成要素に未対応のため機密性2以上を保持すると仮定" if {
	r.holds.assumed
} else := sprintf("構成要素 %s、データ %s", [concat(", ", r.holds.components), concat(", ", iac_holds_assets(r))])

iac_holds_en(r) := "not linked to a component, so assumed to hold 機密性2+ data" if {
	r.holds.assumed
} else := sprintf("components %s, data %s", [concat(", ", r.holds.components), concat(", ", iac_holds_assets(r))])

# Ingress rules (exposure.ingress[]): protocols without ports, rules that open every port, and
# whether a rule's port range covers a port.
iac_portless_protocols := {"icmp", "icmpv6", "ipv6-icmp", "1", "58"}

iac_all_ports(i) if i.from_port == null

iac_all_ports(i) if i.to_port == null

iac_all_ports(i) if lower(i.protocol) in {"all", "-1", "*"}

iac_ingress_covers(i, p) if {
	not iac_all_ports(i)
	i.from_port <= p
	p <= i.to_port
}

# IAM members that are workloads rather than people: GCP service accounts and workload identity
# federation, Kubernetes service accounts, Azure service principals / managed identities.
iac_workload_member(m) if startswith(lower(m), "serviceaccount:")

iac_workload_member(m) if contains(lower(m), "serviceaccount")

iac_workload_member(m) if contains(lower(m), ".iam.gserviceaccount.com")

iac_workload_member(m) if contains(lower(m), "workloadidentitypools")

iac_workload_member(m) if contains(lower(m), "serviceprincipal")

iac_workload_member(m) if contains(lower(m), "managedidentity")

# Members that are people or groups of people.
iac_human_member(m) if regex.match(`^(user|group|domain):`, lower(m))

iac_human_member(m) if regex.match(`^(user|group)/`, lower(m))

iac_public_member(m) if lower(m) in {"allusers", "allauthenticatedusers", "system:anonymous", "system:unauthenticated"}
