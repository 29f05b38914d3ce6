"""Turn a loaded service into the one input document every rule reads.

The document is plain JSON. Lists the user wrote become objects keyed by id where rules
look things up (components, providers, assets, ai_models); flows and connections stay
lists. Each object carries `_at` = {file, path} so findings point back at the source.
Derived facts that need a join over all flows are computed here once, in O(n), rather
than in every rule: `received` on each component (what data reaches it) and the ranks of
every class (see classification.py). docs/input-document.md describes every field.
"""

from __future__ import annotations

import datetime as dt

from . import classification
from .load import ServiceInput
from .policydata import PolicyData
from .vocabulary import NETWORK_MODELS, PERSONAL_RANK
from .iac.normalise import iac_section
from .yamlsource import render_path

INPUT_VERSION = 1


def _at(file: str, path: tuple) -> dict:
    return {"file": file, "path": render_path(path)}


def _dump(model) -> dict:
    return model.model_dump(mode="json", by_alias=True, exclude_none=False)


def _items(models, file: str, name: str) -> list[dict]:
    """Each model dumped, with `_at` pointing at `name[i]` in `file`."""
    out = []
    for i, m in enumerate(models):
        d = _dump(m)
        d["_at"] = _at(file, (name, i))
        out.append(d)
    return out


def _by_id(items: list[dict]) -> dict:
    return {d["id"]: d for d in items}


def build_input(service: ServiceInput, policy: PolicyData, *, profile: str | None, as_of: dt.date) -> dict:
    decl = service.declaration
    dfile = service.declaration_doc.file
    declared_models = list(NETWORK_MODELS) if "all" in decl.network_models else sorted(set(decl.network_models))
    models = [profile] if profile else declared_models

    providers = _by_id(_items(decl.providers, dfile, "providers"))
    components = _by_id(_items(decl.components, dfile, "components"))
    for c in components.values():
        c["received"] = {"conf_rank_max": 0, "personal_rank_max": 0, "avail_rank_max": 0, "assets": []}
    connections = _items(decl.connections, dfile, "connections")
    ai_models = _by_id(_items(decl.ai_models, dfile, "ai_models"))
    attestations = _items(decl.attestations, dfile, "attestations")
    use_cases = _items(decl.use_cases, dfile, "use_cases")
    exceptions = _by_id(_items(decl.exceptions, dfile, "exceptions"))

    scheme = policy.scheme
    assets = {}
    for doc, manifest in service.manifests:
        for a, d in zip(manifest.assets, _items(manifest.assets, doc.file, "assets")):
            d["conf_rank"] = classification.rank(scheme, a.confidentiality)
            d["personal_rank"] = PERSONAL_RANK[a.personal]
            d["avail_rank"] = int(a.availability)
            assets[a.id] = d

    flows = []
    for doc, manifest in service.manifests:
        for f, d in zip(manifest.flows, _items(manifest.flows, doc.file, "flows")):
            asset = assets[f.asset]
            d["conf_rank"] = asset["conf_rank"]
            d["personal"] = asset["personal"]
            d["personal_rank"] = asset["personal_rank"]
            d["avail_rank"] = asset["avail_rank"]
            d["from_hosting"] = f.from_.segment or components[f.from_.component]["hosting"]
            d["to_hosting"] = f.to.segment or components[f.to.component]["hosting"]
            flows.append(d)
            if f.to.component:
                rec = components[f.to.component]["received"]
                rec["conf_rank_max"] = max(rec["conf_rank_max"], asset["conf_rank"])
                rec["personal_rank_max"] = max(rec["personal_rank_max"], asset["personal_rank"])
                rec["avail_rank_max"] = max(rec["avail_rank_max"], asset["avail_rank"])
                if f.asset not in rec["assets"]:
                    rec["assets"].append(f.asset)
    for c in components.values():
        c["received"]["assets"].sort()

    return {
        "lgai": {"input_version": INPUT_VERSION, "as_of": as_of.isoformat()},
        "profile": {"selected": profile, "models": models, "declared_models": declared_models},
        "service": _dump(decl.service),
        "delivery": decl.delivery,
        "lgwan_asp": _dump(decl.lgwan_asp) if decl.lgwan_asp else None,
        "providers": providers,
        "components": components,
        "connections": connections,
        "ai_models": ai_models,
        "operations": _dump(decl.operations),
        "exit": _dump(decl.exit),
        "contract": (dict(_dump(decl.contract), _at=_at(dfile, ("contract",))) if decl.contract else None),
        "attestations": attestations,
        "use_cases": use_cases,
        "exceptions": exceptions,
        "breakout": _dump(decl.breakout) if decl.breakout else None,
        "municipal_client": _dump(decl.municipal_client),
        "subprocessor_change_notice_days": decl.subprocessor_change_notice_days,
        "customization": _dump(decl.customization),
        "transparency": _dump(decl.transparency),
        "guardrails": _dump(decl.guardrails),
        "grounding": _dump(decl.grounding),
        "quality_monitoring": _dump(decl.quality_monitoring),
        "agent": _dump(decl.agent),
        "controls": _dump(decl.controls),
        "reporting": _dump(decl.reporting),
        "assets": assets,
        "flows": flows,
        "iac": iac_section(service.iac, components),
        "scope": "service",
        "_files": {"declaration": dfile},
    }


def build_iac_only_input(iac, *, profile: str | None, as_of: dt.date) -> dict:
    """The input document for a directory with IaC but no lgai.yaml: only IaC rules run on it.

    Every resource is unlinked (no declaration), so each is assumed to hold 機密性2+ data.
    """
    models = [profile] if profile else list(NETWORK_MODELS)
    return {
        "lgai": {"input_version": INPUT_VERSION, "as_of": as_of.isoformat()},
        "profile": {"selected": profile, "models": models, "declared_models": []},
        "service": None,
        "delivery": None,
        "providers": {},
        "components": {},
        "connections": [],
        "assets": {},
        "flows": [],
        "iac": iac_section(iac, {}),
        "scope": "iac_only",
        "_files": {},
    }
