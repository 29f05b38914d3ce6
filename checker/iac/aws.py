"""AWS resources in Terraform (HCL and plan JSON): storage, databases, network, load balancers,
logging, monitoring, keys, IAM, registries, secrets, Bedrock and SageMaker.

Conventions (checker/iac/model.py is the contract):

* A fact the configuration does not settle is `None`. A provider default is used only where AWS
  or the Terraform provider documents it (each such place says so in a comment).
* `region` is the resource's own `region` argument (AWS provider 6) or its provider
  configuration's region; an unrendered `var.x` is unknown.
* Separate S3 configuration resources (ACL, public access block, policy, versioning, encryption,
  object lock, lifecycle, replication, logging, ownership) complete the bucket they name. Facts that
  combine several resources (a bucket's exposure, a CloudTrail's tamper-proofing from its bucket's
  Object Lock, a log bucket's retention) are recomputed from per-bucket state whenever one of the
  contributing resources is seen, so the result does not depend on the order of the files.
* Secrets are recorded by attribute path and kind only, never by value.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any

from .extract import Context, Parsed, as_bool, as_int, as_list, as_str, attachment, block, blocks, is_unresolved, resource, unwrap
from .model import Ai, Backup, Encryption, Iam, IamStatement, Ingress, IacResource, Logging, SecretFinding, Tls

# --------------------------------------------------------------------------------------------
# Value helpers
# --------------------------------------------------------------------------------------------

# `aws_secretsmanager_secret_version.db.secret_string`, `random_password.db.result`: a reference
# to another resource's attribute that checkov left unrendered.
_RESOURCE_REF = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+\.[A-Za-z_][\w\-]*(?:\[[^\]]*\])?(?:\.[\w\-]+(?:\[[^\]]*\])?)+$")


def _s(attrs: dict, key: str) -> str | None:
    """A rendered string attribute; None when absent, null or an unrendered reference."""
    value = as_str(attrs.get(key))
    if value is None or is_unresolved(value):
        return None
    return value


def _b(attrs: dict, key: str) -> bool | None:
    return as_bool(attrs.get(key))


def _i(attrs: dict, key: str) -> int | None:
    return as_int(attrs.get(key))


def _absent(attrs: dict, key: str) -> bool:
    value = attrs.get(key)
    return value is None or unwrap(value) is None or value == []


def _flag(attrs: dict, key: str, default: bool | None) -> bool | None:
    """A boolean argument: the provider default when absent or null, None when it is an
    unrendered reference (var.x without a value), never the default in that case."""
    return default if _absent(attrs, key) else as_bool(attrs.get(key))


def _num(attrs: dict, key: str, default: int | None) -> int | None:
    return default if _absent(attrs, key) else as_int(attrs.get(key))


def _str(attrs: dict, key: str, default: str | None) -> str | None:
    return default if _absent(attrs, key) else _s(attrs, key)


def _encryption(attrs: dict, key_attr: str, at_rest: bool | None = True) -> Encryption:
    """Encryption at rest with the key named by `key_attr`: customer-managed when a key is given,
    provider-managed when none is, unknown when the key is an unrendered reference."""
    if at_rest is None:
        return Encryption()
    if not at_rest:
        return Encryption(at_rest=False)
    return Encryption(at_rest=True, key_kind=_key_kind(attrs, key_attr), key_ref=_s(attrs, key_attr))


def _key_kind(attrs: dict, key_attr: str) -> str | None:
    """provider_managed without a key or with an AWS managed key (alias/aws/...), customer_managed
    with any other key, None when the key is an unrendered variable."""
    if _absent(attrs, key_attr):
        return "provider_managed"
    key = _s(attrs, key_attr)
    if key is None:
        return None
    return "provider_managed" if re.search(r"(^|:|/)alias/aws/", key) else "customer_managed"


def _strs(value: Any) -> list[str]:
    """A list of strings from a scalar or a (possibly checkov-wrapped) list."""
    out: list[str] = []
    for item in as_list(value):
        if isinstance(item, list):
            out += _strs(item)
        elif isinstance(item, (str, int, float)) and not isinstance(item, bool):
            out.append(str(item))
    return out


def _doc(value: Any) -> tuple[dict | list | None, bool]:
    """A JSON document attribute (IAM policy, security policy): checkov gives a dict (jsonencode,
    heredoc JSON) or a string (plan JSON). Returns (document, unresolved)."""
    if value is None:
        return None, False
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], (dict, list)):
        value = value[0]
    value = unwrap(value)
    if isinstance(value, (dict, list)):
        return value, False
    if isinstance(value, str) and value.strip():
        parsed = _parse_doc(value.strip())
        return (parsed, False) if isinstance(parsed, (dict, list)) else (None, True)
    return None, value is not None


_JSONENCODE = re.compile(r"^\$\{jsonencode\((.*)\)\}$", re.S)


def _parse_doc(text: str) -> Any:
    """JSON text, or the `${jsonencode({...})}` checkov leaves when a document mixes references it
    could not render: its argument is then a Python literal with the references as strings."""
    m = _JSONENCODE.match(text)
    if m:
        try:
            return ast.literal_eval(m.group(1))
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            text = m.group(1)
    try:
        return json.loads(text)
    except ValueError:
        return None


def _prefix(r: Parsed) -> str:
    """The module path of a resource (`module.a.module.b`), for resolving its references."""
    return r.address.rsplit(".", 2)[0] if r.address.startswith("module.") else ""


def _resolve(ctx: Context, value: Any, prefix: str = "", types: tuple[str, ...] = ()) -> IacResource | None:
    """The resource a reference, name or ARN points at (`aws_s3_bucket.x.arn`, `arn:aws:s3:::name`,
    `s3://name/prefix`, a literal name), optionally only of the given types."""
    value = as_str(value)
    if not value:
        return None
    ref = value.strip()
    if ref.startswith("${") and ref.endswith("}"):
        ref = ref[2:-1]
    for scheme in ("arn:aws:s3:::", "s3://"):
        if ref.startswith(scheme):
            ref = ref[len(scheme) :].split("/", 1)[0]
    found = ctx.resolve(ref, prefix=prefix) if ref else None
    if found is None and "/" in ref.strip("/"):
        ref = ref.split("/", 1)[0]  # aws_s3_bucket.x.arn/prefix/*
        found = ctx.resolve(ref, prefix=prefix)
    if found is None and _RESOURCE_REF.match(ref):
        found = ctx.resolve(ref.rsplit(".", 1)[0], prefix=prefix)  # any attribute: x.y.custom_model_arn
    if found is None and ":" in value and value.startswith("arn:"):
        # arn:aws:logs:...:log-group:NAME(:*) and similar: try the last name component.
        tail = value.rsplit(":log-group:", 1)[-1].split(":", 1)[0] if ":log-group:" in value else value.rsplit("/", 1)[-1]
        found = ctx.resolve(tail, prefix=prefix)
    if found is None and _RESOURCE_REF.match(ref):
        found = _in_child_module(ctx, ref)
    if found is not None and types and found.type not in types:
        # A literal name shared by resources of several types (plan JSON renders references as names).
        found = next((ctx.resources.get(a) for (t, n), a in ctx.by_name.items() if t in types and n in (value, ref)), None)
    return found


def _in_child_module(ctx: Context, ref: str) -> IacResource | None:
    """A module output that checkov rendered as the module's own reference (`aws_s3_bucket.this.id`
    for module.logs.aws_s3_bucket.this): the one resource anywhere with that type and name."""
    st = _state(ctx)
    if st.suffix_size != len(ctx.resources):
        st.by_suffix = {}
        for address in ctx.resources:
            parts = address.split(".")
            if len(parts) >= 2:
                st.by_suffix.setdefault(".".join(parts[-2:]), []).append(address)
        st.suffix_size = len(ctx.resources)
    matches = st.by_suffix.get(".".join(ref.split(".")[:2]), [])
    return ctx.resources[matches[0]] if len(matches) == 1 else None


def _region(r: Parsed) -> str | None:
    """The resource's region: its own `region` argument (AWS provider 6) or its provider's."""
    region = _s(r.attrs, "region") or r.provider_region
    if not region or is_unresolved(region):
        return None
    return region.strip().lower()


def _tags(r: Parsed) -> dict[str, str]:
    """`tags`, over `tags_all` (plan JSON: includes the provider's default_tags)."""
    tags: dict = {}
    for attr in ("tags_all", "tags"):
        raw = r.attrs.get(attr)
        tags.update(block(raw) if isinstance(raw, list) else (raw if isinstance(raw, dict) else {}))
    out: dict[str, str] = {}
    for key, value in tags.items():
        value = unwrap(value)
        if value is None or isinstance(value, (dict, list)):
            continue
        out[str(key)] = str(value).lower() if isinstance(value, bool) else str(value)
    return out


def _new(r: Parsed, category: str, **facts) -> IacResource:
    """An AWS IacResource with region, tags and literal secrets filled."""
    facts.setdefault("region", _region(r))
    res = r.new("aws", category, tags=_tags(r), **facts)
    res.secrets = secrets_in(r.attrs)
    return res


def _public(res: IacResource, reason: str) -> None:
    res.exposure.public = True
    if reason not in res.exposure.reasons:
        res.exposure.reasons.append(reason)


# --------------------------------------------------------------------------------------------
# Secrets: attribute names and value shapes (never the value itself)
# --------------------------------------------------------------------------------------------

_SECRET_NAME = re.compile(
    r"(?:^|_)(passwords?|passwd|pwd|passphrase|secret|client_secret|secret_string|secret_binary|secret_key|"
    r"secret_access_key|token|auth_token|access_token|refresh_token|oauth_token|api_key|apikey|access_key|"
    r"private_key|connection_string|connstr|conn_str)$"
)
_SECRET_VALUES = [
    (re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----"), "private_key"),
    (re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"), "access_key"),
    (re.compile(r"\b[a-z][a-z0-9+.\-]*://[^\s/:@${}]+:[^\s/@${}]+@[\w.\-]+"), "connection_string"),
    (re.compile(r"(?i)(?:^|;)\s*(?:password|pwd)\s*=\s*[^;${}\s]+"), "connection_string"),
    (re.compile(r"\b(?:sk-(?:proj-)?[A-Za-z0-9_\-]{20,}|ghp_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{40,}|xox[abpr]-[A-Za-z0-9\-]{10,})"), "token"),
]
# Documents that hold no secrets but many keys and values (policies) and labels.
_SECRET_SKIP = {"tags", "tags_all", "policy", "assume_role_policy", "access_policies"}


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).replace("-", "_").lower()


def _secret_kind(name: str) -> str:
    name = _snake(name)
    if "pass" in name or name.endswith("pwd"):
        return "password"
    if "private_key" in name:
        return "private_key"
    if "conn" in name:
        return "connection_string"
    if "token" in name:
        return "token"
    if name.endswith("key"):
        return "access_key"
    return "secret"


def _literal_secret(value: str) -> bool:
    """A literal that could be a secret: not a reference, placeholder or empty value."""
    v = value.strip()
    if not v or is_unresolved(v) or _RESOURCE_REF.match(v) or "${" in v or "{{resolve:" in v:
        return False
    if v.startswith("arn:") or v.lower() in ("true", "false", "null", "none") or set(v) <= {"*", "x", "X"}:
        return False
    if re.fullmatch(r"[a-z][a-z0-9_]*\(.*\)", v, re.S):  # file("key.pem"), base64decode(...) left unrendered
        return False
    return True


def secrets_in(attrs: dict) -> list[SecretFinding]:
    """Literal secrets in a resource's attributes: secret-named attributes and environment
    variables with literal values, and values shaped like keys, tokens or connection strings."""
    found: dict[str, str] = {}

    def visit(value: Any, path: str, key: str | None) -> None:
        if isinstance(value, dict):
            name, val = value.get("name"), value.get("value")  # ECS-style {"name": ..., "value": ...}
            if isinstance(name, str) and isinstance(val, str) and _SECRET_NAME.search(_snake(name)) and _literal_secret(val):
                found.setdefault(f"{path}.{name}" if path else name, _secret_kind(name))
            for k, v in value.items():
                # checkov's secret checks (CKV_AWS_45, ...) add `CKV_..._secret_N` copies of what they found.
                if not path and (k in _SECRET_SKIP or str(k).startswith("CKV_")):
                    continue
                visit(v, f"{path}.{k}" if path else str(k), str(k))
        elif isinstance(value, list):
            for item in value:
                visit(item, path, key)
        elif isinstance(value, str):
            if key is not None and _SECRET_NAME.search(_snake(key)) and _literal_secret(value):
                found.setdefault(path, _secret_kind(key))
                return
            text = value.strip()
            if (text[:1] in ("{", "[") or text.startswith("${jsonencode(")) and len(text) < 100_000:
                parsed = _parse_doc(text)
                if isinstance(parsed, (dict, list)):
                    visit(parsed, path, key)
                    return
            for pattern, kind in _SECRET_VALUES:
                if pattern.search(value):
                    found.setdefault(path, kind)
                    return

    visit(attrs, "", None)
    return [SecretFinding(field=f, kind=k) for f, k in sorted(found.items())]


# --------------------------------------------------------------------------------------------
# Per-scan state: facts that combine several resources
# --------------------------------------------------------------------------------------------

PAB_FLAGS = ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")
PUBLIC_ACLS = {"public-read", "public-read-write", "authenticated-read"}
PUBLIC_GRANTEES = ("/global/AllUsers", "/global/AuthenticatedUsers")


@dataclass
class _Bucket:
    address: str
    acl_reasons: list[str] = field(default_factory=list)
    policy_reasons: list[str] = field(default_factory=list)
    policy_unknown: bool = False
    pab: dict[str, bool] | None = None
    pab_ref: str | None = None
    ownership_enforced: bool = False
    versioning: bool | None = False  # None: configured with a value lgai cannot read
    lock_enabled: bool | None = False
    lock_retention: bool = False  # a default retention rule: new objects are locked
    expirations: list[int] = field(default_factory=list)
    access_log_target: str | None = None
    log_destination: bool = False
    trails: list[str] = field(default_factory=list)  # CloudTrail addresses writing here


@dataclass
class _State:
    buckets: dict[str, _Bucket] = field(default_factory=dict)
    account_pab: dict[str, bool] | None = None
    ebs_unset: list[str] = field(default_factory=list)  # volumes / instances whose `encrypted` is unset
    ebs_default: dict[str | None, bool] = field(default_factory=dict)  # region -> encryption by default
    ecr_repos: list[str] = field(default_factory=list)
    lb_types: dict[str, str] = field(default_factory=dict)  # aws_lb address -> load_balancer_type
    collections: dict[str, str] = field(default_factory=dict)  # OpenSearch Serverless collection address -> name
    by_suffix: dict[str, list[str]] = field(default_factory=dict)  # "type.name" -> addresses (any module)
    suffix_size: int = -1


def _state(ctx: Context) -> _State:
    return ctx.state("aws", _State)


# --------------------------------------------------------------------------------------------
# S3
# --------------------------------------------------------------------------------------------


@resource("aws_s3_bucket")
def s3_bucket(r: Parsed, ctx: Context) -> IacResource:
    # Since January 2023 every new S3 bucket is encrypted with SSE-S3 by default.
    enc = Encryption(at_rest=True, key_kind="provider_managed")
    sse = block(r.attrs.get("server_side_encryption_configuration"))  # legacy inline block
    if sse:
        _apply_sse(enc, sse)
    res = _new(r, "storage", encryption=enc, backup=Backup(versioning=False))
    b = _Bucket(address=res.address)
    _state(ctx).buckets[res.address] = b
    acl = _s(r.attrs, "acl")  # legacy inline ACL
    if acl in PUBLIC_ACLS:
        b.acl_reasons.append(f"acl = {acl}")
    for g in blocks(r.attrs.get("grant")):
        if any(x in (_s(g, "uri") or "") for x in PUBLIC_GRANTEES):
            b.acl_reasons.append(f"grant to {(_s(g, 'uri') or '').rsplit('/', 1)[-1]}")
    if "policy" in r.attrs:
        _bucket_policy(b, r.attrs.get("policy"), r.address)
    versioning = block(r.attrs.get("versioning"))  # legacy inline block
    if versioning:
        b.versioning = _flag(versioning, "enabled", False)
    b.lock_enabled = _flag(r.attrs, "object_lock_enabled", False)
    lock = block(r.attrs.get("object_lock_configuration"))  # legacy inline block
    if lock and _s(lock, "object_lock_enabled") == "Enabled":
        b.lock_enabled = True
        b.lock_retention = _has_default_retention(lock)
    for rule in blocks(r.attrs.get("lifecycle_rule")):
        if _b(rule, "enabled") is not False:
            days = _i(block(rule.get("expiration")), "days")
            if days:
                b.expirations.append(days)
    log = block(r.attrs.get("logging"))
    if log:
        b.access_log_target = as_str(log.get("target_bucket"))
    _refresh_bucket(ctx, b, res)
    return res


@attachment("aws_s3_bucket")
def s3_bucket_links(r: Parsed, ctx: Context) -> None:
    """Inline blocks that refer to other buckets (legacy logging / replication_configuration)."""
    b = _state(ctx).buckets.get(r.address)
    res = ctx.resources.get(r.address)
    if b is None or res is None:
        return
    if b.access_log_target:
        _mark_log_destination(ctx, b.access_log_target, _prefix(r))
    repl = block(r.attrs.get("replication_configuration"))
    for rule in blocks(repl.get("rules")) if repl else []:
        _add_replica_region(ctx, res, block(rule.get("destination")).get("bucket"), _prefix(r))


def _apply_sse(enc: Encryption, conf: dict) -> None:
    rule = block(conf.get("rule"))
    default = block(rule.get("apply_server_side_encryption_by_default"))
    algorithm = as_str(default.get("sse_algorithm"))
    if algorithm:
        enc.at_rest = True
        # AES256 is SSE-S3; aws:kms without a key id uses the AWS managed key aws/s3.
        kms = algorithm.startswith("aws:kms")
        enc.key_kind = _key_kind(default, "kms_master_key_id") if kms else "provider_managed"
        enc.key_ref = _s(default, "kms_master_key_id") if kms else None


def _has_default_retention(conf: dict) -> bool:
    rule = block(conf.get("rule"))
    retention = block(rule.get("default_retention"))
    return bool(retention) and (_i(retention, "days") or _i(retention, "years") or 0) > 0


def _bucket_policy(b: _Bucket, value: Any, source: str) -> None:
    doc, unresolved = _doc(value)
    if unresolved:
        b.policy_unknown = True  # e.g. data.aws_iam_policy_document.x.json, not rendered by checkov
        return
    for s in _statement_dicts(doc):
        if _public_statement(s):
            b.policy_reasons.append(f'policy Principal "*" without Condition ({source})')
            return


def _bucket_target(ctx: Context, r: Parsed, attr: str = "bucket") -> tuple[IacResource, _Bucket] | None:
    res = _resolve(ctx, r.attrs.get(attr), _prefix(r), ("aws_s3_bucket",))
    if res is None:
        return None
    b = _state(ctx).buckets.get(res.address)
    return (res, b) if b is not None else None


def _refresh_bucket(ctx: Context, b: _Bucket, res: IacResource | None = None) -> None:
    """Recompute a bucket's combined facts (exposure, versioning, log store) and its trails."""
    res = res or ctx.resources.get(b.address)
    if res is None:
        return
    st = _state(ctx)
    pab = {flag: bool((b.pab or {}).get(flag)) or bool((st.account_pab or {}).get(flag)) for flag in PAB_FLAGS}
    acl_blocked = pab["block_public_acls"] or pab["ignore_public_acls"] or b.ownership_enforced
    policy_blocked = pab["block_public_policy"] or pab["restrict_public_buckets"]
    reasons: list[str] = []
    if b.acl_reasons and not acl_blocked:
        reasons += b.acl_reasons
    if b.policy_reasons and not policy_blocked:
        reasons += b.policy_reasons
    if reasons and b.pab is not None:
        off = [f for f in PAB_FLAGS if not b.pab.get(f)]
        reasons.append(f"{b.pab_ref}: {', '.join(off)} = false")
    res.exposure.reasons = reasons
    if reasons:
        res.exposure.public = True
    elif b.policy_unknown and not policy_blocked:
        res.exposure.public = None  # a bucket policy lgai cannot read (e.g. data.aws_iam_policy_document)
    else:
        res.exposure.public = False
    # Versioning is off unless configured; Object Lock turns it on automatically.
    res.backup = res.backup or Backup()
    res.backup.versioning = True if b.lock_enabled else b.versioning
    immutable = None if b.lock_enabled is None else b.lock_enabled and b.lock_retention
    if b.log_destination:
        # Objects never expire without a lifecycle expiration: 0 = kept forever.
        res.logging = Logging(kind="log_store", enabled=True, retention_days=min(b.expirations) if b.expirations else 0, immutable=immutable)
    elif b.access_log_target:
        res.logging = Logging(kind="access_log", enabled=True, target=b.access_log_target)
    else:
        res.logging = None
    for trail_address in b.trails:
        trail = ctx.resources.get(trail_address)
        if trail is not None and trail.logging is not None:
            trail.logging.immutable = immutable


def _mark_log_destination(ctx: Context, ref: Any, prefix: str, trail: IacResource | None = None) -> IacResource | None:
    """The bucket a log source writes to becomes a log store (retention, immutability)."""
    found = _resolve(ctx, ref, prefix, ("aws_s3_bucket",))
    if found is None:
        return None
    b = _state(ctx).buckets.get(found.address)
    if b is None:
        return None
    b.log_destination = True
    if trail is not None and trail.address not in b.trails:
        b.trails.append(trail.address)
    _refresh_bucket(ctx, b)
    return found


def _add_replica_region(ctx: Context, res: IacResource, ref: Any, prefix: str) -> None:
    dest = _resolve(ctx, ref, prefix, ("aws_s3_bucket",))
    if dest is None:
        if as_str(ref):
            ctx.notes.append(f"{res.address}: replication destination {as_str(ref)} is not defined here; its region is unknown")
        return
    if dest.region and dest.region != res.region and dest.region not in res.extra_regions:
        res.extra_regions.append(dest.region)


@attachment("aws_s3_bucket_server_side_encryption_configuration")
def s3_sse(r: Parsed, ctx: Context) -> None:
    target = _bucket_target(ctx, r)
    if target is not None:
        _apply_sse(target[0].encryption, r.attrs)


@attachment("aws_s3_bucket_versioning")
def s3_versioning(r: Parsed, ctx: Context) -> None:
    target = _bucket_target(ctx, r)
    if target is not None:
        status = _s(block(r.attrs.get("versioning_configuration")), "status")
        target[1].versioning = None if status is None else status == "Enabled"
        _refresh_bucket(ctx, target[1])


@attachment("aws_s3_bucket_acl")
def s3_acl(r: Parsed, ctx: Context) -> None:
    target = _bucket_target(ctx, r)
    if target is None:
        return
    b = target[1]
    acl = _s(r.attrs, "acl")
    if acl in PUBLIC_ACLS:
        b.acl_reasons.append(f"acl = {acl} ({r.address})")
    for policy in blocks(r.attrs.get("access_control_policy")):
        for grant in blocks(policy.get("grant")):
            uri = _s(block(grant.get("grantee")), "uri") or ""
            if any(x in uri for x in PUBLIC_GRANTEES):
                b.acl_reasons.append(f"grant to {uri.rsplit('/', 1)[-1]} ({r.address})")
    _refresh_bucket(ctx, b)


@attachment("aws_s3_bucket_public_access_block")
def s3_public_access_block(r: Parsed, ctx: Context) -> None:
    target = _bucket_target(ctx, r)
    if target is None:
        return
    # Every flag defaults to false in this resource.
    target[1].pab = {flag: bool(_b(r.attrs, flag)) for flag in PAB_FLAGS}
    target[1].pab_ref = r.address
    _refresh_bucket(ctx, target[1])


@attachment("aws_s3_account_public_access_block")
def s3_account_public_access_block(r: Parsed, ctx: Context) -> None:
    st = _state(ctx)
    st.account_pab = {flag: bool(_b(r.attrs, flag)) for flag in PAB_FLAGS}
    for b in st.buckets.values():
        _refresh_bucket(ctx, b)


@attachment("aws_s3_bucket_ownership_controls")
def s3_ownership(r: Parsed, ctx: Context) -> None:
    target = _bucket_target(ctx, r)
    if target is not None:
        target[1].ownership_enforced = _s(block(r.attrs.get("rule")), "object_ownership") == "BucketOwnerEnforced"
        _refresh_bucket(ctx, target[1])


@attachment("aws_s3_bucket_policy")
def s3_policy(r: Parsed, ctx: Context) -> None:
    target = _bucket_target(ctx, r)
    if target is not None:
        _bucket_policy(target[1], r.attrs.get("policy"), r.address)
        _refresh_bucket(ctx, target[1])


@attachment("aws_s3_bucket_object_lock_configuration")
def s3_object_lock(r: Parsed, ctx: Context) -> None:
    target = _bucket_target(ctx, r)
    if target is None:
        return
    b = target[1]
    # This resource turns Object Lock on (object_lock_enabled defaults to "Enabled").
    if _str(r.attrs, "object_lock_enabled", "Enabled") == "Enabled":
        b.lock_enabled = True
    b.lock_retention = _has_default_retention(r.attrs)
    _refresh_bucket(ctx, b)


@attachment("aws_s3_bucket_lifecycle_configuration")
def s3_lifecycle(r: Parsed, ctx: Context) -> None:
    target = _bucket_target(ctx, r)
    if target is None:
        return
    for rule in blocks(r.attrs.get("rule")):
        if _str(rule, "status", "Enabled") != "Enabled":
            continue
        days = _i(block(rule.get("expiration")), "days")
        if days:
            target[1].expirations.append(days)
    _refresh_bucket(ctx, target[1])


@attachment("aws_s3_bucket_logging")
def s3_logging(r: Parsed, ctx: Context) -> None:
    target = _bucket_target(ctx, r)
    if target is not None:
        target[1].access_log_target = as_str(r.attrs.get("target_bucket"))
        _refresh_bucket(ctx, target[1])
    _mark_log_destination(ctx, r.attrs.get("target_bucket"), _prefix(r))


@attachment("aws_s3_bucket_replication_configuration")
def s3_replication(r: Parsed, ctx: Context) -> None:
    target = _bucket_target(ctx, r)
    if target is None:
        return
    for rule in blocks(r.attrs.get("rule")):
        if _str(rule, "status", "Enabled") == "Enabled":
            _add_replica_region(ctx, target[0], block(rule.get("destination")).get("bucket"), _prefix(r))


@resource("aws_efs_file_system")
def efs(r: Parsed, ctx: Context) -> IacResource:
    # EFS is unencrypted unless `encrypted = true`.
    return _new(r, "storage", encryption=_storage_encryption(r, default=False, flag="encrypted"))


# --------------------------------------------------------------------------------------------
# Block volumes and compute
# --------------------------------------------------------------------------------------------


@resource("aws_ebs_volume")
def ebs_volume(r: Parsed, ctx: Context) -> IacResource:
    # EBS volumes are unencrypted unless `encrypted = true` or account-level encryption by default;
    # a volume restored from a snapshot inherits the snapshot's encryption.
    enc = _storage_encryption(r, default=False, flag="encrypted", inherit_keys=("snapshot_id",))
    if _absent(r.attrs, "encrypted") and enc.at_rest is False:
        _state(ctx).ebs_unset.append(r.address)
    return _new(r, "volume", encryption=enc)


@resource("aws_instance")
def ec2_instance(r: Parsed, ctx: Context) -> IacResource:
    devices = blocks(r.attrs.get("root_block_device")) + blocks(r.attrs.get("ebs_block_device")) or [{}]  # [{}]: default root volume
    flags = [_flag(d, "encrypted", False) for d in devices]  # unencrypted by default (see aws_ebs_volume)
    keys = [k for k in (_s(d, "kms_key_id") for d in devices) if k]
    if any(f is None for f in flags):
        enc = Encryption()
    elif all(flags):
        enc = Encryption(at_rest=True, key_kind="customer_managed" if keys else "provider_managed", key_ref=keys[0] if keys else None)
    else:
        enc = Encryption(at_rest=False)
        if all(f or _absent(d, "encrypted") for f, d in zip(flags, devices)):
            _state(ctx).ebs_unset.append(r.address)
    res = _new(r, "compute", encryption=enc)
    public_ip = _b(r.attrs, "associate_public_ip_address")
    if public_ip:
        _public(res, "associate_public_ip_address = true")
    elif public_ip is False:
        res.exposure.public = False
    return res


@attachment("aws_ebs_encryption_by_default")
def ebs_encryption_by_default(r: Parsed, ctx: Context) -> None:
    st = _state(ctx)
    st.ebs_default[_region(r)] = bool(_flag(r.attrs, "enabled", True))  # `enabled` defaults to true
    for address in st.ebs_unset:
        res = ctx.resources.get(address)
        if res is not None and st.ebs_default.get(res.region):
            res.encryption = Encryption(at_rest=True, key_kind="provider_managed")


@resource("aws_eip")
def eip(r: Parsed, ctx: Context) -> IacResource:
    res = _new(r, "network")
    _public(res, "Elastic IP")
    return res


@attachment("aws_eip", "aws_eip_association")
def eip_attach(r: Parsed, ctx: Context) -> None:
    key = "instance" if r.type == "aws_eip" else "instance_id"
    instance = _resolve(ctx, r.attrs.get(key), _prefix(r), ("aws_instance",))
    if instance is not None:
        _public(instance, f"Elastic IP ({r.address})")


@resource("aws_lambda_function")
def lambda_function(r: Parsed, ctx: Context) -> IacResource:
    # Environment variables are always encrypted at rest, with aws/lambda unless a key is given.
    return _new(r, "compute", encryption=_encryption(r.attrs, "kms_key_arn"))


@resource("aws_lambda_function_url")
def lambda_url(r: Parsed, ctx: Context) -> IacResource:
    res = _new(r, "load_balancer")
    auth = _s(r.attrs, "authorization_type")
    if auth == "NONE":
        _public(res, "authorization_type = NONE")
    elif auth == "AWS_IAM":
        res.exposure.public = False
    return res


@resource("aws_eks_cluster")
def eks_cluster(r: Parsed, ctx: Context) -> IacResource:
    res = _new(r, "compute")
    vpc = block(r.attrs.get("vpc_config"))
    # endpoint_public_access defaults to true, public_access_cidrs to 0.0.0.0/0.
    public_access = _flag(vpc, "endpoint_public_access", True)
    if public_access is None:
        return res
    if public_access:
        cidrs = _strs(vpc.get("public_access_cidrs")) or ["0.0.0.0/0"]
        res.exposure.ingress = [Ingress(cidr=c, from_port=443, to_port=443) for c in cidrs]
        if "0.0.0.0/0" in cidrs:
            _public(res, "endpoint_public_access = true (0.0.0.0/0)")
    else:
        res.exposure.public = False
    return res


# --------------------------------------------------------------------------------------------
# Databases, caches, search and vector stores
# --------------------------------------------------------------------------------------------


_INHERITS_ENCRYPTION = ("replicate_source_db", "snapshot_identifier", "replication_source_identifier", "global_cluster_identifier")


def _storage_encryption(r: Parsed, default: bool | None = False, flag: str = "storage_encrypted", inherit_keys=_INHERITS_ENCRYPTION) -> Encryption:
    """Encryption from a boolean flag and `kms_key_id`: unknown when the flag is an unrendered
    reference or the store copies another one (replica, snapshot) that decides."""
    if _absent(r.attrs, flag):
        if not _absent(r.attrs, "kms_key_id"):
            encrypted = True
        elif any(not _absent(r.attrs, k) for k in inherit_keys):
            encrypted = None
        else:
            encrypted = default
    else:
        encrypted = as_bool(r.attrs.get(flag))
    return _encryption(r.attrs, "kms_key_id", encrypted)


@resource("aws_db_instance")
def db_instance(r: Parsed, ctx: Context) -> IacResource:
    # RDS instances are unencrypted unless storage_encrypted (or a KMS key) is set.
    res = _new(r, "database", encryption=_storage_encryption(r))
    # multi_az and publicly_accessible default to false; the backup retention default comes from
    # the API and is not stated by the provider, so it stays unknown when unset.
    res.backup = Backup(retention_days=_i(r.attrs, "backup_retention_period"), multi_az=_flag(r.attrs, "multi_az", False))
    _db_exposure(r, res)
    return res


@resource("aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster")
def db_cluster(r: Parsed, ctx: Context) -> IacResource:
    serverless_v1 = (_s(r.attrs, "engine_mode") or "").lower() == "serverless"
    # Aurora Serverless v1 is always encrypted; provisioned clusters default to unencrypted.
    res = _new(r, "database", encryption=_storage_encryption(r, default=True if serverless_v1 else False))
    # Aurora / DocumentDB / Neptune keep automated backups for at least 1 day (the default).
    res.backup = Backup(retention_days=_num(r.attrs, "backup_retention_period", 1))
    zones = _strs(r.attrs.get("availability_zones"))
    if len(zones) > 1:
        res.backup.multi_az = True
    if not _absent(r.attrs, "publicly_accessible"):  # Multi-AZ DB clusters; Aurora: on the instances
        _db_exposure(r, res)
    return res


@resource("aws_rds_cluster_instance", "aws_docdb_cluster_instance", "aws_neptune_cluster_instance")
def db_cluster_instance(r: Parsed, ctx: Context) -> IacResource:
    res = _new(r, "database")  # encryption is the cluster's (attachment below)
    _db_exposure(r, res)
    return res


@attachment("aws_rds_cluster_instance", "aws_docdb_cluster_instance", "aws_neptune_cluster_instance")
def db_cluster_instance_link(r: Parsed, ctx: Context) -> None:
    res = ctx.resources.get(r.address)
    cluster = _resolve(ctx, r.attrs.get("cluster_identifier"), _prefix(r), ("aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster"))
    if res is not None and cluster is not None:
        res.encryption = cluster.encryption.model_copy()


def _db_exposure(r: Parsed, res: IacResource) -> None:
    public = _flag(r.attrs, "publicly_accessible", False)  # defaults to false
    if public:
        _public(res, "publicly_accessible = true")
    else:
        res.exposure.public = public


@resource("aws_redshift_cluster")
def redshift(r: Parsed, ctx: Context) -> IacResource:
    res = _new(r, "database", encryption=_storage_encryption(r, default=None, flag="encrypted"))
    if _b(r.attrs, "publicly_accessible"):
        _public(res, "publicly_accessible = true")
    elif _b(r.attrs, "publicly_accessible") is False:
        res.exposure.public = False
    return res


@resource("aws_dynamodb_table")
def dynamodb_table(r: Parsed, ctx: Context) -> IacResource:
    sse = block(r.attrs.get("server_side_encryption"))
    # DynamoDB always encrypts at rest (AWS owned key, aws/dynamodb when enabled without a key).
    enc = _encryption(sse, "kms_key_arn")
    pitr = block(r.attrs.get("point_in_time_recovery"))
    # Point-in-time recovery is off by default; when on it keeps 35 days unless set otherwise.
    enabled = _flag(pitr, "enabled", False)
    retention = None if enabled is None else (_num(pitr, "recovery_period_in_days", 35) if enabled else 0)
    res = _new(r, "database", encryption=enc, backup=Backup(retention_days=retention, multi_az=True))  # 3 AZs always
    for replica in blocks(r.attrs.get("replica")):
        region = _s(replica, "region_name")
        if region and region.lower() != res.region and region.lower() not in res.extra_regions:
            res.extra_regions.append(region.lower())
    res.exposure.public = False  # reachable only through the authenticated DynamoDB API
    return res


@resource("aws_elasticache_replication_group")
def elasticache_replication_group(r: Parsed, ctx: Context) -> IacResource:
    engine = (_str(r.attrs, "engine", "redis") or "").lower()
    # Provider docs: at rest encryption defaults to false for redis, true for valkey.
    at_rest = _flag(r.attrs, "at_rest_encryption_enabled", engine == "valkey" if engine else None)
    res = _new(r, "database", encryption=_encryption(r.attrs, "kms_key_id", at_rest))
    transit = _flag(r.attrs, "transit_encryption_enabled", False)  # off by default
    mode = _s(r.attrs, "transit_encryption_mode")
    if transit is not None:
        # "preferred" still accepts unencrypted connections.
        res.tls = Tls(protocol="TLS" if transit and mode != "preferred" else "TCP")
    res.backup = Backup(
        retention_days=_i(r.attrs, "snapshot_retention_limit"),
        multi_az=bool(_b(r.attrs, "multi_az_enabled") or _b(r.attrs, "automatic_failover_enabled")),  # both default to false
    )
    return res


@resource("aws_elasticache_serverless_cache")
def elasticache_serverless(r: Parsed, ctx: Context) -> IacResource:
    # Serverless caches are always encrypted at rest and in transit, across several AZs.
    return _new(r, "database", encryption=_encryption(r.attrs, "kms_key_id"), tls=Tls(protocol="TLS"), backup=Backup(retention_days=_i(r.attrs, "snapshot_retention_limit"), multi_az=True))


@resource("aws_opensearch_domain", "aws_elasticsearch_domain")
def opensearch_domain(r: Parsed, ctx: Context) -> IacResource:
    ear = block(r.attrs.get("encrypt_at_rest"))
    # Provider docs: without the encrypt_at_rest block encryption defaults to false.
    enc = _encryption(ear, "kms_key_id", _flag(ear, "enabled", False))
    # Domains are the k-NN / vector store of most RAG stacks on AWS.
    res = _new(r, "vector_store", encryption=enc)
    endpoint = block(r.attrs.get("domain_endpoint_options"))
    if endpoint:
        https = _flag(endpoint, "enforce_https", True)  # provider default inside the block: true
        policy = _s(endpoint, "tls_security_policy")
        protocol = None if https is None else "HTTPS" if https else "HTTP"
        res.tls = Tls(protocol=protocol, redirects_to_https=False if https is False else None, policy=policy, min_version=tls_version(policy))
    cluster = block(r.attrs.get("cluster_config"))
    res.backup = Backup(multi_az=bool(_b(cluster, "zone_awareness_enabled")))
    if block(r.attrs.get("vpc_options")):
        res.exposure.public = False
    else:
        _public(res, "no vpc_options (public endpoint)")
        doc, _ = _doc(r.attrs.get("access_policies"))
        if any(_public_statement(s) for s in _statement_dicts(doc)):
            _public(res, 'access_policies Principal "*" without Condition')
    return res


@resource("aws_opensearchserverless_collection")
def opensearch_collection(r: Parsed, ctx: Context) -> IacResource:
    kind = (_str(r.attrs, "type", "TIMESERIES") or "").upper()  # the provider's default type
    # Serverless collections are always encrypted; the key comes from an encryption policy.
    res = _new(r, "vector_store" if kind == "VECTORSEARCH" else "database", encryption=Encryption(at_rest=True))
    standby = _str(r.attrs, "standby_replicas", "ENABLED")
    res.backup = Backup(multi_az=None if standby is None else standby == "ENABLED")
    _state(ctx).collections[res.address] = _s(r.attrs, "name") or r.name
    return res


@attachment("aws_opensearchserverless_security_policy")
def opensearch_security_policy(r: Parsed, ctx: Context) -> None:
    doc, _ = _doc(r.attrs.get("policy"))
    kind = (_s(r.attrs, "type") or "").lower()
    for entry in doc if isinstance(doc, list) else [doc] if isinstance(doc, dict) else []:
        patterns = [p for rule in entry.get("Rules") or [] if str(rule.get("ResourceType", "")).lower() == "collection" for p in _strs(rule.get("Resource"))]
        for address, name in _state(ctx).collections.items():
            res = ctx.resources.get(address)
            if res is None or not any(fnmatchcase(f"collection/{name}", p) for p in patterns):
                continue
            if kind == "encryption":
                key = entry.get("KmsARN")
                if entry.get("AWSOwnedKey") is True or not key:
                    res.encryption = Encryption(at_rest=True, key_kind="provider_managed")
                else:
                    res.encryption = Encryption(at_rest=True, key_kind="customer_managed", key_ref=str(key))
            elif kind == "network":
                if entry.get("AllowFromPublic") is True:
                    _public(res, f"AllowFromPublic = true ({r.address})")
                elif res.exposure.public is not True:
                    res.exposure.public = False


# --------------------------------------------------------------------------------------------
# Network
# --------------------------------------------------------------------------------------------


def _protocol(value: Any) -> str:
    p = (as_str(value) or "tcp").lower()
    return {"-1": "all", "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6"}.get(p, p)


def _ports(protocol: str, from_port: int | None, to_port: int | None) -> tuple[int | None, int | None]:
    if protocol == "all" or from_port is None or to_port is None or (from_port <= 0 and to_port >= 65535) or from_port < 0:
        return None, None
    return from_port, to_port


def _ingress(rule: dict, cidr_keys=("cidr_blocks", "ipv6_cidr_blocks")) -> list[Ingress]:
    protocol = _protocol(rule.get("protocol"))
    lo, hi = _ports(protocol, _i(rule, "from_port"), _i(rule, "to_port"))
    cidrs = [c for key in cidr_keys for c in _strs(rule.get(key)) if not is_unresolved(c)]
    return [Ingress(cidr=c, from_port=lo, to_port=hi, protocol=protocol) for c in cidrs]


@resource("aws_security_group", "aws_default_security_group")
def security_group(r: Parsed, ctx: Context) -> IacResource:
    res = _new(r, "network")
    for rule in blocks(r.attrs.get("ingress")):
        res.exposure.ingress += _ingress(rule)
    return res


def _rule_ingress(r: Parsed) -> list[Ingress]:
    if r.type == "aws_security_group_rule":
        if (_s(r.attrs, "type") or "").lower() != "ingress":
            return []
        return _ingress(r.attrs)
    protocol = _protocol(r.attrs.get("ip_protocol"))
    lo, hi = _ports(protocol, _i(r.attrs, "from_port"), _i(r.attrs, "to_port"))
    cidrs = [c for c in (_s(r.attrs, "cidr_ipv4"), _s(r.attrs, "cidr_ipv6")) if c]
    return [Ingress(cidr=c, from_port=lo, to_port=hi, protocol=protocol) for c in cidrs]


@resource("aws_security_group_rule", "aws_vpc_security_group_ingress_rule")
def security_group_rule(r: Parsed, ctx: Context) -> IacResource:
    res = _new(r, "network")
    res.exposure.ingress = _rule_ingress(r)
    return res


@attachment("aws_security_group_rule", "aws_vpc_security_group_ingress_rule")
def security_group_rule_attach(r: Parsed, ctx: Context) -> None:
    group = _resolve(ctx, r.attrs.get("security_group_id"), _prefix(r), ("aws_security_group", "aws_default_security_group"))
    if group is not None:
        for i in _rule_ingress(r):
            if i not in group.exposure.ingress:
                group.exposure.ingress.append(i)


# --------------------------------------------------------------------------------------------
# Load balancers, API endpoints, CDN: exposure and TLS
# --------------------------------------------------------------------------------------------

_LEGACY_3DES = ("2015-05", "2015-04", "2015-03", "2015-02", "2014-10", "2014-01", "2011-08")


def tls_version(policy: str | None) -> str | None:
    """Minimum TLS version of an AWS TLS policy name (ELB, OpenSearch, API Gateway, CloudFront)."""
    if not policy:
        return None
    for pattern in (r"TLS13[-_]1[-_]([0-3])", r"TLS[-_]?1[-_]([0-3])(?![0-9])", r"FS[-_]1[-_]([0-3])", r"TLSv1\.([0-3])"):
        m = re.search(pattern, policy, re.I)
        if m:
            return f"1.{m.group(1)}"
    if re.search(r"TLSv1(?:_|$)|SSLv3|FS-2018-06|2016-08|2015-0[2-5]|2014-|2011-08", policy):
        return "1.0"
    return None


def _weak_ciphers(policy: str | None) -> list[str]:
    if not policy:
        return []
    weak = []
    if policy.startswith("ELBSecurityPolicy") and any(d in policy for d in _LEGACY_3DES):
        weak.append("3DES")
    if "SSLv3" in policy:
        weak.append("SSLv3")
    return weak


@resource("aws_lb", "aws_alb")
def load_balancer(r: Parsed, ctx: Context) -> IacResource:
    res = _new(r, "load_balancer")
    _state(ctx).lb_types[res.address] = (_s(r.attrs, "load_balancer_type") or "application").lower()
    internal = _flag(r.attrs, "internal", False)  # defaults to false: internet-facing
    if internal is False:
        _public(res, "internal = false")
    elif internal:
        res.exposure.public = False
    logs = block(r.attrs.get("access_logs"))
    # access_logs.enabled defaults to false, even with a bucket.
    res.logging = Logging(kind="access_log", enabled=_flag(logs, "enabled", False), target=as_str(logs.get("bucket")) if logs else None)
    return res


@attachment("aws_lb", "aws_alb")
def load_balancer_logs(r: Parsed, ctx: Context) -> None:
    logs = block(r.attrs.get("access_logs"))
    if logs and _b(logs, "enabled"):
        _mark_log_destination(ctx, logs.get("bucket"), _prefix(r))


@resource("aws_lb_listener", "aws_alb_listener")
def lb_listener(r: Parsed, ctx: Context) -> IacResource:
    res = _new(r, "load_balancer")
    res.tls = _listener_tls(r, (_s(r.attrs, "protocol") or "").upper() or None)
    return res


def _listener_tls(r: Parsed, protocol: str | None) -> Tls:
    policy = _s(r.attrs, "ssl_policy")
    tls = Tls(protocol=protocol, policy=policy, min_version=tls_version(policy), weak_ciphers=_weak_ciphers(policy))
    if protocol == "HTTP":
        tls.redirects_to_https = any(
            (_s(a, "type") or "").lower() == "redirect" and (_s(block(a.get("redirect")), "protocol") or "").upper() == "HTTPS"
            for a in blocks(r.attrs.get("default_action"))
        )
    return tls


@attachment("aws_lb_listener", "aws_alb_listener")
def lb_listener_default_protocol(r: Parsed, ctx: Context) -> None:
    res = ctx.resources.get(r.address)
    if res is None or res.tls is None or res.tls.protocol is not None:
        return
    lb = _resolve(ctx, r.attrs.get("load_balancer_arn"), _prefix(r), ("aws_lb", "aws_alb"))
    if lb is not None:
        kind = _state(ctx).lb_types.get(lb.address)
        # The protocol defaults to HTTP on application and TCP on network load balancers.
        default = {"application": "HTTP", "network": "TCP"}.get(kind or "")
        if default:
            res.tls = _listener_tls(r, default)


@resource("aws_api_gateway_domain_name")
def apigw_domain(r: Parsed, ctx: Context) -> IacResource:
    policy = _s(r.attrs, "security_policy")
    return _new(r, "load_balancer", tls=Tls(protocol="HTTPS", policy=policy, min_version=tls_version(policy)))


@resource("aws_apigatewayv2_domain_name")
def apigw2_domain(r: Parsed, ctx: Context) -> IacResource:
    policy = _s(block(r.attrs.get("domain_name_configuration")), "security_policy")
    return _new(r, "load_balancer", tls=Tls(protocol="HTTPS", policy=policy, min_version=tls_version(policy)))


@resource("aws_api_gateway_rest_api")
def apigw_rest_api(r: Parsed, ctx: Context) -> IacResource:
    res = _new(r, "load_balancer")
    types = [t.upper() for t in _strs(block(r.attrs.get("endpoint_configuration")).get("types"))] or ["EDGE"]  # default EDGE
    if "PRIVATE" in types:
        res.exposure.public = False
    else:
        _public(res, f"endpoint type {types[0]}")
    return res


@resource("aws_cloudfront_distribution")
def cloudfront(r: Parsed, ctx: Context) -> IacResource:
    # A global service: content is served and cached from edge locations worldwide.
    res = _new(r, "load_balancer", region="global")
    _public(res, "CloudFront distribution")
    cert = block(r.attrs.get("viewer_certificate"))
    # The default *.cloudfront.net certificate always accepts TLSv1; with a custom certificate
    # minimum_protocol_version defaults to TLSv1 too.
    policy = "TLSv1" if _b(cert, "cloudfront_default_certificate") else _str(cert, "minimum_protocol_version", "TLSv1" if cert else None)
    behaviours = blocks(r.attrs.get("default_cache_behavior")) + blocks(r.attrs.get("ordered_cache_behavior"))
    viewer = {(_s(b, "viewer_protocol_policy") or "").lower() for b in behaviours}
    tls = Tls(protocol="HTTPS", policy=policy, min_version=tls_version(policy), weak_ciphers=_weak_ciphers(policy))
    if "allow-all" in viewer:
        tls.protocol, tls.redirects_to_https = "HTTP", False
    elif "redirect-to-https" in viewer:
        tls.protocol, tls.redirects_to_https = "HTTP", True
    res.tls = tls
    return res


# --------------------------------------------------------------------------------------------
# Logging and monitoring
# --------------------------------------------------------------------------------------------


@resource("aws_cloudtrail")
def cloudtrail(r: Parsed, ctx: Context) -> IacResource:
    # Trail files land in S3, which encrypts them (SSE-S3) unless a KMS key is given.
    enc = _encryption(r.attrs, "kms_key_id")
    log = Logging(
        kind="audit_trail",
        enabled=_flag(r.attrs, "enable_logging", True),  # defaults to true
        multi_region=_flag(r.attrs, "is_multi_region_trail", False),  # defaults to false
        target=as_str(r.attrs.get("s3_bucket_name")),
    )
    return _new(r, "logging", encryption=enc, logging=log)


@attachment("aws_cloudtrail")
def cloudtrail_bucket(r: Parsed, ctx: Context) -> None:
    trail = ctx.resources.get(r.address)
    if trail is None:
        return
    # Tamper-proof when the target bucket (defined here) has Object Lock with default retention;
    # unknown when the bucket lives elsewhere.
    if _mark_log_destination(ctx, r.attrs.get("s3_bucket_name"), _prefix(r), trail=trail) is None and trail.logging:
        trail.logging.immutable = None


@resource("aws_cloudwatch_log_group")
def log_group(r: Parsed, ctx: Context) -> IacResource:
    # CloudWatch Logs always encrypts log data; a KMS key makes it customer-managed.
    enc = _encryption(r.attrs, "kms_key_id")
    # Unset (or 0) retention means the events never expire.
    return _new(r, "logging", encryption=enc, logging=Logging(kind="log_store", enabled=True, retention_days=_num(r.attrs, "retention_in_days", 0)))


@resource("aws_bedrock_model_invocation_logging_configuration")
def bedrock_invocation_logging(r: Parsed, ctx: Context) -> IacResource:
    conf = block(r.attrs.get("logging_config"))
    s3 = block(conf.get("s3_config"))
    cw = block(conf.get("cloudwatch_config"))
    target = as_str(s3.get("bucket_name")) if s3 else as_str(cw.get("log_group_name")) if cw else None
    return _new(r, "logging", logging=Logging(kind="audit_config", enabled=bool(s3 or cw), target=target))


@attachment("aws_bedrock_model_invocation_logging_configuration")
def bedrock_invocation_logging_bucket(r: Parsed, ctx: Context) -> None:
    s3 = block(block(r.attrs.get("logging_config")).get("s3_config"))
    if s3:
        _mark_log_destination(ctx, s3.get("bucket_name"), _prefix(r))


@resource("aws_flow_log")
def flow_log(r: Parsed, ctx: Context) -> IacResource:
    return _new(r, "logging", logging=Logging(kind="access_log", enabled=True, target=as_str(r.attrs.get("log_destination")) or as_str(r.attrs.get("log_group_name"))))


@attachment("aws_flow_log")
def flow_log_bucket(r: Parsed, ctx: Context) -> None:
    if (_s(r.attrs, "log_destination_type") or "cloud-watch-logs") == "s3":
        _mark_log_destination(ctx, r.attrs.get("log_destination"), _prefix(r))


@resource("aws_guardduty_detector")
def guardduty(r: Parsed, ctx: Context) -> IacResource:
    return _new(r, "monitoring", logging=Logging(enabled=_flag(r.attrs, "enable", True)))  # `enable` defaults to true


@resource("aws_securityhub_account")
def securityhub(r: Parsed, ctx: Context) -> IacResource:
    return _new(r, "monitoring", logging=Logging(enabled=True))


@resource("aws_macie2_account")
def macie(r: Parsed, ctx: Context) -> IacResource:
    status = _str(r.attrs, "status", "ENABLED")
    return _new(r, "monitoring", logging=Logging(enabled=None if status is None else status == "ENABLED"))


# --------------------------------------------------------------------------------------------
# Keys and secrets
# --------------------------------------------------------------------------------------------


@resource("aws_kms_key")
def kms_key(r: Parsed, ctx: Context) -> IacResource:
    spec = (_s(r.attrs, "customer_master_key_spec") or _s(r.attrs, "key_spec") or "SYMMETRIC_DEFAULT").upper()
    hsm = bool(_s(r.attrs, "custom_key_store_id"))
    res = _new(r, "key", encryption=Encryption(key_kind="hsm" if hsm else "customer_managed"))
    if spec == "SYMMETRIC_DEFAULT" and not hsm:
        res.key_rotation = _flag(r.attrs, "enable_key_rotation", False)  # automatic rotation is off by default
    # Asymmetric, HMAC and custom key store keys cannot rotate automatically: left unknown.
    return res


@resource("aws_kms_external_key", "aws_kms_replica_key", "aws_kms_replica_external_key")
def kms_other_key(r: Parsed, ctx: Context) -> IacResource:
    return _new(r, "key", encryption=Encryption(key_kind="customer_managed"))


@resource("aws_cloudhsm_v2_cluster")
def cloudhsm(r: Parsed, ctx: Context) -> IacResource:
    return _new(r, "key", encryption=Encryption(key_kind="hsm"))


@resource("aws_secretsmanager_secret")
def secretsmanager_secret(r: Parsed, ctx: Context) -> IacResource:
    # Secrets Manager always encrypts, with aws/secretsmanager unless a key is given.
    res = _new(r, "secret", encryption=_encryption(r.attrs, "kms_key_id"))
    for replica in blocks(r.attrs.get("replica")):
        region = _s(replica, "region")
        if region and region.lower() != res.region and region.lower() not in res.extra_regions:
            res.extra_regions.append(region.lower())
    return res


@resource("aws_secretsmanager_secret_version")
def secretsmanager_version(r: Parsed, ctx: Context) -> IacResource:
    return _new(r, "secret")


@resource("aws_ssm_parameter")
def ssm_parameter(r: Parsed, ctx: Context) -> IacResource:
    secure = (_s(r.attrs, "type") or "").lower() == "securestring"
    res = _new(r, "secret" if secure else "other")
    if secure:
        res.encryption = _encryption(r.attrs, "key_id")
        value = as_str(r.attrs.get("value"))
        if value and _literal_secret(value) and not any(s.field == "value" for s in res.secrets):
            res.secrets.append(SecretFinding(field="value", kind="secret"))
    return res


# Types that often carry credentials but whose other facts lgai does not read.
@resource(
    "aws_mq_broker",
    "aws_dms_endpoint",
    "aws_glue_connection",
    "aws_codebuild_source_credential",
    "aws_amplify_app",
    "aws_iam_user_login_profile",
    "aws_directory_service_directory",
    "aws_elasticache_user",
    "aws_memorydb_user",
    "aws_docdb_elastic_cluster",
    "aws_redshiftserverless_namespace",
    "aws_lightsail_database",
    "aws_appsync_datasource",
    "aws_datasync_location_smb",
    "aws_fsx_windows_file_system",
)
def credential_holder(r: Parsed, ctx: Context) -> IacResource:
    return _new(r, "other")


@resource("aws_ecs_task_definition", "aws_launch_template", "aws_batch_job_definition", "aws_apprunner_service")
def container_compute(r: Parsed, ctx: Context) -> IacResource:
    """Compute whose container definitions / user data may carry literal credentials."""
    return _new(r, "compute")


# --------------------------------------------------------------------------------------------
# IAM
# --------------------------------------------------------------------------------------------

_ADMIN_POLICY = re.compile(r":policy/AdministratorAccess$")


def _statement_dicts(doc: Any) -> list[dict]:
    if not isinstance(doc, dict):
        return []
    statements = doc.get("Statement")
    if isinstance(statements, dict):
        return [statements]
    return [s for s in statements or [] if isinstance(s, dict)]


def _public_statement(s: dict) -> bool:
    """Allow to everyone (Principal "*" or {"AWS": "*"}) with no Condition narrowing it."""
    if str(s.get("Effect", "")).lower() != "allow" or s.get("Condition"):
        return False
    principal = s.get("Principal")
    if principal == "*":
        return True
    return isinstance(principal, dict) and "*" in _strs(principal.get("AWS"))


def _mfa(condition: Any) -> bool:
    if isinstance(condition, dict):
        return any(str(k).lower() in ("aws:multifactorauthpresent", "aws:multifactorauthage") or _mfa(v) for k, v in condition.items())
    if isinstance(condition, list):
        return any(_mfa(c) for c in condition)
    return False


def iam_statements(doc: Any) -> list[IamStatement]:
    return [
        IamStatement(
            actions=_strs(s.get("Action")),
            resources=_strs(s.get("Resource")),
            effect=str(s.get("Effect", "Allow")),
            mfa_condition=_mfa(s.get("Condition")),
        )
        for s in _statement_dicts(doc)
    ]


def _policy_iam(r: Parsed, ctx: Context, value: Any, member: str | None = None) -> Iam:
    doc, unresolved = _doc(value)
    if unresolved or (doc is None and value not in (None, [None])):
        ctx.notes.append(f"{r.address}: the policy document is not rendered in the template (e.g. data.aws_iam_policy_document); its statements are unknown")
    return Iam(statements=iam_statements(doc), member=member)


def _member(r: Parsed, ctx: Context, key: str) -> str | None:
    """The role / user / group a policy is given to: its address when referenced, else its name."""
    value = as_str(r.attrs.get(key))
    if not value:
        return None
    value = value.strip()
    if value.startswith("${") and value.endswith("}"):
        value = value[2:-1]
    if _RESOURCE_REF.match(value) and value.startswith("aws_iam_"):
        address = ".".join(value.split(".")[:2])
        prefix = _prefix(r)
        return f"{prefix}.{address}" if prefix else address
    return value


@resource("aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy")
def iam_policy(r: Parsed, ctx: Context) -> IacResource:
    key = {"aws_iam_role_policy": "role", "aws_iam_user_policy": "user", "aws_iam_group_policy": "group"}.get(r.type)
    return _new(r, "iam", iam=_policy_iam(r, ctx, r.attrs.get("policy"), _member(r, ctx, key) if key else None))


_MEMBER_KEY = {
    "aws_iam_role_policy": "role",
    "aws_iam_user_policy": "user",
    "aws_iam_group_policy": "group",
    "aws_iam_role_policy_attachment": "role",
    "aws_iam_user_policy_attachment": "user",
    "aws_iam_group_policy_attachment": "group",
    "aws_iam_access_key": "user",
}


@attachment(*_MEMBER_KEY)
def iam_member_by_name(r: Parsed, ctx: Context) -> None:
    """A member given by name (or rendered to its name by checkov): the address of that role / user /
    group when it is defined here (resolved after all resources exist, whatever the file order)."""
    res = ctx.resources.get(r.address)
    if res is None or res.iam is None or not res.iam.member or res.iam.member in ctx.resources:
        return
    key = _MEMBER_KEY[r.type]
    found = _resolve(ctx, res.iam.member, _prefix(r), (f"aws_iam_{key}",))
    if found is not None:
        res.iam.member = found.address


@resource("aws_iam_role")
def iam_role(r: Parsed, ctx: Context) -> IacResource:
    iam = Iam()
    for inline in blocks(r.attrs.get("inline_policy")):
        if "policy" in inline:
            iam.statements += _policy_iam(r, ctx, inline.get("policy")).statements
    for arn in _strs(r.attrs.get("managed_policy_arns")):
        if _ADMIN_POLICY.search(arn):
            iam.statements.append(IamStatement(actions=["*"], resources=["*"]))
            iam.role = "AdministratorAccess"
    return _new(r, "iam", iam=iam)


@resource("aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_policy_attachment")
def iam_policy_attachment(r: Parsed, ctx: Context) -> IacResource:
    key = {"aws_iam_role_policy_attachment": "role", "aws_iam_user_policy_attachment": "user", "aws_iam_group_policy_attachment": "group"}.get(r.type)
    if key:
        member = _member(r, ctx, key)
    else:  # aws_iam_policy_attachment: lists of roles, users and groups
        member = ", ".join(m for k in ("roles", "users", "groups") for m in _strs(r.attrs.get(k))) or None
    iam = Iam(member=member)
    arn = _s(r.attrs, "policy_arn") or ""
    if _ADMIN_POLICY.search(arn):
        iam.statements.append(IamStatement(actions=["*"], resources=["*"]))
    if ":iam::aws:policy/" in arn:
        iam.role = arn.rsplit("/", 1)[-1]  # an AWS managed policy by name
    return _new(r, "iam", iam=iam)


@resource("aws_iam_access_key")
def iam_access_key(r: Parsed, ctx: Context) -> IacResource:
    ctx.notes.append(f"{r.address}: creates a long-lived access key for IAM user {as_str(r.attrs.get('user'))} (its secret ends up in the Terraform state)")
    return _new(r, "iam", iam=Iam(member=_member(r, ctx, "user")))


# --------------------------------------------------------------------------------------------
# Container registries
# --------------------------------------------------------------------------------------------


@resource("aws_ecr_repository")
def ecr_repository(r: Parsed, ctx: Context) -> IacResource:
    enc_conf = block(r.attrs.get("encryption_configuration"))
    kms = (_s(enc_conf, "encryption_type") or "AES256").upper().startswith("KMS")
    key = _s(enc_conf, "kms_key")
    # Images are always encrypted (AES256 by default); KMS without a key uses aws/ecr.
    enc = Encryption(at_rest=True, key_kind="customer_managed" if kms and key else "provider_managed", key_ref=key)
    res = _new(r, "registry", encryption=enc)
    res.image_scanning = _flag(block(r.attrs.get("image_scanning_configuration")), "scan_on_push", False)  # off by default
    _state(ctx).ecr_repos.append(res.address)
    return res


@attachment("aws_ecr_registry_scanning_configuration")
def ecr_registry_scanning(r: Parsed, ctx: Context) -> None:
    """Registry-level scanning with a `*` filter scans every repository of the region."""
    region = _region(r)
    all_repos = any(
        any(_s(f, "filter") == "*" for f in blocks(rule.get("repository_filter"))) for rule in blocks(r.attrs.get("rule"))
    )
    if not all_repos:
        return
    for address in _state(ctx).ecr_repos:
        repo = ctx.resources.get(address)
        if repo is not None and repo.region == region:
            repo.image_scanning = True


# --------------------------------------------------------------------------------------------
# AI: Bedrock and SageMaker
# --------------------------------------------------------------------------------------------

_GEO_PREFIX = re.compile(r"^(us-gov|us|eu|apac|jp|au|ca|global)\.")
_BEDROCK_ARN = re.compile(r"^arn:aws[\w-]*:bedrock:([a-z0-9-]*):[0-9]*:([a-z-]+)/(.+)$")
_MODEL_VERSION = re.compile(r"(?:\d{8}-)?v\d+(?::\d+)?(?::\d+k)?$")  # ...-20240620-v1:0, ...-v1:0:8k


def bedrock_ai(model: str | None, region: str | None) -> Ai:
    """Routing of a Bedrock model id, inference profile id or ARN (see the fact conventions)."""
    ai = Ai(service="bedrock")
    if not model or is_unresolved(model) or _RESOURCE_REF.match(model):
        return ai
    model = model.strip()
    m = _BEDROCK_ARN.match(model)
    if m:
        arn_region, kind, ident = m.group(1) or None, m.group(2), m.group(3)
        if kind in ("application-inference-profile", "provisioned-model", "imported-model", "custom-model-deployment"):
            # Which model and where it runs is in the profile / deployment, not in the ARN.
            ai.model = model
            if kind != "application-inference-profile":
                ai.routing, ai.location = "in_region", arn_region or region
            return ai
        model, region = ident, arn_region or region
    ai.model = model
    version = _MODEL_VERSION.search(model)
    if version:
        ai.model_version = version.group(0)
        ai.auto_upgrade = False  # a Bedrock model id names one fixed model version
    geo = _GEO_PREFIX.match(model)
    if geo:
        ai.location = geo.group(1)
        ai.routing = "global" if ai.location == "global" else "cross_region"
    else:
        ai.routing, ai.location = "in_region", region
    return ai


def _key_enc(key: str | None) -> Encryption:
    return Encryption(at_rest=True, key_kind="customer_managed", key_ref=key) if key else Encryption()


@resource("aws_bedrockagent_agent")
def bedrock_agent(r: Parsed, ctx: Context) -> IacResource:
    res = _new(r, "ai", encryption=_key_enc(_s(r.attrs, "customer_encryption_key_arn")))
    res.ai = bedrock_ai(as_str(r.attrs.get("foundation_model")), res.region)
    return res


@attachment("aws_bedrockagent_agent")
def bedrock_agent_profile(r: Parsed, ctx: Context) -> None:
    """An agent on an application inference profile defined here inherits its routing."""
    res = ctx.resources.get(r.address)
    profile = _resolve(ctx, r.attrs.get("foundation_model"), _prefix(r), ("aws_bedrock_inference_profile", "aws_bedrock_provisioned_model_throughput"))
    if res is not None and profile is not None and profile.ai is not None:
        res.ai = profile.ai.model_copy()


@resource("aws_bedrockagent_knowledge_base")
def bedrock_knowledge_base(r: Parsed, ctx: Context) -> IacResource:
    conf = block(block(r.attrs.get("knowledge_base_configuration")).get("vector_knowledge_base_configuration"))
    res = _new(r, "ai")
    res.ai = bedrock_ai(as_str(conf.get("embedding_model_arn")), res.region)
    return res


@resource("aws_bedrock_custom_model")
def bedrock_custom_model(r: Parsed, ctx: Context) -> IacResource:
    res = _new(r, "ai", encryption=_key_enc(_s(r.attrs, "custom_model_kms_key_id")))
    res.ai = bedrock_ai(as_str(r.attrs.get("base_model_identifier")), res.region)
    if res.ai.routing is not None:  # fine-tuning runs in the region of the job
        res.ai.routing, res.ai.location = "in_region", res.region
    return res


@resource("aws_bedrock_provisioned_model_throughput")
def bedrock_provisioned(r: Parsed, ctx: Context) -> IacResource:
    res = _new(r, "ai")
    res.ai = bedrock_ai(as_str(r.attrs.get("model_arn")), res.region)
    res.ai.routing, res.ai.location = "in_region", res.ai.location if res.ai.routing == "in_region" else res.region
    return res


@attachment("aws_bedrock_provisioned_model_throughput")
def bedrock_provisioned_model(r: Parsed, ctx: Context) -> None:
    """Throughput for a custom model defined here: the custom model's base model."""
    res = ctx.resources.get(r.address)
    custom = _resolve(ctx, r.attrs.get("model_arn"), _prefix(r), ("aws_bedrock_custom_model",))
    if res is not None and res.ai is not None and custom is not None and custom.ai is not None and res.ai.model is None:
        res.ai.model, res.ai.model_version, res.ai.auto_upgrade = custom.ai.model, custom.ai.model_version, custom.ai.auto_upgrade


@resource("aws_bedrock_inference_profile")
def bedrock_inference_profile(r: Parsed, ctx: Context) -> IacResource:
    res = _new(r, "ai")
    res.ai = bedrock_ai(as_str(block(r.attrs.get("model_source")).get("copy_from")), res.region)
    return res


@resource("aws_bedrock_guardrail")
def bedrock_guardrail(r: Parsed, ctx: Context) -> IacResource:
    res = _new(r, "ai", encryption=_key_enc(_s(r.attrs, "kms_key_arn")))
    profile = _s(block(r.attrs.get("cross_region_config")), "guardrail_profile_identifier")
    if profile:
        res.ai = bedrock_ai(profile.rsplit("/", 1)[-1], res.region)
        res.ai.model = res.ai.model_version = res.ai.auto_upgrade = None
    else:
        res.ai = Ai(service="bedrock", routing="in_region", location=res.region)  # evaluated in its region
    return res


def _sagemaker(r: Parsed, key: str | None = None) -> IacResource:
    res = _new(r, "ai", encryption=_key_enc(_s(r.attrs, key) if key else None))
    res.ai = Ai(service="sagemaker", routing="in_region", location=res.region)
    return res


@resource("aws_sagemaker_endpoint", "aws_sagemaker_model")
def sagemaker_endpoint(r: Parsed, ctx: Context) -> IacResource:
    res = _sagemaker(r)
    if r.type == "aws_sagemaker_model":
        container = block(r.attrs.get("primary_container"))
        res.ai.model = _s(container, "model_package_name") or _s(container, "image")
    return res


@resource("aws_sagemaker_endpoint_configuration")
def sagemaker_endpoint_configuration(r: Parsed, ctx: Context) -> IacResource:
    return _sagemaker(r, "kms_key_arn")


@resource("aws_sagemaker_notebook_instance")
def sagemaker_notebook(r: Parsed, ctx: Context) -> IacResource:
    res = _sagemaker(r, "kms_key_id")
    access = _str(r.attrs, "direct_internet_access", "Enabled")  # the default
    if access == "Enabled":
        _public(res, "direct_internet_access = Enabled")
    elif access is not None:
        res.exposure.public = False
    res.ai.public_network_access = None if access is None else access == "Enabled"
    return res


@resource("aws_sagemaker_domain")
def sagemaker_domain(r: Parsed, ctx: Context) -> IacResource:
    res = _sagemaker(r, "kms_key_id")
    access = _str(r.attrs, "app_network_access_type", "PublicInternetOnly")  # the default
    if access == "PublicInternetOnly":
        _public(res, "app_network_access_type = PublicInternetOnly")
    elif access is not None:
        res.exposure.public = False
    res.ai.public_network_access = None if access is None else access == "PublicInternetOnly"
    return res
