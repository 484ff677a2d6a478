"""Who may open a project, and how: a missing file is never made on the side (``schouw
new`` makes one), reads never wait for a writer, writes wait their turn for a while (exit 3
when it does not come), and a project on a read-only medium can still be read.

Real processes throughout: the CLI as a user runs it, a second process holding the
project the way the app does."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest
from conftest import run_cli

from schouw.services.rounds import create_round
from schouw.services.streets import import_streets
from schouw.store import create_project, open_project


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def walk(tmp_path):
    """A closed project with a buurt of one street and a round; returns (db, round id)."""
    db = tmp_path / "wijkschouw.schouw"
    streets = tmp_path / "straten.csv"
    streets.write_text("straatnaam;woonplaats\nMerelstraat;Utrecht\n", encoding="utf-8")
    with create_project(db) as project:
        import_streets(project, streets, buurt="Vogelbuurt")
        round_ = create_round(project, buurt="Vogelbuurt", wijk=None, form_id="crow-beeldkwaliteit",
                              when="2026-11-20", title="")
    return db, round_.id


def add_args(db, round_id: str) -> list[str]:
    return ["--db", str(db), "finding", "add", "--round", round_id, "--street", "Merelstraat",
            "--item", "asfalt.onkruid", "--level", "B"]


def holder(db, seconds: float | None = None) -> subprocess.Popen:
    """Another process with the project open for writing, as the app has it: it holds the
    lock until told to stop on stdin (or for ``seconds``)."""
    wait = f"time.sleep({seconds!r})" if seconds else "sys.stdin.readline()"
    code = textwrap.dedent(f"""
        import sys, time
        from schouw.store import open_project
        p = open_project({str(db)!r})
        print("open", flush=True)
        {wait}
        p.close()
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "open"
    return proc


# -- 4: a missing project is an error, `schouw new` makes one -----------------------------
def test_a_typo_in_db_creates_nothing_and_names_the_nearest_project(walk, tmp_path):
    db, _ = walk
    typo = tmp_path / "wijkschow.schouw"
    for command in (["streets", "import", str(tmp_path / "straten.csv"), "--buurt", "Vogelbuurt"],
                    ["rounds", "list"], ["check"]):
        result = run_cli("--db", str(typo), *command)
        assert result.returncode == 2, result.stdout + result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and str(typo) in lines[0] and f"Bedoelt u {db}?" in lines[0], lines
    assert not typo.exists() and not typo.with_name(typo.name + ".lock").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".lock") == ["straten.csv", "wijkschouw.schouw"]


def test_missing_project_in_a_folder_without_projects(tmp_path):
    result = run_cli("--db", str(tmp_path / "leeg" / "p.schouw"), "--lang", "en", "rounds", "list")
    assert result.returncode == 2
    assert result.stderr.strip() == f"Project file {tmp_path / 'leeg' / 'p.schouw'} does not exist."


def test_new_makes_an_empty_project_once(tmp_path):
    db = tmp_path / "map" / "nieuw.schouw"
    made = run_cli("--json", "new", str(db), "--name", "Wijkschouw Noord", "--gemeente", "Utrecht", check=True)
    data = json.loads(made.stdout)
    assert data["file"] == str(db) and data["name"] == "Wijkschouw Noord" and len(data["project_id"]) == 36
    with open_project(db) as project:
        assert project.meta("municipality") == "Utrecht" and project.rounds.list() == []
    before = digest(db)
    again = run_cli("new", str(db))
    assert again.returncode == 2 and again.stderr.strip().count("\n") == 0 and "bestaat al" in again.stderr
    assert digest(db) == before
    # without FILE, `new` makes the project --db names
    other = tmp_path / "via-db.schouw"
    assert "Nieuw project gemaakt" in run_cli("--db", str(other), "new", check=True).stdout
    assert run_cli("--db", str(other), "rounds", "list", check=True).stdout.strip() == "Nog geen rondes."


# -- 16: reads never wait for the app -------------------------------------------------------
def test_reads_while_another_process_has_the_project_open(walk, tmp_path):
    db, round_id = walk
    app = holder(db)
    try:
        for command in (["check"], ["rounds", "list"], ["findings", "list", "--round", round_id],
                        ["conflicts", "list"], ["streets", "list", "--buurt", "Vogelbuurt"],
                        ["export", round_id, "--out", str(tmp_path / "p.zip")]):
            result = run_cli("--db", str(db), *command)
            assert result.returncode == 0, (command, result.stderr)
            assert result.stderr == ""
    finally:
        app.communicate("\n", timeout=30)


