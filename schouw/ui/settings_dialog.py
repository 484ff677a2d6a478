"""Instellingen: language, text size, whether original photo files are kept, and the
municipality's MOR system: the sync profile file and its API key / client secret.

The profile is remembered under the same settings key ``schouw sync`` reads without
--profile (``services.sync.choose_profile``). The key goes to the system keyring or the
user-only file (``exchange.mor.secrets``); the field never shows a stored key, only that
one is stored, and an empty field leaves it as it is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schouw.domain.forms import Form
from schouw.exchange.mor.profile import SyncProfile, load_sync_profile
from schouw.messages import SchouwError
from schouw.services import sync as sync_service
from schouw.services.findings import PhotoStorage
from schouw.ui import theme
from schouw.ui.i18n import LANGUAGES
from schouw.ui.prefs import Preferences
from schouw.ui.widgets import label, named

TEXT_SCALES = (1.0, 1.15, 1.3, 1.5)


def _mb(size: int) -> str:
    """Megabytes with a decimal comma, as Dutch readers write them."""
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


class SettingsDialog(QDialog):
    def _cost_text(self, storage: PhotoStorage | None) -> str:
        """The disk cost of keeping originals, measured on this project's photos."""
        if storage is None or storage.photos == 0:
            return self.tr("Originelen van telefoons zijn meestal 2 tot 5 MB per foto; de bewerkte kopie "
                           "in het project is veel kleiner.")
        return self.tr("Dit project: {photos}, samen {stored} in het bestand; {kept} originelen "
                       "bewaard ({kept_mb}). Alle originelen bewaren kost {missing} extra.").format(
            photos=self.tr("%n foto's", "", storage.photos), stored=_mb(storage.stored_bytes), kept=storage.originals_kept,
            kept_mb=_mb(storage.originals_bytes), missing=_mb(storage.originals_missing_bytes))

    def __init__(self, prefs: Preferences, parent: QWidget | None = None, *, form: Form | None = None,
                 storage: PhotoStorage | None = None):
        super().__init__(parent)
        named(self, "settingsDialog", self.tr("Instellingen"))
        self.setWindowTitle(self.tr("Instellingen"))
        self.form = form
        self.profile_dialog = None
        #: what changed in the sync settings when OK was pressed (for the main window)
        self.sync_changed = False
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Instellingen"), "heading"))
        form_layout = QFormLayout()
        self.language_combo = named(QComboBox(self), "languageCombo", self.tr("Taal"))
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(self.language_combo.findData(prefs.language))
        self.scale_combo = named(QComboBox(self), "textScale", self.tr("Tekstgrootte"))
        for scale in TEXT_SCALES:
            self.scale_combo.addItem(f"{round(scale * 100)} %", scale)
        nearest = min(TEXT_SCALES, key=lambda s: abs(s - prefs.text_scale))
        self.scale_combo.setCurrentIndex(TEXT_SCALES.index(nearest))
        self.keep_original = named(QCheckBox(self.tr("Originele fotobestanden ook bewaren (groter projectbestand)"),
                                             self), "keepOriginal", self.tr("Originele foto's bewaren"))
        self.keep_original.setChecked(prefs.keep_original)
        form_layout.addRow(self.tr("Taal / language"), self.language_combo)
        form_layout.addRow(self.tr("Tekstgrootte"), self.scale_combo)
        form_layout.addRow("", self.keep_original)
        self.original_cost = named(QLabel(self._cost_text(storage), self), "originalCost",
                                   self.tr("Wat originele foto's kosten"))
        self.original_cost.setWordWrap(True)
        form_layout.addRow("", self.original_cost)
        layout.addLayout(form_layout)
        layout.addWidget(self._build_sync())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        named(buttons.button(QDialogButtonBox.StandardButton.Ok), "settingsOk", self.tr("Instellingen opslaan"))
        named(buttons.button(QDialogButtonBox.StandardButton.Cancel), "settingsCancel", self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(760)
        chosen = sync_service.chosen_profile_path()
        self.profile_edit.setText(str(chosen) if chosen else "")
        self._chosen = str(chosen) if chosen else ""
        self._check_profile()

    # -- the MOR system ------------------------------------------------------------------------
    def _build_sync(self) -> QGroupBox:
        box = QGroupBox(self.tr("Meldingen aan de gemeente"), self)
        box.setObjectName("syncSettings")
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(6)
        self.profile_edit = named(QLineEdit(self), "syncProfilePath", self.tr("Synchronisatieprofiel (TOML-bestand)"))
        self.profile_edit.setPlaceholderText(self.tr("geen profiel gekozen"))
        self.profile_edit.editingFinished.connect(self._check_profile)
        self.choose_button = named(QPushButton(self.tr("Kiezen…"), self), "chooseSyncProfile",
                                   self.tr("Synchronisatieprofiel kiezen"))
        self.edit_button = named(QPushButton(self.tr("Bewerken…"), self), "editSyncProfile",
                                 self.tr("Synchronisatieprofiel bewerken"))
        self.new_button = named(QPushButton(self.tr("Nieuw…"), self), "newSyncProfile",
                                self.tr("Nieuw synchronisatieprofiel maken"))
        self.choose_button.clicked.connect(self.choose_profile_file)
        self.edit_button.clicked.connect(lambda: self.open_profile_editor())
        self.new_button.clicked.connect(lambda: self.open_profile_editor(new=True))
        profile_label = QLabel(self.tr("Profiel"), self)
        profile_label.setBuddy(self.profile_edit)
        grid.addWidget(profile_label, 0, 0)
        grid.addWidget(self.profile_edit, 0, 1)
        buttons = QHBoxLayout()
        for button in (self.choose_button, self.edit_button, self.new_button):
            buttons.addWidget(button)
        grid.addLayout(buttons, 0, 2)
        self.profile_info = QLabel(self)
        self.profile_info.setObjectName("syncProfileInfo")
        self.profile_info.setWordWrap(True)
        self.profile_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(self.profile_info, 1, 1, 1, 2)
        self.secret_label = QLabel(self.tr("API-sleutel"), self)
        self.secret_edit = named(QLineEdit(self), "syncSecret", self.tr("API-sleutel of client secret"),
                                 self.tr("Een opgeslagen sleutel wordt nooit getoond; typ een nieuwe om hem te "
                                         "vervangen"))
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setClearButtonEnabled(True)
        self.secret_label.setBuddy(self.secret_edit)
        grid.addWidget(self.secret_label, 2, 0)
        grid.addWidget(self.secret_edit, 2, 1, 1, 2)
        self.secret_info = label("", "muted")
        self.secret_info.setObjectName("syncSecretInfo")
        self.secret_info.setWordWrap(True)
        grid.addWidget(self.secret_info, 3, 1, 1, 2)
        return box

    def profile_path(self) -> str:
        return self.profile_edit.text().strip()

    def _load(self) -> tuple[SyncProfile | None, str]:
        path = self.profile_path()
        if not path:
            return None, ""
        try:
            return load_sync_profile(Path(path).expanduser()), ""
        except SchouwError as error:
            return None, error.message()

    def _check_profile(self) -> SyncProfile | None:
        """Read the profile named in the field and say what it is, or what is wrong."""
        profile, problem = self._load()
        if problem:
            self.profile_info.setText(problem)
            theme.colour_text(self.profile_info, theme.BELOW)
        elif profile is None:
            self.profile_info.setText(self.tr("Zonder profiel gaan meldingen nergens heen; met de hand gemarkeerde "
                                              "bevindingen wachten in de wachtrij."))
            theme.colour_text(self.profile_info, theme.MUTED)
        else:
            kinds = {"open311": "Open311", "signalen": "Signalen", "folder": self.tr("gedeelde map")}
            where = profile.base_url or (profile.folder.path if profile.folder else "")
            self.profile_info.setText(f"{profile.name} · {kinds[profile.kind]}" + (f" · {where}" if where else ""))
            theme.colour_text(self.profile_info, theme.GOOD)
        self.edit_button.setEnabled(bool(self.profile_path()))
        needs_secret = profile is not None and profile.kind != "folder"
        self.secret_edit.setEnabled(needs_secret)
        self.secret_label.setText(self.tr("Client secret") if profile is not None and profile.kind == "signalen"
                                  else self.tr("API-sleutel"))
        self.secret_edit.setAccessibleName(self.secret_label.text())
        stored = False
        store_problem = ""
        if needs_secret:
            try:
                stored = sync_service.has_secret(profile)
            except SchouwError as error:
                store_problem = error.message()
        # never the stored value: only whether there is one
        self.secret_edit.setPlaceholderText(self.tr("opgeslagen") if stored else
                                            self.tr("nog niet opgeslagen") if needs_secret else "")
        if store_problem:
            self.secret_info.setText(store_problem)
        elif needs_secret:
            self.secret_info.setText(self.tr("Wordt bewaard in de sleutelbos van het systeem, of anders in een "
                                             "bestand dat alleen u kunt lezen; nooit in het profiel of het "
                                             "project. Leeg laten houdt de opgeslagen sleutel."))
        else:
            self.secret_info.setText(self.tr("Een profiel met alleen een gedeelde map heeft geen sleutel nodig.")
                                     if profile is not None else "")
        return profile

    def choose_profile_file(self) -> None:
        start = self.profile_path() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Synchronisatieprofiel kiezen"), start,
                                              self.tr("Synchronisatieprofiel (*.toml);;Alle bestanden (*)"))
        if path:
            self.set_profile_path(path)

    def set_profile_path(self, path: str | Path) -> None:
        self.profile_edit.setText(str(path))
        self._check_profile()

    def open_profile_editor(self, new: bool = False):
        from schouw.ui.sync_profile_dialog import SyncProfileDialog

        dialog = SyncProfileDialog(None if new else (self.profile_path() or None), form=self.form, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.set_profile_path)
        dialog.open()
        self.profile_dialog = dialog
        return dialog

    def accept(self) -> None:
        """Check the profile and store the key before closing; a problem keeps the
        dialog open with the message next to the field."""
        path = self.profile_path()
        profile = self._check_profile()
        if path and profile is None:
            self.profile_edit.setFocus()
            return
        secret = self.secret_edit.text().strip()
        try:
            if profile is not None and secret:
                where = sync_service.store_secret(profile, secret)
                self.secret_edit.clear()
                self.secret_info.setText(self.tr("Opgeslagen in {store}.").format(store=where))
                self.sync_changed = True
            if path and str(Path(path).expanduser().resolve()) != self._chosen:
                sync_service.choose_profile(path)
                self.sync_changed = True
            elif not path and self._chosen:
                sync_service.forget_profile()
                self.sync_changed = True
        except SchouwError as error:
            self.secret_info.setText(error.message())
            theme.colour_text(self.secret_info, theme.BELOW)
            return
        super().accept()

    def apply_to(self, prefs: Preferences) -> bool:
        """Copy the choices into ``prefs``; True when the interface must be rebuilt."""
        language = self.language_combo.currentData()
        scale = float(self.scale_combo.currentData())
        rebuild = language != prefs.language or abs(scale - prefs.text_scale) > 1e-6
        prefs.language = language
        prefs.text_scale = scale
        prefs.keep_original = self.keep_original.isChecked()
        prefs.save()
        return rebuild
