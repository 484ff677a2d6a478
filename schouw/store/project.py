"""Opening, creating and migrating a project file (``.schouw``).

One SQLite file holds a whole schouw project. Opening it:

1. refuses what is not ours (``PRAGMA application_id``) and what is newer than this
   app (``PRAGMA user_version`` above :data:`CURRENT_VERSION`), without writing a byte;
2. takes an exclusive lock beside the file, so a second window or process is refused
   with a clear message instead of two writers racing (or waits for it a while: the CLI);
3. backs the file up (SQLite backup API) before any migration, and once a day while in
   use, into the user's data folder;
4. runs each pending migration in its own transaction.

A read-only opening (``readonly=True``) takes no lock at all: SQLite's own locking keeps a
WAL reader consistent while the app writes, so reading never waits for the app. On a
read-only medium, where SQLite cannot make the ``-shm`` file a WAL reader needs, the file
is opened as immutable (nobody can change it there anyway).
"""

from __future__ import annotations

import contextlib
import difflib
import glob
import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils
from filelock import FileLock, Timeout

from schouw import messages, settings
from schouw.domain.models import utc_now
from schouw.messages import SchouwError
from schouw.store.migrations import MIGRATIONS

#: "SCHW" as a 32-bit integer: marks a SQLite file as a schouw project.
APPLICATION_ID = 0x53434857
CURRENT_VERSION = len(MIGRATIONS)
SQLITE_HEADER = b"SQLite format 3\x00"
#: Keep this many backups per project in the backup folder.
KEEP_BACKUPS = 10


def _lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _fault_point(name: str) -> None:
    """Test hook: with SCHOUW_FAULT=name, write a marker file and stall here so a test
    can kill the process mid-write. Does nothing otherwise."""
    if os.environ.get("SCHOUW_FAULT") == name:
        marker = os.environ.get("SCHOUW_FAULT_MARKER")
        if marker:
            Path(marker).write_text(name, encoding="utf-8")
        time.sleep(60)


