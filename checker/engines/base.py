"""The engine interface: compile a set of Rego modules with data once, evaluate many inputs."""

from __future__ import annotations

import json
from abc import ABC, abstractmethod

RULES_ROOT = "lgai.rules"


class EngineError(Exception):
    """The engine could not compile or evaluate."""


class EngineUnavailable(EngineError):
    """The engine's package is not installed."""


class Engine(ABC):
    name: str = ""
    version: str = ""

    @abstractmethod
    def prepare(self, modules: dict[str, str], data: dict) -> None:
        """Compile the modules with `data` (as `data`); called once per run."""

    @abstractmethod
    def eval_document(self, path: str, input_doc: dict):
        """Value of `data.<path>` for this input; None when undefined."""

    def evaluate_rules(self, input_doc: dict, packages: list[str]) -> dict[str, dict | EngineError]:
        """Outputs of every rule package: {package: {deny, undetermined, not_applicable}}.

        One query for the whole tree; when it fails, each package is evaluated alone so
        a broken rule is reported as an error while the others still give answers.
        """
        try:
            tree = self.eval_document(RULES_ROOT, input_doc) or {}
            return {p: _outputs(tree.get(p) or {}) for p in packages}
        except EngineError:
            pass
        out: dict[str, dict | EngineError] = {}
        for p in packages:
            try:
                out[p] = _outputs(self.eval_document(f"{RULES_ROOT}.{p}", input_doc) or {})
            except EngineError as exc:
                out[p] = exc
        return out


def _outputs(doc: dict) -> dict:
    return {
        key: sorted(doc.get(key) or [], key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        for key in ("deny", "undetermined", "not_applicable")
    }
