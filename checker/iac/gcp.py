"""Google Cloud (google provider) resources in Terraform: Cloud Storage, Cloud SQL, BigQuery,
Compute, firewalls, load balancers, Cloud KMS, Cloud Logging, IAM, Vertex AI, GKE, Artifact
Registry and Secret Manager. Deferred facts (a crypto key's key-ring location, a proxy's SSL
policy) use the second pass from azure.py."""

from __future__ import annotations

import re
from typing import Any

from .azure import (
    add_secret,
    defer,
    find,
    is_reference,
    late,
    remember,
    secret_name,
    settle_attachment,
    tags_of,
    tls_version,
    with_secrets,
)
from .extract import Context, Parsed, as_bool, as_int, as_list, as_str, attachment, block, blocks, is_unresolved, resource
from .model import Ai, Backup, Encryption, IacResource, Iam, Ingress, Logging, Tls

# Predefined GCS dual-regions and the regions they consist of (others: extra_regions left empty).
DUAL_REGIONS = {
    "asia1": ["asia-northeast1", "asia-northeast2"],  # Tokyo + Osaka
    "eur4": ["europe-north1", "europe-west4"],
    "nam4": ["us-central1", "us-east1"],
}
PUBLIC_MEMBERS = {"allusers", "allauthenticatedusers"}
_ZONE = re.compile(r"^([a-z]+-[a-z]+\d+)-[a-z]$")


def gcp_location(value: Any) -> str | None:
    """"ASIA-NORTHEAST1" -> "asia-northeast1"; zone "asia-northeast1-a" -> "asia-northeast1"; "ASIA" -> "asia"."""
    text = as_str(value)
    if not text or is_unresolved(text) or is_reference(text):
        return None
    text = text.strip().lower()
    m = _ZONE.match(text)
    return m.group(1) if m else text


_DEFERRING: list[str] = []


def gcp_resource(*types: str):
    def deco(fn):
        resource(*types)(with_secrets(fn))
        _DEFERRING.extend(types)
        return fn

    return deco


def gcp_new(r: Parsed, ctx: Context, category: str, *, region: bool = True, **facts) -> IacResource:
    """A google resource with region (location / region / zone, else the provider's region),
    labels as tags, and the parsed attributes kept for the second pass."""
    res = r.new("gcp", category, tags=tags_of(r.attrs.get("labels")), **facts)
    if region:
        for attr in ("location", "region", "zone"):
            raw = r.get(attr)
            if raw is None:
                continue
            res.region = gcp_location(raw)
            if res.region is None and is_unresolved(raw):
                ctx.notes.append(f"{r.address}: {attr} {as_str(raw)} not resolved")
            break
        else:
            res.region = gcp_location(r.provider_region)
    return remember(ctx, r, res, "name")


def _set_public(res: IacResource, public: bool, *reasons: str) -> None:
    res.exposure.public = public
    if public:
        for reason in reasons:
            if reason not in res.exposure.reasons:
                res.exposure.reasons.append(reason)
    else:
        res.exposure.reasons = []


def _cmek(enc: Encryption, key: Any) -> None:
    ref = as_str(key)
    if ref:
        enc.at_rest = True
        enc.key_kind = "customer_managed"
        enc.key_ref = ref


def _from_parent(res: IacResource, target: IacResource) -> None:
    if res.region is None:
        res.region = target.region


# --------------------------------------------------------------------------- Cloud Storage


