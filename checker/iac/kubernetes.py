"""Kubernetes objects (plain manifests, rendered Helm/Kustomize output, `kind: List`): extractors
registered with checker.iac.extract.

`Parsed.attrs` is the whole object (apiVersion, kind, metadata, spec, ...). A manifest does not
say which cloud or region the cluster runs in: `region` is None. Kubernetes defaults are used
where the API documents them (hostNetwork/hostPID/privileged false, Service type ClusterIP).
"""

from __future__ import annotations

import json
import re
from typing import Any

from .cloudformation import kind_of_name, secret_kind, tls_min_version
from .extract import Context, Parsed, as_bool, as_int, attachment, resource
from .model import Backup, Container, Encryption, Iam, IacResource, IamStatement, Ingress, SecretFinding, Tls, Workload

F = "kubernetes"

WORKLOAD_KINDS = ("Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob")
_SKIP_ANNOTATIONS = ("kubectl.kubernetes.io/last-applied-configuration",)


def _d(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _l(value: Any) -> list:
    return value if isinstance(value, list) else []


def _meta(r: Parsed) -> dict:
    return _d(r.attrs.get("metadata"))


def _map(value: Any) -> dict:
    """A string map; checkov turns metadata.annotations into a list of one-entry maps."""
    if isinstance(value, list):
        out: dict = {}
        for item in value:
            out.update(_d(item))
        return out
    return _d(value)


def _tags(r: Parsed) -> dict[str, str]:
    """metadata.labels plus metadata.annotations."""
    meta = _meta(r)
    out: dict[str, str] = {}
    for source in (meta.get("labels"), meta.get("annotations")):
        for k, v in _map(source).items():
            if k not in _SKIP_ANNOTATIONS and v is not None and not isinstance(v, (dict, list)):
                out[str(k)] = str(v).lower() if isinstance(v, bool) else str(v)
    return out


def _annotations(r: Parsed) -> dict[str, str]:
    return {str(k): str(v) for k, v in _map(_meta(r).get("annotations")).items() if v is not None}


def new(r: Parsed, category: str, **facts) -> IacResource:
    facts.setdefault("tags", _tags(r))
    return r.new("kubernetes", category, **facts)


# --------------------------------------------------------------------------------------------
# workloads


def pod_spec(r: Parsed) -> tuple[dict, str]:
    """The pod spec of a workload and its path in the manifest."""
    spec = _d(r.attrs.get("spec"))
    if r.type == "Pod":
        return spec, "spec"
    if r.type == "CronJob":
        return _d(_d(_d(_d(spec.get("jobTemplate")).get("spec")).get("template")).get("spec")), "spec.jobTemplate.spec.template.spec"
    return _d(_d(spec.get("template")).get("spec")), "spec.template.spec"


_FLOATING_TAGS = frozenset({"main", "master", "stable", "nightly", "edge", "dev", "develop", "head", "canary"})


def image_pinned(image: Any) -> bool | None:
    """A digest pins an image; so does an explicit tag other than `latest`."""
    if not isinstance(image, str) or not image.strip():
        return None
    image = image.strip()
    if "@sha256:" in image or "@sha512:" in image:
        return True
    last = image.rsplit("/", 1)[-1]
    if ":" not in last:
        return False  # no tag: latest
    tag = last.rsplit(":", 1)[1].lower()
    # `latest` (also as part of a tag: main-latest) and branch-like tags move.
    if not tag or re.search(r"(^|[-_.])latest($|[-_.])", tag) or tag in _FLOATING_TAGS:
        return False
    return True


def _non_root(ctx_: dict) -> bool | None:
    """runAsNonRoot, or what an explicit runAsUser implies (0 = root)."""
    value = as_bool(ctx_.get("runAsNonRoot"))
    if value is not None:
        return value
    uid = as_int(ctx_.get("runAsUser"))
    return None if uid is None else uid != 0


def _container(c: dict) -> Container:
    sc = _d(c.get("securityContext"))
    privileged = as_bool(sc.get("privileged"))
    if privileged is None and "privileged" not in sc:
        privileged = False  # Kubernetes default
    escalation = as_bool(sc.get("allowPrivilegeEscalation"))
    if privileged:
        escalation = True  # always true for a privileged container
    read_only = as_bool(sc.get("readOnlyRootFilesystem"))
    if read_only is None and "readOnlyRootFilesystem" not in sc:
        read_only = False  # Kubernetes default
    return Container(
        name=str(c.get("name", "")),
        image=c.get("image") if isinstance(c.get("image"), str) else None,
        image_pinned=image_pinned(c.get("image")),
        privileged=privileged,
        allow_privilege_escalation=escalation,
        run_as_non_root=_non_root(sc),
        read_only_root_filesystem=read_only,
    )


def _env_secrets(containers: list[tuple[str, dict]], prefix: str) -> list[SecretFinding]:
    """Literal `env[].value`s whose names say they are secrets (`valueFrom` references are fine)."""
    out = []
    for group, c in containers:
        for env in _l(c.get("env")):
            env = _d(env)
            name = env.get("name")
            if not isinstance(name, str) or "value" not in env or "valueFrom" in env:
                continue
            kind = secret_kind(name, env.get("value") if isinstance(env.get("value"), str) else None)
            if kind:
                out.append(SecretFinding(field=f"{prefix}.{group}[{c.get('name')}].env.{name}", kind=kind))
    return out


@resource(*WORKLOAD_KINDS, family=F)
def workload(r: Parsed, ctx: Context) -> IacResource:
    spec, prefix = pod_spec(r)
    pod_sc = _d(spec.get("securityContext"))
    groups = [
        (group, _d(c))
        for group in ("initContainers", "containers", "ephemeralContainers")
        for c in _l(spec.get(group))
        if isinstance(c, dict)
    ]
    host_network = as_bool(spec.get("hostNetwork"))
    host_pid = as_bool(spec.get("hostPID"))
    wl = Workload(
        host_network=False if host_network is None and "hostNetwork" not in spec else host_network,
        host_pid=False if host_pid is None and "hostPID" not in spec else host_pid,
        run_as_non_root=_non_root(pod_sc),
        service_account=spec.get("serviceAccountName") or spec.get("serviceAccount") or "default",
        containers=[_container(c) for _, c in groups],
    )
    res = new(r, "workload", workload=wl)
    if r.type in ("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"):
        replicas = as_int(_d(r.attrs.get("spec")).get("replicas"))
        res.backup = Backup(replicas=1 if replicas is None and "replicas" not in _d(r.attrs.get("spec")) else replicas)
    res.secrets = _env_secrets(groups, prefix)
    return res


# --------------------------------------------------------------------------------------------
# exposure: Services and Ingresses

# Annotations that make a cloud load balancer internal (value compared case-insensitively).
_INTERNAL_LB = {
    "service.beta.kubernetes.io/aws-load-balancer-internal": ("true", "0.0.0.0/0"),
    "service.beta.kubernetes.io/aws-load-balancer-scheme": ("internal",),
    "networking.gke.io/load-balancer-type": ("internal",),
    "cloud.google.com/load-balancer-type": ("internal",),
    "service.beta.kubernetes.io/azure-load-balancer-internal": ("true",),
    "service.beta.kubernetes.io/oci-load-balancer-internal": ("true",),
    "service.beta.kubernetes.io/openstack-internal-load-balancer": ("true",),
    "service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type": ("private",),
}


def _internal_annotation(annotations: dict[str, str]) -> str | None:
    for key, values in _INTERNAL_LB.items():
        if annotations.get(key, "").strip().lower() in values:
            return f"{key}: {annotations[key]}"
    return None


@resource("Service", family=F)
def service(r: Parsed, ctx: Context) -> IacResource:
    spec = _d(r.attrs.get("spec"))
    kind = str(spec.get("type") or "ClusterIP")
    res = new(r, "load_balancer")
    ports = [_d(p) for p in _l(spec.get("ports"))]
    annotations = _annotations(r)
    if kind == "LoadBalancer":
        internal = _internal_annotation(annotations)
        ranges = [str(x) for x in _l(spec.get("loadBalancerSourceRanges")) if x]
        if not ranges and annotations.get("service.beta.kubernetes.io/load-balancer-source-ranges"):
            ranges = [x.strip() for x in annotations["service.beta.kubernetes.io/load-balancer-source-ranges"].split(",") if x.strip()]
        if internal:
            res.exposure.public = False
        elif not ranges:
            res.exposure.public = True
            res.exposure.reasons.append("type = LoadBalancer without loadBalancerSourceRanges")
        elif any(c in ("0.0.0.0/0", "::/0") for c in ranges):
            res.exposure.public = True
            res.exposure.reasons.append("loadBalancerSourceRanges allows 0.0.0.0/0")
        else:
            res.exposure.public = False
        for cidr in ranges or ([] if internal else ["0.0.0.0/0"]):
            for p in ports:
                port = as_int(p.get("port"))
                res.exposure.ingress.append(Ingress(cidr=cidr, from_port=port, to_port=port, protocol=str(p.get("protocol") or "TCP").lower()))
    elif kind == "NodePort":
        res.exposure.public = True
        res.exposure.reasons.append("type = NodePort (reachable on every node's address)")
    else:  # ClusterIP, ExternalName: inside the cluster only
        res.exposure.public = False
        if spec.get("externalIPs"):
            res.exposure.public = True
            res.exposure.reasons.append("externalIPs")
    return res


_INTERNAL_CLASS = re.compile(r"internal|private", re.I)


@resource("Ingress", family=F)
def ingress(r: Parsed, ctx: Context) -> IacResource:
    spec = _d(r.attrs.get("spec"))
    annotations = _annotations(r)
    klass = str(spec.get("ingressClassName") or annotations.get("kubernetes.io/ingress.class") or "")
    alb = klass == "alb" or any(k.startswith("alb.ingress.kubernetes.io/") for k in annotations)
    policy = annotations.get("alb.ingress.kubernetes.io/ssl-policy")
    if alb:  # AWS Load Balancer Controller: listeners from listen-ports (default HTTPS:443 with a certificate, else HTTP:80)
        certificate = bool(annotations.get("alb.ingress.kubernetes.io/certificate-arn")) or bool(_l(spec.get("tls")))
        try:
            listen = json.loads(annotations.get("alb.ingress.kubernetes.io/listen-ports") or "[]")
        except ValueError:
            listen = []
        protocols = {str(k).upper() for entry in listen if isinstance(entry, dict) for k in entry} or {"HTTPS" if certificate else "HTTP"}
        if "HTTP" in protocols:
            tls = Tls(protocol="HTTP", redirects_to_https=bool(annotations.get("alb.ingress.kubernetes.io/ssl-redirect")) and "HTTPS" in protocols)
        else:
            tls = Tls(protocol="HTTPS")
    elif klass.startswith("gce"):  # GKE Ingress serves HTTP too unless allow-http is "false"
        certificate = bool(_l(spec.get("tls"))) or any(
            annotations.get(k) for k in ("ingress.gcp.kubernetes.io/pre-shared-cert", "networking.gke.io/managed-certificates")
        )
        if certificate and annotations.get("kubernetes.io/ingress.allow-http", "").lower() == "false":
            tls = Tls(protocol="HTTPS")
        else:  # a FrontendConfig may redirect to HTTPS: unknown from the Ingress alone
            redirect = None if certificate and annotations.get("networking.gke.io/v1beta1.FrontendConfig") else False
            tls = Tls(protocol="HTTP", redirects_to_https=redirect)
    elif _l(spec.get("tls")):
        # ingress-nginx and most controllers redirect HTTP to HTTPS for TLS hosts unless told not to.
        if annotations.get("nginx.ingress.kubernetes.io/ssl-redirect", "").lower() == "false":
            tls = Tls(protocol="HTTP", redirects_to_https=False)
        else:
            tls = Tls(protocol="HTTPS")
    else:
        tls = Tls(protocol="HTTP", redirects_to_https=False)
    tls.policy, tls.min_version = policy, tls_min_version(policy)
    res = new(r, "load_balancer", tls=tls)
    scheme = annotations.get("alb.ingress.kubernetes.io/scheme", "").lower()
    if scheme == "internal" or (alb and not scheme):
        res.exposure.public = False  # the AWS Load Balancer Controller's default scheme is internal
    elif scheme == "internet-facing":
        res.exposure.public = True
        res.exposure.reasons.append("alb.ingress.kubernetes.io/scheme: internet-facing")
    elif _INTERNAL_CLASS.search(klass) or annotations.get("appgw.ingress.kubernetes.io/use-private-ip", "").lower() == "true":
        res.exposure.public = False
    else:
        res.exposure.public = True
        res.exposure.reasons.append(f"Ingress{' class ' + klass if klass else ''} without an internal class or annotation")
    return res


# --------------------------------------------------------------------------------------------
# RBAC


@resource("ClusterRoleBinding", "RoleBinding", family=F)
def role_binding(r: Parsed, ctx: Context) -> IacResource:
    role = _d(r.attrs.get("roleRef")).get("name")
    ns = _meta(r).get("namespace") or "default"
    members = []
    for s in _l(r.attrs.get("subjects")):
        s = _d(s)
        kind, name = s.get("kind"), s.get("name")
        if kind == "ServiceAccount":
            members.append(f"ServiceAccount:{s.get('namespace') or ns}/{name}")
        elif kind:
            members.append(f"{kind}:{name}")
    # One member per resource: a service account first (what the rules look for), else the first subject.
    member = next((m for m in members if m.startswith("ServiceAccount:")), members[0] if members else None)
    return new(r, "iam", iam=Iam(role=str(role) if role else None, member=member))


@resource("ClusterRole", "Role", family=F)
def role(r: Parsed, ctx: Context) -> IacResource:
    statements = []
    for rule in _l(r.attrs.get("rules")):
        rule = _d(rule)
        resources = [str(x) for x in _l(rule.get("resources")) + _l(rule.get("nonResourceURLs"))]
        groups = [str(g) for g in _l(rule.get("apiGroups"))]
        if groups and "*" not in groups and "*" in resources:
            resources = [f"{g or 'core'}/*" for g in groups]  # every resource of these API groups only
        statements.append(IamStatement(actions=[str(v) for v in _l(rule.get("verbs"))], resources=resources, effect="Allow"))
    return new(r, "iam", iam=Iam(statements=statements))


# --------------------------------------------------------------------------------------------
# secrets and storage


def _key_kind(key: str, secret_type: str) -> str:
    if secret_type == "kubernetes.io/tls" and key == "tls.key":
        return "private_key"
    if secret_type in ("kubernetes.io/dockerconfigjson", "kubernetes.io/dockercfg", "kubernetes.io/service-account-token"):
        return "token"
    if secret_type == "kubernetes.io/basic-auth" and key == "password":
        return "password"
    return kind_of_name(key.replace("-", "_").replace(".", "_")) or "password"


@resource("Secret", family=F)
def secret(r: Parsed, ctx: Context) -> IacResource:
    """A Secret manifest in the repository is a hard-coded secret (data is only base64)."""
    res = new(r, "secret", encryption=Encryption())
    secret_type = str(r.attrs.get("type") or "Opaque")
    for section in ("data", "stringData"):
        for key, value in _d(r.attrs.get(section)).items():
            if value not in (None, ""):
                res.secrets.append(SecretFinding(field=f"{section}.{key}", kind=_key_kind(str(key), secret_type)))
    return res


@resource("ConfigMap", family=F)
def config_map(r: Parsed, ctx: Context) -> IacResource:
    res = new(r, "other")
    for key, value in _d(r.attrs.get("data")).items():
        kind = secret_kind(str(key), value if isinstance(value, str) else None)
        if kind:
            res.secrets.append(SecretFinding(field=f"data.{key}", kind=kind))
    return res


def _storage_class_encryption(provisioner: str, params: dict) -> Encryption:
    params = {str(k): v for k, v in params.items()}
    if provisioner in ("ebs.csi.aws.com", "kubernetes.io/aws-ebs"):
        encrypted = as_bool(params.get("encrypted"))
        if encrypted is None and "encrypted" not in params:
            encrypted = False  # EBS volumes are unencrypted unless set
        key = params.get("kmsKeyId")
        return Encryption(
            at_rest=encrypted,
            key_kind=("customer_managed" if key else "provider_managed") if encrypted else None,
            key_ref=str(key) if key else None,
        )
    if provisioner in ("pd.csi.storage.gke.io", "kubernetes.io/gce-pd"):
        key = params.get("disk-encryption-kms-key")
        # Persistent disks are always encrypted (Google-managed keys unless a CMEK is named).
        return Encryption(at_rest=True, key_kind="customer_managed" if key else "provider_managed", key_ref=str(key) if key else None)
    if provisioner in ("disk.csi.azure.com", "kubernetes.io/azure-disk", "file.csi.azure.com", "kubernetes.io/azure-file"):
        key = params.get("diskEncryptionSetID")
        # Azure managed disks and files are always encrypted (platform keys unless a disk encryption set).
        return Encryption(at_rest=True, key_kind="customer_managed" if key else "provider_managed", key_ref=str(key) if key else None)
    encrypted = as_bool(params.get("encrypted"))
    return Encryption(at_rest=encrypted)


@resource("StorageClass", family=F)
def storage_class(r: Parsed, ctx: Context) -> IacResource:
    provisioner = str(r.attrs.get("provisioner") or "")
    return new(r, "volume", encryption=_storage_class_encryption(provisioner, _d(r.attrs.get("parameters"))))


@resource("PersistentVolumeClaim", family=F)
def pvc(r: Parsed, ctx: Context) -> IacResource:
    return new(r, "volume", encryption=Encryption())  # known only from its StorageClass (below)


@attachment("PersistentVolumeClaim", family=F)
def pvc_class(r: Parsed, ctx: Context) -> None:
    """A claim whose StorageClass is in the scanned manifests is encrypted as that class says."""
    me = ctx.resources.get(r.address)
    name = _d(r.attrs.get("spec")).get("storageClassName")
    sc = ctx.resources.get(f"StorageClass/{name}") if name else None
    if me is not None and sc is not None:
        me.encryption = sc.encryption.model_copy()
