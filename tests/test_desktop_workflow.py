"""The Windows and macOS builds cannot run here, so their workflow is read instead: it
must build with the same script as the Linux bundle that .ci/run smoke-tests, and the
Windows installer must be per user, with a Start menu entry, the .schouw association
and an uninstaller."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "desktop.yml"
INNO = ROOT / "installer" / "windows" / "schouw.iss"


def steps(job: dict) -> list[str]:
    return [step.get("run", "") for step in job["steps"]]


def test_each_desktop_job_builds_with_the_linux_build_script():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    assert {"windows", "macos"} <= set(jobs)
    assert jobs["windows"]["runs-on"].startswith("windows")
    assert jobs["macos"]["runs-on"].startswith("macos")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m schouw.build" in ci  # the Linux bundle is built by the same command
    for name in ("windows", "macos"):
        runs = steps(jobs[name])
        assert any('pip install -e ".[build]"' in run for run in runs), name
        assert any(re.search(r"python -m schouw\.build\b", run) for run in runs), name
        assert jobs[name]["timeout-minutes"] <= 60
    windows = "\n".join(steps(jobs["windows"]))
    assert "ISCC.exe" in windows and "installer\\windows\\schouw.iss" in windows
    assert "hdiutil create" in "\n".join(steps(jobs["macos"]))
    # the build script's module really exists and is the one the jobs call
    from schouw import build

    assert build.main.__module__ == "schouw.build"


def test_the_windows_installer_is_per_user_with_menu_association_and_uninstaller():
    text = INNO.read_text(encoding="utf-8")
    assert re.search(r"^PrivilegesRequired=lowest$", text, re.MULTILINE)  # no admin rights
    assert re.search(r"^Uninstallable=yes$", text, re.MULTILINE)
    assert re.search(r'^Name: "\{group\}\\Schouw"; Filename: "\{app\}\\schouw.exe"', text, re.MULTILINE)
    assert 'Subkey: "Software\\Classes\\.schouw\\OpenWithProgids"' in text
    # HKA = the current user's hive in a per-user install; never the machine's
    registry = [line for line in text.splitlines() if line.startswith("Root:")]
    assert registry and all(line.startswith("Root: HKA;") for line in registry)
    assert '"""{app}\\schouw.exe"" ""%1"""' in text  # the double-clicked file reaches `schouw FILE`


def test_the_windowed_launcher_survives_without_a_console(tmp_path):
    """A windowed bundle (Windows, macOS) starts with sys.stdout and sys.stderr None; the
    launcher must still run the CLI to a clean exit (it flushes stdout at the end)."""
    import os
    import subprocess
    import sys

    from schouw import build

    launcher = build.launcher(tmp_path)
    demo = tmp_path / "demo.schouw"
    code = ("import sys; sys.stdout = None; sys.stderr = None; "
            f"sys.argv = ['schouw', 'demo', {str(demo)!r}, '--photos', '1']; "
            f"exec(compile(open({str(launcher)!r}).read(), 'launcher', 'exec'))")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SCHOUW_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert demo.is_file()
    assert not (tmp_path / "data" / "logs" / "schouw.log").exists()  # no "unexpected error" logged
