"""Find the input files of a service, load them, and validate them against the schema.

Everything wrong is collected and raised as one InputError, each problem naming the
file, line and field, so a vendor fixes a file in one pass.
"""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import classification
from .dataflow import DataflowManifest
from .declaration import Declaration
from .errors import InputError, Problem
from .yamlsource import SourceDoc, load_yaml, render_path

DECLARATION_FILE = "lgai.yaml"
DATAFLOW_FILE = "dataflows.yaml"
DATAFLOW_DIR = "dataflows"


@dataclass
class InputFile:
    path: str  # as shown in reports, relative to the service directory
    sha256: str
    kind: str  # declaration / dataflows / iac


@dataclass
class ServiceInput:
    """One service, loaded and validated."""

    root: Path
    declaration: Declaration | None  # None: an IaC-only directory (no lgai.yaml)
    declaration_doc: SourceDoc | None
    manifests: list[tuple[SourceDoc, DataflowManifest]]
    files: list[InputFile] = field(default_factory=list)
    iac: object | None = None  # checker.iac.IacInput, attached by the Checker when IaC is present

    def doc(self, file: str) -> SourceDoc | None:
        if self.declaration_doc is not None and file == self.declaration_doc.file:
            return self.declaration_doc
        for doc, _ in self.manifests:
            if doc.file == file:
                return doc
        return None


def _present(path: Path) -> bool:
    """Something is at `path`: a file, a directory, a FIFO, or a symbolic link (even a broken one)."""
    return path.exists() or path.is_symlink()


def has_declaration(root: Path) -> bool:
    """lgai.yaml (or lgai.yml) is in `root` in any form. A directory, FIFO or broken link in its
    place is reported by load_service, never taken for an IaC-only directory."""
    return _present(root / DECLARATION_FILE) or _present(root / "lgai.yml")


def _yaml_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml"))


def is_within(path: Path, root: Path) -> bool:
    """`path` (links resolved) lies inside `root`: inputs are read only from the checked directory."""
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def _unreadable(root: Path, path: Path, what: str = "file") -> Problem | None:
    """Why lgai does not read `path`, or None. Inputs are read only from regular files inside the
    checked directory: a link leading elsewhere would make lgai read, hash and quote a file the
    vendor's directory does not hold (a credentials file, say); a FIFO would block the run; a
    directory or broken link in a manifest's place would silently drop its flows."""
    shown = _shown(root, path)
    if path.is_symlink() and not path.exists():
        return Problem(shown, "broken symbolic link; not read", hint=f"put the {what} itself in the service directory")
    if not is_within(path, root):
        return Problem(
            shown,
            "symbolic link points outside the checked directory; not read",
            hint=f"copy the {what} into the service directory",
        )
    if what == "directory":
        return None if path.is_dir() else Problem(shown, "not a directory", hint="dataflows/ holds the manifest split into files")
    if not path.is_file():
        kind = "a directory" if path.is_dir() else "not a regular file (a FIFO, socket or device)"
        return Problem(shown, f"is {kind}; not read", hint="it must be a YAML file; see docs/input-format.md")
    return None


def load_service(root: Path, scheme: str = classification.DEFAULT_SCHEME) -> ServiceInput:
    """Load and validate the service in directory `root`."""
    root = Path(root)
    if not root.exists():
        raise InputError.single(str(root), "no such file or directory")
    if not root.is_dir():
        raise InputError.single(str(root), "not a directory: lgai checks a service directory holding lgai.yaml")
    decl_path = root / DECLARATION_FILE
    if not _present(decl_path):
        alt = root / "lgai.yml"
        if _present(alt):
            decl_path = alt
        else:
            raise InputError.single(
                str(root),
                f"no {DECLARATION_FILE} in this directory",
                hint="create one with the format in docs/input-format.md",
            )
    problems: list[Problem] = []

    refused = _unreadable(root, decl_path)
    if refused is not None:
        raise InputError([refused])
    decl_doc = load_yaml(decl_path, _shown(root, decl_path))
    declaration = _validate(Declaration, decl_doc, problems)

    manifest_paths: list[Path] = []
    if _present(root / DATAFLOW_FILE):
        manifest_paths.append(root / DATAFLOW_FILE)
    if _present(root / DATAFLOW_DIR):
        refused = _unreadable(root, root / DATAFLOW_DIR, "directory")
        if refused is not None:
            problems.append(refused)
        else:
            manifest_paths.extend(_yaml_files(root / DATAFLOW_DIR))
    manifests: list[tuple[SourceDoc, DataflowManifest]] = []
    for mp in manifest_paths:
        refused = _unreadable(root, mp)
        if refused is not None:
            problems.append(refused)
            continue
        try:
            doc = load_yaml(mp, _shown(root, mp))
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        model = _validate(DataflowManifest, doc, problems)
        if model is not None:
            manifests.append((doc, model))

    if problems:
        raise InputError(problems)
    assert declaration is not None
    service = ServiceInput(
        root=root,
        declaration=declaration,
        declaration_doc=decl_doc,
        manifests=manifests,
        files=[InputFile(decl_doc.file, decl_doc.sha256, "declaration")]
        + [InputFile(d.file, d.sha256, "dataflows") for d, _ in manifests],
    )
    _check_references(service, scheme, problems)
    if problems:
        raise InputError(problems)
    return service


