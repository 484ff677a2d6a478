"""The sync profile editor: services fetched on a worker thread from the real Open311 and
Signalen test servers, an item mapped through the mapping's own editor, saved as TOML
(atomically) and read back to the same profile; offline and a refused key give a Dutch
message and a code can still be typed; problems are shown next to their field."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import socket  # noqa: E402
import threading  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from signalen_server import SignalenServer  # noqa: E402
from test_mor_fixtures import API_KEY, file_secrets_fixture, server_fixture  # noqa: E402, F401 - fixtures

from schouw.exchange.mor.profile import load_sync_profile  # noqa: E402
from schouw.services.forms import find_form  # noqa: E402
from schouw.ui.sync_profile_dialog import CODE_ROLE, SyncProfileDialog  # noqa: E402

INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QAbstractSpinBox, QAbstractItemView)


@pytest.fixture
def crow():
    return find_form("crow-beeldkwaliteit")


def new_dialog(qtbot, crow, path: Path | None = None) -> SyncProfileDialog:
    dialog = SyncProfileDialog(path, form=crow)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fetch(dialog, qtbot) -> None:
    assert dialog.fetch_services()
    assert dialog.fetching and not dialog.fetch_button.isEnabled() and dialog.fetch_progress.isVisible()
    qtbot.waitUntil(lambda: not dialog.fetching, timeout=15000)


def map_with_editor(dialog, qtbot, key: str, code: str) -> None:
    """As a user does: open the code cell's editor, pick the service, press Enter."""
    item = dialog.code_item(key)
    index = item.index()
    dialog.tree.scrollTo(index)
    dialog.tree.setCurrentIndex(index)
    dialog.tree.edit(index)

    def open_editors() -> list[QComboBox]:
        # A closed editor is hidden at once but deleted only later: under load the
        # previous one is still a child, so take the one that is showing.
        return [e for e in dialog.tree.findChildren(QComboBox, "mappingEditor") if e.isVisible()]

    qtbot.waitUntil(lambda: len(open_editors()) == 1)
    editor = open_editors()[0]
    assert editor.accessibleName()
    found = editor.findData(code)
    assert found > 0, f"{code} not offered"
    editor.setCurrentIndex(found)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: item.data(CODE_ROLE) == code)


def test_open311_services_fetched_mapped_saved_and_read_back(qtbot, crow, server, tmp_path):
    dialog = new_dialog(qtbot, crow)
    for widget in dialog.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(dialog) or isinstance(widget, QHeaderView):
            continue  # a header is part of its tree view
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
            continue  # the editor inside a combo box or spin box: named through its parent
        assert widget.objectName() and widget.accessibleName(), widget
    # every item of the form, under its element, with element and default rows
    assert dialog.code_item("default") is not None
    assert dialog.code_item("asfalt") is not None
    assert all(dialog.code_item(key) is not None for key in crow.item_keys())

    qtbot.keyClicks(dialog.name_edit, "Gemeente Voorbeeldstad")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("open311"))
    qtbot.keyClicks(dialog.base_url_edit, server.url)
    qtbot.keyClicks(dialog.jurisdiction_edit, "voorbeeldstad.nl")
    assert not dialog.token_url_edit.isVisibleTo(dialog)  # Signalen's fields only for Signalen
    fetch(dialog, qtbot)
    assert "4 diensten opgehaald" in dialog.fetch_status.text()
    assert {s.code for s in dialog.services} == {"onkruid", "zwerfafval", "verharding", "overig"}

    map_with_editor(dialog, qtbot, "asfalt.onkruid", "onkruid")
    map_with_editor(dialog, qtbot, "default", "overig")
    dialog.set_code("reiniging", "zwerfafval")  # element level
    assert dialog.code_item("asfalt.onkruid").text() == "Openbare ruimte › Onkruid (onkruid)"
    assert "via element" in dialog.code_item("reiniging.zwerfafval-grof-verharding").text()
    assert "standaard" in dialog.code_item("asfalt.schade").text()
    dialog.media_check.setChecked(True)

    target = tmp_path / "profielen" / "voorbeeldstad.toml"
    target.parent.mkdir()
    saved = []
    dialog.saved.connect(saved.append)
    assert dialog.save_to(target)
    assert saved == [str(target)] and not dialog.isVisible()
    assert [p.name for p in target.parent.iterdir()] == ["voorbeeldstad.toml"]  # no temporary file left

    profile = load_sync_profile(target)
    assert profile.name == "Gemeente Voorbeeldstad" and profile.kind == "open311"
    assert profile.base_url == server.url and profile.jurisdiction_id == "voorbeeldstad.nl"
    assert profile.mapping == {"default": "overig", "reiniging": "zwerfafval", "asfalt.onkruid": "onkruid"}
    assert profile.open311.media_upload and profile.selection.parties == ["Gemeente"]
    assert profile.service_for("reiniging", "zwerfafval-grof-verharding") == "zwerfafval"

    again = new_dialog(qtbot, crow, target)  # read back: the same profile, and again on saving
    assert again.profile() == profile
    assert again.code_item("asfalt.onkruid").data(CODE_ROLE) == "onkruid"
    assert again.save_to(target) and load_sync_profile(target) == profile


