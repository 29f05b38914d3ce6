"""Find the IaC files under a directory, by framework, without importing checkov.

Sniffing reads at most the first 64 KiB of a YAML/JSON file and looks for the keys that
identify it (CloudFormation `Resources`/`AWSTemplateFormatVersion`, Kubernetes
`apiVersion` + `kind`, Terraform plan `planned_values`/`resource_changes`). Files are
parsed later, once, by checkov's parsers.

Not read: lgai's own files, dot directories, `.terraform/`, `node_modules/`, the Go templates of a
Helm chart (`templates/` and `charts/` next to a Chart.yaml: render them with `helm template`
and check the output), `kustomization.yaml`. A symbolic link leading outside the checked
directory, a broken link and an oversized IaC file are input errors; a link inside it is read
once, where it leads.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, Problem
from ..load import is_within

SKIP_DIRS = {".git", ".terraform", "node_modules", ".venv", "venv", "__pycache__", ".lgai-cache"}
LGAI_FILES = {"lgai.yaml", "lgai.yml", "dataflows.yaml", "dataflows.yml", "expected.yaml", "lgai-waivers.yaml"}
SNIFF_BYTES = 64 * 1024
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ALIAS_EXPANSION = 1_000_000  # values YAML aliases may add to one IaC file (checkov expands them all)
IAC_SUFFIXES = (".tf", ".json", ".yaml", ".yml", ".template")

_CFN_YAML = re.compile(r"^(AWSTemplateFormatVersion\s*:|Resources\s*:)", re.M)
_CFN_TYPE = re.compile(r"""Type["']?\s*:\s*["']?(AWS|Alexa)::""")
_CFN_JSON = re.compile(r'"(AWSTemplateFormatVersion|Resources)"\s*:')
_K8S_API = re.compile(r"^apiVersion\s*:", re.M)
_K8S_KIND = re.compile(r"^kind\s*:", re.M)
_PLAN_JSON = re.compile(r'"(planned_values|resource_changes)"\s*:')
_K8S_JSON_API = re.compile(r'"apiVersion"\s*:\s*"[a-z0-9.\-]*/?v\d[a-z0-9]*"')
_K8S_JSON_KIND = re.compile(r'"kind"\s*:\s*"[A-Z][A-Za-z0-9]*"')
# YAML with apiVersion/kind that is not a manifest applied to a cluster.
K8S_NOT_MANIFESTS = {"kustomization.yaml", "kustomization.yml", "Kustomization", "Chart.yaml", "Chart.yml"}


@dataclass
class IacFiles:
    root: Path
    starts: list[Path] = field(default_factory=list)  # the directories/files searched (root or iac.paths)
    terraform: list[Path] = field(default_factory=list)  # *.tf, *.tf.json
    terraform_plan: list[Path] = field(default_factory=list)
    cloudformation: list[Path] = field(default_factory=list)
    kubernetes: list[Path] = field(default_factory=list)

    @property
    def present(self) -> bool:
        return bool(self.terraform or self.terraform_plan or self.cloudformation or self.kubernetes)

    def all(self) -> list[Path]:
        return sorted({*self.terraform, *self.terraform_plan, *self.cloudformation, *self.kubernetes})

    def rel(self, path: Path | str) -> str:
        p = Path(path)
        try:
            return p.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return p.as_posix()


# Directories of a Helm chart holding Go templates (not manifests until `helm template` renders
# them; checkov skips them anyway). A chart's crds/ holds plain manifests and is read.
HELM_TEMPLATE_DIRS = ("templates", "charts")


def _link_rel(path: Path, root: Path) -> str:
    """Where a symbolic link is (not where it leads), relative to the root."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return path.as_posix()


def _walk(start: Path) -> list[Path]:
    """Files under start, plus symbolic links to directories (which os.walk does not enter)."""
    if start.is_file():
        return [start]
    out = []
    for dirpath, dirnames, filenames in os.walk(start):
        here = Path(dirpath)
        skip = set(SKIP_DIRS)
        if "Chart.yaml" in filenames or "Chart.yml" in filenames:
            skip.update(HELM_TEMPLATE_DIRS)
        kept = []
        for d in sorted(dirnames):
            if d in skip or d.startswith("."):
                continue
            if (here / d).is_symlink():
                out.append(here / d)  # judged by discover(): inside the root it is read at its real place
                continue
            kept.append(d)
        dirnames[:] = kept
        out += [here / f for f in sorted(filenames)]
    return out


def _head(path: Path) -> str:
    with open(path, "rb") as fh:
        return fh.read(SNIFF_BYTES).decode("utf-8", errors="replace")


def classify(path: Path) -> str | None:
    """The framework of one file, or None when it is not IaC lgai reads."""
    name = path.name
    if name.endswith(".tf") or name.endswith(".tf.json"):
        return "terraform"
    if name in LGAI_FILES:
        return None
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".json", ".template"):
        return None
    head = _head(path)
    if suffix == ".json" or (suffix == ".template" and head.lstrip().startswith("{")):
        if _PLAN_JSON.search(head) and suffix == ".json":
            return "terraform_plan"
        if _CFN_JSON.search(head) and ('"AWSTemplateFormatVersion"' in head or _CFN_TYPE.search(head)):
            return "cloudformation"
        if suffix == ".json" and _K8S_JSON_API.search(head) and _K8S_JSON_KIND.search(head):
            return "kubernetes"
        return None
    if name in K8S_NOT_MANIFESTS:
        return None
    if _CFN_YAML.search(head) and ("AWSTemplateFormatVersion" in head or _CFN_TYPE.search(head)):
        return "cloudformation"
    if suffix != ".template" and _K8S_API.search(head) and _K8S_KIND.search(head):
        return "kubernetes"
    return None


def discover(root: Path, paths: list[str] | None = None) -> IacFiles:
    """IaC files under `root`, or under each of `paths` (relative to root) when given.

    A path that does not exist, or a symbolic link that leads outside `root`, is an input
    error: a declared IaC location that silently yields nothing would be a silent pass.
    """
    root = Path(root)
    found = IacFiles(root=root)
    problems: list[Problem] = []
    starts = [root] if not paths else [root / p for p in paths]
    found.starts = starts
    seen: set[Path] = set()
    for start in starts:
        if not start.exists():
            problems.append(Problem(str(start), "IaC path does not exist", field="iac.paths", hint="fix iac.paths in lgai.yaml"))
            continue
        if not is_within(start, root):
            problems.append(
                Problem(
                    str(start),
                    "IaC path leads outside the checked directory",
                    field="iac.paths",
                    hint="iac.paths are relative to the service directory and stay inside it",
                )
            )
            continue
        for path in _walk(start):
            if path.is_symlink() and not is_within(path, root):
                problems.append(Problem(_link_rel(path, root), "symbolic link points outside the checked directory; not read"))
                continue
            if path.is_symlink() and not path.exists():
                if path.suffix.lower() in IAC_SUFFIXES:
                    problems.append(Problem(_link_rel(path, root), "broken symbolic link; not read"))
                continue
            if not path.is_file():  # a linked directory inside the root: read where it really is
                if not path.is_dir() and path.suffix.lower() in IAC_SUFFIXES:  # a FIFO would block the run
                    problems.append(Problem(_link_rel(path, root), "not a regular file (a FIFO, socket or device); not read"))
                continue
            real = path.resolve()
            if real in seen:  # the same file twice (a link to a file inside the root)
                continue
            seen.add(real)
            kind = classify(path)
            if kind is None:
                continue
            if path.stat().st_size > MAX_FILE_BYTES:
                problems.append(
                    Problem(found.rel(path), f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; not read")
                )
                continue
            hidden = structure_problem(path, kind, found.rel(path))
            if hidden is not None:
                problems.append(hidden)
                continue
            getattr(found, kind).append(path)
    if problems:
        raise InputError(problems)
    for kind in ("terraform", "terraform_plan", "cloudformation", "kubernetes"):
        setattr(found, kind, sorted(set(getattr(found, kind))))
    return found


# --- what checkov's parsers would silently get wrong ---------------------------------------------


def structure_problem(path: Path, kind: str, shown: str) -> Problem | None:
    """A YAML or Kubernetes JSON file checkov would read wrongly, without a word: a duplicate key
    (its Kubernetes parser keeps the last value, so a later `hostNetwork: false` hides an earlier
    `true`), or YAML aliases that expand without bound (a "billion laughs" file keeps checkov busy
    for hours). Files that do not parse are left to the parse step, which explains them."""
    if kind == "terraform":
        return None
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    if path.suffix.lower() == ".json" or (path.suffix.lower() == ".template" and text.lstrip().startswith("{")):
        if kind != "kubernetes":  # checkov refuses duplicate keys in plan and CloudFormation JSON itself
            return None
        return _json_duplicates(text, shown)
    return _yaml_structure(text, shown)


class _DuplicateKey(Exception):
    pass


def _no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen[key] = value
    return seen


def _json_duplicates(text: str, shown: str) -> Problem | None:
    import json

    try:
        json.loads(text, object_pairs_hook=_no_duplicates)
    except _DuplicateKey as exc:
        return Problem(shown, f"duplicate key '{exc.args[0]}'", hint="a later key would silently hide the earlier one; keep one")
    except (ValueError, RecursionError):
        return None
    return None


class _Frame:
    __slots__ = ("mapping", "size", "anchor", "keys", "expect_key")

    def __init__(self, mapping: bool, anchor: str | None):
        self.mapping, self.anchor, self.size, self.keys, self.expect_key = mapping, anchor, 0, {}, True


def _yaml_structure(text: str, shown: str) -> Problem | None:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    sizes: dict[str, int] = {}  # anchor -> values it stands for, aliases inside it expanded
    stack: list[_Frame] = []
    added = 0

    def node_done(n: int) -> None:
        if stack:
            stack[-1].size += n
            if stack[-1].mapping:
                stack[-1].expect_key = not stack[-1].expect_key

    try:
        for ev in yaml.parse(text, Loader=loader):
            if isinstance(ev, yaml.ScalarEvent):
                top = stack[-1] if stack else None
                if top is not None and top.mapping and top.expect_key and ev.value != "<<":
                    line = ev.start_mark.line + 1
                    if ev.value in top.keys:
                        return Problem(
                            shown,
                            f"duplicate key '{ev.value[:200]}' (first at line {top.keys[ev.value]})",
                            line=line,
                            hint="a later key would silently hide the earlier one; keep one",
                        )
                    top.keys[ev.value] = line
                if ev.anchor:
                    sizes[ev.anchor] = 1
                node_done(1)
            elif isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                stack.append(_Frame(isinstance(ev, yaml.MappingStartEvent), ev.anchor))
            elif isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                frame = stack.pop()
                if frame.anchor:
                    sizes[frame.anchor] = frame.size + 1
                node_done(frame.size + 1)
            elif isinstance(ev, yaml.AliasEvent):
                n = sizes.get(ev.anchor, 1)
                added += n
                if added > MAX_ALIAS_EXPANSION:
                    return Problem(
                        shown,
                        f"YAML aliases expand to more than {MAX_ALIAS_EXPANSION} values (an alias bomb?); not read",
                        line=ev.start_mark.line + 1,
                        hint="write the values out instead of repeating anchors",
                    )
                node_done(n)
    except yaml.YAMLError:
        return None
    return None
