"""Shared fixtures. Qt runs offscreen; every test gets its own data folder, so device
ids, backups and logs never leak between tests or into the user's real folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "testdata"


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory, monkeypatch) -> Path:
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("SCHOUW_DATA_DIR", str(folder))
    from schouw import messages

    messages.set_language("nl")
    return folder


@pytest.fixture
def shared_testdata() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared/testdata is not present")
    return SHARED


@pytest.fixture
def project(tmp_path):
    from schouw.store import create_project

    proj = create_project(tmp_path / "test.schouw", name="Test", municipality="Gemeente Test")
    yield proj
    proj.close()


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory) -> Path:
    """The demo project, built once per session; tests copy it."""
    folder = tmp_path_factory.mktemp("demo")
    os.environ.setdefault("SCHOUW_DATA_DIR", str(folder / "data"))
    from schouw.services.demo import build_demo

    path = folder / "demo.schouw"
    build_demo(path, photos=24)
    return path


@pytest.fixture
def demo_path(demo_master, tmp_path) -> Path:
    target = tmp_path / "demo.schouw"
    shutil.copyfile(demo_master, target)
    return target


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    """``schouw ARGS`` in this process (fast, and a failure shows its traceback): the exit
    code, stdout and stderr."""
    from schouw import cli

    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def kill_at_fault(command: list[str], fault: str, folder: Path, **popen) -> None:
    """Run ``command`` with ``SCHOUW_FAULT=fault``: it stalls at that fault point (see
    ``Project.fault_point``), and is killed there with SIGKILL, as a power cut or a
    crash would end it mid-write."""
    import signal
    import time

    marker = folder / f"marker-{fault}"
    env = dict(os.environ, SCHOUW_FAULT=fault, SCHOUW_FAULT_MARKER=str(marker))
    proc = subprocess.Popen(command, env=env, **popen)
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert proc.poll() is None, "the command ended before reaching the fault point"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    marker.unlink()


def run_cli(*args: str, env: dict | None = None, check: bool = False) -> subprocess.CompletedProcess:
    """Run `python -m schouw` in a real subprocess, as a user would."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    result = subprocess.run([sys.executable, "-m", "schouw", *args], capture_output=True, text=True,
                            env=full_env, timeout=120)
    if check and result.returncode != 0:
        raise AssertionError(f"schouw {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers", "postgis: needs a throw-away PostgreSQL + PostGIS server (tests/pg_server.py)")


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL + PostGIS cluster for the whole session, stopped at the end.

    Locally the postgis tests skip with the one-line reason when no server can be started;
    with CI=true that skip is a failure, so CI never passes without running them."""
    from tests.pg_server import ServerUnavailable, start_server

    try:
        server = start_server()
    except ServerUnavailable as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PostgreSQL + PostGIS is required in CI: {exc}")
        pytest.skip(f"no PostgreSQL + PostGIS server: {exc}")
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server) -> str:
    """The URL of the session's PostGIS test database."""
    return pg_server.url
