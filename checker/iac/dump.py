"""`lgai iac facts PATH`: the normalised resource facts lgai extracted, as rules see them."""

from __future__ import annotations

from pathlib import Path


def facts_document(checker, path: Path) -> dict:
    """{"resources": [...], "checks": [...]} for an IaC directory/file or a service directory."""
    from ..normalise import build_iac_only_input, build_input

    service = checker.load(Path(path))
    if service.iac is None:
        return {"present": False, "resources": [], "checks": []}
    if service.declaration is None:
        doc = build_iac_only_input(service.iac, profile=None, as_of=checker.today())
    else:
        doc = build_input(service, checker.policy, profile=None, as_of=checker.today())
    checks = [
        {"check_id": r.check_id, "result": r.result, "file": r.file, "line": r.line, "resource": r.resource}
        for r in service.iac.records
    ]
    return {"present": True, "resources": doc["iac"]["resources"], "checks": sorted(checks, key=lambda c: (c["file"], c["line"] or 0, c["check_id"]))}
