"""Instellingen: language, text size, and whether original photo files are kept."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from schouw.ui.i18n import LANGUAGES
from schouw.ui.prefs import Preferences
from schouw.ui.widgets import label, named

TEXT_SCALES = (1.0, 1.15, 1.3, 1.5)


class SettingsDialog(QDialog):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "settingsDialog", self.tr("Instellingen"))
        self.setWindowTitle(self.tr("Instellingen"))
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Instellingen"), "heading"))
        form = QFormLayout()
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
        form.addRow(self.tr("Taal / language"), self.language_combo)
        form.addRow(self.tr("Tekstgrootte"), self.scale_combo)
        form.addRow("", self.keep_original)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        named(buttons.button(QDialogButtonBox.StandardButton.Ok), "settingsOk", self.tr("Instellingen opslaan"))
        named(buttons.button(QDialogButtonBox.StandardButton.Cancel), "settingsCancel", self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

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
