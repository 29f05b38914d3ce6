"""checkov's parsed definitions -> framework-neutral `Parsed` resources -> `IacResource` facts."""

from __future__ import annotations

from .discover import IacFiles
from .extract import Context, Parsed, as_str, run_extractors, unwrap
from .model import IacResource
from .scan import ScanResult

_META_KEYS = ("__start_line__", "__end_line__", "__address__", "__provider_address__", "__startline__", "__endline__")


def _clean(attrs: dict) -> dict:
    return {k: v for k, v in attrs.items() if k not in _META_KEYS}


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
                if region:
                    regions[address] = region
    return regions


def _terraform(result: ScanResult, files: IacFiles) -> list[Parsed]:
    definitions = result.definitions or {}
    regions = _provider_regions(definitions)
    source = result.framework
    parsed: list[Parsed] = []
    seen: set[str] = set()
    for key, blocks in definitions.items():
        file_path = getattr(key, "file_path", key)
        for entry in blocks.get("resource", []) or []:
            for rtype, named in entry.items():
                if not isinstance(named, dict):
                    continue
                for name, conf in named.items():
                    if not isinstance(conf, dict):
                        continue
                    address = conf.get("__address__") or f"{rtype}.{name}"
                    if address in seen:
                        continue
                    seen.add(address)
                    provider = conf.get("__provider_address__") or f"{rtype.split('_', 1)[0]}.default"
                    provider = {"azurerm": "azurerm", "google": "google"}.get(provider, provider)
                    parsed.append(
                        Parsed(
                            source=source,
                            type=rtype,
                            name=name,
                            address=address,
                            attrs=_clean(conf),
                            file=files.rel(file_path),
                            line=conf.get("__start_line__"),
                            provider_region=regions.get(provider) or regions.get(provider.split(".")[0] + ".default"),
                        )
                    )
    return parsed


def _cloudformation(result: ScanResult, files: IacFiles) -> list[Parsed]:
    parsed: list[Parsed] = []
    for path, template in (result.definitions or {}).items():
        resources = template.get("Resources") if isinstance(template, dict) else None
        if not isinstance(resources, dict):
            continue
        for logical_id, res in resources.items():
            if not isinstance(res, dict) or logical_id.startswith("__"):
                continue
            props = res.get("Properties") or {}
            line = getattr(res, "start_mark", None)
            line = line.line + 1 if line is not None else (props.get("__startline__") if isinstance(props, dict) else None)
            parsed.append(
                Parsed(
                    source="cloudformation",
                    type=str(res.get("Type", "")),
                    name=logical_id,
                    address=logical_id,
                    attrs=_clean(props) if isinstance(props, dict) else {},
                    file=files.rel(path),
                    line=line,
                )
            )
    return parsed


def _kubernetes(result: ScanResult, files: IacFiles) -> list[Parsed]:
    parsed: list[Parsed] = []
    for path, docs in (result.definitions or {}).items():
        for doc in docs or []:
            if not isinstance(doc, dict) or "kind" not in doc:
                continue
            meta = doc.get("metadata") or {}
            name = str(meta.get("name", ""))
            ns = str(meta.get("namespace", "default"))
            kind = str(doc["kind"])
            parsed.append(
                Parsed(
                    source="kubernetes",
                    type=kind,
                    name=name,
                    address=f"{kind}/{ns}/{name}",
                    attrs=doc,
                    file=files.rel(path),
                    line=doc.get("__startline__"),
                )
            )
    return parsed


CONVERTERS = {
    "terraform": _terraform,
    "terraform_plan": _terraform,
    "cloudformation": _cloudformation,
    "kubernetes": _kubernetes,
}


def extract_facts(results: list[ScanResult], files: IacFiles) -> tuple[list[IacResource], list[str]]:
    """All resources of all frameworks, in a stable order, plus notes (unresolved values)."""
    parsed: list[Parsed] = []
    for result in results:
        parsed += CONVERTERS[result.framework](result, files)
    ctx = run_extractors(parsed, Context())
    resources = sorted(ctx.resources.values(), key=lambda r: (r.at.file, r.at.line or 0, r.address))
    return resources, ctx.notes
