from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SERVICES = ROOT / "fixtures" / "services"
AS_OF = dt.date(2026, 11, 25)


def service_dirs() -> list[Path]:
    return sorted(p for p in SERVICES.iterdir() if (p / "lgai.yaml").is_file())


def run_lgai(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real `lgai` command in a subprocess (what a user runs)."""
    lgai = Path(sys.executable).parent / "lgai"
    cmd = [str(lgai)] if lgai.exists() else [sys.executable, str(ROOT / "cli.py")]
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run(cmd + list(args), capture_output=True, text=True, cwd=cwd, env=full_env, timeout=120)


@pytest.fixture
def ocr_copy(tmp_path) -> Path:
    """A writable copy of the compliant example service."""
    dst = tmp_path / "svc"
    shutil.copytree(SERVICES / "ai-ocr-lgwan-asp", dst)
    (dst / "expected.yaml").unlink(missing_ok=True)
    return dst
