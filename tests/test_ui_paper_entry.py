"""Invoeren van papier: the key-in of walk-pack forms, driven by keys with pytest-qt:
a good line saves one finding on the printed street/item, bad input saves nothing and
says why beside the field, Ctrl+Z takes the whole line back."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")
pytest_plugins = ["conftest_ui"]

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QKeySequence  # noqa: E402

from schouw.services.walk_pack import pack_items, pack_streets  # noqa: E402


def _findings(window) -> list:
    s = window.session
    return s.project.findings.models(s.ctx.round.id)


def _type_line(qtbot, dialog, text: str) -> None:
    dialog.line.clear()
    qtbot.keyClicks(dialog.line, text)
    qtbot.keyClick(dialog.line, Qt.Key.Key_Return)


def test_key_in_saves_the_printed_item_and_undo_takes_it_back(qtbot, app_window, small_project):
    path, info = small_project
    window = app_window(path)
    action = window.actions_by_name["actPaperEntry"]
    assert QKeySequence("Ctrl+Shift+K") in action.shortcuts()
    dialog = window.show_paper_entry()
    s = window.session
    before = len(_findings(window))
    streets, items = pack_streets(s.project, s.ctx), pack_items(s.ctx)
    item_no = next(i for i, (_, a) in enumerate(items, start=1) if a.has_level)

    _type_line(qtbot, dialog, f"3.{item_no} c 14 losse tegel")
    assert dialog.line.text() == ""  # saved: the field is ready for the next line
    after = _findings(window)
    assert len(after) == before + 1
    new = [f for f in after if f.description == "losse tegel"]
    assert len(new) == 1 and new[0].street_id == streets[2].id
    assert new[0].house_number == "14" and new[0].level.value == "C"
    assert (new[0].element, new[0].aspect) == (items[item_no - 1][0].id, items[item_no - 1][1].id)

    s.undo_stack.undo()  # one Ctrl+Z: the whole line
    assert len(_findings(window)) == before


@pytest.mark.parametrize("line", ["99.1 b", "1.9999 b", "3-12 b", "1.1 x"])
def test_bad_input_saves_nothing_and_says_why(qtbot, app_window, small_project, line):
    path, _ = small_project
    window = app_window(path)
    dialog = window.show_paper_entry()
    before = len(_findings(window))
    depth = window.session.undo_stack.count()
    _type_line(qtbot, dialog, line)
    assert len(_findings(window)) == before and window.session.undo_stack.count() == depth
    assert dialog.line.text() == line  # left for the user to correct
    assert ("nummer" in dialog.message.text()) or ("Niveau" in dialog.message.text())


def test_n_keys_in_not_applicable(qtbot, app_window, small_project):
    path, _ = small_project
    window = app_window(path)
    dialog = window.show_paper_entry()
    s = window.session
    streets, items = pack_streets(s.project, s.ctx), pack_items(s.ctx)
    before = {f.id for f in s.project.findings.models(s.ctx.round.id)}
    _type_line(qtbot, dialog, "2.1 n")
    new = [f for f in s.project.findings.models(s.ctx.round.id) if f.street_id == streets[1].id
           and (f.element, f.aspect) == (items[0][0].id, items[0][1].id) and f.id not in before]
    assert len(new) == 1 and new[0].not_applicable and new[0].level is None
