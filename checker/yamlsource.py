"""Safe YAML loading that remembers where every value came from.

PyYAML's safe composer builds a node tree with source marks; we convert it to
plain Python values ourselves so that we can
- record the line of every mapping key and sequence item (for evidence and errors),
- reject duplicate keys (a later key must never silently hide an earlier one),
- bound the work done on hostile input (alias bombs, very deep nesting).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError

try:  # libyaml is much faster on large manifests
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python fallback
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_NODES = 2_000_000
MAX_ALIAS_REUSE = 1_000  # one anchored collection expanded more often than this: refuse
MAX_DEPTH = 64

Path_ = tuple  # a path into a document: ("components", 0, "region")


def render_path(path: Path_) -> str:
    """("components", 0, "region") -> "components[0].region"."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass
class SourceDoc:
    """A loaded YAML document with its line map."""

    file: str  # path as shown to the user
    data: Any
    lines: dict[Path_, int]
    sha256: str = ""

    def line_of(self, path: Path_) -> int | None:
        """Line of the closest ancestor of `path` that we know."""
        path = tuple(path)
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


_scalar_constructor = yaml.constructor.SafeConstructor()


def _read_text(path: Path, shown: str) -> tuple[str, str]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError.single(shown, f"cannot read file: {exc.strerror}") from None
    if size > MAX_FILE_BYTES:
        raise InputError.single(
            shown,
            f"file is {size} bytes, larger than the limit of {MAX_FILE_BYTES} bytes",
            hint="split the manifest into several files under dataflows/",
        )
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if b"\x00" in raw:
        raise InputError.single(shown, "file is binary (contains NUL bytes), not YAML")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), digest
    except UnicodeDecodeError as exc:
        hint = "save it as UTF-8"
        try:
            raw.decode("shift_jis")
            hint = "it looks like Shift_JIS; convert it with `iconv -f SHIFT_JIS -t UTF-8`"
        except UnicodeDecodeError:
            pass
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError.single(shown, "file is not valid UTF-8", line=line, hint=hint) from None


def load_yaml(path: Path, shown: str | None = None) -> SourceDoc:
    """Load one YAML document from `path`; raise InputError on anything wrong."""
    shown = shown or str(path)
    text, digest = _read_text(path, shown)
    doc = parse_yaml(text, shown)
    doc.sha256 = digest
    return doc


def parse_yaml(text: str, shown: str) -> SourceDoc:
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        msg = exc.problem or str(exc)
        if exc.context:
            msg = f"{exc.context}, {msg}"
        raise InputError.single(shown, f"malformed YAML: {msg}", line=line) from None
    except yaml.YAMLError as exc:
        raise InputError.single(shown, f"malformed YAML: {exc}") from None
    if len(nodes) > 1:
        raise InputError.single(
            shown, "file holds several YAML documents ('---'); lgai expects one", line=nodes[1].start_mark.line + 1
        )
    lines: dict[Path_, int] = {}
    if not nodes or nodes[0] is None:
        return SourceDoc(shown, None, lines)
    builder = _Builder(shown, lines)
    data = builder.build(nodes[0], (), 0)
    return SourceDoc(shown, data, lines)


class _Builder:
    def __init__(self, shown: str, lines: dict[Path_, int]):
        self.shown = shown
        self.lines = lines
        self.count = 0
        self.reuse: dict[int, int] = {}

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise InputError.single(
                self.shown,
                f"document expands to more than {MAX_NODES} values (YAML alias bomb?)",
                line=node.start_mark.line + 1,
            )
        if depth > MAX_DEPTH:
            raise InputError.single(
                self.shown, f"document is nested deeper than {MAX_DEPTH} levels", line=node.start_mark.line + 1
            )
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            seen = self.reuse[id(node)] = self.reuse.get(id(node), 0) + 1
            if seen > MAX_ALIAS_REUSE:
                raise InputError.single(
                    self.shown,
                    f"an anchored value is expanded more than {MAX_ALIAS_REUSE} times (YAML alias bomb?)",
                    line=node.start_mark.line + 1,
                )
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            key_lines: dict[str, int] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise InputError.single(
                        self.shown, "YAML merge keys ('<<') are not supported", line=key_node.start_mark.line + 1
                    )
                key = None
                if isinstance(key_node, yaml.ScalarNode):
                    key = _scalar_constructor.construct_object(key_node, deep=False)
                if not isinstance(key, (str, int, float, bool, _dt.date)):
                    raise InputError.single(
                        self.shown, "mapping keys must be plain scalars", line=key_node.start_mark.line + 1
                    )
                key = str(key)
                kline = key_node.start_mark.line + 1
                if key in out:
                    raise InputError.single(
                        self.shown,
                        f"duplicate key '{key}' (first at line {key_lines[key]})",
                        line=kline,
                        field=render_path(path + (key,)),
                        hint="a later key would silently hide the earlier one; keep one",
                    )
                key_lines[key] = kline
                self.lines[path + (key,)] = kline
                out[key] = self.build(value_node, path + (key,), depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                self.lines[path + (i,)] = item.start_mark.line + 1
                items.append(self.build(item, path + (i,), depth + 1))
            return items
        value = _scalar_constructor.construct_object(node, deep=False)
        if isinstance(value, _dt.datetime):
            return value.isoformat()
        if isinstance(value, _dt.date):
            return value.isoformat()
        if isinstance(value, bytes):
            raise InputError.single(self.shown, "binary YAML values are not supported", line=node.start_mark.line + 1)
        return value
