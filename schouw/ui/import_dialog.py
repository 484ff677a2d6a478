"""Straten importeren: the street list of a buurt from CSV or GeoJSON."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schouw.domain.profile import AREA_TYPES
from schouw.messages import SchouwError
from schouw.services import walk
from schouw.store.project import Project
from schouw.ui import labels
from schouw.ui.dialogs import show_error
from schouw.ui.widgets import fit_on_screen, label, named


class StreetImportDialog(QDialog):
    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "streetImportDialog", self.tr("Straten importeren"))
        self.setWindowTitle(self.tr("Straten importeren"))
        self.project = project
        self.result_text = ""
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Straten importeren"), "heading"))
        intro = label(self.tr("Kies een CSV-bestand (met een kolom ‘straat’ of ‘naam’) of een GeoJSON-bestand "
                              "met de straten van één buurt. Bestaande straten blijven staan."), "muted")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        row = QHBoxLayout()
        self.file_edit = named(QLineEdit(self), "importFile", self.tr("Bestand"))
        browse = named(QPushButton(self.tr("Bladeren…"), self), "importBrowse", self.tr("Bestand kiezen"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Bestand"), row)
        self.buurt_combo = named(QComboBox(self), "importBuurt", self.tr("Buurt"))
        self.buurt_combo.setEditable(True)
        for choice in walk.buurt_choices(project):
            self.buurt_combo.addItem(choice.buurt.name)
        self.buurt_combo.setEditText("")
        self.wijk_edit = named(QLineEdit(self), "importWijk", self.tr("Wijk"))
        self.wijk_edit.setPlaceholderText(self.tr("leeg: zelfde als de buurt"))
        self.woonplaats_edit = named(QLineEdit(self), "importWoonplaats", self.tr("Woonplaats"))
        self.area_combo = named(QComboBox(self), "importAreaType", self.tr("Gebiedstype"))
        for key in AREA_TYPES:
            self.area_combo.addItem(labels.area_type_label(key), key)
        self.area_combo.setCurrentIndex(self.area_combo.findData("woongebied"))
        form.addRow(self.tr("Buurt"), self.buurt_combo)
        form.addRow(self.tr("Wijk"), self.wijk_edit)
        form.addRow(self.tr("Woonplaats"), self.woonplaats_edit)
        form.addRow(self.tr("Gebiedstype"), self.area_combo)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        named(buttons.button(QDialogButtonBox.StandardButton.Ok), "importOk", self.tr("Importeren"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Importeren"))
        named(buttons.button(QDialogButtonBox.StandardButton.Cancel), "importCancel", self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_on_screen(self, 620, 360)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Stratenbestand kiezen"), str(Path.home()),
                                              self.tr("Straten (*.csv *.geojson *.json);;Alle bestanden (*)"))
        if path:
            self.file_edit.setText(path)
            if not self.buurt_combo.currentText():
                self.buurt_combo.setEditText(Path(path).stem)

    def accept(self) -> None:
        from schouw.services.streets import import_streets

        path = self.file_edit.text().strip()
        buurt = self.buurt_combo.currentText().strip()
        if not path or not buurt:
            show_error(self, self.tr("Kies een bestand en vul de naam van de buurt in."))
            return
        try:
            with self.project.write():
                result = import_streets(self.project, path, buurt=buurt,
                                        wijk=self.wijk_edit.text().strip() or None,
                                        woonplaats=self.woonplaats_edit.text().strip() or None,
                                        area_type=self.area_combo.currentData())
        except SchouwError as error:
            show_error(self, error)
            return
        self.result_text = self.tr("%n straten toegevoegd en {updated} aangevuld in {buurt}.", "", result.added).format(
            updated=result.updated, buurt=result.buurt)
        super().accept()