def _shown(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


# --- schema validation -------------------------------------------------------


def _validate(model: type[BaseModel], doc: SourceDoc, problems: list[Problem]):
    if doc.data is None:
        problems.append(Problem(doc.file, "file is empty", line=1, hint="see docs/input-format.md for the format"))
        return None
    if not isinstance(doc.data, dict):
        problems.append(Problem(doc.file, "the top level must be a mapping of keys to values", line=1))
        return None
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            problems.append(_problem_from_error(model, doc, err))
        return None


def _data_path(data, loc) -> tuple:
    """Keep the parts of a pydantic `loc` that index into the data (drops union tags)."""
    path: list = []
    cur = data
    for part in loc:
        if isinstance(cur, dict) and isinstance(part, str) and part in cur:
            cur = cur[part]
            path.append(part)
        elif isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur):
            cur = cur[part]
            path.append(part)
        elif isinstance(cur, dict) and isinstance(part, str):
            path.append(part)  # a missing or unknown key: still name it
            cur = None
    return tuple(path)


def _problem_from_error(model: type[BaseModel], doc: SourceDoc, err: dict) -> Problem:
    path = _data_path(doc.data, err["loc"])
    line = doc.line_of(path)
    etype = err["type"]
    if etype == "extra_forbidden":
        key = str(path[-1]) if path else "?"
        allowed = _allowed_keys(model, path[:-1])
        close = _close_matches(key, allowed)
        hint = f"did you mean '{close[0]}'?" if close else (f"allowed keys: {', '.join(sorted(allowed))}" if allowed else None)
        return Problem(doc.file, f"unknown key '{key}'", line=line, field=render_path(path), hint=hint)
    if etype == "missing":
        return Problem(doc.file, "required field is missing", line=line, field=render_path(path))
    msg = err["msg"]
    hint = None
    if "input" in err and etype not in ("model_type", "dict_type", "list_type"):
        shown = err["input"]
        if isinstance(shown, (str, int, float, bool)) or shown is None:
            text = repr(shown)
            if len(text) > 80:  # a 5 MB value is not worth echoing whole
                text = text[:70] + "…" + text[-1] + (f", {len(shown)} characters" if isinstance(shown, str) else "")
            msg += f" (got {text})"
        if etype == "string_type" and isinstance(shown, (int, float, bool)):
            hint = "put the value in quotes to keep it as text: YAML reads 3.10 as the number 3.1"
        if etype == "string_pattern_mismatch" and "A-Za-z0-9" in str((err.get("ctx") or {}).get("pattern", "")):
            hint = "ids use ASCII letters, digits, '-', '_' and '.', starting with a letter or digit; put the Japanese name in `name`"
    return Problem(doc.file, msg, line=line, field=render_path(path), hint=hint)


def _close_matches(word: str, candidates: list[str]) -> list[str]:
    """difflib's did-you-mean, for names of a sensible length (it indexes every character of the
    word: a 5 MB value would cost hundreds of megabytes for a suggestion nobody needs)."""
    return difflib.get_close_matches(word, candidates, n=1, cutoff=0.6) if len(word) <= 200 else []


