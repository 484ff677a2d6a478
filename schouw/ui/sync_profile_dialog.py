"""The sync profile editor: one TOML file per municipality (docs/sync.md).

Name, kind, endpoint, the Signalen token client, the selection rule, the shared folder
and the mapping of every item of a form (ELEMENT.ASPECT, under its element, with an
element-level row and a default row) to a service code or Signalen sub-category. The
codes the endpoint offers are fetched on a worker thread ("Diensten ophalen"); offline,
or when the server refuses, the user can still type a code.

Validation is the profile model's own (``services.sync.check_profile``), each problem
shown under its field; the file is written by ``services.sync.save_profile`` (temporary
file, read back, renamed), so what is saved always loads again.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QThread, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from schouw.domain.forms import Form
from schouw.exchange.mor.base import ServiceOption, TransportError
from schouw.exchange.mor.profile import SyncProfile, load_sync_profile
from schouw.messages import SchouwError
from schouw.services import sync as sync_service
from schouw.ui import theme
from schouw.ui.widgets import fit_on_screen, label, named

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

# The mapping key of a row (ELEMENT.ASPECT, ELEMENT or "default"); None on group rows.
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
# The code a row maps to ("" when it falls back to its element or the default).
CODE_ROLE = Qt.ItemDataRole.UserRole + 2

KINDS = ("open311", "signalen", "folder")

# Workers whose dialog closed before they finished: kept alive until they do (a QThread
# destroyed while running takes the process with it).
_orphans: set[QThread] = set()


class ServicesWorker(QThread):
    """``services.sync.fetch_services`` on its own thread; one request, so "cancel" lets
    it run out (at most the profile's time-out) and drops the answer."""

    done = Signal(list)
    # (kind: "config" | "temporary" | "permanent" | "unknown" | "error", message)
    failed = Signal(str, str)

    def __init__(self, profile: SyncProfile, parent=None):
        super().__init__(parent)
        self.profile = profile
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            options = sync_service.fetch_services(self.profile)
        except TransportError as error:
            self.failed.emit(error.kind, error.message)
            return
        except SchouwError as error:
            self.failed.emit("error", error.message())
            return
        except Exception as error:  # noqa: BLE001 - shown to the user, details in the log
            log.exception("fetching services failed")
            self.failed.emit("error", type(error).__name__)
            return
        self.done.emit(options)


def option_label(option: ServiceOption) -> str:
    """How a service reads in the list: group › name, with a short code in brackets
    (Open311's "onkruid"; not Signalen's long URLs)."""
    text = f"{option.group} › {option.name}" if option.group and option.group != option.name else option.name
    if len(option.code) <= 40 and "/" not in option.code and option.code != option.name:
        text += f" ({option.code})"
    return text


class ServiceDelegate(QStyledItemDelegate):
    """Edits a row's code with an editable combo of the fetched services: pick one, or
    type a code the list does not have (offline, or a code known from elsewhere)."""

    def __init__(self, dialog: SyncProfileDialog):
        super().__init__(dialog)
        self.dialog = dialog

    def createEditor(self, parent: QWidget, option, index: Index) -> QWidget:  # noqa: N802 - Qt API
        combo = QComboBox(parent)
        named(combo, "mappingEditor", QCoreApplication.translate("SyncProfileDialog", "Dienst of subcategorie"))
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem(QCoreApplication.translate("SyncProfileDialog", "(niet gekoppeld)"), "")
        for service in self.dialog.services:
            combo.addItem(option_label(service), service.code)
            combo.setItemData(combo.count() - 1, service.code, Qt.ItemDataRole.ToolTipRole)
        view = combo.view()
        view.setMinimumWidth(min(640, max(option.rect.width(), view.sizeHintForColumn(0) + 32)))
        completer = combo.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt API
        code = index.data(CODE_ROLE) or ""
        found = editor.findData(code)
        if found >= 0:
            editor.setCurrentIndex(found)
        else:
            editor.setEditText(code)

    def setModelData(self, editor: QWidget, model, index: Index) -> None:  # noqa: N802 - Qt API
        text = editor.currentText().strip()
        found = editor.findText(text, Qt.MatchFlag.MatchExactly)
        code = editor.itemData(found) if found >= 0 else text
        model.setData(index, code or "", CODE_ROLE)

    def updateEditorGeometry(self, editor: QWidget, option, index: Index) -> None:  # noqa: N802 - Qt API
        editor.setGeometry(option.rect)


class SyncProfileDialog(QDialog):
    """Edit (or make) a sync profile file. ``saved`` carries the path written."""

    saved = Signal(str)

    def __init__(self, path: str | Path | None = None, *, form: Form | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "syncProfileDialog", self.tr("Synchronisatieprofiel"))
        self.setWindowTitle(self.tr("Synchronisatieprofiel"))
        self.path: Path | None = Path(path).expanduser() if path else None
        self.services: list[ServiceOption] = []
        self.worker: ServicesWorker | None = None
        self._base: SyncProfile | None = None
        self._painting = False
        self._errors: dict[str, QLabel] = {}
        self._rows: dict[str, QWidget] = {}
        self._forms = self._form_choices(form)
        load_problem = ""
        if self.path is not None and self.path.exists():
            try:
                self._base = load_sync_profile(self.path)
            except SchouwError as error:
                load_problem = self.tr("Dit profiel kan niet worden gelezen; opslaan overschrijft het. {problem}").format(
                    problem=error.message())
        self._build()
        self._show_profile(self._base)
        if load_problem:
            self._set_error("", load_problem)
        fit_on_screen(self, 1180, 700)

    # -- building ----------------------------------------------------------------------------
    def _form_choices(self, form: Form | None) -> list[Form]:
        from schouw.services.forms import available_forms

        choices = [form] if form is not None else []
        try:
            shipped = available_forms()
        except Exception:  # noqa: BLE001 - an unreadable forms folder costs only the choice
            log.exception("reading forms failed")
            shipped = {}
        choices += [f for f in shipped.values() if form is None or f.id != form.id]
        return choices

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(label(self.tr("Synchronisatieprofiel"), "heading"))
        head.addStretch(1)
        self.path_label = label("", "muted")
        self.path_label.setObjectName("profilePath")
        head.addWidget(self.path_label)
        outer.addLayout(head)
        self.intro = label(self.tr("Een synchronisatieprofiel zegt naar welk meldsysteem van de gemeente (MOR) "
                                   "de meldingen gaan: vul de soort en het adres in die u van de gemeente kreeg, "
                                   "en koppel de onderdelen van het formulier aan hun diensten."), "muted")
        self.intro.setObjectName("profileIntro")
        self.intro.setWordWrap(True)
        self.intro.setVisible(self.path is None or not self.path.exists())
        outer.addWidget(self.intro)

        columns = QHBoxLayout()
        outer.addLayout(columns, 1)

        # left: who and how
        left = QVBoxLayout()
        columns.addLayout(left, 0)
        general = QGroupBox(self.tr("Meldsysteem"), self)
        general.setObjectName("profileGeneral")
        self.form_layout = QFormLayout(general)
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_edit = self._line("profileName", self.tr("Naam"), self.tr("bijv. Gemeente Voorbeeldstad"))
        self.kind_combo = named(QComboBox(self), "profileKind", self.tr("Soort meldsysteem"))
        for kind, text in (("open311", self.tr("Open311 (GeoReport v2)")), ("signalen", self.tr("Signalen")),
                           ("folder", self.tr("Alleen een gedeelde map"))):
            self.kind_combo.addItem(text, kind)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.base_url_edit = self._line("profileBaseUrl", self.tr("Adres van de API (base URL)"),
                                        "https://meldingen.voorbeeldstad.nl/open311/v2")
        self.jurisdiction_edit = self._line("profileJurisdiction", self.tr("Jurisdiction-id"),
                                            self.tr("bijv. voorbeeldstad.nl (mag leeg)"))
        self.token_url_edit = self._line("profileTokenUrl", self.tr("Token-URL (OpenID Connect)"),
                                         "https://login.voorbeeldstad.nl/realms/signals/protocol/openid-connect/token")
        self.client_id_edit = self._line("profileClientId", self.tr("Client-id"), "schouw")
        self.source_edit = self._line("profileSource", self.tr("Bron (source) in Signalen"), "Wijkschouw")
        self.timeout_spin = named(QDoubleSpinBox(self), "profileTimeout", self.tr("Time-out per verzoek in seconden"))
        self.timeout_spin.setRange(0.1, 300.0)
        self.timeout_spin.setDecimals(1)
        self.timeout_spin.setSingleStep(1.0)
        self.timeout_spin.setSuffix(" s")
        self.media_check = named(QCheckBox(self.tr("Eerste foto meesturen (server neemt bestanden aan)"), self),
                                 "profileMediaUpload", self.tr("Foto meesturen"))
        self._add_row("name", self.tr("Naam"), self.name_edit)
        self._add_row("kind", self.tr("Soort"), self.kind_combo)
        self._add_row("base_url", self.tr("Adres (base URL)"), self.base_url_edit)
        self._add_row("jurisdiction_id", self.tr("Jurisdiction-id"), self.jurisdiction_edit)
        self._add_row("signalen.token_url", self.tr("Token-URL"), self.token_url_edit)
        self._add_row("signalen.client_id", self.tr("Client-id"), self.client_id_edit)
        self._add_row("signalen.source", self.tr("Bron"), self.source_edit)
        self._add_row("timeout", self.tr("Time-out"), self.timeout_spin)
        self._add_row("open311.media_upload", self.tr("Foto's"), self.media_check)
        left.addWidget(general)

        rule = QGroupBox(self.tr("Welke bevindingen gaan vanzelf"), self)
        rule.setObjectName("profileSelection")
        rule_layout = QFormLayout(rule)
        rule_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.below_norm_check = named(QCheckBox(self.tr("Alleen bevindingen onder de norm"), self),
                                      "profileBelowNorm", self.tr("Alleen bevindingen onder de norm"))
        self.parties_edit = named(QPlainTextEdit(self), "profileParties", self.tr("Actiehouders, één per regel"))
        self.parties_edit.setPlaceholderText(self.tr("Gemeente"))
        self.parties_edit.setTabChangesFocus(True)
        self.parties_edit.setFixedHeight(theme.line_height() * 3 + 14)
        self.parties_edit.setToolTip(self.tr("Een bevinding gaat als de actiehouder een van deze namen heeft (de hele "
                                             "naam, hoofdletters maken niet uit); leeg: elke actiehouder."))
        rule_layout.addRow("", self._with_error("selection.below_norm", self.below_norm_check))
        rule_layout.addRow(self.tr("Actiehouder is een van"), self._with_error("selection.parties", self.parties_edit))
        hint = label(self.tr("Met de hand gemarkeerde bevindingen gaan altijd."), "muted")
        hint.setWordWrap(True)
        rule_layout.addRow("", hint)
        left.addWidget(rule)

        folder_box = QGroupBox(self.tr("Gedeelde map (exportpakketten)"), self)
        folder_box.setObjectName("profileFolderBox")
        folder_layout = QVBoxLayout(folder_box)
        folder_row = QHBoxLayout()
        self.folder_edit = self._line("profileFolder", self.tr("Gedeelde map"), self.tr("leeg: geen pakketten"))
        self.folder_button = named(QPushButton(self.tr("Kiezen…"), self), "profileFolderChoose",
                                   self.tr("Gedeelde map kiezen"))
        self.folder_button.clicked.connect(self.choose_folder)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        folder_layout.addLayout(folder_row)
        folder_layout.addWidget(self._error_label("folder.path"))
        left.addWidget(folder_box)
        left.addStretch(1)

        # right: the mapping
        mapping = QGroupBox(self.tr("Koppeling: onderdeel → dienst bij de gemeente"), self)
        mapping.setObjectName("profileMappingBox")
        self.mapping_box = mapping
        right = QVBoxLayout(mapping)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Formulier"), self))
        self.form_combo = named(QComboBox(self), "profileForm", self.tr("Formulier waarvan de onderdelen gekoppeld worden"))
        for form in self._forms:
            self.form_combo.addItem(f"{form.title} ({form.version})", form.id)
        self.form_combo.currentIndexChanged.connect(lambda _i: self._fill_mapping(self.mapping()))
        top.addWidget(self.form_combo, 1)
        self.fetch_button = named(QPushButton(self.tr("Diensten ophalen"), self), "fetchServices",
                                  self.tr("Diensten ophalen"),
                                  self.tr("Haal de lijst van diensten of subcategorieën op bij de server"))
        self.fetch_button.clicked.connect(self.fetch_services)
        self.cancel_fetch_button = named(QPushButton(self.tr("Stoppen"), self), "cancelFetchServices",
                                         self.tr("Diensten ophalen stoppen"))
        self.cancel_fetch_button.clicked.connect(self.cancel_fetch)
        self.cancel_fetch_button.setVisible(False)
        top.addWidget(self.fetch_button)
        top.addWidget(self.cancel_fetch_button)
        right.addLayout(top)
        self.fetch_progress = named(QProgressBar(self), "fetchProgress", self.tr("Diensten worden opgehaald"))
        self.fetch_progress.setRange(0, 0)
        self.fetch_progress.setMaximumHeight(theme.line_height())
        self.fetch_progress.setTextVisible(False)
        self.fetch_progress.setVisible(False)
        right.addWidget(self.fetch_progress)
        self.fetch_status = label(self.tr("Dubbelklik in de kolom Dienst om te koppelen; een onderdeel zonder eigen "
                                          "koppeling volgt zijn element, daarna de standaard."), "muted")
        named(self.fetch_status, "fetchStatus", self.tr("Uitkomst van diensten ophalen"))
        self.fetch_status.setWordWrap(True)
        right.addWidget(self.fetch_status)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Onderdeel"), self.tr("Sleutel"),
                                              self.tr("Dienst / subcategorie")])
        self.model.dataChanged.connect(self._mapping_edited)
        self.tree = named(QTreeView(self), "mappingTree", self.tr("Koppeling van onderdelen aan diensten"))
        self.tree.setModel(self.model)
        self.tree.setItemDelegateForColumn(2, ServiceDelegate(self))
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.SelectedClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 270)
        header.resizeSection(1, 175)
        right.addWidget(self.tree, 1)
        right.addWidget(self._error_label("mapping"))
        columns.addWidget(mapping, 1)

        self.general_error = self._error_label("")
        outer.addWidget(self.general_error)
        buttons = QDialogButtonBox(self)
        self.save_button = named(buttons.addButton(self.tr("Opslaan"), QDialogButtonBox.ButtonRole.AcceptRole),
                                 "saveProfile", self.tr("Profiel opslaan"))
        self.save_as_button = named(buttons.addButton(self.tr("Opslaan als…"), QDialogButtonBox.ButtonRole.ActionRole),
                                    "saveProfileAs", self.tr("Profiel opslaan als nieuw bestand"))
        cancel = named(buttons.addButton(QDialogButtonBox.StandardButton.Cancel), "profileCancel",
                       self.tr("Annuleren"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.save_as_button.clicked.connect(self.save_as)
        cancel.clicked.connect(self.reject)
        outer.addWidget(buttons)
        left_width = 470
        general.setMinimumWidth(left_width)

    def _line(self, name: str, accessible: str, placeholder: str = "") -> QLineEdit:
        edit = named(QLineEdit(self), name, accessible)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        return edit

    def _error_label(self, key: str) -> QLabel:
        error = QLabel(self)
        error.setObjectName(f"error_{key or 'profile'}".replace(".", "_"))
        error.setWordWrap(True)
        theme.colour_text(error, theme.BELOW)
        error.setVisible(False)
        self._errors[key] = error
        return error

    def _with_error(self, key: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self._error_label(key))
        return box

    def _add_row(self, key: str, text: str, widget: QWidget) -> None:
        box = self._with_error(key, widget)
        self._rows[key] = box
        self.form_layout.addRow(text, box)

    # -- showing a profile -------------------------------------------------------------------
    def _show_profile(self, profile: SyncProfile | None) -> None:
        self.path_label.setText(str(self.path) if self.path else self.tr("nieuw profiel (nog niet opgeslagen)"))
        self.path_label.setToolTip(str(self.path) if self.path else "")
        p = profile
        self.name_edit.setText(p.name if p else "")
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(p.kind if p else "open311"))
        self.base_url_edit.setText(p.base_url if p else "")
        self.jurisdiction_edit.setText(p.jurisdiction_id if p else "")
        signalen = p.signalen if p else None
        self.token_url_edit.setText(signalen.token_url if signalen else "")
        self.client_id_edit.setText(signalen.client_id if signalen else "")
        self.source_edit.setText(signalen.source if signalen else "Wijkschouw")
        self.timeout_spin.setValue(p.timeout if p else 20.0)
        self.media_check.setChecked(p.open311.media_upload if p else False)
        self.below_norm_check.setChecked(p.selection.below_norm if p else True)
        self.parties_edit.setPlainText("\n".join(p.selection.parties if p else ["Gemeente"]))
        self.folder_edit.setText(p.folder.path if p and p.folder else "")
        self._fill_mapping(dict(p.mapping) if p else {})
        self._kind_changed()

    def _kind_changed(self, *_args) -> None:
        kind = self.kind()
        visible = {"base_url": kind != "folder", "jurisdiction_id": kind == "open311",
                   "signalen.token_url": kind == "signalen", "signalen.client_id": kind == "signalen",
                   "signalen.source": kind == "signalen", "timeout": kind != "folder",
                   "open311.media_upload": kind == "open311"}
        for key, on in visible.items():
            self.form_layout.setRowVisible(self._rows[key], on)
        self.mapping_box.setEnabled(kind != "folder")
        self.base_url_edit.setPlaceholderText("https://api.meldingen.voorbeeldstad.nl" if kind == "signalen"
                                              else "https://meldingen.voorbeeldstad.nl/open311/v2")

    def kind(self) -> str:
        return self.kind_combo.currentData() or "open311"

    def current_form(self) -> Form | None:
        index = self.form_combo.currentIndex()
        return self._forms[index] if 0 <= index < len(self._forms) else None

    def _fill_mapping(self, mapping: dict[str, str]) -> None:
        """Rows: the default, every element with its aspects, and keys of the profile the
        form does not know (kept, so nothing is lost on saving)."""
        self._painting = True
        try:
            self.model.removeRows(0, self.model.rowCount())
            root = self.model.invisibleRootItem()
            known: set[str] = {"default"}
            root.appendRow(self._mapping_row(self.tr("Standaard (al het andere)"), "default",
                                             mapping.get("default", "")))
            form = self.current_form()
            expand: list[QStandardItem] = []
            for element in form.elements if form else ():
                row = self._mapping_row(element.name, element.id, mapping.get(element.id, ""))
                known.add(element.id)
                for aspect in element.aspects:
                    key = f"{element.id}.{aspect.id}"
                    known.add(key)
                    row[0].appendRow(self._mapping_row(aspect.name, key, mapping.get(key, "")))
                    if mapping.get(key):
                        expand.append(row[0])
                root.appendRow(row)
            others = [key for key in mapping if key not in known]
            if others:
                group = self._group_row(self.tr("Andere sleutels in dit profiel"))
                for key in others:
                    group[0].appendRow(self._mapping_row(key, key, mapping[key]))
                root.appendRow(group)
                expand.append(group[0])
        finally:
            self._painting = False
        self._repaint()
        for item in expand:
            self.tree.setExpanded(item.index(), True)

    def _mapping_row(self, name: str, key: str, code: str) -> list[QStandardItem]:
        first = QStandardItem(name)
        first.setData(key, KEY_ROLE)
        first.setToolTip(name)
        second = QStandardItem(key)
        second.setData(key, KEY_ROLE)
        third = QStandardItem(code)
        third.setData(key, KEY_ROLE)
        third.setData(code, CODE_ROLE)
        for item in (first, second):
            item.setEditable(False)
        third.setEditable(True)
        third.setData(self.tr("Dienst voor {key}").format(key=key), Qt.ItemDataRole.AccessibleTextRole)
        return [first, second, third]

    def _group_row(self, name: str) -> list[QStandardItem]:
        items = [QStandardItem(name), QStandardItem(""), QStandardItem("")]
        for item in items:
            item.setEditable(False)
        font = items[0].font()
        font.setBold(True)
        items[0].setFont(font)
        return items

    def _rows_of(self, parent: QStandardItem | None = None):
        parent = parent or self.model.invisibleRootItem()
        for r in range(parent.rowCount()):
            first = parent.child(r, 0)
            yield parent, r, first
            yield from self._rows_of(first)

    def code_item(self, key: str) -> QStandardItem | None:
        for parent, r, first in self._rows_of():
            if first.data(KEY_ROLE) == key:
                return parent.child(r, 2)
        return None

    def set_code(self, key: str, code: str) -> None:
        """Map a key as the editor would (tests, and the mapping's own editor)."""
        item = self.code_item(key)
        if item is None:
            raise KeyError(key)
        item.setData(code, CODE_ROLE)

    def mapping(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for parent, r, first in self._rows_of():
            key = first.data(KEY_ROLE)
            code = (parent.child(r, 2).data(CODE_ROLE) or "").strip() if key else ""
            if key and code:
                out[key] = code
        return out

    def _mapping_edited(self, *_args) -> None:
        if not self._painting:
            self._repaint()

    def _repaint(self) -> None:
        """The code column: the service's name when it is known, else the code; a row
        without its own code shows in grey where it falls back to."""
        names = {s.code: option_label(s) for s in self.services}
        short = {s.code: s.name for s in self.services}
        mapping = self.mapping()
        self._painting = True
        try:
            for parent, r, first in self._rows_of():
                key = first.data(KEY_ROLE)
                if not key:
                    continue
                item = parent.child(r, 2)
                code = item.data(CODE_ROLE) or ""
                if code:
                    item.setText(names.get(code, code))
                    item.setForeground(QColor(theme.INK))
                    item.setToolTip(code)
                    continue
                element = key.partition(".")[0] if "." in key else None
                via = mapping.get(element) if element else None
                if via:
                    text = self.tr("→ {service} (via element)").format(service=short.get(via, via))
                elif key != "default" and mapping.get("default"):
                    text = self.tr("→ {service} (standaard)").format(
                        service=short.get(mapping["default"], mapping["default"]))
                else:
                    text = self.tr("niet gekoppeld") if key == "default" or not mapping.get("default") else ""
                item.setText(text)
                item.setForeground(QColor("#6b747d"))
                item.setToolTip("")
        finally:
            self._painting = False

    # -- services --------------------------------------------------------------------------------
    def fetch_services(self) -> bool:
        """Ask the endpoint what it accepts, on a worker thread."""
        if self.worker is not None:
            return False
        data = self.data()
        data["name"] = data["name"] or "?"
        profile, problems = sync_service.check_profile(data)
        self._show_errors(problems)
        if profile is None:
            self.fetch_status.setText(self.tr("Vul eerst het adres van de API goed in."))
            theme.colour_text(self.fetch_status, theme.BELOW)
            return False
        worker = self.worker = ServicesWorker(profile, self)
        # an answer that arrives after "Stoppen" is dropped, even one already on its way
        worker.done.connect(lambda options: None if worker.cancelled else self._services_loaded(options))
        worker.failed.connect(lambda kind, text: None if worker.cancelled else self._services_failed(kind, text))
        worker.finished.connect(self._fetch_finished)
        self.fetch_button.setEnabled(False)
        self.cancel_fetch_button.setVisible(True)
        self.fetch_progress.setVisible(True)
        self.fetch_status.setText(self.tr("Diensten ophalen bij {url}…").format(url=profile.base_url))
        theme.colour_text(self.fetch_status, theme.MUTED)
        self.worker.start()
        return True

    @property
    def fetching(self) -> bool:
        return self.worker is not None

    def cancel_fetch(self) -> None:
        if self.worker is None:
            return
        self.worker.cancel()
        self._detach_worker()
        self.fetch_status.setText(self.tr("Gestopt. U kunt een code ook zelf typen."))
        theme.colour_text(self.fetch_status, theme.MUTED)

    def _detach_worker(self) -> None:
        worker, self.worker = self.worker, None
        if worker is None:
            return
        for signal in (worker.done, worker.failed, worker.finished):
            signal.disconnect()
        if worker.isRunning():
            worker.setParent(None)
            _orphans.add(worker)
            worker.finished.connect(lambda w=worker: (_orphans.discard(w), w.deleteLater()))
        else:
            worker.deleteLater()
        self.fetch_button.setEnabled(True)
        self.cancel_fetch_button.setVisible(False)
        self.fetch_progress.setVisible(False)

    def _services_loaded(self, options: list) -> None:
        self.services = [o for o in options if isinstance(o, ServiceOption) and o.active]
        if self.kind() == "signalen":
            text = self.tr("%n subcategorieën opgehaald. Dubbelklik in de kolom Dienst om te koppelen.", "",
                           len(self.services))
        else:
            text = self.tr("%n diensten opgehaald. Dubbelklik in de kolom Dienst om te koppelen.", "",
                           len(self.services))
        self.fetch_status.setText(text)
        theme.colour_text(self.fetch_status, theme.GOOD)
        self._repaint()

    def _services_failed(self, kind: str, message: str) -> None:
        if kind == "config":
            text = self.tr("De server weigert de toegang: {message}. Controleer de sleutel in de instellingen. "
                           "U kunt een code ook zelf typen.")
        elif kind in ("temporary", "unknown"):
            text = self.tr("Diensten ophalen lukte niet: {message}. Is er geen netwerk? U kunt een code ook zelf "
                           "typen.")
        else:
            text = self.tr("Diensten ophalen lukte niet: {message}. U kunt een code ook zelf typen.")
        self.fetch_status.setText(text.format(message=message.rstrip(".")))
        theme.colour_text(self.fetch_status, theme.BELOW)

    def _fetch_finished(self) -> None:
        self._detach_worker()

    # -- checking and saving ---------------------------------------------------------------------
    def data(self) -> dict[str, Any]:
        """The profile as the fields hold it (what is not shown is kept from the file)."""
        kind = self.kind()
        base = self._base.model_dump() if self._base is not None else {}
        open311 = dict(base.get("open311") or {})
        if kind == "open311":
            open311["media_upload"] = self.media_check.isChecked()
        data: dict[str, Any] = {
            "name": self.name_edit.text().strip(),
            "kind": kind,
            "base_url": self.base_url_edit.text().strip() if kind != "folder" else "",
            "jurisdiction_id": self.jurisdiction_edit.text().strip() if kind == "open311" else "",
            "timeout": round(self.timeout_spin.value(), 1),
            "mapping": self.mapping(),
            "selection": {"below_norm": self.below_norm_check.isChecked(),
                          "parties": [p.strip() for p in self.parties_edit.toPlainText().splitlines() if p.strip()]},
        }
        if open311:
            data["open311"] = open311
        if kind == "signalen":
            data["signalen"] = {"token_url": self.token_url_edit.text().strip(),
                                "client_id": self.client_id_edit.text().strip(),
                                "source": self.source_edit.text().strip() or "Wijkschouw"}
        if self.folder_edit.text().strip():
            data["folder"] = {"path": self.folder_edit.text().strip()}
        return data

    def profile(self) -> SyncProfile | None:
        """The profile in the fields, checked; problems are shown under their fields."""
        profile, problems = sync_service.check_profile(self.data())
        self._show_errors(problems)
        return profile

    def _show_errors(self, problems: dict[str, str]) -> None:
        first: QWidget | None = None
        for key, error in self._errors.items():
            text = problems.get(key, "")
            if key == "" and not text:
                # a problem whose field is hidden, or that no field owns
                text = "; ".join(f"{k}: {v}" for k, v in problems.items() if k not in self._errors)
            error.setText(text)
            error.setVisible(bool(text))
            if text and first is None and key:
                first = error
        if first is not None:
            self.general_error.setText(self.general_error.text() or self.tr("Het profiel is nog niet in orde."))
            self.general_error.setVisible(True)

    def _set_error(self, key: str, text: str) -> None:
        error = self._errors[key]
        error.setText(text)
        error.setVisible(bool(text))

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        start = str(self.path) if self.path else str(Path.home() / self.tr("sync-profiel.toml"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Profiel opslaan"), start,
                                              self.tr("Synchronisatieprofiel (*.toml)"))
        if not path:
            return False
        if not path.endswith(".toml"):
            path += ".toml"
        return self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        """Check, write (atomically) and close; False with the problems shown."""
        self._set_error("", "")
        profile = self.profile()
        if profile is None:
            return False
        try:
            written = sync_service.save_profile(profile, path)
        except SchouwError as error:
            self._set_error("", error.message())
            return False
        self.path = written
        self._base = profile
        self.saved.emit(str(written))
        self.accept()
        return True

    def choose_folder(self) -> None:
        start = self.folder_edit.text().strip() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Gedeelde map kiezen"), start)
        if folder:
            self.folder_edit.setText(folder)

    def done(self, result: int) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self._detach_worker()
        super().done(result)
