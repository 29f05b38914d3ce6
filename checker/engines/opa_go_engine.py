"""In-process Rego through OPA's own Go evaluator (opa-golib-python-bindings): the reference."""

from __future__ import annotations

from importlib import metadata

from .base import Engine, EngineError, EngineUnavailable

DISTRIBUTION = "opa-golib-python-bindings"


class OpaGoEngine(Engine):
    name = "opa-go"

    def __init__(self) -> None:
        try:
            from opa_bindings import OpaEngine, OpaError, OpaUndefinedError
        except (ImportError, OSError) as exc:
            raise EngineUnavailable(
                f"{DISTRIBUTION} is not installed: pip install --ignore-requires-python {DISTRIBUTION} ({exc})"
            ) from None
        self._cls, self._error, self._undefined = OpaEngine, OpaError, OpaUndefinedError
        self.version = f"{DISTRIBUTION} {metadata.version(DISTRIBUTION)}"
        self._engine = None

    def prepare(self, modules: dict[str, str], data: dict) -> None:
        engine = self._cls()
        try:
            for name, source in sorted(modules.items()):
                engine.add_policy(name, source)
            engine.add_data(data)
            engine.eval_document("lgai", {})  # compile now, not on the first service
        except self._undefined:
            pass
        except self._error as exc:
            raise EngineError(str(exc)) from None
        self._engine = engine

    def eval_document(self, path: str, input_doc: dict):
        if self._engine is None:
            raise EngineError("engine not prepared")
        try:
            return self._engine.eval_document(path, input_doc)
        except self._undefined:
            return None
        except self._error as exc:
            raise EngineError(str(exc)) from None
