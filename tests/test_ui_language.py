"""Every text the user can see is in the chosen language: open every screen in Dutch and
in English, collect what is shown (labels, buttons, tooltips, accessible names, window
titles, group titles, placeholders, headers, combo-box entries, menus, status bar, the
cells of item views) and fail on a tell-tale word of the other language.

The project's own values are data, not interface, and stay as typed: street, buurt and
wijk names, round titles, participants, what was recorded on a finding, the forms'
element/aspect names, help and level descriptions (forms are Dutch data), the project's
name and path. They are cut out of every text before the words are checked - so "Bevinding
in Grutto-erf" in the English window still fails on "Bevinding".
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from conftest_ui import build_project  # noqa: E402

#: Words that give a language away in the other's interface (whole words, lower case);
#: words both languages share (in, is, open, norm, type, status, met, help), key names
#: (Delete) and the Dutch domain terms that stay Dutch in English too (schouw, wijk,
#: buurt, MOR) are left out. A literal in quotes (‘straat’, a file's column) is not checked.
TELLS = {
    "en": {  # Dutch words that must not show in the English interface
        "bevinding", "bevindingen", "straat", "straten", "ronde", "rondes", "niveau", "opslaan", "annuleren",
        "sluiten", "kiezen", "toevoegen", "verwijderen", "bewerken", "bestand", "instellingen", "gelopen",
        "onder", "zeer", "hoog", "laag", "basis", "geen", "nog", "het", "een", "van", "voor", "naar",
        "niet", "wordt", "zijn", "alle", "foto", "foto's", "huisnummer", "plek", "opmerking", "rapport",
        "actiehouder", "deelnemers", "nieuwe", "nieuw", "volgende", "vorige", "zoeken", "melding", "meldingen",
        "ja", "nee", "toets", "bijv", "synchroniseren", "profiel", "onbekend", "mislukt", "verzonden",
        "soort", "wat", "bewaard", "opzij", "omgedraaid", "tijd",
        "januari", "februari", "maart", "mei", "juni", "juli", "augustus", "oktober",  # dates too
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    },
    "nl": {  # English words that must not show in the Dutch interface
        "the", "and", "finding", "findings", "street", "streets", "round", "level", "save", "cancel", "close",
        "choose", "add", "edit", "file", "settings", "walked", "below", "very", "high", "low",
        "none", "photo", "photos", "with", "not", "yes", "new", "next", "previous", "search", "report",
        "reports", "profile", "unknown", "failed", "sent", "remove",
        "january", "february", "march", "may", "june", "july", "august", "october",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    },
}
NOT_APPLICABLE = {"en": ["n.v.t."], "nl": ["n/a"]}

#: the start page closes the project (it is the screen without one)
SKIP_SCREENS = {"start"}


def project_data(window) -> list[str]:
    """The project's own values (see the module docstring), longest first."""
    from schouw.services.forms import available_forms

    session = window.session
    project = session.project
    values: set[str] = {project.path.name, project.path.stem, str(project.path), str(project.path.parent)}
    forms = list(available_forms().values()) + [session.ctx.form]
    for form in forms:
        values |= {form.title, form.description, form.source}
        for element in form.elements:
            values |= {element.name, element.group, element.description}
            for aspect in element.aspects:
                values |= {aspect.name, aspect.help, *aspect.levels.values(), *aspect.choices}
    for r in project.rounds.list():
        values |= {r["title"], r.get("buurt_name") or "", r.get("wijk_name") or ""}
        for p in project.rounds.participants(r["id"]):
            values |= {p.name, p.organisation}
        for f in project.findings.models(r["id"]):
            values |= {f.description, f.spot, f.house_number}
    from schouw.services.exchange import describe_value, list_conflicts

    for conflict in list_conflicts(project):  # the side set aside is in no table
        values |= {conflict.what, *(describe_value(v) for _f, k, o in conflict.fields for v in (k, o)
                                    if not isinstance(v, bool))}  # yes/no is interface text
    from schouw import licences

    # the About dialog's third-party software: names and SPDX licences, from their metadata
    values |= {value for item in licences.third_party() for value in item.values()}
    ctx = session.ctx
    values |= {ctx.buurt.name, ctx.wijk.name if ctx.wijk else ""}
    values |= {s.name for s in window.streets.model.streets()} if window.streets is not None else set()
    return sorted((v for v in values if v and len(v) > 1), key=len, reverse=True)


