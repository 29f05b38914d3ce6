"""Write a file whole or not at all: a temporary file in the same directory, then rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, data: str | bytes, encoding: str = "utf-8", mode: int | None = None) -> None:
    """Write `data` to `path` so that readers see the old file or the whole new one, never a part."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    raw = data.encode(encoding) if isinstance(data, str) else data
    if path.exists() and not path.is_file():
        # A device or pipe (-o /dev/null, -o /dev/stdout, a FIFO): write through it. Renaming a
        # temporary file over it would replace the device node itself.
        if path.is_dir():
            raise IsADirectoryError(21, "is a directory", str(path))
        with open(path, "wb") as fh:
            fh.write(raw)
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        os.chmod(tmp, _default_mode() if mode is None else mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
