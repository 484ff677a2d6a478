"""The installation's device id: made once, the same for processes that start together."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT


def test_processes_starting_together_on_a_fresh_installation_share_one_id(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SCHOUW_DATA_DIR": str(tmp_path / "data")}
    (tmp_path / "data").mkdir()
    code = "from schouw import settings; print(settings.device_id())"
    procs = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(6)]
    results = [(p.wait(timeout=60), p.stdout.read().strip(), p.stderr.read()) for p in procs]
    assert all(rc == 0 for rc, _, _ in results), results
    ids = {out for _, out, _ in results}
    assert len(ids) == 1 and (tmp_path / "data" / "device-id").read_text().strip() in ids
    assert [p.name for p in (tmp_path / "data").iterdir()] == ["device-id"]  # no temporary file left
