"""Azure (azurerm) resources in Terraform: storage, databases, AI services (Azure OpenAI / AI
Search), network, load balancers, logging, Defender, keys, secrets and role assignments.

The first half holds helpers shared with gcp.py (reference lookup, deferred resolution, literal
secrets). A fact that depends on another resource (a location written as
`azurerm_resource_group.rg.location` that checkov could not render, a deployment's account, a
diagnostic setting's destination) is *deferred*: the resource records the reference, and a
second pass (an attachment registered for the same type, run after every resource exists)
settles it, resolving the referred resource first, so the order of files does not matter.
"""

from __future__ import annotations

import functools
import ipaddress
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from .extract import (
    Context,
    Parsed,
    as_bool,
    as_int,
    as_list,
    as_str,
    attachment,
    block,
    blocks,
    is_unresolved,
    resource,
    unwrap,
)
from .model import Ai, Backup, Encryption, IacResource, Iam, Ingress, Logging, SecretFinding, Tls

# --------------------------------------------------------------------------- shared helpers

# `type.name` at the start of a reference checkov left unrendered (`azurerm_x.y.id`,
# `module.m.google_x.y[0].name`, `azurerm_x.y.identity[0].principal_id`).
_ADDRESS = re.compile(r"^((?:module\.[\w-]+(?:\[[^\]]*\])?\.)*[a-z][a-z0-9]*_[a-z0-9_]+\.[\w-]+)(\[[^\]]*\])?(\..*)?$")


@dataclass
class LateState:
    """Per-scan state of the deferred (second) pass, kept on the Context."""

    pending: dict[str, list[tuple[Parsed, str, Callable | None, tuple[str, ...]]]] = field(default_factory=dict)
    parsed: dict[str, Parsed] = field(default_factory=dict)  # address -> parsed resource (for late lookups)
    names: dict[tuple[str, str], str] = field(default_factory=dict)  # (type, literal name/id) -> address
    storage: dict[str, dict] = field(default_factory=dict)  # Azure storage account address -> exposure inputs


def late(ctx: Context) -> LateState:
    return ctx.state("late", LateState)


def remember(ctx: Context, r: Parsed, res: IacResource, *name_keys: str) -> IacResource:
    """Keep the parsed resource for the second pass and index its literal names."""
    st = late(ctx)
    st.parsed[res.address] = r
    for key in name_keys:
        literal = r.get(key)
        if isinstance(literal, str) and literal and not is_unresolved(literal):
            st.names.setdefault((r.type, literal), res.address)
    return res


def module_prefix(r: Parsed) -> str:
    if not r.address.startswith("module."):
        return ""
    m = _ADDRESS.match(r.address)
    parts = r.address.split(".")
    # module.a.module.b.type.name -> module.a.module.b
    return ".".join(parts[:-2]) if m else ""


def ref_text(value: Any) -> str | None:
    value = unwrap(value)
    if isinstance(value, dict) and "Ref" in value:
        value = value["Ref"]
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if value.startswith("${") and value.endswith("}"):
        value = value[2:-1]
    return value


def is_reference(value: Any) -> bool:
    """A Terraform reference to another resource (`azurerm_x.y.location`) that checkov left as text."""
    text = ref_text(value)
    return bool(text and _ADDRESS.match(text) and not text.startswith(("var.", "local.", "data.")))


def find(ctx: Context, r: Parsed, value: Any, types: tuple[str, ...] = ()) -> IacResource | None:
    """The resource a reference, a literal name or a cloud resource id points at."""
    text = ref_text(value)
    if text is None:
        return None

    def ok(res: IacResource | None) -> bool:
        return res is not None and (not types or res.type in types)

    m = _ADDRESS.match(text)
    if m:
        prefix = module_prefix(r)
        bases = [m.group(1), m.group(1) + (m.group(2) or "")]
        for base in bases:  # inside a module, `type.name` is the module's own resource
            for cand in (f"{prefix}.{base}" if prefix and not base.startswith("module.") else None, base):
                if cand and ok(ctx.resources.get(cand)):
                    return ctx.resources[cand]
    if is_unresolved(text):
        return None
    # a literal: a name, or an id path (/subscriptions/.../storageAccounts/name, projects/p/.../cryptoKeys/k)
    names = [text]
    azure_id = re.search(r"/providers/Microsoft\.[\w.]+/[\w]+/([^/]+)", text, re.IGNORECASE)
    if azure_id:  # the resource itself, not a child (/blobServices/default)
        names.append(azure_id.group(1))
    elif "/" in text:
        names.append(text.rstrip("/").rsplit("/", 1)[-1])
    st = late(ctx)
    for name in names:
        for (typ, literal), address in list(st.names.items()) + list(ctx.by_name.items()):
            if literal == name and (not types or typ in types) and address in ctx.resources:
                return ctx.resources[address]
    return None


def defer(ctx: Context, r: Parsed, res: IacResource, ref: Any, apply: Callable | None = None, types: tuple[str, ...] = ()) -> None:
    """Settle a fact of `res` from the resource `ref` points at (of one of `types`, if given),
    in the second pass. Without `apply`, the resource takes the referred resource's region (if
    it has none)."""
    text = ref_text(ref)
    if text is None:
        return
    late(ctx).pending.setdefault(res.address, []).append((r, text, apply, types))


def settle(ctx: Context, address: str) -> None:
    """Run the deferred work of one resource, settling the resources it depends on first."""
    entries = late(ctx).pending.pop(address, None)
    res = ctx.resources.get(address)
    if not entries or res is None:
        return
    for r, ref, apply, types in entries:
        target = find(ctx, r, ref, types)
        if target is None:
            if is_reference(ref):  # a literal name may live outside the scanned files
                ctx.notes.append(f"{address}: could not resolve {ref}")
            continue
        settle(ctx, target.address)
        if apply is None:
            if res.region is None:
                res.region = target.region
        else:
            apply(res, target)


def with_secrets(fn: Callable) -> Callable:
    """Wrap an extractor: add the literal secrets the shared scanner finds anywhere in the
    attributes (secret-named attributes, private keys, connection strings, tokens), next to the
    fields an extractor checks explicitly."""
    from .aws import secrets_in  # the same scanner for every cloud

    @functools.wraps(fn)
    def wrapped(r: Parsed, ctx: Context):
        res = fn(r, ctx)
        if res is not None:
            seen = {s.field for s in res.secrets}
            res.secrets += [s for s in secrets_in(r.attrs) if s.field not in seen]
        return res

    return wrapped


