"""A throw-away PostgreSQL + PostGIS cluster for the publish tests (#21).

Why a real server: publishing is SQL against PostGIS (geometry, ON CONFLICT, COPY), which no
fake reproduces. The cluster lives in a temp folder, listens only on 127.0.0.1 on a free port,
and is stopped at the end of the test session. PostgreSQL refuses to run as root, so when the
tests run as root the cluster is owned by a system user (``schouwci``, created when missing).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

PG_BIN_DIRS = ("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin")
SERVICE_USER = "schouwci"
DATABASE = "schouw"


class ServerUnavailable(RuntimeError):
    """No server could be started here; the message is the one-line reason to skip."""


@dataclass
class PgServer:
    """A running cluster: the folder it lives in, its port and how to stop it."""

    folder: Path
    port: int
    user: str
    bin_dir: Path

    @property
    def url(self) -> str:
        """The connection URL of the test database (trust auth on 127.0.0.1, no password)."""
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{DATABASE}"

    def stop(self) -> None:
        _run_as(self.user, [str(self.bin_dir / "pg_ctl"), "-D", str(self.folder / "data"),
                            "-m", "immediate", "-w", "stop"], check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def _bin_dir() -> Path:
    for name in PG_BIN_DIRS:
        if (Path(name) / "initdb").exists():
            return Path(name)
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise ServerUnavailable("PostgreSQL binaries (initdb) not found")


def _postgis_installed(bin_dir: Path) -> bool:
    """PostGIS is an extension of the server: its control file sits in the share folder."""
    share = subprocess.run([str(bin_dir / "pg_config"), "--sharedir"], capture_output=True,
                           text=True) if (bin_dir / "pg_config").exists() else None
    folders = [Path(share.stdout.strip())] if share and share.returncode == 0 else []
    folders.append(Path("/usr/share/postgresql") / bin_dir.parent.name)
    return any((f / "extension" / "postgis.control").exists() for f in folders)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _service_user() -> str:
    """The user that owns the cluster: ourselves, or ``schouwci`` when we are root."""
    if os.geteuid() != 0:
        return pwd.getpwuid(os.geteuid()).pw_name
    try:
        pwd.getpwnam(SERVICE_USER)
    except KeyError:
        done = subprocess.run(["useradd", "--system", "--no-create-home", SERVICE_USER],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise ServerUnavailable(
                f"cannot create user {SERVICE_USER}: {done.stderr.strip()}") from None
    return SERVICE_USER


def _run_as(user: str, command: list[str], check: bool = True) -> subprocess.CompletedProcess:
    if os.geteuid() == 0:
        command = ["runuser", "-u", user, "--", *command]
    done = subprocess.run(command, capture_output=True, text=True)
    if check and done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines() or ["no output"]
        name = Path(command[4] if command[0] == "runuser" else command[0]).name
        raise ServerUnavailable(f"{name} failed: {lines[-1]}")
    return done


def start_server(base: Path | None = None) -> PgServer:
    """Init a cluster in a new temp folder (under ``base`` if given), start it, create the database with PostGIS."""
    bin_dir = _bin_dir()
    if not _postgis_installed(bin_dir):
        raise ServerUnavailable("PostGIS is not installed (apt-get install postgresql-15-postgis-3)")
    user = _service_user()
    # a folder of its own directly in the temp dir: pytest keeps its own tmp root 0700, which
    # the service user could not pass through
    folder = Path(tempfile.mkdtemp(prefix="schouw-pg-", dir=base))
    if os.geteuid() == 0:
        owner = pwd.getpwnam(user)
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    data = folder / "data"
    _run_as(user, [str(bin_dir / "initdb"), "-D", str(data), "-U", user, "--auth=trust",
                   "-E", "UTF8", "--locale=C.UTF-8"])
    port = _free_port()
    options = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder}"
    _run_as(user, [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"),
                   "-o", options, "-w", "-t", "60", "start"])
    server = PgServer(folder=folder, port=port, user=user, bin_dir=bin_dir)
    try:
        psql = [str(bin_dir / "psql"), "-h", "127.0.0.1", "-p", str(port), "-U", user,
                "-v", "ON_ERROR_STOP=1", "-q"]
        _run_as(user, [*psql, "-d", "postgres", "-c", f"CREATE DATABASE {DATABASE}"])
        _run_as(user, [*psql, "-d", DATABASE, "-c", "CREATE EXTENSION postgis"])
    except ServerUnavailable:
        server.stop()
        raise
    return server
