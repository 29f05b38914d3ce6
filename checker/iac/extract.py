"""The extractor framework: parsed IaC resources in, `IacResource` facts out.

Each cloud module (aws.py, azure.py, gcp.py, cloudformation.py, kubernetes.py)
registers small functions by resource type:

    @resource("aws_db_instance")
    def db_instance(r: Parsed, ctx: Context) -> IacResource: ...

    @attachment("aws_s3_bucket_versioning")
    def bucket_versioning(r: Parsed, ctx: Context) -> None:
        target = ctx.target(r, "bucket")          # the aws_s3_bucket it configures
        if target: target.backup = ...

Resource functions run first (building `ctx.resources`), attachments second, so a
separate configuration resource (S3 encryption/versioning/ACL blocks, an Azure OpenAI
deployment, a GCS IAM member, a diagnostic setting) can complete the facts of the
resource it refers to. Types with no function are still listed (category "other"), so
consistency rules see every region and every public endpoint the extractors know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from .model import At, IacResource

Extractor = Callable[["Parsed", "Context"], "IacResource | None"]
Attacher = Callable[["Parsed", "Context"], None]

RESOURCES: dict[str, dict[str, Extractor]] = {}  # family -> type -> function
ATTACHMENTS: dict[str, dict[str, Attacher]] = {}
FAMILY_OF_SOURCE = {"terraform": "terraform", "terraform_plan": "terraform", "cloudformation": "cloudformation", "kubernetes": "kubernetes"}


def resource(*types: str, family: str = "terraform"):
    def deco(fn: Extractor) -> Extractor:
        for t in types:
            RESOURCES.setdefault(family, {})[t] = fn
        return fn

    return deco


def attachment(*types: str, family: str = "terraform"):
    def deco(fn: Attacher) -> Attacher:
        for t in types:
            ATTACHMENTS.setdefault(family, {})[t] = fn
        return fn

    return deco


def unwrap(value: Any) -> Any:
    """checkov wraps HCL attribute values in one-element lists: [x] -> x."""
    while isinstance(value, list) and len(value) == 1 and not isinstance(value[0], dict):
        value = value[0]
    return value


def as_bool(value: Any) -> bool | None:
    value = unwrap(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        low = value.strip().lower()
        if low in ("true", "1", "yes", "enabled"):
            return True
        if low in ("false", "0", "no", "disabled"):
            return False
    if isinstance(value, int):
        return bool(value)
    return None


def as_int(value: Any) -> int | None:
    value = unwrap(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value.strip())
    return None


def as_str(value: Any) -> str | None:
    value = unwrap(value)
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def as_list(value: Any) -> list:
    """A list attribute, whether checkov wrapped it or not ([[a, b]] or [a, b] -> [a, b])."""
    if value is None:
        return []
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], list):
        return value[0]
    if isinstance(value, list):
        return value
    return [value]


def blocks(value: Any) -> list[dict]:
    """Nested blocks: checkov gives a list of dicts (one per block)."""
    return [b for b in as_list(value) if isinstance(b, dict)]


def block(value: Any) -> dict:
    found = blocks(value)
    return found[0] if found else {}


_UNRESOLVED = re.compile(r"^(var|local|module|data)\.|\$\{")


def is_unresolved(value: Any) -> bool:
    """A reference checkov could not render (var.x, local.y, ${...})."""
    value = unwrap(value)
    return isinstance(value, str) and bool(_UNRESOLVED.search(value))


@dataclass
class Parsed:
    """One parsed resource, framework-neutral."""

    source: str  # terraform / terraform_plan / cloudformation / kubernetes
    type: str
    name: str
    address: str
    attrs: dict
    file: str  # relative to the checked directory
    line: int | None
    provider_region: str | None = None  # Terraform: the region of the provider configuration in use

    def get(self, key: str, default: Any = None) -> Any:
        if key not in self.attrs:
            return default
        return unwrap(self.attrs[key])

    def at(self) -> At:
        return At(file=self.file, path=self.address, line=self.line)

    def new(self, cloud: str, category: str, **facts) -> IacResource:
        """An IacResource for this parsed resource with the common fields filled."""
        return IacResource(
            source=self.source,
            cloud=cloud,
            type=self.type,
            address=self.address,
            name=facts.pop("name", None) or self.name,
            category=category,
            _at=self.at(),
            **facts,
        )


@dataclass
class Context:
    """State shared by the extractors of one scan."""

    resources: dict[str, IacResource] = field(default_factory=dict)  # address -> facts
    by_name: dict[tuple[str, str], str] = field(default_factory=dict)  # (type, name or id) -> address
    notes: list[str] = field(default_factory=list)  # unresolved values etc., shown in the report
    extractor_state: dict[str, object] = field(default_factory=dict)  # per-module state of one scan

    def state(self, key: str, factory: Callable[[], object]):
        """The state an extractor module keeps for this scan (created by `factory` on first use)."""
        if key not in self.extractor_state:
            self.extractor_state[key] = factory()
        return self.extractor_state[key]

    def add(self, res: IacResource) -> None:
        self.resources[res.address] = res

    _REF = re.compile(r"^\$?\{?([A-Za-z0-9_.\-\[\]\"]+?)(\.(id|arn|name|bucket|self_link))?\}?$")

    def target(self, r: Parsed, attr: str) -> IacResource | None:
        """The resource an attribute refers to (`aws_s3_bucket.docs.id`, `module.x.aws_s3_bucket.y.arn`,
        a bucket name literal, or a CloudFormation `Ref`)."""
        value = r.attrs.get(attr)
        if isinstance(value, dict) and "Ref" in value:  # CloudFormation
            value = value["Ref"]
        value = unwrap(value)
        if not isinstance(value, str):
            return None
        return self.resolve(value, prefix=r.address.rsplit(".", 2)[0] if r.address.startswith("module.") else "")

    def resolve(self, ref: str, prefix: str = "") -> IacResource | None:
        ref = ref.strip()
        if ref.startswith("${") and ref.endswith("}"):
            ref = ref[2:-1]
        candidates = [ref]
        m = re.match(r"^(.*?)\.(id|arn|name|bucket|self_link|location)$", ref)
        if m:
            candidates.append(m.group(1))
        for c in list(candidates):
            if prefix and not c.startswith("module."):
                candidates.append(f"{prefix}.{c}")
        for c in candidates:
            if c in self.resources:
                return self.resources[c]
        for (typ, name), address in self.by_name.items():  # literal names (bucket = "my-bucket")
            if name == ref and address in self.resources:
                return self.resources[address]
        return None


def run_extractors(parsed: list[Parsed], ctx: Context | None = None) -> Context:
    """Apply the registered extractors to the parsed resources of one framework family."""
    # Import the cloud modules so that their decorators register.
    from . import aws, azure, cloudformation, gcp, kubernetes  # noqa: F401

    ctx = ctx or Context()
    for r in parsed:
        family = FAMILY_OF_SOURCE[r.source]
        fn = RESOURCES.get(family, {}).get(r.type)
        if fn is None:
            if r.type in ATTACHMENTS.get(family, {}):
                continue
            res = r.new(cloud=cloud_of(r), category="other", region=r.provider_region)
        else:
            try:
                res = fn(r, ctx)
            except Exception as exc:  # an extractor bug on an unusual resource: name it, never crash or pass
                raise _extractor_error(r, exc) from exc
            if res is None:
                continue
        ctx.add(res)
        for key in ("name", "bucket", "id"):
            literal = r.get(key)
            if isinstance(literal, str) and not is_unresolved(literal):
                ctx.by_name.setdefault((r.type, literal), res.address)
    for r in parsed:
        fn = ATTACHMENTS.get(FAMILY_OF_SOURCE[r.source], {}).get(r.type)
        if fn is not None:
            try:
                fn(r, ctx)
            except Exception as exc:
                raise _extractor_error(r, exc) from exc
    return ctx


def _extractor_error(r: Parsed, exc: Exception):
    from ..errors import InputError

    return InputError.single(
        r.file,
        f"lgai could not read {r.type} {r.address}: {exc.__class__.__name__}: {exc}",
        line=r.line,
        hint="an unexpected value shape; please report it with this resource",
    )


def cloud_of(r: Parsed) -> str:
    t = r.type
    if r.source == "kubernetes":
        return "kubernetes"
    if t.startswith("aws_") or t.startswith("AWS::"):
        return "aws"
    if t.startswith("azurerm_") or t.startswith("azapi_"):
        return "azure"
    if t.startswith("google_"):
        return "gcp"
    return "other"
