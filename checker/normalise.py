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
from .yamlsource import render_path

INPUT_VERSION = 1


def _at(file: str, path: tuple) -> dict:
    return {"file": file, "path": render_path(path)}


def _dump(model) -> dict:
    return model.model_dump(mode="json", by_alias=True, exclude_none=False)


def build_input(service: ServiceInput, policy: PolicyData, *, profile: str | None, as_of: dt.date) -> dict:
    decl = service.declaration
    dfile = service.declaration_doc.file
    declared_models = list(NETWORK_MODELS) if "all" in decl.network_models else sorted(set(decl.network_models))
    models = [profile] if profile else declared_models

    providers = {}
    for i, p in enumerate(decl.providers):
        d = _dump(p)
        d["_at"] = _at(dfile, ("providers", i))
        providers[p.id] = d

    components = {}
    for i, c in enumerate(decl.components):
        d = _dump(c)
        d["_at"] = _at(dfile, ("components", i))
        d["received"] = {"conf_rank_max": 0, "personal_rank_max": 0, "avail_rank_max": 0, "assets": []}
        components[c.id] = d

    connections = []
    for i, conn in enumerate(decl.connections):
        d = _dump(conn)
        d["_at"] = _at(dfile, ("connections", i))
        connections.append(d)

    ai_models = {}
    for i, m in enumerate(decl.ai_models):
        d = _dump(m)
        d["_at"] = _at(dfile, ("ai_models", i))
        ai_models[m.id] = d

    attestations = []
    for i, a in enumerate(decl.attestations):
        d = _dump(a)
        d["_at"] = _at(dfile, ("attestations", i))
        attestations.append(d)

    use_cases = []
    for i, u in enumerate(decl.use_cases):
        d = _dump(u)
        d["_at"] = _at(dfile, ("use_cases", i))
        use_cases.append(d)

    exceptions = {}
    for i, e in enumerate(decl.exceptions):
        d = _dump(e)
        d["_at"] = _at(dfile, ("exceptions", i))
        exceptions[e.id] = d

    scheme = policy.scheme
    assets = {}
    for doc, manifest in service.manifests:
        for i, a in enumerate(manifest.assets):
            d = _dump(a)
            d["_at"] = _at(doc.file, ("assets", i))
            d["conf_rank"] = classification.rank(scheme, a.confidentiality)
            d["personal_rank"] = PERSONAL_RANK[a.personal]
            d["avail_rank"] = int(a.availability)
            assets[a.id] = d

    flows = []
    for doc, manifest in service.manifests:
        for i, f in enumerate(manifest.flows):
            d = _dump(f)
            d["_at"] = _at(doc.file, ("flows", i))
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
        "iac": {"present": False, "resources": []},
        "_files": {"declaration": dfile},
    }
