"""JSON Schemas of lgai's files, exported from the pydantic models (docs/schema/)."""

from __future__ import annotations

import json

from .dataflow import DataflowManifest
from .declaration import Declaration
from .iac.model import IacResource
from .report import Report

SCHEMAS = {
    "lgai": (Declaration, "lgai.yaml — declared architecture of a cloud AI service"),
    "dataflows": (DataflowManifest, "dataflows.yaml — data-flow manifest"),
    "report": (Report, "lgai JSON report"),
    "iac-resource": (IacResource, "normalised facts of one IaC resource (input.iac.resources[])"),
}


def schema_json(name: str) -> str:
    model, title = SCHEMAS[name]
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://lgai.example/schema/{name}.schema.json"
    schema["title"] = title
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
