"""Rego engines behind one small interface.

- `regorus` (default): in-process, from the `gordon-to-regorus` wheel.
- `opa-go`: OPA's own Go evaluator in-process, from `opa-golib-python-bindings`
  (the reference; used by the differential tests).
- `opa`: a remote OPA server over its REST API, through `opa-python-client`
  (engines/opa_remote.py; docs/opa.md).
"""

from __future__ import annotations

from .base import Engine, EngineError, EngineUnavailable

ENGINES = ("regorus", "opa-go", "opa")


def make_engine(name: str, opa=None) -> Engine:
    """`opa`: checker.engines.opa_remote.OpaSettings, required for the `opa` engine."""
    if name == "regorus":
        from .regorus_engine import RegorusEngine

        return RegorusEngine()
    if name == "opa-go":
        from .opa_go_engine import OpaGoEngine

        return OpaGoEngine()
    if name == "opa":
        from .opa_remote import OpaRemoteEngine

        if opa is None or not opa.url:
            raise EngineUnavailable("the opa engine needs --opa-url (the OPA server's address)")
        return OpaRemoteEngine(opa)
    raise EngineUnavailable(f"unknown engine '{name}' (choose from {', '.join(ENGINES)})")


__all__ = ["ENGINES", "Engine", "EngineError", "EngineUnavailable", "make_engine"]