@gcp_resource("google_storage_bucket")
def storage_bucket(r: Parsed, ctx: Context) -> IacResource:
    # Cloud Storage always encrypts data at rest (Google-managed keys unless a CMEK is set).
    enc = Encryption(at_rest=True, key_kind="provider_managed")
    _cmek(enc, block(r.attrs.get("encryption")).get("default_kms_key_name"))
    res = gcp_new(r, ctx, "storage", encryption=enc)
    placement = [gcp_location(x) for x in as_list(block(r.attrs.get("custom_placement_config")).get("data_locations"))]
    res.extra_regions = [x for x in placement if x] or list(DUAL_REGIONS.get(res.region or "", []))
    if res.region in DUAL_REGIONS and not placement:
        # A predefined dual-region is judged by its member regions: ASIA1 -> asia-northeast1 + asia-northeast2.
        members = DUAL_REGIONS[res.region]
        res.region, res.extra_regions = members[0], members[1:]
    if (as_str(r.attrs.get("public_access_prevention")) or "").lower() == "enforced":
        _set_public(res, False)
    res.backup = Backup(versioning=bool(as_bool(block(r.attrs.get("versioning")).get("enabled"))))  # default off
    retention = block(r.attrs.get("retention_policy"))
    log = block(r.attrs.get("logging"))
    if retention or log:
        res.logging = Logging(
            kind="access_log" if log else None,
            enabled=True if log else None,
            target=as_str(log.get("log_bucket")) if log else None,
            immutable=bool(as_bool(retention.get("is_locked"))) if retention else None,
        )
    return res


def _bucket_public(ctx: Context, r: Parsed, members: list[str], why: str) -> None:
    target = find(ctx, r, r.get("bucket"), ("google_storage_bucket",))
    if target is None:
        return
    public = [m for m in members if m.lower() in PUBLIC_MEMBERS]
    if public and target.exposure.public is not False:  # public access prevention blocks allUsers grants
        _set_public(target, True, *(f"{why}: {m}" for m in public))


@attachment("google_storage_bucket_iam_member", "google_storage_bucket_iam_binding")
def bucket_iam(r: Parsed, ctx: Context) -> None:
    members = [as_str(m) for m in as_list(r.attrs.get("members")) + ([r.get("member")] if r.get("member") else [])]
    _bucket_public(ctx, r, [m for m in members if m], f"IAM {as_str(r.attrs.get('role')) or ''}".strip())


@attachment("google_storage_bucket_acl", "google_storage_default_object_acl", "google_storage_object_acl")
def bucket_acl(r: Parsed, ctx: Context) -> None:
    entities = [as_str(e) for e in as_list(r.attrs.get("role_entity"))]
    members = [e.split(":", 1)[1] for e in entities if e and ":" in e]
    predefined = as_str(r.attrs.get("predefined_acl")) or ""
    if predefined.lower() in ("publicread", "publicreadwrite"):
        members.append("allUsers")
    _bucket_public(ctx, r, members, f"{r.type.replace('google_storage_', '')}")


@attachment("google_storage_bucket_object")
def bucket_object(r: Parsed, ctx: Context) -> None:
    if (as_str(r.attrs.get("predefined_acl")) or "").lower() in ("publicread", "publicreadwrite"):
        _bucket_public(ctx, r, ["allUsers"], f"object {as_str(r.attrs.get('name')) or r.name} predefined_acl")


# --------------------------------------------------------------------------- Cloud SQL, BigQuery

_SQL_PORTS = {"postgres": 5432, "mysql": 3306, "sqlserver": 1433}


