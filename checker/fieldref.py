"""Field reference of the input files, generated from the pydantic models (docs/input-reference.md)."""

from __future__ import annotations

import typing

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from .dataflow import DataflowManifest
from .declaration import Declaration
from .iac.model import IacResource
from .load import _unwrap

ROOTS = {"lgai.yaml": Declaration, "dataflows.yaml": DataflowManifest, "iac.resources[]": IacResource}

# Fields the normaliser derives for rules; they are not written by users (docs/writing-rules.md).
DERIVED = {
    "components[].received",
    "assets[].conf_rank",
    "assets[].personal_rank",
    "assets[].avail_rank",
    "flows[].avail_rank",
    "flows[].conf_rank",
    "flows[].personal",
    "flows[].personal_rank",
    "flows[].from_hosting",
    "flows[].to_hosting",
    "profile.models",
    "profile.selected",
    "profile.declared_models",
    "iac.present",
    "iac.clouds",
    "iac.sources",
    "scope",
}


def _type_name(annotation) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin is typing.Literal:
        return " / ".join(f"`{a}`" for a in args)
    if origin in (list,):
        return f"list of {_type_name(args[0])}"
    if origin in (dict,):
        return "mapping"
    if origin in (typing.Union, __import__("types").UnionType):
        parts = [a for a in args if a is not type(None)]
        return " or ".join(_type_name(a) for a in parts)
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
        return {"str": "text", "int": "integer", "bool": "true/false", "float": "number", "date": "date (YYYY-MM-DD)"}.get(
            annotation.__name__, annotation.__name__
        )
    return str(annotation)


def field_paths() -> set[str]:
    """Every field path a user can write, e.g. components[].encryption.at_rest."""
    out: set[str] = set()

    def walk(model, prefix):
        for name, f in model.model_fields.items():
            key = f.alias or name
            path = f"{prefix}{key}"
            out.add(path)
            is_list = typing.get_origin(f.annotation) is list or any(
                typing.get_origin(a) is list for a in typing.get_args(f.annotation)
            )
            for sub in _unwrap(f.annotation):
                walk(sub, path + ("[]." if is_list else "."))

    walk(Declaration, "")
    walk(DataflowManifest, "")
    walk(IacResource, "iac.resources[].")  # extracted from IaC, not written by users (docs/iac.md)
    return out


def reference_markdown() -> str:
    out = [
        "# Input field reference",
        "",
        "Generated from the schema models (`python -m checker.fieldref > docs/input-reference.md`); do not edit by hand.",
        "Every key not listed here is an error. Descriptions are Japanese first, as an editor shows them.",
        "",
    ]
    seen: set[type] = set()
    queue: list[tuple[str, type[BaseModel]]] = list(ROOTS.items())
    while queue:
        title, model = queue.pop(0)
        if model in seen:
            continue
        seen.add(model)
        out.append(f"## {model.__name__}")
        out.append("")
        if title == "iac.resources[]":
            out.append("Facts lgai extracts from each IaC resource (`input.iac.resources[]`; not written by users, see docs/iac.md).")
            out.append("")
        elif title in ROOTS:
            out.append(f"The top level of `{title}`.")
            out.append("")
        out.append("| key | type | required | default | description |")
        out.append("|---|---|---|---|---|")
        for name, f in model.model_fields.items():
            key = f.alias or name
            required = "yes" if f.is_required() else ""
            default = ""
            if not f.is_required() and f.default is not PydanticUndefined and f.default is not None:
                default = f"`{f.default}`"
            desc = (f.description or "").replace("|", "\\|")
            out.append(f"| `{key}` | {_type_name(f.annotation)} | {required} | {default} | {desc} |")
            for sub in _unwrap(f.annotation):
                queue.append((sub.__name__, sub))
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(reference_markdown(), end="")