def visible_texts(root) -> list[tuple[str, str]]:
    """(where, text) for everything a user of ``root`` can read or hear."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QHeaderView,
        QLabel,
        QLineEdit,
        QMainWindow,
        QMenu,
        QPlainTextEdit,
        QProgressBar,
        QTabWidget,
        QTextEdit,
        QWidget,
    )

    out: list[tuple[str, str]] = [(f"{root.objectName()} title", root.windowTitle())]

    def menu_texts(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            out.extend((f"{where} menu", t) for t in (action.text(), action.toolTip(), action.statusTip()))
            if action.menu() is not None:
                menu_texts(action.menu(), where)

    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            out.append(("menu bar", action.text()))
            if action.menu() is not None:
                menu_texts(action.menu(), action.text())
        out.append(("status bar", root.statusBar().currentMessage()))
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        where = f"{type(widget).__name__} '{widget.objectName()}'"
        out += [(where + " tooltip", widget.toolTip()), (where + " accessible", widget.accessibleName()),
                (where + " description", widget.accessibleDescription())]
        if isinstance(widget, QLabel):
            out.append((where, widget.text()))
        elif isinstance(widget, QAbstractButton):
            out += [(where, widget.text())] + [(where, str(widget.property(p) or "")) for p in ("main", "sub")]
        elif isinstance(widget, QGroupBox):
            out.append((where, widget.title()))
        elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            out.append((where + " placeholder", widget.placeholderText()))
            if isinstance(widget, QPlainTextEdit) and widget.isReadOnly():  # output, not input
                out.append((where, widget.toPlainText()))
        elif isinstance(widget, QComboBox):
            out += [(where + " entry", widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QProgressBar):
            out.append((where, widget.format()))
        elif isinstance(widget, QTabWidget):
            out += [(where + " tab", widget.tabText(i)) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) and widget.model():
            model = widget.model()
            from PySide6.QtCore import QAbstractListModel, QModelIndex

            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
            for column in range(columns):
                out.append((where + " header", str(model.headerData(column, Qt.Orientation.Horizontal) or "")))
            for row in range(min(model.rowCount(QModelIndex()), 30)):
                for column in range(columns):
                    index = model.index(row, column)
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.data(index, role)
                        if isinstance(value, str):
                            out.append((where + " cell", value))
    return [(w, t) for w, t in out if t]


def catalogue_texts(lang: str) -> set[str]:
    """Whole strings of the other language from the catalogue: a Dutch source shown as is in
    the English window (a tr() that never ran, or a string lupdate never saw), or an English
    translation in the Dutch one. Only strings that differ between the languages count."""
    import xml.etree.ElementTree as ET

    root = ET.parse(Path(__file__).resolve().parents[1] / "resources" / "i18n" / "schouw_en.ts").getroot()
    out, kept = set(), set()
    for message in root.iter("message"):
        source, translation = message.findtext("source") or "", message.find("translation")
        english = (translation.text or "") if translation is not None else ""
        if message.get("numerus") == "yes" or "{" in source or "%" in source or not english:
            continue
        if english == source:  # kept on purpose somewhere (a name matched against data)
            kept.add(source.replace("&", ""))
            continue
        text = (source if lang == "en" else english).replace("&", "")
        if len(text) > 3:
            out.add(text)
    return out - kept


def leaks(texts: list[tuple[str, str]], lang: str, data: list[str]) -> list[str]:
    found = []
    other = catalogue_texts(lang)
    for where, text in texts:
        if text.replace("&", "") in other and text not in data:
            found.append(f"{where}: {text!r} is the other language's string")
            continue
        plain = re.sub(r"<[^>]+>", " ", text).replace("&nbsp;", " ").replace("&amp;", "&")
        for value in data:
            plain = plain.replace(value, " ")
        plain = re.sub(r"‘[^’]*’", " ", plain)
        plain = plain.replace("&", "")  # mnemonics
        words = {w.lower().strip(".'") for w in re.findall(r"[A-Za-zÀ-ÿ'.]+", plain)}
        bad = sorted(words & TELLS[lang]) + [m for m in NOT_APPLICABLE[lang] if m in plain]
        if bad:
            found.append(f"{where}: {text!r} -> {bad}")
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_screen_speaks_one_language(qtbot, lang, tmp_path, monkeypatch):
    import screens_ui
    from PySide6.QtWidgets import QApplication

    from schouw.ui import app as app_module
    from schouw.ui import i18n
    from schouw.ui.prefs import Preferences

    monkeypatch.setenv("SCHOUW_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "Testproject.schouw"
    build_project(path)
    extra = {"package": screens_ui.team_package(path, tmp_path)}
    window = app_module.start(Preferences(language=lang))
    qtbot.addWidget(window)
    try:
        window.resize(1366, 768)
        window.show()
        screens_ui.open_round(window, path)
        problems: list[str] = []
        seen = 0
        for name, opener in screens_ui.SCREENS.items():
            if name in SKIP_SCREENS:
                continue
            before = set(QApplication.topLevelWidgets())
            target = opener(window, extra)
            screens_ui.settle()
            data = project_data(window)  # an import brings the other laptop's values
            texts = visible_texts(target)
            if target is not window:
                texts += visible_texts(window)
            seen += len(texts)
            problems += [f"[{name}] {p}" for p in leaks(texts, lang, data)]
            for widget in set(QApplication.topLevelWidgets()) - before:
                if widget.isVisible():
                    widget.close()
            screens_ui.settle()
        assert seen > 500  # the walk really read the screens
        problems = sorted(set(problems))
        assert not problems, f"{len(problems)} texts of the other language:\n" + "\n".join(problems[:60])
    finally:
        window.close()
        i18n.set_language("nl")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_report_is_made_in_the_interface_language_unless_chosen(qtbot, lang, tmp_path, monkeypatch):
    """An English user gets an English report by default; the other language can still be chosen."""
    import screens_ui

    from schouw.ui import app as app_module
    from schouw.ui import i18n
    from schouw.ui.prefs import Preferences

    monkeypatch.setenv("SCHOUW_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "Testproject.schouw"
    build_project(path)
    window = app_module.start(Preferences(language=lang))
    qtbot.addWidget(window)
    try:
        window.show()
        screens_ui.open_round(window, path)
        dialog = screens_ui.report(window, {})
        assert dialog.lang.currentData() == lang
        other = "nl" if lang == "en" else "en"
        dialog.lang.setCurrentIndex(dialog.lang.findData(other))
        assert dialog.lang.currentData() == other
        dialog.close()
    finally:
        window.close()
        i18n.set_language("nl")
