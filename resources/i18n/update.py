"""Refresh the translations of the interface.

    .venv/bin/python resources/i18n/update.py

1. ``pyside6-lupdate`` collects every ``tr()`` / ``translate()`` string of schouw/ui into
   ``schouw_en.ts`` (existing translations are kept; new strings are "unfinished").
2. Translate the new strings in ``schouw_en.ts`` with ``pyside6-linguist`` (or any XML
   editor): Dutch is the source language, English the translation.
3. ``pyside6-lrelease`` compiles ``schouw_en.qm``, which the app loads.

Counts are written ``self.tr("%n bevindingen", "", n)``: Qt picks the singular or plural
form of the language. Dutch, the source language, gets its own small catalogue
``schouw_nl.ts`` with only those plural strings (``lupdate -pluralonly``; fill in the
``numerusform`` for one and for more), so the Dutch interface says "1 bevinding".

``tests/test_ui_i18n.py`` fails while a string has no English translation.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS = HERE / "schouw_en.ts"
QM = HERE / "schouw_en.qm"
#: Dutch plural forms only (the source strings are Dutch already)
TS_NL = HERE / "schouw_nl.ts"
QM_NL = HERE / "schouw_nl.qm"


def tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "schouw" / "ui").glob("*.py"))


def lupdate(ts: Path = TS) -> None:
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                    "-source-language", "nl_NL", "-target-language", "en_GB", "-ts", str(ts)],
                   cwd=ROOT, check=True)


def lupdate_plurals(ts: Path = TS_NL) -> None:
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none", "-pluralonly",
                    "-source-language", "nl_NL", "-target-language", "nl_NL", "-ts", str(ts)],
                   cwd=ROOT, check=True)


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


if __name__ == "__main__":
    lupdate()
    lrelease()
    lupdate_plurals()
    lrelease(TS_NL, QM_NL)
