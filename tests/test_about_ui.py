"""*Over schouw* (version, licence, data locations, third-party licences) and *Help →
Controleren op updates*, which is absent unless an update URL is configured and asks a
real HTTP server only when chosen."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

pytest.importorskip("PySide6")
pytest_plugins = ["conftest_ui"]

from PySide6.QtWidgets import QLabel, QMessageBox, QTableWidget  # noqa: E402

from schouw import __version__, settings  # noqa: E402


def help_actions(window) -> list[str]:
    from PySide6.QtWidgets import QMenu

    menu = window.findChild(QMenu, "menuHelp")
    return [action.objectName() for action in menu.actions()]


def test_about_shows_version_licence_locations_and_third_party(qtbot, app_window, small_project):
    path, _ = small_project
    window = app_window(path)
    window.show_about()
    dialog = window.about_dialog
    qtbot.waitExposed(dialog)
    assert dialog.findChild(QLabel, "aboutVersion").text() == f"Schouw {__version__}"
    assert "EUPL-1.2" in dialog.findChild(QLabel, "aboutText").text()
    assert dialog.findChild(QLabel, "aboutPath_data").text() == str(settings.data_dir())
    table = dialog.findChild(QTableWidget, "aboutThirdParty")
    rows = {table.item(r, 0).text().lower(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert "LGPL" in rows["pyside6"] and "reportlab" in rows
    dialog.close()


def test_no_update_item_unless_configured(qtbot, app_window, small_project, monkeypatch):
    monkeypatch.delenv("SCHOUW_UPDATE_URL", raising=False)
    path, _ = small_project
    window = app_window(path)
    assert "actCheckUpdates" not in help_actions(window)
    assert "actAbout" in help_actions(window)


class Notice(BaseHTTPRequestHandler):
    body = b""
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server API
        Notice.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


@pytest.fixture
def notice_server():
    server = HTTPServer(("127.0.0.1", 0), Notice)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Notice.hits = []
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(("body", "expected", "is_error"), [
    (json.dumps({"version": "99.0", "url": "https://intranet.example.nl/schouw"}).encode(), "99.0", False),
    (json.dumps({"version": __version__}).encode(), "nieuwste versie", False),
    (b"<html>storing</html>", "onleesbaar", True),
])
def test_check_for_updates_asks_only_when_chosen_and_says_what_it_found(qtbot, app_window, small_project, monkeypatch,
                                                                       notice_server, body, expected, is_error):
    Notice.body = body
    url = f"http://127.0.0.1:{notice_server.server_port}/schouw.json"
    monkeypatch.setenv("SCHOUW_UPDATE_URL", url)
    path, _ = small_project
    window = app_window(path)
    assert "actCheckUpdates" in help_actions(window)
    assert Notice.hits == []  # never on its own
    window.actions_by_name["actCheckUpdates"].trigger()
    qtbot.waitUntil(lambda: getattr(window.update_check, "box", None) is not None, timeout=15_000)
    box = window.update_check.box
    assert Notice.hits == ["/schouw.json"]
    assert expected in box.text() + box.informativeText()
    assert (box.icon() == QMessageBox.Icon.Warning) is is_error
    if expected == "99.0":
        assert "https://intranet.example.nl/schouw" in box.informativeText()
    box.close()


def test_an_unreachable_update_server_is_said_not_hidden(qtbot, app_window, small_project, monkeypatch):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("SCHOUW_UPDATE_URL", f"http://127.0.0.1:{port}/schouw.json")
    path, _ = small_project
    window = app_window(path)
    window.check_for_updates()
    qtbot.waitUntil(lambda: getattr(window.update_check, "box", None) is not None, timeout=15_000)
    assert "Kon niet controleren op updates" in window.update_check.box.text()
    window.update_check.box.close()
