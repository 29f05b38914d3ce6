"""docs/checkov-map.md: the checkov checks lgai runs, per requirement (from rules/checkov_map.yaml)."""

from __future__ import annotations

from ..rulepack import RulePack, builtin_rules_dir
from .checkov_map import load_checkov_map


def checkov_map_markdown(pack: RulePack) -> str:
    mapping = load_checkov_map(builtin_rules_dir(), {r.meta.id for r in pack.rules})
    titles = {r.meta.id: r.meta.title_ja for r in pack.rules}
    lines = [
        "# checkov checks mapped to lgai requirements",
        "",
        "Generated from `rules/checkov_map.yaml` by `python -m checker.regen`; do not edit by hand.",
        "Only these checks run (an explicit allowlist). `CKV_LGAI_*` are lgai's own checks in `rules/checkov/`.",
        "",
        f"{len(mapping.checks)} checks.",
        "",
        "| requirement | check | note |",
        "|---|---|---|",
    ]
    for req, checks in sorted(mapping.by_requirement().items()):
        for cid in checks:
            note = mapping.checks[cid].note.replace("|", "\\|")
            lines.append(f"| {req} {titles.get(req, '')} | `{cid}` | {note} |")
    return "\n".join(lines) + "\n"