def settle_attachment(*types: str):
    """Register the second pass for resource types whose extractors may defer facts."""
    for t in types:
        attachment(t)(lambda r, ctx: settle(ctx, r.address))


# App settings / environment variable names that hold secrets (the word ends the name:
# DB_PASSWORD, OPENAI_API_KEY, STORAGE_CONNECTION_STRING; not KEY_VAULT_URL).
_SECRET_NAME = re.compile(
    r"(password|passwd|pwd|secret|token|api_?key|access_?key|account_?key|private_?key|primary_?key|"
    r"instrumentation_?key|connection_?string|conn_?str|sas)$"
)


def literal_secret(value: Any) -> bool:
    """A value written literally in the template (not a variable, reference, Key Vault reference
    or empty string)."""
    value = unwrap(value)
    if not isinstance(value, str) or not value.strip():
        return False
    if is_unresolved(value) or is_reference(value):
        return False
    if value.startswith(("@Microsoft.KeyVault(", "{{resolve:", "projects/")) or "${" in value:
        return False
    return True


def secret_kind(name: str) -> str:
    low = name.lower()
    if "connection" in low:
        return "connection_string"
    if "private_key" in low or "raw_key" in low or "rsa" in low:
        return "private_key"
    if "token" in low:
        return "token"
    if "key" in low and "password" not in low:
        return "access_key"
    return "password"


