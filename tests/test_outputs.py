"""`--format` repeated with `-o` per format, `--output-dir`, and the usage errors between them."""

from __future__ import annotations

import json

import pytest

from checker.outputs import OutputUsageError, plan_outputs
from conftest import SERVICES, run_lgai

NURSERY = SERVICES / "nursery-matching-mynumber"
AS_OF = ("--as-of", "2026-11-25")


def test_one_output_per_format_in_order(tmp_path):
    j, m = tmp_path / "r.json", tmp_path / "r.md"
    proc = run_lgai("check", str(NURSERY), "--format", "json", "-o", str(j), "--format", "markdown", "-o", str(m), *AS_OF)
    assert proc.returncode == 1, proc.stderr  # the nursery service has a critical failure
    assert json.loads(j.read_text(encoding="utf-8"))["verdict"] == "non_compliant"
    assert m.read_text(encoding="utf-8").startswith("## ")
    assert proc.stdout == ""


def test_output_dir_writes_every_format_named_after_the_service(tmp_path):
    out = tmp_path / "reports"
    proc = run_lgai("check", str(NURSERY), str(SERVICES / "speech-minutes-us"), "--format", "json", "--format", "text", "--output-dir", str(out), *AS_OF)
    assert proc.returncode == 1, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "nursery-matching-mynumber.lgai-report.json",
        "nursery-matching-mynumber.lgai-report.txt",
        "speech-minutes-us.lgai-report.json",
        "speech-minutes-us.lgai-report.txt",
    ]
    assert "\x1b[" not in (out / "speech-minutes-us.lgai-report.txt").read_text(encoding="utf-8"), "no colour codes in files"


@pytest.mark.parametrize(
    "args, message",
    [
        (("--format", "json", "--format", "markdown"), "-o per format"),
        (("--format", "json", "--format", "markdown", "-o", "a.json"), "one -o per --format"),
        (("--format", "json", "--format", "json", "-o", "a", "-o", "b"), "given twice"),
        (("--format", "json", "-o", "a.json", "--output-dir", "d"), "not both"),
        (("--format", "markdown", "--sign", __file__), "--sign signs the JSON report"),
    ],
)
def test_contradictory_destinations_are_usage_errors(tmp_path, args, message):
    proc = run_lgai("check", str(NURSERY), *args, *AS_OF, cwd=tmp_path)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert list(tmp_path.iterdir()) == [], "nothing is written"


def test_plan_defaults_to_text_on_stdout():
    [out] = plan_outputs([], [], None, 1)
    assert (out.fmt, out.path, out.directory) == ("text", None, False)
    with pytest.raises(OutputUsageError):
        plan_outputs(["json"], ["a.json"], None, 2)  # -o with several services


def test_writing_to_a_device_writes_through_it(tmp_path):
    """-o /dev/null must not replace the device node with a regular file (atomic rename)."""
    import os
    import stat

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    proc = run_lgai("check", str(NURSERY), "--format", "json", "-o", str(fifo), *AS_OF)
    reader.join(timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode), "the FIFO is still a FIFO"
    assert json.loads(got[0])["verdict"] == "non_compliant"
