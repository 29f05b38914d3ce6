"""CloudFormation resources (YAML and JSON templates): extractors registered with checker.iac.extract.

`Parsed.attrs` is the resource's `Properties` as checkov's graph left them: short-form tags are
long-form intrinsics (`!Ref X` -> {"Ref": "X"}, `!GetAtt X.Arn` -> {"Fn::GetAtt": ["X", "Arn"]}),
parameter defaults and `!Sub` placeholders it could render are rendered, the rest stays an
intrinsic. An intrinsic is never taken for a literal: a value only `Fn::If` branches agree on is
that value, anything else is unknown (None).

A template does not say where it is deployed: `region` is None, except where a resource names an
ARN with an explicit region (a Bedrock foundation model or inference profile ARN).
"""

from __future__ import annotations

import fnmatch
import json
import re
from typing import Any

from .extract import Context, Parsed, as_bool, as_int, attachment, resource
from .model import Ai, Backup, Encryption, Iam, IacResource, IamStatement, Ingress, Logging, SecretFinding, Tls

F = "cloudformation"

# --------------------------------------------------------------------------------------------
# values


def is_intrinsic(value: Any) -> bool:
    return isinstance(value, dict) and len(value) == 1 and (next(iter(value)) == "Ref" or next(iter(value)).startswith("Fn::"))


def cval(value: Any) -> Any:
    """A literal value, or the value every `Fn::If` branch agrees on; None for other intrinsics."""
    if isinstance(value, dict) and set(value) == {"Fn::If"}:
        args = value["Fn::If"]
        if isinstance(args, list) and len(args) == 3:
            a, b = cval(args[1]), cval(args[2])
            return a if a == b else None
        return None
    if is_intrinsic(value):
        return None
    return value


def cbool(value: Any) -> bool | None:
    return as_bool(cval(value))


def cint(value: Any) -> int | None:
    return as_int(cval(value))


def cstr(value: Any) -> str | None:
    v = cval(value)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (str, int, float)):
        return str(v)
    return None


def cdict(value: Any) -> dict:
    v = cval(value)
    return v if isinstance(v, dict) else {}


def clist(value: Any) -> list:
    v = cval(value)
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def ref_id(value: Any) -> str | None:
    """The logical id a `Ref`, `Fn::GetAtt` or a `${X}`/`${X.Attr}` `Fn::Sub` points to."""
    if isinstance(value, dict):
        if "Ref" in value and isinstance(value["Ref"], str):
            return value["Ref"]
        if "Fn::GetAtt" in value:
            target = value["Fn::GetAtt"]
            if isinstance(target, list) and target and isinstance(target[0], str):
                return target[0]
            if isinstance(target, str):
                return target.split(".", 1)[0]
        if "Fn::Sub" in value:
            text = value["Fn::Sub"][0] if isinstance(value["Fn::Sub"], list) and value["Fn::Sub"] else value["Fn::Sub"]
            if isinstance(text, str):
                m = re.fullmatch(r"\$\{([A-Za-z0-9]+)(\.[A-Za-z0-9.]+)?\}", text.strip())
                if m:
                    return m.group(1)
    return None


def ref_text(value: Any) -> str | None:
    """A readable reference: a literal, `Ref X` -> X, `GetAtt X.Arn` -> X.Arn, a Sub template."""
    v = cval(value)
    if isinstance(v, (str, int)) and not isinstance(v, bool):
        return str(v)
    if isinstance(value, dict):
        if "Ref" in value:
            return str(value["Ref"])
        if "Fn::GetAtt" in value:
            target = value["Fn::GetAtt"]
            return ".".join(map(str, target)) if isinstance(target, list) else str(target)
        if "Fn::Sub" in value:
            text = value["Fn::Sub"][0] if isinstance(value["Fn::Sub"], list) and value["Fn::Sub"] else value["Fn::Sub"]
            return text if isinstance(text, str) else None
    return None


def address_of(ctx: Context, rid: str | None, r: Parsed) -> str | None:
    """The address of logical id `rid` in the template of `r` (facts.py addresses a logical id
    that another template already used as `id@file`)."""
    if not rid:
        return None
    for address in (f"{rid}@{r.file}", rid):
        res = ctx.resources.get(address)
        if res is not None and res.at.file == r.file:
            return address
    return None


def target_of(ctx: Context, value: Any, r: Parsed) -> IacResource | None:
    """The resource of this template a `Ref`/`GetAtt`/`Sub` (or a literal name) points to."""
    address = address_of(ctx, ref_id(value), r)
    if address:
        return ctx.resources[address]
    literal = cstr(value)
    found = ctx.resolve(literal) if literal else None
    return found if found is not None and found.at.file == r.file else None


def tags_of(r: Parsed) -> dict[str, str]:
    """`Tags: [{Key, Value}]` (most types) or `Tags: {key: value}` (Bedrock, SSM, ...)."""
    raw = r.attrs.get("Tags")
    out: dict[str, str] = {}
    if isinstance(raw, list):
        for t in raw:
            if isinstance(t, dict):
                k, v = cstr(t.get("Key")), cstr(t.get("Value"))
                if k is not None and v is not None:
                    out[k] = v
    elif isinstance(raw, dict):
        for k, v in raw.items():
            if cstr(v) is not None:
                out[str(k)] = cstr(v)
    return out


