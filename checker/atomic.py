"""Write a file whole or not at all: a temporary file in the same directory, then rename.

Readers see the previous file or the whole new one, never a part: the data goes to
`.<name>.XXXXXXXX.tmp` beside the target, is flushed and fsynced, then renamed over the target.
An exception (including KeyboardInterrupt on Ctrl-C) removes the temporary file. A process
killed outright (SIGKILL, the OOM killer, a power cut) cannot clean up, so it may leave its
temporary file behind; the target itself is still the old file or absent. Each later write to
the same target removes such leftovers once they are older than STALE_TEMP_SECONDS: no write in
progress leaves its temporary file untouched that long, so a concurrent writer's file is never
taken from under it. Only files of the exact `.<name>.XXXXXXXX.tmp` shape and owned by the
current user are removed.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

STALE_TEMP_SECONDS = 15 * 60
# mkstemp's random part: 8 characters from [a-z0-9_]
_TEMP_SUFFIX = re.compile(r"[a-z0-9_]{8}\.tmp")


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def remove_stale_temps(path: Path, older_than: float = STALE_TEMP_SECONDS) -> list[str]:
    """Remove temporary files a killed write to `path` left behind; the names removed."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    prefix = _temp_prefix(path)
    removed = []
    now = time.time()
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(prefix) or not _TEMP_SUFFIX.fullmatch(entry.name[len(prefix):]):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if not entry.is_file(follow_symlinks=False) or st.st_uid != os.getuid() or now - st.st_mtime < older_than:
                continue
            os.unlink(entry.path)
            removed.append(entry.name)
        except OSError:
            continue
    return removed


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
    remove_stale_temps(path)
    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=directory)
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
