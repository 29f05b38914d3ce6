"""In-process Rego through regorus (Rust), the default engine."""

from __future__ import annotations

import json
from importlib import metadata

from .base import Engine, EngineError, EngineUnavailable

DISTRIBUTION = "gordon-to-regorus"


class RegorusEngine(Engine):
    name = "regorus"
    per_package = True

    def __init__(self) -> None:
        try:
            import regorus
        except ImportError as exc:  # pragma: no cover - dependency of lgai
            raise EngineUnavailable(f"regorus is not installed ({DISTRIBUTION}): {exc}") from None
        self._regorus = regorus
        self.version = f"{DISTRIBUTION} {metadata.version(DISTRIBUTION)}"
        self._engine = None

    def prepare(self, modules: dict[str, str], data: dict) -> None:
        engine = self._regorus.Engine()
        try:
            for name, source in sorted(modules.items()):
                engine.add_policy(name, source)
            engine.add_data_json(json.dumps(data, ensure_ascii=False))
        except RuntimeError as exc:
            raise EngineError(_first_line(exc)) from None
        self._engine = engine

    def eval_document(self, path: str, input_doc: dict):
        if self._engine is None:
            raise EngineError("engine not prepared")
        try:
            self._engine.set_input_json(json.dumps(input_doc, ensure_ascii=False))
            result = json.loads(self._engine.eval_query_as_json(f"data.{path}"))
        except RuntimeError as exc:
            raise EngineError(_first_line(exc)) from None
        rows = result.get("result") or []
        if not rows:
            return None
        return rows[0]["expressions"][0]["value"]


    def eval_many(self, paths: list[str], input_doc: dict) -> list:
        """The input is converted once for all paths (it dominates the cost on large inputs)."""
        if self._engine is None:
            raise EngineError("engine not prepared")
        try:
            self._engine.set_input_json(json.dumps(input_doc, ensure_ascii=False))
        except RuntimeError as exc:
            raise EngineError(_first_line(exc)) from None
        out = []
        for path in paths:
            try:
                result = json.loads(self._engine.eval_query_as_json(f"data.{path}"))
            except RuntimeError as exc:
                out.append(EngineError(_first_line(exc)))
                continue
            rows = result.get("result") or []
            out.append(rows[0]["expressions"][0]["value"] if rows else None)
        return out


def _first_line(exc: Exception) -> str:
    """regorus appends a Rust backtrace to its messages; keep the message."""
    text = str(exc).split("\nStack backtrace:")[0].strip()
    return text or exc.__class__.__name__