@gcp_resource("google_sql_database_instance")
def sql_instance(r: Parsed, ctx: Context) -> IacResource:
    # Cloud SQL always encrypts data at rest (Google-managed keys unless encryption_key_name is set).
    enc = Encryption(at_rest=True, key_kind="provider_managed")
    _cmek(enc, r.attrs.get("encryption_key_name"))
    res = gcp_new(r, ctx, "database", encryption=enc)
    settings = block(r.attrs.get("settings"))
    res.tags = tags_of(settings.get("user_labels")) or res.tags
    ip = block(settings.get("ip_configuration"))
    version = (as_str(r.attrs.get("database_version")) or "").lower()
    port = next((p for k, p in _SQL_PORTS.items() if version.startswith(k)), None)
    networks = [as_str(n.get("value")) for n in blocks(ip.get("authorized_networks"))]
    res.exposure.ingress = [Ingress(cidr=n, from_port=port, to_port=port, protocol="tcp") for n in networks if n]
    ipv4 = as_bool(ip.get("ipv4_enabled"))
    if ipv4 is False:
        _set_public(res, False)
    else:  # ipv4_enabled defaults to true: the instance has a public IP
        wide = [n for n in networks if n in ("0.0.0.0/0", "::/0")]
        _set_public(res, True, "ipv4_enabled = true" if ipv4 else "ipv4_enabled not set (default true)", *(f"authorized_networks {n}" for n in wide))
    ssl_mode = (as_str(ip.get("ssl_mode")) or "").upper()
    require_ssl = as_bool(ip.get("require_ssl"))
    if ssl_mode:
        encrypted_only = ssl_mode in ("ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED")
    else:
        encrypted_only = bool(require_ssl)  # default ALLOW_UNENCRYPTED_AND_ENCRYPTED
    # protocol TCP = plaintext connections accepted; TLS = encrypted connections only.
    res.tls = Tls(protocol="TLS" if encrypted_only else "TCP", policy=ssl_mode or (f"require_ssl = {str(require_ssl).lower()}" if require_ssl is not None else None))
    backup = block(settings.get("backup_configuration"))
    retention = None
    if backup:
        if as_bool(backup.get("enabled")):
            kept = block(backup.get("backup_retention_settings"))
            retention = as_int(kept.get("retained_backups")) if kept else 7  # default: 7 daily backups
        elif as_bool(backup.get("enabled")) is False:
            retention = 0
    availability = (as_str(settings.get("availability_type")) or "ZONAL").upper()  # documented default ZONAL
    res.backup = Backup(retention_days=retention, multi_az=availability == "REGIONAL")
    add_secret(res, "root_password", r.attrs.get("root_password"), "password")
    return res


@gcp_resource("google_sql_user")
def sql_user(r: Parsed, ctx: Context) -> IacResource:
    res = r.new("gcp", "iam")
    remember(ctx, r, res)
    add_secret(res, "password", r.attrs.get("password"), "password")
    return res


@gcp_resource("google_bigquery_dataset")
def bigquery_dataset(r: Parsed, ctx: Context) -> IacResource:
    # BigQuery encrypts all data at rest.
    enc = Encryption(at_rest=True, key_kind="provider_managed")
    _cmek(enc, block(r.attrs.get("default_encryption_configuration")).get("kms_key_name"))
    res = gcp_new(r, ctx, "database", encryption=enc)
    remember(ctx, r, res, "dataset_id")
    for access in blocks(r.attrs.get("access")):
        for key in ("special_group", "iam_member"):
            member = as_str(access.get(key))
            if member and member.lower() in PUBLIC_MEMBERS:
                _set_public(res, True, f"access.{key} = {member}")
    return res


@attachment("google_bigquery_dataset_iam_member", "google_bigquery_dataset_iam_binding")
def bigquery_iam(r: Parsed, ctx: Context) -> None:
    target = find(ctx, r, r.get("dataset_id"), ("google_bigquery_dataset",))
    members = [as_str(m) for m in as_list(r.attrs.get("members")) + ([r.get("member")] if r.get("member") else [])]
    public = [m for m in members if m and m.lower() in PUBLIC_MEMBERS]
    if target is not None and public:
        _set_public(target, True, *(f"IAM {as_str(r.attrs.get('role')) or ''}: {m}" for m in public))


# --------------------------------------------------------------------------- Compute, network


@gcp_resource("google_compute_disk", "google_compute_region_disk")
def compute_disk(r: Parsed, ctx: Context) -> IacResource:
    # Persistent disks are always encrypted at rest.
    enc = Encryption(at_rest=True, key_kind="provider_managed")
    key = block(r.attrs.get("disk_encryption_key"))
    _cmek(enc, key.get("kms_key_self_link") or key.get("kms_key_name"))
    res = gcp_new(r, ctx, "volume", encryption=enc)
    if key.get("raw_key") or key.get("rsa_encrypted_key"):  # customer-supplied key (CSEK)
        enc.key_kind = "customer_managed"
        add_secret(res, "disk_encryption_key.raw_key", key.get("raw_key"), "private_key")
        add_secret(res, "disk_encryption_key.rsa_encrypted_key", key.get("rsa_encrypted_key"), "private_key")
    return res