def secret_name(name: str) -> bool:
    return bool(_SECRET_NAME.search(re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")))


def add_secret(res: IacResource, field_path: str, value: Any, kind: str | None = None) -> None:
    if literal_secret(value) and not any(s.field == field_path for s in res.secrets):
        res.secrets.append(SecretFinding(field=field_path, kind=kind or secret_kind(field_path)))


def tags_of(value: Any) -> dict[str, str]:
    tags = unwrap(value)
    if isinstance(tags, list):
        tags = tags[0] if tags and isinstance(tags[0], dict) else {}
    if not isinstance(tags, dict):
        return {}
    return {str(k): str(unwrap(v)) for k, v in tags.items() if not str(k).startswith("__")}


def tls_version(value: Any) -> str | None:
    """TLS1_2 / 1.2 / TLSv1_2 / Tls12 / TLS_1_2 / TLSv1.2 -> "1.2"; Tls / TLS1_0 -> "1.0"."""
    text = as_str(value)
    if not text:
        return None
    low = text.strip().lower()
    m = re.search(r"1[._]?([0-3])\b|1[._]?([0-3])$", low)
    if m:
        return "1." + (m.group(1) or m.group(2))
    if low in ("tls", "tlsv1", "tls1", "disabled"):  # Cosmos DB "Tls" = 1.0; Azure SQL "Disabled" = no minimum
        return "1.0"
    return None


def ingress_ports(spec: Any) -> tuple[int | None, int | None] | None:
    """"22" -> (22, 22); "1000-2000" -> (1000, 2000); "*" / None -> (None, None) (all ports)."""
    text = as_str(spec)
    if text is None or text.strip() in ("*", "", "0-65535", "1-65535"):
        return (None, None)
    text = text.strip()
    m = re.fullmatch(r"(\d+)\s*-\s*(\d+)", text)
    if m:
        return (int(m.group(1)), int(m.group(2)))
    if text.isdigit():
        return (int(text), int(text))
    return None


def range_cidrs(start: str | None, end: str | None) -> list[str]:
    """A firewall IP range as CIDRs (0.0.0.0-255.255.255.255 -> 0.0.0.0/0)."""
    try:
        a, b = ipaddress.ip_address(start or ""), ipaddress.ip_address(end or "")
        nets = list(ipaddress.summarize_address_range(a, b))
    except ValueError:
        return []
    if len(nets) > 8:  # a very fragmented range: report its covering network
        return [str(ipaddress.ip_network(f"{a}/{32 - (int(b) - int(a)).bit_length()}", strict=False))]
    return [str(n) for n in nets]


# --------------------------------------------------------------------------- Azure helpers

# Azure region pairs (learn.microsoft.com "Azure region pairs"). West US 3 -> East US and
# Brazil South -> South Central US are one-way pairs.
PAIRS = {
    "japaneast": "japanwest", "japanwest": "japaneast",
    "eastus": "westus", "westus": "eastus",
    "eastus2": "centralus", "centralus": "eastus2",
    "northcentralus": "southcentralus", "southcentralus": "northcentralus",
    "westus2": "westcentralus", "westcentralus": "westus2",
    "westus3": "eastus", "brazilsouth": "southcentralus",
    "canadacentral": "canadaeast", "canadaeast": "canadacentral",
    "northeurope": "westeurope", "westeurope": "northeurope",
    "uksouth": "ukwest", "ukwest": "uksouth",
    "francecentral": "francesouth", "francesouth": "francecentral",
    "germanywestcentral": "germanynorth", "germanynorth": "germanywestcentral",
    "koreacentral": "koreasouth", "koreasouth": "koreacentral",
    "southeastasia": "eastasia", "eastasia": "southeastasia",
    "australiaeast": "australiasoutheast", "australiasoutheast": "australiaeast",
    "centralindia": "southindia", "southindia": "centralindia",
}
GEO_REPLICATED = {"GRS", "RAGRS", "GZRS", "RAGZRS"}
ZONE_REDUNDANT = {"ZRS", "GZRS", "RAGZRS"}

# Built-in role definition ids (role_definition_id) of the broad roles.
BUILTIN_ROLES = {
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
    "b24988ac-6180-42a0-ab88-20f7382dd24c": "Contributor",
    "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": "User Access Administrator",
}
INTERNET_SOURCES = {"*", "internet", "any", "0.0.0.0/0"}  # NSG service tag / wildcard for "any source"


def az_location(value: Any) -> str | None:
    """"Japan East" -> "japaneast"."""
    text = as_str(value)
    if not text or is_unresolved(text) or is_reference(text):
        return None
    return re.sub(r"[\s_-]+", "", text).lower()


def az_new(r: Parsed, ctx: Context, category: str, *, location_attr: str = "location", **facts) -> IacResource:
    """An azurerm resource with region (deferred when the location is a reference), tags and
    the parsed attributes kept for the second pass."""
    res = r.new("azure", category, tags=tags_of(r.attrs.get("tags")), **facts)
    raw = r.get(location_attr)
    res.region = az_location(raw)
    if res.region is None:
        if is_reference(raw):
            defer(ctx, r, res, raw)
        elif raw is not None and is_unresolved(raw):
            ctx.notes.append(f"{r.address}: {location_attr} {as_str(raw)} not resolved")
        elif raw is None and r.get("resource_group_name") is not None:
            defer(ctx, r, res, r.get("resource_group_name"), _from_rg, ("azurerm_resource_group",))
    return remember(ctx, r, res, "name")


def _from_rg(res: IacResource, target: IacResource) -> None:
    if res.region is None and target.type == "azurerm_resource_group":
        res.region = target.region


def _set_public(res: IacResource, public: bool, *reasons: str) -> None:
    res.exposure.public = public
    if public:
        for reason in reasons:
            if reason not in res.exposure.reasons:
                res.exposure.reasons.append(reason)
    else:
        res.exposure.reasons = []


def _network_exposure(res: IacResource, r: Parsed, acl: dict | None, *, pna_attr: str = "public_network_access_enabled") -> bool:
    """public_network_access_enabled (documented default true) without a default-deny network
    ACL -> public. Returns the effective public network access."""
    pna = as_bool(r.attrs.get(pna_attr))
    if pna is None and as_str(r.attrs.get("public_network_access")):  # "Enabled" / "Disabled"
        pna = as_str(r.attrs.get("public_network_access")).lower() == "enabled"
    if pna is False:
        _set_public(res, False)
        return False
    action = as_str((acl or {}).get("default_action"))
    if action and action.lower() == "deny":
        _set_public(res, False)
        return True
    why = f"{pna_attr} = true" if pna else f"{pna_attr} not set (default true)"
    _set_public(res, True, why + (f", default_action = {action}" if action else ", no network ACL"))
    return True


def _cmk(enc: Encryption, key_ref: Any) -> None:
    ref = as_str(key_ref)
    if ref:
        enc.at_rest = True
        enc.key_kind = "customer_managed"
        enc.key_ref = ref


def _pair(region: str | None) -> list[str]:
    return [PAIRS[region]] if region in PAIRS else []


# Resource types whose extractor may defer facts to the second pass.
_DEFERRING: list[str] = []


def az_resource(*types: str):
    def deco(fn):
        resource(*types)(with_secrets(fn))
        _DEFERRING.extend(types)
        return fn

    return deco


# --------------------------------------------------------------------------- resource groups, network


@az_resource("azurerm_resource_group")
def resource_group(r: Parsed, ctx: Context) -> IacResource:
    return az_new(r, ctx, "other")


@az_resource(
    "azurerm_virtual_network", "azurerm_subnet", "azurerm_private_endpoint", "azurerm_network_interface",
    "azurerm_nat_gateway", "azurerm_route_table", "azurerm_firewall",
)
def network(r: Parsed, ctx: Context) -> IacResource:
    res = az_new(r, ctx, "network")
    if r.type == "azurerm_subnet":
        defer(ctx, r, res, r.get("virtual_network_name"), _from_parent, ("azurerm_virtual_network",))
    return res


def _from_parent(res: IacResource, target: IacResource) -> None:
    if res.region is None:
        res.region = target.region


@az_resource("azurerm_public_ip")
def public_ip(r: Parsed, ctx: Context) -> IacResource:
    res = az_new(r, ctx, "network")
    _set_public(res, True, "public IP address")
    return res


def _nsg_rule_ingress(rule: dict) -> list[Ingress]:
    if (as_str(rule.get("direction")) or "").lower() != "inbound" or (as_str(rule.get("access")) or "").lower() != "allow":
        return []
    sources = [as_str(s) for s in as_list(rule.get("source_address_prefixes")) if as_str(s)]
    if as_str(rule.get("source_address_prefix")):
        sources.append(as_str(rule.get("source_address_prefix")))
    ports = [p for p in as_list(rule.get("destination_port_ranges")) if as_str(p)]
    if as_str(rule.get("destination_port_range")):
        ports.append(as_str(rule.get("destination_port_range")))
    protocol = (as_str(rule.get("protocol")) or "*").lower()
    protocol = "all" if protocol in ("*", "any") else protocol
    out = []
    for src in sources:
        cidr = "0.0.0.0/0" if src.strip().lower() in INTERNET_SOURCES else src.strip()
        for spec in ports or ["*"]:
            rng = ingress_ports(spec)
            if rng is None:
                continue
            out.append(Ingress(cidr=cidr, from_port=rng[0], to_port=rng[1], protocol=protocol))
    return out


@az_resource("azurerm_network_security_group")
def nsg(r: Parsed, ctx: Context) -> IacResource:
    res = az_new(r, ctx, "network")
    for rule in blocks(r.attrs.get("security_rule")):
        res.exposure.ingress += _nsg_rule_ingress(rule)
    return res


@az_resource("azurerm_network_security_rule")
def nsg_rule(r: Parsed, ctx: Context) -> IacResource:
    """A standalone rule is its own resource (findings point at the rule), region of its NSG."""
    res = r.new("azure", "network")
    remember(ctx, r, res)
    res.exposure.ingress = _nsg_rule_ingress(r.attrs)
    defer(ctx, r, res, r.get("network_security_group_name"), _from_parent, ("azurerm_network_security_group",))
    return res


# --------------------------------------------------------------------------- storage


@az_resource("azurerm_storage_account")
def storage_account(r: Parsed, ctx: Context) -> IacResource:
    # Azure Storage encrypts every account at rest (SSE with Microsoft-managed keys by default).
    enc = Encryption(at_rest=True, key_kind="provider_managed")
    cmk = block(r.attrs.get("customer_managed_key"))
    if cmk:
        _cmk(enc, cmk.get("key_vault_key_id") or cmk.get("managed_hsm_key_id"))
    res = az_new(r, ctx, "storage", encryption=enc)
    # https_traffic_only_enabled (v4) / enable_https_traffic_only (v3): documented default true.
    https_only = as_bool(r.attrs.get("https_traffic_only_enabled"))
    if https_only is None:
        https_only = as_bool(r.attrs.get("enable_https_traffic_only"))
    # min_tls_version: documented default TLS1_2 for new accounts (azurerm >= 3.0).
    res.tls = Tls(
        protocol="HTTP" if https_only is False else "HTTPS",
        redirects_to_https=False if https_only is False else None,
        min_version=tls_version(r.attrs.get("min_tls_version")) or "1.2",
        policy=as_str(r.attrs.get("min_tls_version")),
    )
    replication = (as_str(r.attrs.get("account_replication_type")) or "").upper()
    if replication in GEO_REPLICATED:
        if res.region:
            res.extra_regions = _pair(res.region)
        else:
            defer(ctx, r, res, r.get("location"), lambda res, t: setattr(res, "extra_regions", _pair(res.region)))
    props = block(r.attrs.get("blob_properties"))
    retention = block(props.get("delete_retention_policy"))
    res.backup = Backup(
        versioning=bool(as_bool(props.get("versioning_enabled"))),  # documented default false
        retention_days=as_int(retention.get("days")) if retention else None,
        multi_az=replication in ZONE_REDUNDANT if replication else None,
    )
    immutability = block(r.attrs.get("immutability_policy"))
    if immutability:
        state = (as_str(immutability.get("state")) or "").lower()
        res.logging = Logging(immutable=state == "locked")
    late(ctx).storage[res.address] = {
        "pna": as_bool(r.attrs.get("public_network_access_enabled")),
        "action": as_str(block(r.attrs.get("network_rules")).get("default_action")),
        "nested": as_bool(r.attrs.get("allow_nested_items_to_be_public")) if "allow_nested_items_to_be_public" in r.attrs else as_bool(r.attrs.get("allow_blob_public_access")),
        "containers": [],
    }
    _storage_exposure(ctx, res)
    return res


def _storage_exposure(ctx: Context, res: IacResource) -> None:
    """Recomputed whenever an input changes (network rules and containers may be separate resources)."""
    s = late(ctx).storage[res.address]
    if s["pna"] is False or (s["action"] or "").lower() == "deny":
        _set_public(res, False)
        return
    reasons = [
        ("public_network_access_enabled = true" if s["pna"] else "public_network_access_enabled not set (default true)")
        + (f", network_rules.default_action = {s['action']}" if s["action"] else ", no network_rules (default Allow)")
    ]
    if s["nested"]:
        reasons.append("allow_nested_items_to_be_public = true")
    if s["nested"] is not False:
        reasons += [f"container {name}: container_access_type = {kind}" for name, kind in s["containers"]]
    res.exposure.reasons = []
    _set_public(res, True, *reasons)


def _storage_target(ctx: Context, r: Parsed) -> IacResource | None:
    ref = r.get("storage_account_id") or r.get("storage_account_name")
    return find(ctx, r, ref, ("azurerm_storage_account",))


@attachment("azurerm_storage_container")
def storage_container(r: Parsed, ctx: Context) -> None:
    target = _storage_target(ctx, r)
    kind = (as_str(r.attrs.get("container_access_type")) or "private").lower()
    if target is not None and kind in ("blob", "container"):
        late(ctx).storage[target.address]["containers"].append((as_str(r.attrs.get("name")) or r.name, kind))
        _storage_exposure(ctx, target)


@attachment("azurerm_storage_account_network_rules")
def storage_network_rules(r: Parsed, ctx: Context) -> None:
    target = _storage_target(ctx, r)
    if target is not None:
        late(ctx).storage[target.address]["action"] = as_str(r.attrs.get("default_action"))
        _storage_exposure(ctx, target)


@attachment("azurerm_storage_account_customer_managed_key")
def storage_cmk(r: Parsed, ctx: Context) -> None:
    target = _storage_target(ctx, r)
    if target is None:
        return
    key = r.get("key_vault_key_id") or r.get("managed_hsm_key_id")
    if key is None and r.get("key_name"):
        key = f"{as_str(r.get('key_vault_id')) or as_str(r.get('key_vault_uri')) or ''}/keys/{as_str(r.get('key_name'))}"
    _cmk(target.encryption, key)


@resource("azurerm_storage_container")
def storage_container_seen(r: Parsed, ctx: Context) -> None:
    """Containers are not resources of their own (their facts go to the account); keep the
    parsed container so that a container immutability policy can find its account."""
    late(ctx).parsed[r.address] = r
    return None


@resource("azurerm_storage_container_immutability_policy")
def container_immutability_seen(r: Parsed, ctx: Context) -> None:
    late(ctx).parsed[r.address] = r
    return None


def _container_policy_account(ctx: Context, r: Parsed) -> IacResource | None:
    """storage_container_resource_manager_id -> the container -> its storage account."""
    text = ref_text(r.get("storage_container_resource_manager_id")) or ""
    m = _ADDRESS.match(text)
    if m:
        container = late(ctx).parsed.get(m.group(1)) or late(ctx).parsed.get(f"{module_prefix(r)}.{m.group(1)}")
        if container is not None and container.type == "azurerm_storage_container":
            return _storage_target(ctx, container)
    elif "/storageAccounts/" in text:
        return find(ctx, r, text.split("/blobServices/")[0], ("azurerm_storage_account",))
    return None


@attachment("azurerm_storage_container_immutability_policy")
def container_immutability(r: Parsed, ctx: Context) -> None:
    target = _container_policy_account(ctx, r)
    if target is not None:
        target.logging = target.logging or Logging()
        target.logging.immutable = bool(target.logging.immutable) or bool(as_bool(r.attrs.get("locked")))


def storage_immutable(ctx: Context, account: IacResource) -> bool:
    """A locked immutability policy on the account or on one of its containers (any pass order)."""
    if account.logging is not None and account.logging.immutable:
        return True
    for p in list(late(ctx).parsed.values()):
        if p.type == "azurerm_storage_container_immutability_policy" and as_bool(p.attrs.get("locked")):
            target = _container_policy_account(ctx, p)
            if target is not None and target.address == account.address:
                return True
    return False


# --------------------------------------------------------------------------- databases


def _password(res: IacResource, r: Parsed, *attrs: str) -> None:
    for attr in attrs:
        add_secret(res, attr, r.attrs.get(attr), "password")


@az_resource("azurerm_mssql_server", "azurerm_sql_server")
def mssql_server(r: Parsed, ctx: Context) -> IacResource:
    # Databases of the server are encrypted with TDE by default (service-managed key).
    enc = Encryption(at_rest=True, key_kind="provider_managed")
    _cmk(enc, r.attrs.get("transparent_data_encryption_key_vault_key_id"))
    res = az_new(r, ctx, "database", encryption=enc)
    # minimum_tls_version: documented default "1.2"; "Disabled" accepts every version.
    res.tls = Tls(protocol="TLS", min_version=tls_version(r.attrs.get("minimum_tls_version")) or "1.2", policy=as_str(r.attrs.get("minimum_tls_version")))
    _db_public(res, r)
    _password(res, r, "administrator_login_password")
    return res


def _db_public(res: IacResource, r: Parsed) -> None:
    """Managed databases: an enabled public endpoint (documented default) is public; firewall
    rules are separate resources and add ingress entries."""
    pna = as_bool(r.attrs.get("public_network_access_enabled"))
    if pna is None and as_str(r.attrs.get("public_network_access")):
        pna = as_str(r.attrs.get("public_network_access")).lower() == "enabled"
    if pna is False or (pna is None and r.get("delegated_subnet_id")):
        _set_public(res, False)
    else:
        _set_public(res, True, "public_network_access_enabled = true" if pna else "public_network_access_enabled not set (default true)")


@attachment("azurerm_mssql_server_transparent_data_encryption")
def mssql_tde(r: Parsed, ctx: Context) -> None:
    target = find(ctx, r, r.get("server_id"))
    if target is not None:
        _cmk(target.encryption, r.attrs.get("key_vault_key_id") or r.attrs.get("managed_hsm_key_id"))


_DB_PORTS = {
    "azurerm_mssql_firewall_rule": 1433, "azurerm_sql_firewall_rule": 1433,
    "azurerm_postgresql_flexible_server_firewall_rule": 5432, "azurerm_postgresql_firewall_rule": 5432,
    "azurerm_mysql_flexible_server_firewall_rule": 3306, "azurerm_mysql_firewall_rule": 3306,
}


_DB_SERVERS = (
    "azurerm_mssql_server", "azurerm_sql_server", "azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server",
    "azurerm_postgresql_server", "azurerm_mysql_server",
)


@attachment(*_DB_PORTS)
def db_firewall_rule(r: Parsed, ctx: Context) -> None:
    target = find(ctx, r, r.get("server_id") or r.get("server_name"), _DB_SERVERS)
    if target is None:
        return
    start, end = as_str(r.attrs.get("start_ip_address")), as_str(r.attrs.get("end_ip_address"))
    if start == "0.0.0.0" and end == "0.0.0.0":  # "Allow Azure services": Azure-internal, not the internet
        return
    port = _DB_PORTS[r.type]
    for cidr in range_cidrs(start, end):
        target.exposure.ingress.append(Ingress(cidr=cidr, from_port=port, to_port=port, protocol="tcp"))


@az_resource("azurerm_mssql_database")
def mssql_database(r: Parsed, ctx: Context) -> IacResource:
    # TDE is on by default; `transparent_data_encryption_enabled = false` (DW SKUs only) turns it off.
    tde = as_bool(r.attrs.get("transparent_data_encryption_enabled"))
    enc = Encryption(at_rest=tde is not False, key_kind="provider_managed" if tde is not False else None)
    _cmk(enc, r.attrs.get("transparent_data_encryption_key_vault_key_id"))
    res = r.new("azure", "database", encryption=enc, tags=tags_of(r.attrs.get("tags")))
    remember(ctx, r, res, "name")
    short = block(r.attrs.get("short_term_retention_policy"))
    res.backup = Backup(
        retention_days=as_int(short.get("retention_days")) if short else 7,  # Azure SQL PITR default: 7 days
        multi_az=bool(as_bool(r.attrs.get("zone_redundant"))),  # documented default false
    )

    def from_server(res: IacResource, server: IacResource) -> None:
        if res.region is None:
            res.region = server.region
        if server.encryption.key_kind == "customer_managed" and res.encryption.at_rest and res.encryption.key_kind == "provider_managed":
            res.encryption.key_kind, res.encryption.key_ref = "customer_managed", server.encryption.key_ref

    defer(ctx, r, res, r.get("server_id"), from_server)
    return res


@az_resource("azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server")
def flexible_server(r: Parsed, ctx: Context) -> IacResource:
    # Azure Database for PostgreSQL/MySQL flexible server always encrypts storage at rest.
    enc = Encryption(at_rest=True, key_kind="provider_managed")
    cmk = block(r.attrs.get("customer_managed_key"))
    if cmk:
        _cmk(enc, cmk.get("key_vault_key_id"))
    res = az_new(r, ctx, "database", encryption=enc)
    ha = block(r.attrs.get("high_availability"))
    res.backup = Backup(
        retention_days=as_int(r.attrs.get("backup_retention_days")) or 7,  # documented default 7 days
        multi_az=(as_str(ha.get("mode")) or "").lower() == "zoneredundant",
    )
    if as_bool(r.attrs.get("geo_redundant_backup_enabled")):
        if res.region:
            res.extra_regions = _pair(res.region)
        else:
            defer(ctx, r, res, r.get("location"), lambda res, t: setattr(res, "extra_regions", _pair(res.region)))
    _db_public(res, r)
    # The service default minimum is TLS 1.2 (ssl_min_protocol_version / tls_version server parameters).
    res.tls = Tls(protocol="TLS", min_version="1.2")
    _password(res, r, "administrator_password")
    return res


@attachment("azurerm_postgresql_flexible_server_configuration", "azurerm_mysql_flexible_server_configuration")
def flexible_configuration(r: Parsed, ctx: Context) -> None:
    target = find(ctx, r, r.get("server_id"))
    name, value = (as_str(r.attrs.get("name")) or "").lower(), as_str(r.attrs.get("value")) or ""
    if target is None or target.tls is None:
        return
    if name in ("ssl_min_protocol_version", "tls_version"):
        versions = [v for v in (tls_version(x) for x in value.split(",")) if v]
        if versions:
            target.tls.min_version = min(versions)
            target.tls.policy = f"{name} = {value}"


@az_resource("azurerm_cosmosdb_account")
def cosmosdb(r: Parsed, ctx: Context) -> IacResource:
    # Cosmos DB encrypts all data at rest with service-managed keys.
    enc = Encryption(at_rest=True, key_kind="provider_managed")
    _cmk(enc, r.attrs.get("key_vault_key_id") or r.attrs.get("managed_hsm_key_id"))
    res = az_new(r, ctx, "database", encryption=enc)
    geo = blocks(r.attrs.get("geo_location"))
    geo_regions = [az_location(g.get("location")) for g in sorted(geo, key=lambda g: as_int(g.get("failover_priority")) or 0)]
    geo_regions = [g for g in geo_regions if g]
    if geo_regions:
        res.region = res.region or geo_regions[0]
        res.extra_regions = [g for g in dict.fromkeys(geo_regions) if g != res.region]
    pna = as_bool(r.attrs.get("public_network_access_enabled"))
    restricted = bool(as_bool(r.attrs.get("is_virtual_network_filter_enabled"))) or bool(as_list(r.attrs.get("ip_range_filter")))
    if pna is False or restricted:
        _set_public(res, False)
    else:
        _set_public(res, True, ("public_network_access_enabled = true" if pna else "public_network_access_enabled not set (default true)") + ", no virtual network / IP filter")
    res.tls = Tls(protocol="TLS", min_version=tls_version(r.attrs.get("minimal_tls_version")) or "1.2", policy=as_str(r.attrs.get("minimal_tls_version")))
    backup = block(r.attrs.get("backup"))
    btype = (as_str(backup.get("type")) or "").lower()
    retention = None
    if btype == "periodic" and as_int(backup.get("retention_in_hours")) is not None:
        retention = max(1, as_int(backup.get("retention_in_hours")) // 24)
    elif btype == "continuous":
        retention = 30 if "30" in (as_str(backup.get("tier")) or "Continuous30Days") else 7
    res.backup = Backup(retention_days=retention, multi_az=any(bool(as_bool(g.get("zone_redundant"))) for g in geo) if geo else None)
    return res


# --------------------------------------------------------------------------- AI services


@az_resource("azurerm_search_service")
def search_service(r: Parsed, ctx: Context) -> IacResource:
    # Azure AI Search encrypts indexes at rest; customer_managed_key_enforcement_enabled requires CMK on every object.
    enc = Encryption(at_rest=True, key_kind="customer_managed" if as_bool(r.attrs.get("customer_managed_key_enforcement_enabled")) else "provider_managed")
    res = az_new(r, ctx, "vector_store", encryption=enc)
    pna = as_bool(r.attrs.get("public_network_access_enabled"))
    if pna is False or as_list(r.attrs.get("allowed_ips")):
        _set_public(res, False)
    else:
        _set_public(res, True, ("public_network_access_enabled = true" if pna else "public_network_access_enabled not set (default true)") + ", no allowed_ips")
    replicas = as_int(r.attrs.get("replica_count"))
    res.backup = Backup(replicas=replicas)
    return res


@az_resource("azurerm_cognitive_account", "azurerm_ai_services")
def cognitive_account(r: Parsed, ctx: Context) -> IacResource:
    kind = as_str(r.attrs.get("kind")) or ("AIServices" if r.type == "azurerm_ai_services" else None)
    # Azure AI services encrypt stored data (fine-tuning files, etc.) at rest with Microsoft-managed keys.
    enc = Encryption(at_rest=True, key_kind="provider_managed")
    cmk = block(r.attrs.get("customer_managed_key"))
    if cmk:
        _cmk(enc, cmk.get("key_vault_key_id") or cmk.get("managed_hsm_key_id"))
    res = az_new(r, ctx, "ai", encryption=enc)
    pna = _network_exposure(res, r, block(r.attrs.get("network_acls")))
    local = as_bool(r.attrs.get("local_auth_enabled"))
    if local is None:
        local = as_bool(r.attrs.get("local_authentication_enabled"))
    res.ai = Ai(
        service="azure_openai" if (kind or "").lower() == "openai" else "azure_ai",
        public_network_access=pna,
        local_auth=True if local is None else local,  # documented default true
    )
    return res


@attachment("azurerm_cognitive_account_customer_managed_key")
def cognitive_cmk(r: Parsed, ctx: Context) -> None:
    target = find(ctx, r, r.get("cognitive_account_id"))
    if target is not None:
        _cmk(target.encryption, r.attrs.get("key_vault_key_id"))


_SKU_ROUTING = {
    "standard": "in_region", "provisionedmanaged": "in_region",
    "globalstandard": "global", "globalprovisionedmanaged": "global", "globalbatch": "global",
    "datazonestandard": "data_zone", "datazoneprovisionedmanaged": "data_zone", "datazonebatch": "data_zone",
}


@az_resource("azurerm_cognitive_deployment")
def cognitive_deployment(r: Parsed, ctx: Context) -> IacResource:
    model = block(r.attrs.get("model"))
    sku = as_str(block(r.attrs.get("sku")).get("name")) or as_str(block(r.attrs.get("scale")).get("type"))
    routing = _SKU_ROUTING.get((sku or "").lower())
    version = as_str(model.get("version"))
    # version_upgrade_option: documented default OnceNewDefaultVersionAvailable.
    upgrade = as_str(r.attrs.get("version_upgrade_option")) or "OnceNewDefaultVersionAvailable"
    res = r.new("azure", "ai")
    remember(ctx, r, res, "name")
    res.ai = Ai(
        service="azure_openai" if (as_str(model.get("format")) or "OpenAI").lower() == "openai" else "azure_ai",
        model=as_str(model.get("name")),
        model_version=version or None,
        auto_upgrade=upgrade != "NoAutoUpgrade" or not version,
        routing=routing,
        location={"global": "global", "data_zone": "data_zone"}.get(routing or ""),
    )

    def from_account(res: IacResource, account: IacResource) -> None:
        res.region = res.region or account.region
        res.tags = res.tags or dict(account.tags)
        if account.ai is not None:  # the deployment is served through the account's endpoint
            res.ai.public_network_access = account.ai.public_network_access
            res.ai.local_auth = account.ai.local_auth
        if res.ai.routing == "in_region":
            res.ai.location = account.region

    defer(ctx, r, res, r.get("cognitive_account_id"), from_account)
    return res


# --------------------------------------------------------------------------- compute, containers


@az_resource("azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_virtual_machine")
def virtual_machine(r: Parsed, ctx: Context) -> IacResource:
    # Managed disks are always encrypted at rest (SSE, platform-managed keys by default).
    enc = Encryption(at_rest=True, key_kind="provider_managed")
    _cmk(enc, block(r.attrs.get("os_disk")).get("disk_encryption_set_id"))
    res = az_new(r, ctx, "compute", encryption=enc)
    _password(res, r, "admin_password")
    os_profile = block(r.attrs.get("os_profile"))
    if os_profile:
        add_secret(res, "os_profile.admin_password", os_profile.get("admin_password"), "password")
    return res


@az_resource("azurerm_managed_disk")
def managed_disk(r: Parsed, ctx: Context) -> IacResource:
    enc = Encryption(at_rest=True, key_kind="provider_managed")  # SSE is always on for managed disks
    _cmk(enc, r.attrs.get("disk_encryption_set_id"))
    return az_new(r, ctx, "volume", encryption=enc)


@az_resource("azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app")
def web_app(r: Parsed, ctx: Context) -> IacResource:
    res = az_new(r, ctx, "compute")
    site = block(r.attrs.get("site_config"))
    https_only = as_bool(r.attrs.get("https_only"))  # documented default false
    res.tls = Tls(
        protocol="HTTPS" if https_only else "HTTP",
        redirects_to_https=bool(https_only),
        min_version=tls_version(site.get("minimum_tls_version")) or "1.2",  # documented default 1.2
    )
    settings = unwrap(r.attrs.get("app_settings"))
    if isinstance(settings, list):
        settings = settings[0] if settings and isinstance(settings[0], dict) else {}
    for key, value in (settings or {}).items():
        if secret_name(str(key)):
            add_secret(res, f"app_settings.{key}", value)
    for cs in blocks(r.attrs.get("connection_string")):
        add_secret(res, "connection_string.value", cs.get("value"), "connection_string")
    return res


@az_resource("azurerm_kubernetes_cluster")
def aks(r: Parsed, ctx: Context) -> IacResource:
    res = az_new(r, ctx, "compute")
    profile = block(r.attrs.get("api_server_access_profile"))
    ranges = as_list(profile.get("authorized_ip_ranges")) or as_list(r.attrs.get("api_server_authorized_ip_ranges"))
    if as_bool(r.attrs.get("private_cluster_enabled")):
        _set_public(res, False)
    elif ranges and not any(str(unwrap(x)) in ("0.0.0.0/0", "*") for x in ranges):
        _set_public(res, False)
    else:
        _set_public(res, True, "API server public (private_cluster_enabled not true, no authorized_ip_ranges)")
    return res


@az_resource("azurerm_container_registry")
def container_registry(r: Parsed, ctx: Context) -> IacResource:
    enc = Encryption(at_rest=True, key_kind="provider_managed")  # ACR encrypts images at rest
    _cmk(enc, block(r.attrs.get("encryption")).get("key_vault_key_id"))
    res = az_new(r, ctx, "registry", encryption=enc)
    _network_exposure(res, r, block(r.attrs.get("network_rule_set")))
    res.extra_regions = [g for g in (az_location(b.get("location")) for b in blocks(r.attrs.get("georeplications"))) if g]
    # Image scanning is Defender for Containers (subscription pricing), not a registry setting.
    return res


# --------------------------------------------------------------------------- load balancers


_APPGW_POLICIES = {
    "appgwsslpolicy20150501": "1.0",
    "appgwsslpolicy20170401": "1.1",
    "appgwsslpolicy20170401s": "1.2",
    "appgwsslpolicy20220101": "1.2",
    "appgwsslpolicy20220101s": "1.2",
}


@az_resource("azurerm_application_gateway")
def application_gateway(r: Parsed, ctx: Context) -> IacResource:
    res = az_new(r, ctx, "load_balancer")
    frontends = blocks(r.attrs.get("frontend_ip_configuration"))
    if any(f.get("public_ip_address_id") for f in frontends):
        _set_public(res, True, "frontend_ip_configuration.public_ip_address_id")
    elif frontends:
        _set_public(res, False)
    listeners = blocks(r.attrs.get("http_listener"))
    redirected = {
        as_str(rule.get("http_listener_name"))
        for rule in blocks(r.attrs.get("request_routing_rule"))
        if rule.get("redirect_configuration_name")
    }
    http = [as_str(lst.get("name")) for lst in listeners if (as_str(lst.get("protocol")) or "").lower() == "http"]
    policy = block(r.attrs.get("ssl_policy"))
    name = as_str(policy.get("policy_name"))
    min_version = tls_version(policy.get("min_protocol_version")) or _APPGW_POLICIES.get((name or "").lower())
    # Without ssl_policy the default depends on the API version in use: unknown.
    res.tls = Tls(
        protocol="HTTP" if http else ("HTTPS" if listeners else None),
        redirects_to_https=all(h in redirected for h in http) if http else None,
        min_version=min_version,
        policy=name or as_str(policy.get("min_protocol_version")),
    )
    return res


@az_resource("azurerm_lb")
def load_balancer(r: Parsed, ctx: Context) -> IacResource:
    res = az_new(r, ctx, "load_balancer")
    frontends = blocks(r.attrs.get("frontend_ip_configuration"))
    if any(f.get("public_ip_address_id") or f.get("public_ip_prefix_id") for f in frontends):
        _set_public(res, True, "frontend_ip_configuration.public_ip_address_id")
    elif frontends:
        _set_public(res, False)
    return res


# --------------------------------------------------------------------------- logging, monitoring


@az_resource("azurerm_log_analytics_workspace")
def log_analytics(r: Parsed, ctx: Context) -> IacResource:
    # Azure Monitor Logs data is encrypted at rest with Microsoft-managed keys (CMK needs a dedicated cluster).
    res = az_new(r, ctx, "logging", encryption=Encryption(at_rest=True, key_kind="provider_managed"))
    res.logging = Logging(
        kind="log_store",
        retention_days=as_int(r.attrs.get("retention_in_days")) or 30,  # documented default 30 days
    )
    ingest, query = as_bool(r.attrs.get("internet_ingestion_enabled")), as_bool(r.attrs.get("internet_query_enabled"))
    if ingest is False and query is False:
        _set_public(res, False)
    elif ingest or query:
        _set_public(res, True, "internet_query_enabled / internet_ingestion_enabled = true")
    return res


def _is_subscription(value: Any) -> bool:
    text = ref_text(value) or ""
    return bool(re.fullmatch(r"/subscriptions/[^/]+/?", text)) or text.startswith("data.azurerm_subscription.")


@az_resource("azurerm_monitor_diagnostic_setting")
def diagnostic_setting(r: Parsed, ctx: Context) -> IacResource:
    """A diagnostic setting is a logging resource of its own (kind diagnostic). On a subscription
    it exports the Activity Log, Azure's audit trail (kind audit_trail; tamper-proof when a
    destination storage account has a locked immutability policy)."""
    logs = blocks(r.attrs.get("enabled_log")) + [b for b in blocks(r.attrs.get("log")) if as_bool(b.get("enabled")) is not False]
    retention = None
    for b in logs:
        policy = block(b.get("retention_policy"))
        if policy and as_bool(policy.get("enabled")):  # the legacy (deprecated) retention_policy block
            days = as_int(policy.get("days"))
            retention = days if retention is None or (days is not None and days < retention and days != 0) else retention
    destinations = [
        r.get(k) for k in ("log_analytics_workspace_id", "storage_account_id", "eventhub_authorization_rule_id", "partner_solution_id")
        if r.get(k) is not None
    ]
    audit = _is_subscription(r.get("target_resource_id"))
    res = r.new("azure", "logging")
    remember(ctx, r, res, "name")
    res.logging = Logging(
        kind="audit_trail" if audit else "diagnostic",
        enabled=bool(logs),
        retention_days=retention,
        immutable=False if audit else None,
        target=as_str(destinations[0]) if destinations else None,
    )

    def from_target(res: IacResource, target: IacResource) -> None:
        if res.region is None:  # no destination region: the monitored resource's region
            res.region = target.region

    def from_destination(res: IacResource, dest: IacResource) -> None:
        if res.logging.target == as_str(destinations[0]):
            res.logging.target = dest.address
        if dest.region and res.region is None:  # the logs are stored where the (first) destination is
            res.region = dest.region
        if audit and dest.type == "azurerm_storage_account" and storage_immutable(ctx, dest):
            res.logging.immutable = True

    for dest in destinations:
        defer(ctx, r, res, dest, from_destination)
    defer(ctx, r, res, r.get("target_resource_id"), from_target)
    return res


@az_resource("azurerm_security_center_subscription_pricing")
def defender_pricing(r: Parsed, ctx: Context) -> IacResource:
    tier = (as_str(r.attrs.get("tier")) or "").lower()
    res = r.new("azure", "monitoring", name=f"Defender for {as_str(r.attrs.get('resource_type')) or 'VirtualMachines'}")
    remember(ctx, r, res)
    res.logging = Logging(enabled=tier == "standard" if tier else None)
    return res


# --------------------------------------------------------------------------- keys, secrets, IAM


@az_resource("azurerm_key_vault")
def key_vault(r: Parsed, ctx: Context) -> IacResource:
    # Vault contents are encrypted at rest by the service; purge protection has no field in the model.
    res = az_new(r, ctx, "secret", encryption=Encryption(at_rest=True, key_kind="provider_managed"))
    _network_exposure(res, r, block(r.attrs.get("network_acls")))
    return res


@az_resource("azurerm_key_vault_key")
def key_vault_key(r: Parsed, ctx: Context) -> IacResource:
    key_type = (as_str(r.attrs.get("key_type")) or "").upper()
    res = r.new("azure", "key", encryption=Encryption(at_rest=True, key_kind="hsm" if key_type.endswith("-HSM") else "customer_managed"), tags=tags_of(r.attrs.get("tags")))
    remember(ctx, r, res, "name")
    policy = block(r.attrs.get("rotation_policy"))
    res.key_rotation = bool(policy and block(policy.get("automatic")))
    defer(ctx, r, res, r.get("key_vault_id"), _from_parent)
    return res


@az_resource("azurerm_key_vault_secret")
def key_vault_secret(r: Parsed, ctx: Context) -> IacResource:
    res = r.new("azure", "secret", tags=tags_of(r.attrs.get("tags")))
    remember(ctx, r, res, "name")
    add_secret(res, "value", r.attrs.get("value"), secret_kind(as_str(r.attrs.get("name")) or "password"))
    defer(ctx, r, res, r.get("key_vault_id"), _from_parent)
    return res


def _principal(r: Parsed) -> str | None:
    pid = as_str(r.attrs.get("principal_id"))
    if not pid:
        return None
    ptype = as_str(r.attrs.get("principal_type"))
    if ptype is None and re.search(r"(user_assigned_identity|service_principal|identity\[0\]|identity\.0|kubelet_identity|application)", pid):
        ptype = "ServicePrincipal"
    return f"{ptype}:{pid}" if ptype else pid


@az_resource("azurerm_user_assigned_identity")
def user_assigned_identity(r: Parsed, ctx: Context) -> IacResource:
    return az_new(r, ctx, "iam")


@az_resource("azurerm_role_assignment")
def role_assignment(r: Parsed, ctx: Context) -> IacResource:
    role = as_str(r.attrs.get("role_definition_name"))
    if role is None:
        role_id = (as_str(r.attrs.get("role_definition_id")) or "").rstrip("/").rsplit("/", 1)[-1].lower()
        role = BUILTIN_ROLES.get(role_id) or as_str(r.attrs.get("role_definition_id"))
    res = r.new("azure", "iam")
    remember(ctx, r, res)
    res.iam = Iam(role=role, member=_principal(r))
    return res


settle_attachment(*_DEFERRING)
