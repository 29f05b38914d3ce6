"""Rego engines behind one small interface.

- `regorus` (default): in-process, from the `gordon-to-regorus` wheel.
- `opa-go`: OPA's own Go evaluator in-process, from `opa-golib-python-bindings`
  (the reference; used by the differential tests).
"""

from __future__ import annotations

from .base import Engine, EngineError, EngineUnavailable

ENGINES = ("regorus", "opa-go")


def make_engine(name: str) -> Engine:
    if name == "regorus":
        from .regorus_engine import RegorusEngine

        return RegorusEngine()
    if name == "opa-go":
        from .opa_go_engine import OpaGoEngine

        return OpaGoEngine()
    raise EngineUnavailable(f"unknown engine '{name}' (choose from {', '.join(ENGINES)})")


__all__ = ["ENGINES", "Engine", "EngineError", "EngineUnavailable", "make_engine"]
