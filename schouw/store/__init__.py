"""The single-file project store: SQLite via sqlite-utils. All SQL of schouw lives here."""

import sys


def _sqlite_utils_without_numpy() -> None:
    """sqlite-utils imports numpy when it can, only to map numpy types to column types,
    which schouw never stores. numpy costs ~0.1-0.3 s of the app's start-up
    (docs/bench-startup.md), so sqlite-utils is loaded while numpy looks absent; numpy
    itself stays importable for whoever needs it later (shapely)."""
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment] - "not importable", for this import only
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        del sys.modules["numpy"]


_sqlite_utils_without_numpy()

from schouw.store.project import CURRENT_VERSION, Project, create_project, open_project  # noqa: E402

__all__ = ["CURRENT_VERSION", "Project", "create_project", "open_project"]