@gcp_resource("google_compute_instance", "google_compute_instance_template")
def compute_instance(r: Parsed, ctx: Context) -> IacResource:
    enc = Encryption(at_rest=True, key_kind="provider_managed")  # boot disks are always encrypted
    boot = block(r.attrs.get("boot_disk"))
    _cmek(enc, boot.get("kms_key_self_link"))
    res = gcp_new(r, ctx, "compute", encryption=enc)
    add_secret(res, "boot_disk.disk_encryption_key_raw", boot.get("disk_encryption_key_raw"), "private_key")
    nics = blocks(r.attrs.get("network_interface"))
    external = [n for n in nics if "access_config" in n]
    if external:
        _set_public(res, True, "network_interface.access_config (external IP)")
    elif nics:
        _set_public(res, False)
    return res


def _ports(spec: Any) -> tuple[int | None, int | None] | None:
    text = as_str(spec)
    if text is None:
        return (None, None)
    m = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+))?\s*", text)
    if not m:
        return None
    return (int(m.group(1)), int(m.group(2) or m.group(1)))


@gcp_resource("google_compute_firewall")
def firewall(r: Parsed, ctx: Context) -> IacResource:
    res = gcp_new(r, ctx, "network", region=False)  # firewall rules are global
    direction = (as_str(r.attrs.get("direction")) or "INGRESS").upper()
    if direction != "INGRESS" or as_bool(r.attrs.get("disabled")):
        return res
    sources = [as_str(s) for s in as_list(r.attrs.get("source_ranges")) if as_str(s)]
    if not sources and not as_list(r.attrs.get("source_tags")) and not as_list(r.attrs.get("source_service_accounts")):
        sources = ["0.0.0.0/0"]  # an ingress rule without a source applies to 0.0.0.0/0 (documented)
    for allow in blocks(r.attrs.get("allow")):
        protocol = (as_str(allow.get("protocol")) or "all").lower()
        protocol = "all" if protocol in ("all", "-1") else protocol
        ports = [p for p in as_list(allow.get("ports")) if as_str(p)] or [None]
        for src in sources:
            for spec in ports:
                rng = _ports(spec)
                if rng is not None:
                    res.exposure.ingress.append(Ingress(cidr=src, from_port=rng[0], to_port=rng[1], protocol=protocol))
    return res


@gcp_resource("google_compute_address", "google_compute_global_address")
def address(r: Parsed, ctx: Context) -> IacResource:
    res = gcp_new(r, ctx, "network", region=r.type == "google_compute_address")
    kind = (as_str(r.attrs.get("address_type")) or "EXTERNAL").upper()  # documented default EXTERNAL
    _set_public(res, kind == "EXTERNAL", "external IP address")
    return res


# --------------------------------------------------------------------------- load balancers and TLS

# SSL policy profiles: COMPATIBLE (the default, also of proxies without a policy) allows 3DES.
_WEAK = {"COMPATIBLE": ["TLS_RSA_WITH_3DES_EDE_CBC_SHA"]}


def _policy_tls(r: Parsed) -> Tls:
    profile = (as_str(r.attrs.get("profile")) or "COMPATIBLE").upper()
    custom = [as_str(f) for f in as_list(r.attrs.get("custom_features")) if as_str(f)]
    weak = [f for f in custom if "3DES" in f or "RC4" in f] if profile == "CUSTOM" else list(_WEAK.get(profile, []))
    return Tls(
        protocol="HTTPS",
        min_version=tls_version(r.attrs.get("min_tls_version")) or "1.0",  # documented default TLS_1_0
        policy=f"{profile} / {as_str(r.attrs.get('min_tls_version')) or 'TLS_1_0'}",
        weak_ciphers=weak,
    )


@gcp_resource("google_compute_ssl_policy", "google_compute_region_ssl_policy")
def ssl_policy(r: Parsed, ctx: Context) -> IacResource:
    res = gcp_new(r, ctx, "load_balancer", region=r.type == "google_compute_region_ssl_policy")
    res.tls = _policy_tls(r)
    return res