def test_signalen_categories_fetched_mapped_saved_and_read_back(qtbot, crow, tmp_path):
    with SignalenServer() as server:
        url, token_url = server.url, server.token_url
        dialog = new_dialog(qtbot, crow)
        dialog.name_edit.setText("Gemeente Teststad (Signalen)")
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("signalen"))
        assert dialog.token_url_edit.isVisibleTo(dialog) and not dialog.jurisdiction_edit.isVisibleTo(dialog)
        dialog.base_url_edit.setText(url)
        dialog.token_url_edit.setText(token_url)
        dialog.client_id_edit.setText(server.client_id)
        dialog.timeout_spin.setValue(7.5)
        fetch(dialog, qtbot)
    assert "12 subcategorieën opgehaald" in dialog.fetch_status.text()  # active ones only
    onkruid = next(s for s in dialog.services if s.name == "Onkruid")
    assert onkruid.code.endswith("/openbaar-groen-en-water/sub_categories/onkruid")
    assert not any("vervallen" in s.name for s in dialog.services)
    map_with_editor(dialog, qtbot, "asfalt.onkruid", onkruid.code)
    assert dialog.code_item("asfalt.onkruid").text() == "Openbaar groen en water › Onkruid"
    dialog.set_code("default", "overig/overig")  # typed, in Signalen's "main/sub" spelling
    dialog.parties_edit.setPlainText("Gemeente\nStadsdeel Noord\n")
    dialog.below_norm_check.setChecked(False)

    target = tmp_path / "signalen.toml"
    assert dialog.save_to(target)
    profile = load_sync_profile(target)
    assert profile.kind == "signalen" and profile.signalen.token_url == token_url
    assert profile.signalen.client_id == "schouw" and profile.signalen.source == "Wijkschouw"
    assert profile.timeout == 7.5 and profile.selection.parties == ["Gemeente", "Stadsdeel Noord"]
    assert not profile.selection.below_norm
    assert profile.mapping == {"default": "overig/overig", "asfalt.onkruid": onkruid.code}
    assert new_dialog(qtbot, crow, target).profile() == profile


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Refusing(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - stdlib name
        body = b'[{"code": 401, "description": "api_key invalid"}]'
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_offline_or_refused_says_so_and_a_code_can_be_typed(qtbot, crow, tmp_path):
    dialog = new_dialog(qtbot, crow)
    dialog.name_edit.setText("Offline")
    dialog.base_url_edit.setText(f"http://127.0.0.1:{free_port()}/open311/v2")  # nobody listens there
    dialog.timeout_spin.setValue(2)
    fetch(dialog, qtbot)
    text = dialog.fetch_status.text()
    assert text.startswith("Diensten ophalen lukte niet: server niet bereikbaar") and "zelf typen" in text
    assert dialog.services == [] and dialog.fetch_button.isEnabled()

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Refusing)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        dialog.base_url_edit.setText(f"http://127.0.0.1:{httpd.server_address[1]}/open311/v2")
        fetch(dialog, qtbot)
    finally:
        httpd.shutdown()
        httpd.server_close()
    text = dialog.fetch_status.text()
    assert text.startswith("De server weigert de toegang") and "401" in text and "zelf typen" in text
    assert API_KEY not in text

    # typed by hand: the editor takes any code
    item = dialog.code_item("asfalt.onkruid")
    dialog.tree.setCurrentIndex(item.index())
    dialog.tree.edit(item.index())
    editor = dialog.tree.findChild(QComboBox, "mappingEditor")
    editor.lineEdit().selectAll()
    qtbot.keyClicks(editor.lineEdit(), "ONK-01")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: item.data(CODE_ROLE) == "ONK-01")
    assert dialog.save_to(tmp_path / "offline.toml")
    assert load_sync_profile(tmp_path / "offline.toml").mapping == {"asfalt.onkruid": "ONK-01"}


def test_problems_are_shown_next_to_their_field(qtbot, crow, tmp_path):
    dialog = new_dialog(qtbot, crow)
    target = tmp_path / "p.toml"
    assert not dialog.save_to(target)  # no name, no address
    name_error = dialog.findChild(QWidget, "error_name")
    assert name_error.isVisible() and name_error.text() == "mag niet leeg zijn"
    dialog.name_edit.setText("Gemeente")
    dialog.base_url_edit.setText("http://meldingen.example.org/open311")
    assert not dialog.save_to(target)
    url_error = dialog.findChild(QWidget, "error_base_url")
    assert url_error.isVisible() and "https" in url_error.text() and not name_error.isVisible()

    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("signalen"))
    dialog.base_url_edit.setText("https://api.meldingen.example.org")
    assert not dialog.save_to(target)
    assert dialog.findChild(QWidget, "error_signalen_token_url").isVisible()

    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("folder"))
    assert not dialog.save_to(target)
    assert "[folder]" in dialog.findChild(QWidget, "error_folder_path").text()
    dialog.folder_edit.setText(str(tmp_path))
    assert dialog.save_to(target) and not target.with_suffix(".toml.tmp").exists()
    profile = load_sync_profile(target)
    assert profile.kind == "folder" and profile.folder.path == str(tmp_path) and profile.base_url == ""


def test_unknown_parts_of_a_profile_survive_editing(qtbot, crow, tmp_path):
    """Keys the form does not have and Open311 settings the editor does not show are kept."""
    source = tmp_path / "rijk.toml"
    source.write_text(
        'name = "Rijk"\nkind = "open311"\nbase_url = "https://meldingen.example.org/v2"\n'
        '[open311]\nreference_attribute = "schouw_id"\nattributes = { bron = "wijkschouw", "soort code" = "x" }\n'
        '[mapping]\n"sv.verlichting" = "licht"\n"asfalt.onkruid" = "onkruid"\n', encoding="utf-8")
    original = load_sync_profile(source)
    dialog = new_dialog(qtbot, crow, source)
    assert dialog.code_item("sv.verlichting").data(CODE_ROLE) == "licht"
    assert dialog.profile() == original
    assert dialog.save_to(source)
    assert load_sync_profile(source) == original
    text = source.read_text(encoding="utf-8")
    assert text.startswith("# Synchronisatieprofiel") and '"soort code" = "x"' in text
