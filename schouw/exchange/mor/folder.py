"""Export packages to a shared folder (a network share, another laptop's folder, a
OneDrive/SharePoint sync folder), so that nobody there ever sees half a package.

A package is first written on this machine (``schouw.exchange.package.export_round``),
then copied into the shared folder under a hidden temporary name in that same folder,
flushed to disk (fsync) and renamed over the real name in one step (``os.replace``,
atomic within one file system). A reader sees the old package or the new one, never a
mixture; a crash leaves at most a ``.~….tmp`` file, which the next run removes.

Each round's package keeps one file name and is rewritten only when something in the
round changed since the last copy (the newest ``updated_at`` in it), so the folder holds
one current package per round.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from schouw.exchange.mor.build import slug
from schouw.exchange.mor.profile import SyncProfile
from schouw.messages import SchouwError
from schouw.store.outbox import OutboxRepo

if TYPE_CHECKING:
    from schouw.store.project import Project

TMP_PREFIX = ".~"
TMP_SUFFIX = ".tmp"
META_KEY = "folder_package:"


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # some network file systems refuse; the data itself is synced
    finally:
        os.close(fd)


def atomic_write(folder: Path, name: str, write: Callable[[Any], None]) -> Path:
    """Write ``folder/name`` through ``write(handle)`` so it appears whole or not at all."""
    folder = Path(folder)
    target = folder / name
    tmp = folder / f"{TMP_PREFIX}{name}.{os.getpid()}{TMP_SUFFIX}"
    try:
        with open(tmp, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(folder)
    return target


def atomic_copy(source: Path, folder: Path, name: str) -> Path:
    def write(handle) -> None:
        with open(source, "rb") as src:
            shutil.copyfileobj(src, handle, 1024 * 1024)

    return atomic_write(folder, name, write)


def clean_leftovers(folder: Path) -> int:
    """Remove our own temporary files left by a crash (only ``.~*.tmp``)."""
    removed = 0
    for path in Path(folder).glob(f"{TMP_PREFIX}*{TMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed


def check_folder(profile: SyncProfile) -> Path:
    if profile.folder is None:
        raise SchouwError("folder_not_configured")
    folder = Path(profile.folder.path).expanduser()
    # never create it: an unmounted share would silently become a local folder
    if not folder.is_dir():
        raise SchouwError("folder_missing", path=str(folder))
    if not os.access(folder, os.W_OK):
        raise SchouwError("folder_readonly", path=str(folder))
    return folder


def package_name(project: Project, round_id: str) -> str:
    rows = [r for r in project.rounds.list() if r["id"] == round_id]
    if not rows:
        return f"schouw_{round_id[:8]}.zip"
    r = rows[0]
    return f"schouw_{r['date']}_{slug(r['wijk'], 24)}-{slug(r['buurt'], 24)}_{round_id[:8]}.zip"


def _exporter() -> Callable[..., Any]:
    try:
        from schouw.exchange.package import export_round
    except ImportError:
        raise SchouwError("folder_export_unavailable") from None
    return export_round


def export_rounds(project: Project, profile: SyncProfile, *, round_ids: list[str] | None = None,
                  force: bool = False, dry_run: bool = False,
                  progress: Callable[[int, int, str], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> list[dict[str, Any]]:
    """Copy the package of every round that changed since its last copy. Returns per
    round what happened: ``{round_id, file, state: written|unchanged|would_write}``."""
    folder = check_folder(profile)
    export_round = None if dry_run else _exporter()
    if not dry_run:
        clean_leftovers(folder)
    repo = OutboxRepo(project)
    ids = round_ids or [r["id"] for r in project.rounds.list()]
    results: list[dict[str, Any]] = []
    for n, round_id in enumerate(ids, start=1):
        if cancelled is not None and cancelled():
            break
        name = package_name(project, round_id)
        fingerprint = repo.round_fingerprint(round_id)
        key = META_KEY + round_id
        if not force and project.meta(key) == f"{fingerprint}|{name}" and (folder / name).exists():
            results.append({"round_id": round_id, "file": str(folder / name), "state": "unchanged"})
            continue
        if dry_run:
            results.append({"round_id": round_id, "file": str(folder / name), "state": "would_write"})
            continue
        if progress is not None:
            progress(n, len(ids), f"pakket {name}")
        with tempfile.TemporaryDirectory(prefix="schouw-pakket-") as scratch:
            local = Path(scratch) / name
            export_round(project, round_id, local)
            target = atomic_copy(local, folder, name)
        project.set_meta(key, f"{fingerprint}|{name}")
        results.append({"round_id": round_id, "file": str(target), "state": "written"})
    return results