# -- 23: writes wait their turn -------------------------------------------------------------
def test_two_processes_adding_findings_at_once_all_succeed(walk):
    """Two loops of `finding add`, in two processes, at the same time: none is refused."""
    db, round_id = walk
    loop = textwrap.dedent(f"""
        import sys
        from schouw.cli import main
        codes = [main({add_args(db, round_id)!r} + ["--text", f"{{sys.argv[1]}}-{{i}}"]) for i in range(20)]
        sys.exit(max(codes))
    """)
    procs = [subprocess.Popen([sys.executable, "-c", loop, name], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True) for name in ("a", "b")]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    for p in procs:
        p.stderr.close()
    assert [code for code, _ in results] == [0, 0], results
    rows = json.loads(run_cli("--db", str(db), "--json", "findings", "list", "--round", round_id, check=True).stdout)
    assert sorted(r["text"] for r in rows) == sorted(f"{n}-{i}" for n in "ab" for i in range(20))


def test_a_write_waits_for_the_app_to_let_go(walk):
    db, round_id = walk
    app = holder(db, seconds=2.0)
    try:
        result = run_cli(*add_args(db, round_id))
    finally:
        app.wait(timeout=30)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Wacht op {db}"), lines


def test_a_write_gives_up_with_exit_3_when_the_lock_stays_taken(walk):
    db, round_id = walk
    app = holder(db)
    before = digest(db)
    try:
        quick = run_cli(*add_args(db, round_id), env={"SCHOUW_LOCK_TIMEOUT": "0.2"})
        assert quick.returncode == 3
        assert quick.stderr.strip().count("\n") == 0 and "probeer het later opnieuw" in quick.stderr
        slow = run_cli("--lang", "en", *add_args(db, round_id), env={"SCHOUW_LOCK_TIMEOUT": "1.5"})
        assert slow.returncode == 3
        waiting, busy = slow.stderr.strip().splitlines()
        assert waiting.startswith(f"Waiting for {db}") and busy.endswith("try again later.")
        bad = run_cli(*add_args(db, round_id), env={"SCHOUW_LOCK_TIMEOUT": "lang"})
        assert bad.returncode == 2 and "SCHOUW_LOCK_TIMEOUT" in bad.stderr
    finally:
        app.communicate("\n", timeout=30)
    assert digest(db) == before


# -- 25: a project on a read-only medium ----------------------------------------------------
@contextlib.contextmanager
def read_only(*paths):
    """Make ``paths`` truly read-only, also for root (tests run as root, where file modes
    do not stop writes): ``chattr +i`` where the file system has it, ``chmod`` otherwise."""
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        if chattr is None or subprocess.run([chattr, "+i", *map(str, paths)], capture_output=True).returncode:
            pytest.skip("running as root without chattr +i on this file system: cannot make a read-only medium")
        try:
            yield
        finally:
            subprocess.run([chattr, "-i", *map(str, paths)], check=True)
        return
    modes = {p: p.stat().st_mode for p in paths}
    for p in paths:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        yield
    finally:
        for p, mode in modes.items():
            p.chmod(mode)


@pytest.mark.parametrize("lock_file", ["absent", "present"])
def test_a_project_on_a_read_only_medium_can_be_read_not_written(walk, tmp_path, lock_file):
    db, round_id = walk
    lock = db.with_name(db.name + ".lock")
    if lock_file == "absent":
        lock.unlink(missing_ok=True)
    else:
        lock.touch()
    before = digest(db)
    out = tmp_path.parent / f"{tmp_path.name}-uit"
    out.mkdir()
    with read_only(*(p for p in (db, lock) if p.exists()), db.parent):
        notice = f"Let op: {db} staat op een alleen-lezen medium en is alleen-lezen geopend."
        for command in (["check"], ["rounds", "list"], ["findings", "list", "--round", round_id],
                        ["export", round_id, "--out", str(out / "p.zip")]):
            result = run_cli("--db", str(db), *command)
            assert result.returncode == 0, (command, result.stderr)
            assert result.stderr.strip() == notice
        write = run_cli(*add_args(db, round_id))
        assert write.returncode == 2 and write.stderr.strip().count("\n") == 0
        assert "kan niet worden geschreven" in write.stderr
    assert digest(db) == before
    shutil.rmtree(out)