@gcp_resource("google_compute_target_https_proxy", "google_compute_region_target_https_proxy", "google_compute_target_ssl_proxy")
def https_proxy(r: Parsed, ctx: Context) -> IacResource:
    res = gcp_new(r, ctx, "load_balancer", region=r.type.startswith("google_compute_region_"))
    # Without ssl_policy the load balancer uses Google's default policy: COMPATIBLE, TLS 1.0.
    res.tls = Tls(protocol="HTTPS", min_version="1.0", policy="default (COMPATIBLE / TLS_1_0)", weak_ciphers=list(_WEAK["COMPATIBLE"]))
    if r.get("ssl_policy"):
        res.tls = Tls(protocol="HTTPS", policy=as_str(r.get("ssl_policy")))

        def from_policy(res: IacResource, policy: IacResource) -> None:
            if policy.tls is not None:
                res.tls = policy.tls.model_copy(deep=True)

        defer(ctx, r, res, r.get("ssl_policy"), from_policy)
    return res


@gcp_resource("google_compute_target_http_proxy", "google_compute_region_target_http_proxy")
def http_proxy(r: Parsed, ctx: Context) -> IacResource:
    res = gcp_new(r, ctx, "load_balancer", region=r.type.startswith("google_compute_region_"))
    res.tls = Tls(protocol="HTTP", redirects_to_https=False)

    def from_url_map(res: IacResource, url_map: IacResource) -> None:
        parsed = late(ctx).parsed.get(url_map.address)
        redirect = block(parsed.attrs.get("default_url_redirect")) if parsed else {}
        if as_bool(redirect.get("https_redirect")):
            res.tls.redirects_to_https = True

    defer(ctx, r, res, r.get("url_map"), from_url_map)
    return res


@gcp_resource("google_compute_url_map", "google_compute_region_url_map")
def url_map(r: Parsed, ctx: Context) -> IacResource:
    return gcp_new(r, ctx, "other", region=r.type == "google_compute_region_url_map")


@gcp_resource("google_compute_global_forwarding_rule", "google_compute_forwarding_rule")
def forwarding_rule(r: Parsed, ctx: Context) -> IacResource:
    res = gcp_new(r, ctx, "load_balancer", region=r.type == "google_compute_forwarding_rule")
    scheme = (as_str(r.attrs.get("load_balancing_scheme")) or "EXTERNAL").upper()  # documented default EXTERNAL
    if scheme.startswith("EXTERNAL"):
        _set_public(res, True, f"load_balancing_scheme = {scheme}")
    else:
        _set_public(res, False)
    # The protocol and TLS facts stay on the target proxy (one finding per listener).
    return res


# --------------------------------------------------------------------------- KMS, secrets


@gcp_resource("google_kms_key_ring")
def key_ring(r: Parsed, ctx: Context) -> IacResource:
    return gcp_new(r, ctx, "other")


@gcp_resource("google_kms_crypto_key")
def crypto_key(r: Parsed, ctx: Context) -> IacResource:
    level = (as_str(block(r.attrs.get("version_template")).get("protection_level")) or "SOFTWARE").upper()
    res = gcp_new(r, ctx, "key", region=False, encryption=Encryption(at_rest=True, key_kind="hsm" if level == "HSM" else "customer_managed"))
    res.key_rotation = bool(as_str(r.attrs.get("rotation_period")))
    defer(ctx, r, res, r.get("key_ring"), _from_parent)
    return res


@gcp_resource("google_secret_manager_secret")
def secret(r: Parsed, ctx: Context) -> IacResource:
    res = gcp_new(r, ctx, "secret", region=False, encryption=Encryption(at_rest=True, key_kind="provider_managed"))
    remember(ctx, r, res, "secret_id")
    replication = block(r.attrs.get("replication"))
    managed = block(replication.get("user_managed"))
    auto = block(replication.get("auto")) if "auto" in replication else None
    if managed:
        replicas = blocks(managed.get("replicas"))
        regions = [gcp_location(x.get("location")) for x in replicas]
        regions = [x for x in regions if x]
        if regions:
            res.region, res.extra_regions = regions[0], regions[1:]
        for x in replicas:
            _cmek(res.encryption, block(x.get("customer_managed_encryption")).get("kms_key_name"))
    elif auto is not None or as_bool(replication.get("automatic")):
        # Automatic replication stores the payload in Google-chosen regions without restriction.
        res.region = "global"
        _cmek(res.encryption, block((auto or {}).get("customer_managed_encryption")).get("kms_key_name"))
    return res


