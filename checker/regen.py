"""Regenerate every file derived from the code and the rule pack (tests fail when one is stale):

    python -m checker.regen

docs/schema/*.json, docs/rules.md, docs/coverage.md, docs/input-reference.md,
docs/checkov-map.md and rules/testing/base.rego.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def generated() -> dict[Path, str]:
    from . import testgen
    from .catalog import coverage_markdown
    from .fieldref import reference_markdown
    from .iac.mapdoc import checkov_map_markdown
    from .ruledocs import rules_markdown
    from .rulepack import load_rule_pack
    from .schemas import SCHEMAS, schema_json

    pack = load_rule_pack()
    out = {ROOT / "docs" / "schema" / f"{name}.schema.json": schema_json(name) for name in SCHEMAS}
    out[ROOT / "docs" / "rules.md"] = rules_markdown(pack, "ja")
    out[ROOT / "docs" / "coverage.md"] = coverage_markdown(pack)
    out[ROOT / "docs" / "input-reference.md"] = reference_markdown()
    out[ROOT / "docs" / "checkov-map.md"] = checkov_map_markdown(pack)
    out[ROOT / "rules" / "testing" / "base.rego"] = testgen.generate()
    return out


def main() -> int:
    for path, text in generated().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
