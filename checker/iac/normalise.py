"""The `iac` section of the input document: resource facts plus what declared data each holds.

A resource is linked to a declared component when the component lists its address in
`components[].iac_resources` (glob patterns allowed) or the resource carries the tag or label
`lgai-component` (also `lgai_component`, `lgai:component`) naming the component id. A linked
resource holds what its components receive (ranks from the data-flow manifests); an unlinked
resource is *assumed* to hold 機密性2+ data (`holds.assumed`), so a rule never passes a
resource only because nobody said what is in it.
"""

from __future__ import annotations

import fnmatch

TAG_KEYS = ("lgai-component", "lgai_component", "lgai:component")


def link(resources: list[dict], components: dict[str, dict]) -> None:
    """Fill `holds` on each dumped resource from the declared components (in place)."""
    patterns = [(cid, pat) for cid, c in components.items() for pat in c.get("iac_resources") or []]
    for r in resources:
        linked = {cid for cid, pat in patterns if fnmatch.fnmatchcase(r["address"], pat)}
        for key in TAG_KEYS:
            value = (r.get("tags") or {}).get(key)
            if value in components:
                linked.add(value)
        holds = r["holds"]
        holds["components"] = sorted(linked)
        holds["assumed"] = not linked
        for cid in linked:
            received = components[cid]["received"]
            holds["conf_rank_max"] = max(holds["conf_rank_max"], received["conf_rank_max"])
            holds["personal_rank_max"] = max(holds["personal_rank_max"], received["personal_rank_max"])
            holds["avail_rank_max"] = max(holds["avail_rank_max"], received["avail_rank_max"])


def iac_section(iac, components: dict[str, dict]) -> dict:
    """`input.iac`: {present, resources[], clouds[], sources[]}."""
    if iac is None:
        return {"present": False, "resources": [], "clouds": [], "sources": []}
    resources = [r.dump() for r in iac.resources]
    link(resources, components)
    return {
        "present": True,
        "resources": resources,
        "clouds": sorted({r["cloud"] for r in resources}),
        "sources": sorted({r["source"] for r in resources}),
    }