@gcp_resource("google_secret_manager_secret_version")
def secret_version(r: Parsed, ctx: Context) -> IacResource:
    res = r.new("gcp", "secret")
    remember(ctx, r, res)
    add_secret(res, "secret_data", r.attrs.get("secret_data"), "password")
    defer(ctx, r, res, r.get("secret"), _from_parent)
    return res


# --------------------------------------------------------------------------- logging, monitoring


@gcp_resource("google_logging_project_bucket_config", "google_logging_folder_bucket_config", "google_logging_organization_bucket_config")
def log_bucket(r: Parsed, ctx: Context) -> IacResource:
    # Cloud Logging encrypts log buckets at rest.
    enc = Encryption(at_rest=True, key_kind="provider_managed")
    _cmek(enc, block(r.attrs.get("cmek_settings")).get("kms_key_name"))
    res = gcp_new(r, ctx, "logging", encryption=enc)
    res.logging = Logging(
        kind="log_store",
        retention_days=as_int(r.attrs.get("retention_days")) or 30,  # documented default 30 days
        immutable=bool(as_bool(r.attrs.get("locked"))),
    )
    remember(ctx, r, res, "bucket_id")
    return res


_LOG_BUCKET = re.compile(r"logging\.googleapis\.com/.*/locations/([\w-]+)/buckets/([\w-]+)")


@gcp_resource("google_logging_project_sink", "google_logging_folder_sink", "google_logging_organization_sink")
def log_sink(r: Parsed, ctx: Context) -> IacResource:
    """A sink routes logs (kind diagnostic). When it routes audit logs (a filter on
    cloudaudit.googleapis.com, or no filter at all), its destination log bucket or GCS bucket
    becomes an audit trail: tamper-proof when the bucket is locked."""
    res = r.new("gcp", "logging")
    remember(ctx, r, res, "name")
    destination = as_str(r.attrs.get("destination")) or ""
    log_filter = as_str(r.attrs.get("filter")) or ""
    audit = not log_filter.strip() or "cloudaudit.googleapis.com" in log_filter
    res.logging = Logging(kind="diagnostic", enabled=not bool(as_bool(r.attrs.get("disabled"))), target=destination or None)
    m = _LOG_BUCKET.search(destination)
    if m:
        res.region = gcp_location(m.group(1))
    inner = re.search(r"\$\{((?:module\.[\w-]+\.)*google_[a-z_]+\.[\w-]+)[^}]*\}", destination)
    if inner:  # checkov left the reference inside the destination string
        ref = inner.group(1)
    elif destination.startswith(("storage.googleapis.com/", "bigquery.googleapis.com/")) or m:
        ref = destination.rstrip("/").rsplit("/", 1)[-1]
    else:
        ref = None

    def from_destination(res: IacResource, dest: IacResource) -> None:
        res.logging.target = dest.address
        if res.region is None:
            res.region = dest.region
        if audit and res.logging.enabled and dest.type in _AUDIT_DESTINATIONS:
            dest.logging = dest.logging or Logging()
            dest.logging.kind = "audit_trail"
            dest.logging.immutable = bool(dest.logging.immutable)

    if ref:
        defer(ctx, r, res, ref, from_destination)
    return res


_AUDIT_DESTINATIONS = ("google_logging_project_bucket_config", "google_logging_folder_bucket_config", "google_logging_organization_bucket_config", "google_storage_bucket")


@gcp_resource("google_project_iam_audit_config", "google_folder_iam_audit_config", "google_organization_iam_audit_config")
def audit_config(r: Parsed, ctx: Context) -> IacResource:
    kinds = {(as_str(c.get("log_type")) or "").upper() for c in blocks(r.attrs.get("audit_log_config"))}
    res = r.new("gcp", "logging", name=as_str(r.attrs.get("service")) or r.name)
    remember(ctx, r, res)
    res.logging = Logging(kind="audit_config", enabled={"DATA_READ", "DATA_WRITE"} <= kinds)
    return res


