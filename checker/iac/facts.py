"""checkov's parsed definitions -> framework-neutral `Parsed` resources -> `IacResource` facts."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .discover import IacFiles
from .extract import Context, Parsed, as_int, as_str, is_unresolved, run_extractors, unwrap
from .model import IacResource
from .scan import ScanResult

_META_KEYS = ("__start_line__", "__end_line__", "__address__", "__provider_address__", "__startline__", "__endline__")
# Keys checkov's JSON/YAML parsers add to every nested object (plan JSON, CloudFormation), and the
# plan runner's bookkeeping; never attributes of the resource.
_NESTED_META = frozenset(
    {*_META_KEYS, "__file__", "start_line", "end_line", "references_", "__change_actions__", "__change_keys__"}
)


# checkov's secret checks write what they found back into the definitions (CKV_AWS_45_secret_0 …).
_CHECKOV_SECRET_KEY = re.compile(r"^CKV2?_[A-Z0-9]+_\d+_secret")


def _clean(attrs: dict) -> dict:
    return {k: _deep_clean(v) for k, v in attrs.items() if k not in _NESTED_META and not _CHECKOV_SECRET_KEY.match(str(k))}


def _deep_clean(value):
    if isinstance(value, dict):
        return {k: _deep_clean(v) for k, v in value.items() if k not in _NESTED_META}
    if isinstance(value, list):
        return [_deep_clean(v) for v in value]
    return value


def _provider_regions(definitions: dict) -> dict[str, str]:
    """Provider address (aws.default, aws.us, google.default) -> region/location it configures."""
    regions: dict[str, str] = {}
    for blocks in definitions.values():
        for entry in blocks.get("provider", []) or []:
            for name, conf in entry.items():
                if not isinstance(conf, dict):
                    continue
                address = conf.get("__address__") or f"{name}.{unwrap(conf.get('alias')) or 'default'}"
                region = as_str(conf.get("region")) or as_str(conf.get("location"))
                if region and not is_unresolved(region):  # an unrendered var.region is unknown, not a region
                    regions[address] = region.strip().lower().replace(" ", "")
    return regions


def _terraform(result: ScanResult, files: IacFiles) -> list[Parsed]:
    definitions = result.definitions or {}
    regions = _provider_regions(definitions)
    source = result.framework
    parsed: list[Parsed] = []
    seen: set = set()
    for key, blocks in definitions.items():
        file_path = getattr(key, "file_path", key)
        plan = _PlanFile(Path(file_path)) if source == "terraform_plan" else None
        for entry in blocks.get("resource", []) or []:
            for rtype, named in entry.items():
                if not isinstance(named, dict):
                    continue
                for name, conf in named.items():
                    if not isinstance(conf, dict):
                        continue
                    address = conf.get("__address__") or f"{rtype}.{name}"
                    # HCL: a module's files appear under each module call, keep the first. Plans:
                    # two plan files (prod, stg) may share addresses, keep both (_unique_addresses).
                    once = (str(file_path), address) if plan is not None else address
                    if once in seen:
                        continue
                    seen.add(once)
                    attrs = _clean(conf)
                    if plan is not None:
                        # checkov's plan definitions carry no provider link: read it from the plan.
                        region = plan.region_of(address, rtype)
                        plan.mask_sensitive(address, attrs)
                        plan.fill_unknown(address, attrs)
                    else:
                        provider = conf.get("__provider_address__") or f"{rtype.split('_', 1)[0]}.default"
                        region = regions.get(provider) or regions.get(provider.split(".")[0] + ".default")
                    parsed.append(
                        Parsed(
                            source=source,
                            type=rtype,
                            name=name,
                            address=address,
                            attrs=attrs,
                            file=files.rel(file_path),
                            # HCL: the block's first line. Plan JSON: the line of the resource's
                            # "address" in planned_values (checkov reports the line before `values`).
                            line=(plan.line_of(address) if plan is not None else None)
                            or as_int(conf.get("__start_line__"))
                            or as_int(conf.get("__startline__")),
                            provider_region=region,
                        )
                    )
    return parsed


_ADDRESS_KEY = re.compile(r'"address"\s*:\s*("(?:[^"\\]|\\.)*")')
_INDEX = re.compile(r'\[(?:\d+|"(?:[^"\\]|\\.)*")\]')


class _PlanFile:
    """What checkov's plan definitions leave out, read from the plan JSON itself (`terraform show
    -json`): which provider configuration each resource uses (so aliased providers and providers
    configured inside modules give the right region) and where each sensitive value came from."""

    def __init__(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8-sig")  # a BOM (PowerShell's Out-File) would fail json.loads
            self.doc = json.loads(text)
        except (OSError, ValueError):  # checkov parsed it; be lenient about a second reading
            text, self.doc = "", {}
        self.lines: dict[str, int] = {}  # planned resource address -> line of its "address" key
        start = text.find('"planned_values"')
        if start >= 0:
            line = text.count("\n", 0, start) + 1
            pos = start
            for m in _ADDRESS_KEY.finditer(text, start):
                line += text.count("\n", pos, m.start())
                pos = m.start()
                try:
                    self.lines.setdefault(json.loads(m.group(1)), line)
                except ValueError:
                    continue
        if not isinstance(self.doc, dict):
            self.doc = {}
        config = self.doc.get("configuration") or {}
        self.providers: dict = config.get("provider_config") or {}
        self.variables: dict = self.doc.get("variables") or {}
        self.conf: dict[str, dict] = {}  # unindexed address -> configuration resource
        self._walk_config(config.get("root_module") or {}, "")
        self.changes: dict[str, dict] = {  # address -> resource_changes entry
            c["address"]: c for c in self.doc.get("resource_changes") or [] if isinstance(c, dict) and c.get("address")
        }
        self.planned: dict[str, dict] = {}  # address -> planned_values resource
        self._walk_planned((self.doc.get("planned_values") or {}).get("root_module") or {})

    def _walk_config(self, module: dict, prefix: str) -> None:
        for res in module.get("resources") or []:
            if isinstance(res, dict) and res.get("address"):
                self.conf[prefix + res["address"]] = res
        for name, call in (module.get("module_calls") or {}).items():
            if isinstance(call, dict):
                self._walk_config(call.get("module") or {}, f"{prefix}module.{name}.")

    def _walk_planned(self, module: dict) -> None:
        for res in module.get("resources") or []:
            if isinstance(res, dict) and res.get("address"):
                self.planned[res["address"]] = res
        for child in module.get("child_modules") or []:
            if isinstance(child, dict):
                self._walk_planned(child)

    def line_of(self, address: str) -> int | None:
        return self.lines.get(address)

    def _conf_of(self, address: str) -> dict:
        return self.conf.get(_INDEX.sub("", address)) or {}

    def region_of(self, address: str, rtype: str) -> str | None:
        """The resource's own `region` (AWS provider 6 plans it on every resource), else the
        region/location of the provider configuration it uses."""
        values = (self.planned.get(address) or {}).get("values") or {}
        if rtype.startswith("aws_") and isinstance(values.get("region"), str) and values["region"]:
            return values["region"]
        conf = self._conf_of(address)
        keys = [conf.get("provider_config_key")] if conf.get("provider_config_key") else list(conf.get("provider_config_keys") or [])
        if not keys:  # no configuration section: the default configuration of the resource's provider
            keys = [rtype.split("_", 1)[0]]
        for key in keys:
            provider = self.providers.get(key)
            if not isinstance(provider, dict):
                continue
            expressions = provider.get("expressions") or {}
            for field in ("region", "location"):
                region = self._expression_value(expressions.get(field), root=not provider.get("module_address") and ":" not in key)
                if region:
                    return region
        return None

    def _expression_value(self, expr, root: bool) -> str | None:
        if not isinstance(expr, dict):
            return None
        if isinstance(expr.get("constant_value"), str):
            return expr["constant_value"]
        refs = expr.get("references") or []
        # A provider of the root module configured from a root variable: the plan has its value.
        if root and len(refs) == 1 and refs[0].startswith("var."):
            value = (self.variables.get(refs[0][4:]) or {}).get("value")
            return value if isinstance(value, str) else None
        return None

    def fill_unknown(self, address: str, attrs: dict) -> None:
        """A value known only after apply that the configuration set from a variable or local
        (checkov adds only references to other resources): keep the reference, `${var.kms_key_arn}`,
        as an unresolved value, the way checkov shows a variable it cannot render in HCL."""
        unknown = ((self.changes.get(address) or {}).get("change") or {}).get("after_unknown")
        if isinstance(unknown, dict):
            _fill(attrs, unknown, self._conf_of(address).get("expressions") or {})

    def mask_sensitive(self, address: str, attrs: dict) -> None:
        """A plan shows a sensitive value in clear text whatever its origin. Where the
        configuration took it from a reference (`password = var.db_password`), put the reference
        back, so that a value supplied at plan time is not mistaken for one written in the code."""
        sensitive = (self.planned.get(address) or {}).get("sensitive_values")
        if isinstance(sensitive, dict):
            _mask(attrs, sensitive, self._conf_of(address).get("expressions") or {})


def _fill(attrs: dict, unknown: dict, expressions: dict) -> None:
    for key, mark in unknown.items():
        expr = expressions.get(key) if isinstance(expressions, dict) else None
        if mark is True:
            if unwrap(attrs.get(key)) is None:
                ref = _reference_of(expr)
                if ref:
                    attrs[key] = [f"${{{ref}}}"]
        elif isinstance(mark, list) and isinstance(attrs.get(key), list):
            exprs = expr if isinstance(expr, list) else []
            for i, m in enumerate(mark):
                item = attrs[key][i] if i < len(attrs[key]) else None
                if isinstance(m, dict) and isinstance(item, dict):
                    _fill(item, m, exprs[i] if i < len(exprs) and isinstance(exprs[i], dict) else {})


def _mask(attrs: dict, sensitive: dict, expressions) -> None:
    for key, mark in sensitive.items():
        if key not in attrs:
            continue
        expr = expressions.get(key) if isinstance(expressions, dict) else None
        if mark is True:
            ref = _reference_of(expr)
            if ref:
                attrs[key] = [f"${{{ref}}}"]
        elif isinstance(mark, dict):
            child = attrs[key][0] if isinstance(attrs[key], list) and attrs[key] and isinstance(attrs[key][0], dict) else attrs[key]
            if not isinstance(child, dict):
                continue
            if isinstance(expr, list):
                expr = expr[0] if expr else None
            if isinstance(expr, dict) and ("references" in expr or "constant_value" in expr):
                # One expression for the whole map/object (`variables = { API_KEY = var.key }`).
                ref = _reference_of(expr)
                for k, m in mark.items():
                    if m is True and k in child and ref:
                        child[k] = [f"${{{ref}}}"] if isinstance(child[k], list) else f"${{{ref}}}"
            else:
                _mask(child, mark, expr or {})
        elif isinstance(mark, list):
            items = attrs[key] if isinstance(attrs[key], list) else []
            exprs = expr if isinstance(expr, list) else []
            for i, m in enumerate(mark):
                if isinstance(m, dict) and i < len(items) and isinstance(items[i], dict):
                    _mask(items[i], m, exprs[i] if i < len(exprs) else {})


def _reference_of(expr) -> str | None:
    """The first reference of a non-constant configuration expression."""
    if not isinstance(expr, dict) or "constant_value" in expr:
        return None
    refs = [r for r in expr.get("references") or [] if isinstance(r, str)]
    return refs[0] if refs else None


def _cloudformation(result: ScanResult, files: IacFiles) -> list[Parsed]:
    parsed: list[Parsed] = []
    for path, template in (result.definitions or {}).items():
        resources = template.get("Resources") if isinstance(template, dict) else None
        if not isinstance(resources, dict):
            continue
        lines = _TemplateLines(Path(path))
        for logical_id, res in resources.items():
            if not isinstance(res, dict) or logical_id.startswith("__"):
                continue
            props = res.get("Properties") or {}
            # checkov's graph keeps no line for the resource itself; its Properties carry the line
            # where the resource's mapping starts (the `Type:` line in YAML): find the logical id.
            hint = as_int(props.get("__startline__")) if isinstance(props, dict) else None
            parsed.append(
                Parsed(
                    source="cloudformation",
                    type=str(res.get("Type", "")),
                    name=logical_id,
                    address=logical_id,
                    attrs={k: v for k, v in _clean(props).items() if k != "resource_type"} if isinstance(props, dict) else {},
                    file=files.rel(path),
                    line=lines.key_line(logical_id, hint),
                )
            )
    return parsed


class _TemplateLines:
    """Line numbers of CloudFormation logical ids, from the template text."""

    def __init__(self, path: Path) -> None:
        try:
            self.lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            self.lines = []
        self.resources_at = next((i for i, t in enumerate(self.lines) if re.match(r'^\s*"?Resources"?\s*:', t)), 0)

    def key_line(self, key: str, hint: int | None) -> int | None:
        pattern = re.compile(r'^\s*(?:"%s"|\'%s\'|%s)\s*:' % ((re.escape(key),) * 3))
        if hint and 0 < hint <= len(self.lines):
            for i in range(hint - 1, max(self.resources_at, hint - 50) - 1, -1):
                if pattern.match(self.lines[i]):
                    return i + 1
        for i in range(self.resources_at, len(self.lines)):
            if pattern.match(self.lines[i]):
                return i + 1
        return hint


# Kinds without a namespace: addressed Kind/name.
CLUSTER_SCOPED = frozenset(
    {
        "Namespace", "Node", "PersistentVolume", "StorageClass", "ClusterRole", "ClusterRoleBinding",
        "CustomResourceDefinition", "PriorityClass", "IngressClass", "RuntimeClass", "CSIDriver",
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy",
        "ValidatingAdmissionPolicyBinding", "APIService", "VolumeSnapshotClass", "ClusterIssuer",
    }
)


def _kubernetes(result: ScanResult, files: IacFiles) -> list[Parsed]:
    parsed: list[Parsed] = []
    for path, docs in (result.definitions or {}).items():
        for doc in docs or []:
            if not isinstance(doc, dict) or "kind" not in doc:
                continue
            meta = doc.get("metadata") if isinstance(doc.get("metadata"), dict) else {}
            name = str(meta.get("name", ""))
            kind = str(doc["kind"])
            if kind in CLUSTER_SCOPED:
                address = f"{kind}/{name}"
            else:
                address = f"{kind}/{meta.get('namespace') or 'default'}/{name}"
            parsed.append(
                Parsed(
                    source="kubernetes",
                    type=kind,
                    name=name,
                    address=address,
                    attrs=_clean(doc),
                    file=files.rel(path),
                    line=as_int(doc.get("__startline__")),
                )
            )
    return parsed


def _unique_addresses(parsed: list[Parsed]) -> None:
    """The same CloudFormation logical id or Kubernetes object in several files (two stacks,
    Kustomize bases and overlays): later ones are addressed `address@file`, so none is lost."""
    seen: set[str] = set()
    for p in parsed:
        if p.source in ("cloudformation", "kubernetes") and p.address in seen:
            p.address = f"{p.address}@{p.file}"
        seen.add(p.address)


CONVERTERS = {
    "terraform": _terraform,
    "terraform_plan": _terraform,
    "cloudformation": _cloudformation,
    "kubernetes": _kubernetes,
}


def extract_facts(results: list[ScanResult], files: IacFiles) -> tuple[list[IacResource], list[str]]:
    """All resources of all frameworks, in a stable order, plus notes (unresolved values).

    Terraform HCL, CloudFormation and Kubernetes share one extraction context; each plan file has
    its own (a plan is a whole configuration: its references never leave it, and two plans of one
    stack, say prod and stg, have the same addresses)."""
    shared: list[Parsed] = []
    plans: dict[str, list[Parsed]] = {}
    for result in results:
        for p in CONVERTERS[result.framework](result, files):
            if p.source == "terraform_plan":
                plans.setdefault(p.file, []).append(p)
            else:
                shared.append(p)
    _unique_addresses(shared)
    resources: list[IacResource] = []
    notes: list[str] = []
    for group in [shared, *plans.values()]:
        if group:
            ctx = run_extractors(group, Context())
            resources += ctx.resources.values()
            notes += ctx.notes
    resources.sort(key=lambda r: (r.at.file, r.at.line or 0, r.address))
    seen: set[str] = set()
    for r in resources:  # the same address from two plans (or a plan and its HCL): keep both, apart
        if r.address in seen:
            r.address = r.at.path = f"{r.address}@{r.at.file}"
        seen.add(r.address)
    return resources, notes