class Project:
    """An open project file. Use as a context manager or call :meth:`close`.

    ``readonly``: opened without the lock, for reading; every write is refused.
    ``readonly_medium``: the file could only be opened as immutable (a read-only medium).
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: FileLock | None, device_id: str,
                 *, readonly: bool = False, readonly_medium: bool = False):
        self.path = path
        self.readonly = readonly
        self.readonly_medium = readonly_medium
        self.db = sqlite_utils.Database(conn, execute_plugins=False)
        self.conn = conn
        self._lock = lock
        self.device_id = device_id
        # Repositories, imported here to keep module import order simple.
        from schouw.store.actions import ActionRepo
        from schouw.store.areas import AreaRepo
        from schouw.store.cycles import CycleRepo
        from schouw.store.findings import FindingRepo
        from schouw.store.forms import FormRepo
        from schouw.store.indicators import IndicatorRepo
        from schouw.store.photos import PhotoRepo
        from schouw.store.points import PointRepo
        from schouw.store.profiles import ProfileLog
        from schouw.store.rechecks import RecheckRepo
        from schouw.store.rounds import RoundRepo

        self.areas = AreaRepo(self)
        self.forms = FormRepo(self)
        self.rounds = RoundRepo(self)
        self.findings = FindingRepo(self)
        self.actions = ActionRepo(self)
        self.photos = PhotoRepo(self)
        self.profile_log = ProfileLog(self)
        self.rechecks = RecheckRepo(self)
        self.points = PointRepo(self)
        self.indicators = IndicatorRepo(self)
        self.cycles = CycleRepo(self)

    # -- transactions -------------------------------------------------------------
    @contextlib.contextmanager
    def atomic(self) -> Iterator[Project]:
        """One transaction, all or nothing; nested calls become savepoints.

        The outermost level takes the write lock at once (``BEGIN IMMEDIATE``). With two
        connections writing (the GUI and a worker thread), a deferred transaction that
        reads first and writes later cannot wait for the other's lock: SQLite answers
        "database is locked" at once to avoid a deadlock. Taking the lock up front lets
        the busy timeout do its work.
        """
        if self.readonly:
            raise SchouwError("project_opened_readonly", path=str(self.path))
        if self.conn.in_transaction:
            with self.db.atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    #: The UI's name for the same thing.
    write = atomic

    @contextlib.contextmanager
    def bulk(self) -> Iterator[str]:
        """One large all-or-nothing write (an import of thousands of photos); yields
        the journal it used, ``"rollback"`` or ``"wal"``.

        Why: in WAL mode every byte is written twice, first to the WAL and then, at the
        checkpoint, into the database file, with a sync for each. With a rollback
        journal, pages appended to the file are written once: the journal only keeps
        the old content of the few existing pages the write changes (measured: 1.1 GB
        of photos, 8.1 s in WAL against 4.1 s). SQLite allows leaving WAL only to the
        file's one open connection, so this is tried without waiting; with the GUI's
        second connection open, or a file viewer reading along, the write simply goes
        through the WAL (still all or nothing, a little slower).

        Crash-safety: the rollback journal is synced before the file is changed
        (``synchronous = FULL``), so a crash at any moment leaves a hot journal that
        SQLite plays back on the next open, which puts the file back in WAL mode. In
        WAL mode the commit is not synced on its own (``NORMAL``) but at the next
        checkpoint: still atomic and consistent; a power cut before it can only lose
        the just-committed import, which can be repeated.
        """
        conn = self.conn
        if conn.in_transaction:  # inside another transaction: it decides how to commit
            with self.atomic():
                yield "wal"
            return
        synchronous = conn.execute("PRAGMA synchronous").fetchone()[0]
        journal = "wal"
        if self._lock is not None:  # a for_thread() connection: the opener's is still open
            journal = self._leave_wal()
        try:
            conn.execute(f"PRAGMA synchronous = {'FULL' if journal == 'rollback' else 'NORMAL'}")
            with self.atomic():
                yield journal
        finally:
            conn.execute(f"PRAGMA synchronous = {int(synchronous)}")
            if journal == "rollback":
                # Back to WAL as soon as possible: other connections may open again.
                # Should this fail (someone reading along), open_project does it next time.
                with contextlib.suppress(sqlite3.OperationalError):
                    conn.execute("PRAGMA journal_mode = WAL")

    def _leave_wal(self) -> str:
        """Switch this connection to a rollback journal if it is the only one open."""
        timeout = self.conn.execute("PRAGMA busy_timeout").fetchone()[0]
        self.conn.execute("PRAGMA busy_timeout = 0")
        try:
            mode = self.conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        except sqlite3.OperationalError:  # another connection is open: stay in WAL
            mode = "wal"
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")
        return "rollback" if mode.lower() == "delete" else "wal"

    @contextlib.contextmanager
    def mapped_reads(self, size: int = 1 << 30) -> Iterator[Callable[[], None]]:
        """Read this connection's pages through mmap while inside, and put the setting
        back afterwards (it is per connection). Why: large BLOBs read many times (a
        report's photos) come about 5x faster through mmap than through read() calls.
        Mapped pages count in the process's memory until unmapped, so this yields
        ``remap()``, which drops the mapping and makes it afresh; the caller decides how
        often."""
        conn = self.conn
        before = conn.execute("PRAGMA mmap_size").fetchone()[0]
        conn.execute(f"PRAGMA mmap_size = {int(size)}")

        def remap() -> None:
            conn.execute("PRAGMA mmap_size = 0")
            conn.execute(f"PRAGMA mmap_size = {int(size)}")

        try:
            yield remap
        finally:
            with contextlib.suppress(sqlite3.Error):
                conn.execute(f"PRAGMA mmap_size = {int(before)}")

    def fault_point(self, name: str) -> None:
        _fault_point(name)

    def stamp(self) -> dict[str, str]:
        """The bookkeeping columns for a row written now by this device."""
        now = utc_now()
        return {"updated_at": now, "updated_by": self.device_id}

    # -- metadata -----------------------------------------------------------------
    def meta(self, key: str, default: str = "") -> str:
        row = self.conn.execute("SELECT value FROM project_meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.atomic():
            self.conn.execute(
                "INSERT INTO project_meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def backup(self, reason: str) -> Path:
        """Copy the whole file, consistently, with SQLite's backup API."""
        return backup_database(self.conn, self.path, reason)

    def daily_backup(self) -> Path | None:
        """Back up once per calendar day while the project is in use."""
        today = datetime.now(UTC).strftime("%Y-%m-%d")
        if self.meta("last_daily_backup") == today:
            return None
        target = self.backup("dagelijks")
        self.set_meta("last_daily_backup", today)
        return target

    def for_thread(self) -> Project:
        """A second connection to the same open file, for a worker thread.

        It shares this project's lock (closing it leaves the lock alone). WAL lets it
        read while the GUI thread writes; its own writes wait up to the busy timeout.
        """
        if self.readonly:
            return Project(self.path, _connect_readonly(self.path)[0], None, self.device_id, readonly=True,
                           readonly_medium=self.readonly_medium)
        return Project(self.path, _connect(self.path), None, self.device_id)

    def close(self) -> None:
        if self._lock is None:
            self.conn.close()
            return
        try:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA optimize")
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()
        finally:
            self._lock.release()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def backup_prefix(path: Path) -> str:
    """The name every backup of this project file starts with: its stem plus a short hash
    of its full path. Why: two projects called ``wijkschouw.schouw`` in different folders
    must neither overwrite nor prune each other's backups in the one backup folder."""
    digest = hashlib.sha256(str(Path(path).expanduser().resolve()).encode("utf-8")).hexdigest()[:8]
    return f"{path.stem}-{digest}"


def backup_database(conn: sqlite3.Connection, path: Path, reason: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    folder = settings.backup_dir()
    prefix = backup_prefix(path)
    target = folder / f"{prefix}.{reason}.{stamp}.schouw"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{prefix}.{reason}.{stamp}-{n}.schouw"
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    _prune_backups(folder, prefix)
    return target


def _prune_backups(folder: Path, prefix: str) -> None:
    """Keep the newest :data:`KEEP_BACKUPS` daily backups of one project (backups made
    before a migration are kept: there are few, and they are the way back)."""
    def age(backup: Path) -> tuple[int, ...]:
        # By the time in the name, to the microsecond (a file's mtime ticks too coarsely
        # to order backups made in quick succession).
        stamp = backup.name.removesuffix(".schouw").rsplit(".", 1)[-1]
        return tuple(int(part) for part in stamp.split("-") if part.isdigit())

    backups = sorted(folder.glob(f"{glob.escape(prefix)}.dagelijks.*.schouw"), key=age)
    for old in backups[:-KEEP_BACKUPS]:
        with contextlib.suppress(OSError):
            old.unlink()


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: no implicit BEGINs; every write goes through atomic().
    conn = sqlite3.connect(path, timeout=5, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _connect_readonly(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A connection that cannot write; ``True`` when opened as immutable (read-only medium).

    ``mode=ro`` still shares the WAL index (``-shm``) with a writer, so it sees the app's
    committed work. Where that file cannot be made (a read-only medium), SQLite refuses
    ``mode=ro`` with SQLITE_CANTOPEN; ``immutable=1`` then reads the file as it is, which
    is right there: nobody can change it. Any other refusal (a hot journal only a writer
    may roll back, a writer busy in rollback-journal mode) is raised as it is."""
    try:
        return _connect_uri(path, "mode=ro"), False
    except sqlite3.OperationalError as error:
        if getattr(error, "sqlite_errorname", "") != "SQLITE_CANTOPEN":
            raise
    except sqlite3.DatabaseError:  # a damaged or foreign file behind a SQLite header
        raise SchouwError("not_a_project", path=str(path)) from None
    try:
        return _connect_uri(path, "immutable=1"), True
    except sqlite3.OperationalError as error:
        raise SchouwError("project_readonly", path=str(path), detail=str(error)) from None


def _connect_uri(path: Path, query: str) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{path.as_uri()}?{query}", uri=True, timeout=5, check_same_thread=False,
                           isolation_level=None)
    try:
        conn.execute("PRAGMA user_version").fetchone()  # opening is lazy: fail here, not later
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _acquire(path: Path, wait: float = 0.0, on_wait: Callable[[], None] | None = None) -> FileLock:
    """Take the project's lock; wait up to ``wait`` seconds for another holder to let go.

    ``on_wait`` is called once, after a second of waiting, so a person at a terminal knows
    why nothing happens. Refused at once (``wait == 0``): ``project_locked``; after
    waiting in vain: ``project_busy`` (the CLI's "try again later")."""
    lock = FileLock(_lock_path(path), timeout=0)
    try:
        try:
            lock.acquire(timeout=min(wait, 1.0) if wait > 0 else 0)
        except Timeout:
            if wait <= 1.0:
                raise
            if on_wait is not None:
                on_wait()
            lock.acquire(timeout=wait - 1.0)
    except Timeout:
        key = "project_busy" if wait > 0 else "project_locked"
        raise SchouwError(key, path=str(path), seconds=f"{wait:g}") from None
    except OSError as error:
        raise SchouwError("project_readonly", path=str(path), detail=str(error)) from None
    return lock


def _missing(path: Path) -> SchouwError:
    """``project_missing``, naming the project file in the same folder whose name is
    closest to the one asked for (a typo in ``--db`` is the usual cause)."""
    try:
        names = [p.name for p in path.parent.glob("*.schouw") if p.is_file()]
    except OSError:
        names = []
    near = difflib.get_close_matches(path.name, names, n=1, cutoff=0.0)
    hint = messages.render("project_missing_near", near=str(path.parent / near[0])) if near else ""
    return SchouwError("project_missing", path=str(path), hint=hint)


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(100)
    except IsADirectoryError:
        raise SchouwError("not_a_project", path=str(path)) from None
    except OSError as error:
        raise SchouwError("project_readonly", path=str(path), detail=str(error)) from None


def _check_identity(conn: sqlite3.Connection, path: Path) -> int:
    """Return the schema version, refusing files that are not ours or too new."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.OperationalError:  # cannot open or read it (read-only medium): not about what it is
        raise
    except sqlite3.DatabaseError:
        raise SchouwError("not_a_project", path=str(path)) from None
    if app_id != APPLICATION_ID:
        raise SchouwError("not_a_project", path=str(path))
    if version > CURRENT_VERSION:
        raise SchouwError("project_newer", path=str(path), found=version, known=CURRENT_VERSION)
    return version


def migrate(conn: sqlite3.Connection, path: Path, start: int, target: int = CURRENT_VERSION) -> Path | None:
    """Bring the file from ``start`` to ``target``; back it up first. Returns the backup."""
    if start >= target:
        return None
    backup = backup_database(conn, path, f"voor-migratie-v{start}") if start > 0 else None
    for version in range(start + 1, target + 1):
        try:
            conn.execute("BEGIN IMMEDIATE")
            MIGRATIONS[version - 1](conn)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except Exception as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise SchouwError(
                "migration_failed", path=str(path), version=version,
                backup=str(backup or "-"), detail=str(error),
            ) from error
    return backup


def open_project(
    path: str | Path,
    *,
    device_id: str | None = None,
    target_version: int = CURRENT_VERSION,
    readonly: bool = False,
    wait: float = 0.0,
    on_wait: Callable[[], None] | None = None,
) -> Project:
    """Open an existing project file, migrating it when it is older than this app.

    ``readonly``: take no lock and refuse writes, so reading never waits for the app or
    another writer. A file older than this app cannot be read as it is; it is opened for
    writing (and migrated) instead. ``wait``/``on_wait``: see :func:`_acquire`.
    """
    path = Path(path).expanduser().resolve()
    if not path.exists():
        raise _missing(path)
    header = _read_header(path)
    if not header.startswith(SQLITE_HEADER):
        raise SchouwError("not_a_project", path=str(path))
    if readonly:
        try:
            conn, immutable = _connect_readonly(path)
        except sqlite3.OperationalError:
            pass  # e.g. a hot journal from a crash, which only a writer may roll back: below
        else:
            try:
                version = _check_identity(conn, path)
            except BaseException:
                conn.close()
                raise
            if version >= target_version:
                return Project(path, conn, None, device_id or settings.device_id(), readonly=True,
                               readonly_medium=immutable)
            conn.close()
    lock = _acquire(path, wait, on_wait)
    try:
        conn = _connect(path)
        try:
            version = _check_identity(conn, path)
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            migrate(conn, path, version, target_version)
        except BaseException:
            conn.close()
            raise
    except sqlite3.OperationalError as error:
        lock.release()
        raise SchouwError("project_readonly", path=str(path), detail=str(error)) from None
    except BaseException:
        lock.release()
        raise
    return Project(path, conn, lock, device_id or settings.device_id())


def create_project(
    path: str | Path,
    *,
    name: str = "",
    municipality: str = "",
    device_id: str | None = None,
    target_version: int = CURRENT_VERSION,
) -> Project:
    """Make a new, empty project file (refusing to overwrite anything)."""
    path = Path(path).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.stat().st_size > 0:
        raise SchouwError("project_exists", path=str(path))
    lock = _acquire(path)
    try:
        conn = _connect(path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        migrate(conn, path, 0, target_version)
    except BaseException:
        lock.release()
        raise
    project = Project(path, conn, lock, device_id or settings.device_id())
    with project.atomic():
        from schouw.domain.models import new_id

        project.conn.executemany(
            "INSERT INTO project_meta(key, value) VALUES (?, ?)",
            [
                ("project_id", new_id()),
                ("name", name or path.stem),
                ("municipality", municipality),
                ("created_at", utc_now()),
            ],
        )
    return project


@contextlib.contextmanager
def opened(path: str | Path) -> Iterator[Project]:
    project = open_project(path)
    try:
        yield project
    finally:
        project.close()
