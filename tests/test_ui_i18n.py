"""English as the second language: every string of the field app is translated, the
compiled catalogue matches its source, and placeholders survive translation."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
TS = I18N / "schouw_en.ts"

#: The modules of the field app; other dialogs (report, export) join when their
#: authors run resources/i18n/update.py and translate.
#: Every module of the interface: the export, import, report and sync windows too.
FIELD_APP = sorted(p.stem for p in (ROOT / "schouw" / "ui").glob("*.py") if not p.stem.startswith("__"))


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in ET.parse(ts).getroot().findall("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.findall("message"):
            out[(name, msg.findtext("source"))] = msg.find("translation")
    return out


def texts(translation: ET.Element | None) -> list[str]:
    """The translated text, or each plural form of a ``%n`` message."""
    if translation is None:
        return []
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def load_update_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("i18n_update", I18N / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_field_app_string_has_an_english_translation(tmp_path):
    update = load_update_module()
    fresh = tmp_path / "fresh.ts"
    sources = [str(ROOT / "schouw" / "ui" / f"{m}.py") for m in FIELD_APP]
    import subprocess

    subprocess.run([update.tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none",
                    "-ts", str(fresh)], check=True, capture_output=True)
    wanted = messages(fresh)
    assert len(wanted) > 250  # lupdate really found the tr() calls
    shipped = messages(TS)
    missing = [key for key in wanted if key not in shipped]
    unfinished = [key for key in wanted if key in shipped
                  and (shipped[key].get("type") == "unfinished" or not all(t.strip() for t in texts(shipped[key])))]
    assert not missing, f"run resources/i18n/update.py and translate: {missing[:10]}"
    assert not unfinished, f"translate these in {TS.name}: {unfinished[:10]}"
    assert not [key for key in wanted if key[0] == ""], "a translate() call lupdate could not place"


def test_placeholders_survive_translation():
    for ts in (TS, I18N / "schouw_nl.ts"):
        for (context, source), translation in messages(ts).items():
            for text in texts(translation):
                if not text:
                    continue
                for pattern in (r"\{[a-z_]+\}", r"%[vmn]"):
                    assert sorted(re.findall(pattern, source)) == sorted(re.findall(pattern, text)), \
                        (context, source, text)


def test_compiled_catalogue_matches_the_source(tmp_path):
    update = load_update_module()
    qm = tmp_path / "check.qm"
    update.lrelease(TS, qm)
    assert qm.read_bytes() == (I18N / "schouw_en.qm").read_bytes(), "run resources/i18n/update.py"
    update.lrelease(I18N / "schouw_nl.ts", qm)
    assert qm.read_bytes() == (I18N / "schouw_nl.qm").read_bytes(), "run resources/i18n/update.py"


def test_translator_switches_language(qapp):
    from PySide6.QtCore import QCoreApplication

    from schouw.ui import i18n

    try:
        assert i18n.set_language("en")
        assert QCoreApplication.translate("MainWindow", "&Bestand") == "&File"
        assert QCoreApplication.translate("labels", "Woningcorporatie") == "Housing corporation"
        from schouw.ui import labels

        assert labels.role_label("bewoner") == "Resident"
        assert labels.not_applicable_label() == "n/a"
    finally:
        i18n.set_language("nl")
    assert QCoreApplication.translate("MainWindow", "&Bestand") == "&Bestand"
    # Qt's own buttons speak Dutch in the Dutch interface
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Annuleren"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_interactive_widget_is_named(qtbot, lang, tmp_path, monkeypatch):
    """objectName for tests, accessibleName for screen readers - on every screen."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from conftest_ui import build_project
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QHeaderView,
        QLineEdit,
        QPlainTextEdit,
        QWidget,
    )

    from schouw.ui import app as app_module
    from schouw.ui import i18n
    from schouw.ui.prefs import Preferences

    monkeypatch.setenv("SCHOUW_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "n.schouw"
    build_project(path)
    window = app_module.start(Preferences(language=lang))
    qtbot.addWidget(window)
    window.open_initial(path)
    window.show()
    dialogs = [window.new_round(), window.open_settings()]
    from schouw.ui.import_dialog import StreetImportDialog
    from schouw.ui.round_dialog import TeamDialog

    dialogs.append(StreetImportDialog(window.session.project, window))
    dialogs.append(TeamDialog(window.session.project, window.session.ctx.round.id, window))
    interactive = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QAbstractSpinBox, QAbstractItemView)
    unnamed = []
    for root in [window, *dialogs]:
        for widget in root.findChildren(QWidget):
            if not isinstance(widget, interactive) or not widget.isVisibleTo(root):
                continue
            if isinstance(widget, QHeaderView) or widget.objectName().startswith("qt_"):
                continue  # parts of a table view, named through the table
            if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
                continue  # the editor inside a combo box or date edit: named through its parent
            if widget.parent() is not None and type(widget.parent()).__name__ in ("QCalendarWidget",):
                continue
            if not widget.objectName() or not widget.accessibleName():
                unnamed.append(f"{type(widget).__name__} '{widget.objectName()}' in {root.objectName()}")
    for dialog in dialogs:
        dialog.close()
    i18n.set_language("nl")
    assert not unnamed, unnamed


@pytest.mark.parametrize(("lang", "one", "two"), [("nl", "1 bevinding", "2 bevindingen"),
                                                  ("en", "1 finding", "2 findings")])
def test_counts_use_the_languages_plural_forms(qapp, lang, one, two):
    """"1 bevindingen" was the Dutch interface without a plural catalogue of its own."""
    from PySide6.QtCore import QCoreApplication

    from schouw.ui import i18n

    try:
        i18n.set_language(lang)
        assert QCoreApplication.translate("FindingsPanel", "%n bevindingen", "", 1) == one
        assert QCoreApplication.translate("FindingsPanel", "%n bevindingen", "", 2) == two
        assert QCoreApplication.translate("RoundDialog", "{label} (%n straten)", "", 1).endswith(
            "(1 straat)" if lang == "nl" else "(1 street)")
    finally:
        i18n.set_language("nl")


@pytest.mark.parametrize(("lang", "expected"), [("nl", ["zeer hoog", "hoog", "basis", "laag", "zeer laag"]),
                                                ("en", ["very high", "high", "basic", "low", "very low"])])
def test_default_level_labels_follow_the_language_custom_ones_stay(qapp, lang, expected):
    from schouw.domain.levels import ALL_LEVELS, DEFAULT_LABELS, Level
    from schouw.ui import i18n, labels

    try:
        i18n.set_language(lang)
        assert [labels.level_label(lv, DEFAULT_LABELS[lv]) for lv in ALL_LEVELS] == expected
        assert labels.level_label(Level.A, "zeer goed") == "zeer goed"  # Delft's own wording
    finally:
        i18n.set_language("nl")