@gcp_resource("google_scc_project_notification_config", "google_scc_notification_config", "google_scc_v2_project_notification_config", "google_scc_v2_organization_notification_config")
def scc_notification(r: Parsed, ctx: Context) -> IacResource:
    """Security Command Center findings exported: SCC is in use."""
    res = r.new("gcp", "monitoring")
    remember(ctx, r, res)
    res.logging = Logging(enabled=True, target=as_str(r.attrs.get("pubsub_topic")))
    return res


# --------------------------------------------------------------------------- IAM

_IAM_TYPES = (
    "google_project_iam_member", "google_project_iam_binding",
    "google_folder_iam_member", "google_folder_iam_binding",
    "google_organization_iam_member", "google_organization_iam_binding",
)


def _rank(member: str) -> int:
    low = member.lower()
    if low in PUBLIC_MEMBERS:
        return 0
    if low.startswith("serviceaccount:") or low.startswith("principal"):
        return 1
    return 2


@gcp_resource(*_IAM_TYPES)
def project_iam(r: Parsed, ctx: Context) -> IacResource:
    res = r.new("gcp", "iam")
    remember(ctx, r, res)
    members = [as_str(m) for m in as_list(r.attrs.get("members")) + ([r.get("member")] if r.get("member") else [])]
    members = sorted((m for m in members if m), key=_rank)  # a binding: the member that matters most
    res.iam = Iam(role=as_str(r.attrs.get("role")), member=members[0] if members else None)
    public = [m for m in members if m.lower() in PUBLIC_MEMBERS]
    if public:
        _set_public(res, True, *(f"{as_str(r.attrs.get('role'))} granted to {m}" for m in public))
    return res


# --------------------------------------------------------------------------- Vertex AI, notebooks


def _vertex_private(r: Parsed) -> bool:
    psc = block(r.attrs.get("private_service_connect_config"))
    return bool(r.get("network")) or bool(as_bool(psc.get("enable_private_service_connect")))


def _vertex_ai(res: IacResource, public: bool | None) -> Ai:
    region = res.region
    return Ai(
        service="vertex_ai",
        routing=("global" if region == "global" else "in_region") if region else None,
        location=region,
        public_network_access=public,
    )


@gcp_resource("google_vertex_ai_endpoint")
def vertex_endpoint(r: Parsed, ctx: Context) -> IacResource:
    enc = Encryption()
    _cmek(enc, block(r.attrs.get("encryption_spec")).get("kms_key_name"))
    res = gcp_new(r, ctx, "ai", encryption=enc)
    if _vertex_private(r):
        _set_public(res, False)
    else:
        _set_public(res, True, "no network / private_service_connect_config (public aiplatform endpoint)")
    res.ai = _vertex_ai(res, res.exposure.public)
    return res


@gcp_resource("google_vertex_ai_index_endpoint")
def vertex_index_endpoint(r: Parsed, ctx: Context) -> IacResource:
    # The deployed index is Vertex AI data: encrypted at rest (Google-managed keys unless encryption_spec).
    enc = Encryption(at_rest=True, key_kind="provider_managed")
    _cmek(enc, block(r.attrs.get("encryption_spec")).get("kms_key_name"))
    res = gcp_new(r, ctx, "vector_store", encryption=enc)
    if as_bool(r.attrs.get("public_endpoint_enabled")):
        _set_public(res, True, "public_endpoint_enabled = true")
    elif _vertex_private(r):
        _set_public(res, False)
    return res


@gcp_resource("google_vertex_ai_index")
def vertex_index(r: Parsed, ctx: Context) -> IacResource:
    # Vertex AI encrypts stored data at rest (Google-managed keys unless encryption_spec sets a CMEK).
    enc = Encryption(at_rest=True, key_kind="provider_managed")
    _cmek(enc, block(r.attrs.get("encryption_spec")).get("kms_key_name"))
    return gcp_new(r, ctx, "vector_store", encryption=enc)