def _unwrap(annotation):
    """Yield the BaseModel classes an annotation can hold (through Optional, list, Annotated)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from _unwrap(typing.get_args(annotation)[0])
    elif origin in (typing.Union, types.UnionType, list, tuple, set, dict):
        for arg in typing.get_args(annotation):
            yield from _unwrap(arg)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation


def _allowed_keys(model: type[BaseModel], path: tuple) -> list[str]:
    current = [model]
    for part in path:
        if isinstance(part, int):
            continue
        nxt = []
        for m in current:
            for name, f in m.model_fields.items():
                if part in (name, f.alias):
                    nxt.extend(_unwrap(f.annotation))
        current = nxt
    keys: list[str] = []
    for m in current:
        keys.extend(f.alias or name for name, f in m.model_fields.items())
    return keys


# --- cross references ------------------------------------------------------------


def _check_references(service: ServiceInput, scheme: str, problems: list[Problem]) -> None:
    decl = service.declaration
    ddoc = service.declaration_doc

    def dup_ids(items, list_name, doc):
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            if item.id in seen:
                problems.append(
                    Problem(
                        doc.file,
                        f"duplicate id '{item.id}' (also {list_name}[{seen[item.id]}])",
                        line=doc.line_of((list_name, i, "id")),
                        field=f"{list_name}[{i}].id",
                    )
                )
            seen.setdefault(item.id, i)

    dup_ids(decl.providers, "providers", ddoc)
    dup_ids(decl.components, "components", ddoc)
    dup_ids(decl.connections, "connections", ddoc)
    dup_ids(decl.ai_models, "ai_models", ddoc)
    dup_ids(decl.use_cases, "use_cases", ddoc)
    dup_ids(decl.exceptions, "exceptions", ddoc)
    providers = {p.id for p in decl.providers}
    components = {c.id for c in decl.components}
    exception_ids = {e.id for e in decl.exceptions}

    def ref(doc, path, value, known, what):
        if value is not None and value not in known:
            close = _close_matches(value, sorted(known))
            problems.append(
                Problem(
                    doc.file,
                    f"'{value}' is not a declared {what}",
                    line=doc.line_of(path),
                    field=render_path(path),
                    hint=f"did you mean '{close[0]}'?" if close else f"declare it under {what}s",
                )
            )

    for i, c in enumerate(decl.components):
        ref(ddoc, ("components", i, "provider"), c.provider, providers, "provider")
    for i, conn in enumerate(decl.connections):
        ref(ddoc, ("connections", i, "from", "component"), conn.from_.component, components, "component")
        ref(ddoc, ("connections", i, "to", "component"), conn.to.component, components, "component")
    for i, m in enumerate(decl.ai_models):
        ref(ddoc, ("ai_models", i, "component"), m.component, components, "component")
        ref(ddoc, ("ai_models", i, "provider"), m.provider, providers, "provider")
    allowed = classification.allowed(scheme)
    for i, m in enumerate(decl.ai_models):
        if m.approved_max_confidentiality is not None and m.approved_max_confidentiality not in allowed:
            problems.append(
                Problem(
                    ddoc.file,
                    f"confidentiality '{m.approved_max_confidentiality}' is not a class of the '{scheme}' scheme",
                    line=ddoc.line_of(("ai_models", i, "approved_max_confidentiality")),
                    field=f"ai_models[{i}].approved_max_confidentiality",
                    hint=f"use one of {', '.join(allowed)}",
                )
            )
    asset_ids: dict[str, tuple[SourceDoc, int]] = {}
    flow_ids: dict[str, str] = {}
    for doc, manifest in service.manifests:
        for i, a in enumerate(manifest.assets):
            if a.id in asset_ids:
                problems.append(
                    Problem(doc.file, f"duplicate asset id '{a.id}'", line=doc.line_of(("assets", i, "id")), field=f"assets[{i}].id")
                )
            asset_ids.setdefault(a.id, (doc, i))
            if a.confidentiality not in allowed:
                problems.append(
                    Problem(
                        doc.file,
                        f"confidentiality '{a.confidentiality}' is not a class of the '{scheme}' scheme",
                        line=doc.line_of(("assets", i, "confidentiality")),
                        field=f"assets[{i}].confidentiality",
                        hint=f"use one of {', '.join(allowed)}; a municipality on another scheme sets confidentiality_scheme "
                        f"({' or '.join(classification.SCHEMES)}) in --policy-data",
                    )
                )
    for i, asset_id in enumerate(decl.customization.fine_tuning_assets):
        ref(ddoc, ("customization", "fine_tuning_assets", i), asset_id, set(asset_ids), "asset")
    for doc, manifest in service.manifests:
        for i, f in enumerate(manifest.flows):
            if f.id in flow_ids:
                problems.append(
                    Problem(doc.file, f"duplicate flow id '{f.id}' (also in {flow_ids[f.id]})", line=doc.line_of(("flows", i, "id")), field=f"flows[{i}].id")
                )
            flow_ids.setdefault(f.id, doc.file)
            ref(doc, ("flows", i, "asset"), f.asset, set(asset_ids), "asset")
            ref(doc, ("flows", i, "from", "component"), f.from_.component, components, "component")
            ref(doc, ("flows", i, "to", "component"), f.to.component, components, "component")
            ref(doc, ("flows", i, "exception_id"), f.exception_id, exception_ids, "exception")
            if f.to.segment is not None and f.from_.segment is not None:
                problems.append(
                    Problem(
                        doc.file,
                        "a flow between two municipal segments is outside this service; name a component on one side",
                        line=doc.line_of(("flows", i)),
                        field=f"flows[{i}]",
                    )
                )
