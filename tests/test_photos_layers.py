"""schouw.photos stays a Pillow-only layer: no Qt, no SQL, no store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_photos_and_geo_import_nothing_above_them():
    code = (
        "import sys, schouw.photos, schouw.geo\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlite3', 'sqlite_utils')"
        " or m.startswith(('schouw.store', 'schouw.ui', 'schouw.exchange', 'schouw.report')))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
