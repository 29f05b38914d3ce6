"""IaC: discover Terraform / plan JSON / CloudFormation / Kubernetes files, parse them once
with checkov, run the mapped checkov checks, and extract normalised resource facts.

Nothing here imports checkov until `load_iac` finds IaC files.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .discover import IacFiles, discover


@dataclass
class IacInput:
    files: IacFiles
    resources: list  # list[IacResource]
    records: list  # list[scan.CheckRecord]
    checks_run: list[str] = field(default_factory=list)
    checkov_version: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def present(self) -> bool:
        return self.files.present

    @cached_property
    def digests(self) -> list[tuple[str, str, str]]:
        """(relative path, sha256, kind) of every IaC file read."""
        out = []
        for kind in ("terraform", "terraform_plan", "cloudformation", "kubernetes"):
            for p in getattr(self.files, kind):
                out.append((self.files.rel(p), hashlib.sha256(p.read_bytes()).hexdigest(), f"iac:{kind}"))
        return sorted(out)


def load_iac(root: Path, paths: list[str] | None, check_ids: list[str], checks_dir: Path) -> IacInput | None:
    """None when there is no IaC under root (checkov is then never imported)."""
    files = discover(root, paths)
    if not files.present:
        return None
    from .facts import extract_facts
    from .scan import checkov_version, scan

    ids = {fw: check_ids for fw in ("terraform", "terraform_plan", "cloudformation", "kubernetes")}
    results = scan(files, ids, checks_dir)
    resources, notes = extract_facts(results, files)
    records = [rec for res in results for rec in res.records]
    checks_run = sorted({c for res in results for c in res.checks_run})
    return IacInput(files=files, resources=resources, records=records, checks_run=checks_run, checkov_version=checkov_version(), notes=notes)