@gcp_resource("google_vertex_ai_featurestore", "google_vertex_ai_feature_online_store")
def vertex_featurestore(r: Parsed, ctx: Context) -> IacResource:
    enc = Encryption(at_rest=True, key_kind="provider_managed")
    _cmek(enc, block(r.attrs.get("encryption_spec")).get("kms_key_name"))
    res = gcp_new(r, ctx, "database", encryption=enc)
    if r.type == "google_vertex_ai_feature_online_store":
        dedicated = block(r.attrs.get("dedicated_serving_endpoint"))
        if dedicated:
            psc = block(dedicated.get("private_service_connect_config"))
            private = bool(as_bool(psc.get("enable_private_service_connect")))
            _set_public(res, not private, "dedicated_serving_endpoint without private service connect")
    return res


@gcp_resource("google_notebooks_instance", "google_workbench_instance")
def notebook(r: Parsed, ctx: Context) -> IacResource:
    res = gcp_new(r, ctx, "compute")
    if r.type == "google_workbench_instance":
        no_public = as_bool(block(r.attrs.get("gce_setup")).get("disable_public_ip"))
        attr = "gce_setup.disable_public_ip"
    else:
        no_public = as_bool(r.attrs.get("no_public_ip"))
        attr = "no_public_ip"
    if no_public:
        _set_public(res, False)
    else:  # documented default false: the instance gets an external IP
        _set_public(res, True, f"{attr} = false" if no_public is False else f"{attr} not set (default false: external IP)")
    return res


# --------------------------------------------------------------------------- GKE, registries, Cloud Run


@gcp_resource("google_container_cluster")
def gke(r: Parsed, ctx: Context) -> IacResource:
    res = gcp_new(r, ctx, "compute")
    private = block(r.attrs.get("private_cluster_config"))
    authorized = block(r.attrs.get("master_authorized_networks_config"))
    cidrs = [as_str(b.get("cidr_block")) for b in blocks(authorized.get("cidr_blocks"))]
    if as_bool(private.get("enable_private_endpoint")):
        _set_public(res, False)
    elif authorized and cidrs and not any(c in ("0.0.0.0/0", "::/0") for c in cidrs):
        _set_public(res, False)
    else:
        _set_public(res, True, "control plane public endpoint without master_authorized_networks_config")
    db = block(r.attrs.get("database_encryption"))
    if (as_str(db.get("state")) or "").upper() == "ENCRYPTED":
        _cmek(res.encryption, db.get("key_name"))
    return res


@gcp_resource("google_artifact_registry_repository")
def artifact_registry(r: Parsed, ctx: Context) -> IacResource:
    enc = Encryption(at_rest=True, key_kind="provider_managed")
    _cmek(enc, r.attrs.get("kms_key_name"))
    res = gcp_new(r, ctx, "registry", encryption=enc)
    scanning = (as_str(block(r.attrs.get("vulnerability_scanning_config")).get("enablement_config")) or "").upper()
    # INHERITED (the default) depends on the project's Container Scanning API: unknown here.
    res.image_scanning = False if scanning == "DISABLED" else None
    return res


@gcp_resource("google_cloud_run_v2_service", "google_cloud_run_service")
def cloud_run(r: Parsed, ctx: Context) -> IacResource:
    res = gcp_new(r, ctx, "compute")
    ingress = (as_str(r.attrs.get("ingress")) or "INGRESS_TRAFFIC_ALL").upper()  # documented default
    if r.type == "google_cloud_run_v2_service":
        _set_public(res, ingress == "INGRESS_TRAFFIC_ALL", f"ingress = {ingress}")
    template = block(r.attrs.get("template"))
    spec = block(template.get("spec")) or template
    for container in blocks(spec.get("containers")):
        for env in blocks(container.get("env")):
            name = as_str(env.get("name")) or ""
            if secret_name(name) and "value" in env:
                add_secret(res, f"template.containers.env.{name}", env.get("value"))
    return res


settle_attachment(*_DEFERRING)