def new(r: Parsed, category: str, **facts) -> IacResource:
    facts.setdefault("tags", tags_of(r))
    return r.new("aws", category, **facts)


def _state(ctx: Context) -> dict:
    """Per-scan facts that are not IacResource fields (object lock of buckets, ...)."""
    return ctx.state("cloudformation", lambda: {"object_lock": {}, "bucket_names": {}})


# --------------------------------------------------------------------------------------------
# secrets (also used by kubernetes.py)

_SECRET_NAME = re.compile(
    r"(PASSWORD|PASSWD|PASSPHRASE|(^|_)PWD$|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|(^|_)KEY$|CONN(ECTION)?_?STR(ING)?"
    r"|CREDENTIAL|(^|_)DSN$)",
    re.I,
)
# Names that hold a pointer to a secret, not the secret.
_SECRET_POINTER_NAME = re.compile(
    r"(_ARN|_ID|_NAME|_PATH|_FILE|_REF|_HEADER|_FIELD|_URL|_URI|_ENDPOINT|_REGION|_VERSION|_TTL|_EXPIRY|_EXPIRES|_LIFETIME"
    r"|_TIMEOUT|_LENGTH|_SIZE|_TYPE|_MODE|_ENABLED|_COUNT|_PREFIX|_ALGORITHM|_ISSUER|_AUDIENCE|_ROTATION|_DAYS)$",
    re.I,
)
_FILE_PATH = re.compile(r"^[\w.-]+(/[\w.-]+)+\.\w{1,5}$")  # docs/a.pdf: an object key, not a key
_REFERENCE_VALUE = re.compile(
    r"^(\{\{resolve:|\$\{|\$\(|arn:aws[a-z-]*:|/|projects/[^/]+/secrets/|https://[a-z0-9-]+\.vault\.azure\.net/|vault:|ssm:|secretsmanager:)",
    re.I,
)
# Placeholders that stand for a value to be supplied, not a value.
_PLACEHOLDER = re.compile(r"^(<[^>]*>|\*+|x{3,}|replace[_ -]?me|todo|tbd|placeholder|none|null|true|false)$", re.I)
_VALUE_KINDS = (
    (re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"), "private_key"),
    (re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"), "access_key"),
    (re.compile(r"^(sk-[A-Za-z0-9_-]{16,}|xox[abp]-|gh[pousr]_[A-Za-z0-9]{20,}|AIza[0-9A-Za-z_-]{30,})"), "access_key"),
    (re.compile(r"(;\s*(Password|Pwd|AccountKey|SharedAccessKey)\s*=|://[^/\s:@]+:[^@\s/]+@)", re.I), "connection_string"),
)


def secret_kind(name: str, value: Any) -> str | None:
    """The kind of a literal secret under this name, or None when the value is not a secret
    (empty, a reference such as `{{resolve:secretsmanager:...}}`, an ARN, a path)."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    for pattern, kind in _VALUE_KINDS:
        if pattern.search(text):
            return kind
    if not text or _REFERENCE_VALUE.search(text) or "{{resolve:" in text:
        return None
    if _PLACEHOLDER.match(text) or re.fullmatch(r"\d{1,6}", text) or _FILE_PATH.match(text):
        return None
    return kind_of_name(name)


def kind_of_name(name: str) -> str | None:
    """The kind of secret a name says it holds (OPENAI_API_KEY -> access_key), or None."""
    if not _SECRET_NAME.search(name) or _SECRET_POINTER_NAME.search(name):
        return None
    upper = name.upper()
    if "PRIVATE" in upper:
        return "private_key"
    if re.search(r"CONN|DSN", upper):
        return "connection_string"
    if "TOKEN" in upper:
        return "token"
    if re.search(r"PASSWORD|PASSWD|PASSPHRASE|PWD", upper):
        return "password"
    return "access_key"


def _secret_prop(r: Parsed, res: IacResource, prop: str, kind: str) -> None:
    """A property that is a secret by definition (MasterUserPassword, SecretString)."""
    value = cval(r.attrs.get(prop))
    if isinstance(value, str) and value.strip() and not _REFERENCE_VALUE.search(value.strip()) and "{{resolve:" not in value:
        res.secrets.append(SecretFinding(field=prop, kind=kind))


# --------------------------------------------------------------------------------------------
# S3


def _bucket_encryption(props: dict) -> Encryption:
    # Since January 2023 every new S3 bucket is encrypted with SSE-S3 by default.
    enc = Encryption(at_rest=True, key_kind="provider_managed")
    rules = clist(cdict(props.get("BucketEncryption")).get("ServerSideEncryptionConfiguration"))
    default = cdict(cdict(rules[0]).get("ServerSideEncryptionByDefault")) if rules else {}
    algorithm = cstr(default.get("SSEAlgorithm"))
    key = default.get("KMSMasterKeyID")
    if algorithm and algorithm.startswith("aws:kms"):
        # aws:kms without a key id is the AWS managed key aws/s3.
        enc.key_kind = "customer_managed" if key is not None else "provider_managed"
        enc.key_ref = ref_text(key) if key is not None else None
    return enc


_PAB_KEYS = ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets")


@resource("AWS::S3::Bucket", family=F)
def s3_bucket(r: Parsed, ctx: Context) -> IacResource:
    props = r.attrs
    versioning = cstr(cdict(props.get("VersioningConfiguration")).get("Status"))
    res = new(
        r,
        "storage",
        encryption=_bucket_encryption(props),
        # S3 buckets are unversioned unless versioning is turned on.
        backup=Backup(versioning=None if "VersioningConfiguration" in props and versioning is None else versioning == "Enabled"),
        name=cstr(props.get("BucketName")),
    )
    pab = cdict(props.get("PublicAccessBlockConfiguration"))
    acl = cstr(props.get("AccessControl"))
    # Since April 2023 new buckets block public access unless the template turns it off.
    blocks_acls = not pab or cbool(pab.get("BlockPublicAcls")) or cbool(pab.get("IgnorePublicAcls"))
    if acl in ("PublicRead", "PublicReadWrite") and not blocks_acls:
        res.exposure.public = True
        res.exposure.reasons.append(f"AccessControl = {acl}")
    elif pab and all(cbool(pab.get(k)) for k in _PAB_KEYS):
        res.exposure.public = False
    if cstr(cdict(props.get("WebsiteConfiguration")).get("IndexDocument")) and not blocks_acls:
        res.exposure.public = True
        res.exposure.reasons.append("WebsiteConfiguration (static website hosting)")
    state = _state(ctx)
    state["object_lock"][r.address] = cbool(props.get("ObjectLockEnabled")) is True or (
        cstr(cdict(props.get("ObjectLockConfiguration")).get("ObjectLockEnabled")) == "Enabled"
    )
    if res.name:
        state["bucket_names"][(r.file, res.name)] = r.address
    return res


def _is_public_principal(principal: Any) -> bool:
    p = cval(principal)
    if p == "*":
        return True
    if isinstance(p, dict):
        aws = p.get("AWS")
        return aws == "*" or (isinstance(aws, list) and "*" in aws)
    return False


@attachment("AWS::S3::BucketPolicy", family=F)
def s3_bucket_policy(r: Parsed, ctx: Context) -> None:
    target = target_of(ctx, r.attrs.get("Bucket"), r)
    if target is None:
        return
    for st in clist(cdict(r.attrs.get("PolicyDocument")).get("Statement")):
        st = cdict(st)
        if cstr(st.get("Effect")) == "Allow" and _is_public_principal(st.get("Principal")) and not st.get("Condition"):
            actions = ", ".join(a for a in (cstr(x) for x in clist(st.get("Action"))) if a)
            target.exposure.public = True
            target.exposure.reasons.append(f"BucketPolicy {r.address}: Principal * Allow {actions}".strip())


# --------------------------------------------------------------------------------------------
# databases and volumes


@resource("AWS::RDS::DBInstance", "AWS::RDS::DBCluster", family=F)
def rds(r: Parsed, ctx: Context) -> IacResource:
    props = r.attrs
    in_cluster = r.type == "AWS::RDS::DBInstance" and "DBClusterIdentifier" in props
    encrypted = cbool(props.get("StorageEncrypted"))
    if encrypted is None and "StorageEncrypted" not in props and not in_cluster and "SourceDBInstanceIdentifier" not in props:
        encrypted = False  # RDS storage is unencrypted unless StorageEncrypted is set
    key = props.get("KmsKeyId")
    enc = Encryption(
        at_rest=encrypted,
        key_kind=("customer_managed" if key is not None else "provider_managed") if encrypted else None,
        key_ref=ref_text(key) if key is not None else None,
    )
    retention = cint(props.get("BackupRetentionPeriod"))
    if retention is None and "BackupRetentionPeriod" not in props and not in_cluster:
        retention = 1  # CloudFormation default: 1 day
    multi_az = cbool(props.get("MultiAZ"))
    if multi_az is None and "MultiAZ" not in props and r.type == "AWS::RDS::DBInstance" and not in_cluster:
        multi_az = False
    res = new(
        r,
        "database",
        encryption=enc,
        backup=Backup(retention_days=retention, multi_az=multi_az),
        name=cstr(props.get("DBInstanceIdentifier")) or cstr(props.get("DBClusterIdentifier")) if not in_cluster else None,
    )
    public = cbool(props.get("PubliclyAccessible"))
    if public:
        res.exposure.public = True
        res.exposure.reasons.append("PubliclyAccessible = true")
    elif public is False:
        res.exposure.public = False
    if not cbool(props.get("ManageMasterUserPassword")):
        _secret_prop(r, res, "MasterUserPassword", "password")
    return res


@attachment("AWS::RDS::DBInstance", family=F)
def rds_cluster_member(r: Parsed, ctx: Context) -> None:
    """An Aurora instance stores its data in the cluster: it has the cluster's encryption and backups."""
    if "DBClusterIdentifier" not in r.attrs:
        return
    cluster = target_of(ctx, r.attrs.get("DBClusterIdentifier"), r)
    me = ctx.resources.get(r.address)
    if cluster is None or me is None or cluster.type != "AWS::RDS::DBCluster":
        return
    me.encryption = cluster.encryption.model_copy()
    if cluster.backup is not None:
        me.backup = Backup(retention_days=cluster.backup.retention_days)


@resource("AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable", family=F)
def dynamodb(r: Parsed, ctx: Context) -> IacResource:
    props = r.attrs
    sse = cdict(props.get("SSESpecification"))
    key = sse.get("KMSMasterKeyId")
    # DynamoDB encrypts every table at rest (AWS owned key unless SSEEnabled with KMS).
    enc = Encryption(at_rest=True, key_kind="provider_managed")
    if cbool(sse.get("SSEEnabled")) and key is not None:
        enc.key_kind, enc.key_ref = "customer_managed", ref_text(key)
    pitr = cdict(props.get("PointInTimeRecoverySpecification"))
    replicas = clist(props.get("Replicas"))
    if not pitr and replicas:  # GlobalTable: per replica
        pitr = cdict(cdict(replicas[0]).get("PointInTimeRecoverySpecification"))
    enabled = cbool(pitr.get("PointInTimeRecoveryEnabled"))
    if enabled:
        retention = cint(pitr.get("RecoveryPeriodInDays")) or 35  # PITR keeps 35 days unless set
    elif enabled is False or not pitr:
        retention = 0  # point-in-time recovery is off unless enabled
    else:
        retention = None
    res = new(r, "database", encryption=enc, backup=Backup(retention_days=retention), name=cstr(props.get("TableName")))
    extra = sorted({reg for rep in replicas if (reg := cstr(cdict(rep).get("Region")))})
    res.extra_regions = extra
    return res


@resource("AWS::EC2::Volume", family=F)
def ebs_volume(r: Parsed, ctx: Context) -> IacResource:
    encrypted = cbool(r.attrs.get("Encrypted"))
    if encrypted is None and "Encrypted" not in r.attrs and "SnapshotId" not in r.attrs:
        encrypted = False  # EBS volumes are unencrypted unless Encrypted is set
    key = r.attrs.get("KmsKeyId")
    enc = Encryption(
        at_rest=encrypted,
        key_kind=("customer_managed" if key is not None else "provider_managed") if encrypted else None,
        key_ref=ref_text(key) if key is not None else None,
    )
    return new(r, "volume", encryption=enc)


def _flag_encryption(r: Parsed, flag: str, key_prop: str, default: bool | None) -> Encryption:
    encrypted = cbool(r.attrs.get(flag))
    if encrypted is None and flag not in r.attrs:
        encrypted = default
    key = r.attrs.get(key_prop)
    return Encryption(
        at_rest=encrypted,
        key_kind=("customer_managed" if key is not None else "provider_managed") if encrypted else None,
        key_ref=ref_text(key) if key is not None else None,
    )


@resource("AWS::EFS::FileSystem", family=F)
def efs(r: Parsed, ctx: Context) -> IacResource:
    # CloudFormation creates EFS file systems unencrypted unless Encrypted is true.
    return new(r, "storage", encryption=_flag_encryption(r, "Encrypted", "KmsKeyId", False))


@resource("AWS::ElastiCache::ReplicationGroup", family=F)
def elasticache(r: Parsed, ctx: Context) -> IacResource:
    res = new(r, "database", encryption=_flag_encryption(r, "AtRestEncryptionEnabled", "KmsKeyId", None))
    transit = cbool(r.attrs.get("TransitEncryptionEnabled"))
    if transit is not None:
        res.tls = Tls(protocol="TLS" if transit else "TCP", redirects_to_https=None if transit else False)
    res.backup = Backup(
        retention_days=cint(r.attrs.get("SnapshotRetentionLimit")) if "SnapshotRetentionLimit" in r.attrs else 0,
        multi_az=cbool(r.attrs.get("MultiAZEnabled")),
    )
    _secret_prop(r, res, "AuthToken", "token")
    return res


_OPENSEARCH_TLS = {"Policy-Min-TLS-1-0-2019-07": "1.0", "Policy-Min-TLS-1-2-2019-07": "1.2", "Policy-Min-TLS-1-2-PFS-2023-10": "1.2"}


@resource("AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain", family=F)
def opensearch_domain(r: Parsed, ctx: Context) -> IacResource:
    rest = cdict(r.attrs.get("EncryptionAtRestOptions"))
    enabled = cbool(rest.get("Enabled"))
    key = rest.get("KmsKeyId")
    enc = Encryption(
        at_rest=enabled,
        key_kind=("customer_managed" if key is not None else "provider_managed") if enabled else None,
        key_ref=ref_text(key) if key is not None else None,
    )
    endpoint = cdict(r.attrs.get("DomainEndpointOptions"))
    policy = cstr(endpoint.get("TLSSecurityPolicy"))
    https = cbool(endpoint.get("EnforceHTTPS"))
    tls = Tls(protocol="HTTPS" if https else "HTTP" if https is False else None, redirects_to_https=https, policy=policy, min_version=_OPENSEARCH_TLS.get(policy or ""))
    res = new(r, "database", encryption=enc, tls=tls, name=cstr(r.attrs.get("DomainName")))
    master = cdict(cdict(r.attrs.get("AdvancedSecurityOptions")).get("MasterUserOptions"))
    if master:
        value = cval(master.get("MasterUserPassword"))
        if isinstance(value, str) and value.strip() and not _REFERENCE_VALUE.search(value.strip()) and "{{resolve:" not in value:
            res.secrets.append(SecretFinding(field="AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword", kind="password"))
    return res


# --------------------------------------------------------------------------------------------
# network and load balancers


def _ingress_rules(rule: dict) -> list[Ingress]:
    protocol = cstr(rule.get("IpProtocol"))
    if protocol is None:
        return []
    protocol = "all" if protocol in ("-1", "all") else protocol.lower()
    lo, hi = cint(rule.get("FromPort")), cint(rule.get("ToPort"))
    if protocol == "all" or lo in (None, -1) or hi in (None, -1):
        lo = hi = None
    out = []
    for key in ("CidrIp", "CidrIpv6"):
        cidr = cstr(rule.get(key))
        if cidr:
            out.append(Ingress(cidr=cidr, from_port=lo, to_port=hi, protocol=protocol))
    return out


@resource("AWS::EC2::SecurityGroup", family=F)
def security_group(r: Parsed, ctx: Context) -> IacResource:
    res = new(r, "network", name=cstr(r.attrs.get("GroupName")))
    for rule in clist(r.attrs.get("SecurityGroupIngress")):
        res.exposure.ingress += _ingress_rules(cdict(rule))
    return res


@resource("AWS::EC2::SecurityGroupIngress", family=F)
def security_group_ingress(r: Parsed, ctx: Context) -> IacResource:
    """A standalone rule is its own resource (so a finding points at the rule, and a rule on a
    group defined elsewhere is not lost)."""
    res = new(r, "network")
    res.exposure.ingress = _ingress_rules(r.attrs)
    return res


@resource("AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancing::LoadBalancer", family=F)
def load_balancer(r: Parsed, ctx: Context) -> IacResource:
    res = new(r, "load_balancer", name=cstr(r.attrs.get("Name")) or cstr(r.attrs.get("LoadBalancerName")))
    scheme = cstr(r.attrs.get("Scheme"))
    if scheme == "internal":
        res.exposure.public = False
    elif scheme == "internet-facing":
        res.exposure.public = True
        res.exposure.reasons.append("Scheme = internet-facing")
    elif "Scheme" not in r.attrs:
        res.exposure.public = True  # the default scheme is internet-facing
        res.exposure.reasons.append("Scheme unset (default internet-facing)")
    if r.type == "AWS::ElasticLoadBalancing::LoadBalancer":  # Classic ELB: listeners inline
        listeners = [cdict(x) for x in clist(r.attrs.get("Listeners"))]
        protocols = [cstr(x.get("Protocol")) for x in listeners]
        if protocols:
            plain = [p for p in protocols if p and p.upper() in ("HTTP", "TCP")]
            res.tls = Tls(protocol=(plain[0] if plain else protocols[0] or "").upper() or None, redirects_to_https=False if plain else None)
    return res


def tls_min_version(policy: str | None) -> str | None:
    """Minimum TLS version of an ELB security policy name."""
    if not policy:
        return None
    m = re.search(r"(?:TLS13|TLS|FS)-1-([0-3])(?:-|$)", policy)
    if m:
        return f"1.{m.group(1)}"
    if re.fullmatch(r"ELBSecurityPolicy-(2016-08|2015-05|2015-03|2015-02|2014-10|2014-01|2011-08)|ELBSecurityPolicy-FS-2018-06", policy):
        return "1.0"
    return None


@resource("AWS::ElasticLoadBalancingV2::Listener", family=F)
def listener(r: Parsed, ctx: Context) -> IacResource:
    protocol = (cstr(r.attrs.get("Protocol")) or "").upper() or None
    policy = cstr(r.attrs.get("SslPolicy"))
    redirects = None
    if protocol in ("HTTP", "TCP", "UDP", "TCP_UDP"):
        redirects = any(
            cstr(cdict(a).get("Type")) == "redirect"
            and (cstr(cdict(cdict(a).get("RedirectConfig")).get("Protocol")) or "").upper() == "HTTPS"
            for a in clist(r.attrs.get("DefaultActions"))
        )
    tls = Tls(protocol=protocol, redirects_to_https=redirects, policy=policy, min_version=tls_min_version(policy))
    return new(r, "load_balancer", tls=tls)


@attachment("AWS::ElasticLoadBalancingV2::Listener", family=F)
def listener_exposure(r: Parsed, ctx: Context) -> None:
    """A listener is as reachable as its load balancer."""
    me = ctx.resources.get(r.address)
    lb = target_of(ctx, r.attrs.get("LoadBalancerArn"), r)
    if me is not None and lb is not None and lb.exposure.public is not None:
        me.exposure.public = lb.exposure.public
        me.exposure.reasons = [f"{lb.address}: {why}" for why in lb.exposure.reasons]


# --------------------------------------------------------------------------------------------
# logging, monitoring, keys


@resource("AWS::CloudTrail::Trail", family=F)
def cloudtrail(r: Parsed, ctx: Context) -> IacResource:
    props = r.attrs
    key = props.get("KMSKeyId")
    log = Logging(
        kind="audit_trail",
        enabled=cbool(props.get("IsLogging")),
        multi_region=cbool(props.get("IsMultiRegionTrail")) if "IsMultiRegionTrail" in props else False,
        target=ref_text(props.get("S3BucketName")),
    )
    enc = Encryption(at_rest=True, key_kind="customer_managed" if key is not None else "provider_managed", key_ref=ref_text(key) if key is not None else None)
    return new(r, "logging", logging=log, encryption=enc, name=cstr(props.get("TrailName")))


@attachment("AWS::CloudTrail::Trail", family=F)
def cloudtrail_bucket(r: Parsed, ctx: Context) -> None:
    """A trail is tamper-proof when its bucket (defined in this template) has S3 Object Lock."""
    me = ctx.resources.get(r.address)
    if me is None or me.logging is None:
        return
    state = _state(ctx)
    value = r.attrs.get("S3BucketName")
    address = address_of(ctx, ref_id(value), r)
    if address is None and cstr(value):
        address = state["bucket_names"].get((r.file, cstr(value)))
    if address in state["object_lock"]:
        me.logging.immutable = state["object_lock"][address]


@resource("AWS::Logs::LogGroup", family=F)
def log_group(r: Parsed, ctx: Context) -> IacResource:
    days = cint(r.attrs.get("RetentionInDays"))
    if "RetentionInDays" not in r.attrs:
        days = 0  # unset: never expire
    key = r.attrs.get("KmsKeyId")
    # CloudWatch Logs always encrypts log data at rest.
    enc = Encryption(at_rest=True, key_kind="customer_managed" if key is not None else "provider_managed", key_ref=ref_text(key) if key is not None else None)
    log = Logging(kind="log_store", enabled=True, retention_days=days)
    return new(r, "logging", logging=log, encryption=enc, name=cstr(r.attrs.get("LogGroupName")))


@resource("AWS::GuardDuty::Detector", family=F)
def guardduty(r: Parsed, ctx: Context) -> IacResource:
    return new(r, "monitoring", logging=Logging(enabled=cbool(r.attrs.get("Enable"))))


@resource("AWS::KMS::Key", family=F)
def kms_key(r: Parsed, ctx: Context) -> IacResource:
    spec = cstr(r.attrs.get("KeySpec")) or "SYMMETRIC_DEFAULT"
    rotation = cbool(r.attrs.get("EnableKeyRotation"))
    if spec != "SYMMETRIC_DEFAULT" and not spec.startswith("HMAC"):
        rotation = None  # automatic rotation exists only for symmetric keys
    elif rotation is None and "EnableKeyRotation" not in r.attrs:
        rotation = False  # off unless enabled
    return new(r, "key", key_rotation=rotation, encryption=Encryption(at_rest=True, key_kind="customer_managed"))


@resource("AWS::SecretsManager::Secret", family=F)
def secret(r: Parsed, ctx: Context) -> IacResource:
    key = r.attrs.get("KmsKeyId")
    res = new(
        r,
        "secret",
        encryption=Encryption(at_rest=True, key_kind="customer_managed" if key is not None else "provider_managed", key_ref=ref_text(key) if key is not None else None),
        name=cstr(r.attrs.get("Name")),
    )
    kind = "password"
    try:  # a JSON secret: name the kind after its keys
        keys = list(json.loads(cstr(r.attrs.get("SecretString")) or "{}"))
    except (ValueError, TypeError):
        keys = []
    kinds = [k for k in (kind_of_name(str(key)) for key in keys) if k]
    if kinds:
        kind = kinds[0]
    _secret_prop(r, res, "SecretString", kind)
    return res


# --------------------------------------------------------------------------------------------
# IAM

ADMIN_POLICY = re.compile(r"^arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess$")


def statements_of(document: Any) -> list[IamStatement]:
    out = []
    for st in clist(cdict(document).get("Statement")):
        st = cdict(st)
        if not st:
            continue
        condition = json.dumps(st.get("Condition") or {}, default=str)
        out.append(
            IamStatement(
                actions=[a for a in (ref_text(x) for x in clist(st.get("Action"))) if a],
                resources=[a for a in (ref_text(x) for x in clist(st.get("Resource"))) if a],
                effect=cstr(st.get("Effect")) or "Allow",
                mfa_condition="aws:MultiFactorAuthPresent" in condition,
            )
        )
    return out


@resource("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", family=F)
def iam_policy(r: Parsed, ctx: Context) -> IacResource:
    return new(
        r,
        "iam",
        iam=Iam(statements=statements_of(r.attrs.get("PolicyDocument"))),
        name=cstr(r.attrs.get("PolicyName")) or cstr(r.attrs.get("ManagedPolicyName")),
    )


@resource("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", family=F)
def iam_principal(r: Parsed, ctx: Context) -> IacResource:
    statements: list[IamStatement] = []
    for policy in clist(r.attrs.get("Policies")):
        statements += statements_of(cdict(policy).get("PolicyDocument"))
    role = None
    for arn in clist(r.attrs.get("ManagedPolicyArns")):
        text = ref_text(arn) or ""
        if ADMIN_POLICY.match(text):
            role = "AdministratorAccess"
            statements.append(IamStatement(actions=["*"], resources=["*"], effect="Allow"))
    name = cstr(r.attrs.get("RoleName")) or cstr(r.attrs.get("UserName")) or cstr(r.attrs.get("GroupName"))
    return new(r, "iam", iam=Iam(statements=statements, role=role, member=f"{r.type.rsplit('::', 1)[-1]}:{name or r.address}"), name=name)


# --------------------------------------------------------------------------------------------
# registries and compute


@resource("AWS::ECR::Repository", family=F)
def ecr(r: Parsed, ctx: Context) -> IacResource:
    scan = cbool(cdict(r.attrs.get("ImageScanningConfiguration")).get("ScanOnPush"))
    if scan is None and "ImageScanningConfiguration" not in r.attrs:
        scan = False  # scan on push is off unless enabled (see registry_scanning below)
    conf = cdict(r.attrs.get("EncryptionConfiguration"))
    kms = cstr(conf.get("EncryptionType")) in ("KMS", "KMS_DSSE")
    key = conf.get("KmsKey")
    # ECR always encrypts images (AES-256 unless KMS).
    enc = Encryption(at_rest=True, key_kind="customer_managed" if kms and key is not None else "provider_managed", key_ref=ref_text(key) if key is not None else None)
    return new(r, "registry", image_scanning=scan, encryption=enc, name=cstr(r.attrs.get("RepositoryName")))


@attachment("AWS::ECR::RegistryScanningConfiguration", family=F)
def registry_scanning(r: Parsed, ctx: Context) -> None:
    """Registry-level scanning rules can scan repositories that do not scan on push themselves."""
    for res in ctx.resources.values():
        if res.type == "AWS::ECR::Repository" and res.image_scanning is False:
            res.image_scanning = None


@resource("AWS::Lambda::Function", family=F)
def lambda_function(r: Parsed, ctx: Context) -> IacResource:
    key = r.attrs.get("KmsKeyArn")
    res = new(
        r,
        "compute",
        name=cstr(r.attrs.get("FunctionName")),
        encryption=Encryption(key_kind="customer_managed", key_ref=ref_text(key)) if key is not None else Encryption(),
    )
    variables = cdict(cdict(r.attrs.get("Environment")).get("Variables"))
    for name, value in variables.items():
        kind = secret_kind(str(name), cval(value))
        if kind:
            res.secrets.append(SecretFinding(field=f"Environment.Variables.{name}", kind=kind))
    return res


# --------------------------------------------------------------------------------------------
# AI: Bedrock, SageMaker, OpenSearch Serverless vectors

_BEDROCK_ARN = re.compile(
    r"^arn:aws[a-z-]*:bedrock:(\$\{[^}]*\}|[a-z0-9-]*):(?:\$\{[^}]*\}|\d*):"
    r"(foundation-model|inference-profile|application-inference-profile|provisioned-model|custom-model)/(.+)$"
)
_GEO_PREFIX = re.compile(r"^(us|eu|apac|jp|ca|us-gov|global)\.")
_MODEL_VERSION = re.compile(r"((?:\d{8}-)?v\d+(?::\d+)?)$")


def bedrock_ai(model: str | None, region: str | None = None) -> tuple[Ai, str | None]:
    """Ai facts for a Bedrock model id, inference profile id or ARN; plus the region an ARN names.

    `jp.`/`apac.`/`us.`/`eu.` profiles route across the regions of that geography, `global.` anywhere;
    a plain model id (or foundation-model ARN) runs in its region: unknown in a template without an ARN.
    """
    arn_region = None
    model_id = model
    kind = None
    if model:
        m = _BEDROCK_ARN.match(model)
        if m:
            arn_region = m.group(1) if re.fullmatch(r"[a-z]{2}(-[a-z]+)+-\d", m.group(1) or "") else None
            kind, model_id = m.group(2), m.group(3)
    ai = Ai(service="bedrock", model=model_id, auto_upgrade=False if model_id else None)
    if not model_id or kind in ("application-inference-profile", "provisioned-model", "custom-model"):
        ai.routing, ai.location = (None, None)
        return ai, arn_region
    prefix = _GEO_PREFIX.match(model_id)
    if prefix:
        geo = prefix.group(1)
        ai.routing, ai.location = ("global", "global") if geo == "global" else ("cross_region", geo)
    else:
        ai.routing, ai.location = "in_region", arn_region or region
    version = _MODEL_VERSION.search(model_id)
    # A Bedrock model id names one immutable model version; Bedrock never upgrades it in place.
    ai.model_version = version.group(1) if version else None
    return ai, arn_region


@resource("AWS::Bedrock::Agent", family=F)
def bedrock_agent(r: Parsed, ctx: Context) -> IacResource:
    model = cstr(r.attrs.get("FoundationModel"))
    ai, region = bedrock_ai(model)
    key = r.attrs.get("CustomerEncryptionKeyArn")
    enc = Encryption(at_rest=True, key_kind="customer_managed" if key is not None else "provider_managed", key_ref=ref_text(key) if key is not None else None)
    return new(r, "ai", ai=ai, region=region, encryption=enc, name=cstr(r.attrs.get("AgentName")))


@attachment("AWS::Bedrock::Agent", family=F)
def bedrock_agent_profile(r: Parsed, ctx: Context) -> None:
    """An agent that uses an application inference profile of this template routes like it."""
    me = ctx.resources.get(r.address)
    profile = target_of(ctx, r.attrs.get("FoundationModel"), r)
    if me is not None and profile is not None and profile.ai is not None and me.ai is not None:
        me.ai = profile.ai.model_copy()
        me.region = profile.region


@resource("AWS::Bedrock::ApplicationInferenceProfile", family=F)
def bedrock_application_profile(r: Parsed, ctx: Context) -> IacResource:
    source = ref_text(cdict(r.attrs.get("ModelSource")).get("CopyFrom"))
    ai, region = bedrock_ai(source)
    return new(r, "ai", ai=ai, region=region, name=cstr(r.attrs.get("InferenceProfileName")))


@resource("AWS::Bedrock::Guardrail", family=F)
def bedrock_guardrail(r: Parsed, ctx: Context) -> IacResource:
    """A guardrail filters prompts and answers: configuration, not an inference endpoint."""
    key = r.attrs.get("KmsKeyArn")
    return new(
        r,
        "other",
        name=cstr(r.attrs.get("Name")),
        encryption=Encryption(at_rest=True, key_kind="customer_managed" if key is not None else "provider_managed", key_ref=ref_text(key) if key is not None else None),
    )


@resource("AWS::SageMaker::NotebookInstance", family=F)
def sagemaker_notebook(r: Parsed, ctx: Context) -> IacResource:
    key = r.attrs.get("KmsKeyId")
    # The notebook's ML storage volume is always encrypted (AWS managed key unless KmsKeyId).
    enc = Encryption(at_rest=True, key_kind="customer_managed" if key is not None else "provider_managed", key_ref=ref_text(key) if key is not None else None)
    res = new(r, "ai", ai=Ai(service="sagemaker"), encryption=enc, name=cstr(r.attrs.get("NotebookInstanceName")))
    access = cstr(r.attrs.get("DirectInternetAccess"))
    if access == "Disabled":
        res.exposure.public = False
        res.ai.public_network_access = False
    elif access == "Enabled" or "DirectInternetAccess" not in r.attrs:
        res.exposure.public = True  # the default is Enabled
        res.ai.public_network_access = True
        res.exposure.reasons.append("DirectInternetAccess = Enabled" if access else "DirectInternetAccess unset (default Enabled)")
    return res


@resource("AWS::SageMaker::Endpoint", family=F)
def sagemaker_endpoint(r: Parsed, ctx: Context) -> IacResource:
    return new(r, "ai", ai=Ai(service="sagemaker"), name=cstr(r.attrs.get("EndpointName")))


@resource("AWS::OpenSearchServerless::Collection", family=F)
def aoss_collection(r: Parsed, ctx: Context) -> IacResource:
    kind = cstr(r.attrs.get("Type")) or "SEARCH"
    # Every OpenSearch Serverless collection is encrypted (AWS owned key unless a policy names a KMS key).
    res = new(
        r,
        "vector_store" if kind == "VECTORSEARCH" else "database",
        name=cstr(r.attrs.get("Name")),
        encryption=Encryption(at_rest=True, key_kind="provider_managed"),
    )
    replicas = cstr(r.attrs.get("StandbyReplicas"))
    res.backup = Backup(multi_az=None if replicas is None else replicas == "ENABLED")
    return res


def _policy_matches(rules: list, collection: str) -> bool:
    for rule in rules:
        rule = rule if isinstance(rule, dict) else {}
        if rule.get("ResourceType") != "collection":
            continue
        for pattern in rule.get("Resource") or []:
            if isinstance(pattern, str) and fnmatch.fnmatchcase(f"collection/{collection}", pattern):
                return True
    return False


@attachment("AWS::OpenSearchServerless::SecurityPolicy", family=F)
def aoss_security_policy(r: Parsed, ctx: Context) -> None:
    text = cstr(r.attrs.get("Policy"))
    if text is None and isinstance(r.attrs.get("Policy"), dict) and "Fn::Sub" in r.attrs["Policy"]:
        text = ref_text(r.attrs["Policy"])
    try:
        policy = json.loads(text) if text else None
    except ValueError:
        policy = None
    if policy is None:
        return
    kind = cstr(r.attrs.get("Type"))
    groups = policy if isinstance(policy, list) else [policy]
    for res in ctx.resources.values():
        if res.type != "AWS::OpenSearchServerless::Collection" or not res.name:
            continue
        for group in groups:
            if not isinstance(group, dict) or not _policy_matches(group.get("Rules") or [], res.name):
                continue
            if kind == "encryption" and group.get("AWSOwnedKey") is False and group.get("KmsARN"):
                res.encryption.key_kind, res.encryption.key_ref = "customer_managed", str(group["KmsARN"])
            elif kind == "network":
                if group.get("AllowFromPublic") is True:
                    res.exposure.public = True
                    res.exposure.reasons.append(f"{r.address}: AllowFromPublic = true")
                elif group.get("AllowFromPublic") is False and res.exposure.public is None:
                    res.exposure.public = False
