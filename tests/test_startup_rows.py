"""The street list's rows for start-up (issue 20): one height for every street, and only
the names wider than their column sized to their contents, measured once per width;
the look stays (a long name wraps onto a second line, none is cut)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.register_assert_rewrite("conftest_ui")

from conftest_ui import build_project  # noqa: E402
from PySide6.QtWidgets import QApplication, QHeaderView  # noqa: E402

from schouw.ui.models import StreetModel  # noqa: E402
from schouw.ui.widgets import WrappingDelegate  # noqa: E402

pytest_plugins = ["conftest_ui"]

LONG = ["Burgemeester Jhr. van Karnebeeklaan", "Van Oldenbarneveltstraat"]
MANY = 300


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    from schouw.domain.models import Street
    from schouw.store import open_project
    from schouw.ui import app as app_module
    from schouw.ui.prefs import Preferences

    monkeypatch.setenv("SCHOUW_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "rows.schouw"
    info = build_project(path)
    with open_project(path) as project:
        project.areas.add_streets(
            [Street(buurt_id=info["buurt"], name=f"Zijstraat {n}", position=10 + n) for n in range(MANY)]
            + [Street(buurt_id=info["buurt"], name=name, position=1000 + n) for n, name in enumerate(LONG)])
    calls = {"hint": 0}
    plain = WrappingDelegate.sizeHint

    def counted(self, option, index):
        calls["hint"] += 1
        return plain(self, option, index)

    monkeypatch.setattr(WrappingDelegate, "sizeHint", counted)
    win = app_module.start(Preferences(language="nl"))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.open_initial(path)
    _settle()
    yield win, calls
    win.close()


def _heights(table) -> dict[str, int]:
    model = table.model()
    return {model.index(r, StreetModel.COL_NAME).data(): table.rowHeight(r) for r in range(model.rowCount())}


def test_one_height_for_all_and_taller_rows_only_for_long_names(window) -> None:
    win, calls = window
    asked = calls["hint"]
    table = win.streets.table
    rows = table.verticalHeader()
    assert rows.sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    heights = _heights(table)
    assert len(heights) == MANY + 8 + len(LONG)
    metrics, room = table.fontMetrics(), table.columnWidth(StreetModel.COL_NAME) - 8
    wide = {name for name in heights if metrics.horizontalAdvance(name) > room}
    assert set(LONG) <= wide, "the long names need a second line in a 1366×768 window"
    one_line = {h for name, h in heights.items() if name not in wide}
    assert one_line == {rows.defaultSectionSize()}
    assert rows.defaultSectionSize() >= rows.minimumSectionSize()
    for name in LONG:
        assert heights[name] >= rows.defaultSectionSize() + metrics.lineSpacing() - 2, name
    # each row is as high as its delegate asks (what sizing every row to its contents gave)
    for row in range(table.model().rowCount()):
        assert table.rowHeight(row) == max(table.sizeHintForRow(row), rows.minimumSectionSize()), row
    # only the long names were measured, not every street of the round
    assert 0 < asked < 40, asked


def test_long_rows_keep_their_height_through_a_filter_and_follow_the_width(window) -> None:
    win, _calls = window
    panel, table = win.streets, win.streets.table
    before = _heights(table)
    rows = table.verticalHeader()
    for text in ("van", "", "straat", "zij", ""):  # rows leave and come back in many ranges
        panel.search.setText(text)
        _settle()
        shown = _heights(table)
        assert all(shown[name] == before[name] for name in shown), text
        for row in range(table.model().rowCount()):
            assert table.rowHeight(row) == max(table.sizeHintForRow(row), rows.minimumSectionSize()), (text, row)
    panel.search.setText("van")
    _settle()
    assert set(LONG) <= set(_heights(table))
    panel.search.setText("")
    _settle()
    assert _heights(table) == before
    # a wider pane: the long names fit on one line again and every row is one height
    panel.setFixedWidth(700)
    _settle()
    metrics, room = table.fontMetrics(), table.columnWidth(StreetModel.COL_NAME) - 8
    assert all(metrics.horizontalAdvance(name) <= room for name in LONG), room
    assert set(_heights(table).values()) == {table.verticalHeader().defaultSectionSize()}
